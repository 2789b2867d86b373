"""Compare two schemas definition by definition."""

from __future__ import annotations

from generator.diff.changes import Change, Impact, Scope
from generator.diff.choices import compare_enums, compare_unions
from generator.diff.facts import carries_validation, same_text
from generator.diff.objects import compare_objects
from generator.ir import Definition, EnumModel, ObjectModel, Schema, UnionModel


def diff_schemas(old: Schema, new: Schema) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by model, then by subject (model-level first)."""
    changes: list[Change] = []
    old_names = {definition.name for definition in old.definitions}
    new_names = {definition.name for definition in new.definitions}
    for name in sorted(old_names | new_names, key=lambda n: (n.namespace, n.name)):
        before, after = old.get(name), new.get(name)
        scope = Scope(name)
        if before is None:
            scope.add("model-added", Impact.NON_BREAKING, f"{_kind(after)} added")
        elif after is None:
            scope.add("model-removed", Impact.BREAKING, f"{_kind(before)} removed")
        else:
            scope.validation = carries_validation(before) and carries_validation(after)
            compare_definitions(before, after, scope)
        changes += sorted(scope.changes, key=lambda change: change.subject)
    return changes


def compare_definitions(old: Definition, new: Definition, scope: Scope) -> None:
    """Record the changes of one definition (its kind, then what the kind has)."""
    if old.kind != new.kind:
        scope.add(
            "kind-changed",
            Impact.BREAKING,
            f"{_kind(old)} became {_kind(new)}",
            old.kind,
            new.kind,
        )
        return
    if isinstance(old, ObjectModel) and isinstance(new, ObjectModel):
        compare_objects(old, new, scope)
    elif isinstance(old, EnumModel) and isinstance(new, EnumModel):
        compare_enums(old, new, scope)
    elif isinstance(old, UnionModel) and isinstance(new, UnionModel):
        compare_unions(old, new, scope)
    if old.deprecated != new.deprecated:
        message = "deprecated" if new.deprecated else "no longer deprecated"
        scope.add(
            "deprecated-changed", Impact.NON_BREAKING, message, old.deprecated, new.deprecated
        )
    if not same_text(old.description, new.description):
        scope.add(
            "description-changed",
            Impact.NON_SEMANTIC,
            "description changed",
            old.description,
            new.description,
        )


def _kind(definition: Definition | None) -> str:
    kinds = {"object": "object model", "enum": "enum", "union": "union"}
    return kinds[definition.kind] if definition is not None else "definition"
