"""Read the language-neutral table cells: field name, Required, Description, Example."""

from __future__ import annotations

import re

from generator.inputs.values import strict_json
from generator.ir import JsonValue, Primitive, PrimitiveKind, TypeNode

REQUIRED_MARK = ":heavy_check_mark:"
OPTIONAL_MARK = ":heavy_minus_sign:"

_BR = re.compile(r"<br\s*/?>")
"""Any spelling of a line break, read as one in example cells only (``example_break``)."""
_BREAK = "<br/>"
"""The line break descriptions are written with; other spellings are the text's own HTML."""
_LEADING_BREAKS = re.compile(r"(?:\s|<br/>)+")
_BR_END = re.compile(r"<br\s*/?>$")
_MANY = re.compile(r"\*\*Example \d+:\*\* ")
_NAME = re.compile(r"(?P<strike>~~)?`(?P<name>[^`]+)`(?P=strike)?")
_DEPRECATED_MARK = re.compile(r"^:\s*warning:\s*\*\*\s*DEPRECATED\s*\*\*:\s*")
DEPRECATION_NOTICE = (
    "This will be removed in a future release, please migrate away from it as soon as possible."
)
"""The sentence Speakeasy writes after the deprecation mark, before the field's own text."""


def example_break(text: str) -> str:
    """``a<br/>b`` (or ``<br>``) -> ``a\\nb``: how example cells break lines."""
    return _BR.sub("\n", text)


def parse_name(cell: str) -> tuple[str, bool] | None:
    """``\\`ClickID\\``` -> ``("ClickID", False)``; ``~~\\`TagID\\`~~`` -> ``("TagID", True)``."""
    match = _NAME.fullmatch(cell.strip())
    if match is None:
        return None
    return match["name"], match["strike"] is not None


def parse_required(cell: str) -> bool | None:
    """``True`` / ``False`` for the two markers, ``None`` for anything else."""
    text = cell.strip()
    if text == REQUIRED_MARK:
        return True
    if text == OPTIONAL_MARK:
        return False
    return None


def parse_description(cell: str, indent: int = 0) -> tuple[str | None, bool]:
    """The plain description and whether it carries the deprecation mark.

    ``N/A`` and empty mean no description; the mark and the standard notice
    sentence after it are removed, the field's own text is kept, with the line breaks it
    ends with.  ``<br/>`` is the line break the docs write; any other spelling (``<br>``)
    is the text's own HTML and is kept as written.  ``indent`` is how many spaces the cell's
    text starts with past its padding (``Row.indents``): the description's own.
    """
    text = cell.strip()
    deprecated = False
    mark = _DEPRECATED_MARK.match(text) if text.startswith(":") else None
    if mark is not None:
        deprecated = True
        text = text[mark.end() :]
        if text.startswith(DEPRECATION_NOTICE):
            text = text[len(DEPRECATION_NOTICE) :]
        text = text[_leading_breaks(text) :]
    # Newlines a description ends with (``<br/>`` at the end of the cell) are its own, and so
    # are the ``indent`` spaces it starts with past the cell's padding.
    text = text.replace(_BREAK, "\n").strip(" \t")
    if text in ("", "N/A"):
        return None, deprecated
    return (text if deprecated else " " * indent + text), deprecated


def _leading_breaks(text: str) -> int:
    """How many characters of spaces and ``<br/>`` breaks ``text`` starts with."""
    match = _LEADING_BREAKS.match(text)
    return match.end() if match else 0


def parse_example(cell: str, node: TypeNode) -> tuple[JsonValue, ...]:
    """The example values of a cell, as JSON, interpreted by the field's type.

    Several examples are written ``**Example 1:** a<br/>**Example 2:** b``.
    """
    text = cell.strip()
    if not text:
        return ()
    if _MANY.match(text):
        parts = _MANY.split(text)[1:]
        if all(part.endswith(("<br/>", "<br>", "<br />")) for part in parts[:-1]):
            return tuple(_one_example(_BR_END.sub("", part), node) for part in parts)
    return (_one_example(text, node),)


def _one_example(text: str, node: TypeNode) -> JsonValue:
    """One example value."""
    if text == "<nil>":
        return None
    plain = example_break(text)
    if isinstance(node, Primitive):
        if node.kind is PrimitiveKind.STRING:
            return plain
        if node.kind in (PrimitiveKind.INTEGER, PrimitiveKind.NUMBER, PrimitiveKind.BOOLEAN):
            return _scalar(text, node.kind)
    try:
        value: JsonValue = strict_json(plain)  # type: ignore[assignment]
    except ValueError:
        value = plain
    return value


def _scalar(text: str, kind: PrimitiveKind) -> JsonValue:
    """Parse a number or boolean example; keep the text when it is not one."""
    if kind is PrimitiveKind.BOOLEAN:
        return {"true": True, "false": False}.get(text, text)
    try:
        value = strict_json(text)
    except ValueError:
        return text
    if isinstance(value, bool) or not isinstance(value, int | float):
        return text
    if kind is PrimitiveKind.INTEGER and not isinstance(value, int):
        return text
    return value


def _reject_constant(name: str) -> JsonValue:
    """``NaN`` and ``Infinity`` are not JSON: treat the example as text."""
    raise ValueError(name)
