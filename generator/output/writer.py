"""Write rendered files into the out folder: all of them or none."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location
from generator.output.manifest import MANIFEST_NAME, digest, manifest_text, read_manifest


def safe_relative(path: str) -> PurePosixPath:
    """``path`` as a relative path that stays inside the out folder, or ``ValueError``."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(part in ("", ".", "..") for part in pure.parts):
        raise ValueError(f"output path {path!r} would leave the out folder")
    return pure


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
    """
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    previous = read_manifest(out)
    problems = []
    for path in encoded:
        safe_relative(path)
        target = out / path
        if target.exists() and path not in previous and target.read_bytes() != encoded[path]:
            problems.append(
                Problem(
                    Location(str(target)),
                    "exists and was not written by specloom; move or delete it, nothing was written",
                )
            )
    if problems:
        raise SpecloomError(problems)

    changed = [
        path
        for path, data in encoded.items()
        if not (out / path).is_file() or (out / path).read_bytes() != data
    ]
    staged: list[tuple[Path, Path]] = []
    try:
        for path in changed:
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.specloom-tmp")
            temporary.write_bytes(encoded[path])
            staged.append((temporary, target))
        manifest = out / MANIFEST_NAME
        temporary = manifest.with_name(f".{MANIFEST_NAME}.specloom-tmp")
        temporary.write_text(manifest_text(encoded, snapshot), encoding="utf-8")
        staged.append((temporary, manifest))
    except OSError:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    removed = sorted(set(previous) - set(encoded))
    for path in removed:
        target = out / safe_relative(path)
        if target.is_file() and digest(target.read_bytes()) == previous[path]:
            target.unlink()
            _prune_empty_parents(target.parent, out)
    return sorted(changed + removed)


def _prune_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
