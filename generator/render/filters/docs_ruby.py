"""Speakeasy Ruby SDK doc conventions: Sorbet type cells naming the SDK module.

Names as written in Ruby docs are used only when the definition was read
from Ruby docs; otherwise they are derived from the wire names.
"""

from __future__ import annotations

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
)
from generator.naming import snake_case
from generator.render.filters import docs_lexicon as lexicon
from generator.render.filters.go_docs import doc_link
from generator.render.filters.markdown import shown_required, shows

DEFAULT_MODULE = "OpenApiSDK"
"""The SDK module Speakeasy names Ruby SDKs by default, used when the docs name none."""
RESPONSE = ("Faraday::Response", "https://www.rubydoc.info/gems/faraday/Faraday/Response")
"""How the raw HTTP response of a response model is typed and linked."""
LIBRARY_LINKS = {
    "date-time": ("DateTime", "https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html"),
    "date": ("Date", "https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html"),
}
"""Standard-library types of string formats and their reference pages (never ``T.nilable``)."""


LEXICON = lexicon.DocsLexicon("ruby", snake_case, lexicon.upper_snake, "VALUE")
"""Ruby field names are snake_case; enum constants ``UPPER_SNAKE``."""


def ruby_module(definition: Definition) -> str:
    """The SDK module named in type cells: from the Ruby docs, else Speakeasy's default."""
    flavor = definition.docs_flavor
    if flavor is not None and flavor.language == "ruby" and flavor.package:
        return flavor.package
    return DEFAULT_MODULE


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return {"date-time": "::DateTime", "date": "::Date"}.get(node.format or "", "::String")
    return {
        PrimitiveKind.INTEGER: "::Integer",
        PrimitiveKind.NUMBER: "::Float",
        PrimitiveKind.BOOLEAN: "T::Boolean",
    }.get(node.kind, "::Object")


def ruby_type(node: TypeNode, nilable: bool, module: str, schema: Schema) -> str:
    """A type cell: ``*::String*``, ``*T.nilable(::Float)*``, ``[::M::Shared::Tag](link)``."""

    def wrap(text: str) -> str:
        return f"T.nilable({text})" if nilable else text

    if isinstance(node, Primitive):
        if node.format == "http-response":
            return f"[{RESPONSE[0]}]({RESPONSE[1]})"
        linked = LIBRARY_LINKS.get(node.format or "") if node.kind is PrimitiveKind.STRING else None
        if linked is not None:
            return f"[{linked[0]}]({linked[1]})"
        return f"*{wrap(_scalar(node))}*"
    if isinstance(node, ArrayType):
        return f"T::Array<{ruby_type(node.items, False, module, schema)}>"
    if isinstance(node, MapType):
        return f"T::Hash[Symbol, {ruby_type(node.values, False, module, schema)}]"
    if isinstance(node, RefType):
        union = schema.get(node.target)
        if isinstance(union, UnionModel):
            if not shows("ruby-union-links") or not union.variants:
                return f"*{wrap('::Object')}*"
            variants = ", ".join(_sorbet(variant.type, module) for variant in union.variants)
            return f"[{wrap(f'T.any({variants})')}]({doc_link(node.target)})"
        return f"[{wrap(_constant(node.target, module))}]({doc_link(node.target)})"
    if isinstance(node, LiteralType):
        return f"*{wrap(_scalar(lexicon.literal_primitive(node)))}*"
    return f"*{wrap('::Object')}*"


def _constant(name: TypeName, module: str) -> str:
    """A model's constant path: ``::Module::Shared::Tag`` (``Models::Shared::Tag`` where the
    tree writes so, ``ruby-models-prefix``)."""
    root = "Models" if shows("ruby-models-prefix") else f"::{module}"
    return f"{root}::{name.namespace[:1].upper()}{name.namespace[1:]}::{name.name}"


def _sorbet(node: TypeNode, module: str) -> str:
    """A Sorbet type without links, as a union's ``T.any(...)`` names its variants."""
    if isinstance(node, LiteralType):
        node = lexicon.literal_primitive(node)
    if isinstance(node, Primitive):
        return _scalar(node)
    if isinstance(node, ArrayType):
        return f"T::Array[{_sorbet(node.items, module)}]"
    if isinstance(node, MapType):
        return f"T::Hash[Symbol, {_sorbet(node.values, module)}]"
    if isinstance(node, RefType):
        return _constant(node.target, module)
    return "::Object"


def _nilable(field: Field) -> bool:
    """``T.nilable`` on optional scalars and named types, and on required nullable ones."""
    if isinstance(field.type, ArrayType | MapType):
        return False
    return not shown_required(field) or field.nullable is True


def ruby_fields_table(model: ObjectModel, schema: Schema) -> str:
    """The ``## Fields`` table of an object model."""
    module = ruby_module(model)
    return lexicon.fields_table(
        LEXICON, model, lambda field: ruby_type(field.type, _nilable(field), module, schema)
    )


def ruby_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    return lexicon.values_table(LEXICON, model)


def ruby_enum_usage(model: EnumModel) -> str | None:
    """An enum's ``## Example Usage`` code (``require "<gem>"``, then ``value = Enum::CONSTANT``),
    for trees that show examples; ``None`` otherwise."""
    flavor = lexicon.usage_flavor(LEXICON, model)
    if flavor is None or "no-example-usage" in flavor.facts:
        return None
    return (
        f'require "{flavor.package}"\n\n'
        f"value = {model.name.name}::{lexicon.example_constant(LEXICON, model)}"
    )
