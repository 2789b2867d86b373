"""Speakeasy Go SDK doc conventions: Go names and the type column of field tables."""

from __future__ import annotations

import json

from generator.ir import (
    ArrayType,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    LiteralType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)
from generator.naming import go_name, pascal_case

TIME_LINK = "https://pkg.go.dev/time#Time"
"""Where Go docs link ``time.Time``."""


def doc_path(name: TypeName) -> str:
    """Path of a model's doc below the docs root: ``models/operations/mode.md``."""
    return f"models/{name.namespace}/{name.name.lower()}.md"


def doc_link(name: TypeName) -> str:
    """Link from one model doc to another, as Speakeasy writes it (``../../models/...``)."""
    return "../../" + doc_path(name)


def go_field_name(field: Field) -> str:
    """The Go name of a field: as written in the source docs, else derived from the wire name."""
    return field.source_name or go_name(field.name)


def go_enum_constant(model: EnumModel, value: EnumValue) -> str:
    """The Go constant of an enum value: as written in the source docs, else ``<Enum><Value>``."""
    if value.source_name:
        return value.source_name
    return model.name.name + pascal_case(str(value.value))


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return "io.ReadCloser" if node.format == "binary" else "string"
    if node.kind is PrimitiveKind.INTEGER:
        return "int" if node.format == "int32" else "int64"
    if node.kind is PrimitiveKind.NUMBER:
        return "float32" if node.format == "float" else "float64"
    if node.kind is PrimitiveKind.BOOLEAN:
        return "bool"
    return "any"


def _pointer_allowed(node: TypeNode) -> bool:
    if isinstance(node, Primitive):
        return node.kind is not PrimitiveKind.ANY
    return isinstance(node, RefType | LiteralType)


def go_type(node: TypeNode, pointer: bool = False) -> str:
    """The old-style Go type cell (``*string*``, ``**string*``, ``[*operations.Mode](...)``)."""
    star = "*" if pointer and _pointer_allowed(node) else ""
    if isinstance(node, Primitive):
        if node.kind is PrimitiveKind.STRING and node.format == "date-time":
            return f"[{star}time.Time]({TIME_LINK})"
        if node.kind is PrimitiveKind.STRING and node.format == "date":
            return f"[{star}types.Date](../../types/date.md)"
        return f"*{star}{_scalar(node)}*"
    if isinstance(node, ArrayType):
        return "[]" + go_type(node.items)
    if isinstance(node, MapType):
        return "map[string]" + go_type(node.values)
    if isinstance(node, RefType):
        return f"[{star}{node.target}]({doc_link(node.target)})"
    if isinstance(node, LiteralType):
        return f"*{star}{_literal_type(node.value)}*"
    assert isinstance(node, UnionType)
    return "*any*"


def _literal_type(value: JsonValue) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int64"
    if isinstance(value, float):
        return "float64"
    return "string"


def go_field_type(field: Field) -> str:
    """Type cell of a field: a pointer when the field is optional or nullable."""
    return go_type(field.type, pointer=not field.required or field.nullable is True)


def example_text(value: JsonValue) -> str:
    """An example value as Speakeasy prints it in the Example column."""
    if value is None:
        return "<nil>"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)
