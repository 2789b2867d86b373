"""The README's list of asserted formats is the generated validators' list."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_formats() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("- Formats are **asserted** by default:")
    bullet = text[start : text.index("other", start)]
    return set(re.findall(r"`([a-z-]+)`", bullet))


def _checked_formats() -> set[str]:
    source = (ROOT / "templates" / "python" / "_validation.py.jinja").read_text(encoding="utf-8")
    table = source[source.index("FORMATS: dict[str, Callable[[str], bool]] = {") :]
    table = table[: table.index("\n}\n")]
    return set(re.findall(r'^    "([a-z-]+)":', table, re.MULTILINE))


def test_readme_lists_every_asserted_format() -> None:
    checked = _checked_formats()
    assert len(checked) > 15
    assert _readme_formats() == checked
