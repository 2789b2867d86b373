"""Find every GFM table of a markdown file, with its source lines and the headings above it.

The block structure comes from markdown-it (CommonMark plus GFM tables), so
tables without outer pipes, short rows, escaped pipes, code blocks, HTML
blocks and comments are what a real markdown parser says they are.  YAML
front matter is blanked first (line numbers kept), so it is never read as a
setext heading.  Cells are kept as their raw source text (markup and HTML
included); what they mean is for the other modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)\s*$")
_BOLD_ONLY = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)(\*\*|__):?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: its level, raw text (markup kept, ``#``s removed) and line."""

    level: int
    """1 for ``#``, 2 for ``##`` ..."""
    text: str
    """Raw source text of the heading."""
    line: int
    """1-based line."""


@dataclass(frozen=True, slots=True)
class Row:
    """One table row as GFM splits it."""

    cells: tuple[str, ...]
    """Raw cell texts, padded or cut to the header's count (as GFM does)."""
    line: int
    """1-based line."""
    extra: tuple[str, ...] = ()
    """Cells past the header's count, which GFM drops (an unescaped ``|`` in the text)."""
    source_cells: int = 0
    """How many cells the source line has."""


@dataclass(frozen=True, slots=True)
class FoundTable:
    """A GFM table and where it sits."""

    index: int
    """1-based position among the file's GFM tables."""
    header: Row
    """The header row."""
    rows: tuple[Row, ...]
    """Body rows."""
    headings: tuple[Heading, ...]
    """The headings enclosing the table, outermost first (the last one is the nearest)."""
    label: str | None
    """A bold pseudo-heading (``**Article**`` alone on a line) right above, if any."""
    before: str
    """Paragraph text between the nearest heading and the table (a description)."""
    after: str
    """The paragraph right after the table (footnotes such as ``\\* ...``)."""

    @property
    def heading(self) -> Heading | None:
        """The nearest heading above the table."""
        return self.headings[-1] if self.headings else None


@dataclass(frozen=True, slots=True)
class Page:
    """The tables and headings of one markdown file."""

    tables: tuple[FoundTable, ...]
    """Every GFM table, in source order."""
    headings: tuple[Heading, ...]
    """Every heading, in source order."""
    title: str | None
    """The front matter's ``title:``, if any."""


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def blank_front_matter(text: str) -> tuple[str, str | None]:
    """``text`` with a leading YAML front matter replaced by empty lines, and its title."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, None
    for end in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[end]):
            title = None
            for line in lines[1:end]:
                key, _, value = line.partition(":")
                if key.strip() == "title" and value.strip():
                    title = value.strip().strip("'\"")
            return "\n".join([""] * (end + 1) + lines[end + 1 :]), title
    return text, None


def split_source_row(line: str) -> list[str]:
    """Cells of a source row split at unescaped pipes (code spans are not protected: GFM
    does not protect them either)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in _CELL_SPLIT.split(text)]


def read_page(text: str) -> Page:
    """Every table and heading of a markdown file."""
    text, title = blank_front_matter(text.replace("\r\n", "\n"))
    source = text.split("\n")
    tokens = _parser().parse(text)
    headings: list[Heading] = []
    stack: list[Heading] = []
    tables: list[FoundTable] = []
    paragraphs: list[tuple[int, int, str]] = []  # (first line, last line, text)
    index = 0
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "heading_open" and token.map is not None:
            level = int(token.tag[1:])
            heading = Heading(level, tokens[position + 1].content.strip(), token.map[0] + 1)
            headings.append(heading)
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(heading)
        elif token.type == "paragraph_open" and token.map is not None:
            paragraphs.append((token.map[0] + 1, token.map[1], tokens[position + 1].content))
        elif token.type == "table_open" and token.map is not None:
            index += 1
            end = _close(tokens, position, "table_close")
            header, rows = _rows(tokens[position:end], source)
            first = token.map[0] + 1
            tables.append(
                FoundTable(
                    index=index,
                    header=header,
                    rows=tuple(rows),
                    headings=tuple(stack),
                    label=_label(paragraphs, first, stack),
                    before=_before(paragraphs, first, stack),
                    after=_after(tokens, end, token.map[1]),
                )
            )
            position = end
        position += 1
    return Page(tuple(tables), tuple(headings), title)


def _close(tokens: list[Token], start: int, kind: str) -> int:
    for position in range(start, len(tokens)):
        if tokens[position].type == kind:
            return position
    return len(tokens) - 1


def _rows(tokens: list[Token], source: list[str]) -> tuple[Row, list[Row]]:
    rows: list[Row] = []
    cells: list[str] = []
    line = 0
    for token in tokens:
        if token.type == "tr_open" and token.map is not None:
            cells = []
            line = token.map[0] + 1
        elif token.type == "inline":
            cells.append(token.content.strip())
        elif token.type == "tr_close":
            rows.append(Row(tuple(cells), line))
    header = rows[0] if rows else Row((), 0)
    body: list[Row] = []
    for row in rows[1:]:
        raw = split_source_row(source[row.line - 1]) if 0 < row.line <= len(source) else []
        extra = tuple(cell for cell in raw[len(header.cells) :] if cell)
        body.append(Row(row.cells, row.line, extra, len(raw)))
    return header, body


def _label(paragraphs: list[tuple[int, int, str]], line: int, stack: list[Heading]) -> str | None:
    """A bold-only paragraph ending right above ``line`` (below the nearest heading)."""
    floor = stack[-1].line if stack else 0
    for first, last, text in reversed(paragraphs):
        if last < floor:
            break
        if last in (line - 1, line - 2) and first > floor:
            match = _BOLD_ONLY.match(text.split("\n")[-1])
            return match.group("text").strip() if match else None
        if last < line - 2:
            break
    return None


def _before(paragraphs: list[tuple[int, int, str]], line: int, stack: list[Heading]) -> str:
    """Paragraphs between the nearest heading and the table, joined."""
    floor = stack[-1].line if stack else 0
    texts = [text for first, last, text in paragraphs if first > floor and last < line]
    return "\n\n".join(texts)


def _after(tokens: list[Token], end: int, table_end: int) -> str:
    """The paragraph directly following the table (within two lines)."""
    for position in range(end + 1, min(end + 3, len(tokens))):
        token = tokens[position]
        if token.type == "paragraph_open" and token.map is not None:
            if token.map[0] <= table_end + 1:
                return tokens[position + 1].content
            return ""
    return ""


def split_cell_text(cell: str) -> list[str]:
    """A cell's text split at ``<br>`` variants and list items (for line-wise prose reading)."""
    parts = re.split(r"<br\s*/?>(?:\s*</br>)?|</?li>|</?ul>|</?ol>|\n", cell, flags=re.I)
    return [part.strip() for part in parts if part.strip()]
