"""Schemas -> IR type nodes; objects, enums and unions are handed to ``models``.

``SchemaReader.read`` turns one schema into a ``Typed`` (type node plus
nullability).  ``$ref`` to a component that is a definition becomes a
``RefType``; a component that is not (a string, an array, a map) is read once
and its type used in place of the reference.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi import metadata, models
from generator.inputs.openapi.components import NAMESPACE, ComponentIndex
from generator.inputs.openapi.constraints import for_kind, read_constraints
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.copies import single_ref_copy
from generator.inputs.openapi.document import join, unescape
from generator.inputs.openapi.names import Hint, type_name_part
from generator.inputs.openapi.references import References, Target
from generator.inputs.openapi.shapes import (
    JSON_TYPES,
    constraint_only_variants,
    declares_null,
    enum_makes_definition,
    inferred_type,
    is_annotation_only,
    makes_definition,
    plan_all_of,
    union_key,
)
from generator.inputs.openapi.spread import in_place, merged_in_place, refs_of, spread_union
from generator.inputs.openapi.typed import ANY, Typed
from generator.inputs.openapi.variant_copies import union_of_copies
from generator.ir import (
    NO_CONSTRAINTS,
    AliasModel,
    ArrayType,
    Constraints,
    LiteralType,
    Location,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    UnionType,
)

_PRIMITIVE_KINDS = {
    "string": PrimitiveKind.STRING,
    "integer": PrimitiveKind.INTEGER,
    "number": PrimitiveKind.NUMBER,
    "boolean": PrimitiveKind.BOOLEAN,
    "any": PrimitiveKind.ANY,
}


_SIMPLE_TYPES = frozenset(("string", "integer", "number", "boolean", "object", "array"))


class SchemaReader:
    """Reads schemas of one spec, making definitions in ``ctx.definitions``."""

    def __init__(
        self,
        ctx: Context,
        error_keys: set[str] | None = None,
        remotes: dict[str, Path] | None = None,
    ) -> None:
        self.ctx = ctx
        """The spec being read."""
        self.components = ComponentIndex(ctx, error_keys or set())
        """The named schemas of the main document."""
        self.references = References(ctx, remotes)
        """Resolves ``$ref`` strings, loading other files of the spec."""
        self.schemas_read: set[tuple[str, str]] = set()
        """(file, JSON pointer) of every schema read: the definitions made there have rules."""
        self._known: dict[tuple[str, str], Typed] = {}
        self._named: dict[tuple[str, str], Typed | None] = {}
        self._reading: dict[tuple[str, str], int] = {}
        self._aliases: dict[tuple[str, str], TypeName] = {}
        self._alias_names: set[TypeName] = set()
        self.spread_in_place = (
            in_place(ctx.main.root, self.raw_target, self._ref_uses())
            if ctx.spread_union_all_of
            else {}
        )
        """``$ref`` variants of spread unions merged in place (``spread.in_place``)."""
        self._standing: dict[tuple[str, str], TypeName] = {}
        self.copying: set[str] = set()
        """Keys of the components being copied right now (``copies``: no copy inside itself)."""

    # -- components and other reference targets -------------------------------------

    def read_components(self) -> None:
        """Read every named schema of the main document, in document order."""
        for key in self.components.schemas:
            target = self._component_target(key)
            if target.key not in self._known:
                self._read_target(target, self._component_hint(key))

    def component_type(self, key: str) -> Typed:
        """The type a ``$ref`` to component ``key`` stands for."""
        return self.target_type(self._component_target(key), None)

    def _component_target(self, key: str) -> Target:
        ctx = self.ctx
        return Target(
            ctx.main,
            self.references.main_display,
            self.references.main_path,
            self.components.pointer_of(key),
            self.components.schemas[key],
            self.components.line(ctx, key),
        )

    def _component_hint(self, key: str) -> Hint:
        name = self.components.names[key]
        return Hint(name.namespace, name.name, name.name, exact=name)

    def target_type(self, target: Target, hint: Hint | None) -> Typed:
        """The type a ``$ref`` to ``target`` stands for (``hint`` names an unnamed target)."""
        key = target.key
        known = self._known.get(key)
        if known is not None:
            return known
        if key not in self._named:
            self._named[key] = self._name_target(target, hint)
        named = self._named[key]
        if named is not None and (key in self._reading or self._is_component(target)):
            return named  # read in document order (components) or being read (a cycle)
        return self._read_target(target, self._target_hint(target, named, hint))

    def _is_component(self, target: Target) -> bool:
        return (
            target.document is self.ctx.main
            and self.components.key_of_pointer(target.pointer) is not None
        )

    def _name_target(self, target: Target, hint: Hint | None) -> Typed | None:
        """A ``RefType`` to the definition ``target`` makes (name reserved now), else ``None``."""
        raw = target.value
        with self.ctx.inside(target.document, target.display, target.path):
            if not makes_definition(raw, target.pointer, self.raw_target):
                return None
        nullable = declares_null(raw)
        if self._is_component(target):
            key = self.components.key_of_pointer(target.pointer)
            assert key is not None
            return Typed(RefType(self.components.names[key]), nullable)
        if target.document is self.ctx.main and hint is not None:
            # a pointer elsewhere in this file: named by the context of its first use
            assert isinstance(raw, dict)  # makes_definition
            with self.ctx.inside(target.document, target.display, target.path):
                preferred = metadata.preferred_name(self.ctx, raw, target.pointer)
            identifier = metadata.names_itself(raw)
            name = self.ctx.names.claim(replace(hint, exact=None), preferred, identifier)
            self.ctx.names.reserve(name)  # read below with it as the exact name
        else:
            name = self.ctx.names.unique(NAMESPACE, _target_base(target))
            self.ctx.names.reserve(name)
        return Typed(RefType(name), nullable)

    def _target_hint(self, target: Target, named: Typed | None, hint: Hint | None) -> Hint:
        if named is not None and isinstance(named.type, RefType):
            name = named.type.target
            description = hint.description if hint is not None else None
            return Hint(name.namespace, name.name, name.name, exact=name, description=description)
        key = self.components.key_of_pointer(target.pointer) if self._is_component(target) else None
        if key is not None:  # a named schema that is no definition (an array): named after itself
            return self._component_hint(key)
        if hint is not None:
            return hint
        base = _target_base(target)
        return Hint(NAMESPACE, base, base)

    def _read_target(self, target: Target, hint: Hint) -> Typed:
        """Read the schema at ``target`` once; its type is remembered for every later ``$ref``."""
        key = target.key
        if key in self._reading:
            standing = self._standing.get(key)
            if standing is not None:  # a definition made for it already, while it is read
                return Typed(RefType(standing))
            alias = self._recursive_alias(target)
            if alias is not None:
                return Typed(RefType(alias))
            label = (
                self.components.key_of_pointer(target.pointer)
                if self._is_component(target)
                else None
            )
            if self._only_refers_to_itself(target):
                self.ctx.warning(
                    Location(target.display, target.line, target.pointer),
                    f"schema {label or target.pointer!r} is only a $ref to itself; "
                    "read as any value",
                )
                return Typed(ANY)
            self.ctx.problem(
                Location(target.display, target.line, target.pointer),
                f"schema {label or target.pointer!r} refers to itself without an object, enum or union "
                "in between; expected a schema that is not only a reference to itself",
            )
            return Typed(ANY)
        self._reading[key] = self.ctx.building
        try:
            with self.ctx.inside(target.document, target.display, target.path):
                value = target.value
                merged = self.spread_in_place.get("#" + target.pointer)
                if merged is not None and target.document is self.ctx.main:
                    value = merged_in_place(value, merged)  # a variant of a spread union
                typed = self.read(value, target.pointer, target.line, hint)
                typed = self._as_alias(target, typed)
        finally:
            del self._reading[key]
        self._known[key] = typed
        return typed

    def _only_refers_to_itself(self, target: Target) -> bool:
        """``target`` is a ``$ref`` (through other bare ``$ref`` schemas) back to itself."""
        seen = {target.key}
        node: object = target.value
        with self.ctx.inside(target.document, target.display, target.path):
            while isinstance(node, dict) and isinstance(node.get("$ref"), str):
                found = self.references.resolve(str(node["$ref"]), {}, "", quiet=True)
                if found is None:
                    return False
                if found.key == target.key:
                    return True
                if found.key in seen:
                    return False
                seen.add(found.key)
                node = found.value
        return False

    def body_alias(self, typed: Typed, name: TypeName, location: Location) -> Typed:
        """A body that made no definition (a string, an array, a map): an alias named ``name``
        (or ``name`` numbered when taken), so that every body is a model."""
        if isinstance(typed.type, RefType):
            return typed
        names = self.ctx.names
        if not names.is_reserved(name) and names.is_taken(name):
            name = names.unique(name.namespace, name.name)
        names.take(name)
        self._alias_names.add(name)
        self.ctx.definitions.append(AliasModel(name, typed.type, location, nullable=typed.nullable))
        return Typed(RefType(name), typed.nullable)

    def is_model_reference(self, node: object) -> bool:
        """``node`` is a ``RefType`` to an object model, enum or union (not to an alias)."""
        return isinstance(node, RefType) and node.target not in self._alias_names

    def _alias_component(self, target: Target) -> str | None:
        """The key of the component ``target`` is when it makes no object, enum or union."""
        if not self._is_component(target):
            return None
        if target.key not in self._named:
            self._named[target.key] = self._name_target(target, None)
        if self._named[target.key] is not None:
            return None
        return self.components.key_of_pointer(target.pointer)

    def _recursive_alias(self, target: Target) -> TypeName | None:
        """The alias name a component refers to itself by through an object or union, else ``None``.

        ``Tree`` = array of an object whose ``children`` is a ``Tree``: the
        reference inside the object is a ``RefType`` to the alias ``Tree``.
        A loop with no object or union in between has no model (``None``).
        """
        key = self._alias_component(target)
        if key is None or self.ctx.building <= self._reading[target.key]:
            return None
        name = self._aliases.get(target.key)
        if name is None:
            name = self.components.names[key]
            if not self.ctx.names.is_reserved(name):  # an object inside took the name
                name = self.ctx.names.unique(name.namespace, name.name + "Alias")
            self.ctx.names.take(name)
            self._aliases[target.key] = name
        return name

    def _as_alias(self, target: Target, typed: Typed) -> Typed:
        """A component that is no object, enum or union: an ``AliasModel`` naming its type.

        When an object or enum inside it took the component's name (an array
        of an inline object), that definition stands for the schema instead.
        """
        key = self._alias_component(target)
        if key is None:
            return typed
        name = self._aliases.get(target.key)
        if name is None:
            name = self.components.names[key]
            if not self.ctx.names.is_reserved(name):
                return typed
            self.ctx.names.take(name)
        ctx, raw, ptr = self.ctx, target.value, target.pointer
        meta = raw if isinstance(raw, dict) else {}
        self._alias_names.add(name)
        ctx.definitions.append(
            AliasModel(
                name,
                typed.type,
                ctx.location(target.line, ptr),
                nullable=typed.nullable,
                description=metadata.description(ctx, meta, ptr),
                deprecated=metadata.flag(ctx, meta, ptr, "deprecated"),
                default=metadata.default(meta),
                examples=metadata.examples(ctx, meta, ptr),
            )
        )
        return Typed(RefType(name), typed.nullable)

    def _ref_uses(self) -> Callable[[str], int]:
        """How many ``$ref`` s of the spec point where a ``$ref`` of the main document points:
        every file the main document reaches is read for its ``$ref`` s, each counted by its
        target (file and pointer), so ``./spec.yaml#/x`` and ``#/x`` are one target."""
        counts: Counter[tuple[str, str]] = Counter()
        seen = {self.ctx.display}
        files = [(self.ctx.main, self.ctx.display, self.ctx.path)]
        while files:
            document, display, path = files.pop()
            with self.ctx.inside(document, display, path):
                for ref in refs_of(document.root):
                    target = self.references.resolve(ref, {}, "", quiet=True)
                    if target is None:
                        continue
                    counts[target.key] += 1
                    if target.display not in seen:
                        seen.add(target.display)
                        files.append((target.document, target.display, target.path))

        def uses(ref: str) -> int:
            target = self.references.resolve(ref, {}, "", quiet=True)
            return counts[target.key] if target is not None else 0

        return uses

    def raw_target(self, ref: str) -> dict[str, object] | None:
        """The raw schema a ``$ref`` (relative to the current file) points at, or ``None``."""
        target = self.references.resolve(ref, {}, "", quiet=True)
        if target is None or not isinstance(target.value, dict):
            return None
        return target.value

    # -- schemas --------------------------------------------------------------------

    def read(self, schema: object, ptr: str, line: int | None, hint: Hint) -> Typed:
        """The type of ``schema`` (at JSON pointer ``ptr``, source line ``line``).

        The type of a schema of the main document is remembered by its pointer
        (``Context.read_types``), for the operations that refer to it.
        """
        self.schemas_read.add((self.ctx.display, ptr))
        typed = self._read_schema(schema, ptr, line, hint)
        if self.ctx.document is self.ctx.main:
            self.ctx.read_types[ptr] = typed
        return typed

    def _read_schema(self, schema: object, ptr: str, line: int | None, hint: Hint) -> Typed:
        if isinstance(schema, bool):
            return Typed(ANY)
        if not isinstance(schema, dict):
            self.ctx.problem(
                self.ctx.location(line, ptr),
                f"schema is {kw.describe(schema)}; expected a mapping of schema keywords",
            )
            return Typed(ANY)
        nullable = metadata.flag(self.ctx, schema, ptr, "nullable") or (
            self.ctx.dialect.swagger and metadata.flag(self.ctx, schema, ptr, "x-nullable")
        )
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
        target = self.references.resolve(ref, schema, ptr)
        if target is None:
            return Typed(ANY)
        return self.target_type(target, hint)

    def _all_of(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """``allOf``: one schema that matters, or object schemas merged into one model."""
        if self.ctx.spread_union_all_of:
            spread = spread_union(schema, self.raw_target, self.spread_in_place)
            if spread is not None:  # one merged model per variant of the union
                return self._plain(spread, ptr, line, hint)
            copies = union_of_copies(self, schema, ptr, line, hint)
            if copies is not None:  # one merged copy per variant used elsewhere too
                return copies
        plan = plan_all_of(schema, ptr, self.raw_target)
        entries = schema["allOf"]
        if plan.kind == "single" and self.ctx.copy_single_all_of:
            copy = single_ref_copy(self, schema, ptr, line, hint)
            if copy is not None:  # a copy of the referenced schema, named from its context
                return copy
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
        if not isinstance(entries, list):
            self.ctx.key_problem(schema, ptr, "allOf", plan.reason)
            return Typed(ANY)
        dangling = False
        for index, entry in enumerate(entries):
            ref = entry.get("$ref") if isinstance(entry, dict) else None
            if isinstance(ref, str) and self.raw_target(ref) is None:
                self._ref(entry, join(ptr, "allOf", index), hint)
                dangling = True
        if dangling:
            return Typed(ANY)
        return self._all_of_first(schema, entries, ptr, hint, plan.reason)

    def _all_of_first(
        self, schema: dict[str, object], entries: list[object], ptr: str, hint: Hint, reason: str
    ) -> Typed:
        """An ``allOf`` that cannot be merged: its first schema, with a warning naming the rest."""
        effective = [index for index, entry in enumerate(entries) if not is_annotation_only(entry)]
        first = effective[0]
        ignored = ", ".join(f"allOf/{index}" for index in effective[1:])
        self.ctx.key_warning(
            schema,
            ptr,
            "allOf",
            f"{reason.split(';')[0]}; only allOf/{first} is represented ({ignored} not merged)",
        )
        through = hint.through(
            metadata.preferred_name(self.ctx, schema, ptr),
            metadata.description(self.ctx, schema, ptr),
        )
        entry_line = self.ctx.document.item_line(entries, first)
        return self.read(entries[first], join(ptr, "allOf", first), entry_line, through)

    def _plain(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """A schema without ``$ref``/``allOf``: union, enum, const or typed value."""
        key = union_key(schema)
        if key is not None:
            return models.union_model(self, schema, ptr, line, hint, key)
        for rules in ("oneOf", "anyOf"):
            if rules in schema and constraint_only_variants(schema, rules):
                self.ctx.key_warning(
                    schema,
                    ptr,
                    rules,
                    f"{rules} only combines required properties; read as the object, "
                    f"the {rules} rule is not represented",
                )
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
        if isinstance(value, str) and value in _SIMPLE_TYPES:  # the common case: one type name
            return [value], False
        if value is None:  # YAML ``type: null``: the null value, meant as the type name
            self.ctx.key_warning(
                schema, ptr, "type", "type is the null value, not the name 'null'; read as 'null'"
            )
            return [], True
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            self.ctx.key_warning(
                schema,
                ptr,
                "type",
                f"type is {kw.describe(value)} (expected a type name or a list of type names); "
                "read as any value",
            )
            return [], False
        known = (*JSON_TYPES, "file") if self.ctx.dialect.swagger else JSON_TYPES
        unknown = [name for name in names if name not in known]
        if unknown:
            self.ctx.key_warning(
                schema,
                ptr,
                "type",
                f"type {unknown[0]!r} is not a JSON Schema type (expected one of "
                f"{', '.join(JSON_TYPES)}); read as any value",
            )
            return [], False
        kinds = [name for name in names if name in known and name != "null"]
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
            items = Typed(ANY)
            if "items" in schema:
                raw = schema["items"]
                item_line = self.ctx.document.key_line(schema, "items")
                item_hint = replace(hint, items=True) if hint.exact is None else hint
                items = self.read(raw, join(ptr, "items"), item_line, item_hint)
            nullable = items.nullable or items.type == ANY  # any value includes null
            return Typed(ArrayType(items.type, for_kind(constraints, "array"), nullable))
        if kind == "file":  # Swagger 2.0
            return Typed(Primitive(PrimitiveKind.STRING, "binary"))
        primitive = _PRIMITIVE_KINDS[kind]
        return Typed(Primitive(primitive, fmt, for_kind(constraints, primitive)))

    def stands_for(self, ptr: str, name: TypeName) -> None:
        """The definition ``name`` is made for the schema at ``ptr`` (in the current file): a
        ``$ref`` back to it while it is read refers to ``name`` (``variant_copies``)."""
        self._standing[(self.ctx.display, ptr)] = name

    def read_enum(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """``schema`` (at ``ptr``, holding ``enum``) read as an enum (``copies``)."""
        return self._enum(schema, ptr, line, hint)

    def _enum(self, schema: dict[str, object], ptr: str, line: int | None, hint: Hint) -> Typed:
        """``enum``: an ``EnumModel`` (booleans stay booleans; only ``null`` is a null literal)."""
        values = kw.sequence(self.ctx, schema, ptr, "enum")
        if values is None:
            return Typed(ANY)
        kinds, type_null = self._types(schema, ptr)
        nullable = type_null or None in values
        if not values:
            self.ctx.key_warning(
                schema, ptr, "enum", "enum is empty: no value is valid (the validators reject all)"
            )
            return Typed(ANY)
        containers = [i for i, value in enumerate(values) if isinstance(value, list | dict)]
        if containers:
            self.ctx.key_warning(
                schema,
                ptr,
                "enum",
                f"enum item {containers[0]} is {kw.describe(values[containers[0]])}; "
                "kept as a JSON value (a member of the enum)",
            )
        if kinds and "boolean" in kinds:
            return Typed(Primitive(PrimitiveKind.BOOLEAN), nullable)
        if not enum_makes_definition(schema):
            models.enum_values(self.ctx, values, join(ptr, "enum"))
            return Typed(LiteralType(None), True) if nullable else Typed(ANY)
        return models.enum_model(self, schema, ptr, line, hint, values, nullable)

    def _const(self, schema: dict[str, object], ptr: str) -> Typed:
        """``const``: a literal."""
        value = schema["const"]
        if isinstance(value, dict | list):  # no literal type; the validators check it (Rules)
            return Typed(ANY)
        if isinstance(value, str | int | float | bool) or value is None:
            return Typed(LiteralType(value), value is None)
        return Typed(ANY)


def _target_base(target: Target) -> str:
    """Name of a definition made from a reference target: its last pointer token or file stem."""
    token = target.pointer.rsplit("/", 1)[-1] if target.pointer else ""
    base = type_name_part(unescape(token)) if token else ""
    if not base:
        base = type_name_part(PurePosixPath(target.display).stem) or "Schema"
    return base if not base[0].isdigit() else "Schema" + base
