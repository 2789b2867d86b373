"""A compact copy of the IR the out folder was generated from, kept in its manifest.

``specloom check`` diffs it against the IR of the current inputs to say what a
spec change does.  Examples and locations are left out (they would churn the
manifest without changing a fact), except a definition's JSON pointer, which
tells that it came from an OpenAPI document (see ``generator.diff.facts``).
Operations are kept too (without locations), so the summary can tell
requests from responses and report endpoint changes.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.ir import Definition, Location, Operation, Schema, sort_definitions
from generator.ir.serialize import IR_FIELDS, NO_DEFAULT, to_data

SNAPSHOT_FORMAT = 1
"""Version of the snapshot layout; a snapshot of another version is ignored."""

_DROPPED = frozenset({"examples"})
_DEFINITIONS = frozenset({"ObjectModel", "EnumModel", "UnionModel"})
_NOWHERE = Location("(snapshot)")
_FROZEN_JSON = typing.get_type_hints(ir.EnumValue)["value"]
"""The type hint of a frozen JSON value (``EnumValue.value``), as ``get_type_hints`` gives it."""


def schema_snapshot(schema: Schema) -> dict[str, Any]:
    """The schema as compact JSON data for the manifest: ``{"format": 1, "definitions": [...]}``."""
    definitions = [_compact(definition) for definition in schema.definitions]
    data: dict[str, Any] = {"format": SNAPSHOT_FORMAT, "definitions": definitions}
    if schema.operations is not None:
        data["operations"] = [_compact(operation) for operation in schema.operations]
    return data


@dataclass(frozen=True, slots=True)
class EncodedSnapshot:
    """A snapshot already written as the manifest's lines: one compact JSON text per item."""

    format: int
    """``SNAPSHOT_FORMAT``."""
    definitions: tuple[str, ...]
    """Each definition of the schema, as one line of compact JSON (in schema order)."""
    operations: tuple[str, ...] | None
    """Each operation likewise; ``None`` when the schema has no operations list."""


def encode_items(
    items: tuple[Any, ...] | list[Any], known: Callable[[Any], str | None] | None = None
) -> list[str]:
    """``items`` (definitions or operations) as the manifest writes them: compact JSON, one each.

    ``known`` may give an item's line as an earlier run encoded it (``None``: encode it).
    """
    if known is None:
        return [_encode(item) for item in items]
    return [line if (line := known(item)) is not None else _encode(item) for item in items]


def _encode(item: Any) -> str:
    return json.dumps(_compact(item), ensure_ascii=False, separators=(",", ":"))


SNAPSHOT_CHUNK = 256
"""Definitions (or operations) encoded by one ``snapshot_tasks`` task."""


def snapshot_tasks(
    schema: Schema, known: Callable[[Definition], str | None] | None = None
) -> tuple[list[Callable[[], list[str]]], Callable[[list[list[str]]], EncodedSnapshot]]:
    """The snapshot of ``schema`` split into tasks that can run on either core, and their assembly.

    Each task encodes a slice of the definitions or operations (see
    ``encode_items``; ``known`` as there, for definitions); ``assemble`` takes
    the tasks' results in task order.  The outcome is the one
    ``schema_snapshot`` gives, already encoded.
    """
    definitions = schema.definitions
    operations = schema.operations
    tasks: list[Callable[[], list[str]]] = []
    for start in range(0, len(definitions), SNAPSHOT_CHUNK):
        part = definitions[start : start + SNAPSHOT_CHUNK]
        tasks.append(lambda part=part: encode_items(part, known))  # type: ignore[misc]
    split = len(tasks)
    if operations is not None:
        for start in range(0, len(operations), SNAPSHOT_CHUNK):
            listed = operations[start : start + SNAPSHOT_CHUNK]
            tasks.append(lambda listed=listed: encode_items(listed))  # type: ignore[misc]

    def assemble(results: list[list[str]]) -> EncodedSnapshot:
        lines = [line for result in results[:split] for line in result]
        listed = None
        if operations is not None:
            listed = tuple(line for result in results[split:] for line in result)
        return EncodedSnapshot(SNAPSHOT_FORMAT, tuple(lines), listed)

    return tasks, assemble


