"""Write rendered files into the out folder: all of them or none, even when killed.

A run holds a lock on the out folder (``flock`` on the folder itself), so two
runs on one out folder take turns.  It stages every new file in a fresh
folder ``.specloom-stage-<random>`` inside the out folder, makes the folders
the files need (listed in the stage first, so they can be removed again), then
writes a journal there; the journal's appearance (an atomic rename) is the
commit point.  Files are then moved into place, the replaced and removed ones
into the stage as backups, and the stage is deleted.

- A failure before the commit point (a full disk, a permission error) removes
  the stage and the folders made: the out folder is as before.
- A failure while moving rolls the moves back: the out folder is as before.
- A killed run (``kill -9``) leaves the stage; the next run on the out folder
  finishes it (roll forward when the journal is there, back otherwise) before
  anything else, so the out folder is exactly as before or as after.

Every path goes through ``output.tree``: no symbolic link is followed, and
manifest entries are checked before anything is touched.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import sys
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location
from generator.output.manifest import MANIFEST_NAME, digest, manifest_files, manifest_text
from generator.output.tree import (
    DIRECTORY_FLAGS,
    IS_FOLDER,
    OutTree,
    UnsafePath,
    check_relative,
    locked,
    open_tree,
    safe_relative,
    write_all,
)

if TYPE_CHECKING:
    from generator.output.snapshot import EncodedSnapshot

__all__ = ["STAGE_PREFIX", "recover", "safe_relative", "write_output"]

STAGE_PREFIX = ".specloom-stage-"
"""Name of a run's staging folder inside the out folder, followed by random hex digits."""
_JOURNAL = "journal"
_FOLDERS = "folders"


def _write_file(folder: int, name: str, data: bytes) -> None:
    """Create ``name`` in ``folder`` (``O_EXCL | O_NOFOLLOW``) holding ``data``."""
    descriptor = os.open(
        name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=folder
    )
    try:
        write_all(descriptor, data)
    finally:
        os.close(descriptor)


def write_output(
    out: Path, files: Mapping[str, str], snapshot: Mapping[str, Any] | EncodedSnapshot | None = None
) -> list[str]:
    """Make ``out`` hold exactly ``files`` (plus any files specloom did not write); return paths changed.

    Files a previous run wrote (listed in the manifest) and no longer
    produced are removed.  A file at a destination that specloom did not
    write is never overwritten: that is an error and nothing is written.
    ``snapshot`` (the IR the files were made from, see ``output.snapshot``)
    goes into the manifest.  Files whose contents are already in place are
    not written again.  Raises ``SpecloomError`` (nothing written) on bad
    paths, symbolic links, foreign files and write failures.
    """
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    bad = [
        Problem(Location(f"{out.as_posix()}/{path}"), f"output path {path!r} {reason}")
        for path in encoded
        if (reason := check_relative(path)) is not None
    ]
    if bad:
        raise SpecloomError(bad)
    with open_tree(out, create=True) as tree:
        try:
            with locked(tree):
                recover_tree(tree)
                return _write(tree, encoded, snapshot)
        except BaseException:
            if tree.created_root:
                with suppress(OSError):
                    os.rmdir(out)
            raise


def _write(
    tree: OutTree, encoded: dict[str, bytes], snapshot: Mapping[str, Any] | EncodedSnapshot | None
) -> list[str]:
    problems: list[Problem] = []
    unsafe: list[UnsafePath] = []
    try:
        old_manifest = tree.read(MANIFEST_NAME)
    except UnsafePath as error:
        raise tree.error(error.path, error.reason) from None
    if old_manifest is IS_FOLDER:
        raise tree.error(MANIFEST_NAME, "the manifest is not a file; expected specloom's manifest")
    old_bytes = old_manifest if isinstance(old_manifest, bytes) else None
    previous = manifest_files(old_bytes.decode("utf-8", "replace")) if old_bytes else {}
    for path in sorted(previous):
        reason = check_relative(path)
        if reason is not None:
            problems.append(
                Problem(
                    tree.where(MANIFEST_NAME),
                    f"manifest entry {_quote(path)} {reason}; nothing was written",
                )
            )
    if problems:
        raise SpecloomError(problems)

    current: dict[str, bytes | object | None] = {}
    for path in encoded:
        try:
            current[path] = tree.read(path)
        except UnsafePath as error:
            unsafe.append(error)
    stale: dict[str, str] = {}
    for path in sorted(set(previous) - set(encoded)):
        try:
            data = tree.read(path)
        except UnsafePath as error:
            unsafe.append(error)
            continue
        if isinstance(data, bytes) and digest(data) == previous[path]:
            stale[path] = previous[path]
    for refused in unsafe:
        problems.append(Problem(tree.where(refused.path), f"{refused.reason}; nothing was written"))
    for path, data in current.items():
        if data is IS_FOLDER or (
            data is not None and path not in previous and data != encoded[path]
        ):
            problems.append(
                Problem(
                    tree.where(path),
                    "exists and was not written by specloom; move or delete it, nothing was written",
                )
            )
    if problems:
        raise SpecloomError(problems)

    changed = [path for path, data in encoded.items() if current.get(path) != data]
    manifest = manifest_text(encoded, snapshot).encode("utf-8")
    moves = {path: encoded[path] for path in changed}
    if manifest != old_bytes:
        moves[MANIFEST_NAME] = manifest
    if not moves and not stale:
        return []
    _commit(tree, moves, stale)
    for path in sorted(stale):
        _prune_empty_parents(tree, path)
    return sorted(changed + list(stale))


