"""The out folder, reached only through real folders: never through a symbolic link.

Every path below the out folder is opened one component at a time from a
descriptor of the folder above it (``O_NOFOLLOW``, ``O_DIRECTORY``), so a
symbolic link planted anywhere in the out folder (a committed ``python ->
../elsewhere``, a link at a file's name) is reported, never followed, written
through or deleted through; the check and the use are one system call, so a
link swapped in meanwhile cannot redirect it either.  Paths are POSIX,
relative, without ``.``, ``..`` or empty parts (``check_relative``).
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location

DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_READ = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)

IS_FOLDER = object()
"""What ``OutTree.read`` returns for a path that is a folder (or another non-file)."""


class UnsafePath(Exception):
    """A path below the out folder that specloom refuses to use."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The offending path, relative to the out folder."""
        self.reason = reason
        """Why it is refused."""


def check_relative(path: str) -> str | None:
    """Why ``path`` cannot name a file inside the out folder, or ``None`` when it can."""
    if not isinstance(path, str) or not path:
        return "is not a relative path"
    if path.startswith("/") or "\\" in path or (len(path) > 1 and path[1] == ":"):
        return "is absolute or not a POSIX path; expected a path relative to the out folder"
    if "\0" in path:
        return "contains a NUL character"
    if any(part in ("", ".", "..") for part in path.split("/")):
        return "has an empty, '.' or '..' part; expected a normalised path inside the out folder"
    return None


def safe_relative(path: str) -> PurePosixPath:
    """``path`` as a relative path that stays inside the out folder, or ``ValueError``."""
    reason = check_relative(path)
    if reason is not None:
        raise ValueError(f"output path {path!r} {reason}")
    return PurePosixPath(path)


def _is_link_error(error: OSError) -> bool:
    return error.errno in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR)


