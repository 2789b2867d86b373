"""The intermediate representation (IR): the contract between input parsers and templates.

Every class here is a frozen, slotted dataclass; see each attribute's docstring.
``docs/template-context.md`` lists them for template authors.
"""

from generator.ir.definitions import (
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
from generator.ir.types import (
    NO_CONSTRAINTS,
    ArrayType,
    Constraints,
    Default,
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
    walk_types,
)

__all__ = [
    "NO_CONSTRAINTS",
    "ArrayType",
    "Constraints",
    "Default",
    "Definition",
    "DocsFlavor",
    "EnumModel",
    "EnumValue",
    "Field",
    "Header",
    "JsonScalar",
    "JsonValue",
    "LiteralType",
    "Location",
    "MapType",
    "MediaType",
    "ObjectModel",
    "Operation",
    "Parameter",
    "Primitive",
    "PrimitiveKind",
    "RefType",
    "RequestBody",
    "Response",
    "Schema",
    "SecurityRequirement",
    "SecurityScheme",
    "TypeName",
    "TypeNode",
    "UnionModel",
    "UnionType",
    "UnionVariant",
    "sort_definitions",
    "walk_types",
]
