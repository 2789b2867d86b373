"""Validation rules of the IR: every JSON Schema 2020-12 assertion and applicator of a schema.

The type nodes (``generator.ir.types``) say what a value *is* so that classes
can be generated; they cannot say everything a JSON Schema asserts (``not``,
``if``/``then``/``else``, ``oneOf`` exclusivity, ``unevaluatedProperties``...).
``Rules`` can: one ``Rules`` is one schema object with each keyword as a typed
attribute, sub-schemas nested as ``Rules``, and references (``$ref``,
``$dynamicRef``) as keys into ``Schema.rules`` so that recursion is a cycle of
keys, never of objects.  Validators (the ``python`` target) check payloads
against these with JSON Schema's semantics: a keyword applies only to values
of its type, ``type`` is never inferred, the ``false`` schema rejects.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.location import Location
from generator.ir.types import NO_CONSTRAINTS, Constraints, Default, JsonValue, TypeName


@dataclass(frozen=True, slots=True)
class DynamicRef:
    """A ``$dynamicRef``: resolved against the dynamic scope when the payload is checked."""

    anchor: str | None
    """The ``$dynamicAnchor`` name it looks for in the dynamic scope; ``None`` when the
    static target declares no such anchor (then it is a plain ``$ref``)."""
    fallback: str
    """Key (in ``Schema.rules``) of the statically resolved target."""


@dataclass(frozen=True, slots=True)
class Rules:
    """One JSON Schema (2020-12 semantics): every keyword a validator checks.

    An attribute left at its default means "no such keyword".  ``always`` is
    set for the boolean schemas ``true`` / ``false`` (every other attribute is
    then at its default).
    """

    always: bool | None = None
    """``True``/``False`` for the boolean schemas; ``None`` for a schema object."""
    types: tuple[str, ...] | None = None
    """JSON types allowed (``type``): ``null``, ``boolean``, ``object``, ``array``, ``number``,
    ``string``, ``integer``; ``None`` when ``type`` is absent (any type)."""
    enum: tuple[JsonValue, ...] | None = None
    """Allowed values (``enum``), any JSON values, compared as JSON (``1 == 1.0``, ``true != 1``)."""
    const: Default | None = None
    """The only allowed value (``const``); wrapped so that ``const: null`` differs from none."""
    constraints: Constraints = NO_CONSTRAINTS
    """Length, pattern, bound, multiple, count and uniqueness keywords; each applies only to
    values of its type (``minLength`` to strings...)."""
    format: str | None = None
    """``format``; asserted or an annotation as the target is told (``--formats``)."""
    properties: tuple[tuple[str, Rules], ...] = ()
    """``properties``: property name and the rules of its value, in source order."""
    pattern_properties: tuple[tuple[str, Rules], ...] = ()
    """``patternProperties``: ECMA-262 pattern and the rules of values whose names match."""
    additional_properties: Rules | None = None
    """``additionalProperties``: rules of properties neither listed nor matched by a pattern."""
    property_names: Rules | None = None
    """``propertyNames``: rules every property name (a string) must satisfy."""
    required: tuple[str, ...] = ()
    """``required``: property names an object must have."""
    dependent_required: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """``dependentRequired``: when the property is present, the listed ones must be too."""
    dependent_schemas: tuple[tuple[str, Rules], ...] = ()
    """``dependentSchemas``: when the property is present, the object must satisfy the rules."""
    prefix_items: tuple[Rules, ...] = ()
    """``prefixItems``: rules of the first items, by position."""
    items: Rules | None = None
    """``items``: rules of every item after the ``prefix_items``."""
    contains: Rules | None = None
    """``contains``: rules some items must satisfy (how many: ``min_contains``/``max_contains``)."""
    min_contains: int | None = None
    """``minContains``: fewest items matching ``contains`` (default 1 when ``contains`` is set)."""
    max_contains: int | None = None
    """``maxContains``: most items matching ``contains``."""
    unevaluated_items: Rules | None = None
    """``unevaluatedItems``: rules of items no other keyword (here or in a valid sub-schema) evaluated."""
    unevaluated_properties: Rules | None = None
    """``unevaluatedProperties``: rules of properties no other keyword evaluated."""
    all_of: tuple[Rules, ...] = ()
    """``allOf``: the value satisfies every one."""
    any_of: tuple[Rules, ...] = ()
    """``anyOf``: the value satisfies at least one."""
    one_of: tuple[Rules, ...] = ()
    """``oneOf``: the value satisfies exactly one."""
    not_: Rules | None = None
    """``not``: the value must not satisfy these rules."""
    if_: Rules | None = None
    """``if``: decides whether ``then`` or ``else`` applies."""
    then: Rules | None = None
    """``then``: applies when the value satisfies ``if_``."""
    else_: Rules | None = None
    """``else``: applies when the value does not satisfy ``if_``."""
    ref: str | None = None
    """``$ref``: key (in ``Schema.rules``) of the referenced schema; its siblings apply too."""
    dynamic_ref: DynamicRef | None = None
    """``$dynamicRef``."""
    resource: str | None = None
    """Set on a schema resource root (a document or a ``$id``) that declares dynamic anchors:
    its identifier, entered into the dynamic scope while its value is checked."""
    dynamic_anchors: tuple[tuple[str, str], ...] = ()
    """``$dynamicAnchor`` names of this resource and the key of the schema each names."""


@dataclass(frozen=True, slots=True)
class NamedRules:
    """An entry of ``Schema.rules``: a schema some reference or definition points at."""

    key: str
    """Stable identity: the file and JSON pointer (``spec/openapi.yaml#/components/schemas/Link``),
    the file named relative to the config's folder (without a config, the folder the ``--spec``
    inputs share), so the same inputs give the same keys from any working folder; ``ir`` and
    ``diff`` name it as shown."""
    rules: Rules
    """The schema's rules."""
    location: Location
    """Where the schema is written."""


@dataclass(frozen=True, slots=True)
class Validator:
    """A public entry point: the values of a named schema (definition or not) and their rules."""

    name: TypeName
    """The name of the schema (a definition's name, or a named schema that makes no definition,
    such as a string with a pattern)."""
    rules: str
    """Key (in ``Schema.rules``) of the rules a value must satisfy."""
    location: Location
    """Where the schema is written."""


__all__ = ["DynamicRef", "NamedRules", "Rules", "Validator"]
