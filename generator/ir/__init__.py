"""The intermediate representation (IR): the contract between input parsers and templates.

Every class here is a frozen, slotted dataclass; see each attribute's docstring.
``docs/template-context.md`` lists them for template authors.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.ir.definitions import (
        DOCS_FACTS,
        AliasModel,
        Definition,
        DocsFlavor,
        EnumModel,
        EnumValue,
        Field,
        ObjectModel,
        Schema,
        UnionModel,
        UnionVariant,
        sort_definitions,
    )
    from generator.ir.location import Location
    from generator.ir.operations import (
        Header,
        MediaType,
        Operation,
        Parameter,
        RequestBody,
        Response,
        SecurityRequirement,
        SecurityScheme,
    )
    from generator.ir.rules import DynamicRef, NamedRules, Rules, Validator
    from generator.ir.types import (
        NO_CONSTRAINTS,
        ArrayType,
        Constraints,
        Default,
        FrozenJson,
        JsonObject,
        JsonScalar,
        JsonValue,
        LiteralType,
        MapType,
        Primitive,
        PrimitiveKind,
        RefType,
        TypeName,
        TypeNode,
        UnionType,
        freeze,
        is_scalar,
        json_text,
        thaw,
        walk_types,
    )

_HOMES = {
    "AliasModel": "definitions",
    "ArrayType": "types",
    "Constraints": "types",
    "DOCS_FACTS": "definitions",
    "Default": "types",
    "Definition": "definitions",
    "DocsFlavor": "definitions",
    "DynamicRef": "rules",
    "EnumModel": "definitions",
    "EnumValue": "definitions",
    "Field": "definitions",
    "FrozenJson": "types",
    "Header": "operations",
    "JsonObject": "types",
    "JsonScalar": "types",
    "JsonValue": "types",
    "LiteralType": "types",
    "Location": "location",
    "MapType": "types",
    "MediaType": "operations",
    "NO_CONSTRAINTS": "types",
    "NamedRules": "rules",
    "ObjectModel": "definitions",
    "Operation": "operations",
    "Parameter": "operations",
    "Primitive": "types",
    "PrimitiveKind": "types",
    "RefType": "types",
    "RequestBody": "operations",
    "Response": "operations",
    "Rules": "rules",
    "Schema": "definitions",
    "SecurityRequirement": "operations",
    "SecurityScheme": "operations",
    "TypeName": "types",
    "TypeNode": "types",
    "UnionModel": "definitions",
    "UnionType": "types",
    "UnionVariant": "definitions",
    "Validator": "rules",
    "freeze": "types",
    "is_scalar": "types",
    "json_text": "types",
    "sort_definitions": "definitions",
    "thaw": "types",
    "walk_types": "types",
}
"""The module of each public name: they are imported on first use, so that a run needing
only ``Location`` (an unchanged run, the cache's fast path) does not build every IR class."""

__all__ = [
    "DOCS_FACTS",
    "NO_CONSTRAINTS",
    "AliasModel",
    "ArrayType",
    "Constraints",
    "Default",
    "Definition",
    "DocsFlavor",
    "DynamicRef",
    "EnumModel",
    "EnumValue",
    "Field",
    "FrozenJson",
    "Header",
    "JsonObject",
    "JsonScalar",
    "JsonValue",
    "LiteralType",
    "Location",
    "MapType",
    "MediaType",
    "NamedRules",
    "ObjectModel",
    "Operation",
    "Parameter",
    "Primitive",
    "PrimitiveKind",
    "RefType",
    "RequestBody",
    "Response",
    "Rules",
    "Schema",
    "SecurityRequirement",
    "SecurityScheme",
    "TypeName",
    "TypeNode",
    "UnionModel",
    "UnionType",
    "UnionVariant",
    "Validator",
    "freeze",
    "is_scalar",
    "json_text",
    "sort_definitions",
    "thaw",
    "walk_types",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"generator.ir.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
