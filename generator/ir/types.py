"""Type expressions of the IR: structured nodes, never type strings.

A field's type is a tree of these nodes.  ``Primitive`` leaves carry the kind
(string, integer, ...) and, where the source gives them, a format and
validation constraints.  Containers (``ArrayType``, ``MapType``) nest other
nodes; ``RefType`` points at a named definition of the schema; ``LiteralType``
is a single allowed value (OpenAPI ``const``).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeGuard, Union

JsonScalar = Union[str, int, float, bool, None]  # noqa: UP007
"""A JSON value that is not a container."""

JsonValue = Union[JsonScalar, list["JsonValue"], dict[str, "JsonValue"]]  # noqa: UP007
"""Any JSON value."""


@dataclass(frozen=True, slots=True, eq=False)
class JsonObject:
    """A JSON object kept frozen (a member of ``FrozenJson``): its members in source order.

    Equal to another ``JsonObject`` with the same members in any order, and hashable, as
    JSON objects compare; ``thaw`` gives the plain ``dict``.
    """

    members: tuple[tuple[str, FrozenJson], ...]
    """``(name, value)`` of each member, in source order; names are distinct."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JsonObject):
            return NotImplemented
        return frozenset(self.members) == frozenset(other.members)

    def __hash__(self) -> int:
        return hash(frozenset(self.members))


FrozenJson = Union[JsonScalar, tuple["FrozenJson", ...], JsonObject]  # noqa: UP007
"""Any JSON value, immutable and hashable: an array is a ``tuple``, an object a ``JsonObject``
(an enum member that is a list or a mapping, ``EnumValue.value``)."""


def freeze(value: JsonValue) -> FrozenJson:
    """``value`` as a ``FrozenJson``: lists become tuples, dicts ``JsonObject`` (order kept)."""
    if isinstance(value, list):
        return tuple(freeze(item) for item in value)
    if isinstance(value, dict):
        return JsonObject(tuple((str(key), freeze(item)) for key, item in value.items()))
    return value


def thaw(value: FrozenJson) -> JsonValue:
    """The plain JSON value of a ``FrozenJson`` (tuples become lists, ``JsonObject`` dicts)."""
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    if isinstance(value, JsonObject):
        return {key: thaw(item) for key, item in value.members}
    return value


def is_scalar(value: FrozenJson) -> TypeGuard[JsonScalar]:
    """``value`` is no array or object."""
    return not isinstance(value, tuple | JsonObject)


def json_text(value: FrozenJson) -> str:
    """``value`` as one line of JSON (``[1, 2]``, ``{"a": true}``), members in source order."""
    return json.dumps(thaw(value), ensure_ascii=False)


