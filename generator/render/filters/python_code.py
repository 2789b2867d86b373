"""From IR nodes to Python source fragments: names, annotations and runtime codecs.

These are pure functions of the IR; the ``python`` target's templates reach
them through filters (see ``generator.render.filters``).
"""

from __future__ import annotations

import keyword
import re

from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    Field,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    TypeNode,
    UnionModel,
    UnionType,
    walk_types,
)
from generator.ir.types import Constraints
from generator.naming import pascal_case, python_identifier, snake_case
from generator.render.filters.python_layout import Call, Expr
from generator.render.filters.python_literals import py_repr

RESERVED_ATTRIBUTES = frozenset(
    {"check", "validate", "load", "from_dict", "to_dict", "_fields_"}
    | {"str", "int", "float", "bool", "list", "dict", "Any", "Literal", "ClassVar"}
    | {"dataclasses", "enum", "_rt"}
)
"""Names a generated attribute must not take: model methods and names used in annotations."""

_PRIMITIVE_ANNOTATIONS = {
    PrimitiveKind.STRING: "str",
    PrimitiveKind.INTEGER: "int",
    PrimitiveKind.NUMBER: "float",
    PrimitiveKind.BOOLEAN: "bool",
    PrimitiveKind.ANY: "Any",
}

_PRIMITIVE_CODECS = {
    PrimitiveKind.STRING: "_rt.String",
    PrimitiveKind.INTEGER: "_rt.Integer",
    PrimitiveKind.NUMBER: "_rt.Number",
    PrimitiveKind.BOOLEAN: "_rt.Boolean",
    PrimitiveKind.ANY: "_rt.AnyValue",
}


def class_name(name: TypeName) -> str:
    """The Python class name of a definition (``TrackLeadRequestBody``)."""
    ident = name.name if name.name.isidentifier() else pascal_case(name.name)
    if not ident or ident[0].isdigit():
        ident = "Model" + ident
    if keyword.iskeyword(ident) or ident in RESERVED_ATTRIBUTES:
        ident += "_"
    return ident


def module_name(namespace: str) -> str:
    """The module of a namespace (``operations``)."""
    return python_identifier(namespace, RESERVED_ATTRIBUTES)


