"""Markdown escaping and Speakeasy-style table layout."""

from __future__ import annotations

from collections.abc import Sequence

BREAK = "<br/>"
"""How a line break is written inside a table cell."""


def md_cell(text: str | None) -> str:
    """Escape text for a table cell: ``|`` becomes ``\\|`` and line breaks ``<br/>``."""
    if not text:
        return ""
    return text.replace("|", "\\|").replace("\r\n", "\n").replace("\n", BREAK)


def cell_width(text: str) -> int:
    """Width Speakeasy pads a cell to: characters of the unescaped text, a line break counting 1."""
    return len(text)


def md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table whose columns all share one width: that of the widest cell.

    Cells are given unescaped (plain text with real newlines); widths are
    measured before escaping, as Speakeasy does, then each cell is escaped.
    Rows are joined with newlines; no newline follows the last row.
    """
    width = max(cell_width(cell) for row in [header, *rows] for cell in row)

    def line(cells: Sequence[str]) -> str:
        padded = (md_cell(cell) + " " * (width - cell_width(cell)) for cell in cells)
        return "| " + " | ".join(padded) + " |"

    separator = "| " + " | ".join("-" * width for _ in header) + " |"
    return "\n".join([line(header), separator, *(line(row) for row in rows)])
