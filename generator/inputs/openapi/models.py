"""Named definitions made from schemas: object models (and maps), enums, unions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi import metadata
from generator.inputs.openapi.constraints import for_kind
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join
from generator.inputs.openapi.names import Hint, ordinal
from generator.inputs.openapi.namings import SPEAKEASY_2025
from generator.inputs.openapi.shapes import is_null_schema, is_primitive_union
from generator.inputs.openapi.typed import ANY, Typed
from generator.ir import (
    Constraints,
    EnumModel,
    EnumValue,
    Field,
    LiteralType,
    MapType,
    ObjectModel,
    RefType,
    TypeName,
    TypeNode,
    UnionModel,
    UnionType,
    UnionVariant,
    freeze,
)

if TYPE_CHECKING:
    from generator.inputs.openapi.schemas import SchemaReader

_UNKNOWN_VALUES = "x-speakeasy-unknown-values"

_Located = tuple[object, str, int | None]
"""A raw schema with its JSON pointer and line."""


def object_model(
    reader: SchemaReader,
    outer: dict[str, object],
    ptr: str,
    line: int | None,
    hint: Hint,
    parts: tuple[tuple[dict[str, object], str], ...],
    constraints: Constraints,
) -> Typed:
    """An object: an ``ObjectModel`` when it lists properties (or forbids others), else a map.

    ``parts`` are the schemas whose properties are merged: just ``outer`` for
    a plain object, the entries of an ``allOf`` otherwise (a property listed
    again keeps its first position and takes the later schema).
    """
    ctx = reader.ctx
    properties: dict[str, _Located] = {}
    required: set[str] = set()
    additional: _Located | None = None
    for part, part_ptr in parts:
        listed = kw.mapping(ctx, part, part_ptr, "properties")
        if listed:
            listed_ptr = join(part_ptr, "properties")
            for prop, schema in listed.items():
                if str(prop).startswith("x-") and not isinstance(schema, dict | bool):
                    ctx.key_warning(
                        listed,
                        listed_ptr,
                        prop,
                        f"{prop} is {kw.describe(schema)}, not a schema (an extension key); "
                        "skipped",
                    )
                    continue
                properties[prop] = (
                    schema,
                    join(listed_ptr, prop),
                    ctx.document.key_line(listed, prop),
                )
        required.update(kw.string_list(ctx, part, part_ptr, "required"))
        if "additionalProperties" in part:
            additional = (
                part["additionalProperties"],
                join(part_ptr, "additionalProperties"),
                ctx.document.key_line(part, "additionalProperties"),
            )
    merged = len(parts) > 1 or parts[0][0] is not outer
    closed = additional is not None and additional[0] is False
    empty_model = ctx.naming == SPEAKEASY_2025 and additional is None
    if not properties and not closed and not merged and not empty_model:
        values = Typed(ANY)
        if additional is not None:
            values = reader.read(*additional, hint)
        nullable = values.nullable or values.type == ANY  # any value includes null
        return Typed(MapType(values.type, for_kind(constraints, "object"), nullable))

    named_by = outer if not merged else merged_name_source(ctx, outer, ptr, parts)
    name = claim_name(ctx, hint, named_by, ptr)
    hint = hint.inside_copy(name)
    fields = []
    ctx.building += 1
    try:
        for field_name, (schema, field_ptr, field_line) in properties.items():
            child = hint.child(field_name, name.name, raw=True)
            typed = reader.read(schema, field_ptr, field_line, child)
            field = make_field(
                ctx, field_name, schema, field_ptr, field_line, typed, field_name in required
            )
            if field.description is None:
                field = replace(field, description=_referenced_description(reader, schema))
            fields.append(field)
        extra: TypeNode | None = None
        if additional is not None and not closed:
            extra = reader.read(*additional, hint.child("AdditionalProperties", name.name)).type
    finally:
        ctx.building -= 1
    ctx.definitions.append(
        ObjectModel(
            name,
            tuple(fields),
            ctx.location(line, ptr),
            description=metadata.description(ctx, outer, ptr) or hint.description,
            deprecated=metadata.flag(ctx, outer, ptr, "deprecated"),
            additional_properties=extra,
            constraints=for_kind(constraints, "object"),
            closed=closed,
        )
    )
    return Typed(RefType(name))


def _referenced_description(reader: SchemaReader, schema: object) -> str | None:
    """The description of the schema a ``$ref`` property points at (what the field is)."""
    if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
        return None
    target = reader.raw_target(str(schema["$ref"]))
    text = target.get("description") if target is not None else None
    return text.rstrip() or None if isinstance(text, str) else None


def merged_name_source(
    ctx: Context,
    outer: dict[str, object],
    ptr: str,
    parts: tuple[tuple[dict[str, object], str], ...],
) -> dict[str, object]:
    """The schema whose title (or override) names an ``allOf`` merge: its own, else the first
    merged part's that has one, as Speakeasy's merge keeps a part's title (an ``allOf`` of the
    titled ``PaginatedList`` and an inline object asks for ``PaginatedList``)."""
    if metadata.preferred_name(ctx, outer, ptr) is not None:
        return outer
    for part, part_ptr in parts:
        if part is not outer and metadata.preferred_name(ctx, part, part_ptr) is not None:
            return part
    return outer


def claim_name(ctx: Context, hint: Hint, schema: dict[str, object], ptr: str) -> TypeName:
    """The name of the definition made from ``schema`` (its title or override, else ``hint``)."""
    preferred = metadata.preferred_name(ctx, schema, ptr)
    name = ctx.names.claim(hint, preferred, metadata.names_itself(schema))
    if hint.copy_of is not None:
        ctx.copies[name] = hint.copy_of
    return name


def make_field(
    ctx: Context,
    name: str,
    schema: object,
    ptr: str,
    line: int | None,
    typed: Typed,
    required: bool,
) -> Field:
    """The field for property ``name`` whose schema read as ``typed``."""
    location = ctx.location(line, ptr)
    if not isinstance(schema, dict):
        return Field(name, typed.type, required, typed.nullable, location)
    return Field(
        name,
        typed.type,
        required,
        typed.nullable,
        location,
        description=metadata.description(ctx, schema, ptr),
        examples=metadata.examples(ctx, schema, ptr),
        default=metadata.default(schema),
        deprecated=metadata.flag(ctx, schema, ptr, "deprecated"),
        read_only=metadata.flag(ctx, schema, ptr, "readOnly"),
        write_only=metadata.flag(ctx, schema, ptr, "writeOnly"),
        sdk_name=metadata.name_override(ctx, schema, ptr),
    )


def enum_values(ctx: Context, values: list[object], ptr: str) -> list[EnumValue]:
    """The non-null values of an ``enum`` list (at ``ptr``): scalars, and lists or mappings
    kept frozen (``freeze``: tuples and ``JsonObject``)."""
    found = []
    for index, value in enumerate(values):
        if value is None:
            continue
        location = ctx.location(ctx.document.item_line(values, index), join(ptr, index))
        if isinstance(value, str | int | float | bool):
            found.append(EnumValue(value, location))
        elif isinstance(value, list | dict):
            found.append(EnumValue(freeze(value), location))
        else:
            ctx.problem(
                location,
                f"enum item {index} is {kw.describe(value)}; expected a JSON value",
            )
    return found


def enum_model(
    reader: SchemaReader,
    schema: dict[str, object],
    ptr: str,
    line: int | None,
    hint: Hint,
    values: list[object],
    nullable: bool,
) -> Typed:
    """An ``EnumModel`` of the listed values (``null`` makes the type nullable instead)."""
    ctx = reader.ctx
    found = enum_values(ctx, values, join(ptr, "enum"))
    name = claim_name(ctx, hint, schema, ptr)
    unknown = kw.string(ctx, schema, ptr, _UNKNOWN_VALUES)
    ctx.definitions.append(
        EnumModel(
            name,
            tuple(found),
            ctx.location(line, ptr),
            description=metadata.description(ctx, schema, ptr) or hint.description,
            deprecated=metadata.flag(ctx, schema, ptr, "deprecated"),
            open=unknown == "allow",
        )
    )
    return Typed(RefType(name), nullable)


def union_model(
    reader: SchemaReader,
    schema: dict[str, object],
    ptr: str,
    line: int | None,
    hint: Hint,
    key: str,
) -> Typed:
    """``oneOf``/``anyOf``: ``null`` variants make it nullable; one variant left is read in place."""
    ctx = reader.ctx
    variants = kw.sequence(ctx, schema, ptr, key)
    if variants is None:
        return Typed(ANY)
    if not variants:
        ctx.key_warning(schema, ptr, key, f"{key} is empty; read as no constraint")
        rest = {k: v for k, v in schema.items() if k != key}
        return reader.read(rest, ptr, line, hint)
    list_ptr = join(ptr, key)
    others = [
        (index, variant) for index, variant in enumerate(variants) if not is_null_schema(variant)
    ]
    nullable = len(others) < len(variants)
    if not others:
        return Typed(LiteralType(None), True)
    if len(others) == 1 and "discriminator" not in schema:
        index, variant = others[0]
        through = hint.through(
            metadata.preferred_name(ctx, schema, ptr), metadata.description(ctx, schema, ptr)
        )
        variant_line = ctx.document.item_line(variants, index)
        typed = reader.read(variant, join(list_ptr, index), variant_line, through)
        return Typed(typed.type, typed.nullable or nullable)

    if is_primitive_union([variant for _, variant in others]):
        types = tuple(
            reader.read(variant, join(list_ptr, index), None, hint).type
            for index, variant in others
        )
        return Typed(UnionType(types), nullable)

    name = claim_name(ctx, hint, schema, ptr)
    discriminator, mapping = _discriminator(reader, schema, ptr)
    found = []
    ctx.building += 1
    try:
        for position, (index, variant) in enumerate(others):
            variant_line = ctx.document.item_line(variants, index)
            variant_ptr = join(list_ptr, index)
            child = replace(hint.child(ordinal(position), name.name), variant=position + 1)
            typed = reader.read(variant, variant_ptr, variant_line, child)
            nullable = nullable or typed.nullable
            found.append(UnionVariant(typed.type, ctx.location(variant_line, variant_ptr)))
    finally:
        ctx.building -= 1
    ctx.definitions.append(
        UnionModel(
            name,
            tuple(found),
            ctx.location(line, ptr),
            description=metadata.description(ctx, schema, ptr) or hint.description,
            deprecated=metadata.flag(ctx, schema, ptr, "deprecated"),
            discriminator=discriminator,
            mapping=mapping,
        )
    )
    return Typed(RefType(name), nullable)


def _discriminator(
    reader: SchemaReader, schema: dict[str, object], ptr: str
) -> tuple[str | None, tuple[tuple[str, TypeName], ...]]:
    """``discriminator``: the property name and the mapping of values to definitions.

    A mapping entry is a ``$ref`` or a bare component name (``Cat``); an entry
    whose schema is not a definition (or does not resolve) is reported.
    """
    ctx = reader.ctx
    if ctx.dialect.swagger and isinstance(schema.get("discriminator"), str):
        return str(schema["discriminator"]), ()
    found = kw.mapping(ctx, schema, ptr, "discriminator")
    if found is None:
        return None, ()
    disc_ptr = join(ptr, "discriminator")
    prop = kw.string(ctx, found, disc_ptr, "propertyName")
    raw = kw.mapping(ctx, found, disc_ptr, "mapping") or {}
    map_ptr = join(disc_ptr, "mapping")
    mapping: list[tuple[str, TypeName]] = []
    for value, ref in raw.items():
        if not isinstance(ref, str):
            kw.wrong_type(
                ctx, raw, map_ptr, value, "a reference such as '#/components/schemas/Cat'"
            )
            continue
        written = ref
        if "#" not in ref and "/" not in ref and not ref.endswith((".yaml", ".yml", ".json")):
            ref = f"#{ctx.dialect.schemas_pointer}/{ref}"  # a bare schema name
        target = reader.references.resolve(ref, {"$ref": ref}, map_ptr, quiet=True)
        typed = reader.target_type(target, None) if target is not None else None
        if typed is not None and not reader.is_model_reference(typed.type):
            ctx.key_warning(
                raw,
                map_ptr,
                value,
                f"discriminator mapping {value!r} -> {written!r} is not an object schema; "
                "the entry is ignored",
            )
            continue
        if typed is None or not isinstance(typed.type, RefType):
            ctx.key_problem(
                raw,
                map_ptr,
                value,
                f"discriminator mapping {value!r} -> {written!r} is not a named schema of this spec; "
                "expected a reference to an object schema",
            )
            continue
        mapping.append((value, typed.type.target))
    return prop, tuple(mapping)
