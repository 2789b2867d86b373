"""Compare validation constraints: tighter breaks callers, looser does not.

Only called when both sides carry validation facts; there ``None`` means
"no such constraint", so adding one tightens and removing one loosens.
"""

from __future__ import annotations

import json

from generator.diff.changes import Impact, Scope
from generator.ir import Constraints
from generator.naming import camel_case

LOWER_BOUNDS = ("min_length", "minimum", "exclusive_minimum", "min_items", "min_properties")
"""Constraints where a larger value is tighter."""
UPPER_BOUNDS = ("max_length", "maximum", "exclusive_maximum", "max_items", "max_properties")
"""Constraints where a smaller value is tighter."""


def compare_constraints(old: Constraints, new: Constraints, scope: Scope) -> None:
    """Record every constraint that was added, removed, tightened or loosened."""
    if old == new:
        return
    for name in LOWER_BOUNDS:
        _bound(name, getattr(old, name), getattr(new, name), scope, larger_is_tighter=True)
    for name in UPPER_BOUNDS:
        _bound(name, getattr(old, name), getattr(new, name), scope, larger_is_tighter=False)
    _pattern(old.pattern, new.pattern, scope)
    _multiple_of(old.multiple_of, new.multiple_of, scope)
    if bool(old.unique_items) != bool(new.unique_items):
        _record(scope, "unique_items", bool(new.unique_items), old.unique_items, new.unique_items)


def _record(
    scope: Scope,
    name: str,
    tighter: bool,
    old: int | float | str | bool | None,
    new: int | float | str | bool | None,
    changed: str | None = None,
) -> None:
    if changed is None:
        changed = "tightened" if tighter else "loosened"
    keyword = camel_case(name)  # as OpenAPI writes it
    if old is None:
        message = f"{keyword} {json.dumps(new)} added"
    elif new is None:
        message = f"{keyword} {json.dumps(old)} removed"
    else:
        message = f"{keyword} {changed}: {json.dumps(old)} -> {json.dumps(new)}"
    kind = "constraint-" + ("tightened" if tighter else "loosened")
    scope.add(kind, Impact.BREAKING if tighter else Impact.NON_BREAKING, message, old, new)


def _bound(
    name: str,
    old: int | float | None,
    new: int | float | None,
    scope: Scope,
    *,
    larger_is_tighter: bool,
) -> None:
    if old == new:
        return
    tighter = old is None if old is None or new is None else (new > old) == larger_is_tighter
    _record(scope, name, tighter, old, new)


def _pattern(old: str | None, new: str | None, scope: Scope) -> None:
    if old == new:
        return
    # a different pattern may reject what the old one accepted: assume the worst
    _record(scope, "pattern", new is not None, old, new, changed="changed")


def _multiple_of(old: int | float | None, new: int | float | None, scope: Scope) -> None:
    if old == new:
        return
    if old is None or new is None:
        _record(scope, "multiple_of", old is None, old, new)
        return
    looser = old % new == 0  # every multiple of old is a multiple of new
    _record(scope, "multiple_of", not looser, old, new)
