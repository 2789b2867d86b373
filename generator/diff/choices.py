"""Compare two versions of an enum or a named union."""

from __future__ import annotations

import json

from generator.diff.changes import Impact, Scope
from generator.diff.facts import same_text
from generator.diff.types import compare_variants
from generator.ir import EnumModel, UnionModel, thaw


def compare_enums(old: EnumModel, new: EnumModel, scope: Scope) -> None:
    """Values removed (breaking) and added (non-breaking), openness, value descriptions."""
    old_values = {json.dumps(thaw(value.value), sort_keys=True): value for value in old.values}
    new_values = {json.dumps(thaw(value.value), sort_keys=True): value for value in new.values}
    for key, value in old_values.items():
        if key not in new_values:
            scope.inner(f"value {key}").add(
                "enum-value-removed", Impact.BREAKING, "removed", old=thaw(value.value)
            )
    for key, value in new_values.items():
        if key not in old_values:
            scope.inner(f"value {key}", value.location).add(
                "enum-value-added",
                Impact.NON_BREAKING,
                "added",
                new=thaw(value.value),
                facts=("open",) if new.open else (),
            )
        elif not same_text(old_values[key].description, value.description):
            scope.inner(f"value {key}").add(
                "description-changed",
                Impact.NON_SEMANTIC,
                "description changed",
                old_values[key].description,
                value.description,
            )
    if old.open is not None and new.open is not None and old.open != new.open:
        scope.add(
            "enum-open-changed",
            Impact.NON_BREAKING if new.open else Impact.BREAKING,
            "now accepts unknown values" if new.open else "no longer accepts unknown values",
            old.open,
            new.open,
        )


def compare_unions(old: UnionModel, new: UnionModel, scope: Scope) -> None:
    """Variants removed and added, discriminator and mapping."""
    compare_variants(
        tuple(variant.type for variant in old.variants),
        tuple(variant.type for variant in new.variants),
        scope,
    )
    if (
        None not in (old.discriminator, new.discriminator)
        and old.discriminator != new.discriminator
    ):
        scope.add(
            "discriminator-changed",
            Impact.BREAKING,
            f"discriminator `{old.discriminator}` -> `{new.discriminator}`",
            old.discriminator,
            new.discriminator,
        )
    if scope.validation and (old.discriminator is None) != (new.discriminator is None):
        added = new.discriminator is not None
        scope.add(
            "discriminator-added" if added else "discriminator-removed",
            Impact.NON_SEMANTIC,  # judged per direction by the rules
            f"discriminator `{new.discriminator}` added"
            if added
            else f"discriminator `{old.discriminator}` removed",
            old.discriminator,
            new.discriminator,
        )
    if old.mapping and new.mapping:
        before = {key: str(scope.moved.get(name, name)) for key, name in old.mapping}
        after = {key: str(name) for key, name in new.mapping}
        for key in sorted(before.keys() | after.keys()):
            if before.get(key) == after.get(key):
                continue
            added = key not in before
            message = (
                f"maps to {after[key]}"
                if added
                else "removed"
                if key not in after
                else f"maps to {after[key]} instead of {before[key]}"
            )
            scope.inner(f"discriminator value {json.dumps(key)}").add(
                "mapping-changed",
                Impact.NON_BREAKING if added else Impact.BREAKING,
                message,
                before.get(key),
                after.get(key),
                facts=("added",) if added else (),
            )
