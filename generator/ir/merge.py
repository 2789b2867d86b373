"""Combine definitions read from several inputs into one schema.

Two inputs may describe the same model, for example an OpenAPI spec and the
markdown docs generated from it.  They are merged when they agree on every
fact both carry; a fact only one of them carries (constraints, defaults,
formats from the spec; names as written from the docs) is taken from it.
Any disagreement is a problem naming both places: nothing is guessed and
nothing is dropped.
"""

from __future__ import annotations

import dataclasses
from typing import Protocol, TypeVar

from generator.diagnostics import Collector
from generator.ir.aliases import AliasResolver
from generator.ir.definitions import (
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
from generator.ir.operations import Operation
from generator.ir.rules import NamedRules, Validator
from generator.ir.types import (
    NO_CONSTRAINTS,
    ArrayType,
    Constraints,
    JsonValue,
    LiteralType,
    MapType,
    Primitive,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)

T = TypeVar("T")


class RulesSource(Protocol):
    """Where rules and validators were collected (``inputs.openapi.rules_reader.RulesSink``)."""

    rules: dict[str, NamedRules]
    validators: dict[TypeName, Validator]


class Conflict(Exception):
    """Two inputs disagree on a fact."""


class _Aliases:
    """The aliases of the definitions being merged: one input may name a type another shows."""

    resolver = AliasResolver({})


_ALIASES = _Aliases()


def merge_schema(
    definitions: list[Definition],
    sources: tuple[str, ...],
    collector: Collector,
    operations: list[Operation] | None = None,
    rules: RulesSource | None = None,
) -> Schema:
    """Build the schema, merging definitions that share a qualified name.

    ``operations`` are those of every input that carries operations (``None``:
    no input does); one operation given by two inputs must be the same in both.
    ``rules`` brings the validation rules and validators read (OpenAPI inputs).
    """
    by_name: dict[TypeName, Definition] = {}
    _ALIASES.resolver = AliasResolver({d.name: d for d in definitions if isinstance(d, AliasModel)})
    for definition in definitions:
        known = by_name.get(definition.name)
        if known is None:
            by_name[definition.name] = definition
            continue
        try:
            by_name[definition.name] = merge_definition(known, definition)
        except Conflict as conflict:
            collector.add(
                definition.location,
                f"{definition.name} disagrees with its definition at {known.location}: {conflict}",
            )
    entries: tuple[NamedRules, ...] = ()
    validators: tuple[Validator, ...] = ()
    if rules is not None:
        entries = tuple(rules.rules[key] for key in sorted(rules.rules))
        validators = tuple(
            rules.validators[name]
            for name in sorted(rules.validators, key=lambda n: (n.namespace, n.name))
        )
    return Schema(
        definitions=sort_definitions(list(by_name.values())),
        sources=sources,
        operations=_merge_operations(operations, collector) if operations is not None else None,
        rules=entries,
        validators=validators,
    )


def _merge_operations(operations: list[Operation], collector: Collector) -> tuple[Operation, ...]:
    """The operations sorted by path then method, one per ``METHOD /path``."""
    by_key: dict[tuple[str, str], Operation] = {}
    for operation in operations:
        key = (operation.path, operation.method)
        known = by_key.get(key)
        if known is None:
            by_key[key] = operation
        elif _without_locations(known) != _without_locations(operation):
            collector.add(
                operation.location,
                f"operation {operation.key} disagrees with its definition at {known.location}",
            )
    return tuple(by_key[key] for key in sorted(by_key))


def _without_locations(value: object) -> object:
    """``value`` as plain data without its locations, to compare two inputs' operations."""
    from generator.ir.serialize import to_data

    def strip(data: object) -> object:
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items() if k != "location"}
        if isinstance(data, list):
            return [strip(item) for item in data]
        return data

    return strip(to_data(value))


