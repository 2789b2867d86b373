"""The cache record of the last run into an out folder.

It lives in ``.specloom-cache/<out>/`` beside the config file (the working
directory without one), ``<out>`` naming the out folder by a hash of its
path; the out folder itself holds only what specloom generates.  The cache
folder ignores itself for git (a ``.gitignore`` of ``*``), keeps the records
of the ``KEEP`` out folders used last, is never needed for correctness (delete
it and the next run renders everything, to the same bytes) and is ignored
when it is unreadable or written by another specloom.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.sealed import seal, unseal

if TYPE_CHECKING:
    from generator.render.fragments import FileFragments

CACHE_DIR = ".specloom-cache"
"""Folder of the cache, beside the config file."""
KEEP = 32
"""Records of at most this many out folders are kept (the least recently written go)."""
RECORD_NAME = "run.json"
"""The record's file name in ``CACHE_DIR`` (what an unchanged run reads)."""
ENTRIES_NAME = "files.json"
"""The file entries' file name in ``CACHE_DIR`` (read by a changed run only)."""
FRAGMENTS_NAME = "fragments.json"
"""The memoised template fragments' file name in ``CACHE_DIR`` (read by a changed run only)."""
SNAPSHOT_LINES_NAME = "snapshot.json"
"""The definitions' snapshot lines by definition hash, in ``CACHE_DIR`` (read by a changed run)."""
RECORD_FORMAT = 3
"""Layout version of the record; another version is ignored."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    """What the last run rendered one file from, and its fingerprint."""

    fingerprint: str
    """Hash of everything the file was rendered from (see ``generator.cache.incremental``)."""
    templates: tuple[str, ...]
    """Template files its render loaded."""
    names: tuple[str, ...]
    """Definitions (and schema parts) its render read."""
    formatted: bool
    """It went through the formatter."""


@dataclass(frozen=True, slots=True)
class Record:
    """The last run into an out folder."""

    key: str
    """The run's key (``generator.cache.key.run_key``)."""
    options: str
    """Its options key (``generator.cache.key.options_key``)."""
    manifest: str
    """SHA-256 of the manifest it wrote."""
    stamp: str = ""
    """Hash of the size, time and inode of the manifest and of every file it lists, as written."""
    inputs: tuple[str, ...] = ()
    """Files read beyond the ``--spec`` paths (``$ref`` targets)."""
    warnings: tuple[tuple[str, int | None, str | None, str], ...] = ()
    """Its warnings: file, line, pointer, message."""
    files: dict[str, FileEntry] = field(default_factory=dict)
    """Each file it rendered, by path below the out folder."""
    digests: dict[str, str] = field(default_factory=dict)
    """SHA-256 of each companion file it wrote (``ENTRIES_NAME``, ``FRAGMENTS_NAME``,
    ``SNAPSHOT_LINES_NAME``): one altered since is not read (a cache miss, never output)."""


def cache_base(config: Path | None) -> Path:
    """The cache folder of a project: beside its config file, else in the working directory."""
    return (config.parent if config is not None else Path.cwd()) / CACHE_DIR


def record_folder(out: Path, base: Path) -> Path:
    """The folder of the record of ``out`` below the cache folder ``base``."""
    name = hashlib.sha256(os.path.abspath(out).encode("utf-8", "surrogateescape")).hexdigest()
    return base / name[:24]


def record_path(out: Path, base: Path) -> Path:
    """Where the record of ``out`` lives."""
    return record_folder(out, base) / RECORD_NAME


def _read_json(path: Path, digest: str | None = None) -> Any:
    """The cache file at ``path``; with ``digest``, only when its bytes still have that SHA-256,
    else only when it is sealed (``generator.sealed``) and unaltered."""
    if path.is_symlink() or path.parent.is_symlink():
        raise OSError("a symbolic link")
    raw = path.read_bytes()
    if digest is None:
        data = unseal(raw)
    elif hashlib.sha256(raw).hexdigest() != digest:
        raise ValueError("altered since it was written")
    else:
        data = json.loads(raw)
    if data.get("format") != RECORD_FORMAT or data.get("specloom") != __version__:
        raise ValueError("another layout")
    return data


