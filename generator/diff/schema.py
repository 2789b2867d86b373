"""Compare two schemas definition by definition."""

from __future__ import annotations

from collections.abc import Mapping

from generator.diff.changes import Change, Impact, Scope
from generator.diff.choices import compare_enums, compare_unions
from generator.diff.facts import carries_validation, same_text
from generator.diff.objects import compare_objects
from generator.diff.types import compare_types
from generator.ir import (
    AliasModel,
    Definition,
    EnumModel,
    ObjectModel,
    Schema,
    TypeName,
    UnionModel,
)
from generator.ir.aliases import inline_aliases


def diff_schemas(old: Schema, new: Schema) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by model, then by subject (model-level first).

    A definition that only changed namespace (``errors.Code`` -> ``sdkerrors.Code``, the
    one definition of that name on each side) is compared as the same definition: a
    namespace is not part of a payload, so the move is reported as non-semantic.

    References to named aliases are compared by the types they name.  The aliases are
    compared as definitions too, unless a side holds no OpenAPI definition (markdown
    docs show no aliases, so their absence there is no change).
    """
    keep = _reads_aliases(old) and _reads_aliases(new)
    old, new = inline_aliases(old, keep), inline_aliases(new, keep)
    changes: list[Change] = []
    old_names = {definition.name for definition in old.definitions}
    new_names = {definition.name for definition in new.definitions}
    moved = moved_definitions(old_names - new_names, new_names - old_names)
    shapes = ShapeChecker(old, new, moved)
    for name in sorted(old_names | new_names, key=lambda n: (n.namespace, n.name)):
        if name in moved.values():
            continue  # compared under its old name
        before = old.get(name)
        after = new.get(moved.get(name, name))
        scope = Scope(name, moved=moved, shapes=shapes)
        if before is None:
            scope.add("model-added", Impact.NON_BREAKING, f"{_kind(after)} added")
        elif after is None:
            scope.add("model-removed", Impact.BREAKING, f"{_kind(before)} removed")
        else:
            scope.sides = (carries_validation(before), carries_validation(after))
            if after.name != name:
                scope.add(
                    "model-moved",
                    Impact.NON_SEMANTIC,
                    f"moved to namespace {after.name.namespace}",
                    str(name),
                    str(after.name),
                )
            compare_definitions(before, after, scope)
        changes += sorted(scope.changes, key=lambda change: change.subject)
    return changes


class ShapeChecker:
    """Whether two differently named definitions accept the same payloads, remembered per pair.

    A model a newer generator renamed (``GetTagsQueryParamSortBy`` ->
    ``QueryParamSortBy``) is the same on the wire when diffing the two finds no
    semantic change.  A pair met again while being compared (a cycle) counts as same.
    """

    def __init__(self, old: Schema, new: Schema, moved: Mapping[TypeName, TypeName]) -> None:
        self.old = old
        """The old schema."""
        self.new = new
        """The new schema."""
        self.moved = moved
        """Namespace moves found by ``diff_schemas``."""
        self.known: dict[tuple[TypeName, TypeName], bool] = {}
        """Answers so far (a pair being compared is provisionally the same)."""

    def __call__(self, old: TypeName, new: TypeName) -> bool:
        """True when ``old`` (old schema) and ``new`` (new schema) have the same shape."""
        pair = (old, new)
        if pair not in self.known:
            self.known[pair] = True
            before, after = self.old.get(old), self.new.get(new)
            if before is None or after is None:
                self.known[pair] = False
            else:
                scope = Scope(new, moved=self.moved, shapes=self)
                scope.sides = (carries_validation(before), carries_validation(after))
                compare_definitions(before, after, scope)
                self.known[pair] = all(c.impact is Impact.NON_SEMANTIC for c in scope.changes)
        return self.known[pair]


def moved_definitions(removed: set[TypeName], added: set[TypeName]) -> dict[TypeName, TypeName]:
    """Removed and added names that differ only in namespace, where each name is unique."""
    removed_by_name: dict[str, list[TypeName]] = {}
    added_by_name: dict[str, list[TypeName]] = {}
    for name in removed:
        removed_by_name.setdefault(name.name, []).append(name)
    for name in added:
        added_by_name.setdefault(name.name, []).append(name)
    return {
        olds[0]: added_by_name[key][0]
        for key, olds in removed_by_name.items()
        if len(olds) == 1 and len(added_by_name.get(key, [])) == 1
    }


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
    elif isinstance(old, AliasModel) and isinstance(new, AliasModel):
        compare_types(old.type, new.type, scope)
        if old.nullable is not None and new.nullable is not None and old.nullable != new.nullable:
            scope.add(
                "nullable-changed",
                Impact.NON_BREAKING if new.nullable else Impact.BREAKING,
                "may now be null" if new.nullable else "may no longer be null",
                old.nullable,
                new.nullable,
            )
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


def _reads_aliases(schema: Schema) -> bool:
    """Some definition of ``schema`` comes from an OpenAPI document (which names aliases)."""
    return any(carries_validation(definition) for definition in schema.definitions)


def _kind(definition: Definition | None) -> str:
    kinds = {"object": "object model", "enum": "enum", "union": "union", "alias": "alias"}
    return kinds[definition.kind] if definition is not None else "definition"
