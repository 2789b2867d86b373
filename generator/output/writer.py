"""Write rendered files into the out folder: all of them or none."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location
from generator.output.manifest import MANIFEST_NAME, digest, manifest_files, manifest_text

_TEMPORARY = ".{}.specloom-tmp"
"""Name a file is written under beside its destination until every file is written."""


def safe_relative(path: str) -> PurePosixPath:
    """``path`` as a relative path that stays inside the out folder, or ``ValueError``."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(part in ("", ".", "..") for part in pure.parts):
        raise ValueError(f"output path {path!r} would leave the out folder")
    return pure


def _check_relative(path: str) -> None:
    """``safe_relative`` without building a path for the usual ``a/b/c`` spelling."""
    if path.startswith("/") or any(part in ("", ".", "..") for part in path.split("/")):
        safe_relative(path)


def write_output(
    out: Path, files: Mapping[str, str], snapshot: Mapping[str, Any] | None = None
) -> list[str]:
    """Make ``out`` hold exactly ``files`` (plus any files specloom did not write); return paths changed.

    Every file is first written beside its destination under a temporary
    name; only when all are written are they moved into place.  Files a
    previous run wrote (listed in the manifest) and no longer produced are
    removed.  A file at a destination that specloom did not write is never
    overwritten: that is an error and nothing is written.  ``snapshot`` (the
    IR the files were made from, see ``output.snapshot``) goes into the manifest.
    Files whose contents are already in place are not written again.
    """
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    for path in encoded:
        _check_relative(path)
    root = os.fspath(out)
    current = _current_contents(root, [*encoded, MANIFEST_NAME])
    old_manifest = current.pop(MANIFEST_NAME, None)
    previous = manifest_files(old_manifest.decode("utf-8", "replace")) if old_manifest else {}
    problems = [
        Problem(
            Location(str(out / path)),
            "exists and was not written by specloom; move or delete it, nothing was written",
        )
        for path, data in current.items()
        if data is None or (path not in previous and data != encoded[path])
    ]
    if problems:
        raise SpecloomError(problems)

    changed = [path for path, data in encoded.items() if current.get(path) != data]
    manifest = manifest_text(encoded, snapshot).encode("utf-8")
    staged = _stage(
        root,
        {path: encoded[path] for path in changed},
        None if manifest == old_manifest else manifest,
    )
    for temporary, target in staged:
        os.replace(temporary, target)
    removed = sorted(set(previous) - set(encoded))
    for path in removed:
        stale = out / safe_relative(path)
        if stale.is_file() and digest(stale.read_bytes()) == previous[path]:
            stale.unlink()
            _prune_empty_parents(stale.parent, out)
    return sorted(changed + removed)


def _current_contents(root: str, files: Iterable[str]) -> dict[str, bytes | None]:
    """What ``root`` holds at each of ``files`` that exists: its bytes, ``None`` when not a file.

    Each folder is listed once, so a fresh out folder costs no look-up per file.
    """
    listings: dict[str, set[str]] = {}
    found: dict[str, bytes | None] = {}
    for path in files:
        folder, _, name = path.rpartition("/")
        names = listings.get(folder)
        if names is None:
            try:
                names = set(os.listdir(os.path.join(root, folder)))
            except OSError:  # missing, or not a folder
                names = set()
            listings[folder] = names
        if name in names:
            target = os.path.join(root, path)
            try:
                with open(target, "rb") as handle:
                    found[path] = handle.read()
            except IsADirectoryError:
                found[path] = None
            except FileNotFoundError:  # a dangling symbolic link: replaced like a missing file
                pass
    return found


def _stage(root: str, files: Mapping[str, bytes], manifest: bytes | None) -> list[tuple[str, str]]:
    """Write each file and the manifest (unless ``None``) under a temporary name.

    Returns ``(temporary, target)`` pairs.

    On a failure every temporary file written so far is removed and the error re-raised.
    """
    staged: list[tuple[str, str]] = []
    try:
        for folder in sorted({path.rpartition("/")[0] for path in files}):
            os.makedirs(os.path.join(root, folder), exist_ok=True)
        for path, data in files.items():
            folder, _, name = path.rpartition("/")
            target = os.path.join(root, path)
            temporary = os.path.join(root, folder, _TEMPORARY.format(name))
            _write_file(temporary, data)
            staged.append((temporary, target))
        if manifest is not None:
            os.makedirs(root, exist_ok=True)
            temporary = os.path.join(root, _TEMPORARY.format(MANIFEST_NAME))
            _write_file(temporary, manifest)
            staged.append((temporary, os.path.join(root, MANIFEST_NAME)))
    except OSError:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
    return staged


def _write_file(path: str, data: bytes) -> None:
    """Create or truncate ``path`` and write ``data`` (one system call per step, no buffering)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _prune_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
