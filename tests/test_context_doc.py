"""The committed template-context reference page is generated from the code and is up to date."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator import ir
from generator.cli import main
from generator.reference import page_text
from generator.reference.filters import filter_docs
from generator.reference.page import REGENERATE, ir_classes
from generator.render.filters import FILTERS

PAGE = Path(__file__).resolve().parent.parent / "docs" / "template-context.md"


def test_committed_page_is_up_to_date() -> None:
    assert PAGE.is_file(), f"{PAGE} is missing; run `{REGENERATE}` at the project root"
    assert PAGE.read_text(encoding="utf-8") == page_text(), (
        f"docs/template-context.md is stale; run `{REGENERATE}` at the project root and commit it"
    )


def test_every_ir_class_and_attribute_is_documented() -> None:
    text = page_text()
    exported = [getattr(ir, name) for name in ir.__all__]
    dataclass_types = [c for c in exported if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert set(dataclass_types) <= set(ir_classes())
    for cls in dataclass_types:
        section = text.split(f"### `{cls.__name__}`\n", 1)[1].split("\n### ", 1)[0]
        for field in dataclasses.fields(cls):
            if field.init and not field.name.startswith("_"):
                assert f"| `{field.name}` | `" in section, f"{cls.__name__}.{field.name}"
    field_section = text.split("### `Field`\n", 1)[1].split("\n### ", 1)[0]
    assert "| `nullable` | `bool \\| None` | required | ``null`` is allowed; ``None`` when" in (
        field_section
    )


def test_every_filter_is_listed_and_every_example_renders() -> None:
    docs = filter_docs()
    assert [doc.name for doc in docs] == sorted(FILTERS)
    failed = [(doc.name, e.output) for doc in docs for e in doc.examples if e.failed]
    assert failed == []
    text = page_text()
    assert '```jinja\n{{ "clickId" | snake_case }}\n```\n\n→ `click_id`' in text
    assert "{{ enum.description | md_cell }}\n```\n\n→ `How to track \\| when to answer.`" in text


def test_templates_context_prints_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "context"]) == 0
    assert capsys.readouterr().out == page_text()


def test_reference_command_help_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m generator.reference --help`` prints usage; it never writes a file named ``--help``."""
    from generator.reference.__main__ import main as reference_main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        reference_main(["--help"])
    assert stopped.value.code == 0
    assert "usage: python -m generator.reference" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []
    assert reference_main([str(tmp_path / "page.md")]) == 0
    assert (tmp_path / "page.md").read_text(encoding="utf-8") == page_text()
