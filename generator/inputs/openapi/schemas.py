"""Schemas -> IR type nodes; objects, enums and unions are handed to ``models``.

``SchemaReader.read`` turns one schema into a ``Typed`` (type node plus
nullability).  ``$ref`` to a component that is a definition becomes a
``RefType``; a component that is not (a string, an array, a map) is read once
and its type used in place of the reference.
"""

from __future__ import annotations

from urllib.parse import unquote

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi import metadata, models
from generator.inputs.openapi.components import NAMESPACE, ComponentIndex
from generator.inputs.openapi.constraints import for_kind, read_constraints
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join
from generator.inputs.openapi.names import Hint
from generator.inputs.openapi.shapes import (
    JSON_TYPES,
    declares_null,
    enum_makes_definition,
    inferred_type,
    makes_definition,
    plan_all_of,
    union_key,
)
from generator.inputs.openapi.typed import ANY, Typed
from generator.ir import (
    NO_CONSTRAINTS,
    ArrayType,
    Constraints,
    LiteralType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeNode,
    UnionType,
)

_PRIMITIVE_KINDS = {
    "string": PrimitiveKind.STRING,
    "integer": PrimitiveKind.INTEGER,
    "number": PrimitiveKind.NUMBER,
    "boolean": PrimitiveKind.BOOLEAN,
    "any": PrimitiveKind.ANY,
}


