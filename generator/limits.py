"""Bounds on what one input may cost and reach, so no spec can exhaust time, memory or the stack.

Each exceeded limit is bad input (``path:line: message``, exit 2), found
while reading, before the costly work.  The defaults are far above any real
spec seen (the biggest corpus spec, Stripe's, is 4 MB, 26 levels deep, without
YAML aliases); ``[tool.specloom.limits]`` in ``pyproject.toml`` raises them.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of one run (keys of ``[tool.specloom.limits]`` in brackets)."""

    max_document_bytes: int = 64 * 1024 * 1024
    """Size of one input file, in bytes (``max-document-bytes``)."""
    max_depth: int = 100
    """Nesting of mappings and sequences in one document, and of types in a docs cell (``max-depth``)."""
    max_alias_nodes: int = 100_000
    """Values YAML aliases may add to one document when expanded (``max-alias-nodes``)."""
    max_integer_digits: int = 1000
    """Digits of one integer literal (``max-integer-digits``)."""
    max_models: int = 100_000
    """Models in one run, over all inputs (``max-models``)."""
    ref_roots: tuple[Path, ...] = ()
    """Folders besides the spec's own that a file ``$ref`` may name (``[tool.specloom] ref-roots``)."""
    allow_ref_outside: bool = False
    """A file ``$ref`` may name any readable file (``--allow-ref-outside``)."""


DEFAULT = Limits()
"""The limits when nothing raises them."""

KEYS = {
    field.name.replace("_", "-"): field.name
    for field in dataclasses.fields(Limits)
    if field.name.startswith("max_")
}
"""``[tool.specloom.limits]`` key -> attribute."""

_current = [DEFAULT]


def current() -> Limits:
    """The limits of the run in progress."""
    return _current[-1]


@contextmanager
def using(limits: Limits) -> Iterator[None]:
    """Apply ``limits`` while the block runs (Python's own int/str limit raised to match)."""
    _current.append(limits)
    before = sys.get_int_max_str_digits()
    if before and limits.max_integer_digits > before:
        sys.set_int_max_str_digits(limits.max_integer_digits)
    try:
        yield
    finally:
        _current.pop()
        sys.set_int_max_str_digits(before)
