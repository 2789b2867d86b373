"""Markdown escaping, Speakeasy-style table layout and the table cells every docs flavor shares.

Speakeasy pads every column of a table to one width: that of the widest
cell, measured on the unescaped text (a line break counts one).  The Name,
Required, Description and Example cells read the same in every language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from generator.go_json import escape_html
from generator.ir import Definition, Field, JsonObject, JsonValue, LiteralType, TypeName, json_text
from generator.naming import number_word_list, split_words
from generator.numbers import go_float, json_number
from generator.textwidth import text_width

BREAK = "<br/>"
"""How a line break is written inside a table cell."""
REQUIRED_MARK = ":heavy_check_mark:"
"""Required column of a required field."""
OPTIONAL_MARK = ":heavy_minus_sign:"
"""Required column of an optional field."""
DEPRECATION_MARK = ": warning: ** DEPRECATED **: "
"""How a deprecated field's description starts (Speakeasy's spacing)."""
DEPRECATION_NOTICE = (
    "This will be removed in a future release, please migrate away from it as soon as possible."
)
"""The sentence after the deprecation mark."""
DEPRECATED_MODEL_LINE = f"> :warning: **DEPRECATED**: {DEPRECATION_NOTICE}"
"""The line under a deprecated model's description."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell whose padding width differs from its text's length."""

    text: str
    """Unescaped text (real newlines)."""
    width: int
    """Width it counts for when the column width is chosen."""


TableCell = str | Cell
"""A cell: plain unescaped text, or text with its own width."""


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]|\r(?!\n)")


def md_controls(text: str) -> str:
    """Control characters, a lone CR and the line and paragraph separators as ``&#xD;`` references.

    Markdown renderers break lines on a lone CR (CommonMark) and some on
    U+2028, NEL, VT or FF; as character references they stay one line and
    show the character, and the docs readers decode them back.
    """
    if text.isprintable():
        return text
    return _CONTROLS.sub(lambda match: f"&#x{ord(match.group()):X};", text)


_TICKS = re.compile("`+")


def code_span(text: str) -> str:
    """``text`` as a CommonMark code span: fenced by one backtick more than its longest run of
    backticks, with a space each side when it holds a backtick or starts and ends with a space
    (which readers strip again, ``syntax.code_span_text``)."""
    runs = [len(run) for run in _TICKS.findall(text)]
    fence = "`" * (max(runs, default=0) + 1)
    padded = bool(runs) or (text.startswith(" ") and text.endswith(" ") and text.strip(" ") != "")
    pad = " " if padded else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_BLOCK_START = re.compile(r"^( {0,3})(#|\||```|~~~)", re.MULTILINE)


_FENCE_LINE = re.compile(r"( {0,3})(`{3,}|~{3,})(.*)")


def md_paragraph(text: str) -> str:
    """Text for a paragraph of a doc: controls as references, and a line that would open a
    heading, table row or code fence (``#``, ``|``, a fence) starts with its character as a
    reference (``&#35;``) instead, so it stays text; the docs readers decode it back.

    A fenced code block the text holds whole (its closing fence too) is written as it is:
    readers keep such a block in the description, as they read it back."""
    text = md_controls(text)
    lines = text.split("\n")
    fenced = _closed_fences(lines)
    if not fenced:
        return _escape_block_starts(text)
    return "\n".join(
        line if number in fenced else _escape_block_starts(line)
        for number, line in enumerate(lines)
    )


def _escape_block_starts(text: str) -> str:
    return _BLOCK_START.sub(
        lambda match: f"{match.group(1)}&#{ord(match.group(2)[0])};{match.group(2)[1:]}", text
    )


def _closed_fences(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines of fenced code blocks that close (both fences and what is between),
    read as CommonMark readers do: an opening run of 3 or more backticks or tildes indented at
    most 3 spaces (a backtick fence's info string holds no backtick), closed by a run of the
    same character at least as long, alone on its line."""
    fenced: set[int] = set()
    index = 0
    while index < len(lines):
        match = _FENCE_LINE.fullmatch(lines[index])
        if match is None or (match[2][0] == "`" and "`" in match[3]):
            index += 1
            continue
        marker, char = match[2], match[2][0]
        end = index + 1
        while end < len(lines):
            stripped = lines[end].lstrip(" ")
            if (
                len(lines[end]) - len(stripped) <= 3
                and stripped.startswith(marker)
                and not stripped.rstrip().strip(char)
            ):
                break
            end += 1
        if end == len(lines):
            index += 1
            continue
        fenced.update(range(index, end + 1))
        index = end + 1
    return fenced


def md_cell(text: str | None) -> str:
    """Escape text for a table cell: ``|`` becomes ``\\|``, line breaks ``<br/>``, controls references."""
    if not text:
        return ""
    return md_controls(text).replace("|", "\\|").replace("\r\n", "\n").replace("\n", BREAK)


def cell_width(cell: TableCell) -> int:
    """Width Speakeasy pads a cell to: characters of the unescaped text, a line break counting 1."""
    return cell.width if isinstance(cell, Cell) else text_width(cell)


def md_table(header: Sequence[TableCell], rows: Sequence[Sequence[TableCell]]) -> str:
    r"""A table whose columns all share one width: that of the widest cell.

    Cells are given unescaped (plain text with real newlines).  The width is
    measured before escaping, as Speakeasy does, but each escaped cell is then
    padded to it, so a cell holding ``<br/>`` or ``\|`` may overflow.
    Rows are joined with newlines; no newline follows the last row.
    """
    width = 0
    texts: list[list[str]] = []
    for row in (header, *rows):
        escaped = []
        for cell in row:
            if isinstance(cell, Cell):
                size, text = cell.width, cell.text
            else:
                size, text = text_width(cell), cell
            if size > width:
                width = size
            escaped.append(md_cell(text) if "|" in text or "\n" in text else text)
        texts.append(escaped)
    separator = "| " + " | ".join(["-" * width] * len(header)) + " |"
    lines = ["| " + " | ".join([_pad(text, width) for text in row]) + " |" for row in texts]
    lines.insert(1, separator)
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width``, measured as ``text_width`` (JavaScript's
    ``padEnd``)."""
    if text.isascii():
        return text.ljust(width)
    return text + " " * max(width - text_width(text), 0)


def name_cell(name: str, deprecated: bool) -> str:
    """`` `name` ``, struck through when deprecated."""
    return f"~~`{name}`~~" if deprecated else f"`{name}`"


def required_cell(required: bool) -> str:
    """The Required column."""
    return REQUIRED_MARK if required else OPTIONAL_MARK


def description_cell(field: Field) -> str:
    """The Description column: ``N/A`` when empty, the deprecation notice first when deprecated."""
    if field.deprecated:
        notice = DEPRECATION_MARK + DEPRECATION_NOTICE
        return f"{notice}\n\n{field.description}" if field.description else notice
    return field.description or "N/A"


_FACTS: ContextVar[frozenset[str]] = ContextVar("docs_style_facts", default=frozenset())
_PARENT: ContextVar[str | None] = ContextVar("docs_models_parent", default=None)
_LAYOUT: ContextVar[str] = ContextVar("docs_layout", default="nested")
_LINK_FOLDERS: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("docs_link_folders", default=())
_SDK_CLASSES: ContextVar[frozenset[str]] = ContextVar("docs_sdk_classes", default=frozenset())
_RESERVED: ContextVar[frozenset[str]] = ContextVar("docs_reserved_names", default=frozenset())
_WRITING: ContextVar[str | None] = ContextVar("docs_writing_namespace", default=None)
_PACKAGE: ContextVar[str | None] = ContextVar("docs_writing_package", default=None)


def _own_facts(definition: Definition, language: str) -> frozenset[str]:
    """The style facts of ``definition``'s tree when it was read in ``language``; none otherwise
    (a tree's style says how that SDK's docs look, not how another language's would)."""
    flavor = definition.docs_flavor
    if flavor is None or flavor.language != language:
        return frozenset()
    facts = frozenset(flavor.facts)
    if flavor.folders is not None:
        facts = facts | {f"folders-{flavor.folders}"}
    return facts


@contextmanager
def following(definition: Definition, language: str) -> Iterator[None]:
    """Render cells of ``definition``'s doc in ``language`` the way its tree does
    (``DocsFlavor.facts``, when the tree was written in ``language``)."""
    facts = _own_facts(definition, language)
    token = _FACTS.set(facts)
    writing = _WRITING.set(definition.name.namespace)
    flavor = definition.docs_flavor
    package = _PACKAGE.set(flavor.package if flavor and flavor.language == language else None)
    own = flavor if flavor is not None and flavor.language == language else None
    parent = _PARENT.set(own.models_parent if own is not None else None)
    layout = _LAYOUT.set(own.layout if own is not None else "nested")
    folders = _LINK_FOLDERS.set(own.link_folders if own is not None else ())
    classes = _SDK_CLASSES.set(frozenset(own.sdk_classes) if own is not None else frozenset())
    reserved = _RESERVED.set(own_reserved(definition, language))
    try:
        yield
    finally:
        _RESERVED.reset(reserved)
        _SDK_CLASSES.reset(classes)
        _LINK_FOLDERS.reset(folders)
        _LAYOUT.reset(layout)
        _PARENT.reset(parent)
        _PACKAGE.reset(package)
        _WRITING.reset(writing)
        _FACTS.reset(token)


def own_reserved(definition: Definition, language: str) -> frozenset[str]:
    """``DocsFlavor.reserved_names`` of the tree ``definition`` was read from, when it was read
    in ``language``; none otherwise."""
    flavor = definition.docs_flavor
    if flavor is None or flavor.language != language:
        return frozenset()
    return frozenset(flavor.reserved_names)


def reserved_names() -> frozenset[str]:
    """The names the generator of the doc being rendered reserves (``own_reserved``)."""
    return _RESERVED.get()


def package() -> str | None:
    """The SDK package (``DocsFlavor.package``) of the tree the doc being rendered was read
    from, when it was read in the language being written."""
    return _PACKAGE.get()


def models_link(path: str, nested: bool = True) -> str:
    """Link from the doc being rendered to the doc at ``path`` below the docs folder
    (``models/shared/x.md``): up to the docs folder, through ``DocsFlavor.models_parent``
    (``../../../pkg/models/shared/x.md``), else ``../../models/shared/x.md``; a doc whose folder
    links of its tree name as another (``DocsFlavor.link_folders``) is linked through that one."""
    return _climbed(_linked_folder(path), nested)


def _climbed(path: str, nested: bool) -> str:
    """``path`` below the docs folder, from the doc being rendered (through ``models_parent``)."""
    parent = _PARENT.get()
    if parent is None:
        return ("../../" if nested else "../") + path
    return "../" * (parent.count("/") + (3 if nested else 2)) + parent + "/" + path


def runtime_link(path: str) -> str:
    """Link from the doc being rendered to the SDK runtime's page at ``path`` beside the models
    folder (``types/date.md``): like ``models_link``, through ``DocsFlavor.models_parent``
    (``../../../pkg/types/date.md``), one folder less in a ``flat`` layout (``../types/date.md``)."""
    return _climbed(path, _LAYOUT.get() != "flat")


def _linked_folder(path: str) -> str:
    """``path`` with its folder named as the tree's links name it (``DocsFlavor.link_folders``):
    the first pair whose docs' folder ends the path's folder swaps it for the link's folder."""
    folder, slash, file = path.rpartition("/")
    for ours, theirs in _LINK_FOLDERS.get():
        if folder == ours or folder.endswith("/" + ours):
            return folder[: len(folder) - len(ours)] + theirs + slash + file
    return path


def names_sdk_class(name: str) -> bool:
    """Whether ``name`` is the name of one of the SDK's own classes (``DocsFlavor.sdk_classes``,
    letter case aside) in the tree the doc being rendered was read from."""
    return name.lower() in _SDK_CLASSES.get()


def unqualified(target: TypeName) -> bool:
    """A link to ``target`` names it without its namespace (``links-unqualified``: links
    within the namespace of the doc being rendered)."""
    return shows("links-unqualified") and target.namespace == _WRITING.get()


def shows(fact: str) -> bool:
    """Whether the doc being rendered follows ``fact`` (a ``DOCS_FACTS`` name, or
    ``folders-lower`` / ``folders-pascal`` for ``DocsFlavor.folders``)."""
    return fact in _FACTS.get()


def docs_fact(definition: Definition, language: str, fact: str) -> bool:
    """Whether the ``language`` docs tree ``definition`` was read from shows ``fact``."""
    return fact in _own_facts(definition, language)


NIL = "<nil>"
"""How a null example is printed unless the tree shows ``null`` (fact ``null-example-json``)."""


def null_example(definition: Definition, language: str) -> str:
    """How ``language`` docs of ``definition`` print a null example: ``null`` or ``<nil>``."""
    return "null" if "null-example-json" in _own_facts(definition, language) else NIL


def example_text(value: JsonValue, null: str = NIL) -> tuple[str, int]:
    """One example as the Example column prints it, and the width it counts for.

    Strings are printed as they are, ``null`` as ``null`` (``<nil>`` by default), numbers as
    JavaScript prints them or, for floats, as Go's shortest ``%g`` where the tree does
    (``float-exponent``: ``1.7058958054919229e+09``); JSON containers are indented two spaces per level for measuring but printed
    without indentation, or compactly on one line where the tree does (``examples-compact``),
    with ``&``, ``<``, ``>`` in their strings escaped as Go does where the tree does
    (``json-html-escaped``: ``\\u0026``).
    """
    if value is None:
        return null, len(null)
    if isinstance(value, str):
        return value, text_width(value)
    if isinstance(value, bool):
        return ("true", 4) if value else ("false", 5)
    if isinstance(value, float) and shows("float-exponent"):
        text = go_float(value)
        return text, len(text)
    if isinstance(value, int | float):
        text = json_number(value)
        return text, len(text)
    escaped = shows("json-html-escaped")  # Go's json.Marshal: & < > as \u0026 \u003c \u003e
    if value and shows("examples-compact"):
        compact = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        compact = escape_html(compact) if escaped else compact
        return compact, len(compact)
    indented = json.dumps(value, ensure_ascii=False, indent=2)
    indented = escape_html(indented) if escaped else indented
    flat = "\n".join(line.lstrip(" ") for line in indented.split("\n"))
    return flat, text_width(flat)


def example_cell(examples: Sequence[JsonValue], null: str = NIL) -> Cell:
    """The Example column: one example, or ``**Example N:** ...`` lines for several."""
    if not examples:
        return Cell("", 0)
    if len(examples) == 1:
        text, width = example_text(examples[0], null)
        return Cell(text, width)
    texts: list[str] = []
    width = 0
    for number, value in enumerate(examples, 1):
        text, size = example_text(value, null)
        prefix = f"**Example {number}:** "
        texts.append(prefix + text)
        width += len(prefix) + size
    # the examples are joined with a literal <br/>, which counts its five characters
    return Cell("\n".join(texts), width + len(BREAK) * (len(examples) - 1))


def shown_required(field: Field) -> bool:
    """Whether SDK docs show ``field`` as required.

    Speakeasy shows a required field that has a default (other than a
    constant) as optional, since callers may leave it out; everything else
    as the IR says.
    """
    if field.required and field.default is not None:
        return isinstance(field.type, LiteralType)
    return bool(field.required)


def field_rows(
    fields: Sequence[Field], names: Sequence[str], types: Sequence[str], null: str = NIL
) -> tuple[list[TableCell], list[list[TableCell]]]:
    """Header and rows of a ``## Fields`` table, given each field's name and type cells;
    ``null`` is how a null example is printed (``null_example``)."""
    with_examples = any(field.examples for field in fields)
    header: list[TableCell] = ["Field", "Type", "Required", "Description"]
    if with_examples:
        header.append("Example")
    rows: list[list[TableCell]] = []
    for field, name, type_cell in zip(fields, names, types, strict=True):
        row: list[TableCell] = [
            name_cell(name, field.deprecated),
            type_cell,
            required_cell(shown_required(field)),
            description_cell(field),
        ]
        if with_examples:
            row.append(example_cell(field.examples, null))
        rows.append(row)
    return header, rows


def header_block(title: str, description: str | None, deprecated: bool) -> str:
    """Title, description and deprecation line of a doc, without the blank lines after them."""
    title = md_controls(title).replace("\r\n", " ").replace("\n", " ")
    parts = [f"# ~~{title}~~" if deprecated else f"# {title}"]
    if description:
        parts.append(md_paragraph(description))
    if deprecated:
        parts.append(DEPRECATED_MODEL_LINE)
    return "\n\n".join(parts)


def doc_header(model: Definition, title: str | None = None) -> str:
    """A model doc's title (the model's name unless given), description and deprecation line."""
    return header_block(title or model.name.name, model.description, model.deprecated)


_SYMBOLS = {"*": "wildcard"}


def enum_words(value: object) -> list[str]:
    """The lower-case words of an enum value's constant name (``"24h"`` -> ``twenty``, ``fourh``).

    Leading digits are spelled out, what follows them is glued to the last
    number word; a value that is only a symbol is named after it (``*`` -> ``wildcard``); a
    list or mapping after its JSON text (``[1, 2]`` -> ``one``, ``2``).
    """
    # a list or mapping is named after its JSON text
    text = json_text(value).lstrip('[{"') if isinstance(value, tuple | JsonObject) else str(value)
    if text in _SYMBOLS:
        return [_SYMBOLS[text]]
    digits = len(text) - len(text.lstrip("0123456789"))
    words: list[str] = []
    if digits:
        words = number_word_list(int(text[:digits]), british=False)
        text = text[digits:]
    rest = [word.lower() for word in split_words(text)]
    if words and rest and text[:1].isalnum():
        words[-1] += rest.pop(0)
    return words + rest
