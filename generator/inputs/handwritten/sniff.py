"""Tell hand-written docs from SDK model docs (which the markdown flavors read)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

_MODEL_SECTION = re.compile(
    r"^## (?:Fields[ \t]*\n\s*\|\s*Field\s*\|\s*Type\s*\|\s*Required\s*\|"
    r"|Values[ \t]*\n\s*(?:\|\s*Name\s*\|\s*Value\s*\||```)"
    r"|Supported Types[ \t]*\n\s*###)",
    re.MULTILINE,
)
SAMPLE = 60
"""How many docs of a tree are looked at."""


_TITLE = re.compile(r"\A\s*# +[A-Za-z_][A-Za-z0-9_]*[ \t]*$", re.MULTILINE)
_SECTION = re.compile(r"^## +(.+?)[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.MULTILINE | re.DOTALL)
SDK_SECTIONS = frozenset(
    {"Fields", "Values", "Supported Types", "Example Usage", "Union Discrimination"}
)
"""The only ``##`` sections an SDK model doc has."""


def is_sdk_doc(text: str) -> bool:
    """The doc has an SDK model section: ``## Fields`` with a ``Field | Type | Required``
    table, ``## Values`` with a ``Name | Value`` table or code, ``## Supported Types`` with
    ``###`` variants, under a ``# ModelName`` title and with no other ``##`` section (a
    hand-written page with a ``## Fields`` table among other sections is no SDK doc)."""
    if not _MODEL_SECTION.search(text) or not _TITLE.match(text):
        return False
    sections = _SECTION.findall(_FENCE.sub("", text))
    return all(section in SDK_SECTIONS for section in sections)


def looks_handwritten(paths: Sequence[Path]) -> bool:
    """No doc among the first ``SAMPLE`` of a tree is laid out as an SDK model doc.

    Hand-written docs never use Speakeasy's one-model-per-file layout, so every
    Speakeasy flavor declines them; unreadable files are left to the reader
    that reports them.
    """
    for path in paths[:SAMPLE]:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        if is_sdk_doc(text):
            return False
    return True
