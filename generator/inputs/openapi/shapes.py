"""Pure questions about raw schemas (no problems reported): what will a schema become?

``SchemaReader`` and these functions must agree: a component whose schema
``makes_definition`` is referenced by name before it is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array", "null")
"""The ``type`` names of JSON Schema."""

_ANNOTATIONS = frozenset(
    (
        "description",
        "title",
        "default",
        "example",
        "examples",
        "nullable",
        "readOnly",
        "writeOnly",
        "deprecated",
        "externalDocs",
        "$comment",
        "xml",
    )
)
_OBJECT_KEYWORDS = ("properties", "additionalProperties", "required")
_NOT_OBJECT_KEYWORDS = ("enum", "const", "oneOf", "anyOf", "items", "$ref", "allOf")

RawResolver = Callable[[str], "dict[str, object] | None"]
"""Finds the raw schema a ``$ref`` string points at (``None`` when it does not resolve)."""


_CONSTRAINING = frozenset(("required", "not", "minProperties", "maxProperties"))


def union_key(schema: dict[str, object]) -> str | None:
    """``"oneOf"`` or ``"anyOf"``: the keyword listing a union's variants, if any.

    Variants that only constrain the object beside them (``properties`` with
    ``oneOf: [{required: [a]}, {required: [b]}]``) make no union: see
    ``constraint_only_variants``.
    """
    key = "oneOf" if "oneOf" in schema else "anyOf" if "anyOf" in schema else None
    if key is not None and constraint_only_variants(schema, key):
        return None
    return key


def constraint_only_variants(schema: dict[str, object], key: str) -> bool:
    """``schema`` has properties and its ``key`` variants only add ``required``-like rules."""
    variants = schema.get(key)
    if not isinstance(schema.get("properties"), dict) or not isinstance(variants, list):
        return False
    return bool(variants) and all(
        isinstance(variant, dict)
        and variant
        and all(k in _CONSTRAINING or k in _ANNOTATIONS or k.startswith("x-") for k in variant)
        for variant in variants
    )


def is_null_schema(schema: object) -> bool:
    """The schema only allows ``null`` (``type: "null"``, ``enum: [null]``, ``const: null``)."""
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    if kind == "null" or kind == ["null"]:
        return True
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(value is None for value in enum):
        return True
    return "const" in schema and schema["const"] is None


def declared_types(schema: dict[str, object]) -> list[str] | None:
    """The valid names listed by ``type`` (``None`` when ``type`` is absent or not a name/list)."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return [kind] if kind in JSON_TYPES else []
    if isinstance(kind, list):
        return [item for item in kind if isinstance(item, str) and item in JSON_TYPES]
    return None


def declares_null(schema: object) -> bool:
    """``null`` is allowed: ``nullable: true``, a ``null`` type, enum value or union variant."""
    if not isinstance(schema, dict):
        return False
    if schema.get("nullable") is True:
        return True
    kinds = declared_types(schema)
    if kinds and "null" in kinds:
        return True
    enum = schema.get("enum")
    if isinstance(enum, list) and None in enum:
        return True
    key = union_key(schema)
    if key is not None:
        variants = schema[key]
        if isinstance(variants, list) and any(is_null_schema(v) for v in variants):
            return True
    return False


_PRIMITIVE_TYPES = ("string", "integer", "number", "boolean")
_STRUCTURE = (
    "$ref",
    "enum",
    "const",
    "oneOf",
    "anyOf",
    "allOf",
    "properties",
    "additionalProperties",
    "items",
)


def primitive_type(schema: object) -> str | None:
    """The one primitive type (``string``...) of a schema with no other structure, else ``None``."""
    if not isinstance(schema, dict) or any(key in schema for key in _STRUCTURE):
        return None
    kinds = [kind for kind in declared_types(schema) or [] if kind != "null"]
    if len(kinds) == 1 and kinds[0] in _PRIMITIVE_TYPES:
        return kinds[0]
    return None


def is_primitive_union(variants: list[object]) -> bool:
    """All variants are plain schemas of one primitive type (``string`` with a pattern or a format).

    Speakeasy gives such a union no name (it is just a string); it stays an
    anonymous ``UnionType`` so each variant's constraints are kept.
    """
    kinds = {primitive_type(variant) for variant in variants}
    return len(kinds) == 1 and None not in kinds


def is_annotation_only(schema: object) -> bool:
    """The schema only annotates (description, default...): it constrains nothing."""
    if not isinstance(schema, dict):
        return schema is True
    return all(key in _ANNOTATIONS or key.startswith("x-") for key in schema)


def is_object_part(schema: dict[str, object]) -> bool:
    """The schema describes an object (and nothing else), so it can be merged by ``allOf``."""
    if any(key in schema for key in _NOT_OBJECT_KEYWORDS):
        return False
    kinds = declared_types(schema)
    if kinds is not None:
        return [kind for kind in kinds if kind != "null"] == ["object"]
    return any(key in schema for key in _OBJECT_KEYWORDS)


