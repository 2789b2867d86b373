"""``Rules`` -> the JSON the ``python`` target's ``_validation`` module compiles.

The JSON keeps JSON Schema's keyword names so a reader of the generated
``_schemas.py`` recognises the schema; what Python needs besides is added
under ``$`` keys: ``$pattern`` (the pattern translated from ECMA-262),
``$resource``/``$dynamicAnchors`` (the dynamic scope), and references are
keys of ``_schemas.RULES``.
"""

from __future__ import annotations

import json

from generator.ecma_regex import translate
from generator.ir import Rules, Schema, TypeName, Validator
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


def rules_data(rules: Rules) -> JsonValue:
    """JSON form of one ``Rules`` node."""
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
        data["properties"] = {name: rules_data(sub) for name, sub in rules.properties}
    patterns: list[JsonValue] = []
    for pattern, sub in rules.pattern_properties:
        python = translate(pattern).pattern
        if python is not None:
            patterns.append([pattern, python, rules_data(sub)])
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
            data[keyword] = rules_data(sub)
    if rules.required:
        data["required"] = list(rules.required)
    if rules.dependent_required:
        data["dependentRequired"] = {
            name: list(needed) for name, needed in rules.dependent_required
        }
    if rules.dependent_schemas:
        data["dependentSchemas"] = {name: rules_data(sub) for name, sub in rules.dependent_schemas}
    if rules.prefix_items:
        data["prefixItems"] = [rules_data(sub) for sub in rules.prefix_items]
    if rules.min_contains is not None:
        data["minContains"] = rules.min_contains
    if rules.max_contains is not None:
        data["maxContains"] = rules.max_contains
    for attribute, keyword in (("all_of", "allOf"), ("any_of", "anyOf"), ("one_of", "oneOf")):
        subs = getattr(rules, attribute)
        if subs:
            data[keyword] = [rules_data(sub) for sub in subs]
    if rules.ref is not None:
        data["$ref"] = rules.ref
    if rules.dynamic_ref is not None:
        data["$dynamicRef"] = {
            "anchor": rules.dynamic_ref.anchor,
            "fallback": rules.dynamic_ref.fallback,
        }
    if rules.resource is not None:
        data["$resource"] = rules.resource
        data["$dynamicAnchors"] = dict(rules.dynamic_anchors)
    return data


def rules_table(schema: Schema) -> list[tuple[str, str]]:
    """``(key, JSON text)`` of every rules entry of the schema, sorted by key."""
    return [
        (entry.key, json.dumps(rules_data(entry.rules), ensure_ascii=False, separators=(",", ":")))
        for entry in schema.rules
    ]


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
