"""The out folder's manifest: which files specloom wrote there, with their hashes.

Only files listed in it are ever replaced or removed, so files a user keeps
in the out folder are never lost.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.output.tree import OutTree, UnsafePath, check_relative, reading, unsafe_problems

if TYPE_CHECKING:
    from generator.output.snapshot import EncodedSnapshot

MANIFEST_NAME = ".specloom-manifest.json"
"""File name of the manifest, at the top of the out folder."""


def digest(data: bytes) -> str:
    """SHA-256 of file contents, hex."""
    return hashlib.sha256(data).hexdigest()


def read_manifest(out: Path) -> dict[str, str]:
    """Paths (relative, POSIX) and hashes of the files specloom last wrote to ``out``.

    The manifest is read without following a symbolic link (one is an error);
    entries that do not name a path inside the out folder are left out.
    """
    with reading(out) as tree:
        return listing(tree)


def listing(tree: OutTree) -> dict[str, str]:
    """The manifest's entries that name a path inside the out folder (``{}`` without one)."""
    data = _manifest_bytes(tree)
    if data is None:
        return {}
    files = manifest_files(data.decode("utf-8", "replace"))
    return {path: value for path, value in files.items() if check_relative(path) is None}


def _manifest_bytes(tree: OutTree) -> bytes | None:
    """The manifest's bytes (``None`` when absent); ``SpecloomError`` for a symbolic link."""
    if not tree.exists:
        return None
    try:
        data = tree.read(MANIFEST_NAME)
    except UnsafePath as error:
        raise tree.error(error.path, error.reason) from None
    return data if isinstance(data, bytes) else None


_LAYOUT_START = '{\n  "generator": "specloom",\n  "files": {'
"""How every manifest ``manifest_text`` writes begins: the listing comes before the IR."""


def manifest_files(text: str) -> dict[str, str]:
    """The file listing of a manifest's text; ``{}`` when it is not a manifest.

    A manifest as ``manifest_text`` lays it out has only its listing decoded,
    not the IR snapshot after it (megabytes for a big spec).
    """
    try:
        if text.startswith(_LAYOUT_START):
            files, _ = json.JSONDecoder().raw_decode(text, len(_LAYOUT_START) - 1)
        else:
            data = json.loads(text)
            files = data.get("files", {}) if isinstance(data, dict) else {}
    except ValueError:
        return {}
    return (
        {str(path): str(value) for path, value in files.items()} if isinstance(files, dict) else {}
    )


def edited_by_hand(out: Path) -> list[str]:
    """Files specloom wrote to ``out`` whose contents no longer match the manifest's hash."""
    return sorted(hand_edits(out))


def hand_edits(out: Path) -> dict[str, bytes]:
    """``edited_by_hand`` with each file's current contents.

    Raises ``SpecloomError`` naming a symbolic link met on the way (never followed).
    """
    edited: dict[str, bytes] = {}
    refused: list[UnsafePath] = []
    with reading(out) as tree:
        for path, expected in sorted(listing(tree).items()):
            try:
                data = tree.read(path)
            except UnsafePath as error:
                refused.append(error)
                continue
            if isinstance(data, bytes) and digest(data) != expected:
                edited[path] = data
        if refused:
            raise unsafe_problems(tree, refused)
    return edited


def read_snapshot(out: Path) -> object:
    """The IR snapshot stored in ``out``'s manifest (see ``output.snapshot``), or ``None``."""
    with reading(out) as tree:
        text = _manifest_bytes(tree)
    if text is None:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return data.get("ir") if isinstance(data, dict) else None


def manifest_text(
    files: Mapping[str, bytes], snapshot: Mapping[str, Any] | EncodedSnapshot | None = None
) -> str:
    """The manifest for a set of rendered files (and the IR snapshot), deterministic.

    The snapshot's definitions (and operations) are written one per line, so a
    spec change shows in ``git diff`` as the lines of the models it touched.
    ``snapshot`` is ``schema_snapshot``'s data or the same already encoded
    (``EncodedSnapshot``, one JSON text per item): the text is the same.
    """
    listing = {path: digest(data) for path, data in sorted(files.items())}
    text = json.dumps({"generator": "specloom", "files": listing}, indent=2)
    if snapshot is None:
        return text + "\n"
    if isinstance(snapshot, Mapping):
        format_ = snapshot["format"]
        definitions = [_compact_json(item) for item in snapshot["definitions"]]
        listed = snapshot.get("operations") if "operations" in snapshot else None
        operations = None if listed is None else [_compact_json(item) for item in listed]
    else:
        format_ = snapshot.format
        definitions = list(snapshot.definitions)
        operations = None if snapshot.operations is None else list(snapshot.operations)
    body = f'    "format": {json.dumps(format_)},\n' + _listing("definitions", definitions)
    if operations is not None:  # one operation per line too
        body += ",\n" + _listing("operations", operations)
    return text[: -len("\n}")] + ',\n  "ir": {\n' + body + "\n  }\n}\n"


def _compact_json(item: object) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def _listing(key: str, lines: list[str]) -> str:
    """``"key": [...]`` with one item (already JSON text) per line."""
    if not lines:
        return f'    "{key}": []'
    body = ",\n".join("      " + line for line in lines)
    return f'    "{key}": [\n{body}\n    ]'
