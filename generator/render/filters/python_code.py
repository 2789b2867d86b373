"""From IR nodes to Python source fragments: names, annotations and runtime codecs.

These are pure functions of the IR; the ``python`` target's templates reach
them through filters (see ``generator.render.filters``).
"""

from __future__ import annotations

import builtins
import keyword
import re

from generator.ir import (
    AliasModel,
    ArrayType,
    Definition,
    EnumModel,
    Field,
    FrozenJson,
    JsonObject,
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
    is_scalar,
    json_text,
    walk_types,
)
from generator.ir.types import Constraints
from generator.naming import pascal_case, python_identifier, snake_case
from generator.render.distinct import distinct, register_namespace
from generator.render.filters.python_hints import parse_hint
from generator.render.filters.python_layout import (
    Call,
    Expr,
    expr_assignment,
    flat,
    frozen_literal,
    literal,
)
from generator.render.filters.python_literals import py_repr

RESERVED_ATTRIBUTES = frozenset(
    {
        "check",
        "validate",
        "load",
        "from_dict",
        "to_dict",
        "to_request",
        "with_defaults",
        "additional_properties",
    }
    | {"Any", "Literal", "ClassVar", "TypeAlias", "datetime", "enum", "_rt"}
    | {"l", "I", "O"}  # ruff E741: ambiguous with 1 and 0
    | {name for name in dir(builtins) if not name.startswith("_")}
)
"""Names a generated attribute must not take: model methods, builtins and names annotations use."""

_FORMAT_ANNOTATIONS = {
    "date": "datetime.date",
    "date-time": "datetime.datetime",
    "byte": "bytes",
    "binary": "bytes",
}
"""String formats the python target converts to a Python type (others stay ``str``)."""

_FORMAT_CODECS = {
    "date": "_rt.Date",
    "date-time": "_rt.DateTime",
    "byte": "_rt.Base64",
    "binary": "_rt.Binary",
}

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
    """The module of a namespace (``operations``; ``my_ns2`` when ``my-ns`` took ``my_ns``)."""
    return distinct("python-module", namespace, _plain_module_name(namespace))


def _plain_module_name(namespace: str) -> str:
    return python_identifier(namespace, RESERVED_ATTRIBUTES)


register_namespace("python-module", _plain_module_name)


def request_fields(model: ObjectModel) -> tuple[Field, ...]:
    """The fields a request class has: all but the read-only ones (sent by the server only)."""
    return tuple(field for field in model.fields if not field.read_only)


def attribute_names(model: ObjectModel, modules: frozenset[str] = frozenset()) -> dict[str, str]:
    """Python attribute name of each request field, by wire name; unique within the model.

    The SDK name (``x-speakeasy-name-override``) is preferred to the wire name.
    Keywords, builtins, the runtime's method names and the module names in
    ``modules`` (annotations refer to them) get a trailing underscore; names
    that collide get ``_2``, ``_3``... in field order.
    """
    reserved = RESERVED_ATTRIBUTES | modules
    names: dict[str, str] = {}
    taken: set[str] = set()
    for field in request_fields(model):
        base = python_identifier(field.sdk_name or field.name, reserved)
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
        text = str(value.value) if is_scalar(value.value) else json_text(value.value)
        base = snake_case(text).upper() if value.value is not None else "NONE"
        if not base or not re.match(r"[A-Z]", base):
            base = f"VALUE_{base}" if base else f"VALUE_{index}"
        if base in ("I", "O"):  # ruff E741: ambiguous with 1 and 0
            base += "_"
        ident, counter = base, 2
        while ident in taken:
            ident, counter = f"{base}_{counter}", counter + 1
        taken.add(ident)
        members.append((ident, flat(frozen_literal(value.value, py_repr))))
    return members