def _quote(text: str) -> str:
    from generator.terminal import escape

    return repr(escape(text))


def _commit(tree: OutTree, moves: dict[str, bytes], stale: dict[str, str]) -> None:
    """Stage ``moves`` (path -> contents), write the journal, apply it; all or nothing."""
    name = STAGE_PREFIX + secrets.token_hex(8)
    try:
        os.mkdir(name, 0o700, dir_fd=tree.fd)
        stage = os.open(name, DIRECTORY_FLAGS, dir_fd=tree.fd)
    except OSError as error:
        raise _failure(tree, name, error) from None
    applied: list[tuple[str, str, str | None]] = []
    try:
        plan = [(str(number), path) for number, path in enumerate(moves)]
        for staged, path in plan:
            try:
                _write_file(stage, staged, moves[path])
            except OSError as error:
                raise _failure(tree, path, error) from None
        parents = {path.rpartition("/")[0] for path in moves} - {""}
        ancestors = {
            "/".join(parts[:depth])
            for parts in (folder.split("/") for folder in parents)
            for depth in range(1, len(parts) + 1)
        }
        try:
            folders = sorted(folder for folder in ancestors if tree.folder(folder) is None)
        except UnsafePath as error:
            raise tree.error(error.path, f"{error.reason}; nothing was written") from None
        try:
            _write_file(stage, _FOLDERS, json.dumps(folders).encode())
            for folder in folders:
                tree.folder(folder, create=True)
        except UnsafePath as error:
            raise tree.error(error.path, f"{error.reason}; nothing was written") from None
        except OSError as error:
            raise _failure(tree, error.filename or name, error) from None
        journal = {"moves": plan, "removes": sorted(stale.items())}
        try:
            _write_file(stage, _JOURNAL + ".partial", json.dumps(journal).encode())
            os.rename(_JOURNAL + ".partial", _JOURNAL, src_dir_fd=stage, dst_dir_fd=stage)
        except OSError as error:
            raise _failure(tree, name, error) from None
        try:
            made = frozenset([*folders, ""] if tree.created_root else folders)
            _apply(tree, stage, journal, applied, made)
        except (OSError, UnsafePath) as error:
            _undo(tree, stage, applied)
            os.unlink(_JOURNAL, dir_fd=stage)
            if isinstance(error, UnsafePath):
                raise tree.error(error.path, f"{error.reason}; nothing was written") from None
            raise _failure(tree, error.filename or name, error) from None
    except BaseException:
        if not _has(stage, _JOURNAL):  # not committed: remove what this run made
            _remove_folders(tree, list(tree.created))
            _delete_stage(tree, stage, name)
        else:
            os.close(stage)
        raise
    _delete_stage(tree, stage, name)


def _failure(tree: OutTree, path: str, error: OSError) -> SpecloomError:
    """A write failure naming the path, as bad input (exit 2)."""
    reason = error.strerror or str(error)
    shown = path if isinstance(path, str) else str(path)
    if shown.startswith(tree.display + "/"):
        shown = shown[len(tree.display) + 1 :]
    return tree.error(shown, f"cannot write ({reason}); nothing was written")


def _has(folder: int, name: str) -> bool:
    try:
        os.lstat(name, dir_fd=folder)
    except FileNotFoundError:
        return False
    return True


def _apply(
    tree: OutTree,
    stage: int,
    journal: dict[str, Any],
    applied: list[tuple[str, str, str | None]],
    made: frozenset[str] | None = None,
) -> None:
    """Move staged files into place (replaced files into the stage), remove stale files.

    ``applied`` records each step as ``(staged name, target, backup name or None)``
    so ``_undo`` can reverse them.  Steps already done (a run killed midway) are skipped.
    ``made``: the journal was just written by this run, which made these folders for it:
    every staged file is still in the stage, no backup is, and a folder it made holds
    nothing yet, so none of them is looked up (two fewer ``lstat`` calls a file of a new out
    folder).  ``""`` stands for the out folder itself.  ``None``: the journal of a killed
    run, whose steps may be done already.
    """
    fresh = made is not None
    for staged, path in journal["moves"]:
        if not fresh and not _has(stage, staged):
            continue  # moved by the run that was killed
        folder_path, _, name = path.rpartition("/")
        folder = tree.folder(folder_path, create=True)
        assert folder is not None
        backup = "b" + staged
        if (
            (made is None or folder_path not in made)
            and _has(folder, name)
            and (fresh or not _has(stage, backup))
        ):
            os.rename(name, backup, src_dir_fd=folder, dst_dir_fd=stage)
            applied.append(("", path, backup))
        os.rename(staged, name, src_dir_fd=stage, dst_dir_fd=folder)
        applied.append((staged, path, None))
    for number, (path, expected) in enumerate(journal["removes"]):
        data = tree.read(path)
        if not isinstance(data, bytes) or digest(data) != expected:
            continue
        folder_path, _, name = path.rpartition("/")
        folder = tree.folder(folder_path)
        assert folder is not None
        backup = f"r{number}"
        os.rename(name, backup, src_dir_fd=folder, dst_dir_fd=stage)
        applied.append(("", path, backup))


