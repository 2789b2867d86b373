"""Scalar values of YAML text, resolved with the YAML 1.2 core schema.

OpenAPI tools (and JSON) read ``yes``, ``on``, ``2024-01-01`` and ``1:30`` as
strings; YAML 1.1 (PyYAML's default) would turn them into booleans, dates
and sexagesimal numbers.  Resolving plain scalars here also makes every JSON
number a number (YAML 1.1 reads ``1e5`` as a string).
"""

from __future__ import annotations

import math
import re

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NUMBER_START = frozenset("-+.0123456789")

_CONSTANTS: dict[str, object] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}

_TAG_PREFIX = "tag:yaml.org,2002:"


NUMBER_START = _NUMBER_START
"""The first characters of plain scalars that may be numbers."""
SPECIAL_PLAIN = frozenset(_CONSTANTS)
"""The plain scalars that are null, booleans or special floats (every other one not starting
with a ``NUMBER_START`` character is the string itself)."""


def resolve_plain(text: str) -> object:
    """The value of an untagged plain scalar: null, bool, int, float or the string itself."""
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if text[0] in _NUMBER_START:
        if _INT.fullmatch(text):
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        if text.startswith("0o") and _is_digits(text[2:], 8):
            return int(text[2:], 8)
        if text.startswith("0x") and _is_digits(text[2:], 16):
            return int(text[2:], 16)
    return text


def scalar_is_integer(text: str) -> bool:
    """``text`` is a plain integer literal (decimal, ``0o`` or ``0x``)."""
    return bool(
        _INT.fullmatch(text)
        or (text.startswith("0o") and _is_digits(text[2:], 8))
        or (text.startswith("0x") and _is_digits(text[2:], 16))
    )


def resolve_tagged(text: str, tag: str) -> object:
    """The value of an explicitly tagged scalar (``!!int 3``); unknown tags keep the string."""
    name = tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
    if name in ("int", "float", "bool", "null"):
        value = resolve_plain(text)
        wanted = {"int": int, "float": float, "bool": bool, "null": type(None)}[name]
        if isinstance(value, wanted) and not (name == "int" and isinstance(value, bool)):
            return value
        if name == "float" and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
    return text


def _is_digits(text: str, base: int) -> bool:
    """``text`` is a non-empty run of digits of ``base``."""
    if not text:
        return False
    try:
        int(text, base)
    except ValueError:
        return False
    return "_" not in text and text.strip() == text and text[0] not in "+-"
