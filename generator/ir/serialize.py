"""The IR as plain JSON data (``specloom ir``), deterministic and lossless."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from generator.ir.definitions import Schema


def to_data(value: Any) -> Any:
    """Convert an IR value to JSON-compatible data.

    Dataclass nodes become objects with a leading ``"node"`` key naming the IR
    class; attributes equal to their default are left out to keep output short.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {"node": type(value).__name__}
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            item = getattr(value, field.name)
            if field.default is not dataclasses.MISSING and item == field.default:
                continue
            if field.default_factory is not dataclasses.MISSING and item == field.default_factory():
                continue
            data[field.name] = to_data(item)
        return data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value


def schema_to_data(schema: Schema) -> dict[str, Any]:
    """The whole schema as JSON-compatible data."""
    result: dict[str, Any] = to_data(schema)
    return result