def load_record(out: Path, base: Path, with_files: bool = False) -> Record | None:
    """The record of the last run into ``out``; ``None`` when there is none or it is unusable.

    The file entries are read only ``with_files`` (an unchanged run needs none).
    """
    try:
        data = _read_json(record_path(out, base))
        if data.get("out") != os.path.abspath(out):
            return None
        digests = {str(name): str(value) for name, value in data["digests"].items()}
        files: dict[str, FileEntry] = {}
        if with_files:
            entries = _read_json(record_folder(out, base) / ENTRIES_NAME, digests[ENTRIES_NAME])
            if entries.get("key") != data["key"]:
                raise ValueError("entries of another run")
            files = {
                str(path): FileEntry(str(fp), tuple(templates), tuple(names), bool(formatted))
                for path, (fp, templates, names, formatted) in entries["files"].items()
            }
        return Record(
            key=str(data["key"]),
            options=str(data["options"]),
            manifest=str(data["manifest"]),
            stamp=str(data["stamp"]),
            inputs=tuple(str(item) for item in data["inputs"]),
            warnings=tuple(
                (str(file), line if isinstance(line, int) else None, pointer, str(message))
                for file, line, pointer, message in data["warnings"]
            ),
            files=files,
            digests=digests,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def load_fragments(out: Path, base: Path, record: Record) -> dict[str, FileFragments]:
    """The template fragments the last run into ``out`` (``record``) rendered, by file; empty
    when unusable or altered since that run wrote them."""
    from generator.render.fragments import FragmentEntry

    try:
        data = _read_json(record_folder(out, base) / FRAGMENTS_NAME, record.digests[FRAGMENTS_NAME])
        return {
            str(path): {
                str(identity): FragmentEntry(
                    str(fp), tuple(templates), tuple(names), tuple(reads), str(text)
                )
                for identity, (fp, templates, names, reads, text) in found.items()
            }
            for path, found in data["files"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def load_snapshot_lines(out: Path, base: Path, record: Record) -> dict[str, str]:
    """The last run's (``record``) IR snapshot lines of its definitions, by line-free
    definition hash; empty when unusable or altered since."""
    try:
        where = record_folder(out, base) / SNAPSHOT_LINES_NAME
        lines = _read_json(where, record.digests[SNAPSHOT_LINES_NAME])["lines"]
        return {str(key): str(line) for key, line in lines.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def companion_bytes(
    record: Record,
    fragments: Mapping[str, FileFragments] | None = None,
    snapshot_lines: Mapping[str, str] | None = None,
) -> list[tuple[str, bytes]]:
    """The companion files of ``record`` as ``save_record`` writes them: the file entries,
    the ``fragments`` and the ``snapshot_lines`` (left out when ``None``).  They depend on
    ``record.key`` and ``record.files`` alone, so they can be made before the out folder is."""
    head = {"format": RECORD_FORMAT, "specloom": __version__, "key": record.key}
    entries: dict[str, Any] = {
        **head,
        "files": {
            path: [entry.fingerprint, list(entry.templates), list(entry.names), entry.formatted]
            for path, entry in sorted(record.files.items())
        },
    }
    memos: dict[str, Any] = {
        **head,
        "files": {
            path: {
                identity: [e.fingerprint, list(e.templates), list(e.names), list(e.reads), e.text]
                for identity, e in found.items()
            }
            for path, found in sorted((fragments or {}).items())
        },
    }
    companions: list[tuple[str, dict[str, Any]]] = [
        (FRAGMENTS_NAME, memos),
        (ENTRIES_NAME, entries),
    ]
    if snapshot_lines is not None:
        companions.insert(0, (SNAPSHOT_LINES_NAME, {**head, "lines": dict(snapshot_lines)}))
    return [(name, _json_bytes(content)) for name, content in companions]


def save_record(
    out: Path,
    base: Path,
    record: Record,
    fragments: Mapping[str, FileFragments] | None = None,
    snapshot_lines: Mapping[str, str] | None = None,
    companions: list[tuple[str, bytes]] | None = None,
) -> None:
    """Write the record, the ``fragments`` and the ``snapshot_lines`` (kept as they are when
    ``None``; best effort: a cache that cannot be written is no error).

    ``companions`` are their bytes when already made (``companion_bytes`` of a record with
    this one's key and files)."""
    folder = record_folder(out, base)
    data: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "specloom": __version__,
        "key": record.key,
        "out": os.path.abspath(out),
        "options": record.options,
        "manifest": record.manifest,
        "stamp": record.stamp,
        "inputs": list(record.inputs),
        "warnings": [list(item) for item in record.warnings],
    }
    written = (
        companion_bytes(record, fragments, snapshot_lines) if companions is None else companions
    )
    with contextlib.suppress(OSError):
        if base.is_symlink() or folder.is_symlink():
            return
        base.mkdir(exist_ok=True)
        ignore = base / ".gitignore"
        if not ignore.is_file():
            ignore.write_text("# specloom's cache of the last runs; safe to delete\n*\n")
        if not folder.is_dir():
            _prune(base)
            folder.mkdir()
        digests: dict[str, str] = {}
        if all(name != SNAPSHOT_LINES_NAME for name, _ in written):
            # kept as it is: its digest as it is (a missing one is missed when read)
            with contextlib.suppress(OSError):
                kept = (folder / SNAPSHOT_LINES_NAME).read_bytes()
                digests[SNAPSHOT_LINES_NAME] = hashlib.sha256(kept).hexdigest()
        digests.update((name, hashlib.sha256(raw).hexdigest()) for name, raw in written)
        data["digests"] = dict(sorted(digests.items()))
        for name, raw in [*written, (RECORD_NAME, seal(data))]:
            temporary = folder / f".{name}.{os.getpid()}.tmp"
            temporary.write_bytes(raw)
            os.replace(temporary, folder / name)


def _json_bytes(content: dict[str, Any]) -> bytes:
    return json.dumps(content, separators=(",", ":")).encode("utf-8")


def _prune(base: Path) -> None:
    """Remove the records of the least recently written out folders beyond ``KEEP - 1``."""
    folders = [p for p in base.iterdir() if p.is_dir() and not p.is_symlink()]
    if len(folders) < KEEP:
        return
    folders.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in folders[: len(folders) - KEEP + 1]:
        for item in old.iterdir():
            item.unlink()
        old.rmdir()


def forget(out: Path, base: Path) -> None:
    """Remove the record (the next run renders everything)."""
    with contextlib.suppress(OSError):
        record_path(out, base).unlink()