def _undo(tree: OutTree, stage: int, applied: list[tuple[str, str, str | None]]) -> None:
    """Reverse ``_apply``'s steps, last first."""
    for staged, path, backup in reversed(applied):
        folder_path, _, name = path.rpartition("/")
        folder = tree.folder(folder_path)
        if folder is None:
            continue
        with suppress(OSError):
            if backup is None:
                os.rename(name, staged, src_dir_fd=folder, dst_dir_fd=stage)
            else:
                os.rename(backup, name, src_dir_fd=stage, dst_dir_fd=folder)
    _remove_folders(tree, list(tree.created))


def _remove_folders(tree: OutTree, folders: list[str]) -> None:
    """Remove ``folders`` (relative) that are empty, deepest first."""
    for folder in sorted(set(folders), key=lambda path: (-path.count("/"), path)):
        parent_path, _, name = folder.rpartition("/")
        parent = tree.folder(parent_path)
        if parent is None:
            continue
        with suppress(OSError):
            os.rmdir(name, dir_fd=parent)
            tree.forget(folder)


def _delete_stage(tree: OutTree, stage: int, name: str) -> None:
    """Remove the staging folder and every file in it."""
    try:
        for entry in os.listdir(stage):
            with suppress(FileNotFoundError):
                os.unlink(entry, dir_fd=stage)
    finally:
        os.close(stage)
    os.rmdir(name, dir_fd=tree.fd)


def recover(out: Path) -> list[str]:
    """Finish or undo a run on ``out`` that was killed; returns the stages found."""
    with open_tree(out) as tree:
        if not tree.exists:
            return []
        with locked(tree):
            return recover_tree(tree)


def recover_tree(tree: OutTree) -> list[str]:
    """``recover`` on an open, locked tree."""
    found = []
    for name in sorted(os.listdir(tree.fd)):
        if not name.startswith(STAGE_PREFIX):
            continue
        try:
            stage = os.open(name, DIRECTORY_FLAGS, dir_fd=tree.fd)
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.ENOTDIR):
                continue  # not a folder specloom made
            raise
        found.append(name)
        journal = _read_json(stage, _JOURNAL)
        try:
            if isinstance(journal, dict) and _valid_journal(journal):
                _apply(tree, stage, journal, [])
                prune = [path for path, _ in journal["removes"]]
                for path in prune:
                    _prune_empty_parents(tree, path)
            else:
                folders = _read_json(stage, _FOLDERS)
                if isinstance(folders, list):
                    _remove_folders(
                        tree,
                        [f for f in folders if isinstance(f, str) and check_relative(f) is None],
                    )
        except UnsafePath as error:
            os.close(stage)
            raise tree.error(error.path, f"{error.reason}; nothing was written") from None
        except BaseException:
            os.close(stage)
            raise
        _delete_stage(tree, stage, name)
        print(
            f"specloom: {tree.display}/: "
            + ("finished" if journal else "undid")
            + " a run that was interrupted",
            file=sys.stderr,
        )
    return found


def _read_json(folder: int, name: str) -> object:
    try:
        descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return json.loads(handle.read(1 << 26))
    except ValueError:
        return None
    finally:
        os.close(descriptor)


def _valid_journal(journal: dict[str, Any]) -> bool:
    """The journal is what ``_commit`` writes (staged names plain, targets confined)."""
    moves, removes = journal.get("moves"), journal.get("removes")
    if not isinstance(moves, list) or not isinstance(removes, list):
        return False
    for move in moves:
        if not (
            isinstance(move, list) and len(move) == 2 and all(isinstance(p, str) for p in move)
        ):
            return False
        if not move[0].isdigit() or check_relative(move[1]) is not None:
            return False
    for remove in removes:
        if not (isinstance(remove, list) and len(remove) == 2):
            return False
        if not isinstance(remove[0], str) or check_relative(remove[0]) is not None:
            return False
    return True


def _prune_empty_parents(tree: OutTree, path: str) -> None:
    """Remove the folders above ``path`` that are left empty, up to the out folder."""
    folder = path.rpartition("/")[0]
    while folder:
        parent_path, _, name = folder.rpartition("/")
        parent = tree.folder(parent_path)
        if parent is None:
            return
        try:
            os.rmdir(name, dir_fd=parent)
        except OSError:
            return
        tree.forget(folder)
        folder = parent_path
