"""Schemas -> ``Rules``: every JSON Schema 2020-12 keyword a validator checks, exactly as written.

Where ``schemas.SchemaReader`` reads a schema into types for classes (and may
infer, merge or simplify), this reader keeps the schema's meaning: each
keyword goes into ``Rules`` untouched, ``$ref`` and ``$dynamicRef`` are
resolved with base URIs, ``$id`` and anchors (``resources``) and become keys
of ``Schema.rules``.  What a validator cannot check (a pattern Python's ``re``
cannot express) is a warning naming the keyword and the schema, once.

OpenAPI 3.0 and Swagger 2.0 differences: ``nullable: true`` (``x-nullable``)
adds ``null`` to the types, ``exclusiveMinimum: true`` makes ``minimum``
exclusive, and keywords beside a ``$ref`` are ignored there (3.1 applies them).
A property marked ``readOnly`` is not required of a request (the server sends it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.ecma_regex import translate
from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.constraints import read_constraints
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import Document, join
from generator.inputs.openapi.resources import Found, Resources, absolute
from generator.ir import (
    Default,
    DynamicRef,
    JsonValue,
    Location,
    NamedRules,
    Rules,
    TypeName,
    Validator,
)

if TYPE_CHECKING:
    from generator.inputs.openapi.schemas import SchemaReader

_TYPES = frozenset(("null", "boolean", "object", "array", "number", "string", "integer"))
_VALIDATION_VOCABULARY = "https://json-schema.org/draft/2020-12/vocab/validation"
_ACCEPT = Rules(always=True)
_REJECT = Rules(always=False)


@dataclass(slots=True)
class RulesSink:
    """Collects the rules and validators of every OpenAPI input of a run."""

    rules: dict[str, NamedRules] = field(default_factory=dict)
    """Entries by key."""
    validators: dict[TypeName, Validator] = field(default_factory=dict)
    """Public validators by name."""
    key_root: Path | None = None
    """The folder entry keys name files relative to (the config's folder), so that keys, which
    land in generated code, do not depend on the working folder; ``None``: the files' display
    names (relative to the working folder), for readers whose keys never reach output."""

    _file_keys: dict[Path, str] = field(default_factory=dict, repr=False)

    def file_key(self, found: Found) -> str:
        """How the file holding ``found`` is named in entry keys (POSIX separators)."""
        if self.key_root is None:
            return found.display
        known = self._file_keys.get(found.path)
        if known is None:
            relative = os.path.relpath(found.path.resolve(), self.key_root.resolve())
            known = self._file_keys[found.path] = Path(relative).as_posix()
        return known


class RulesReader:
    """Reads ``Rules`` for one spec; entries go to ``sink``."""

    def __init__(self, ctx: Context, resources: Resources, sink: RulesSink) -> None:
        self.ctx = ctx
        self.resources = resources
        self.sink = sink
        self._building: set[str] = set()
        self._vocabulary: dict[str, bool] = {}
        self._asserting = True
        self._read_before: dict[tuple[int, str, str, bool], tuple[object, Rules]] = {}
        """Rules of each schema read, by (document, pointer, base, asserting): a schema that is
        both inside another entry and an entry of its own (an inline model) is read once."""

    def entry(self, found: Found) -> str:
        """Key of the entry for the schema ``found`` (read once; recursion is a cycle of keys)."""
        key = f"{self.sink.file_key(found)}#{found.pointer}"
        if key in self.sink.rules or key in self._building:
            return key
        self._building.add(key)
        try:
            with self.ctx.inside(found.document, found.display, found.path):
                base = self.resources.base_at(found.document, found.pointer)
                rules = self._read(found.value, found.pointer, base, True)
                rules = self._with_scope(rules, found, base)
                line = _line(found.document, found.pointer)
        finally:
            self._building.discard(key)
        self.sink.rules[key] = NamedRules(key, rules, Location(found.display, line, found.pointer))
        return key

    def entry_at(self, document: Document, display: str, path: Path, pointer: str) -> str | None:
        """Key of the entry for the schema at ``pointer`` of a loaded document, if it is one."""
        resolved = document.resolve_pointer(pointer)
        if resolved is None or not isinstance(resolved[0], dict | bool):
            return None
        base = self.resources.base_at(document, pointer)
        found = Found(document, display, path, pointer, resolved[0], base)
        return self.entry(found)

    def _with_scope(self, rules: Rules, found: Found, base: str) -> Rules:
        """``rules`` marked as entering their resource when it declares dynamic anchors."""
        anchors = self.resources.dynamic_anchors(base)
        if not anchors:
            return rules
        keys = [(name, self.entry(target)) for name, target in sorted(anchors.items())]
        return replace(rules, resource=base, dynamic_anchors=tuple(keys))

    # -- one schema -----------------------------------------------------------------

    def _read(self, schema: object, ptr: str, base: str, root: bool = False) -> Rules:
        if isinstance(schema, bool):
            return _ACCEPT if schema else _REJECT
        if not isinstance(schema, dict):
            return _ACCEPT  # reported by the type reader
        if "$id" in schema:  # read as a resource of its own, or not, by ``root``
            return self._read_schema(schema, ptr, base, root)
        # The same schema, pointer, base URI and vocabulary give the same rules; its problems
        # were reported the first time (at the same locations, so a second read adds none).
        key = (id(self.ctx.document), ptr, base, self._asserting)
        known = self._read_before.get(key)
        if known is not None and known[0] is schema:
            return known[1]
        rules = self._read_schema(schema, ptr, base, root)
        self._read_before[key] = (schema, rules)
        return rules

    def _read_schema(
        self, schema: dict[str, object], ptr: str, base: str, root: bool = False
    ) -> Rules:
        ctx = self.ctx
        identifier = schema.get("$id")
        if isinstance(identifier, str) and not root:
            base = absolute(base, identifier).partition("#")[0]
            found = self.resources.resolve(base)
            if found is not None and found.pointer == ptr:
                return Rules(ref=self.entry(found))  # a resource of its own: an entry
        legacy = ctx.dialect.version != "3.1"
        if "$ref" in schema and legacy:
            return self._ref_only(schema, ptr, base)
        saved = self._asserting
        if "$schema" in schema:
            self._asserting = self._validation_vocabulary(schema, base)
        values: dict[str, object] = {}
        try:
            if self._asserting:
                self._assertions(schema, ptr, values, legacy)
            self._applicators(schema, ptr, base, values)
        finally:
            self._asserting = saved
        if "$ref" in schema:
            ref = schema["$ref"]
            if isinstance(ref, str):
                values["ref"] = self._reference(schema, ptr, base, ref, "$ref")
        if "$dynamicRef" in schema:
            ref = schema["$dynamicRef"]
            if isinstance(ref, str):
                values["dynamic_ref"] = self._dynamic(schema, ptr, base, ref)
        rules = Rules(**values) if values else _EMPTY  # type: ignore[arg-type]
        nullable = legacy and (schema.get("nullable") is True or schema.get("x-nullable") is True)
        if nullable and self._asserting and not _null_allowed(rules):
            return Rules(any_of=(Rules(types=("null",)), rules))  # OpenAPI 3.0: null, or the rest
        return rules

    def _ref_only(self, schema: dict[str, object], ptr: str, base: str) -> Rules:
        ref = schema["$ref"]
        if not isinstance(ref, str):
            return _ACCEPT
        key = self._reference(schema, ptr, base, ref, "$ref")
        nullable = schema.get("nullable") is True or schema.get("x-nullable") is True
        if key is None:
            return _ACCEPT
        if nullable:
            return Rules(any_of=(Rules(types=("null",)), Rules(ref=key)))
        return Rules(ref=key)

    def _validation_vocabulary(self, schema: dict[str, object], base: str) -> bool:
        """False when ``$schema`` names a meta-schema whose ``$vocabulary`` leaves validation out."""
        meta = schema.get("$schema")
        if not isinstance(meta, str):
            return True
        known = self._vocabulary.get(meta)
        if known is None:
            found = self.resources.resolve(absolute(base, meta).partition("#")[0])
            vocab = (
                found.value.get("$vocabulary") if found and isinstance(found.value, dict) else None
            )
            known = not isinstance(vocab, dict) or _VALIDATION_VOCABULARY in vocab
            self._vocabulary[meta] = known
        return known

    def _assertions(
        self, schema: dict[str, object], ptr: str, values: dict[str, object], legacy: bool
    ) -> None:
        ctx = self.ctx
        types = self._types(schema, ptr)
        nullable = legacy and (schema.get("nullable") is True or schema.get("x-nullable") is True)
        if types is not None:
            if nullable and "null" not in types:
                types = (*types, "null")
            values["types"] = types
        if "enum" in schema and schema.get("x-speakeasy-unknown-values") == "allow":
            members = schema["enum"]  # an open enum: any value of its members' types
            if types is None and isinstance(members, list):
                kinds = {_kind(member) for member in members if member is not None}
                values["types"] = tuple(sorted(kinds)) + (("null",) if nullable else ())
        elif "enum" in schema:
            members = kw.sequence(ctx, schema, ptr, "enum")
            if members is not None:
                enum: tuple[JsonValue, ...] = tuple(members)  # type: ignore[arg-type]
                if nullable and None not in enum:
                    enum = (*enum, None)
                values["enum"] = enum
        if "const" in schema:
            values["const"] = Default(schema["const"])  # type: ignore[arg-type]
        constraints = read_constraints(ctx, schema, ptr)
        if constraints.pattern is not None and translate(constraints.pattern).pattern is None:
            self._pattern_warning(schema, ptr, "pattern", constraints.pattern)
            constraints = replace(constraints, pattern=None)
        if not constraints.is_empty():
            values["constraints"] = constraints
        fmt = schema.get("format")
        if isinstance(fmt, str):
            values["format"] = fmt
        required = schema.get("required")
        if isinstance(required, list):
            read_only = _read_only(schema)
            names = tuple(
                dict.fromkeys(n for n in required if isinstance(n, str) and n not in read_only)
            )
            if names:
                values["required"] = names
        if "dependentRequired" in schema or "dependencies" in schema:
            self._dependent_required(schema, values)
        if "minContains" in schema or "maxContains" in schema:
            self._contains_counts(schema, ptr, values)

    def _dependent_required(self, schema: dict[str, object], values: dict[str, object]) -> None:
        dependent = schema.get("dependentRequired")
        pairs: list[tuple[str, tuple[str, ...]]] = []
        if isinstance(dependent, dict):
            pairs += [
                (name, tuple(n for n in needed if isinstance(n, str)))
                for name, needed in dependent.items()
                if isinstance(needed, list)
            ]
        old = schema.get("dependencies")
        if isinstance(old, dict):
            pairs += [
                (name, tuple(n for n in needed if isinstance(n, str)))
                for name, needed in old.items()
                if isinstance(needed, list)
            ]
        if pairs:
            values["dependent_required"] = tuple(pairs)

    def _contains_counts(
        self, schema: dict[str, object], ptr: str, values: dict[str, object]
    ) -> None:
        ctx = self.ctx
        for keyword, attribute in (
            ("minContains", "min_contains"),
            ("maxContains", "max_contains"),
        ):
            if keyword in schema:
                count = kw.count(ctx, schema, ptr, keyword)
                if count is not None:
                    values[attribute] = count

    def _types(self, schema: dict[str, object], ptr: str) -> tuple[str, ...] | None:
        if "type" not in schema:
            return None
        value = schema["type"]
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list):
            return None
        found = []
        for name in names:
            if name == "file" and self.ctx.dialect.swagger:
                name = "string"
            if isinstance(name, str) and name in _TYPES:
                found.append(name)
        return tuple(dict.fromkeys(found))

    def _applicators(
        self, schema: dict[str, object], ptr: str, base: str, values: dict[str, object]
    ) -> None:
        if _APPLICATORS.isdisjoint(schema):
            return
        read = self._read
        for keyword, attribute in (
            ("properties", "properties"),
            ("dependentSchemas", "dependent_schemas"),
        ):
            table = schema.get(keyword)
            if isinstance(table, dict):
                at = join(ptr, keyword)
                entries = tuple(
                    (name, read(sub, join(at, name), base)) for name, sub in table.items()
                )
                if entries:
                    values[attribute] = entries
        old = schema.get("dependencies")
        if isinstance(old, dict):
            entries = tuple(
                (name, read(sub, join(ptr, "dependencies", name), base))
                for name, sub in old.items()
                if isinstance(sub, dict | bool)
            )
            if entries:
                values["dependent_schemas"] = values.get("dependent_schemas", ()) + entries  # type: ignore[operator]
        patterns = schema.get("patternProperties")
        if isinstance(patterns, dict):
            kept = []
            for pattern, sub in patterns.items():
                if translate(pattern).pattern is None:
                    self._pattern_warning(
                        patterns, join(ptr, "patternProperties"), pattern, pattern
                    )
                    continue
                kept.append((pattern, read(sub, join(ptr, "patternProperties", pattern), base)))
            if kept:
                values["pattern_properties"] = tuple(kept)
        for keyword, attribute in (
            ("additionalProperties", "additional_properties"),
            ("propertyNames", "property_names"),
            ("contains", "contains"),
            ("unevaluatedItems", "unevaluated_items"),
            ("unevaluatedProperties", "unevaluated_properties"),
            ("not", "not_"),
            ("if", "if_"),
            ("then", "then"),
            ("else", "else_"),
        ):
            if keyword in schema and isinstance(schema[keyword], dict | bool):
                values[attribute] = read(schema[keyword], join(ptr, keyword), base)
        items = schema.get("items")
        prefix = schema.get("prefixItems")
        if isinstance(items, list):  # the tuple form of older drafts
            prefix, items = items, schema.get("additionalItems")
        if isinstance(prefix, list):
            key = "prefixItems" if "prefixItems" in schema else "items"
            at = join(ptr, key)
            values["prefix_items"] = tuple(
                read(sub, f"{at}/{index}", base) for index, sub in enumerate(prefix)
            )
        if isinstance(items, dict | bool):
            key = "items" if not isinstance(schema.get("items"), list) else "additionalItems"
            values["items"] = read(items, join(ptr, key), base)
        for keyword, attribute in (("allOf", "all_of"), ("anyOf", "any_of"), ("oneOf", "one_of")):
            entries_list = schema.get(keyword)
            if isinstance(entries_list, list) and entries_list:
                at = f"{ptr}/{keyword}"
                values[attribute] = tuple(
                    read(sub, f"{at}/{index}", base) for index, sub in enumerate(entries_list)
                )

    def _reference(
        self, schema: dict[str, object], ptr: str, base: str, ref: str, keyword: str
    ) -> str | None:
        found = self.resources.resolve(absolute(base, ref))
        if found is None:
            self.ctx.key_warning(
                schema,
                ptr,
                keyword,
                f"{keyword} {ref!r} does not resolve to a schema the validators can read; "
                "values there are not checked",
            )
            return None
        return self.entry(found)

    def _dynamic(
        self, schema: dict[str, object], ptr: str, base: str, ref: str
    ) -> DynamicRef | None:
        uri = absolute(base, ref)
        found = self.resources.resolve(uri)
        if found is None:
            self._reference(schema, ptr, base, ref, "$dynamicRef")
            return None
        fragment = uri.partition("#")[2]
        anchor = None
        if (
            fragment
            and not fragment.startswith("/")
            and self.resources.has_dynamic_anchor(found, fragment)
        ):
            anchor = fragment
        return DynamicRef(anchor, self.entry(found))

    def _pattern_warning(self, holder: object, ptr: str, key: str, pattern: str) -> None:
        problem = translate(pattern).problem
        self.ctx.key_warning(
            holder,
            ptr,
            key,
            f"pattern {pattern!r} cannot be checked by Python's re ({problem}); it is not checked",
        )


_EMPTY = Rules()
_APPLICATORS = frozenset(
    (
        "properties",
        "dependentSchemas",
        "dependencies",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "contains",
        "unevaluatedItems",
        "unevaluatedProperties",
        "not",
        "if",
        "then",
        "else",
        "items",
        "prefixItems",
        "allOf",
        "anyOf",
        "oneOf",
    )
)
"""Every keyword ``RulesReader._applicators`` reads a subschema of."""


def collect_rules(reader: SchemaReader, sink: RulesSink) -> None:
    """Rules and a public validator for every named schema and every definition read from a schema.

    A named schema's validator checks the whole schema at its pointer (even when its
    class represents only part of it, such as one ``allOf`` entry).
    """
    ctx = reader.ctx
    rules = RulesReader(ctx, reader.references.resources, sink)
    documents = reader.references.documents()
    main = documents.get(ctx.display)
    if main is not None:
        components = reader.components
        for component in components.schemas:
            name = components.names[component]
            pointer = components.pointer_of(component)
            key = rules.entry_at(main[0], ctx.display, main[1], pointer)
            if key is not None:
                line = components.line(ctx, component)
                sink.validators[name] = Validator(name, key, Location(ctx.display, line, pointer))
    for definition in ctx.definitions:
        where = definition.location
        if definition.name in sink.validators or where.pointer is None:
            continue
        if (where.file, where.pointer) not in reader.schemas_read:
            continue
        loaded = documents.get(where.file)
        if loaded is None:
            continue
        key = rules.entry_at(loaded[0], where.file, loaded[1], where.pointer)
        if key is not None:
            sink.validators[definition.name] = Validator(definition.name, key, where)


def _null_allowed(rules: Rules) -> bool:
    """``null`` passes ``rules`` by their own keywords: a type list with null, no applicator."""
    if rules.types is not None and "null" not in rules.types:
        return False
    if rules.enum is not None and None not in rules.enum:
        return False
    if rules.const is not None and rules.const.value is not None:
        return False
    applicators = (rules.all_of, rules.any_of, rules.one_of, rules.not_, rules.if_, rules.ref)
    return rules.dynamic_ref is None and not any(applicators)


def _kind(value: object) -> str:
    """The JSON type of an enum member (integers count as numbers)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _read_only(schema: dict[str, object]) -> set[str]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return set()
    return {
        name
        for name, sub in properties.items()
        if isinstance(sub, dict) and sub.get("readOnly") is True
    }


def _line(document: Document, pointer: str) -> int | None:
    resolved = document.resolve_pointer(pointer)
    if resolved is None:
        return None
    value, parent, token = resolved
    if isinstance(parent, list):
        return document.item_line(parent, int(token))
    if parent is None:
        return document.line(value)
    return document.key_line(parent, token)


__all__ = ["RulesReader", "RulesSink", "collect_rules"]
