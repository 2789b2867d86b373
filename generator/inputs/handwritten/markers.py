"""Required, nullable, read-only and deprecated markers: in their own column, in the name
cell (``name*``, ``name?``) and in the description (``(optional)``, a ``mandatory`` label)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from generator.inputs.handwritten.cells import word
from generator.inputs.handwritten.lexicon import CONDITIONAL_WORDS, Lexicon

_CONDITION = re.compile(r"\b(if|when|unless|for|only|depends|see note|see below|otherwise)\b", re.I)
_LABEL = re.compile(
    r"<(?:i|span|em|b|strong|code)\b[^>]*>\s*(?P<word>[\w -]+?)\s*</(?:i|span|em|b|strong|code)>",
    re.I,
)
_DESCRIPTION_REQUIRED = re.compile(
    r"^\s*(?:\*\*)?required(?:\*\*)?\s*[.:]|\((?:required|mandatory)\)|\*\*(?:required|mandatory)\*\*\s*[.:]?\s*$"
    r"|^\s*\*\*(?:required|mandatory)\*\*|\brequired to be\b",
    re.I,
)
_DESCRIPTION_OPTIONAL = re.compile(r"^\s*(?:\*\*)?optional(?:\*\*)?\s*[.:]|\(optional\)", re.I)
_DESCRIPTION_CONDITIONAL = re.compile(
    r"\brequired (?:if|when|unless|only|for|with)\b|\bmandatory (?:if|when|unless|for)\b", re.I
)
_NULLABLE = re.compile(
    r"`null`\s+(?:if|when|for|means|otherwise)|\bcan be (?:`?null`?|nil)\b|\bor `?null`?\b"
    r"|\bnullable\b|\bmay be `?null`?\b|\bnull if\b|\bis `null`\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Marker:
    """What a required marker says."""

    required: bool | None
    """``None`` when the marker is conditional or not understood."""
    problem: str | None = None
    """Why it could not be read (a warning), if so."""
    warn_only: bool = False
    """The marker was read (``required`` holds it) but deserves a warning."""


def _quoted(cell: str) -> str:
    text = " ".join(cell.split())
    return "'" + (text if len(text) <= 60 else text[:57] + "...") + "'"


def required_cell(cell: str, lexicon: Lexicon, inverted: bool = False) -> Marker:
    """A Required (or, ``inverted``, an Optional) column's cell."""
    text = word(cell)
    if not text:
        return Marker(
            None, f"empty {'Optional' if inverted else 'Required'} cell; required left unknown"
        )
    starred = text.endswith("*")
    base = text.rstrip("*").strip()
    if base in lexicon.required_yes or base in lexicon.required_no:
        value = base in lexicon.required_yes
        if inverted:
            value = not value
        if starred:
            return Marker(
                None,
                f"marker {_quoted(cell)} has a footnote '*' (a condition); required left unknown",
            )
        return Marker(value)
    if base in CONDITIONAL_WORDS:
        return Marker(None, f"marker {_quoted(cell)} is conditional; required left unknown")
    close = difflib.get_close_matches(base, (*lexicon.required_yes, *lexicon.required_no), 1, 0.85)
    if close and len(base) >= 6:
        value = close[0] in lexicon.required_yes
        return Marker(
            value != inverted,
            f"marker {_quoted(cell)} read as {close[0]!r} (a misspelling?)",
            warn_only=True,
        )
    first = re.split(r"[\s(]", base, maxsplit=1)[0]
    if (first in lexicon.required_yes or first in lexicon.required_no) and _CONDITION.search(base):
        return Marker(None, f"marker {_quoted(cell)} is conditional; required left unknown")
    return Marker(None, f"unknown required marker {_quoted(cell)}; required left unknown")


def required_in_description(description: str) -> Marker | None:
    """A required marker written in the description, if any."""
    for label in _LABEL.finditer(description):
        found = label.group("word").strip().lower()
        if found in ("required", "mandatory"):
            return Marker(True)
        if found == "optional":
            return Marker(False)
    if _DESCRIPTION_CONDITIONAL.search(description):
        return Marker(
            None,
            "the description makes the field required under a condition; "
            "required left unknown (read as not required)",
        )
    if _DESCRIPTION_REQUIRED.search(description):
        return Marker(True)
    if _DESCRIPTION_OPTIONAL.search(description):
        return Marker(False)
    return None


def labels(description: str) -> set[str]:
    """The words of HTML labels in a description (``read-only``, ``write-only``, ``deprecated``)."""
    return {m.group("word").strip().lower() for m in _LABEL.finditer(description)}


def nullable_in_description(description: str) -> bool | None:
    """``True`` when the description says the value can be null, else ``None`` (not said)."""
    return True if _NULLABLE.search(description) else None


def deprecated_in_description(description: str) -> bool:
    """The description marks the field deprecated."""
    return bool(re.match(r"\s*(\*\*|_)?deprecated\b", description, re.I)) or "deprecated" in labels(
        description
    )
