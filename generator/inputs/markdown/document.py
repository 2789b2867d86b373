"""Split a model doc into title, description, sections, tables and code blocks, with line numbers.

This module knows markdown structure only: it says nothing about what a
``## Fields`` table means.  Every line number is 1-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

DEPRECATED_MODEL_MARK = "> :warning: **DEPRECATED**"
"""Start of the blockquote line that marks a whole model deprecated."""

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_STRUCK = re.compile(r"~~(.*)~~")


@dataclass(frozen=True, slots=True)
class Row:
    """One table row."""

    cells: tuple[str, ...]
    """Cell texts as markdown-it sees them: stripped, ``\\|`` unescaped, padded/truncated."""
    line: int
    """Line of the row."""
    raw_cell_count: int
    """How many cells the source line really has (markdown-it pads or drops cells)."""


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table."""

    header: Row
    """The header row."""
    rows: tuple[Row, ...]
    """Body rows, in source order."""


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced code block."""

    info: str
    """The fence's info string, e.g. ``go``."""
    text: str
    """The code, without the fences."""
    line: int
    """Line of the opening fence."""


@dataclass(slots=True)
class Subsection:
    """A ``###`` heading and the blocks under it."""

    heading: str
    """Heading text, stripped; may be empty (Go union primitives)."""
    line: int
    """Line of the heading."""
    code_blocks: list[CodeBlock] = field(default_factory=list)
    """Fenced code blocks under the heading."""


@dataclass(slots=True)
class Section:
    """A ``##`` heading and everything up to the next ``##``."""

    heading: str
    """Heading text, stripped, e.g. ``Fields``."""
    line: int
    """Line of the heading."""
    tables: list[Table] = field(default_factory=list)
    """Tables directly in the section (not under a ``###``)."""
    subsections: list[Subsection] = field(default_factory=list)
    """``###`` headings of the section, in source order."""
    code_blocks: list[CodeBlock] = field(default_factory=list)
    """Fenced code blocks directly in the section (not under a ``###``)."""


@dataclass(slots=True)
class Document:
    """The structure of one model doc."""

    title: str | None
    """Text of the first ``#`` heading (``~~`` strike-through removed); ``None`` if none."""
    title_line: int | None
    """Line of the title."""
    description: str | None
    """Raw text between the title and the first ``##`` (stripped), without the deprecation line."""
    deprecated: bool
    """The title is struck through, or a ``> :warning: **DEPRECATED**`` line precedes sections."""
    sections: list[Section]
    """``##`` sections in source order."""
    extra_titles: list[int] = field(default_factory=list)
    """Lines of further ``#`` headings (a doc should have one title)."""


@cache
def _parser() -> MarkdownIt:
    """The shared block-level parser (inline parsing is not needed)."""
    md = MarkdownIt("commonmark").enable("table")
    md.disable("inline")
    return md


def count_raw_cells(line: str) -> int:
    """Count the cells of a table source line, splitting on unescaped ``|``."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return len(_UNESCAPED_PIPE.split(text))


def parse_document(text: str) -> Document:
    """Split markdown ``text`` into a ``Document``."""
    lines = text.splitlines()
    tokens = _parser().parse(text)
    title: str | None = None
    title_line: int | None = None
    struck_title = False
    extra_titles: list[int] = []
    sections: list[Section] = []
    first_section_line: int | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start = _start_line(token)
        if token.type == "heading_open":
            heading = tokens[index + 1].content.strip()
            if token.tag == "h1":
                if title is None and not sections:
                    title, title_line = heading, start
                    struck = _STRUCK.fullmatch(heading)
                    if struck is not None:
                        title, struck_title = struck[1].strip(), True
                else:
                    extra_titles.append(start)
            elif token.tag == "h2":
                sections.append(Section(heading, start))
                if first_section_line is None:
                    first_section_line = start
            elif sections:
                sections[-1].subsections.append(Subsection(heading, start))
            index += 3
            continue
        if sections and token.type == "table_open":
            table, index = _read_table(tokens, index, lines)
            sections[-1].tables.append(table)
            continue
        if sections and token.type == "fence":
            block = CodeBlock(token.info.strip(), token.content, start)
            section = sections[-1]
            owner = section.subsections[-1] if section.subsections else section
            owner.code_blocks.append(block)
        index += 1
    description, deprecated = _preamble(lines, title_line, first_section_line)
    return Document(
        title, title_line, description, deprecated or struck_title, sections, extra_titles
    )


def _start_line(token: Token) -> int:
    """1-based first line of a block token (0 when markdown-it gives no map)."""
    return token.map[0] + 1 if token.map else 0


def _read_table(tokens: list[Token], index: int, lines: list[str]) -> tuple[Table, int]:
    """Read the table opening at ``tokens[index]``; return it and the index after it."""
    rows: list[Row] = []
    cells: list[str] = []
    line = 0
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            cells, line = [], _start_line(token)
        elif token.type == "inline":
            cells.append(token.content.strip())
        elif token.type == "tr_close":
            raw = lines[line - 1] if 0 < line <= len(lines) else ""
            rows.append(Row(tuple(cells), line, count_raw_cells(raw)))
        index += 1
    return Table(rows[0], tuple(rows[1:])), index + 1


def _preamble(
    lines: list[str], title_line: int | None, section_line: int | None
) -> tuple[str | None, bool]:
    """Description and deprecation from the lines between the title and the first section."""
    start = title_line if title_line is not None else 0
    end = section_line - 1 if section_line is not None else len(lines)
    kept: list[str] = []
    deprecated = False
    for line in lines[start:end]:
        if line.strip().startswith(DEPRECATED_MODEL_MARK):
            deprecated = True
        else:
            kept.append(line)
    description = "\n".join(kept).strip()
    return (description or None), deprecated