def attribute_names(model: ObjectModel) -> dict[str, str]:
    """Python attribute name of each field, by wire name; unique within the model."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for field in model.fields:
        base = python_identifier(field.name, RESERVED_ATTRIBUTES)
        ident, counter = base, 2
        while ident in taken:
            ident, counter = f"{base.rstrip('_')}_{counter}", counter + 1
        taken.add(ident)
        names[field.name] = ident
    return names


def enum_members(model: EnumModel) -> list[tuple[str, str]]:
    """``(member name, value source)`` pairs of an enum; names unique and upper case."""
    members: list[tuple[str, str]] = []
    taken: set[str] = set()
    for index, value in enumerate(model.values):
        base = snake_case(str(value.value)).upper() if value.value is not None else "NONE"
        if not base or not re.match(r"[A-Z]", base):
            base = f"VALUE_{base}" if base else f"VALUE_{index}"
        ident, counter = base, 2
        while ident in taken:
            ident, counter = f"{base}_{counter}", counter + 1
        taken.add(ident)
        members.append((ident, py_repr(value.value)))
    return members


def enum_base(model: EnumModel) -> str:
    """``enum.StrEnum`` for string values, ``enum.IntEnum`` for integers, else ``enum.Enum``."""
    values = [value.value for value in model.values]
    if all(isinstance(value, str) for value in values):
        return "enum.StrEnum"
    if all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return "enum.IntEnum"
    return "enum.Enum"


def _reference(name: TypeName, namespace: str) -> str:
    if name.namespace == namespace:
        return class_name(name)
    return f"{module_name(name.namespace)}.{class_name(name)}"


def annotation(node: TypeNode, schema: Schema, namespace: str) -> str:
    """The Python type annotation of a value of ``node``."""
    if isinstance(node, Primitive):
        return _PRIMITIVE_ANNOTATIONS[node.kind]
    if isinstance(node, ArrayType):
        return f"list[{annotation(node.items, schema, namespace)}]"
    if isinstance(node, MapType):
        return f"dict[str, {annotation(node.values, schema, namespace)}]"
    if isinstance(node, RefType):
        return _reference(node.target, namespace)
    if isinstance(node, LiteralType):
        return f"Literal[{py_repr(node.value)}]"
    return " | ".join(annotation(variant, schema, namespace) for variant in node.variants)


def accepts_null(field: Field) -> bool:
    """The python target lets ``null`` through when the IR says nullable or does not know."""
    return field.nullable is not False


def field_annotation(field: Field, schema: Schema, namespace: str) -> str:
    """Annotation of the attribute for ``field``: ``None`` and ``_rt.Unset`` added as needed."""
    text = annotation(field.type, schema, namespace)
    if accepts_null(field):
        text += " | None"
    if not field.required:
        text += " | _rt.Unset"
    return text


def _constraint_kwargs(
    constraints: Constraints, names: tuple[str, ...]
) -> tuple[tuple[str, Expr], ...]:
    return tuple(
        (name, py_repr(getattr(constraints, name)))
        for name in names
        if getattr(constraints, name) is not None
    )


_NUMERIC = ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum", "multiple_of")


def codec(node: TypeNode, schema: Schema, namespace: str) -> Call:
    """The runtime codec that checks and converts values of ``node``."""
    if isinstance(node, Primitive):
        if node.kind is PrimitiveKind.STRING:
            names: tuple[str, ...] = ("min_length", "max_length", "pattern")
        elif node.kind in (PrimitiveKind.INTEGER, PrimitiveKind.NUMBER):
            names = _NUMERIC
        else:
            names = ()
        return Call(
            _PRIMITIVE_CODECS[node.kind], kwargs=_constraint_kwargs(node.constraints, names)
        )
    if isinstance(node, ArrayType):
        return Call(
            "_rt.Array",
            (codec(node.items, schema, namespace),),
            _constraint_kwargs(node.constraints, ("min_items", "max_items", "unique_items")),
        )
    if isinstance(node, MapType):
        return Call(
            "_rt.Map",
            (codec(node.values, schema, namespace),),
            _constraint_kwargs(node.constraints, ("min_properties", "max_properties")),
        )
    if isinstance(node, RefType):
        return _reference_codec(schema.get(node.target), node.target, schema, namespace)
    if isinstance(node, LiteralType):
        return Call("_rt.Const", (py_repr(node.value),))
    assert isinstance(node, UnionType)
    return Call("_rt.OneOf", tuple(codec(variant, schema, namespace) for variant in node.variants))


def _reference_codec(
    target: Definition | None, name: TypeName, schema: Schema, namespace: str
) -> Call:
    reference = _reference(name, namespace)
    if isinstance(target, EnumModel):
        return Call("_rt.EnumOf", (f"lambda: {reference}",))
    if isinstance(target, ObjectModel):
        return Call("_rt.ModelOf", (f"lambda: {reference}",))
    if target is None:
        raise ValueError(f"reference to unknown definition {name}")
    return Call("_rt.OneOf", tuple(codec(v.type, schema, namespace) for v in target.variants))


def field_descriptor(field: Field, attribute: str, schema: Schema, namespace: str) -> Call:
    """The ``_rt.Field(...)`` entry of a model's ``_fields_`` table."""
    kwargs: list[tuple[str, Expr]] = []
    if field.required:
        kwargs.append(("required", "True"))
    if accepts_null(field):
        kwargs.append(("nullable", "True"))
    return Call(
        "_rt.Field",
        (py_repr(field.name), py_repr(attribute), codec(field.type, schema, namespace)),
        tuple(kwargs),
    )


def referenced_namespaces(definitions: tuple[Definition, ...], namespace: str) -> list[str]:
    """Other namespaces whose definitions ``definitions`` refer to, sorted."""
    found: set[str] = set()
    for definition in definitions:
        nodes: list[TypeNode] = []
        if isinstance(definition, ObjectModel):
            for field in definition.fields:
                nodes.extend(walk_types(field.type))
        elif isinstance(definition, UnionModel):
            for variant in definition.variants:
                nodes.extend(walk_types(variant.type))
        found.update(n.target.namespace for n in nodes if isinstance(n, RefType))
    found.discard(namespace)
    return sorted(found)


def typing_imports(
    definitions: tuple[Definition, ...], schema: Schema, namespace: str
) -> list[str]:
    """Names from ``typing`` that the annotations of ``definitions`` use, sorted."""
    annotations: list[str] = []
    for definition in definitions:
        if isinstance(definition, ObjectModel):
            annotations += [
                annotation(field.type, schema, namespace) for field in definition.fields
            ]
        elif isinstance(definition, UnionModel):
            annotations += [annotation(v.type, schema, namespace) for v in definition.variants]
    used = set()
    for name in ("Any", "Literal"):
        if any(re.search(rf"\b{name}\b", text) for text in annotations):
            used.add(name)
    return sorted(used)
