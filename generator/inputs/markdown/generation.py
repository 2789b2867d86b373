"""Which Speakeasy generator wrote a docs tree, from the ``.speakeasy/gen.lock`` or ``gen.yaml`` beside it.

Speakeasy records its versions in the SDK's ``.speakeasy/gen.lock`` (and,
before locks existed in 2023, in the ``management:`` block of ``gen.yaml``
at the SDK root or in ``.speakeasy/``): ``speakeasyVersion`` (the CLI,
``1.761.1``; early 2024 locks may say ``internal``) and ``generationVersion``
(the generator core, ``2.879.6``).  Only the folders between the docs tree
and the SDK root that holds them are looked at, never above ``within``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LOCATIONS = (".speakeasy/gen.lock", ".speakeasy/gen.yaml", "gen.yaml")
"""Where an SDK root keeps its generation record, in the order they are trusted."""
HEAD_BYTES = 65_536
"""Only the head of a record is read: ``management:`` comes first, the file lists after it
can run to megabytes."""
SDK_PAGE = re.compile(rb"^[ \t]*(?:-[ \t]*)?[\"']?docs/sdks/([^/\s\"':]+)/README\.md", re.MULTILINE)
"""An SDK class's page in a record's file lists (``docs/sdks/buyers/README.md:`` or
``- docs/sdks/buyers/README.md``): the folder names the class."""


@dataclass(frozen=True, slots=True)
class Generation:
    """The versions a generation record names."""

    speakeasy_version: str | None
    """``speakeasyVersion`` (``1.761.1``, or ``internal``)."""
    generation_version: str | None
    """``generationVersion`` (``2.879.6``)."""
    source: Path
    """The file they were read from."""
    sdk_pages: tuple[str, ...] = ()
    """The SDK's own classes (its resource groups) whose pages the record's file lists name,
    by their folder (``docs/sdks/buyers/README.md``: ``buyers``); sorted, unique."""


def find_generation(tree: Path, within: Path | None = None) -> Generation | None:
    """The generation record of the SDK holding the docs ``tree``; ``None`` when there is none.

    The tree's folder and up to two folders above it are tried (``docs/`` and
    ``docs/pkg/`` sit one or two levels below the SDK root), none above ``within``.
    """
    folder = tree.resolve()
    limit = within.resolve() if within is not None else None
    for _ in range(3):
        if limit is not None and not folder.is_relative_to(limit):
            return None
        for name in LOCATIONS:
            candidate = folder / name
            if limit is not None and not candidate.resolve().is_relative_to(limit):
                continue  # a link to outside the folder the user named is not followed
            found = _read(candidate)
            if found is not None:
                return found
        if folder.parent == folder:
            return None
        folder = folder.parent
    return None


def _read(path: Path) -> Generation | None:
    """The versions in one record file's ``management:`` block; ``None`` when it names none."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            data = handle.read()
    except OSError:
        return None
    management = _management_block(data[:HEAD_BYTES].decode("utf-8", errors="replace"))
    speakeasy = management.get("speakeasyVersion")
    generation = management.get("generationVersion")
    if speakeasy is None and generation is None:
        return None
    return Generation(
        str(speakeasy) if speakeasy is not None else None,
        str(generation) if generation is not None else None,
        path,
        tuple(sorted({m.decode("utf-8", errors="replace") for m in SDK_PAGE.findall(data)})),
    )


def _management_block(text: str) -> dict[str, str]:
    """The ``key: value`` pairs of the top-level ``management:`` block (plain YAML scalars)."""
    lines = text.split("\n")
    found: dict[str, str] = {}
    for start, line in enumerate(lines):
        if line.rstrip() != "management:":
            continue
        for entry in lines[start + 1 :]:
            if entry and not entry.startswith((" ", "\t")):
                break
            key, colon, value = entry.strip().partition(":")
            if colon and key and value.strip():
                found[key] = value.strip().strip("'\"")
        break
    return found