def enum_assignments(model: EnumModel, indent: int = 4) -> list[str]:
    """Each member of an enum's class as ``NAME = value``, laid out as black keeps it.

    Scalars are their literals; an array member is a ``tuple`` and an object
    member a read-only ``types.MappingProxyType`` (nested the same way), so no
    member's value can be changed; ``_rt.EnumOf`` finds members by JSON value
    and writes them back as plain lists and dicts."""
    return [
        expr_assignment(ident, frozen_literal(value.value, py_repr), indent)
        for (ident, _), value in zip(enum_members(model), model.values, strict=True)
    ]


def uses_read_only_mappings(enums: list[EnumModel]) -> bool:
    """Some enum member holds an object (``types.MappingProxyType``): the module imports
    ``types``."""
    return any(_holds_object(value.value) for model in enums for value in model.values)


def _holds_object(value: FrozenJson) -> bool:
    if isinstance(value, JsonObject):
        return True
    return isinstance(value, tuple) and any(_holds_object(item) for item in value)


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


def _open_enum_base(model: EnumModel) -> str | None:
    """The Python type of unknown values an open enum keeps (``str``), ``None`` when closed."""
    if model.open is not True:
        return None
    kinds = {type(value.value) for value in model.values}
    if kinds == {str}:
        return "str"
    if kinds == {int}:
        return "int"
    return "Any"


def annotation(node: TypeNode, schema: Schema, namespace: str) -> str:
    """The Python type annotation of a value of ``node``."""
    if isinstance(node, Primitive):
        if node.kind is PrimitiveKind.STRING and node.format in _FORMAT_ANNOTATIONS:
            return _FORMAT_ANNOTATIONS[node.format]
        return _PRIMITIVE_ANNOTATIONS[node.kind]
    if isinstance(node, ArrayType):
        items = annotation(node.items, schema, namespace)
        return f"list[{items if node.items_nullable is False else union_text([items, 'None'])}]"
    if isinstance(node, MapType):
        values = annotation(node.values, schema, namespace)
        nullable = node.values_nullable is not False
        return f"dict[str, {union_text([values, 'None']) if nullable else values}]"
    if isinstance(node, RefType):
        target = schema.get(node.target)
        other = _open_enum_base(target) if isinstance(target, EnumModel) else None
        reference = _reference(node.target, namespace)
        return reference if other is None else f"{reference} | {other}"
    if isinstance(node, LiteralType):
        return "None" if node.value is None else f"Literal[{py_repr(node.value)}]"
    return union_text([annotation(variant, schema, namespace) for variant in node.variants])


def union_text(parts: list[str]) -> str:
    """Annotations joined by ``|``, each operand once and all literals in one ``Literal[...]``.

    ruff's default rules reject ``str | str`` and ``Literal[1] | Literal[2]``; ``None`` goes
    last (ruff RUF036).
    """
    operands: list[str] = []
    literals: list[str] = []
    for part in parts:
        for operand in parse_hint(part).operands:
            if operand.head == "Literal" and operand.args is not None:
                if not literals:
                    operands.append("Literal")  # where the merged literal goes
                literals += [a.flat() for a in operand.args if a.flat() not in literals]
            elif operand.flat() not in operands:
                operands.append(operand.flat())
    if "None" in operands:
        operands.remove("None")
        operands.append("None")
    return " | ".join(
        f"Literal[{', '.join(literals)}]" if text == "Literal" else text for text in operands
    )


def accepts_null(field: Field) -> bool:
    """``null`` is let through when the IR says nullable or does not know, or the type is any."""
    is_any = isinstance(field.type, Primitive) and field.type.kind is PrimitiveKind.ANY
    return field.nullable is not False or is_any


def field_annotation(field: Field, schema: Schema, namespace: str) -> str:
    """Annotation of the attribute for ``field``: ``None`` and ``_rt.Unset`` added as needed."""
    text = annotation(field.type, schema, namespace)
    if accepts_null(field):
        text = union_text([text, "None"])
    if not field.required:  # ``None`` stays last (ruff RUF036)
        if text == "None":
            return "_rt.Unset | None"
        if text.endswith(" | None"):
            return text[: -len(" | None")] + " | _rt.Unset | None"
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


