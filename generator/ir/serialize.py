"""The IR as plain JSON data (``specloom ir``), deterministic and lossless."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from generator import ir
from generator.ir.definitions import Schema

NO_DEFAULT: Any = object()
"""Marks an attribute without a default in a ``node_fields`` table."""

FieldTable = tuple[tuple[str, Any], ...]
"""``(attribute name, default or NO_DEFAULT)`` of each ``init`` attribute of a node class."""


def node_fields(cls: type) -> FieldTable:
    """The attributes ``to_data`` writes for a dataclass, with the default each may be left out at."""
    table = []
    for field in dataclasses.fields(cls):
        if not field.init:
            continue
        default = field.default
        if default is dataclasses.MISSING:
            factory = field.default_factory
            default = NO_DEFAULT if factory is dataclasses.MISSING else factory()
        table.append((field.name, default))
    return tuple(table)


IR_FIELDS: dict[type, FieldTable] = {
    cls: node_fields(cls)
    for cls in (getattr(ir, name) for name in ir.__all__)  # each imported (the IR is lazy)
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
}
"""``node_fields`` of every IR class, worked out once at import (the IR classes never change).

Every public IR class, whatever was imported before: the IR package imports its
classes on first use, so ``vars(ir)`` would hold only those used so far (and the
snapshot and the cache's hashes would depend on what ran first)."""


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_data(value: Any) -> Any:
    """Convert an IR value to JSON-compatible data.

    Dataclass nodes become objects with a leading ``"node"`` key naming the IR
    class; attributes equal to their default are left out to keep output short.
    A frozen JSON value (``FrozenJson``) is written as the JSON it stands for.
    """
    if type(value) is ir.JsonObject:
        return ir.thaw(value)
    table = IR_FIELDS.get(type(value))
    if table is None:
        if type(value) in _SCALARS:
            return value
        if isinstance(value, enum.Enum):
            return value.value
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            table = node_fields(type(value))
        elif isinstance(value, tuple | list):
            return [to_data(item) for item in value]
        elif isinstance(value, dict):
            return {str(key): to_data(item) for key, item in value.items()}
        else:
            return value
    data: dict[str, Any] = {"node": type(value).__name__}
    for name, default in table:
        item = getattr(value, name)
        if default is not NO_DEFAULT and (item is default or item == default):
            continue
        data[name] = to_data(item)
    return data


def schema_to_data(schema: Schema) -> dict[str, Any]:
    """The whole schema as JSON-compatible data."""
    result: dict[str, Any] = to_data(schema)
    return result
