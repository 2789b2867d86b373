"""Colour for people at a terminal, plain text everywhere else.

``--color auto`` (the default) colours only when the stream is a terminal,
``NO_COLOR`` is unset or empty (https://no-color.org) and ``TERM`` is not
``dumb``; ``always`` and ``never`` force the choice.
"""

from __future__ import annotations

import os
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
