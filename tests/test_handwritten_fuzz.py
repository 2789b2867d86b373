"""The handwritten reader never crashes: random tables of markdown-ish cells are read or warned."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Collector
from generator.inputs.handwritten.reader import HandwrittenFile, read_handwritten

HEADERS = [
    "Name",
    "Type",
    "Required",
    "Default",
    "Description",
    "Valid values",
    "Example",
    "Tag",
    "API Override",
    "Optional",
    "Nullable",
    "Key",
    "Field",
]
TOKENS = [
    "`a`",
    "`b`",
    "a.b",
    "a[].b",
    "<x>",
    "> ",
    ">> ",
    "*",
    "?",
    "\\|",
    "&#124;",
    "<br>",
    "[X](#x)",
    "[X]",
    "[]",
    "{}",
    "`[]`",
    "Yes",
    "NO*",
    "REQUIRED (see note)",
    "null",
    "string",
    "int",
    "array of",
    "map<string,",
    ">",
    "List<",
    "(",
    ")",
    "Defaults to",
    "One of",
    "Possible values:",
    "(default)",
    ":",
    " - ",
    "`x: <int>`",
    '"',
    "'",
    "`",
    "${{ x }}",
    "see values.yaml",
    "Required if",
    "(optional)",
    "**true**",
    "✓",
    "✗",
    'Enum:<br>- `"A"`',
    "0",
    "1.5",
    "-1",
    "é",
    "🔌",
    "<i>mandatory</i>",
    " ",
]


@st.composite
def tables(draw: st.DrawFn) -> str:
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5))
    rows = draw(
        st.lists(
            st.lists(
                st.lists(st.sampled_from(TOKENS), max_size=6).map("".join),
                min_size=1,
                max_size=len(headers) + 1,
            ),
            max_size=6,
        )
    )
    lines = ["## " + draw(st.sampled_from(["Options", "`A`", "🔌", "A > B", ""])), ""]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "---|" * len(headers))
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.lists(tables(), min_size=1, max_size=3).map("\n".join))
def test_random_tables_never_crash(tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    read_handwritten([HandwrittenFile(path, "doc.md")], collector)
    for warning in collector.warnings:
        assert warning.location.file == "doc.md"