def merge_definition(first: Definition, second: Definition) -> Definition:
    """Merge two definitions of one name; raises ``Conflict`` when they disagree."""
    if isinstance(first, ObjectModel) and isinstance(second, ObjectModel):
        return _merge_object(first, second)
    if isinstance(first, EnumModel) and isinstance(second, EnumModel):
        return _merge_enum(first, second)
    if isinstance(first, UnionModel) and isinstance(second, UnionModel):
        return _merge_union(first, second)
    if isinstance(first, AliasModel) and isinstance(second, AliasModel):
        return _merge_alias(first, second)
    raise Conflict(f"it is {_kind(second)} here but {_kind(first)} there")


def _kind(definition: Definition) -> str:
    kinds = {
        "object": "an object model",
        "enum": "an enum",
        "union": "a union",
        "alias": "an alias",
    }
    return kinds[definition.kind]


def _same(what: str, first: T, second: T) -> T:
    if first != second:
        raise Conflict(f"{what}: {second!r} here, {first!r} there")
    return first


def _known(what: str, first: T | None, second: T | None) -> T | None:
    """The fact both agree on, or the one side that carries it."""
    if first is None:
        return second
    if second is None:
        return first
    return _same(what, first, second)


def _description(first: Definition, second: Definition) -> str | None:
    return _known("description", first.description, second.description)


def _deprecated(first: Definition, second: Definition) -> bool:
    return _same("deprecated", first.deprecated, second.deprecated)


def _examples(
    what: str, first: tuple[JsonValue, ...], second: tuple[JsonValue, ...]
) -> tuple[JsonValue, ...]:
    return _known(what, first or None, second or None) or ()


def _docs_flavor(first: Definition, second: Definition) -> DocsFlavor | None:
    return _known("docs flavor", first.docs_flavor, second.docs_flavor)


def _merge_object(first: ObjectModel, second: ObjectModel) -> ObjectModel:
    names_first = [field.name for field in first.fields]
    names_second = [field.name for field in second.fields]
    if set(names_first) != set(names_second):
        only_here = sorted(set(names_second) - set(names_first))
        only_there = sorted(set(names_first) - set(names_second))
        raise Conflict(f"fields only here: {only_here}, only there: {only_there}")
    others = {field.name: field for field in second.fields}
    fields = tuple(_merge_field(field, others[field.name]) for field in first.fields)
    return dataclasses.replace(
        first,
        fields=fields,
        additional_properties=_merge_optional_type(
            "additional properties", first.additional_properties, second.additional_properties
        ),
        constraints=_merge_constraints("object", first.constraints, second.constraints),
        closed=first.closed or second.closed,
        error=_known("error type", first.error, second.error),
        description=_description(first, second),
        deprecated=_deprecated(first, second),
        examples=_examples("examples", first.examples, second.examples),
        docs_flavor=_docs_flavor(first, second),
    )


def _merge_field(first: Field, second: Field) -> Field:
    where = f"field {first.name!r}"
    return dataclasses.replace(
        first,
        type=merge_type(f"{where} type", first.type, second.type),
        required=_same(f"{where} required", first.required, second.required),
        nullable=_known(f"{where} nullable", first.nullable, second.nullable),
        description=_known(f"{where} description", first.description, second.description),
        examples=_known(f"{where} examples", first.examples or None, second.examples or None) or (),
        default=_known(f"{where} default", first.default, second.default),
        deprecated=_same(f"{where} deprecated", first.deprecated, second.deprecated),
        read_only=first.read_only or second.read_only,
        write_only=first.write_only or second.write_only,
        source_name=_known(f"{where} source name", first.source_name, second.source_name),
        sdk_name=_known(f"{where} SDK name", first.sdk_name, second.sdk_name),
    )


def _merge_optional_type(
    what: str, first: TypeNode | None, second: TypeNode | None
) -> TypeNode | None:
    if first is None:
        return second
    if second is None:
        return first
    return merge_type(what, first, second)


