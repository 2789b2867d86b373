"""Renaming definitions after reading: the new names, and every reference to them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from generator.ir.definitions import (
    AliasModel,
    Definition,
    ObjectModel,
    UnionModel,
    UnionVariant,
)
from generator.ir.operations import MediaType, Operation
from generator.ir.types import ArrayType, MapType, RefType, TypeName, TypeNode, UnionType


def retype(
    node: TypeNode,
    renamed: dict[TypeName, TypeName],
    replaced: Mapping[TypeName, TypeNode] | None = None,
) -> TypeNode:
    """``node`` with references to renamed definitions renamed, to ``replaced`` ones replaced."""
    if isinstance(node, RefType):
        if replaced and node.target in replaced:
            return replaced[node.target]
        target = renamed.get(node.target)
        return RefType(target) if target is not None else node
    if isinstance(node, ArrayType):
        items = retype(node.items, renamed, replaced)
        return node if items is node.items else replace(node, items=items)
    if isinstance(node, MapType):
        values = retype(node.values, renamed, replaced)
        return node if values is node.values else replace(node, values=values)
    if isinstance(node, UnionType):
        return UnionType(tuple(retype(variant, renamed, replaced) for variant in node.variants))
    return node


def rename(
    definition: Definition,
    renamed: dict[TypeName, TypeName],
    replaced: Mapping[TypeName, TypeNode] | None = None,
) -> Definition:
    """``definition`` under its new name (if any), its references following the renames."""
    name = renamed.get(definition.name, definition.name)
    if isinstance(definition, ObjectModel):
        extra = definition.additional_properties
        return replace(
            definition,
            name=name,
            fields=tuple(
                replace(f, type=retype(f.type, renamed, replaced)) for f in definition.fields
            ),
            additional_properties=retype(extra, renamed, replaced) if extra is not None else None,
        )
    if isinstance(definition, UnionModel):
        variants = tuple(
            UnionVariant(retype(v.type, renamed, replaced), v.location, v.source_name, v.examples)
            for v in definition.variants
        )
        mapping = tuple(
            (value, renamed.get(target, target)) for value, target in definition.mapping
        )
        return replace(definition, name=name, variants=variants, mapping=mapping)
    if isinstance(definition, AliasModel):
        return replace(definition, name=name, type=retype(definition.type, renamed, replaced))
    return replace(definition, name=name) if name != definition.name else definition


def retype_operation(
    operation: Operation,
    renamed: dict[TypeName, TypeName],
    replaced: Mapping[TypeName, TypeNode] | None = None,
) -> Operation:
    """``operation`` with its types' references following the renames."""

    def node(value: TypeNode | None) -> TypeNode | None:
        return retype(value, renamed, replaced) if value is not None else None

    def media(content: tuple[MediaType, ...]) -> tuple[MediaType, ...]:
        return tuple(replace(item, type=node(item.type)) for item in content)

    body = operation.request_body
    return replace(
        operation,
        parameters=tuple(replace(p, type=node(p.type)) for p in operation.parameters),
        request_body=replace(body, content=media(body.content)) if body is not None else None,
        responses=tuple(
            replace(
                response,
                content=media(response.content),
                headers=tuple(replace(h, type=node(h.type)) for h in response.headers),
            )
            for response in operation.responses
        ),
        request=renamed.get(operation.request, operation.request)
        if operation.request is not None
        else None,
    )
