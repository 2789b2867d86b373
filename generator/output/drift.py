"""Compare freshly rendered files with the out folder, without writing anything."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.output.manifest import listing
from generator.output.tree import UnsafePath, reading, unsafe_problems


@dataclass(frozen=True, slots=True)
class Drift:
    """How the out folder differs from what the inputs generate."""

    changed: dict[str, str] = field(default_factory=dict)
    """Files whose contents differ: path to unified diff (committed -> expected)."""
    added: list[str] = field(default_factory=list)
    """Files the inputs generate that the out folder lacks."""
    removed: list[str] = field(default_factory=list)
    """Files specloom wrote earlier that the inputs no longer generate."""

    @property
    def clean(self) -> bool:
        """True when the out folder matches."""
        return not (self.changed or self.added or self.removed)


def find_drift(out: Path, files: Mapping[str, str]) -> Drift:
    """Compare ``files`` (rendered, by relative path) with ``out``."""
    drift = Drift()
    refused: list[UnsafePath] = []
    with reading(out) as tree:
        for path, text in sorted(files.items()):
            try:
                data = tree.read(path) if tree.exists else None
            except UnsafePath as error:
                refused.append(error)
                continue
            if not isinstance(data, bytes):
                drift.added.append(path)
                continue
            current = data.decode("utf-8", errors="replace")
            if current != text:
                drift.changed[path] = unified_diff(path, current, text)
        for path in sorted(set(listing(tree)) - set(files)):
            try:
                if tree.exists and tree.is_file(path):
                    drift.removed.append(path)
            except UnsafePath as error:
                refused.append(error)
        if refused:
            raise unsafe_problems(tree, refused)
    return drift


def unified_diff(path: str, current: str, expected: str) -> str:
    """A unified diff from the committed file to the expected one."""
    lines = difflib.unified_diff(
        current.splitlines(keepends=True),
        expected.splitlines(keepends=True),
        fromfile=f"a/{path} (committed)",
        tofile=f"b/{path} (generated)",
    )
    text = "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
    return text