class SchemaReader:
    """Reads schemas of one document, making definitions in ``ctx.definitions``."""

    def __init__(self, ctx: Context, root: dict[str, object]) -> None:
        self.ctx = ctx
        """The document being read."""
        self.components = ComponentIndex(ctx, root)
        """The component schemas."""
        self._component_types: dict[str, Typed] = {}
        self._named: dict[str, Typed | None] = {}
        self._reading: set[str] = set()
        self._following: set[str] = set()

    # -- components -----------------------------------------------------------------

    def read_components(self) -> None:
        """Read every component schema, in document order."""
        for key in self.components.schemas:
            if key not in self._component_types:
                self._read_component(key)

    def component_type(self, key: str) -> Typed:
        """The type a ``$ref`` to component ``key`` stands for."""
        known = self._component_types.get(key)
        if known is not None:
            return known
        if key not in self._named:
            raw = self.components.schemas[key]
            named = makes_definition(raw, self.components.pointer(key), self.raw_target)
            ref = Typed(RefType(self.components.names[key]), declares_null(raw))
            self._named[key] = ref if named else None
        return self._named[key] or self._read_component(key)

    def _read_component(self, key: str) -> Typed:
        """Read component ``key`` with its reserved name."""
        ptr = self.components.pointer(key)
        line = self.components.line(self.ctx, key)
        if key in self._reading:
            self.ctx.problem(
                self.ctx.location(line, ptr),
                f"schema {key!r} refers to itself without an object, enum or union in between; "
                "expected a schema that is not only a reference to itself",
            )
            return Typed(ANY)
        name = self.components.names[key]
        self._reading.add(key)
        try:
            typed = self.read(
                self.components.schemas[key],
                ptr,
                line,
                Hint(NAMESPACE, name.name, name.name, exact=name),
            )
        finally:
            self._reading.discard(key)
        self._component_types[key] = typed
        return typed

    def raw_target(self, ref: str) -> dict[str, object] | None:
        """The raw schema a local ``$ref`` points at, or ``None``."""
        key = self.components.key_of(ref)
        if key is not None:
            target = self.components.schemas.get(key)
        elif ref.startswith("#"):
            found = self.ctx.document.resolve_pointer(unquote(ref[1:]))
            target = found[0] if found is not None else None
        else:
            target = None
        return target if isinstance(target, dict) else None

    # -- schemas --------------------------------------------------------------------

    def read(self, schema: object, ptr: str, line: int | None, hint: Hint) -> Typed:
        """The type of ``schema`` (at JSON pointer ``ptr``, source line ``line``)."""
        if isinstance(schema, bool):
            return Typed(ANY)
        if not isinstance(schema, dict):
            self.ctx.problem(
                self.ctx.location(line, ptr),
                f"schema is {kw.describe(schema)}; expected a mapping of schema keywords",
            )
            return Typed(ANY)
        nullable = metadata.flag(self.ctx, schema, ptr, "nullable")
        if "$ref" in schema:
            typed = self._ref(schema, ptr, hint)
        elif "allOf" in schema:
            typed = self._all_of(schema, ptr, line, hint)
        else:
            typed = self._plain(schema, ptr, line, hint)
        if nullable and not typed.nullable:
            return Typed(typed.type, True)
        return typed

    def _ref(self, schema: dict[str, object], ptr: str, hint: Hint) -> Typed:
        """The type a ``$ref`` stands for; problems for references that do not resolve."""
        ref = schema["$ref"]
        if not isinstance(ref, str):
            kw.wrong_type(
                self.ctx, schema, ptr, "$ref", "a reference such as '#/components/schemas/Name'"
            )
            return Typed(ANY)
        key = self.components.key_of(ref)
        if key is not None:
            if key in self.components.schemas:
                return self.component_type(key)
            self.ctx.key_problem(
                schema,
                ptr,
                "$ref",
                f"$ref {ref!r} does not resolve; expected a schema under components/schemas",
            )
            return Typed(ANY)
        if not ref.startswith("#"):
            self.ctx.key_problem(
                schema,
                ptr,
                "$ref",
                f"$ref {ref!r} points outside this file, which is not supported; "
                "expected a reference starting with '#/'",
            )
            return Typed(ANY)
        pointer = unquote(ref[1:])
        found = self.ctx.document.resolve_pointer(pointer)
        if found is None:
            self.ctx.key_problem(
                schema,
                ptr,
                "$ref",
                f"$ref {ref!r} does not resolve; expected a JSON pointer into this file",
            )
            return Typed(ANY)
        if ref in self._following:
            self.ctx.key_problem(
                schema, ptr, "$ref", f"$ref {ref!r} refers to itself; expected a schema in between"
            )
            return Typed(ANY)
        target, parent, token = found
        if isinstance(parent, list):
            line = self.ctx.document.item_line(parent, int(token))
        else:
            line = self.ctx.document.key_line(parent, token)
        self._following.add(ref)
        try:
            return self.read(target, pointer, line, hint)
        finally:
            self._following.discard(ref)

    def _all_of(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """``allOf``: one schema that matters, or object schemas merged into one model."""
        plan = plan_all_of(schema, ptr, self.raw_target)
        entries = schema["allOf"]
        if plan.kind == "single" and isinstance(entries, list):
            through = hint.through(
                metadata.preferred_name(self.ctx, schema, ptr),
                metadata.description(self.ctx, schema, ptr),
            )
            index = plan.single_index
            entry_line = self.ctx.document.item_line(entries, index)
            return self.read(entries[index], join(ptr, "allOf", index), entry_line, through)
        if plan.kind == "merge":
            return models.object_model(self, schema, ptr, line, hint, plan.parts, NO_CONSTRAINTS)
        if plan.kind == "ignore":
            return self._plain(schema, ptr, line, hint)
        dangling = False
        if isinstance(entries, list):
            for index, entry in enumerate(entries):
                ref = entry.get("$ref") if isinstance(entry, dict) else None
                if isinstance(ref, str) and self.raw_target(ref) is None:
                    self._ref(entry, join(ptr, "allOf", index), hint)
                    dangling = True
        if not dangling:
            self.ctx.key_problem(schema, ptr, "allOf", plan.reason)
        return Typed(ANY)

    def _plain(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """A schema without ``$ref``/``allOf``: union, enum, const or typed value."""
        key = union_key(schema)
        if key is not None:
            return models.union_model(self, schema, ptr, line, hint, key)
        if "enum" in schema:
            return self._enum(schema, ptr, line, hint)
        if "const" in schema:
            return self._const(schema, ptr)
        kinds, nullable = self._types(schema, ptr)
        if kinds is None:
            kinds = [inferred_type(schema)]
        elif not kinds:
            return Typed(LiteralType(None), True) if nullable else Typed(ANY)
        constraints = read_constraints(self.ctx, schema, ptr)
        fmt = kw.string(self.ctx, schema, ptr, "format")
        if len(kinds) == 1:
            typed = self._single(schema, ptr, line, hint, kinds[0], fmt, constraints)
        else:
            variants = tuple(
                self._single(schema, ptr, line, hint, kind, fmt, constraints).type for kind in kinds
            )
            typed = Typed(UnionType(variants))
        return Typed(typed.type, typed.nullable or nullable)

    def _types(self, schema: dict[str, object], ptr: str) -> tuple[list[str] | None, bool]:
        """(type names other than ``null``, ``null`` listed); ``None`` names when ``type`` is absent."""
        if "type" not in schema:
            return None, False
        value = schema["type"]
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            kw.wrong_type(self.ctx, schema, ptr, "type", "a type name or a list of type names")
            return None, False
        unknown = [name for name in names if name not in JSON_TYPES]
        if unknown:
            self.ctx.key_problem(
                schema,
                ptr,
                "type",
                f"type {unknown[0]!r} is not a JSON Schema type; expected one of {', '.join(JSON_TYPES)}",
            )
        kinds = [name for name in names if name in JSON_TYPES and name != "null"]
        return list(dict.fromkeys(kinds)), "null" in names

    def _single(
        self,
        schema: dict[str, object],
        ptr: str,
        line: int | None,
        hint: Hint,
        kind: str,
        fmt: str | None,
        constraints: Constraints,
    ) -> Typed:
        """The type of ``schema`` read as one JSON type ``kind``."""
        if kind == "object":
            return models.object_model(self, schema, ptr, line, hint, ((schema, ptr),), constraints)
        if kind == "array":
            items: TypeNode = ANY
            if "items" in schema:
                raw = schema["items"]
                item_line = self.ctx.document.key_line(schema, "items")
                items = self.read(raw, join(ptr, "items"), item_line, hint).type
            return Typed(ArrayType(items, for_kind(constraints, "array")))
        primitive = _PRIMITIVE_KINDS[kind]
        return Typed(Primitive(primitive, fmt, for_kind(constraints, primitive)))

    def _enum(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """``enum``: an ``EnumModel`` (booleans stay booleans; only ``null`` is a null literal)."""
        values = kw.sequence(self.ctx, schema, ptr, "enum")
        if values is None:
            return Typed(ANY)
        kinds, type_null = self._types(schema, ptr)
        nullable = type_null or None in values
        if not values:
            self.ctx.key_problem(schema, ptr, "enum", "enum is empty; expected at least one value")
            return Typed(ANY)
        if kinds and "boolean" in kinds:
            return Typed(Primitive(PrimitiveKind.BOOLEAN), nullable)
        if not enum_makes_definition(schema):
            models.enum_values(self.ctx, values, join(ptr, "enum"))
            return Typed(LiteralType(None), True) if nullable else Typed(ANY)
        return models.enum_model(self, schema, ptr, line, hint, values, nullable)

    def _const(self, schema: dict[str, object], ptr: str) -> Typed:
        """``const``: a literal."""
        value = schema["const"]
        if isinstance(value, dict | list):
            kw.wrong_type(self.ctx, schema, ptr, "const", "a string, number, boolean or null")
            return Typed(ANY)
        if isinstance(value, str | int | float | bool) or value is None:
            return Typed(LiteralType(value), value is None)
        return Typed(ANY)
