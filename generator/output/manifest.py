"""The out folder's manifest: which files specloom wrote there, with their hashes.

Only files listed in it are ever replaced or removed, so files a user keeps
in the out folder are never lost.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

MANIFEST_NAME = ".specloom-manifest.json"
"""File name of the manifest, at the top of the out folder."""


def digest(data: bytes) -> str:
    """SHA-256 of file contents, hex."""
    return hashlib.sha256(data).hexdigest()


def read_manifest(out: Path) -> dict[str, str]:
    """Paths (relative, POSIX) and hashes of the files specloom last wrote to ``out``."""
    try:
        data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return (
        {str(path): str(value) for path, value in files.items()} if isinstance(files, dict) else {}
    )


def manifest_text(files: Mapping[str, bytes]) -> str:
    """The manifest for a set of rendered files, deterministic."""
    listing = {path: digest(data) for path, data in sorted(files.items())}
    return json.dumps({"generator": "specloom", "files": listing}, indent=2) + "\n"
