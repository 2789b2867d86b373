"""Speakeasy C# SDK doc conventions: ``Models/<Ns>/<Name>.md``, ``*string*`` / ``List<T>`` cells.

C# docs never mark optional or nullable values.  Names as written in C#
docs are used only when the definition was read from C# docs; otherwise
field names are PascalCase of the wire names.
"""

from __future__ import annotations

from generator.ir import (
    ArrayType,
    EnumModel,
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
from generator.render.filters import docs_lexicon as lexicon
from generator.render.filters.markdown import models_link, names_sdk_class, shows

LIBRARY_LINKS = {
    "date-time": (
        "DateTime",
        "https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0",
    ),
    "date": ("LocalDate", "https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html"),
    "date-only": (
        "DateOnly",
        "https://learn.microsoft.com/en-us/dotnet/api/system.dateonly?view=net-6.0",
    ),
    "http-response": (
        "HttpResponseMessage",
        "https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage?view=net-5.0",
    ),
}
"""Library types by IR format, and their reference pages (``date-only``: a date where the tree
writes ``DateOnly``, style fact ``date-only``)."""


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


LEXICON = lexicon.DocsLexicon("csharp", pascal_case, lexicon.pascal_words, "Value")
"""C# field names and enum constants are PascalCase."""


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


def csharp_type(node: TypeNode, owner: TypeName | None = None) -> str:
    """A type cell: ``*string*``, ``List<*string*>``, ``[Address](../../Models/Components/Address.md)``.

    A model named like ``owner`` (the model whose doc this is) but of another namespace, or
    like one of the SDK's own classes (``DocsFlavor.sdk_classes``), is labelled fully qualified,
    ``Models.Components.Address``, as C# must name it there.
    """
    if isinstance(node, LiteralType):
        node = lexicon.literal_primitive(node)
    if isinstance(node, Primitive):
        if node.format == "http-request":
            return "*HttpRequestMessage*"
        spelled = "date-only" if node.format == "date" and shows("date-only") else node.format
        linked = LIBRARY_LINKS.get(spelled or "")
        if linked is not None and (
            node.kind is PrimitiveKind.STRING or node.format == "http-response"
        ):
            return f"[{linked[0]}]({linked[1]})"
        return f"*{_scalar(node)}*"
    if isinstance(node, ArrayType):
        return f"List<{csharp_type(node.items, owner)}>"
    if isinstance(node, MapType):
        return f"Dictionary<String, {csharp_type(node.values, owner)}>"
    if isinstance(node, RefType):
        target = node.target
        label = target.name
        if (
            owner is not None and target.name == owner.name and target != owner
        ) or names_sdk_class(target.name):
            label = f"Models.{csharp_namespace(target.namespace)}.{target.name}"
        return f"[{label}]({models_link(csharp_doc_path(target))})"
    return "*object*"


def csharp_fields_table(model: ObjectModel) -> str:
    """The ``## Fields`` table of an object model."""
    return lexicon.fields_table(LEXICON, model, lambda field: csharp_type(field.type, model.name))


def csharp_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    return lexicon.values_table(LEXICON, model)


def csharp_enum_usage(model: EnumModel) -> str | None:
    """The enum's ``## Example Usage`` code, when the C# package is known."""
    flavor = lexicon.usage_flavor(LEXICON, model)
    if flavor is None:
        return None
    return (
        f"using {flavor.package}.Models.{csharp_namespace(model.name.namespace)};\n\n"
        f"var value = {model.name.name}.{lexicon.example_constant(LEXICON, model)};"
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
