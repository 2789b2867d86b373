"""Validation keywords of a schema -> ``Constraints``, keeping those that apply to the value's kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.ir import NO_CONSTRAINTS, Constraints, PrimitiveKind

KEYWORDS = frozenset(
    (
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
    )
)
"""Every keyword read into ``Constraints``."""

_STRING = ("min_length", "max_length", "pattern")
_NUMBER = ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum", "multiple_of")
_ARRAY = ("min_items", "max_items", "unique_items")
_OBJECT = ("min_properties", "max_properties")
_BY_KIND: dict[PrimitiveKind | str, tuple[str, ...]] = {
    PrimitiveKind.STRING: _STRING,
    PrimitiveKind.INTEGER: _NUMBER,
    PrimitiveKind.NUMBER: _NUMBER,
    PrimitiveKind.BOOLEAN: (),
    PrimitiveKind.ANY: _STRING + _NUMBER,
    "array": _ARRAY,
    "object": _OBJECT,
}


def _values_of(names: tuple[str, ...]) -> Callable[[Constraints], tuple[object, ...]]:
    """A function giving the values of ``names`` of a ``Constraints``, as a tuple."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda constraints: tuple(getattr(constraints, name) for name in names)


_NOT_FOR_KIND = {
    kind: (dropped, _values_of(dropped))
    for kind, keep in _BY_KIND.items()
    for dropped in [tuple(n for n in _STRING + _NUMBER + _ARRAY + _OBJECT if n not in keep)]
}
"""Per kind: the constraint names that cannot apply to it, and a getter of their values."""


def read_constraints(ctx: Context, schema: dict[str, object], ptr: str) -> Constraints:
    """All constraint keywords of ``schema``; wrong types are reported and skipped."""
    if KEYWORDS.isdisjoint(schema):
        return NO_CONSTRAINTS
    minimum = kw.number(ctx, schema, ptr, "minimum")
    maximum = kw.number(ctx, schema, ptr, "maximum")
    exclusive_minimum, minimum = _exclusive(ctx, schema, ptr, "exclusiveMinimum", minimum)
    exclusive_maximum, maximum = _exclusive(ctx, schema, ptr, "exclusiveMaximum", maximum)
    multiple_of = kw.number(ctx, schema, ptr, "multipleOf")
    if multiple_of is not None and multiple_of <= 0:
        kw.wrong_type(ctx, schema, ptr, "multipleOf", "a number greater than 0")
        multiple_of = None
    unique = kw.boolean(ctx, schema, ptr, "uniqueItems")
    return Constraints(
        min_length=kw.count(ctx, schema, ptr, "minLength"),
        max_length=kw.count(ctx, schema, ptr, "maxLength"),
        pattern=kw.string(ctx, schema, ptr, "pattern"),
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_minimum,
        exclusive_maximum=exclusive_maximum,
        multiple_of=multiple_of,
        min_items=kw.count(ctx, schema, ptr, "minItems"),
        max_items=kw.count(ctx, schema, ptr, "maxItems"),
        unique_items=True if unique else None,
        min_properties=kw.count(ctx, schema, ptr, "minProperties"),
        max_properties=kw.count(ctx, schema, ptr, "maxProperties"),
    )


def for_kind(constraints: Constraints, kind: PrimitiveKind | str) -> Constraints:
    """``constraints`` without the keywords that cannot apply to ``kind`` (``"array"``, ``"object"``)."""
    if constraints is NO_CONSTRAINTS:
        return constraints
    names, values_of = _NOT_FOR_KIND[kind]
    values = values_of(constraints)
    if values.count(None) == len(values):
        return constraints
    dropped = {name: None for name, value in zip(names, values, strict=True) if value is not None}
    narrowed = replace(constraints, **dropped)
    return NO_CONSTRAINTS if narrowed.is_empty() else narrowed


def _exclusive(
    ctx: Context, schema: dict[str, object], ptr: str, key: str, bound: int | float | None
) -> tuple[int | float | None, int | float | None]:
    """(exclusive bound, inclusive bound) from OpenAPI 3.0 ``true`` flags or 3.1 numbers."""
    value = schema.get(key)
    if value is None:
        return None, bound
    if isinstance(value, bool):
        if not value:
            return None, bound
        if bound is None:
            side = "minimum" if key == "exclusiveMinimum" else "maximum"
            ctx.key_warning(
                schema,
                ptr,
                key,
                f"{key} is true but there is no {side} to exclude; {key} is ignored",
            )
            return None, bound
        return bound, None
    if isinstance(value, int | float) and kw.is_number(value):
        return value, bound
    kw.wrong_type(ctx, schema, ptr, key, "a boolean (OpenAPI 3.0) or a number (OpenAPI 3.1)")
    return None, bound
