"""Go's ``json.Marshal`` escaping of HTML characters in strings, the style fact ``json-html-escaped``.

Speakeasy's generator is written in Go; its ``encoding/json`` writes ``&``, ``<`` and ``>`` inside
JSON strings as ``\\u0026``, ``\\u003c`` and ``\\u003e`` unless told not to (``SetEscapeHTML``).
Trees whose array and object examples show those escapes were printed that way.
"""

from __future__ import annotations

import re

from generator.ir import JsonValue

HTML_ESCAPES = {"&": "\\u0026", "<": "\\u003c", ">": "\\u003e"}
"""Each character Go's ``json.Marshal`` escapes for HTML, with the escape it writes."""

_HTML_CHAR = re.compile("[&<>]")
_ESCAPE = re.compile(r"\\u00(?:26|3[cCeE])")


def escape_html(json_text: str) -> str:
    """``json_text`` (JSON as ``json.dumps`` writes it) with ``&``, ``<``, ``>`` escaped as Go
    does; the three are never JSON syntax, so only characters inside strings change."""
    return _HTML_CHAR.sub(lambda match: HTML_ESCAPES[match.group()], json_text)


def has_html_chars(value: JsonValue) -> bool:
    """Whether a string in ``value`` (a key or an item, at any depth) holds ``&``, ``<`` or ``>``."""
    if isinstance(value, str):
        return _HTML_CHAR.search(value) is not None
    if isinstance(value, dict):
        return any(has_html_chars(key) or has_html_chars(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(has_html_chars(item) for item in value)
    return False


def shows_html_escapes(cell: str) -> bool:
    """Whether a cell's text holds one of the escapes (``\\u0026``, ``\\u003c``, ``\\u003e``)."""
    return _ESCAPE.search(cell) is not None
