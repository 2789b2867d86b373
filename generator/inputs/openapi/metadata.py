"""Annotation keywords of a schema: description, examples, default, flags, naming hints."""

from __future__ import annotations

from typing import cast

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.ir import Default, JsonValue

NAME_OVERRIDE = "x-speakeasy-name-override"


def description(ctx: Context, schema: dict[str, object], ptr: str) -> str | None:
    """The description, trailing whitespace removed; ``None`` when absent or blank."""
    text = kw.string(ctx, schema, ptr, "description")
    if text is None:
        return None
    return text.rstrip() or None


def examples(ctx: Context, schema: dict[str, object], ptr: str) -> tuple[JsonValue, ...]:
    """``example`` followed by the items of ``examples`` (JSON Schema style, a list)."""
    found: list[JsonValue] = []
    if "example" in schema:
        found.append(cast(JsonValue, schema["example"]))
    if "examples" in schema:
        items = schema["examples"]
        if isinstance(items, list):
            found.extend(cast(list[JsonValue], items))
        else:
            kw.wrong_type(ctx, schema, ptr, "examples", "a list of example values")
    return tuple(found)


def default(schema: dict[str, object]) -> Default | None:
    """``Default(value)`` when the schema has a default (``Default(None)`` for ``default: null``)."""
    if "default" not in schema:
        return None
    return Default(cast(JsonValue, schema["default"]))


def flag(ctx: Context, schema: dict[str, object], ptr: str, key: str) -> bool:
    """A boolean keyword such as ``deprecated``; ``False`` when absent or wrong."""
    if key not in schema:
        return False
    return kw.boolean(ctx, schema, ptr, key)


def preferred_name(ctx: Context, schema: dict[str, object], ptr: str) -> str | None:
    """The name the schema asks for: ``x-speakeasy-name-override``, else its ``$anchor`` (a
    plain-name identifier of the schema, which Speakeasy names it by), else ``title``."""
    for key in (NAME_OVERRIDE, "$anchor", "title"):
        if key in schema:
            name = kw.string(ctx, schema, ptr, key)
            if name:
                return name
    return None


def names_itself(schema: dict[str, object]) -> bool:
    """The schema carries an identifier as its name (``x-speakeasy-name-override`` or
    ``$anchor``), not a descriptive ``title``: the name is used as it is, never prefixed."""
    return any(
        isinstance(schema.get(key), str) and bool(schema[key]) for key in (NAME_OVERRIDE, "$anchor")
    )


def name_override(ctx: Context, schema: dict[str, object], ptr: str) -> str | None:
    """``x-speakeasy-name-override`` of a property: the name SDKs give the field."""
    if NAME_OVERRIDE not in schema:
        return None
    return kw.string(ctx, schema, ptr, NAME_OVERRIDE) or None
