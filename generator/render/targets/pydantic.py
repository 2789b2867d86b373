"""The ``pydantic`` target: pydantic v2 models made by datamodel-code-generator.

specloom does not template these models itself: it exports the IR's request
view as JSON Schema (``generator.export.jsonschema``) and hands it to
datamodel-code-generator's Python API (see ``generator.render.filters.python_pydantic``).
datamodel-code-generator is an optional dependency: ``pip install 'specloom[pydantic]'``.

pydantic's types cannot say all a JSON Schema says (``oneOf``, ``not``,
``if``/``then``/``else``, ``uniqueItems`` and ``const``/``enum`` with JSON
equality, ``unevaluatedProperties``...), so each model of a named schema
derives from ``_base.SchemaModel`` and is bound to that schema's rules: the
``python`` target's compiled validators (``_validation``, ``_schemas``,
``_ecma``, ``_runtime``, rendered from the same templates) check a payload
before pydantic converts it, and a model accepts exactly what its schema accepts.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

from generator.diagnostics import Problem, SpecloomError
from generator.ecma_regex import translate
from generator.export.jsonschema import definition_keys, export_schema
from generator.ir import Location, Rules, Schema
from generator.render.filters.python_pydantic import CONVERTED_FORMATS
from generator.render.targets.base import Options, OutputFile, Target
from generator.render.targets.python import ECMA_SOURCE

MISSING = (
    "the pydantic target needs datamodel-code-generator, which is not installed; "
    "expected it installed with: pip install 'specloom[pydantic]'"
)
"""The problem reported when datamodel-code-generator is absent."""


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """``<package>/__init__.py`` (the models) and ``<package>/py.typed``."""
    if importlib.util.find_spec("datamodel_code_generator") is None:
        raise SpecloomError([Problem(Location("--target pydantic"), MISSING)])
    document = export_schema(schema, request=True, formats=CONVERTED_FORMATS)
    _rust_patterns(document)
    bound = bindings(schema)
    _open_patterned(document, schema, bound)
    _nullable_unions(document, schema, bound)
    source = json.dumps(document, sort_keys=False, ensure_ascii=False)
    package = options.package
    return [
        OutputFile(
            f"{package}/__init__.py",
            "pydantic/models.py.jinja",
            {"json_schema": source, "bindings": bound},
        ),
        OutputFile(f"{package}/_base.py", "pydantic/_base.py.jinja"),
        OutputFile(f"{package}/_runtime.py", "python/_runtime.py.jinja"),
        OutputFile(f"{package}/_validation.py", "python/_validation.py.jinja"),
        OutputFile(f"{package}/_schemas.py", "python/_schemas.py.jinja"),
        OutputFile(f"{package}/_ecma.py", "python/_ecma.py.jinja", {"source": ECMA_SOURCE}),
        OutputFile(f"{package}/py.typed", "python/py.typed.jinja"),
    ]


def _open_patterned(
    document: dict[str, Any], schema: Schema, bound: dict[str, tuple[str, str]]
) -> None:
    """A bound object schema with ``patternProperties`` next to ``additionalProperties`` admits
    the properties the patterns match whatever ``additionalProperties`` says of the others: its
    pydantic model keeps extra properties of any type (the schema check before pydantic has
    refused the others), in place."""
    definitions = document.get("$defs", {})
    for key, (rules_key, _) in bound.items():
        rules = schema.rules_of(rules_key)
        body = definitions.get(key)
        if rules is None or not rules.pattern_properties or not isinstance(body, dict):
            continue
        if "additionalProperties" in body:
            body["additionalProperties"] = True


def _nullable_unions(
    document: dict[str, Any], schema: Schema, bound: dict[str, tuple[str, str]]
) -> None:
    """A bound union (an ``anyOf`` body) whose schema admits ``null`` admits it in its model too:
    the IR puts a union's ``null`` on the places that use it, so ``{"type": "null"}`` joins the
    ``anyOf`` here, in place, and the root model's type is ``X | None``. Widening the type
    changes no verdict: the schema check before pydantic still refuses what the schema does."""
    definitions = document.get("$defs", {})
    for key, (rules_key, _) in bound.items():
        body = definitions.get(key)
        rules = schema.rules_of(rules_key)
        members = body.get("anyOf") if isinstance(body, dict) else None
        if rules is None or not isinstance(members, list) or NULL in members:
            continue
        if admits_null(rules, schema):
            members.append(dict(NULL))


NULL = {"type": "null"}
"""The JSON Schema of ``null`` alone."""


def admits_null(rules: Rules, schema: Schema, seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``null`` may be valid against ``rules``: ``False`` only when its ``type``,
    ``enum``, ``const``, ``$ref``, ``allOf``, ``anyOf`` or ``oneOf`` refuse it (``not`` and
    ``if`` are not read, so ``True`` can be too generous; a ``$ref`` cycle says ``False``)."""
    if rules.always is not None:
        return rules.always
    if rules.types is not None and "null" not in rules.types:
        return False
    if rules.enum is not None and None not in rules.enum:
        return False
    if rules.const is not None and rules.const.value is not None:
        return False
    if rules.ref is not None:
        target = schema.rules_of(rules.ref)
        if rules.ref in seen or (
            target is not None and not admits_null(target, schema, seen | {rules.ref})
        ):
            return False
    if not all(admits_null(sub, schema, seen) for sub in rules.all_of):
        return False
    return all(
        any(admits_null(sub, schema, seen) for sub in group)
        for group in (rules.any_of, rules.one_of)
        if group
    )


