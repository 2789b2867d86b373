"""Compare two versions of an object model, field by field."""

from __future__ import annotations

import json
from dataclasses import replace

from generator.diff.changes import Impact, Scope
from generator.diff.constraints import compare_constraints
from generator.diff.facts import name_is_fact, name_key, same_text
from generator.diff.types import compare_types
from generator.ir import Field, ObjectModel
from generator.ir.serialize import to_data


def compare_objects(old: ObjectModel, new: ObjectModel, scope: Scope) -> None:
    """Fields added, removed, renamed in case only, and changed; then object-level facts."""
    pairs, removed, added = _pair_fields(old, new)
    for field in removed:
        scope.inner(f"field `{field.name}`").add(
            "field-removed",
            Impact.BREAKING,
            "removed",
            old=field.name,
            facts=("required",) if field.required else (),
        )
    for field in added:
        what = "required" if field.required else "optional"
        scope.inner(f"field `{field.name}`", field.location).add(
            "field-added",
            Impact.BREAKING if field.required else Impact.NON_BREAKING,
            f"added ({what})",
            new=field.name,
        )
    for before, after in pairs:
        field_scope = scope.inner(f"field `{after.name}`", after.location)
        if before.name != after.name:
            field_scope.add(
                "field-renamed",
                Impact.BREAKING,
                f"renamed only in case: `{before.name}` -> `{after.name}`"
                if before.name.lower() == after.name.lower()
                else f"renamed (same words, other case or separators): `{before.name}` -> `{after.name}`",
                before.name,
                after.name,
            )
        compare_fields(before, after, field_scope)
    if old.additional_properties is not None and new.additional_properties is not None:
        compare_types(
            old.additional_properties,
            new.additional_properties,
            scope.inner("additional properties"),
        )
    if scope.validation:
        compare_constraints(old.constraints, new.constraints, scope)
        if old.closed != new.closed:
            scope.add(
                "closed-changed",
                Impact.BREAKING if new.closed else Impact.NON_BREAKING,
                "unknown properties are now rejected"
                if new.closed
                else "unknown properties are now accepted",
                old.closed,
                new.closed,
            )


def _pair_fields(
    old: ObjectModel, new: ObjectModel
) -> tuple[list[tuple[Field, Field]], list[Field], list[Field]]:
    """Same wire name first; then names equal but for case and separators, once each."""
    new_by_name = {field.name: field for field in new.fields}
    pairs = [(field, new_by_name[field.name]) for field in old.fields if field.name in new_by_name]
    paired = {field.name for field, _ in pairs}
    old_rest = [field for field in old.fields if field.name not in paired]
    new_rest = [field for field in new.fields if field.name not in paired]
    new_keys: dict[str, list[Field]] = {}
    for field in new_rest:
        new_keys.setdefault(name_key(field.name), []).append(field)
    old_keys: dict[str, int] = {}
    for field in old_rest:
        old_keys[name_key(field.name)] = old_keys.get(name_key(field.name), 0) + 1
    removed: list[Field] = []
    for field in old_rest:
        key = name_key(field.name)
        candidates = new_keys.get(key, [])
        if len(candidates) == 1 and old_keys[key] == 1:
            match = candidates.pop()
            pairs.append((field, match))
            new_rest.remove(match)
        else:
            removed.append(field)
    return _facts_only(pairs, old, new), removed, new_rest


def _facts_only(
    pairs: list[tuple[Field, Field]], old: ObjectModel, new: ObjectModel
) -> list[tuple[Field, Field]]:
    """Forget a rename when either name was derived from a docs name: it is not a fact."""
    result = []
    for before, after in pairs:
        if before.name != after.name and not (
            name_is_fact(before, old) and name_is_fact(after, new)
        ):
            before = replace(before, name=after.name)
        result.append((before, after))
    return result


def compare_fields(old: Field, new: Field, scope: Scope) -> None:
    """Required, nullable, type, default, read/write-only, deprecated and description."""
    old_required, new_required = _required(old, new, scope.sides)
    if old_required != new_required:
        scope.add(
            "required-changed",
            Impact.BREAKING if new_required else Impact.NON_BREAKING,
            "became required" if new_required else "became optional",
            old_required,
            new_required,
        )
    if old.nullable is not None and new.nullable is not None and old.nullable != new.nullable:
        scope.add(
            "nullable-changed",
            Impact.NON_BREAKING if new.nullable else Impact.BREAKING,
            "may now be null" if new.nullable else "may no longer be null",
            old.nullable,
            new.nullable,
        )
    compare_types(old.type, new.type, scope)
    if scope.validation:
        _validation_facts(old, new, scope)
    if old.deprecated != new.deprecated:
        message = "deprecated" if new.deprecated else "no longer deprecated"
        scope.add(
            "deprecated-changed", Impact.NON_SEMANTIC, message, old.deprecated, new.deprecated
        )
    if not same_text(old.description, new.description):
        scope.add(
            "description-changed",
            Impact.NON_SEMANTIC,
            "description changed",
            old.description,
            new.description,
        )


def _required(old: Field, new: Field, sides: tuple[bool, bool]) -> tuple[bool, bool]:
    """Required as both sides can say it.

    SDK docs mark a field required only when a caller must send it, so a field
    an OpenAPI spec requires but gives a default is optional there.  Against
    such a side, the OpenAPI side's field counts as required only without a default.
    """
    old_required, new_required = old.required, new.required
    if sides == (True, False):
        old_required = old.required and old.default is None
    elif sides == (False, True):
        new_required = new.required and new.default is None
    if old_required is None or new_required is None:  # a side that cannot say is no change
        known = new_required if old_required is None else old_required
        return bool(known), bool(known)
    return old_required, new_required


def _validation_facts(old: Field, new: Field, scope: Scope) -> None:
    if old.default != new.default:
        before = None if old.default is None else to_data(old.default.value)
        after = None if new.default is None else to_data(new.default.value)
        if old.default is None:
            message = f"default {json.dumps(after)} added"
        elif new.default is None:
            message = f"default {json.dumps(before)} removed"
        else:
            message = f"default {json.dumps(before)} -> {json.dumps(after)}"
        scope.add("default-changed", Impact.NON_BREAKING, message, before, after)
    if old.read_only != new.read_only:
        scope.add(
            "read-only-changed",
            Impact.BREAKING if new.read_only else Impact.NON_BREAKING,
            "became read-only (sent by the server only)"
            if new.read_only
            else "no longer read-only",
            old.read_only,
            new.read_only,
        )
    if old.write_only != new.write_only:
        message = "became write-only" if new.write_only else "no longer write-only"
        scope.add(
            "write-only-changed", Impact.NON_BREAKING, message, old.write_only, new.write_only
        )
