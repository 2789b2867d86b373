"""Compare two schemas definition by definition."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from generator.diff.changes import Change, Impact, Scope
from generator.diff.choices import compare_enums, compare_unions
from generator.diff.facts import carries_validation, same_text
from generator.diff.objects import compare_objects
from generator.diff.operations import diff_operations
from generator.diff.rules import direction_label, judge
from generator.diff.types import compare_types
from generator.diff.usage import usage
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
    """Every change from ``old`` to ``new``: models sorted by name (model-level first), then
    operations sorted by ``METHOD /path``; each judged by its rule (``rules.judge``).

    Definitions are paired by where they come from (``pair_definitions``): a
    definition that changed name or namespace but not place, or an inline
    schema that became a ``$ref`` of the same shape, is compared as the same
    definition, and its new name is reported as non-semantic.

    References to named aliases are compared by the types they name.  The aliases are
    compared as definitions too, unless a side holds no OpenAPI definition (markdown
    docs show no aliases, so their absence there is no change).
    """
    keep = _reads_aliases(old) and _reads_aliases(new)
    old, new = inline_aliases(old, keep), inline_aliases(new, keep)
    pairs, removed, added = pair_definitions(old, new)
    moved = {before: after for before, after in pairs if before != after}
    shapes = ShapeChecker(old, new, moved)
    used_before, used_after = usage(old), usage(new)
    entries: list[tuple[TypeName, TypeName | None, TypeName | None]] = [
        (before, before, after) for before, after in pairs
    ]
    entries += [(name, name, None) for name in removed]
    entries += [(name, None, name) for name in added]
    changes: list[Change] = []
    for name, before_name, after_name in sorted(entries, key=lambda e: (e[0].namespace, e[0].name)):
        before = old.get(before_name) if before_name is not None else None
        after = new.get(after_name) if after_name is not None else None
        place = after.location if after is not None else before.location if before else None
        scope = Scope(name, moved=moved, shapes=shapes, location=place)
        if before is None:
            scope.add("model-added", Impact.NON_BREAKING, f"{_kind(after)} added")
        elif after is None:
            scope.add("model-removed", Impact.BREAKING, f"{_kind(before)} removed")
        else:
            scope.sides = (carries_validation(before), carries_validation(after))
            if after.name != name:
                same_place = after.name.namespace != name.namespace and after.name.name == name.name
                scope.add(
                    "model-moved" if same_place else "model-renamed",
                    Impact.NON_SEMANTIC,
                    f"moved to namespace {after.name.namespace}"
                    if same_place
                    else f"now named {after.name}",
                    str(name),
                    str(after.name),
                )
            compare_definitions(before, after, scope)
        directions = _directions(used_before, used_after, before_name, after_name)
        judged = [_judged(change, directions) for change in scope.changes]
        changes += sorted(judged, key=lambda change: change.subject)
    return changes + diff_operations(old, new, Scope(TypeName("", ""), moved=moved, shapes=shapes))


def _directions(
    before: dict[TypeName, frozenset[str]] | None,
    after: dict[TypeName, frozenset[str]] | None,
    old_name: TypeName | None,
    new_name: TypeName | None,
) -> frozenset[str] | None:
    """Where a model is used, on either side; ``None`` when neither side can tell."""
    if before is None and after is None:
        return None
    found: frozenset[str] = frozenset()
    if before is not None and old_name is not None:
        found |= before.get(old_name, frozenset())
    if after is not None and new_name is not None:
        found |= after.get(new_name, frozenset())
    return found or None


def _judged(change: Change, directions: frozenset[str] | None) -> Change:
    rule = judge(change, directions)
    label = direction_label(directions) if rule.direction != "any" else ""
    return replace(change, impact=rule.level, rule=rule.id, direction=label)


def pair_definitions(
    old: Schema, new: Schema
) -> tuple[list[tuple[TypeName, TypeName]], list[TypeName], list[TypeName]]:
    """(old, new) pairs of the same definition, then the removed and the added names.

    In order: the same JSON pointer in both OpenAPI inputs (the identity of a
    component or of an inline schema's owner, whatever name it was derived);
    the same name; the same name in another namespace (each unique); the
    same shape (an inline schema that became a ``$ref``, a renamed model).
    """
    pairs: list[tuple[TypeName, TypeName]] = []
    old_free = {d.name: d for d in old.definitions}
    new_free = {d.name: d for d in new.definitions}
    by_pointer_old = _by_pointer(old_free.values())
    by_pointer_new = _by_pointer(new_free.values())
    for pointer, olds in by_pointer_old.items():
        news = by_pointer_new.get(pointer)
        if not news or len(news) != len(olds):
            continue
        for before, after in zip(_ordered(olds), _ordered(news), strict=True):
            pairs.append((before, after))
            del old_free[before], new_free[after]
    for name in [n for n in old_free if n in new_free]:
        pairs.append((name, name))
        del old_free[name], new_free[name]
    for before, after in moved_definitions(set(old_free), set(new_free)).items():
        pairs.append((before, after))
        del old_free[before], new_free[after]
    moved = {before: after for before, after in pairs if before != after}
    checker = ShapeChecker(old, new, moved)
    candidates: dict[tuple[object, ...], list[TypeName]] = {}
    for name, definition in new_free.items():
        candidates.setdefault(_signature(definition), []).append(name)
    for name in sorted(old_free, key=lambda n: (n.namespace, n.name)):
        found = candidates.get(_signature(old_free[name]), [])
        match = next((n for n in found if checker(name, n)), None)
        if match is not None:
            found.remove(match)
            pairs.append((name, match))
            del new_free[match]
    _swap_names(pairs, old_free, new_free, checker)
    paired = {before for before, _ in pairs}
    _merged_inline(pairs, old_free, paired, new, checker)
    removed = [name for name in old_free if name not in paired]
    return pairs, removed, list(new_free)


def _merged_inline(
    pairs: list[tuple[TypeName, TypeName]],
    old_free: dict[TypeName, Definition],
    paired: set[TypeName],
    new: Schema,
    same: ShapeChecker,
) -> None:
    """An inline schema replaced by a ``$ref`` to a definition of the same shape that was
    already there: the old inline definition is paired with it (no change)."""
    lonely = [name for name in old_free if name not in paired]
    if not lonely:
        return
    by_signature: dict[tuple[object, ...], list[TypeName]] = {}
    for definition in new.definitions:
        by_signature.setdefault(_signature(definition), []).append(definition.name)
    for name in sorted(lonely, key=lambda n: (n.namespace, n.name)):
        found = by_signature.get(_signature(old_free[name]), [])
        match = next((n for n in found if same(name, n)), None)
        if match is not None:
            pairs.append((name, match))
            paired.add(name)


def _swap_names(
    pairs: list[tuple[TypeName, TypeName]],
    old_free: dict[TypeName, Definition],
    new_free: dict[TypeName, Definition],
    same: ShapeChecker,
) -> None:
    """Re-pair where two inputs gave one name to different schemas (docs named ``Link`` what the
    spec reader named ``RetrieveLinksLink``): old ``A`` -> new ``C`` and old ``B`` -> new ``A``
    when those have the same shapes and the name pair ``A`` -> ``A`` has not."""
    if not old_free or not new_free:
        return
    paired_old = {before for before, _ in pairs}
    lonely_old = [name for name in old_free if name not in paired_old]
    for lost in sorted(lonely_old, key=lambda n: (n.namespace, n.name)):
        for index, (before, after) in enumerate(pairs):
            if before != after:
                continue
            if not same(lost, after) or same(before, after):
                continue
            partner = next((name for name in new_free if same(before, name)), None)
            if partner is None:
                continue
            pairs[index] = (before, partner)
            pairs.append((lost, after))
            del old_free[lost], new_free[partner]
            break


def _by_pointer(definitions: Iterable[Definition]) -> dict[str, list[TypeName]]:
    found: dict[str, list[TypeName]] = {}
    for definition in definitions:
        if definition.location.pointer is not None:
            found.setdefault(definition.location.pointer, []).append(definition.name)
    return found


def _ordered(names: list[TypeName]) -> list[TypeName]:
    """Definitions of one place in a stable order (``X`` before its request view ``XInput``)."""
    return sorted(names, key=lambda n: (len(n.name), n.namespace, n.name))


def _signature(definition: Definition) -> tuple[object, ...]:
    """What two definitions of the same shape share (a cheap filter before comparing them)."""
    if isinstance(definition, ObjectModel):
        return ("object", tuple(sorted(f.name.lower() for f in definition.fields)))
    if isinstance(definition, EnumModel):
        return ("enum", tuple(sorted(str(v.value) for v in definition.values)))
    if isinstance(definition, UnionModel):
        return ("union", len(definition.variants))
    return (definition.kind,)


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
