"""A loaded OpenAPI document: plain JSON-like data plus the source line of every container entry."""

from __future__ import annotations

from typing import TypeAlias

LineTable: TypeAlias = dict[int, tuple[int, dict[str, int] | list[int]]]
"""``id(container)`` -> (line of the container, line of each key / of each item)."""


class Document:
    """Parsed document data; ``dict``/``list``/scalars, with a side table of 1-based lines.

    Lines are looked up by container identity, so the data stays plain Python
    values (examples and defaults can go into the IR unchanged).  A document
    read by the ``json`` fallback has no lines: every lookup answers ``None``.
    """

    __slots__ = ("_lines", "root")

    def __init__(self, root: object, lines: LineTable | None = None) -> None:
        self.root = root
        """The top-level value."""
        self._lines: LineTable = lines if lines is not None else {}

    def line(self, container: object) -> int | None:
        """Line where a mapping or sequence starts."""
        entry = self._lines.get(id(container))
        return entry[0] if entry is not None else None

    def key_line(self, mapping: object, key: str) -> int | None:
        """Line of ``key`` in ``mapping``; the mapping's own line when the key is unknown."""
        entry = self._lines.get(id(mapping))
        if entry is None:
            return None
        keys = entry[1]
        if isinstance(keys, dict):
            return keys.get(key, entry[0])
        return entry[0]

    def item_line(self, sequence: object, index: int) -> int | None:
        """Line of item ``index`` of ``sequence``."""
        entry = self._lines.get(id(sequence))
        if entry is None:
            return None
        items = entry[1]
        if isinstance(items, list) and 0 <= index < len(items):
            return items[index]
        return entry[0]

    def resolve_pointer(self, pointer: str) -> tuple[object, object, str] | None:
        """Follow a JSON pointer from the root: (value, parent container, last token), or ``None``."""
        if pointer == "":
            return self.root, None, ""
        if not pointer.startswith("/"):
            return None
        node: object = self.root
        parent: object = None
        token = ""
        for raw in pointer[1:].split("/"):
            token = unescape(raw)
            parent = node
            if isinstance(node, dict):
                if token not in node:
                    return None
                node = node[token]
            elif isinstance(node, list):
                if not token.isdigit() or int(token) >= len(node):
                    return None
                node = node[int(token)]
            else:
                return None
        return node, parent, token


def escape(token: str) -> str:
    """Escape one JSON pointer token (``~`` -> ``~0``, ``/`` -> ``~1``)."""
    if "~" in token:
        token = token.replace("~", "~0")
    if "/" in token:
        token = token.replace("/", "~1")
    return token


def unescape(token: str) -> str:
    """Undo ``escape``."""
    if "~" in token:
        token = token.replace("~1", "/").replace("~0", "~")
    return token


def join(pointer: str, *tokens: str | int) -> str:
    """``pointer`` extended by the escaped ``tokens``."""
    for token in tokens:
        if isinstance(token, str) and ("~" in token or "/" in token):
            token = escape(token)
        pointer = f"{pointer}/{token}"
    return pointer
