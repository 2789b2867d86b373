"""``Rules`` -> the JSON the ``python`` target's ``_validation`` module compiles.

The JSON keeps JSON Schema's keyword names so a reader of the generated
``_schemas.py`` recognises the schema; what Python needs besides is added
under ``$`` keys: ``$pattern`` (the pattern translated from ECMA-262),
``$resource``/``$dynamicAnchors`` (the dynamic scope).  In ``_schemas.RULES`` a
``$ref`` is the position of the referenced entry in the table (keys are long and
named many times), and no schema is stored twice: a sub-schema equal to an entry is a
``$ref`` to it.
"""

from __future__ import annotations

import json

from generator.ecma_regex import translate
from generator.ir import NamedRules, Rules, Schema, TypeName, Validator
from generator.ir.types import JsonValue

_CONSTRAINTS = (
    ("min_length", "minLength"),
    ("max_length", "maxLength"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"),
    ("multiple_of", "multipleOf"),
    ("min_items", "minItems"),
    ("max_items", "maxItems"),
    ("unique_items", "uniqueItems"),
    ("min_properties", "minProperties"),
    ("max_properties", "maxProperties"),
)


def rules_data(rules: Rules, refs: Refs | None = None) -> JsonValue:
    """JSON form of one ``Rules`` node.

    ``refs`` (the keys of ``Schema.rules`` by their rules): a sub-schema that is
    stored under a key of its own is written as a ``$ref`` to it (unless it is a leaf, whose
    checks the compiled code writes inline), so that no schema is stored twice.
    """
    if rules.always is not None:
        return rules.always
    data: dict[str, JsonValue] = {}
    if rules.types is not None:
        data["type"] = list(rules.types)
    if rules.enum is not None:
        data["enum"] = list(rules.enum)
    if rules.const is not None:
        data["const"] = rules.const.value
    constraints = rules.constraints
    for attribute, keyword in _CONSTRAINTS:
        value = getattr(constraints, attribute)
        if value is not None:
            data[keyword] = value
    if constraints.pattern is not None:
        python = translate(constraints.pattern).pattern
        if python is not None:
            data["pattern"] = constraints.pattern
            data["$pattern"] = python
    if rules.format is not None:
        data["format"] = rules.format
    if rules.properties:
        data["properties"] = {name: _sub(sub, refs) for name, sub in rules.properties}
    patterns: list[JsonValue] = []
    for pattern, sub in rules.pattern_properties:
        python = translate(pattern).pattern
        if python is not None:
            patterns.append([pattern, python, _sub(sub, refs)])
    if patterns:
        data["patternProperties"] = patterns
    for attribute, keyword in (
        ("additional_properties", "additionalProperties"),
        ("property_names", "propertyNames"),
        ("items", "items"),
        ("contains", "contains"),
        ("unevaluated_items", "unevaluatedItems"),
        ("unevaluated_properties", "unevaluatedProperties"),
        ("not_", "not"),
        ("if_", "if"),
        ("then", "then"),
        ("else_", "else"),
    ):
        sub = getattr(rules, attribute)
        if sub is not None:
            data[keyword] = _sub(sub, refs)
    if rules.required:
        data["required"] = list(rules.required)
    if rules.dependent_required:
        data["dependentRequired"] = {
            name: list(needed) for name, needed in rules.dependent_required
        }
    if rules.dependent_schemas:
        data["dependentSchemas"] = {name: _sub(sub, refs) for name, sub in rules.dependent_schemas}
    if rules.prefix_items:
        data["prefixItems"] = [_sub(sub, refs) for sub in rules.prefix_items]
    if rules.min_contains is not None:
        data["minContains"] = rules.min_contains
    if rules.max_contains is not None:
        data["maxContains"] = rules.max_contains
    for attribute, keyword in (("all_of", "allOf"), ("any_of", "anyOf"), ("one_of", "oneOf")):
        subs = getattr(rules, attribute)
        if subs:
            data[keyword] = [_sub(sub, refs) for sub in subs]
    if rules.ref is not None:
        data["$ref"] = rules.ref if refs is None else refs.position(rules.ref)
    if rules.dynamic_ref is not None:
        data["$dynamicRef"] = {
            "anchor": rules.dynamic_ref.anchor,
            "fallback": rules.dynamic_ref.fallback,
        }
    if rules.resource is not None:
        data["$resource"] = rules.resource
        data["$dynamicAnchors"] = dict(rules.dynamic_anchors)
    return data


def _sub(rules: Rules, refs: Refs | None) -> JsonValue:
    """JSON form of a sub-schema: a ``$ref`` to its own entry when ``refs`` has one."""
    if refs is not None and not _leaf(rules):
        key = refs.find(rules)
        if key is not None:
            return {"$ref": refs.position(key)}
    return rules_data(rules, refs)


class Refs:
    """The key of each entry of ``Schema.rules`` by its rules, to write a sub-schema that has
    an entry of its own as a ``$ref`` to it.

    Rules compare with Python's ``==`` (``0 == False``), JSON Schema does not: a candidate of
    equal hash is taken only when the two read the same as JSON (``true`` is not ``1``).
    """

    def __init__(self, entries: tuple[NamedRules, ...]) -> None:
        self._found: dict[Rules, list[tuple[Rules, str]]] = {}
        self._texts: dict[str, str] = {}
        self._positions = {entry.key: index for index, entry in enumerate(entries)}
        for entry in entries:
            try:
                self._found.setdefault(entry.rules, []).append((entry.rules, entry.key))
            except TypeError:  # an object or array in an enum or const: not hashable
                continue

    def position(self, key: str) -> int | str:
        """How a ``$ref`` to ``key`` is written: the entry's position in the table (keys are
        long, and many references name one), or the key when it has no entry."""
        return self._positions.get(key, key)

    def find(self, rules: Rules, self_key: str | None = None) -> str | None:
        """The key of the first entry (other than ``self_key``) whose rules are ``rules``."""
        try:
            candidates = self._found.get(rules, ())
        except TypeError:
            return None
        text: str | None = None
        for candidate, key in candidates:
            if key == self_key:
                return None
            if candidate is not rules:
                text = text if text is not None else _text(rules)
                known = self._texts.get(key)
                if known is None:
                    known = self._texts[key] = _text(candidate)
                if known != text:
                    continue
            return key
        return None


def _text(rules: Rules) -> str:
    return json.dumps(rules_data(rules), ensure_ascii=False, separators=(",", ":"))


def _leaf(rules: Rules) -> bool:
    """Rules with no sub-schema, reference or object/array keyword (checked inline)."""
    return (
        rules.always is not None
        or not (
            rules.properties
            or rules.pattern_properties
            or rules.required
            or rules.dependent_required
            or rules.prefix_items
            or rules.all_of
            or rules.any_of
            or rules.one_of
            or rules.min_contains is not None
            or rules.max_contains is not None
            or rules.ref is not None
            or rules.dynamic_ref is not None
            or rules.resource is not None
            or any(
                getattr(rules, name) is not None
                for name in (
                    "additional_properties",
                    "property_names",
                    "items",
                    "contains",
                    "unevaluated_items",
                    "unevaluated_properties",
                    "not_",
                    "if_",
                    "then",
                    "else_",
                )
            )
        )
    )


def rules_table(schema: Schema) -> list[tuple[str, str]]:
    """``(key, JSON text)`` of every rules entry of the schema, sorted by key."""
    refs = Refs(schema.rules)
    table = []
    for entry in schema.rules:
        first = refs.find(entry.rules, entry.key) or entry.key
        # an entry equal to an earlier one (the same inline schema under two operations) is
        # a reference to it
        data = (
            {"$ref": refs.position(first)}
            if first != entry.key
            else rules_data(entry.rules, refs)
        )
        table.append((entry.key, json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
    return table


def validator_name(name: TypeName, taken: frozenset[str]) -> str:
    """Module-level name of the validator of a named schema that is no class (``SlugValidator``)."""
    from generator.render.filters.python_code import class_name

    ident = class_name(name) + "Validator"
    while ident in taken:
        ident += "_"
    return ident


def module_validators(schema: Schema, namespace: str, classes: frozenset[str]) -> list[Validator]:
    """The validators of ``namespace``: one module-level object per named schema (a model class's
    ``validate`` also requires an object, which the class holds; the schema may allow more)."""
    return [validator for validator in schema.validators if validator.name.namespace == namespace]
