"""An ``allOf`` over a union whose variants are used elsewhere: one copy of each variant.

Speakeasy's generators read ``allOf: [{$ref: Output}, {properties: ...}]``, where ``Output``
is a ``oneOf`` of ``$ref`` s to components, as a union of merged models, one per variant.
When a variant's component is used elsewhere too (here: the union ``Output`` itself is), it
cannot be the merged model (``spread.in_place``); the SDK makes a copy of it, merged with the
properties beside the union and named after the owner and the variant
(``OutputResponse`` + ``OutputSyslog`` -> ``OutputResponseOutputSyslog``).  The inline
schemas of a copy are read again inside it (the components it refers to are not copied);
they carry the copied variant's discriminator value (``Hint.qualifier``), by which the
``speakeasy-2025`` naming tells the copies apart (``name_resolution``).  Read only when
``Context.spread_union_all_of`` is set (as the in-place spread), never by default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.inputs.openapi import metadata
from generator.inputs.openapi.models import claim_name, object_model
from generator.inputs.openapi.names import Hint, type_name_part
from generator.inputs.openapi.shapes import (
    constraint_only_variants,
    is_annotation_only,
    is_null_schema,
    object_parts,
)
from generator.inputs.openapi.spread import is_union_entry, union_parts
from generator.inputs.openapi.typed import Typed
from generator.ir import NO_CONSTRAINTS, RefType, TypeName, UnionModel, UnionVariant

if TYPE_CHECKING:
    from generator.inputs.openapi.schemas import SchemaReader

Parts = tuple[tuple[dict[str, object], str], ...]
"""Object schemas merged into one model, each with its JSON pointer."""


def union_of_copies(
    reader: SchemaReader, schema: dict[str, object], ptr: str, line: int | None, hint: Hint
) -> Typed | None:
    """The union of per-variant copies ``schema`` (an ``allOf`` with one union among object
    schemas) is read as, or ``None`` when it is no such ``allOf`` or a variant is no object
    component of the main document (the ``allOf`` is then read as before)."""
    found = union_parts(schema, reader.raw_target)
    if found is None:
        return None
    key, union, _ = found
    variants = union[key]
    assert isinstance(variants, list)
    beside = _beside(schema, ptr, reader)
    if beside is None:
        return None
    planned: list[tuple[str, TypeName, Parts, dict[str, object], str]] = []
    for variant in variants:
        if is_null_schema(variant):
            continue
        copy = _variant(reader, variant)
        if copy is None:
            return None
        planned.append(copy)
    if len(planned) < 2:
        return None
    ctx = reader.ctx
    values = _discriminator_values(union)
    owner = claim_name(ctx, hint, schema, ptr)
    reader.stands_for(ptr, owner)  # a variant referring back to the owner refers to the union
    made: list[UnionVariant] = []
    copies: dict[TypeName, TypeName] = {}
    ctx.building += 1
    try:
        for ref, component, parts, raw, variant_ptr in planned:
            name = ctx.names.unique(owner.namespace, owner.name + component.name)
            ctx.names.reserve(name)
            qualifier = type_name_part(values.get(ref, [""])[0]) or component.name
            copy_hint = Hint(owner.namespace, hint.root, name.name, exact=name, qualifier=qualifier)
            variant_line = ctx.document.key_line(raw, "properties")
            typed = object_model(
                reader, raw, variant_ptr, variant_line, copy_hint, parts + beside, NO_CONSTRAINTS
            )
            assert isinstance(typed.type, RefType)
            copies[component] = typed.type.target
            made.append(UnionVariant(typed.type, ctx.location(variant_line, variant_ptr)))
    finally:
        ctx.building -= 1
    discriminator, mapping = _mapping(union, planned, copies)
    ctx.definitions.append(
        UnionModel(
            owner,
            tuple(made),
            ctx.location(line, ptr),
            description=metadata.description(ctx, schema, ptr) or hint.description,
            deprecated=metadata.flag(ctx, schema, ptr, "deprecated"),
            discriminator=discriminator,
            mapping=mapping,
        )
    )
    nullable = any(is_null_schema(variant) for variant in variants)
    return Typed(RefType(owner), nullable)


def _beside(schema: dict[str, object], ptr: str, reader: SchemaReader) -> Parts | None:
    """The object schemas beside the union (other ``allOf`` entries, the schema's own
    properties), each with its pointer; ``None`` when one is no object schema."""
    entries = schema["allOf"]
    assert isinstance(entries, list)
    parts: list[tuple[dict[str, object], str]] = []
    for index, entry in enumerate(entries):
        if is_annotation_only(entry) or is_union_entry(entry, reader.raw_target):
            continue
        found = object_parts(entry, f"{ptr}/allOf/{index}", reader.raw_target)
        if found is None:
            return None
        parts.extend(found)
    own: dict[str, object] = {
        k: schema[k] for k in ("properties", "required", "additionalProperties") if k in schema
    }
    if own:
        parts.append((own, ptr))
    return tuple(parts)


def _variant(
    reader: SchemaReader, variant: object
) -> tuple[str, TypeName, Parts, dict[str, object], str] | None:
    """A variant to copy: its ``$ref``, component name, object parts, schema and pointer;
    ``None`` when it is no ``$ref`` to an object component of the main document."""
    ref = variant.get("$ref") if isinstance(variant, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return None
    key = reader.components.key_of_pointer(ref[1:])
    raw = reader.raw_target(ref)
    if key is None or raw is None:
        return None
    for rules in ("oneOf", "anyOf"):  # only required properties combined: read as the object
        if rules in raw and constraint_only_variants(raw, rules):
            raw = {k: v for k, v in raw.items() if k != rules}
    parts = object_parts(raw, ref[1:], reader.raw_target)
    if parts is None:
        return None
    return ref, reader.components.names[key], parts, raw, ref[1:]


def _discriminator_values(union: dict[str, object]) -> dict[str, list[str]]:
    """The discriminator values of each variant ``$ref`` (``discriminator.mapping``), in the
    mapping's order: two values may name one variant."""
    found = union.get("discriminator")
    mapping = found.get("mapping") if isinstance(found, dict) else None
    if not isinstance(mapping, dict):
        return {}
    values: dict[str, list[str]] = {}
    for value, ref in mapping.items():
        if isinstance(ref, str):
            values.setdefault(ref, []).append(str(value))
    return values


def _mapping(
    union: dict[str, object],
    planned: list[tuple[str, TypeName, Parts, dict[str, object], str]],
    copies: dict[TypeName, TypeName],
) -> tuple[str | None, tuple[tuple[str, TypeName], ...]]:
    """The union's discriminator property and its values mapped to the copies (every value
    of a variant, in the mapping's order)."""
    found = union.get("discriminator")
    prop = found.get("propertyName") if isinstance(found, dict) else None
    if not isinstance(prop, str):
        return None, ()
    copy_of = {ref: copies[component] for ref, component, *_ in planned}
    listed = found.get("mapping") if isinstance(found, dict) else None
    order = listed.items() if isinstance(listed, dict) else ()
    mapping = tuple(
        (str(value), copy_of[ref])
        for value, ref in order
        if isinstance(ref, str) and ref in copy_of
    )
    return prop, mapping
