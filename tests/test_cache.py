"""The content-keyed cache: an unchanged run parses and renders nothing, a changed run renders only
the files whose definitions, templates or options changed, and the cache is never needed for
correctness (the bytes are those of a run without it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cache.fast import lookup
from generator.cache.store import CACHE_DIR
from generator.cli import build_parser, main
from generator.commands.common import settings_from
from generator.render import renderer

SPEC = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Link:
      type: object
      description: A short link.
      required: [url]
      properties:
        url: {type: string, description: Where it goes.}
        folder: {$ref: '#/components/schemas/Folder'}
    Folder:
      type: object
      description: A folder of links.
      properties:
        name: {type: string, description: The folder's name.}
    Tag:
      type: object
      description: A tag.
      properties:
        label: {type: string, description: The label.}
        color: {type: string, enum: [red, blue], description: The colour.}
"""


def _args(tmp_path: Path, out: str = "out", *extra: str) -> list[str]:
    return [
        "--spec",
        str(tmp_path / "spec"),
        "--out",
        str(tmp_path / out),
        "--target",
        "python",
        "--target",
        "docs-go",
        "--config",
        str(tmp_path / "pyproject.toml"),
        *extra,
    ]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.specloom]\n", encoding="utf-8")
    return tmp_path


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE_DIR not in p.parts
    }


class _Rendered:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        real = renderer._render_job

        def spy(env, job, loaders, formatter):  # type: ignore[no-untyped-def]
            self.paths.append(job.path)
            return real(env, job, loaders, formatter)

        monkeypatch.setattr(renderer, "_render_job", spy)


def test_an_unchanged_run_neither_parses_nor_renders(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", *_args(project)]) == 0
    assert (project / CACHE_DIR / ".gitignore").read_text().endswith("*\n")
    assert not any(CACHE_DIR in p.parts for p in (project / "out").rglob("*"))
    capsys.readouterr()

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed or rendered on an unchanged run")

    monkeypatch.setattr("generator.inputs.collect.read_inputs", refuse)
    monkeypatch.setattr(renderer, "render_files", refuse)
    assert main(["generate", *_args(project)]) == 0
    assert capsys.readouterr().out.endswith("files in " + str(project / "out") + "/, 0 changed\n")
    assert main(["check", *_args(project)]) == 0
    assert "is up to date" in capsys.readouterr().out


UNNEEDED_ON_A_HIT = (
    "jinja2",
    "yaml",
    "subprocess",
    "generator.ir.definitions",
    "generator.ir.types",
    "generator.inputs.openapi.reader",
    "generator.inputs.handwritten.lexicon",
    "generator.render.renderer",
    "generator.output.writer",
    "generator.commands.diff",
)
"""Modules an unchanged run has no use for: the readers, the IR, the renderer, other commands."""


@pytest.mark.parametrize("command", ["check", "generate"])
def test_an_unchanged_run_imports_neither_the_readers_nor_the_renderer(
    project: Path, command: str
) -> None:
    assert main(["generate", *_args(project)]) == 0
    code = (
        "import sys\nfrom generator.cli import main\n"
        f"code = main([{command!r}, *{_args(project)!r}])\n"
        f"print(code, *sorted(name for name in {UNNEEDED_ON_A_HIT!r} if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "0", result.stdout + result.stderr
    # the same run after an edit of the spec is a miss, and imports what it needs
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(SPEC.replace("The label.", "The tag's label."), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    words = result.stdout.splitlines()[-1].split()
    assert "jinja2" in words and "generator.ir.definitions" in words, result.stdout


def test_a_changed_description_renders_only_the_files_that_read_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["generate", *_args(project)]) == 0
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(SPEC.replace("The label.", "The tag's label."), encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *_args(project)]) == 0
    assert sorted(rendered.paths) == [
        "docs-go/models/components/tag.md",
        "python/models/components.py",
    ]
    # a model others refer to: their pages read it too
    spec.write_text(
        SPEC.replace("The label.", "The tag's label.").replace("A folder of", "A box of"),
        encoding="utf-8",
    )
    rendered.paths.clear()
    assert main(["generate", *_args(project)]) == 0
    assert "docs-go/models/components/folder.md" in rendered.paths
    assert "docs-go/models/components/tag.md" not in rendered.paths
    # the bytes are those of a run without the cache
    assert main(["generate", *_args(project, "fresh", "--no-cache")]) == 0
    assert _tree(project / "out") == _tree(project / "fresh")
    assert len([p for p in (project / CACHE_DIR).iterdir() if p.is_dir()]) == 1  # --no-cache


def test_lines_added_above_a_model_move_it_without_rendering_it_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["generate", *_args(project)]) == 0
    folded = SPEC.replace(
        "      description: A short link.", "      description: >-\n        A short\n        link."
    )
    (project / "spec" / "openapi.yaml").write_text(folded, encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *_args(project)]) == 0
    assert rendered.paths == []  # the same definitions, two lines further down
    assert main(["generate", *_args(project, "fresh", "--no-cache")]) == 0
    assert _tree(project / "out") == _tree(project / "fresh")