def bindings(schema: Schema) -> dict[str, tuple[str, str]]:
    """``$defs`` key of each definition that has a validator -> (its rules key, its name)."""
    keys = definition_keys(schema)
    found: dict[str, tuple[str, str]] = {}
    for validator in schema.validators:
        key = keys.get(validator.name)
        if key is not None and schema.rules_of(validator.rules) is not None:
            found[key] = (validator.rules, str(validator.name))
    return found


_NOT_EXPORTED = (
    ("not_", "not"),
    ("if_", "if/then/else"),
    ("contains", "contains"),
    ("prefix_items", "prefixItems"),
    ("pattern_properties", "patternProperties"),
    ("property_names", "propertyNames"),
    ("dependent_required", "dependentRequired"),
    ("dependent_schemas", "dependentSchemas"),
    ("unevaluated_items", "unevaluatedItems"),
    ("unevaluated_properties", "unevaluatedProperties"),
    ("one_of", "oneOf (read as anyOf)"),
    ("dynamic_ref", "$dynamicRef"),
)


def _keywords(rules: Rules, found: set[str]) -> None:
    """Keywords of ``rules`` (and its inline sub-schemas) the pydantic models do not check."""
    for attribute, keyword in _NOT_EXPORTED:
        if getattr(rules, attribute):
            found.add(keyword)
    members = [rules.const.value] if rules.const is not None else list(rules.enum or ())
    if any(isinstance(m, bool) for m in members) or any(
        isinstance(m, int | float) and not isinstance(m, bool) for m in members
    ):
        found.add("const/enum of booleans or numbers (pydantic's Literal is lax: 0 == False)")
    if any(isinstance(m, dict | list) for m in members):
        found.add("const/enum of objects or arrays")
    if rules.constraints.unique_items:
        found.add("uniqueItems (pydantic compares true == 1)")
    pattern = rules.constraints.pattern
    if pattern is not None and translate(pattern, "rust").pattern is None:
        found.add(f"pattern {pattern!r}")
    subs = [sub for _, sub in rules.properties + rules.pattern_properties + rules.dependent_schemas]
    subs += list(rules.prefix_items + rules.all_of + rules.any_of + rules.one_of)
    for attribute in ("additional_properties", "property_names", "items", "contains", "not_"):
        sub = getattr(rules, attribute)
        if sub is not None:
            subs.append(sub)
    for sub in subs:
        _keywords(sub, found)


def unchecked(schema: Schema) -> list[str]:
    """One line per model: the JSON Schema keywords its schema uses that the pydantic model does
    not check (the ``python`` target's validators do)."""
    lines = []
    for validator in schema.validators:
        if schema.get(validator.name) is None:
            continue
        rules = schema.rules_of(validator.rules)
        if rules is None:
            continue
        found: set[str] = set()
        _keywords(rules, found)
        if found:
            lines.append(f"{validator.name}: {', '.join(sorted(found))}")
    return lines


def _rust_patterns(node: object) -> None:
    """ECMA-262 ``pattern`` values rewritten for pydantic-core's Rust regex engine, in place.

    A pattern that engine cannot run (look-around, back-references) is left out, so that
    the module imports; the python target checks it.
    """
    if isinstance(node, list):
        for item in node:
            _rust_patterns(item)
        return
    if not isinstance(node, dict):
        return
    pattern = node.get("pattern")
    if isinstance(pattern, str):
        translated = translate(pattern, "rust").pattern
        if translated is None:
            del node["pattern"]
        else:
            node["pattern"] = translated
    for value in node.values():
        if isinstance(value, dict | list):
            _rust_patterns(value)


TARGET = Target(
    name="pydantic",
    description="pydantic v2 models made by datamodel-code-generator from the JSON Schema export",
    plan=plan,
)
