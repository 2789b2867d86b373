"""Memoised template fragments (``{% fragment %}``): a changed run re-renders only the parts of a
module whose inputs changed, splices them into the rest, and gives the bytes of a run without the
cache; a fragment whose inputs cannot be told again is rendered every time."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cache.incremental import Fingerprints
from generator.cache.store import CACHE_DIR
from generator.cli import main
from generator.ir import Schema
from generator.render import fragments as fragments_module
from generator.render.environment import make_environment
from generator.render.fragments import Fragments

SPEC = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /links:
    post:
      operationId: createLink
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Link'}
      responses:
        '200': {description: OK}
components:
  schemas:
    Link:
      type: object
      description: A short link.
      required: [url]
      properties:
        url: {type: string, description: Where it goes.}
        folder: {$ref: '#/components/schemas/Folder'}
        kind: {$ref: '#/components/schemas/Kind'}
    Folder:
      type: object
      description: A folder of links.
      properties:
        name: {type: string, description: The folder's name.}
    Tag:
      type: object
      description: A tag.
      properties:
        label: {type: string, maxLength: 20, description: The label.}
        color: {type: string, enum: [red, blue], description: The colour.}
    Kind:
      type: string
      enum: [short, long]
      description: How long a link is.
    Target:
      oneOf:
        - {$ref: '#/components/schemas/Link'}
        - {$ref: '#/components/schemas/Folder'}
    Note:
      type: object
      description: A note.
      properties:
        text: {type: string, description: What it says.}
"""


def _args(root: Path, out: str, *extra: str) -> list[str]:
    return [
        "--spec",
        str(root / "spec"),
        "--out",
        str(root / out),
        "--target",
        "python",
        "--config",
        str(root / "pyproject.toml"),
        *extra,
    ]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE_DIR not in p.parts
    }


