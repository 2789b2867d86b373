"""Colour for people at a terminal, plain text everywhere else.

``--color auto`` (the default) colours only when the stream is a terminal,
``NO_COLOR`` is unset or empty (https://no-color.org) and ``TERM`` is not
``dumb``; ``always`` and ``never`` force the choice.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import TextIO

COLOR_CHOICES = ("auto", "always", "never")
"""Values of ``--color``."""

_CODES = {"red": "31", "green": "32", "yellow": "33", "cyan": "36", "bold": "1", "dim": "2"}


def wants_colour(stream: TextIO, choice: str = "auto") -> bool:
    """Whether to colour text written to ``stream``."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@dataclass(frozen=True, slots=True)
class Style:
    """Wraps text in ANSI colour codes, or leaves it alone when colour is off."""

    enabled: bool = False
    """Colour is on."""

    def paint(self, text: str, colour: str) -> str:
        """``text`` in ``colour`` (``red``, ``green``, ``yellow``, ``cyan``, ``bold``, ``dim``)."""
        if not self.enabled or not text:
            return text
        return f"\033[{_CODES[colour]}m{text}\033[0m"

    def diff_line(self, line: str) -> str:
        """A unified-diff line coloured by its first character."""
        body = line.rstrip("\n")
        end = line[len(body) :]
        if line.startswith(("+++", "---")):
            return self.paint(body, "bold") + end
        if line.startswith("+"):
            return self.paint(body, "green") + end
        if line.startswith("-"):
            return self.paint(body, "red") + end
        if line.startswith("@@"):
            return self.paint(body, "cyan") + end
        return line


_UNSAFE_CLASS = (
    "\x00-\x08{}\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
    "\ufff9-\ufffb\ud800-\udfff"
)


@functools.cache
def _unsafe(keep_newlines: bool) -> re.Pattern[str]:
    """The characters ``escape`` shows as escapes (compiled on first use: most text is printable)."""
    return re.compile(f"[{_UNSAFE_CLASS.format('' if keep_newlines else chr(10))}]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group(0)
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` safe for one line of a terminal or CI log.

    Control characters (newlines, escape sequences, C1 controls), line and
    paragraph separators, bidirectional overrides, invisible format characters
    and lone surrogates are shown as ``\\n``, ``\\e``, ``\\x85``, ``\\u202e``;
    tabs and every other character are kept.
    """
    if text.isprintable():
        return text
    unsafe = _unsafe(False)
    if unsafe.search(text) is None:
        return text
    return unsafe.sub(_escaped, text)


def escape_lines(text: str) -> str:
    """``escape`` that keeps line feeds (a diff or a multi-line report)."""
    unsafe = _unsafe(True)
    if unsafe.search(text) is None:
        return text
    return unsafe.sub(_escaped, text)