def _snapshot_fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """``(name, default, is the kept location)`` of the attributes a snapshot writes for ``cls``."""
    keeps_location = cls.__name__ in _DEFINITIONS
    return tuple(
        (name, default, name == "location")
        for name, default in IR_FIELDS[cls]
        if name not in _DROPPED and (name != "location" or keeps_location)
    )


_FIELDS = {cls: _snapshot_fields(cls) for cls in IR_FIELDS}
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _compact(value: Any) -> Any:
    """``to_data`` without examples and locations (a definition keeps its JSON pointer)."""
    cls = type(value)
    if cls is ir.JsonObject:  # a frozen JSON value: the JSON it stands for
        return ir.thaw(value)
    table = _FIELDS.get(cls)
    if table is None:
        if cls is tuple:
            return [_compact(item) for item in value]
        return to_data(value)  # scalars, enums and JSON values, as ``to_data`` writes them
    data: dict[str, Any] = {"node": cls.__name__}
    for name, default, is_location in table:
        item = getattr(value, name)
        if default is not NO_DEFAULT and (item is default or item == default):
            continue
        if is_location:
            if item.pointer is not None:
                data[name] = {"node": "Location", "file": "", "pointer": item.pointer}
        else:
            data[name] = item if type(item) in _SCALARS else _compact(item)
    return data


class SnapshotError(ValueError):
    """The snapshot cannot be read as IR (written by another specloom version, or edited)."""


def load_snapshot(data: object) -> Schema:
    """The schema stored by ``schema_snapshot``; raises ``SnapshotError`` when unreadable."""
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise SnapshotError("unknown snapshot format")
    definitions = data.get("definitions")
    if not isinstance(definitions, list):
        raise SnapshotError("no definitions")
    listed = data.get("operations")
    try:
        decoded = tuple(_decode(item, Definition, _NOWHERE) for item in definitions)
        operations = (
            tuple(_decode(item, Operation, _NOWHERE) for item in listed)
            if isinstance(listed, list)
            else None
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SnapshotError(str(error)) from None
    return Schema(definitions=sort_definitions(list(decoded)), operations=operations)


def _decode(value: Any, hint: Any, where: Location) -> Any:
    """Rebuild a value of type ``hint`` from JSON data (dataclasses carry a ``node`` key)."""
    if hint == _FROZEN_JSON:
        return ir.freeze(value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _decode_node(value, hint, where)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        if isinstance(value, list):
            sequence = [a for a in typing.get_args(hint) if typing.get_origin(a) is tuple]
            if sequence:
                return _decode(value, sequence[0], where)
        if isinstance(value, dict) and "node" in value:
            cls = getattr(ir, value["node"])
            if cls not in typing.get_args(hint):
                raise TypeError(f"unexpected {value['node']}")
            return _decode_node(value, cls, where)
        return value  # JSON values and scalars
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(item, args[0], where) for item in value)
        return tuple(_decode(item, arg, where) for item, arg in zip(value, args, strict=True))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    return value


def _decode_node(value: Any, cls: type, where: Location) -> Any:
    if not isinstance(value, dict) or value.get("node") != cls.__name__:
        raise TypeError(f"expected a {cls.__name__}")
    hints = typing.get_type_hints(cls)
    if "location" in value:
        where = _decode_node(value["location"], Location, where)
    kwargs = {}
    for item in dataclasses.fields(cls):
        if not item.init:
            continue
        if item.name in value:
            kwargs[item.name] = _decode(value[item.name], hints[item.name], where)
        elif hints[item.name] is Location:
            kwargs[item.name] = where
    return cls(**kwargs)
