"""Distinct output names when two models (or namespaces) would share one file or module.

Two names that differ only in case (``TimeSeries``, ``Timeseries``) give one
doc file on a case-insensitive file system (``timeseries.md``), and two
namespaces that map to one Python module (``my-ns``, ``my_ns``) one module.
Nothing is dropped: in the schema's order (namespace, then name) the first
keeps the plain name and each later one gets the smallest free number from 2
before the extension (``timeseries2.md``, ``my_ns2``); every link and import
uses the same table.  ``prepare`` builds the tables for a schema before it is
rendered; the path functions of the targets look names up with ``distinct``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from generator.ir import Schema, TypeName

Key = TypeVar("Key", bound=Hashable)

_PATHS: dict[str, Callable[[TypeName], str]] = {}
_NAMESPACES: dict[str, Callable[[str], str]] = {}
_tables: dict[str, dict[Hashable, int]] = {}


def register_path(kind: str, base: Callable[[TypeName], str]) -> None:
    """``base(name)`` is a model's plain output path of ``kind`` (e.g. ``docs-go``)."""
    _PATHS[kind] = base


def register_namespace(kind: str, base: Callable[[str], str]) -> None:
    """``base(namespace)`` is a namespace's plain output name of ``kind`` (e.g. a module)."""
    _NAMESPACES[kind] = base


def distinct(kind: str, key: Hashable, plain: str) -> str:
    """The name ``prepare`` gave ``key`` for ``kind``; ``plain`` when it needed no number."""
    table = _tables.get(kind)
    if not table:
        return plain
    number = table.get(key)
    return plain if number is None else with_number(plain, number)


def renamed_any() -> bool:
    """Some name of the prepared schema got a number (its files depend on every other name)."""
    return any(_tables.values())


def tables_digest() -> str:
    """Hash of the numbers ``prepare`` gave (the same tables give the same names everywhere).

    A file that shows a name depends on the numbering as well as on the name:
    a cache keys reused files with this too (see ``generator.cache``).
    """
    entries = sorted(
        (kind, sorted((repr(key), number) for key, number in table.items()))
        for kind, table in _tables.items()
        if table
    )
    return hashlib.sha256(repr(entries).encode()).hexdigest()


def prepare(schema: Schema) -> None:
    """Build every registered table for ``schema`` (replacing those of an earlier schema)."""
    _tables.clear()
    names = [definition.name for definition in schema.definitions]
    for kind, path in _PATHS.items():
        _tables[kind] = numbered(names, path)
    for kind, module in _NAMESPACES.items():
        _tables[kind] = numbered(list(schema.namespaces), module)


def numbered(keys: Iterable[Key], plain: Callable[[Key], str]) -> dict[Hashable, int]:
    """Keys whose plain name is taken (ignoring case) by an earlier key, with their number."""
    ordered = list(keys)
    plains = [plain(key) for key in ordered]
    taken = {name.casefold() for name in plains}
    owners: set[str] = set()
    renamed: dict[Hashable, int] = {}
    for key, name in zip(ordered, plains, strict=True):
        folded = name.casefold()
        if folded not in owners:
            owners.add(folded)
            continue
        number = 2
        while (candidate := with_number(name, number)).casefold() in taken:
            number += 1
        taken.add(candidate.casefold())
        renamed[key] = number
    return renamed


def with_number(name: str, number: int) -> str:
    """``models/a/foo.md`` -> ``models/a/foo2.md``; ``my_ns`` -> ``my_ns2``."""
    folder, slash, file = name.rpartition("/")
    stem, dot, extension = file.rpartition(".")
    if not dot or not stem:
        return f"{name}{number}"
    return f"{folder}{slash}{stem}{number}.{extension}"