class PrimitiveKind(enum.StrEnum):
    """The language-neutral kinds of leaf values."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    ANY = "any"
    """Any JSON value (OpenAPI ``{}``, Go ``any``)."""


@dataclass(frozen=True, slots=True)
class Constraints:
    """Validation keywords of a value; ``None`` means "no such constraint".

    A source that cannot express constraints (markdown docs) leaves every
    attribute ``None``; nothing is guessed.
    """

    min_length: int | None = None
    """Shortest allowed string, in characters."""
    max_length: int | None = None
    """Longest allowed string, in characters."""
    pattern: str | None = None
    """ECMA-262 regular expression a string must match (unanchored)."""
    minimum: int | float | None = None
    """Smallest allowed number (inclusive)."""
    maximum: int | float | None = None
    """Largest allowed number (inclusive)."""
    exclusive_minimum: int | float | None = None
    """Numbers must be strictly greater than this."""
    exclusive_maximum: int | float | None = None
    """Numbers must be strictly smaller than this."""
    multiple_of: int | float | None = None
    """Numbers must be a multiple of this."""
    min_items: int | None = None
    """Fewest items of an array."""
    max_items: int | None = None
    """Most items of an array."""
    unique_items: bool | None = None
    """Array items must be pairwise distinct."""
    min_properties: int | None = None
    """Fewest entries of a map."""
    max_properties: int | None = None
    """Most entries of a map."""

    def is_empty(self) -> bool:
        """True when no constraint is set."""
        return _constraint_values(self) == _NO_VALUES


_constraint_values = attrgetter(*Constraints.__slots__)
_NO_VALUES = (None,) * len(Constraints.__slots__)
NO_CONSTRAINTS = Constraints()
"""The shared empty ``Constraints``."""


@dataclass(frozen=True, slots=True)
class Primitive:
    """A leaf value: string, integer, number, boolean or any."""

    kind: PrimitiveKind
    """What kind of value."""
    format: str | None = None
    """OpenAPI format (``date-time``, ``email``, ``int64``, ...); ``None`` when unknown."""
    constraints: Constraints = NO_CONSTRAINTS
    """Validation constraints on the value."""


@dataclass(frozen=True, slots=True)
class ArrayType:
    """A JSON array whose items all have one type."""

    items: TypeNode
    """The type of each item."""
    constraints: Constraints = NO_CONSTRAINTS
    """Item counts and uniqueness."""
    items_nullable: bool | None = False
    """Items may be ``null``; ``None`` when the source does not say."""


@dataclass(frozen=True, slots=True)
class MapType:
    """A JSON object used as a dictionary from string keys to values of one type."""

    values: TypeNode
    """The type of each value."""
    constraints: Constraints = NO_CONSTRAINTS
    """Property counts."""
    values_nullable: bool | None = False
    """Values may be ``null``; ``None`` when the source does not say."""


@dataclass(frozen=True, slots=True)
class TypeName:
    """The qualified name of a definition: namespace plus name."""

    namespace: str
    """Group of the definition, e.g. ``operations`` or ``components``."""
    name: str
    """PascalCase name, e.g. ``TrackLeadRequestBody``."""

    def __str__(self) -> str:
        return f"{self.namespace}.{self.name}"


@dataclass(frozen=True, slots=True)
class RefType:
    """A reference to a named definition (object model, enum or union) of the schema."""

    target: TypeName
    """Which definition is referenced."""


@dataclass(frozen=True, slots=True)
class LiteralType:
    """Exactly one allowed value (OpenAPI ``const``)."""

    value: JsonScalar
    """The value."""


@dataclass(frozen=True, slots=True)
class UnionType:
    """An anonymous union: the value matches one of the variants."""

    variants: tuple[TypeNode, ...]
    """The alternatives, in source order."""


TypeNode = Union[Primitive, ArrayType, MapType, RefType, LiteralType, UnionType]  # noqa: UP007
"""Any type expression of the IR."""


@dataclass(frozen=True, slots=True)
class Default:
    """A default value; wrapping it lets ``Default(None)`` (default null) differ from no default."""

    value: JsonValue
    """The default, as JSON."""


def walk_types(node: TypeNode) -> list[TypeNode]:
    """Return ``node`` and every node nested in it, depth first."""
    found: list[TypeNode] = [node]
    if isinstance(node, ArrayType):
        found.extend(walk_types(node.items))
    elif isinstance(node, MapType):
        found.extend(walk_types(node.values))
    elif isinstance(node, UnionType):
        for variant in node.variants:
            found.extend(walk_types(variant))
    return found


def referenced_names(nodes: list[TypeNode]) -> list[TypeName]:
    """The model names the type nodes refer to, nested ones included (a worklist's order)."""
    found: list[TypeName] = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, RefType):
            found.append(node.target)
        elif isinstance(node, ArrayType):
            stack.append(node.items)
        elif isinstance(node, MapType):
            stack.append(node.values)
        elif isinstance(node, UnionType):
            stack.extend(node.variants)
    return found


__all__ = [
    "NO_CONSTRAINTS",
    "ArrayType",
    "Constraints",
    "Default",
    "FrozenJson",
    "JsonObject",
    "JsonScalar",
    "JsonValue",
    "LiteralType",
    "MapType",
    "Primitive",
    "PrimitiveKind",
    "RefType",
    "TypeName",
    "TypeNode",
    "UnionType",
    "freeze",
    "is_scalar",
    "json_text",
    "thaw",
    "walk_types",
]
