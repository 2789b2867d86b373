"""Custom template folders: override one built-in, extend it, and get errors at the template line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

DOCS = Path(__file__).resolve().parent.parent / "spec" / "docs"


def generate(tmp_path: Path, templates: Path) -> int:
    return main(
        [
            "generate",
            "--spec",
            str(DOCS),
            "--out",
            str(tmp_path / "out"),
            "--templates",
            str(templates),
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
