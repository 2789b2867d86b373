"""Typed access to keywords of a mapping: a wrong type is reported and read as absent."""

from __future__ import annotations

import math

from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join


def describe(value: object) -> str:
    """A short phrase naming a value's JSON type, e.g. ``a string ("a")``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'a string ("{shown}")'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def wrong_type(ctx: Context, node: dict[str, object], ptr: str, key: str, expected: str) -> None:
    """Report that ``node[key]`` does not have the ``expected`` type."""
    ctx.key_problem(node, ptr, key, f"{key} is {describe(node[key])}; expected {expected}")


def string(ctx: Context, node: dict[str, object], ptr: str, key: str) -> str | None:
    """``node[key]`` when it is a string."""
    value = node.get(key)
    if value is None or isinstance(value, str):
        return value
    wrong_type(ctx, node, ptr, key, "a string")
    return None


def boolean(ctx: Context, node: dict[str, object], ptr: str, key: str) -> bool:
    """``node[key]`` when it is a boolean; ``False`` when absent."""
    value = node.get(key, False)
    if isinstance(value, bool):
        return value
    wrong_type(ctx, node, ptr, key, "true or false")
    return False


def is_number(value: object) -> bool:
    """A finite JSON number (booleans are not numbers)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def number(ctx: Context, node: dict[str, object], ptr: str, key: str) -> int | float | None:
    """``node[key]`` when it is a finite number."""
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, int | float) and is_number(value):
        return value
    wrong_type(ctx, node, ptr, key, "a number")
    return None


def count(ctx: Context, node: dict[str, object], ptr: str, key: str) -> int | None:
    """``node[key]`` when it is a non-negative integer (``2.0`` counts as ``2``)."""
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    wrong_type(ctx, node, ptr, key, "a non-negative integer")
    return None


def mapping(ctx: Context, node: dict[str, object], ptr: str, key: str) -> dict[str, object] | None:
    """``node[key]`` when it is a mapping."""
    value = node.get(key)
    if value is None or isinstance(value, dict):
        return value
    wrong_type(ctx, node, ptr, key, "a mapping")
    return None


def sequence(ctx: Context, node: dict[str, object], ptr: str, key: str) -> list[object] | None:
    """``node[key]`` when it is a list."""
    value = node.get(key)
    if value is None or isinstance(value, list):
        return value
    wrong_type(ctx, node, ptr, key, "a list")
    return None


def string_list(ctx: Context, node: dict[str, object], ptr: str, key: str) -> list[str]:
    """``node[key]`` when it is a list of strings; other items are reported and skipped."""
    value = node.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        wrong_type(ctx, node, ptr, key, "a list of strings")
        return []
    found: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            found.append(item)
        else:
            line = ctx.document.item_line(value, index)
            ctx.problem(
                ctx.location(line, join(ptr, key, index)),
                f"{key} item {index} is {describe(item)}; expected a string",
            )
    return found
