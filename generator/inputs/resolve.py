"""Resolve many input files at once, each folder once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def resolve_all(paths: Iterable[Path]) -> list[Path]:
    """``[path.resolve() for path in paths]``, with each folder resolved once.

    ``Path.resolve`` walks every component of every path (a system call each, and one more
    to stat the result): for the hundreds of docs of one folder that is the same walk again
    and again.  A file's real path is its folder's real path joined with its name unless the
    file itself is a symbolic link, which is resolved in full as before (so is a name such
    as ``..`` that is not a plain file name).
    """
    folders: dict[Path, Path] = {}
    resolved: list[Path] = []
    for path in paths:
        name = path.name
        if name in ("", ".", ".."):
            resolved.append(path.resolve())
            continue
        parent = path.parent
        folder = folders.get(parent)
        if folder is None:
            folder = folders[parent] = parent.resolve()
        candidate = folder / name
        resolved.append(path.resolve() if candidate.is_symlink() else candidate)
    return resolved