class _Counted:
    """The fragments rendered (their caller called) and taken from the last run, by first value."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rendered: list[str] = []
        self.reused: list[str] = []
        self.kinds_reused: set[str] = set()
        """The variables of the reused fragments (``model``, ``enum``...)."""
        real = Fragments.render

        def spy(self_: Fragments, env, template, line, values, context, caller, holder=None):  # type: ignore[no-untyped-def]
            what = _what(values)
            called = []

            def counted() -> str:
                called.append(True)
                return caller()  # type: ignore[no-any-return]

            text = real(self_, env, template, line, values, context, counted, holder)
            (self.rendered if called else self.reused).append(what)
            if not called:
                self.kinds_reused.update(values)
            return text

        monkeypatch.setattr(Fragments, "render", spy)

    def clear(self) -> None:
        self.rendered.clear()
        self.reused.clear()


def _what(values: dict[str, object]) -> str:
    for value in values.values():
        name = getattr(value, "name", None)
        if name is not None:
            return str(getattr(name, "name", name))
    return repr(values)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.specloom]\n", encoding="utf-8")
    return tmp_path


def _same_as_a_cold_run(root: Path, *extra: str) -> None:
    fresh = root / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    assert main(["generate", *_args(root, "fresh", "--no-cache", *extra)]) == 0
    assert _tree(root / "out") == _tree(fresh)


EDITS: list[tuple[str, Callable[[str], str]]] = [
    ("a description", lambda s: s.replace("A tag.", "A tag on a link.")),
    (
        "a property added",
        lambda s: s.replace(
            "        label: {type: string,",
            "        weight: {type: integer, minimum: 0}\n        label: {type: string,",
        ),
    ),
    ("a constraint", lambda s: s.replace("maxLength: 20", "maxLength: 30")),
    ("a referenced model's description", lambda s: s.replace("A folder of", "A box of")),
    ("an enum value", lambda s: s.replace("[short, long]", "[short, long, huge]")),
    ("a model renamed", lambda s: s.replace("    Note:", "    Memo:")),
    (
        "a model removed",
        lambda s: s.replace(
            "    Note:\n      type: object\n      description: A note.\n      properties:\n"
            "        text: {type: string, description: What it says.}\n",
            "",
        ),
    ),
    (
        "lines added above",
        lambda s: s.replace(
            "      description: A short link.",
            "      description: >-\n        A short\n        link.",
        ),
    ),
]


@pytest.mark.parametrize("edit", [name for name, _ in EDITS])
def test_an_edited_spec_renders_the_bytes_of_a_cold_run(project: Path, edit: str) -> None:
    assert main(["generate", *_args(project, "out")]) == 0
    change = dict(EDITS)[edit]
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(change(SPEC), encoding="utf-8")
    assert main(["generate", *_args(project, "out")]) == 0
    _same_as_a_cold_run(project)
    spec.write_text(SPEC, encoding="utf-8")  # and back
    assert main(["generate", *_args(project, "out")]) == 0
    _same_as_a_cold_run(project)


def test_one_description_re_renders_one_fragment_of_the_module(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = _Counted(monkeypatch)
    assert main(["generate", *_args(project, "out")]) == 0
    every = sorted(counted.rendered)
    assert {"Link", "Folder", "Tag", "Kind", "Note"} <= set(every) and counted.reused == []
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(SPEC.replace("A tag.", "A tag on a link."), encoding="utf-8")
    counted.clear()
    assert main(["generate", *_args(project, "out")]) == 0
    assert counted.rendered == ["Tag"]
    assert sorted(counted.reused) == sorted(
        every[: every.index("Tag")] + every[every.index("Tag") + 1 :]
    )
    _same_as_a_cold_run(project)
    # a model others refer to: the fragments that look it up are rendered again too
    spec.write_text(SPEC.replace("A folder of", "A box of"), encoding="utf-8")
    counted.clear()
    assert main(["generate", *_args(project, "out")]) == 0
    assert "Folder" in counted.rendered and "Note" in counted.reused
    assert "Tag" in counted.rendered  # Tag went back to its first description
    _same_as_a_cold_run(project)


def test_every_kind_of_built_in_fragment_is_reused_after_an_unrelated_edit(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a tag that misses a local its include is handed (`_`) makes every fragment of that kind
    # render each time, silently: this fails for such a kind
    spec = project / "spec" / "openapi.yaml"
    labels = "    Labels:\n      type: array\n      items: {type: string}\n"
    spec.write_text(SPEC + labels, encoding="utf-8")
    assert main(["generate", *_args(project, "out")]) == 0
    counted = _Counted(monkeypatch)
    spec.write_text(SPEC.replace("A note.", "A short note.") + labels, encoding="utf-8")
    assert main(["generate", *_args(project, "out")]) == 0
    assert counted.rendered == ["Note"]
    assert {"enum", "union", "alias", "model"} <= counted.kinds_reused
    _same_as_a_cold_run(project)


def test_deleting_the_fragments_gives_the_same_bytes(project: Path) -> None:
    assert main(["generate", *_args(project, "out")]) == 0
    (project / "spec" / "openapi.yaml").write_text(
        SPEC.replace("A tag.", "Tags."), encoding="utf-8"
    )
    for memo in (project / CACHE_DIR).rglob("fragments.json"):
        memo.write_text("{}", encoding="utf-8")  # unreadable: every fragment is rendered
    assert main(["generate", *_args(project, "out")]) == 0
    _same_as_a_cold_run(project)


def test_an_edited_custom_model_template_re_renders_every_model(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = project / "house" / "python"
    house.mkdir(parents=True)
    builtin = Path(__file__).parent.parent / "templates" / "python" / "model.py.jinja"
    source = builtin.read_text(encoding="utf-8")
    (house / "model.py.jinja").write_text(source, encoding="utf-8")
    extra = ("--templates", str(project / "house"))
    assert main(["generate", *_args(project, "out", *extra)]) == 0
    counted = _Counted(monkeypatch)
    marked = source.replace(
        '{{ lines | join("\\n") | py_docstring(4) }}',
        '{{ lines | join("\\n") | py_docstring(4) }}\n\n    kind_: ClassVar[str] = "model"',
    )
    assert marked != source
    (house / "model.py.jinja").write_text(marked, encoding="utf-8")
    assert main(["generate", *_args(project, "out", *extra)]) == 0
    assert {"Link", "Folder", "Tag", "Note"} <= set(counted.rendered)
    assert "Kind" in counted.reused  # enums come from another template
    assert (
        'kind_: ClassVar[str] = "model"'
        in (project / "out/python/models/components.py").read_text()
    )
    _same_as_a_cold_run(project, *extra)


def test_an_edited_custom_enum_template_re_renders_only_the_enums(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = project / "house" / "python"
    house.mkdir(parents=True)
    builtin = Path(__file__).parent.parent / "templates" / "python" / "enum.py.jinja"
    source = builtin.read_text(encoding="utf-8")
    (house / "enum.py.jinja").write_text(source, encoding="utf-8")
    extra = ("--templates", str(project / "house"))
    assert main(["generate", *_args(project, "out", *extra)]) == 0
    counted = _Counted(monkeypatch)
    (house / "enum.py.jinja").write_text("{# house enums #}\n" + source, encoding="utf-8")
    assert main(["generate", *_args(project, "out", *extra)]) == 0
    # a fragment depends on the templates its own render loaded, not on those loaded before it
    assert sorted(counted.rendered) == ["Color", "Kind"]
    assert {"Link", "Folder", "Tag", "Note", "Target"} <= set(counted.reused)
    _same_as_a_cold_run(project, *extra)


# The mechanism on its own, with templates of our own.


def _render(folder: Path, fragments: Fragments, **context: object) -> str:
    env = make_environment([folder])
    env.fragments = fragments
    fragments.begin("file")
    text = env.get_template("main.jinja").render(**context)
    fragments.previous = {"file": fragments.completed(fragments.finish())}
    return text


def _fresh(folder: Path, **context: object) -> str:
    return make_environment([folder]).get_template("main.jinja").render(**context)


def _fingerprints() -> Fingerprints:
    return Fingerprints(Schema(definitions=()), "", "", "")


def test_a_fragment_is_rendered_again_only_for_the_values_that_changed(tmp_path: Path) -> None:
    (tmp_path / "main.jinja").write_text(
        "{% for x in xs %}{% fragment x %}[{{ x | upper }}]{% endfragment %}{% endfor %}\n"
    )
    memo = Fragments(_fingerprints())
    assert _render(tmp_path, memo, xs=["a", "b", "c"]) == "[A][B][C]"
    assert (memo.rendered, memo.reused) == (3, 0)
    memo.rendered = 0
    assert _render(tmp_path, memo, xs=["a", "z", "c"]) == "[A][Z][C]"
    assert (memo.rendered, memo.reused) == (1, 2)


@pytest.mark.parametrize(
    "main",
    [
        # the loop's counter is no value to fingerprint
        "{% for x in xs %}{% fragment x %}{{ loop.index }}{{ x }}{% endfragment %}{% endfor %}",
        # an included template reads a local the tag does not list
        "{% for x in xs %}{% set n = loop.index %}{% fragment x %}{% include 'inc.jinja' %}"
        "{% endfragment %}{% endfor %}",
        # the same, where the context has a variable of that name too
        "{% set n = 1 %}{% for x in xs %}{% set n = loop.index %}{% fragment x %}"
        "{% include 'inc.jinja' %}{% endfragment %}{% endfor %}",
        # a macro of the template
        "{% macro m(v) %}<{{ v }}>{% endmacro %}{% for x in xs %}{% fragment x %}{{ m(x) }}{{ n }}"
        "{% endfragment %}{% endfor %}",
        # an included template changes a context variable it reads (a later run that finds the
        # changed value must not skip the change)
        "{% for x in xs %}{% fragment x %}{% include 'reg.jinja' %}{% endfragment %}{% endfor %}"
        "|{{ reg | join(',') }}",
        # the body changes a value it was handed
        "{% for x in xs %}{% fragment x, reg %}{{ x }}{% set _ = reg.append(x) %}"
        "{% endfragment %}{% endfor %}|{{ reg | join(',') }}",
    ],
)
def test_a_fragment_whose_inputs_cannot_be_told_is_rendered_every_time(
    tmp_path: Path, main: str
) -> None:
    (tmp_path / "main.jinja").write_text(main)
    (tmp_path / "inc.jinja").write_text("{{ n }}{{ x }};")
    (tmp_path / "reg.jinja").write_text("{{ x }}{% set _ = reg.append(x) %}")
    memo = Fragments(_fingerprints())
    for xs in (["a"], ["c", "a"], ["a", "c"], ["a", "a"]):
        expected = _fresh(tmp_path, xs=xs, n=1, reg=[])
        assert _render(tmp_path, memo, xs=xs, n=1, reg=[]) == expected
    assert memo.reused == 0


def test_a_fragment_reading_the_context_depends_on_it(tmp_path: Path) -> None:
    (tmp_path / "main.jinja").write_text(
        "{% for x in xs %}{% fragment x %}{% include 'inc.jinja' %}{% endfragment %}{% endfor %}"
    )
    (tmp_path / "inc.jinja").write_text("{{ x }}{{ suffix }};")
    memo = Fragments(_fingerprints())
    assert _render(tmp_path, memo, xs=["a", "b"], suffix="!") == "a!;b!;"
    assert _render(tmp_path, memo, xs=["a", "b"], suffix="!") == "a!;b!;"
    assert memo.reused == 2
    assert _render(tmp_path, memo, xs=["a", "b"], suffix="?") == "a?;b?;"
    assert memo.reused == 2


def test_a_fragment_depends_on_the_templates_it_includes(tmp_path: Path) -> None:
    (tmp_path / "main.jinja").write_text(
        "{% for x in xs %}{% fragment x %}{% include 'inc.jinja' %}{% endfragment %}{% endfor %}"
    )
    (tmp_path / "inc.jinja").write_text("{{ x }};")
    memo = Fragments(_fingerprints())
    assert _render(tmp_path, memo, xs=["a"]) == "a;"
    (tmp_path / "inc.jinja").write_text("{{ x }}.")
    memo.fingerprints = _fingerprints()  # a new run hashes the files afresh
    assert _render(tmp_path, memo, xs=["a"]) == "a."
    assert memo.reused == 0


def test_a_fragment_in_an_extended_template_depends_on_the_extending_one(tmp_path: Path) -> None:
    (tmp_path / "base.jinja").write_text(
        "{% for x in xs %}{% fragment x %}{% block item scoped %}{{ x }}{% endblock %}"
        "{% endfragment %}{% endfor %}"
    )
    (tmp_path / "main.jinja").write_text(
        "{% extends 'base.jinja' %}{% block item %}<{{ x }}>{% endblock %}"
    )
    memo = Fragments(_fingerprints())
    assert _render(tmp_path, memo, xs=["a"]) == "<a>"
    (tmp_path / "main.jinja").write_text(
        "{% extends 'base.jinja' %}{% block item %}[{{ x }}]{% endblock %}"
    )
    memo.fingerprints = _fingerprints()
    assert _render(tmp_path, memo, xs=["a"]) == "[a]"
    assert memo.reused == 0
    memo.fingerprints = _fingerprints()
    assert _render(tmp_path, memo, xs=["a"]) == "[a]"
    assert memo.reused == 1


def test_a_fragment_is_a_scope_in_the_inline_render_too(tmp_path: Path) -> None:
    from generator.render.fragments import inline_fragments

    (tmp_path / "main.jinja").write_text(
        "{% set t = 'out' %}{% fragment x %}{% set t = x %}{{ t }}{% endfragment %}|{{ t }}"
    )
    env = make_environment([tmp_path])
    assert env.get_template("main.jinja").render(x="a") == "a|out"
    inline = inline_fragments(env)
    assert inline.get_template("main.jinja").render(x="a") == "a|out"


def test_without_a_memo_a_fragment_is_its_body(tmp_path: Path) -> None:
    (tmp_path / "main.jinja").write_text(
        "{% for x in xs %}\n{% fragment x %}\n  {{ x }}\n{% endfragment %}\n{% endfor %}\n"
    )
    plain = "{% for x in xs %}\n  {{ x }}\n{% endfor %}\n"
    assert _fresh(tmp_path, xs=[1, 2]) == make_environment().from_string(plain).render(xs=[1, 2])
    assert fragments_module.FragmentExtension.tags == {"fragment"}


def test_the_snapshot_encodes_only_the_definitions_that_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.output import snapshot

    assert main(["generate", *_args(project, "out")]) == 0
    encoded: list[str] = []
    real = snapshot._encode

    def spy(item: object) -> str:
        encoded.append(
            type(item).__name__ + " " + str(getattr(getattr(item, "name", ""), "name", ""))
        )
        return real(item)

    monkeypatch.setattr(snapshot, "_encode", spy)
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(SPEC.replace("A tag.", "A tag on a link."), encoding="utf-8")
    assert main(["generate", *_args(project, "out")]) == 0
    assert [item for item in encoded if not item.startswith("Operation")] == ["ObjectModel Tag"]
    _same_as_a_cold_run(project)  # the manifest (and its snapshot) too