def _nullable(inner: Call, nullable: bool | None) -> Call:
    """``inner``, wrapped to accept ``null`` when nullable or unknown."""
    return inner if nullable is False else Call("_rt.Nullable", (inner,))


def codec(node: TypeNode, schema: Schema, namespace: str) -> Call:
    """The runtime codec that checks and converts values of ``node``."""
    if isinstance(node, Primitive):
        function = _PRIMITIVE_CODECS[node.kind]
        if node.kind is PrimitiveKind.STRING:
            names: tuple[str, ...] = ("min_length", "max_length", "pattern")
            function = _FORMAT_CODECS.get(node.format or "", function)
        elif node.kind in (PrimitiveKind.INTEGER, PrimitiveKind.NUMBER):
            names = _NUMERIC
        else:
            names = ()
        return Call(function, kwargs=_constraint_kwargs(node.constraints, names))
    if isinstance(node, ArrayType):
        return Call(
            "_rt.Array",
            (_nullable(codec(node.items, schema, namespace), node.items_nullable),),
            _constraint_kwargs(node.constraints, ("min_items", "max_items", "unique_items")),
        )
    if isinstance(node, MapType):
        return Call(
            "_rt.Map",
            (_nullable(codec(node.values, schema, namespace), node.values_nullable),),
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
        kwargs: tuple[tuple[str, Expr], ...] = (("open", "True"),) if target.open is True else ()
        return Call("_rt.EnumOf", (f"lambda: {reference}",), kwargs)
    if isinstance(target, ObjectModel):
        return Call("_rt.ModelOf", (f"lambda: {reference}",))
    if target is None:
        raise ValueError(f"reference to unknown definition {name}")
    return Call("_rt.Lazy", (f"lambda: {union_codec_name(name, namespace)}",))  # union, alias


def alias_codec(alias: AliasModel, schema: Schema, namespace: str) -> Call:
    """The codec of a named alias: that of the type it names."""
    return codec(alias.type, schema, namespace)


def union_codec_name(name: TypeName, namespace: str) -> str:
    """The module-level codec of a named union or alias (``_codec_Pet``), seen from ``namespace``."""
    local = f"_codec_{class_name(name)}"
    return local if name.namespace == namespace else f"{module_name(name.namespace)}.{local}"


def _discriminator_value(variant: TypeNode, union: UnionModel, schema: Schema) -> str | None:
    """The discriminator value that selects ``variant``: its mapping entry, const or name."""
    if not isinstance(variant, RefType):
        return None
    for value, target in union.mapping:
        if target == variant.target:
            return value
    model = schema.get(variant.target)
    if isinstance(model, ObjectModel):
        for field in model.fields:
            if field.name == union.discriminator and isinstance(field.type, LiteralType):
                return str(field.type.value)
    return variant.target.name


def union_codec(union: UnionModel, schema: Schema, namespace: str) -> Call:
    """The ``_rt.OneOf(...)`` codec of a named union, with its discriminator table."""
    variants = tuple(codec(v.type, schema, namespace) for v in union.variants)
    kwargs: list[tuple[str, Expr]] = []
    if union.discriminator is not None:
        table: dict[str, int] = {}
        for index, variant in enumerate(union.variants):
            value = _discriminator_value(variant.type, union, schema)
            if value is not None:
                table.setdefault(value, index)
        kwargs.append(("discriminator", py_repr(union.discriminator)))
        kwargs.append(("mapping", literal(table, py_repr)))
    return Call("_rt.OneOf", variants, tuple(kwargs))


def field_descriptor(field: Field, attribute: str, schema: Schema, namespace: str) -> Call:
    """The ``_rt.Field(...)`` entry of a model's ``_fields_`` table."""
    kwargs: list[tuple[str, Expr]] = []
    if field.required:
        kwargs.append(("required", "True"))
    if accepts_null(field):
        kwargs.append(("nullable", "True"))
    if field.default is not None:
        kwargs.append(("default", literal(field.default.value, py_repr)))
    if field.deprecated:
        kwargs.append(("deprecated", "True"))
    return Call(
        "_rt.Field",
        (py_repr(field.name), py_repr(attribute), codec(field.type, schema, namespace)),
        tuple(kwargs),
    )


def _nodes(definition: Definition) -> list[TypeNode]:
    """Every type node the generated code of ``definition`` mentions."""
    nodes: list[TypeNode] = []
    if isinstance(definition, ObjectModel):
        for field in request_fields(definition):
            nodes.extend(walk_types(field.type))
        if definition.additional_properties is not None:
            nodes.extend(walk_types(definition.additional_properties))
    elif isinstance(definition, UnionModel):
        for variant in definition.variants:
            nodes.extend(walk_types(variant.type))
    elif isinstance(definition, AliasModel):
        nodes.extend(walk_types(definition.type))
    return nodes


def referenced_namespaces(definitions: tuple[Definition, ...], namespace: str) -> list[str]:
    """Other namespaces whose definitions ``definitions`` refer to, sorted."""
    found: set[str] = set()
    for definition in definitions:
        found.update(n.target.namespace for n in _nodes(definition) if isinstance(n, RefType))
    found.discard(namespace)
    return sorted(found)


def _annotations(definitions: tuple[Definition, ...], schema: Schema, namespace: str) -> list[str]:
    found: list[str] = []
    for definition in definitions:
        if isinstance(definition, ObjectModel):
            found += [annotation(f.type, schema, namespace) for f in request_fields(definition)]
        elif isinstance(definition, UnionModel):
            found += [annotation(v.type, schema, namespace) for v in definition.variants]
        elif isinstance(definition, AliasModel):
            found.append(annotation(definition.type, schema, namespace))
    return found


def typing_imports(
    definitions: tuple[Definition, ...], schema: Schema, namespace: str
) -> list[str]:
    """Names from ``typing`` that the annotations of ``definitions`` use, sorted."""
    annotations = _annotations(definitions, schema, namespace)
    used = set()
    for name in ("Any", "Literal"):
        if any(re.search(rf"\b{name}\b", text) for text in annotations):
            used.add(name)
    return sorted(used)


def uses_datetime(definitions: tuple[Definition, ...], schema: Schema, namespace: str) -> bool:
    """The annotations of ``definitions`` name ``datetime.date`` or ``datetime.datetime``."""
    return any("datetime." in text for text in _annotations(definitions, schema, namespace))


def model_options(model: ObjectModel, schema: Schema, namespace: str) -> list[tuple[str, Expr]]:
    """Class-level settings of a model that differ from ``_rt.Model``'s: ``(declaration, value)``."""
    options: list[tuple[str, Expr]] = []
    if model.closed:
        options.append(("_closed_: ClassVar[bool]", "True"))
    elif model.additional_properties is not None:
        extra = codec(model.additional_properties, schema, namespace)
        options.append(("_extra_: ClassVar[_rt.Codec | None]", extra))
    validator = schema.validator_of(model.name)
    if validator is not None:
        check = Call("_v.Validator", (py_repr(validator.rules), py_repr(str(model.name))))
        options.append(("_validator_: ClassVar[_rt.Checker | None]", check))
        return options  # the rules check everything, counts included
    if model.constraints.min_properties is not None:
        options.append(
            ("_min_properties_: ClassVar[int | None]", py_repr(model.constraints.min_properties))
        )
    if model.constraints.max_properties is not None:
        options.append(
            ("_max_properties_: ClassVar[int | None]", py_repr(model.constraints.max_properties))
        )
    return options