def test_a_template_that_prints_lines_is_rendered_again_when_they_move(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = project / "house" / "docs-go"
    house.mkdir(parents=True)
    (house / "object.md.jinja").write_text(
        "{{ model.name.name }} at line {{ model.location.line }}\n", encoding="utf-8"
    )
    args = _args(project, "out", "--templates", str(project / "house"))
    assert main(["generate", *args]) == 0
    folded = SPEC.replace(
        "      description: A short link.", "      description: >-\n        A short\n        link."
    )
    (project / "spec" / "openapi.yaml").write_text(folded, encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *args]) == 0
    assert sorted(rendered.paths) == [  # Link's fields moved too; the python module did not
        "docs-go/models/components/folder.md",
        "docs-go/models/components/link.md",
        "docs-go/models/components/tag.md",
    ]
    assert (
        main(["check", *_args(project, "out", "--templates", str(project / "house"), "--no-cache")])
        == 0
    )


def test_deleting_the_cache_gives_the_same_bytes(project: Path) -> None:
    assert main(["generate", *_args(project)]) == 0
    before = _tree(project / "out")
    shutil.rmtree(project / CACHE_DIR)
    (project / "spec" / "openapi.yaml").write_text(SPEC + "\n", encoding="utf-8")
    assert main(["generate", *_args(project)]) == 0
    assert _tree(project / "out") == before


def test_a_changed_template_renders_only_the_files_that_use_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = project / "house" / "docs-go"
    house.mkdir(parents=True)
    (house / "enum.md.jinja").write_text("enum {{ model.name.name }}\n", encoding="utf-8")
    args = _args(project, "out", "--templates", str(project / "house"))
    assert main(["generate", *args]) == 0
    (house / "enum.md.jinja").write_text("Enum {{ model.name.name }}\n", encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *args]) == 0
    assert rendered.paths == ["docs-go/models/components/color.md"]
    assert (project / "out" / "docs-go/models/components/color.md").read_text() == "Enum Color\n"


def test_a_changed_option_or_a_hand_edit_is_a_full_run(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", *_args(project)]) == 0
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *_args(project, "out", "--package", "api")]) == 0
    assert "python/api/components.py" in rendered.paths
    edited = project / "out" / "docs-go" / "models" / "components" / "tag.md"
    edited.write_text("edited\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", *_args(project, "out", "--package", "api")]) == 1
    assert "edited by hand" in capsys.readouterr().out
    assert main(["generate", *_args(project, "out", "--package", "api")]) == 0
    assert edited.read_text() != "edited\n"


def test_a_hit_replays_the_warnings_and_strict_fails_on_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "spec" / "openapi.yaml").write_text(
        SPEC.replace("paths: {}", "paths: {/x: {$ref: 'paths.yaml#/x'}}"), encoding="utf-8"
    )
    assert main(["generate", *_args(project)]) == 0
    first = capsys.readouterr().err
    assert "openapi.yaml:3: warning: a path item given by $ref is not read" in first
    assert main(["generate", *_args(project)]) == 0
    assert capsys.readouterr().err == first
    assert main(["generate", *_args(project, "out", "--strict")]) == 2


def test_a_symlinked_out_folder_is_never_a_hit(project: Path) -> None:
    assert main(["generate", *_args(project)]) == 0
    settings = settings_from(build_parser().parse_args(["generate", *_args(project)]))
    assert lookup(settings) is not None
    (project / "out").rename(project / "real")
    (project / "out").symlink_to(project / "real")
    assert lookup(settings) is None
    (project / "out").unlink()
    (project / "real").rename(project / "out")
    folder = project / "out" / "docs-go"
    folder.rename(project / "docs-elsewhere")
    folder.symlink_to(project / "docs-elsewhere")
    assert lookup(settings) is None


def test_the_light_list_of_target_names_is_the_registry() -> None:
    from generator.render.target_names import BUILTIN_TARGET_NAMES
    from generator.render.targets import TARGETS

    assert tuple(TARGETS) == BUILTIN_TARGET_NAMES


