"""Split a model doc into title, description, sections, tables, code blocks and paragraphs.

This module knows markdown block structure only: it says nothing about what
a ``## Fields`` table means.  It is a line-oriented splitter for the block
constructs model docs use (ATX headings, GFM pipe tables, fenced code,
block quotes, paragraphs); on every doc of the corpus it finds the same
blocks at the same lines as markdown-it (a test checks this) in a fraction
of the time, because it never looks at a line character by character.
Every line number is 1-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

DEPRECATED_MODEL_MARK = "> :warning: **DEPRECATED**"
"""Start of the blockquote line that marks a whole model deprecated."""

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_STRUCK = re.compile(r"~~(.*)~~")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_FENCE = re.compile(r"( {0,3})(`{3,}|~{3,})(.*)")
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


@dataclass(frozen=True, slots=True)
class Row:
    """One table row."""

    cells: tuple[str, ...]
    """Cell texts: stripped, ``\\|`` unescaped; padded or cut to the header's count."""
    line: int
    """Line of the row."""
    raw_cell_count: int
    """How many cells the source line really has."""
    indents: tuple[int, ...] = ()
    """Spaces each cell's text starts with past the one after its pipe (Speakeasy pads
    ``| text``: more is the text's own); empty for a header."""


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table."""

    header: Row
    """The header row."""
    rows: tuple[Row, ...]
    """Body rows, in source order."""
    width: int | None = None
    """The width every column is padded to, from a delimiter row whose cells all hold the same
    number of dashes (Speakeasy's layout); ``None`` for any other delimiter row."""


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced code block."""

    info: str
    """The fence's info string, e.g. ``go``."""
    text: str
    """The code, without the fences; every line ends with a newline."""
    line: int
    """Line of the opening fence."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of text lines (a paragraph, list or block quote)."""

    text: str
    """The lines as written, joined with newlines."""
    line: int
    """Line of the first line."""


Block = Union[Table, CodeBlock, Paragraph]  # noqa: UP007
"""Any block below a heading."""


@dataclass(slots=True)
class Subsection:
    """A ``###`` heading and the blocks under it."""

    heading: str
    """Heading text, stripped; may be empty (Go union primitives)."""
    line: int
    """Line of the heading."""
    blocks: list[Block] = field(default_factory=list)
    """Blocks under the heading, in source order."""

    @property
    def code_blocks(self) -> list[CodeBlock]:
        """Fenced code blocks under the heading."""
        return [block for block in self.blocks if isinstance(block, CodeBlock)]

    @property
    def tables(self) -> list[Table]:
        """Tables under the heading."""
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Text blocks under the heading."""
        return [block for block in self.blocks if isinstance(block, Paragraph)]


@dataclass(slots=True)
class Section:
    """A ``##`` heading and everything up to the next ``##``."""

    heading: str
    """Heading text, stripped, e.g. ``Fields``."""
    line: int
    """Line of the heading."""
    blocks: list[Block] = field(default_factory=list)
    """Blocks directly in the section (not under a ``###``), in source order."""
    subsections: list[Subsection] = field(default_factory=list)
    """``###`` (and deeper) headings of the section, in source order."""

    @property
    def tables(self) -> list[Table]:
        """Tables directly in the section."""
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def code_blocks(self) -> list[CodeBlock]:
        """Fenced code blocks directly in the section."""
        return [block for block in self.blocks if isinstance(block, CodeBlock)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Text blocks directly in the section."""
        return [block for block in self.blocks if isinstance(block, Paragraph)]


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
    struck_title: bool = False
    """The title is written ``# ~~Name~~``."""
    orphans: list[Block] = field(default_factory=list)
    """Tables and code blocks before the first ``##`` (a model doc has none)."""
    line_count: int = 0
    """Number of lines of the doc."""


def count_raw_cells(line: str) -> int:
    """Count the cells of a table source line, splitting on unescaped ``|``."""
    return len(_split_cells(line))


def _split_cells(line: str) -> list[str]:
    """The raw cells of a table line: outer pipes removed, split on unescaped ``|``."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    if "\\|" not in text:
        return text.split("|")
    return _UNESCAPED_PIPE.split(text)


def _split_plain(line: str) -> list[str]:
    """``_split_cells`` of a line without ``\\|``: every pipe separates."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return text.split("|")


def _is_delimiter_row(line: str) -> int:
    """The number of columns of a GFM delimiter row (``| --- | :-: |``); 0 when it is not one."""
    if "-" not in line or "|" not in line:
        return 0
    cells = _split_cells(line)
    if all(_DELIMITER_CELL.fullmatch(cell) for cell in cells):
        return len(cells)
    return 0


def _opens_table(lines: list[str], index: int) -> int:
    """The column count when ``lines[index]`` is a table header (a matching delimiter row follows)."""
    if "|" not in lines[index] or index + 1 >= len(lines):
        return 0
    columns = _is_delimiter_row(lines[index + 1])
    return columns if columns and count_raw_cells(lines[index]) == columns else 0


def _column_width(line: str) -> int | None:
    """The dash count of a delimiter row's cells when they all hold the same number."""
    counts = {cell.strip().count("-") for cell in _split_cells(line)}
    return counts.pop() if len(counts) == 1 else None


def _cells(line: str, count: int) -> tuple[tuple[str, ...], int, tuple[int, ...]]:
    """Cells of a row, stripped and unescaped, padded or cut to ``count`` as GFM does; how
    many the line really has; and the leading spaces of each cell past the first (one split)."""
    escaped = "\\|" in line
    parts = _split_cells(line) if escaped else _split_plain(line)
    found = len(parts)
    if found > count:
        del parts[count:]
    texts = [cell.strip() for cell in parts]
    if escaped:
        texts = [text.replace("\\|", "|") for text in texts]
    if "|  " in line:
        # a cell's text indented past its one space of padding (every cell but one at the
        # line's start follows a pipe, so without "|  " none is)
        indents = [
            len(cell) - len(cell.lstrip(" ")) - 1 if text and cell.startswith("  ") else 0
            for cell, text in zip(parts, texts, strict=True)
        ]
        if found < count:
            texts += [""] * (count - found)
            indents += [0] * (count - found)
        return tuple(texts), found, tuple(indents)
    if found < count:
        texts += [""] * (count - found)
    return tuple(texts), found, _no_indents(count)


_ZEROS: dict[int, tuple[int, ...]] = {}


def _no_indents(count: int) -> tuple[int, ...]:
    """``count`` zeros: the indents of a row none of whose cells is indented (one tuple per count)."""
    zeros = _ZEROS.get(count)
    if zeros is None:
        zeros = _ZEROS[count] = (0,) * count
    return zeros


def _starts_block(line: str) -> bool:
    """The line opens a heading, fence or block quote (ending a paragraph or table)."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped:
        return False
    first = stripped[0]
    if first == "#":
        return _HEADING.fullmatch(line) is not None
    if first in "`~":
        return _FENCE.fullmatch(line) is not None and _fence_ok(line)
    return first == ">"


def _fence_ok(line: str) -> bool:
    """A backtick fence's info string may not contain a backtick."""
    match = _FENCE.fullmatch(line)
    return match is not None and not (match[2][0] == "`" and "`" in match[3])


class _Splitter:
    """One pass over the lines, building the ``Document``."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.title: str | None = None
        self.title_line: int | None = None
        self.struck = False
        self.extra_titles: list[int] = []
        self.sections: list[Section] = []
        self.orphans: list[Block] = []

    def add(self, block: Block) -> None:
        """Attach a block to the current ``###``, ``##`` or the preamble."""
        if not self.sections:
            if not isinstance(block, Paragraph):
                self.orphans.append(block)
            return
        section = self.sections[-1]
        owner = section.subsections[-1] if section.subsections else section
        owner.blocks.append(block)

    def heading(self, level: int, text: str, number: int) -> None:
        """Record a heading at line ``number``."""
        if level == 1:
            if self.title is None and not self.sections:
                struck = _STRUCK.fullmatch(text)
                self.title, self.title_line = text, number
                if struck is not None:
                    self.title, self.struck = struck[1].strip(), True
            else:
                self.extra_titles.append(number)
        elif level == 2:
            self.sections.append(Section(text, number))
        elif self.sections:
            self.sections[-1].subsections.append(Subsection(text, number))

    def run(self) -> None:
        """Split every line."""
        lines = self.lines
        count = len(lines)
        index = 0
        while index < count:
            line = lines[index]
            if not line.strip():
                index += 1
                continue
            head = line.lstrip(" ")[:1]
            if head == "#":
                match = _HEADING.fullmatch(line)
                if match is not None:
                    self.heading(len(match[1]), (match[2] or "").strip(), index + 1)
                    index += 1
                    continue
            if head in "`~" and _fence_ok(line):
                index = self.fence(index)
                continue
            columns = _opens_table(lines, index)
            if columns:
                index = self.table(index, columns)
                continue
            index = self.paragraph(index)

    def fence(self, index: int) -> int:
        """Read the fenced block opening at ``index``; return the index after it."""
        match = _FENCE.fullmatch(self.lines[index])
        assert match is not None
        indent, marker, info = len(match[1]), match[2], match[3].strip()
        lines = self.lines
        count = len(lines)
        char = marker[0]
        body: list[str] = []
        end = index + 1
        while end < count:
            line = lines[end]
            end += 1
            # a closing fence: the marker's run (or longer) alone, indented at most 3 spaces
            if marker in line:
                stripped = line.lstrip(" ")
                if (
                    len(line) - len(stripped) <= 3
                    and stripped.startswith(marker)
                    and not stripped.rstrip().strip(char)
                ):
                    break
            body.append(_unindent(line, indent) if indent else line)
        text = "\n".join(body) + "\n" if body else ""
        self.add(CodeBlock(info, text, index + 1))
        return end

    def table(self, index: int, columns: int) -> int:
        """Read the table whose header is at ``index``; return the index after it."""
        lines = self.lines
        header = Row(_cells(lines[index], columns)[0], index + 1, columns)
        rows: list[Row] = []
        end = index + 2
        while end < len(lines):
            line = lines[end]
            # a line opening with a pipe is a row: neither blank nor a heading, fence or quote
            if line[:1] != "|" and (not line.strip() or _starts_block(line)):
                break
            cells, found, indents = _cells(line, columns)
            rows.append(Row(cells, end + 1, found, indents))
            end += 1
        self.add(Table(header, tuple(rows), _column_width(lines[index + 1])))
        return end

    def paragraph(self, index: int) -> int:
        """Read text lines up to a blank line or the start of another block.

        A block quote goes on over every following text line (lazy continuation),
        so a table right under a ``>`` line is part of the quote, as in markdown-it.
        """
        lines = self.lines
        quote = lines[index].lstrip(" ").startswith(">")
        end = index + 1
        while end < len(lines) and lines[end].strip():
            line = lines[end]
            if quote and line.lstrip(" ").startswith(">"):
                end += 1
                continue
            if _starts_block(line):
                break
            if not quote and _opens_table(lines, end):
                break
            end += 1
        self.add(Paragraph("\n".join(lines[index:end]), index + 1))
        return end


def _unindent(line: str, indent: int) -> str:
    """Remove up to ``indent`` leading spaces (the fence's own indentation)."""
    stripped = line[:indent].lstrip(" ")
    return stripped + line[indent:] if stripped else line[indent:]


_CONTROL_REFERENCE = re.compile(
    "&#[xX](0*(?:[0-8b-fB-F]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]|202[89]));"
)


def _decode_controls(line: str) -> str:
    """``&#xD;`` -> CR: the references specloom writes for control characters (``md_controls``)."""
    if "&#" not in line:
        return line
    return _CONTROL_REFERENCE.sub(lambda match: chr(int(match.group(1), 16)), line)


def parse_document(text: str) -> Document:
    """Split markdown ``text`` into a ``Document``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if "&#" in text:
        lines = [_decode_controls(line) for line in lines]
    if lines[-1] == "":
        lines.pop()
    splitter = _Splitter(lines)
    splitter.run()
    sections = splitter.sections
    first_section_line = sections[0].line if sections else None
    description, deprecated = _preamble(lines, splitter.title_line, first_section_line)
    return Document(
        title=splitter.title,
        title_line=splitter.title_line,
        description=description,
        deprecated=deprecated or splitter.struck,
        sections=sections,
        extra_titles=splitter.extra_titles,
        struck_title=splitter.struck,
        orphans=splitter.orphans,
        line_count=len(lines),
    )


def _preamble(
    lines: list[str], title_line: int | None, section_line: int | None
) -> tuple[str | None, bool]:
    """Description and deprecation from the lines between the title and the first section.

    The generator separates the description from what follows by a fixed number of blank
    lines (``preamble_gap``); each blank line beyond it is a newline the description ends
    with (a YAML block scalar's), kept so that it comes back.
    """
    start = title_line if title_line is not None else 0
    end = section_line - 1 if section_line is not None else len(lines)
    kept: list[str] = []
    deprecated = False
    gap: int | None = None
    if section_line is not None:
        gap = preamble_gap(lines[section_line - 1])
    trailing = 0
    for line in lines[start:end]:
        if line.strip().startswith(DEPRECATED_MODEL_MARK):
            if not deprecated:
                gap, trailing = 1, _trailing_blanks(kept)
            deprecated = True
        else:
            kept.append(line)
    if not deprecated:
        trailing = _trailing_blanks(kept)
    # spaces that end the last line are the description's own, as on every other line
    text = "\n".join(kept[: len(kept) - _trailing_blanks(kept)]).lstrip()
    description = text
    if "&#" in text:
        description = _BLOCK_REFERENCE.sub(
            lambda match: match.group(1) + chr(int(match.group(2))), text
        )
    if description and gap is not None and trailing > gap:
        description += "\n" * (trailing - gap)
    return (description or None), deprecated


def preamble_gap(heading_line: str) -> int:
    """Blank lines a generator writes between a doc's description and the section heading
    ``heading_line``: one before ``## Example Usage`` (its template starts at the heading),
    two before every other section (whose templates open with a blank line)."""
    return 1 if heading_line.strip() == "## Example Usage" else 2


def _trailing_blanks(lines: list[str]) -> int:
    """How many of ``lines`` at the end are blank."""
    count = 0
    for line in reversed(lines):
        if line.strip():
            break
        count += 1
    return count


_BLOCK_REFERENCE = re.compile(r"^( {0,3})&#(35|124|96|126);", re.MULTILINE)
"""A line-start ``#``, ``|`` or fence character written as a reference (``md_paragraph``)."""
