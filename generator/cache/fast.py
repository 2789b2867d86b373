"""The unchanged run: the key matches the last run's and the out folder is as it left it.

Nothing is parsed or rendered: the inputs' bytes are hashed into the key
(``generator.cache.key``), and every file the manifest lists is hashed and
compared with it.  Any doubt (a symbolic link anywhere in the out folder, a
file missing or edited, a manifest that is not the one the last run wrote)
makes it a miss, and the full run decides.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.cache.key import options_key, run_key
from generator.cache.store import Record, cache_base, load_record
from generator.config import Settings
from generator.diagnostics import Problem
from generator.ir import Location

MANIFEST_NAME = ".specloom-manifest.json"
"""The manifest's name (as ``generator.output.manifest`` has it, without importing it early)."""
_READ = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True, slots=True)
class Hit:
    """An unchanged run: what the last one wrote is in place."""

    files: int
    """How many files the out folder holds from specloom."""
    warnings: list[Problem]
    """The last run's warnings (the same inputs give the same ones)."""


def lookup(settings: Settings) -> Hit | None:
    """A ``Hit`` when nothing changed since the last run into ``settings.out``, else ``None``."""
    record = load_record(settings.out, cache_base(settings.config))
    if record is None:
        return None
    options = options_key(settings)
    if record.options != options or run_key(settings, record.inputs, options) != record.key:
        return None
    count = verify_out(settings.out, record)
    if count is None:
        return None
    warnings = [
        Problem(Location(file, line, pointer), message)
        for file, line, pointer, message in record.warnings
    ]
    return Hit(count, warnings)


def read_regular(path: str) -> bytes | None:
    """The bytes of the regular file at ``path`` (its last part not a link), else ``None``."""
    try:
        descriptor = os.open(path, _READ)
    except OSError:
        return None
    try:
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:  # a folder, or unreadable
        return None
    finally:
        os.close(descriptor)


def read_head(path: str, marker: bytes, start: int = 0) -> bytes | None:
    """The first bytes of the regular file at ``path``, up to past ``marker`` (found after ``start``).

    All of it when ``marker`` is not there; ``None`` as ``read_regular``.  A
    manifest's file listing comes first and its IR snapshot after: an
    unchanged run needs only the listing.
    """
    try:
        descriptor = os.open(path, _READ)
    except OSError:
        return None
    try:
        data = b""
        while chunk := os.read(descriptor, 1 << 16):
            searched = max(len(data) - len(marker), start)
            data += chunk
            if data.find(marker, searched) != -1:
                break
        return data
    except OSError:  # a folder, or unreadable
        return None
    finally:
        os.close(descriptor)


def stamp(out: Path, paths: Iterable[str]) -> str | None:
    """Hash of the size, times and inode of the manifest and of ``paths`` below ``out``.

    The change time is in it as well as the modification time: a file edited
    and given back its old modification time (``touch -d``) still differs.

    ``None`` when one is not a regular file or a folder on the way is a
    symbolic link (the out folder is then left to the full run to judge).
    """
    root = os.fspath(out)
    lstat, is_regular, is_folder = os.lstat, stat.S_ISREG, stat.S_ISDIR
    try:
        if stat.S_ISLNK(lstat(root).st_mode):
            return None
        lines = []
        folders: set[str] = set()
        prefix = os.path.join(root, "")
        for path in (MANIFEST_NAME, *paths):
            info = lstat(prefix + path)
            if not is_regular(info.st_mode):
                return None
            lines.append(
                f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n"
            )
            folder = path.rpartition("/")[0]
            while folder and folder not in folders:
                folders.add(folder)
                folder = folder.rpartition("/")[0]
        for folder in folders:
            if not is_folder(lstat(prefix + folder).st_mode):
                return None
    except OSError:
        return None
    return hashlib.sha256("".join(lines).encode()).hexdigest()


_LISTING_START = b'{\n  "generator": "specloom",\n  "files": {'
_LISTING_END = b"\n  }"


def _listing(manifest: bytes, whole: bool = True) -> dict[str, str] | None:
    """The manifest's file listing, decoding only the listing when the layout is specloom's.

    ``None`` when the layout is not specloom's and ``manifest`` is only the head of one (not ``whole``).
    """
    if manifest.startswith(_LISTING_START):
        end = manifest.find(_LISTING_END, len(_LISTING_START))
        if end != -1:
            try:
                files = json.loads(manifest[len(_LISTING_START) - 1 : end + len(_LISTING_END)])
            except ValueError:
                files = None
            if isinstance(files, dict):
                return {str(path): str(value) for path, value in files.items()}
    if not whole:
        return None
    from generator.output.manifest import manifest_files

    return manifest_files(manifest.decode("utf-8", "replace"))


def verify_out(out: Path, record: Record) -> int | None:
    """How many files the manifest lists when each is in place as written; else ``None``.

    The sizes, times and inodes of the manifest and the files, as the last run
    left them, say so at the cost of one ``lstat`` each; when they differ, the
    contents are hashed and compared with the manifest.
    """
    where = os.path.join(os.fspath(out), MANIFEST_NAME)
    head = read_head(where, _LISTING_END, len(_LISTING_START))
    listing = None if head is None else _listing(head, whole=False)
    if listing is None:
        head = read_regular(where)
        listing = None if head is None else _listing(head)
        if listing is None:
            return None
    current = stamp(out, listing)
    if current is None:
        return None
    if current != record.stamp:
        # all of it, read again: the head may be older than the stamp
        manifest = read_regular(where)
        if manifest is None or hashlib.sha256(manifest).hexdigest() != record.manifest:
            return None
        listing = _listing(manifest)
        if listing is None:
            return None
        root = os.fspath(out)
        for path, expected in listing.items():
            data = read_regular(os.path.join(root, path))
            if data is None or hashlib.sha256(data).hexdigest() != expected:
                return None
    return len(listing)
