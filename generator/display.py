"""How paths are shown to the user: relative to the working directory when below it.

A module of its own so that every command can name paths without importing the input readers.
"""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when below it, with POSIX separators."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:  # outside the working directory
        return path.as_posix()
