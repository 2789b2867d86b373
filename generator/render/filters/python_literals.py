"""Escaping of spec text for Python source: string literals and docstrings.

Both produce exactly what black would leave unchanged, so generated code is
black-stable without running black.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

_LINE_BREAKS = str.maketrans(
    {"\r": "\n", "\v": "\n", "\f": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n"}
    | {"\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
)

_NOT_PLAIN = re.compile(r"[^\x20-\x7e]+")
"""Runs of characters that may need an escape in a string literal: controls and non-ASCII."""

_NOT_PLAIN_DOCSTRING = re.compile(r"[^\n\x20-\x7e]+")
"""The same in a docstring, where line breaks stay as they are."""

_TEXTWRAP_SPACES = re.compile(r"[\t\n\x0b\x0c\r]")
"""Whitespace textwrap turns into spaces (a line holding any goes the slow way)."""


def _escape_char(char: str, quote: str) -> str:
    if char == "\\":
        return "\\\\"
    if char == quote:
        return "\\" + quote
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "\r":
        return "\\r"
    if not char.isprintable():
        code = ord(char)
        if code < 0x100:
            return f"\\x{code:02x}"
        if code < 0x10000:
            return f"\\u{code:04x}"
        return f"\\U{code:08x}"
    return char


def py_str(value: str) -> str:
    """A Python string literal for ``value`` in black's preferred quotes.

    Double quotes unless the text holds more double than single quotes (what
    black keeps); every backslash, quote and non-printable character escaped.
    """
    quote = "'" if value.count('"') > value.count("'") else '"'
    text = value.replace("\\", "\\\\").replace(quote, "\\" + quote)
    return quote + _NOT_PLAIN.sub(_escape_run, text) + quote


def _escape_run(match: re.Match[str]) -> str:
    """A run of controls and non-ASCII characters, the non-printable ones escaped."""
    run = match.group()
    if run.isprintable():
        return run
    return "".join(char if char.isprintable() else _escape_char(char, '"') for char in run)


def py_repr(value: object) -> str:
    """Python source for a JSON scalar or container (strings via ``py_str``)."""
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        text = repr(value)
        if text in ("inf", "-inf", "nan"):
            return f'float("{text}")'
        return text.replace("e+", "e")  # black writes 1e100, not 1e+100
    if isinstance(value, list):
        return "[" + ", ".join(py_repr(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{py_str(str(k))}: {py_repr(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"not a JSON value: {value!r}")


def docstring_text(value: str | None) -> str:
    """Normalize spec text for a docstring: plain lines that black would not rewrite.

    Line breaks of every kind become ``\\n``, tabs become spaces, and common
    indentation, trailing spaces and blank edges are removed.  Escaping is
    left to ``py_docstring``.
    """
    if not value:
        return ""
    text = value.translate(_LINE_BREAKS).expandtabs(4)
    lines = [line.rstrip() for line in text.split("\n")]
    first, rest = lines[0].strip(), textwrap.dedent("\n".join(lines[1:]))
    text = "\n".join([first, *rest.split("\n")]) if lines[1:] else first
    return text.strip()


def wrap(text: str, width: int, hang: int = 0) -> str:
    """Wrap each line of ``text`` to ``width`` columns, keeping its indentation.

    Continuation lines get ``hang`` more spaces; words longer than a line
    (URLs) are never broken.
    """
    wrapped: list[str] = []
    for line in text.split("\n"):
        lead = line[: len(line) - len(line.lstrip(" "))]
        stripped = line.strip()
        room = max(width - len(lead), 20)
        if len(stripped) <= room and not _TEXTWRAP_SPACES.search(stripped):
            wrapped.append(lead + stripped)  # what textwrap returns for a line that fits
            continue
        pieces = textwrap.wrap(
            stripped,
            room,
            break_long_words=False,
            break_on_hyphens=False,
            subsequent_indent=" " * hang,
        )
        wrapped.extend(lead + piece for piece in pieces or [""])
    return "\n".join(wrapped)


def _escape_docstring_run(match: re.Match[str]) -> str:
    """Like ``_escape_run``; punctuation, symbols and spaces beyond ASCII (right single quote,
    en dash) are ``\\N{...}`` escapes too: ruff (RUF002) flags them as look-alikes of ASCII."""
    run = match.group()
    return "".join(
        _named_escape(char) if unicodedata.category(char)[0] in "PSZ" else _escape_char(char, '"')
        for char in run
    )


def _named_escape(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"\\N{{{name}}}" if name else _escape_char(char, '"')


def _escape_docstring(text: str) -> str:
    """Backslashes and double quotes escaped, non-printable characters as escapes."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return _NOT_PLAIN_DOCSTRING.sub(_escape_docstring_run, text)


def py_docstring(value: str, indent: int = 0) -> str:
    """A triple-quoted docstring for ``value``: normalized, escaped, continuation lines indented.

    Backslashes and double quotes are escaped, so spec text can never close
    the docstring or form an escape sequence.
    """
    body = _escape_docstring(docstring_text(value))
    pad = " " * indent
    lines = body.split("\n")
    indented = [lines[0]] + [pad + line if line else "" for line in lines[1:]]
    if len(lines) == 1:
        if body.endswith('"'):  # an escaped quote: black puts a space before the closing quotes
            body += " "
        return f'"""{body}"""'
    return '"""' + "\n".join(indented) + "\n" + pad + '"""'