def test_a_symlinked_out_folder_is_refused_even_when_the_cache_matches(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", *_args(project)]) == 0
    (project / "out").rename(project / "real")
    (project / "out").symlink_to(project / "real")
    capsys.readouterr()
    assert main(["generate", *_args(project)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert main(["check", *_args(project)]) == 2


def test_numbered_names_keep_the_cache_and_a_new_clash_renders_afresh(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``TAG`` and ``Tag`` share one doc file name: the later one is numbered (tag2.md)
    clashing = SPEC + (
        "    TAG:\n      type: object\n      description: Shouting.\n"
        "      properties:\n        loud: {type: string, description: How loud.}\n"
    )
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(clashing, encoding="utf-8")
    assert main(["generate", *_args(project)]) == 0
    assert (project / "out" / "docs-go" / "models" / "components" / "tag2.md").is_file()
    spec.write_text(clashing.replace("The label.", "The tag's label."), encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *_args(project)]) == 0
    assert "docs-go/models/components/link.md" not in rendered.paths
    assert "python/models/components.py" in rendered.paths
    assert main(["generate", *_args(project, "fresh", "--no-cache")]) == 0
    assert _tree(project / "out") == _tree(project / "fresh")
    # another clash renumbers names every file may show: everything is rendered again
    spec.write_text(
        clashing.replace("The label.", "The tag's label.").replace(
            "    TAG:",
            "    TaG:\n      type: object\n      properties:\n        x: {type: string}\n    TAG:",
        ),
        encoding="utf-8",
    )
    rendered.paths.clear()
    assert main(["generate", *_args(project)]) == 0
    assert "docs-go/models/components/link.md" in rendered.paths
    shutil.rmtree(project / "fresh")
    assert main(["generate", *_args(project, "fresh", "--no-cache")]) == 0
    assert _tree(project / "out") == _tree(project / "fresh")


def test_a_module_that_reads_the_operations_does_not_depend_on_every_model(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_path = SPEC.replace(
        "paths: {}",
        "paths:\n  /links:\n    post:\n      operationId: createLink\n"
        "      parameters:\n        - {name: q, in: query, schema: {type: string}}\n"
        "      requestBody:\n"
        "        content:\n          application/json:\n"
        "            schema: {$ref: '#/components/schemas/Link'}\n"
        "      responses:\n        '200': {description: OK}",
    )
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(with_path, encoding="utf-8")
    assert main(["generate", *_args(project)]) == 0
    assert (project / "out" / "python" / "models" / "operations.py").is_file()
    spec.write_text(with_path.replace("The label.", "The tag's label."), encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    assert main(["generate", *_args(project)]) == 0
    assert "python/models/components.py" in rendered.paths
    assert "python/models/operations.py" not in rendered.paths  # it never looks at Tag
    spec.write_text(
        with_path.replace("The label.", "The tag's label.").replace("/links:", "/link:"),
        encoding="utf-8",
    )
    rendered.paths.clear()
    assert main(["generate", *_args(project)]) == 0
    assert "python/models/operations.py" in rendered.paths  # the endpoint's path changed
    assert main(["generate", *_args(project, "fresh", "--no-cache")]) == 0
    assert _tree(project / "out") == _tree(project / "fresh")


def _same_size_edit(path: Path) -> None:
    """Change one byte of ``path`` and give it back its modification time."""
    info = path.stat()
    data = path.read_bytes()
    index = data.index(b"a")
    path.write_bytes(data[:index] + b"b" + data[index + 1 :])
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns


@pytest.mark.parametrize(
    "change", ["same size and time", "removed", "snapshot edited", "listing edited"]
)
def test_an_out_folder_changed_behind_the_cache_is_never_a_hit(
    project: Path, change: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", *_args(project)]) == 0
    settings = settings_from(build_parser().parse_args(["check", *_args(project)]))
    assert lookup(settings) is not None
    out = project / "out"
    page = out / "docs-go" / "models" / "components" / "tag.md"
    manifest = out / ".specloom-manifest.json"
    if change == "same size and time":
        _same_size_edit(page)
    elif change == "removed":
        page.unlink()
    else:  # the manifest: its file listing comes first, the IR snapshot after it
        text = manifest.read_text(encoding="utf-8")
        listing_end = text.index("\n  }")
        if change == "snapshot edited":
            at = text.index('"Tag"', listing_end)
            edited = text[:at] + '"Tah"' + text[at + 5 :]
        else:
            at = text.index("tag.md", 0, listing_end)
            edited = text[:at] + "tah.md" + text[at + 6 :]
        manifest.write_text(edited, encoding="utf-8")
    assert lookup(settings) is None
    capsys.readouterr()
    code = main(["check", *_args(project)])
    if change in ("same size and time", "removed"):  # (a manifest edit: the full check decides)
        assert code == 1, capsys.readouterr().out
