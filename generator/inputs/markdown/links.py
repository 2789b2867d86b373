"""Resolve links and type names written in one doc to definitions of the input docs."""

from __future__ import annotations

import os
from pathlib import Path

from generator.inputs.markdown.flavor import (
    CellError,
    observe_link_folder,
    observe_link_path,
    observe_reference,
)
from generator.ir import TypeName


class DocIndex:
    """The definition names of all input docs, by file and by name."""

    def __init__(self) -> None:
        self._by_path: dict[str, TypeName | None] = {}
        self._names: dict[TypeName, str] = {}
        self._keys: dict[tuple[str, str], str] = {}

    def add(self, path: Path, name: TypeName | None) -> None:
        """Record that the doc at ``path`` defines ``name`` (``None``: it has no usable title)."""
        absolute = os.path.abspath(path)
        self._by_path[absolute] = name
        if name is not None:
            self._names.setdefault(name, absolute)

    def folder_of(self, name: TypeName) -> str | None:
        """The folder of the input doc defining ``name`` (absolute), if one does."""
        path = self._names.get(name)
        return os.path.dirname(path) if path is not None else None

    def refs_for(self, doc_path: Path) -> DocRefs:
        """A resolver for links written in the doc at ``doc_path``."""
        return DocRefs(self, os.path.dirname(os.path.abspath(doc_path)))

    def key_of(self, folder: str, relative: str) -> str:
        """The absolute path ``relative`` names from ``folder``, ``..`` and ``.`` folded
        (memoised: the docs of one folder link the same few docs again and again)."""
        pair = (folder, relative)
        key = self._keys.get(pair)
        if key is None:
            key = self._keys[pair] = _key(os.path.join(folder, relative))
        return key

    def lookup(self, path: str) -> tuple[bool, TypeName | None]:
        """Whether the absolute ``path`` is an input doc, and the name it defines."""
        return self.lookup_key(_key(path))

    def lookup_key(self, key: str) -> tuple[bool, TypeName | None]:
        """Like ``lookup`` for a path already folded (``key_of``)."""
        return key in self._by_path, self._by_path.get(key)

    def has_name(self, name: TypeName) -> bool:
        """Whether some input doc defines ``name``."""
        return name in self._names


class DocRefs:
    """Implements ``RefResolver`` for one doc."""

    def __init__(self, index: DocIndex, folder: str) -> None:
        self._index = index
        self._folder = folder
        self.notes: list[str] = []
        """What was done about links that did not resolve, for warnings (drained by the reader)."""

    def link(self, target: str) -> TypeName:
        """The definition of the input doc ``target`` (relative to this doc) points to."""
        file_part = target.split("#", 1)[0]
        found, name, key = (False, None, "")
        if file_part and not os.path.isabs(file_part):
            key = self._index.key_of(self._folder, file_part)
            found, name = self._index.lookup_key(key)
        if not found:
            raise CellError(f"link to '{target}' does not resolve to any input doc")
        if name is None:
            raise CellError(f"link to '{target}' points to a doc without a model title")
        observe_link_path(file_part)
        folder = os.path.dirname(key)
        observe_link_folder(folder, folder)
        observe_reference(name, True)
        return name

    def link_or_name(self, target: str, namespace: str, name: str) -> TypeName:
        """The linked doc's model, or the one the link text names when the link is broken."""
        try:
            return self.link(target)
        except CellError as error:
            type_name = TypeName(namespace, name)
            if not self._index.has_name(type_name):
                raise
            self.notes.append(f"{error}; read as '{type_name}', which the link text names")
            file_part = target.split("#", 1)[0]
            folder = self._index.folder_of(type_name)
            if folder is not None and file_part and not os.path.isabs(file_part):
                linked = os.path.dirname(self._index.key_of(self._folder, file_part))
                observe_link_folder(folder, linked)
            observe_reference(type_name, True)
            return type_name

    def name(self, namespace: str, name: str) -> TypeName:
        """``namespace.name`` if some input doc defines it."""
        type_name = TypeName(namespace, name)
        if not self._index.has_name(type_name):
            raise CellError(f"type '{type_name}' does not match any input doc's model")
        observe_reference(type_name, False)
        return type_name


def _key(path: str) -> str:
    """A path with ``..`` and ``.`` folded (links are relative; symlinks are not followed)."""
    return os.path.normpath(path)
