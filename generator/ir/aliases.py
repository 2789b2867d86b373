"""Named aliases (``AliasModel``) seen through: each reference replaced by the type it names.

Targets that give such schemas no name of their own (the markdown docs, as
Speakeasy writes them) read the schema through ``inline_aliases``; so does
merging, where one input (an OpenAPI spec) names a type that another (its
docs) only shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from generator.ir.definitions import (
    AliasModel,
    Definition,
    Field,
    ObjectModel,
    Schema,
    UnionModel,
)
from generator.ir.operations import MediaType, Operation
from generator.ir.types import (
    ArrayType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)

_ANY = Primitive(PrimitiveKind.ANY)


class AliasResolver:
    """Expands references to the aliases of one schema (memoized, loop-safe)."""

    def __init__(self, aliases: Mapping[TypeName, AliasModel]) -> None:
        self.aliases = aliases
        """The aliases by name."""
        self._done: dict[TypeName, TypeNode] = {}
        self._open: set[TypeName] = set()

    def alias_of(self, node: TypeNode) -> AliasModel | None:
        """The alias ``node`` refers to, else ``None``."""
        return self.aliases.get(node.target) if isinstance(node, RefType) else None

    def nullable(self, node: TypeNode) -> bool:
        """``node`` refers to an alias (maybe through others) whose type allows ``null``."""
        seen: set[TypeName] = set()
        alias = self.alias_of(node)
        while alias is not None and alias.name not in seen:
            if alias.nullable:
                return True
            seen.add(alias.name)
            alias = self.alias_of(alias.type)
        return False

    def expand(self, node: TypeNode) -> TypeNode:
        """``node`` with every alias reference replaced by the aliased type, recursively."""
        if isinstance(node, RefType):
            alias = self.aliases.get(node.target)
            if alias is None:
                return node
            done = self._done.get(alias.name)
            if done is not None:
                return done
            if alias.name in self._open:  # a loop of aliases only: the reader rejects those
                return _ANY
            self._open.add(alias.name)
            try:
                done = self.expand(alias.type)
            finally:
                self._open.discard(alias.name)
            self._done[alias.name] = done
            return done
        if isinstance(node, ArrayType):
            items = self.expand(node.items)
            if items is node.items:
                return node
            nullable = node.items_nullable
            return replace(node, items=items, items_nullable=nullable or self.nullable(node.items))
        if isinstance(node, MapType):
            values = self.expand(node.values)
            if values is node.values:
                return node
            nullable = node.values_nullable
            return replace(
                node, values=values, values_nullable=nullable or self.nullable(node.values)
            )
        if isinstance(node, UnionType):
            variants = tuple(self.expand(variant) for variant in node.variants)
            if all(a is b for a, b in zip(variants, node.variants, strict=True)):
                return node
            return UnionType(variants)
        return node

    def field(self, field: Field) -> Field:
        """``field`` with its type expanded (an alias that allows ``null`` makes it nullable)."""
        expanded = self.expand(field.type)
        if expanded is field.type:
            return field
        nullable = True if self.nullable(field.type) else field.nullable
        return replace(field, type=expanded, nullable=nullable)

    def definition(self, definition: Definition) -> Definition:
        """``definition`` with every alias reference in it expanded."""
        if isinstance(definition, ObjectModel):
            extra = definition.additional_properties
            fields = tuple(self.field(f) for f in definition.fields)
            expanded = self.expand(extra) if extra is not None else None
            if expanded is extra and all(
                a is b for a, b in zip(fields, definition.fields, strict=True)
            ):
                return definition  # nothing refers to an alias: no copy
            return replace(definition, fields=fields, additional_properties=expanded)
        if isinstance(definition, UnionModel):
            types = [self.expand(v.type) for v in definition.variants]
            if all(t is v.type for t, v in zip(types, definition.variants, strict=True)):
                return definition
            variants = tuple(
                replace(v, type=t) for t, v in zip(types, definition.variants, strict=True)
            )
            return replace(definition, variants=variants)
        if isinstance(definition, AliasModel):
            return replace(definition, type=self.expand(definition.type))
        return definition

    def _maybe(self, node: TypeNode | None) -> TypeNode | None:
        return self.expand(node) if node is not None else None

    def operation(self, operation: Operation) -> Operation:
        """``operation`` with the alias references of its parameters, bodies and headers expanded."""
        body = operation.request_body
        if body is not None:
            body = replace(body, content=tuple(self._media(m) for m in body.content))
        return replace(
            operation,
            parameters=tuple(replace(p, type=self._maybe(p.type)) for p in operation.parameters),
            request_body=body,
            responses=tuple(
                replace(
                    r,
                    content=tuple(self._media(m) for m in r.content),
                    headers=tuple(replace(h, type=self._maybe(h.type)) for h in r.headers),
                )
                for r in operation.responses
            ),
        )

    def _media(self, media: MediaType) -> MediaType:
        return replace(media, type=self._maybe(media.type))


def aliases_of(schema: Schema) -> dict[TypeName, AliasModel]:
    """The alias definitions of ``schema`` by name."""
    return {d.name: d for d in schema.definitions if isinstance(d, AliasModel)}


_INLINED: dict[int, tuple[Schema, Schema]] = {}


def inline_aliases(schema: Schema, keep: bool = False) -> Schema:
    """``schema`` with every reference to an alias replaced by the type it names.

    The alias definitions themselves are left out (``keep``: kept, their
    types expanded too).  A schema without aliases is returned as it is.
    """
    aliases = aliases_of(schema)
    if not aliases:
        return schema
    cached = _INLINED.get(id(schema) * 2 + keep)
    if cached is not None and cached[0] is schema:
        return cached[1]
    resolver = AliasResolver(aliases)
    definitions = tuple(
        resolver.definition(d) for d in schema.definitions if keep or not isinstance(d, AliasModel)
    )
    operations = schema.operations
    if operations is not None:
        operations = tuple(resolver.operation(operation) for operation in operations)
    result = Schema(
        definitions=definitions,
        sources=schema.sources,
        operations=operations,
        rules=schema.rules,
        validators=schema.validators,
    )
    _INLINED.clear()
    _INLINED[id(schema) * 2 + keep] = (schema, result)
    return result


__all__ = ["AliasResolver", "aliases_of", "inline_aliases"]