class OutTree:
    """Descriptors of the out folder and the folders below it, opened without following links."""

    def __init__(self, root: Path, create: bool) -> None:
        self.root = root
        """The out folder."""
        self.display = root.as_posix()
        """How the out folder is named in messages."""
        self._folders: dict[str, int | None] = {}
        self.created: list[str] = []
        """Folders ``folder(create=True)`` made, in the order made."""
        self.created_root = False
        """The out folder did not exist and was made."""
        if create and not os.path.lexists(root):
            try:
                os.makedirs(root)
                self.created_root = True
            except FileExistsError:
                pass
            except OSError as error:
                raise self.error("", f"cannot create the out folder ({error.strerror})") from None
        try:
            info = os.lstat(root)
        except FileNotFoundError:
            self._folders[""] = None
            return
        if stat.S_ISLNK(info.st_mode):
            raise self.error("", "the out folder is a symbolic link; expected a real folder")
        if not stat.S_ISDIR(info.st_mode):
            raise self.error("", "the out folder is not a folder")
        self._folders[""] = os.open(root, DIRECTORY_FLAGS)

    def where(self, path: str) -> Location:
        """The location naming ``path`` (relative to the out folder) in messages."""
        return Location(f"{self.display}/{path}" if path else self.display)

    def error(self, path: str, message: str) -> SpecloomError:
        """A ``SpecloomError`` naming ``path``."""
        return SpecloomError([Problem(self.where(path), message)])

    @property
    def exists(self) -> bool:
        """The out folder exists."""
        return self._folders[""] is not None

    @property
    def fd(self) -> int:
        """Descriptor of the out folder (it must exist)."""
        descriptor = self._folders[""]
        assert descriptor is not None
        return descriptor

    def close(self) -> None:
        """Close every descriptor."""
        for descriptor in self._folders.values():
            if descriptor is not None:
                os.close(descriptor)
        self._folders.clear()

    def forget(self, path: str) -> None:
        """Drop the descriptors of folder ``path`` and below (after it was removed)."""
        for known in [
            known for known in self._folders if known == path or known.startswith(path + "/")
        ]:
            descriptor = self._folders.pop(known)
            if descriptor is not None:
                os.close(descriptor)

    def folder(self, path: str, create: bool = False) -> int | None:
        """Descriptor of the folder ``path`` ('' is the out folder); ``None`` when missing.

        With ``create``, missing folders are made (``created`` lists them).
        Raises ``UnsafePath`` when a component is a symbolic link or not a folder.
        """
        if path in self._folders:
            found = self._folders[path]
            if found is not None or not create:
                return found
        parent_path, _, name = path.rpartition("/")
        parent = self.folder(parent_path, create)
        if parent is None:
            self._folders[path] = None
            return None
        try:
            descriptor = os.open(name, DIRECTORY_FLAGS, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                self._folders[path] = None
                return None
            try:
                os.mkdir(name, 0o777, dir_fd=parent)
                self.created.append(path)
            except FileExistsError:  # made meanwhile: opened below without following a link
                pass
            descriptor = self._open_folder(path, name, parent)
        except OSError as error:
            if _is_link_error(error):
                raise UnsafePath(path, self._what(parent, name)) from None
            raise
        self._folders[path] = descriptor
        return descriptor

    def _open_folder(self, path: str, name: str, parent: int) -> int:
        try:
            return os.open(name, DIRECTORY_FLAGS, dir_fd=parent)
        except OSError as error:
            if _is_link_error(error):
                raise UnsafePath(path, self._what(parent, name)) from None
            raise

    @staticmethod
    def _what(parent: int, name: str) -> str:
        try:
            mode = os.lstat(name, dir_fd=parent).st_mode
        except OSError:
            return "cannot be opened as a folder"
        if stat.S_ISLNK(mode):
            return "is a symbolic link; specloom never writes, reads or deletes through one"
        return "is not a folder"

    def read(self, path: str) -> bytes | object | None:
        """Contents of the file ``path``; ``None`` when absent, ``IS_FOLDER`` when not a file.

        Raises ``UnsafePath`` for a symbolic link (at the file or a folder above it).
        """
        folder_path, _, name = path.rpartition("/")
        parent = self.folder(folder_path)
        if parent is None:
            return None
        try:
            descriptor = os.open(name, _READ, dir_fd=parent)
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            return IS_FOLDER
        except OSError as error:
            if _is_link_error(error):
                raise UnsafePath(path, self._what(parent, name)) from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return IS_FOLDER
            chunks = []
            while chunk := os.read(descriptor, 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            os.close(descriptor)

    def is_file(self, path: str) -> bool:
        """``path`` is a regular file (not a link) below real folders."""
        folder_path, _, name = path.rpartition("/")
        parent = self.folder(folder_path)
        if parent is None:
            return False
        try:
            return stat.S_ISREG(os.lstat(name, dir_fd=parent).st_mode)
        except FileNotFoundError:
            return False

    def create_file(self, folder: int, name: str, data: bytes) -> None:
        """Write ``data`` to a new file ``name`` in ``folder`` (never an existing file or link)."""
        descriptor = os.open(name, _CREATE, 0o666, dir_fd=folder)
        try:
            write_all(descriptor, data)
        finally:
            os.close(descriptor)


def write_all(descriptor: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``descriptor`` (``os.write`` may write fewer)."""
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


@contextmanager
def locked(tree: OutTree, shared: bool = False) -> Iterator[None]:
    """Hold the out folder's lock (exclusive, or shared for readers); waits for another run."""
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        fcntl.flock(tree.fd, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"specloom: waiting for another run on {tree.display}/ ...", file=sys.stderr)
        fcntl.flock(tree.fd, mode)
    try:
        yield
    finally:
        fcntl.flock(tree.fd, fcntl.LOCK_UN)


@contextmanager
def reading(out: Path) -> Iterator[OutTree]:
    """The out folder for reading (drift check), under a shared lock when it exists."""
    with open_tree(out) as tree:
        if not tree.exists:
            yield tree
            return
        with locked(tree, shared=True):
            yield tree


@contextmanager
def open_tree(root: Path, create: bool = False) -> Iterator[OutTree]:
    """An ``OutTree`` of ``root``, closed at the end."""
    tree = OutTree(root, create)
    try:
        yield tree
    finally:
        tree.close()


def unsafe_problems(tree: OutTree, paths: list[UnsafePath]) -> SpecloomError:
    """One error naming every refused path."""
    return SpecloomError([Problem(tree.where(item.path), item.reason) for item in paths])