@dataclass(frozen=True, slots=True)
class AllOfPlan:
    """How an ``allOf`` is read."""

    kind: Literal["single", "merge", "ignore", "unsupported"]
    """``single``: read one entry in its place; ``merge``: merge object schemas into one model;
    ``ignore``: only annotations, read the schema as if ``allOf`` were absent;
    ``unsupported``: cannot be read yet (``reason`` says why)."""
    single_index: int = 0
    """Index of the entry to read, for ``single``."""
    parts: tuple[tuple[dict[str, object], str], ...] = ()
    """Object schemas to merge with their JSON pointers, for ``merge``."""
    reason: str = ""
    """Why, for ``unsupported``."""


def plan_all_of(schema: dict[str, object], ptr: str, resolve: RawResolver) -> AllOfPlan:
    """Decide how ``schema['allOf']`` (``schema`` at ``ptr``) is read."""
    entries = schema.get("allOf")
    if not isinstance(entries, list):
        return AllOfPlan("unsupported", reason="allOf is not a list; expected a list of schemas")
    effective = [
        (index, entry) for index, entry in enumerate(entries) if not is_annotation_only(entry)
    ]
    own = any(key in schema for key in _OBJECT_KEYWORDS)
    if not effective:
        return AllOfPlan("ignore")
    if len(effective) == 1 and not own:
        return AllOfPlan("single", single_index=effective[0][0])
    parts: list[tuple[dict[str, object], str]] = []
    for index, entry in effective:
        if not _collect_parts(entry, f"{ptr}/allOf/{index}", resolve, parts, set()):
            return AllOfPlan(
                "unsupported",
                reason="allOf combines schemas that are not all objects; "
                "expected object schemas (or a single schema)",
            )
    if own:
        parts.append(({k: v for k, v in schema.items() if k != "allOf"}, ptr))
    return AllOfPlan("merge", parts=tuple(parts))


def object_parts(
    schema: object, ptr: str, resolve: RawResolver
) -> tuple[tuple[dict[str, object], str], ...] | None:
    """The object schemas ``schema`` (at ``ptr``) stands for, through ``$ref`` and ``allOf``,
    each with its JSON pointer; ``None`` when one of them is no object schema."""
    parts: list[tuple[dict[str, object], str]] = []
    if not _collect_parts(schema, ptr, resolve, parts, set()):
        return None
    return tuple(parts)


def _collect_parts(
    schema: object,
    ptr: str,
    resolve: RawResolver,
    parts: list[tuple[dict[str, object], str]],
    seen: set[int],
) -> bool:
    """Append the object schemas ``schema`` stands for; ``False`` if one is not an object."""
    if not isinstance(schema, dict) or id(schema) in seen:
        return False
    seen = seen | {id(schema)}
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = resolve(ref)
        if target is None:
            return False
        return _collect_parts(target, ref[1:] if ref.startswith("#") else ref, resolve, parts, seen)
    entries = schema.get("allOf")
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            if is_annotation_only(entry):
                continue
            if not _collect_parts(entry, f"{ptr}/allOf/{index}", resolve, parts, seen):
                return False
        if any(key in schema for key in _OBJECT_KEYWORDS):
            parts.append(({k: v for k, v in schema.items() if k != "allOf"}, ptr))
        return True
    if not is_object_part(schema):
        return False
    parts.append((schema, ptr))
    return True


def makes_definition(schema: object, ptr: str, resolve: RawResolver) -> bool:
    """Reading ``schema`` with a reserved name makes a definition of that name."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if "allOf" in schema:
        plan = plan_all_of(schema, ptr, resolve)
        if plan.kind == "single":
            entries = schema["allOf"]
            assert isinstance(entries, list)
            return makes_definition(entries[plan.single_index], ptr, resolve)
        if plan.kind != "ignore":
            return plan.kind == "merge"
    key = union_key(schema)
    if key is not None:
        variants = schema[key]
        if not isinstance(variants, list) or not variants:
            return False
        others = [variant for variant in variants if not is_null_schema(variant)]
        if len(others) == 1 and "discriminator" not in schema:
            return makes_definition(others[0], ptr, resolve)
        return len(others) > 1 and not is_primitive_union(others)
    if "enum" in schema:
        return enum_makes_definition(schema)
    if "const" in schema:
        return False
    kinds = declared_types(schema)
    if kinds is not None:
        kinds = [kind for kind in kinds if kind != "null"]
        if len(kinds) != 1:
            return False
        kind = kinds[0]
    else:
        kind = inferred_type(schema)
    return kind == "object" and object_makes_model(schema)


def enum_makes_definition(schema: dict[str, object]) -> bool:
    """An ``enum`` becomes an ``EnumModel``: it lists a non-null value (a scalar, a list or a
    mapping) and is not boolean."""
    values = schema.get("enum")
    if not isinstance(values, list):
        return False
    if all(value is None for value in values):
        return False
    kinds = declared_types(schema) or []
    return "boolean" not in kinds


def object_makes_model(schema: dict[str, object]) -> bool:
    """An object schema becomes an ``ObjectModel`` (it lists properties, or allows no others)."""
    properties = schema.get("properties")
    return bool(isinstance(properties, dict) and properties) or (
        schema.get("additionalProperties") is False
    )


def inferred_type(schema: dict[str, object]) -> str:
    """The type of a schema without ``type``: from its keywords, else ``"any"``."""
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return "any"