def merge_type(what: str, first: TypeNode, second: TypeNode) -> TypeNode:
    """Merge two type nodes that must describe the same type.

    A reference to an alias on one side only is compared by the type the
    alias names, and kept (the name is a fact the other side does not carry).
    """
    if first != second:
        resolver = _ALIASES.resolver
        if resolver.alias_of(first) is not None and resolver.alias_of(second) is None:
            merge_type(what, resolver.expand(first), second)
            return first
        if resolver.alias_of(second) is not None and resolver.alias_of(first) is None:
            merge_type(what, first, resolver.expand(second))
            return second
    if isinstance(first, Primitive) and isinstance(second, Primitive):
        _same(what, first.kind, second.kind)
        return Primitive(
            kind=first.kind,
            format=_known(f"{what} format", first.format, second.format),
            constraints=_merge_constraints(what, first.constraints, second.constraints),
        )
    if isinstance(first, ArrayType) and isinstance(second, ArrayType):
        return ArrayType(
            items=merge_type(f"{what} items", first.items, second.items),
            constraints=_merge_constraints(what, first.constraints, second.constraints),
            items_nullable=_known(
                f"{what} items nullable", first.items_nullable, second.items_nullable
            ),
        )
    if isinstance(first, MapType) and isinstance(second, MapType):
        return MapType(
            values=merge_type(f"{what} values", first.values, second.values),
            constraints=_merge_constraints(what, first.constraints, second.constraints),
            values_nullable=_known(
                f"{what} values nullable", first.values_nullable, second.values_nullable
            ),
        )
    if isinstance(first, UnionType) and isinstance(second, UnionType):
        _same(f"{what} variant count", len(first.variants), len(second.variants))
        return UnionType(
            tuple(
                merge_type(what, a, b) for a, b in zip(first.variants, second.variants, strict=True)
            )
        )
    if isinstance(first, RefType | LiteralType) and type(first) is type(second):
        return _same(what, first, second)
    raise Conflict(f"{what}: {type(second).__name__} here, {type(first).__name__} there")


def _merge_constraints(what: str, first: Constraints, second: Constraints) -> Constraints:
    if first == NO_CONSTRAINTS:
        return second
    if second == NO_CONSTRAINTS:
        return first
    return _same(f"{what} constraints", first, second)


def _merge_alias(first: AliasModel, second: AliasModel) -> AliasModel:
    return dataclasses.replace(
        first,
        type=merge_type("aliased type", first.type, second.type),
        nullable=_known("nullable", first.nullable, second.nullable),
        default=_known("default", first.default, second.default),
        description=_description(first, second),
        deprecated=_deprecated(first, second),
        examples=_examples("examples", first.examples, second.examples),
        docs_flavor=_docs_flavor(first, second),
    )


def _merge_enum(first: EnumModel, second: EnumModel) -> EnumModel:
    _same("enum values", [v.value for v in first.values], [v.value for v in second.values])
    values = tuple(
        _merge_enum_value(a, b) for a, b in zip(first.values, second.values, strict=True)
    )
    return dataclasses.replace(
        first,
        values=values,
        open=_known("open", first.open, second.open),
        description=_description(first, second),
        deprecated=_deprecated(first, second),
        examples=_examples("examples", first.examples, second.examples),
        docs_flavor=_docs_flavor(first, second),
    )


def _merge_enum_value(first: EnumValue, second: EnumValue) -> EnumValue:
    return dataclasses.replace(
        first,
        source_name=_known("enum value name", first.source_name, second.source_name),
        description=_known("enum value description", first.description, second.description),
    )


def _merge_union(first: UnionModel, second: UnionModel) -> UnionModel:
    _same("variant count", len(first.variants), len(second.variants))
    variants = tuple(
        UnionVariant(
            type=merge_type("variant", a.type, b.type),
            location=a.location,
            source_name=_known("variant name", a.source_name, b.source_name),
            examples=_examples("variant examples", a.examples, b.examples),
        )
        for a, b in zip(first.variants, second.variants, strict=True)
    )
    return dataclasses.replace(
        first,
        variants=variants,
        discriminator=_known("discriminator", first.discriminator, second.discriminator),
        mapping=_known("discriminator mapping", first.mapping or None, second.mapping or None)
        or (),
        open=_known("open", first.open, second.open),
        description=_description(first, second),
        deprecated=_deprecated(first, second),
        examples=_examples("examples", first.examples, second.examples),
        docs_flavor=_docs_flavor(first, second),
    )


__all__ = ["Conflict", "merge_definition", "merge_schema", "merge_type"]
