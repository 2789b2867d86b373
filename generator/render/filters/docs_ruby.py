"""Speakeasy Ruby SDK doc conventions: Sorbet type cells naming the SDK module.

Names as written in Ruby docs are used only when the definition was read
from Ruby docs; otherwise they are derived from the wire names.
"""

from __future__ import annotations

from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    EnumValue,
    Field,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeNode,
    UnionModel,
)
from generator.naming import snake_case
from generator.render.filters.go_docs import doc_link
from generator.render.filters.markdown import (
    enum_words,
    example_text,
    field_rows,
    following,
    md_table,
    null_example,
    shown_required,
    shows,
)

DEFAULT_MODULE = "OpenApiSDK"
"""The SDK module Speakeasy names Ruby SDKs by default, used when the docs name none."""
RESPONSE = ("Faraday::Response", "https://www.rubydoc.info/gems/faraday/Faraday/Response")
"""How the raw HTTP response of a response model is typed and linked."""


def is_ruby(definition: Definition) -> bool:
    """The definition was read from Ruby docs, so its names as written are Ruby names."""
    return definition.docs_flavor is not None and definition.docs_flavor.language == "ruby"


def ruby_module(definition: Definition) -> str:
    """The SDK module named in type cells: from the Ruby docs, else Speakeasy's default."""
    flavor = definition.docs_flavor
    if flavor is not None and flavor.language == "ruby" and flavor.package:
        return flavor.package
    return DEFAULT_MODULE


def ruby_field_name(field: Field, own: bool) -> str:
    """A field's Ruby name: as written in Ruby docs, else snake_case of the wire name."""
    if own and field.source_name:
        return field.source_name
    return snake_case(field.sdk_name or field.name)


def ruby_enum_constant(model: EnumModel, value: EnumValue) -> str:
    """An enum constant: as written in Ruby docs, else ``UPPER_SNAKE`` of the value."""
    if value.source_name and is_ruby(model):
        return value.source_name
    return "_".join(enum_words(value.value)).upper() or "VALUE"


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return {"date-time": "::DateTime", "date": "::Date"}.get(node.format or "", "::String")
    return {
        PrimitiveKind.INTEGER: "::Integer",
        PrimitiveKind.NUMBER: "::Float",
        PrimitiveKind.BOOLEAN: "T::Boolean",
    }.get(node.kind, "::Object")


def _literal_scalar(node: LiteralType) -> str:
    value = node.value
    if isinstance(value, bool):
        return "T::Boolean"
    if isinstance(value, int):
        return "::Integer"
    if isinstance(value, float):
        return "::Float"
    return "::String" if isinstance(value, str) else "::Object"


def ruby_type(node: TypeNode, nilable: bool, module: str, schema: Schema) -> str:
    """A type cell: ``*::String*``, ``*T.nilable(::Float)*``, ``[::M::Shared::Tag](link)``."""

    def wrap(text: str) -> str:
        return f"T.nilable({text})" if nilable else text

    if isinstance(node, Primitive):
        if node.format == "http-response":
            return f"[{RESPONSE[0]}]({RESPONSE[1]})"
        return f"*{wrap(_scalar(node))}*"
    if isinstance(node, ArrayType):
        return f"T::Array<{ruby_type(node.items, False, module, schema)}>"
    if isinstance(node, MapType):
        return f"T::Hash[Symbol, {ruby_type(node.values, False, module, schema)}]"
    if isinstance(node, RefType):
        if isinstance(schema.get(node.target), UnionModel):
            return f"*{wrap('::Object')}*"
        namespace = node.target.namespace
        root = "Models" if shows("ruby-models-prefix") else f"::{module}"
        constant = f"{root}::{namespace[:1].upper()}{namespace[1:]}::{node.target.name}"
        return f"[{wrap(constant)}]({doc_link(node.target)})"
    if isinstance(node, LiteralType):
        return f"*{wrap(_literal_scalar(node))}*"
    return f"*{wrap('::Object')}*"


def _nilable(field: Field) -> bool:
    """``T.nilable`` on optional scalars and named types, and on required nullable ones."""
    if isinstance(field.type, ArrayType | MapType):
        return False
    return not shown_required(field) or field.nullable is True


def ruby_fields_table(model: ObjectModel, schema: Schema) -> str:
    """The ``## Fields`` table of an object model."""
    own = is_ruby(model)
    module = ruby_module(model)
    names = [ruby_field_name(field, own) for field in model.fields]
    with following(model, "ruby"):
        types = [ruby_type(field.type, _nilable(field), module, schema) for field in model.fields]
    header, rows = field_rows(model.fields, names, types, null_example(model, "ruby"))
    return md_table(header, rows)


def ruby_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    rows = [
        [f"`{ruby_enum_constant(model, value)}`", example_text(value.value)[0]]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def ruby_enum_usage(model: EnumModel) -> str | None:
    """An enum's ``## Example Usage`` code (``require "<gem>"``, then ``value = Enum::CONSTANT``),
    for trees that show examples; ``None`` otherwise."""
    flavor = model.docs_flavor
    if (
        flavor is None
        or flavor.language != "ruby"
        or not flavor.package
        or "no-example-usage" in flavor.facts
        or not model.values
    ):
        return None
    example = model.examples[0] if model.examples else model.values[0].value
    chosen = next((v for v in model.values if v.value == example), model.values[0])
    return (
        f'require "{flavor.package}"\n\n'
        f"value = {model.name.name}::{ruby_enum_constant(model, chosen)}"
    )
