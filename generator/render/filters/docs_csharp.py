"""Speakeasy C# SDK doc conventions: ``Models/<Ns>/<Name>.md``, ``*string*`` / ``List<T>`` cells.

C# docs never mark optional or nullable values.  Names as written in C#
docs are used only when the definition was read from C# docs; otherwise
field names are PascalCase of the wire names.
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
    TypeName,
    TypeNode,
    UnionModel,
    UnionVariant,
)
from generator.naming import file_name, pascal_case
from generator.render.filters.markdown import (
    enum_words,
    example_text,
    field_rows,
    following,
    md_table,
    null_example,
    shows,
)

LIBRARY_LINKS = {
    "date-time": (
        "DateTime",
        "https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0",
    ),
    "date": ("LocalDate", "https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html"),
    "http-response": (
        "HttpResponseMessage",
        "https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage?view=net-5.0",
    ),
}
"""Library types by IR format, and their reference pages."""


def csharp_namespace(namespace: str) -> str:
    """``components`` -> ``Components``."""
    return namespace[:1].upper() + namespace[1:]


def csharp_doc_path(name: TypeName, folders: str | None = None) -> str:
    """``Models/Components/Address.md`` (``models/components/...`` when the tree spells its
    folders in lower case, ``DocsFlavor.folders``)."""
    if folders is None and shows("folders-lower"):
        folders = "lower"
    if folders == "lower":
        return f"models/{name.namespace}/{file_name(name.name, '.md')}"
    return f"Models/{csharp_namespace(name.namespace)}/{file_name(name.name, '.md')}"


def is_csharp(definition: Definition) -> bool:
    """The definition was read from C# docs."""
    return definition.docs_flavor is not None and definition.docs_flavor.language == "csharp"


def csharp_field_name(field: Field, own: bool) -> str:
    """As written in C# docs, else PascalCase of the wire name."""
    if own and field.source_name:
        return field.source_name
    return pascal_case(field.sdk_name or field.name)


def csharp_enum_constant(model: EnumModel, value: EnumValue) -> str:
    """As written in C# docs, else PascalCase of the value."""
    if value.source_name and is_csharp(model):
        return value.source_name
    return "".join(word.capitalize() for word in enum_words(value.value)) or "Value"


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return "byte[]" if node.format == "binary" else "string"
    if node.kind is PrimitiveKind.INTEGER:
        return "int" if node.format == "int32" else "long"
    if node.kind is PrimitiveKind.NUMBER:
        return {"float": "float", "decimal": "decimal"}.get(node.format or "", "double")
    if node.kind is PrimitiveKind.BOOLEAN:
        return "bool"
    return "object"


def _literal_primitive(node: LiteralType) -> Primitive:
    value = node.value
    if isinstance(value, bool):
        return Primitive(PrimitiveKind.BOOLEAN)
    if isinstance(value, int):
        return Primitive(PrimitiveKind.INTEGER)
    if isinstance(value, float):
        return Primitive(PrimitiveKind.NUMBER)
    return Primitive(PrimitiveKind.STRING if isinstance(value, str) else PrimitiveKind.ANY)


def csharp_type(node: TypeNode) -> str:
    """A type cell: ``*string*``, ``List<*string*>``, ``[Address](../../Models/Components/Address.md)``."""
    if isinstance(node, LiteralType):
        node = _literal_primitive(node)
    if isinstance(node, Primitive):
        linked = LIBRARY_LINKS.get(node.format or "")
        if linked is not None and (
            node.kind is PrimitiveKind.STRING or node.format == "http-response"
        ):
            return f"[{linked[0]}]({linked[1]})"
        return f"*{_scalar(node)}*"
    if isinstance(node, ArrayType):
        return f"List<{csharp_type(node.items)}>"
    if isinstance(node, MapType):
        return f"Dictionary<String, {csharp_type(node.values)}>"
    if isinstance(node, RefType):
        return f"[{node.target.name}](../../{csharp_doc_path(node.target)})"
    return "*object*"


def csharp_fields_table(model: ObjectModel) -> str:
    """The ``## Fields`` table of an object model."""
    own = is_csharp(model)
    names = [csharp_field_name(field, own) for field in model.fields]
    with following(model, "csharp"):
        types = [csharp_type(field.type) for field in model.fields]
    header, rows = field_rows(model.fields, names, types, null_example(model, "csharp"))
    return md_table(header, rows)


def csharp_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    rows = [
        [f"`{csharp_enum_constant(model, value)}`", example_text(value.value)[0]]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def csharp_enum_usage(model: EnumModel) -> str | None:
    """The enum's ``## Example Usage`` code, when the C# package is known."""
    flavor = model.docs_flavor
    if flavor is None or flavor.language != "csharp" or not flavor.package or not model.values:
        return None
    example = model.examples[0] if model.examples else model.values[0].value
    chosen = next((v for v in model.values if v.value == example), model.values[0])
    return (
        f"using {flavor.package}.Models.{csharp_namespace(model.name.namespace)};\n\n"
        f"var value = {model.name.name}.{csharp_enum_constant(model, chosen)};"
    )


def _variant_name(variant: UnionVariant) -> str:
    if variant.source_name:
        return variant.source_name
    node = variant.type
    if isinstance(node, RefType):
        return node.target.name
    if isinstance(node, Primitive):
        return {
            PrimitiveKind.STRING: "Str",
            PrimitiveKind.BOOLEAN: "Boolean",
            PrimitiveKind.INTEGER: "Integer",
            PrimitiveKind.NUMBER: "Number",
        }.get(node.kind, "Any")
    return "Value"


def csharp_variants(model: UnionModel) -> list[str]:
    """The ``### `` name of each variant of ``## Supported Types``."""
    return [_variant_name(variant) for variant in model.variants]
