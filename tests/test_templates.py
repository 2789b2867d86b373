"""Custom template folders: override, extend, warnings for files with no effect, list, eject,
and template errors at the template line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.render.catalog import builtin_names
from generator.render.environment import builtin_templates

DOCS = Path(__file__).resolve().parent.parent / "spec" / "docs"


def generate(tmp_path: Path, templates: Path, *extra: str) -> int:
    return main(
        [
            "generate",
            "--spec",
            str(DOCS),
            "--out",
            str(tmp_path / "out"),
            "--templates",
            str(templates),
            "--target",
            "python",
            "--target",
            "docs-go",
            *extra,
        ]
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_template_overrides_one_built_in_and_can_extend_it(tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    write(
        custom,
        "docs-go/enum.md.jinja",
        '{% include "builtin/docs-go/enum.md.jinja" %}\n\nHouse style footer.',
    )
    assert generate(tmp_path, custom) == 0
    enum_doc = (tmp_path / "out" / "docs-go" / "models" / "operations" / "mode.md").read_text(
        encoding="utf-8"
    )
    # trim_blocks eats the newline right after the include tag
    assert enum_doc.endswith("| `ModeWait`  | wait        |\nHouse style footer.")
    body = (
        tmp_path / "out" / "docs-go" / "models" / "operations" / "trackleadrequestbody.md"
    ).read_bytes()
    assert body == (DOCS / "models" / "operations" / "trackleadrequestbody.md").read_bytes()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# {{ model.name.name }}\n{{ model.nmae }}\n", 2, "undefined name"),
        ("# title\n\n{% for x in %}\n", 3, "template syntax error"),
        ("{{ model.name.name }}\n\n\n{{ 1 // 0 }}\n", 4, "ZeroDivisionError"),
        ("{{ model.name.name }}\n{{ 5 | doc_path }}\n", 2, "AttributeError"),  # a filter raising
    ],
)
def test_template_errors_point_at_the_template_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, message: str
) -> None:
    custom = tmp_path / "custom"
    template = write(custom, "docs-go/enum.md.jinja", text)
    assert generate(tmp_path, custom) == 2
    err = capsys.readouterr().err
    assert (
        f"{template}:{line}: {message}" in err or f"{template.as_posix()}:{line}: {message}" in err
    ), err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_extends_builtin_renders_the_same_and_a_partial_included_by_an_override_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    custom = tmp_path / "custom"
    write(custom, "docs-go/object.md.jinja", '{% extends "builtin/docs-go/object.md.jinja" %}')
    write(custom, "docs-go/enum.md.jinja", '{% include "house/footer.md.jinja" %}')
    write(custom, "house/footer.md.jinja", "Made by us.\n")
    write(custom, "python/union.py.jinja", "# no unions in this spec: not used, still no warning\n")
    assert generate(tmp_path, custom) == 0
    assert capsys.readouterr().err == ""
    docs = tmp_path / "out" / "docs-go" / "models" / "operations"
    assert (docs / "trackleadrequestbody.md").read_bytes() == (
        DOCS / "models" / "operations" / "trackleadrequestbody.md"
    ).read_bytes()
    assert (docs / "mode.md").read_text(encoding="utf-8") == "Made by us.\n"


def test_a_custom_file_that_overrides_nothing_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    custom = tmp_path / "custom"
    typo = write(custom, "python/enum.py.jnija", "class Oops: ...\n")
    assert generate(tmp_path, custom) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"{typo.as_posix()}: warning: custom template 'python/enum.py.jnija' overrides no "
        "built-in template and no template includes, imports or extends it, so it has no "
        "effect; did you mean 'python/enum.py.jinja'?"
    ]
    assert (tmp_path / "out" / "python" / "models" / "operations.py").is_file()


def test_strict_makes_warnings_errors_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    custom = tmp_path / "custom"
    write(custom, "house/unused.jinja", "nothing includes me\n")
    assert generate(tmp_path, custom, "--strict") == 2
    err = capsys.readouterr().err
    assert "house/unused.jinja: custom template 'house/unused.jinja' overrides no" in err
    assert "(an error with --strict)" in err
    assert not (tmp_path / "out").exists()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_templates_list_shows_which_file_serves_each_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    custom = tmp_path / "custom"
    model = write(custom, "python/model.py.jinja", "x\n")
    helper = write(custom, "python/house.jinja", "y\n")
    code, out, _ = run(
        capsys, "templates", "list", "--target", "python", "--templates", str(custom)
    )
    assert code == 0
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    assert rows["python/model.py.jinja"] == ["custom", "(overrides)", model.as_posix()]
    assert rows["python/house.jinja"] == ["custom", helper.as_posix()]
    origin, path = rows["python/enum.py.jinja"]
    assert origin == "built-in" and path.endswith("templates/python/enum.py.jinja")
    assert all(name.startswith("python/") for name in rows)
    code, out, _ = run(capsys, "templates", "list")
    assert "docs-go/enum.md.jinja" in out and "python/enum.py.jinja" in out
    code, _, err = run(capsys, "templates", "list", "--target", "cobol")
    assert code == 2 and "unknown target 'cobol'" in err


def test_templates_eject_copies_built_ins_to_start_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    custom = tmp_path / "custom"
    code, out, _ = run(
        capsys, "templates", "eject", "docs-go", "python/model.py.jinja", "--to", str(custom)
    )
    assert code == 0
    copied = sorted(p.relative_to(custom).as_posix() for p in custom.rglob("*") if p.is_file())
    docs_go = [name for name in builtin_names() if name.startswith("docs-go/")]
    assert "docs-go/enum.md.jinja" in docs_go
    assert copied == [*docs_go, "python/model.py.jinja"]
    assert (
        f"ejected python/model.py.jinja -> {(custom / 'python/model.py.jinja').as_posix()}" in out
    )
    assert (custom / "docs-go" / "enum.md.jinja").read_bytes() == (
        builtin_templates() / "docs-go" / "enum.md.jinja"
    ).read_bytes()
    # the copies serve the same output as the built-ins, with no warning
    assert generate(tmp_path, custom) == 0
    assert capsys.readouterr().err == ""
    enum_doc = tmp_path / "out" / "docs-go" / "models" / "operations" / "mode.md"
    assert enum_doc.read_bytes() == (DOCS / "models" / "operations" / "mode.md").read_bytes()
    # an edited copy is never overwritten unless --force
    edited = custom / "python" / "model.py.jinja"
    edited.write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "templates", "eject", "python", "--to", str(custom))
    assert code == 2 and f"{edited.as_posix()}: exists; nothing was copied (use --force)" in err
    assert edited.read_text(encoding="utf-8") == "mine\n"
    assert not (custom / "python" / "enum.py.jinja").exists()
    assert run(capsys, "templates", "eject", "python", "--to", str(custom), "--force")[0] == 0
    assert edited.read_bytes() == (builtin_templates() / "python" / "model.py.jinja").read_bytes()
    code, _, err = run(capsys, "templates", "eject", "python/modle.py.jinja", "--to", str(custom))
    assert code == 2 and "did you mean" in err and "python/model.py.jinja" in err
