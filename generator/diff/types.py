"""Compare two type expressions: narrowing breaks callers, widening does not."""

from __future__ import annotations

from generator.diff.changes import Impact, Scope
from generator.diff.constraints import compare_constraints
from generator.diff.describe import type_text
from generator.ir import (
    NO_CONSTRAINTS,
    ArrayType,
    LiteralType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeNode,
    UnionType,
)

WIDER_FORMATS = frozenset({("int32", "int64"), ("float", "double")})
"""(old, new) formats where every old value is still a valid new value."""


def same_type(old: TypeNode, new: TypeNode, scope: Scope) -> bool:
    """The same type, ignoring constraints and facts only one side knows (an unknown format)."""
    old, new = simplest(old, scope), simplest(new, scope)
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return old.kind == new.kind and (
            old.format is None or new.format is None or old.format == new.format
        )
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        return same_type(old.items, new.items, scope)
    if isinstance(old, MapType) and isinstance(new, MapType):
        return same_type(old.values, new.values, scope)
    if isinstance(old, UnionType) and isinstance(new, UnionType):
        _, lost, gained = pair_variants(old.variants, new.variants, scope)
        return not lost and not gained
    if isinstance(old, RefType) and isinstance(new, RefType):
        return scope.same_name(old.target, new.target) or scope.same_shape(old.target, new.target)
    return old == new  # LiteralType: plain values


def simplest(node: TypeNode, scope: Scope) -> TypeNode:
    """A union whose other variants one plain variant already accepts is that variant.

    ``union<string | string(uri)>`` is ``string``: one source writes the
    union, another (an SDK's docs) only the type that accepts all of it.
    Against a side that carries no formats or constraints, a union of one
    primitive kind (``union<string(pattern) | string(uri)>``) is that kind.
    """
    if not isinstance(node, UnionType):
        return node
    if not scope.validation and all(isinstance(v, Primitive) for v in node.variants):
        kinds = {v.kind for v in node.variants if isinstance(v, Primitive)}
        if len(kinds) == 1:
            return Primitive(kinds.pop())
    kept = [
        v for v in node.variants if not any(_accepts(o, v) for o in node.variants if o is not v)
    ]
    if len(kept) == 1:
        return kept[0]
    return node if len(kept) == len(node.variants) else UnionType(tuple(kept))


def _accepts(wide: TypeNode, narrow: TypeNode) -> bool:
    """``wide`` is a plain primitive (no format, no constraint) accepting every ``narrow`` value."""
    if not isinstance(wide, Primitive) or wide.format is not None:
        return False
    if wide.constraints != NO_CONSTRAINTS or wide == narrow:
        return False
    if wide.kind is PrimitiveKind.ANY:
        return True
    if isinstance(narrow, Primitive):
        return narrow.kind in _accepting(wide.kind)
    if isinstance(narrow, LiteralType):
        return _literal_kind(narrow.value) in _accepting(wide.kind)
    return False


def pair_variants(
    old: tuple[TypeNode, ...], new: tuple[TypeNode, ...], scope: Scope
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Match variants by type: (old index, new index) pairs, unmatched old, unmatched new."""
    free = list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    lost: list[int] = []
    for i, variant in enumerate(old):
        match = next((j for j in free if same_type(variant, new[j], scope)), None)
        if match is None:
            lost.append(i)
        else:
            free.remove(match)
            pairs.append((i, match))
    return pairs, lost, free


def compare_types(old: TypeNode, new: TypeNode, scope: Scope) -> None:
    """Record how ``old`` became ``new`` (nothing when they are the same type)."""
    old, new = simplest(old, scope), simplest(new, scope)
    if isinstance(old, Primitive) and isinstance(new, Primitive) and old.kind == new.kind:
        _formats(old, new, scope)
        if scope.validation:
            compare_constraints(old.constraints, new.constraints, scope)
    elif isinstance(old, ArrayType) and isinstance(new, ArrayType):
        _nullable("items", old.items_nullable, new.items_nullable, scope)
        if scope.validation:
            compare_constraints(old.constraints, new.constraints, scope)
        compare_types(old.items, new.items, scope.inner("items"))
    elif isinstance(old, MapType) and isinstance(new, MapType):
        _nullable("values", old.values_nullable, new.values_nullable, scope)
        if scope.validation:
            compare_constraints(old.constraints, new.constraints, scope)
        compare_types(old.values, new.values, scope.inner("values"))
    elif isinstance(old, UnionType) and isinstance(new, UnionType):
        compare_variants(old.variants, new.variants, scope)
    elif isinstance(old, RefType) and isinstance(new, RefType):
        if scope.same_name(old.target, new.target):
            return
        if scope.same_shape(old.target, new.target):
            scope.add(
                "ref-renamed",
                Impact.NON_SEMANTIC,
                f"refers to {new.target} instead of {old.target} (the same shape)",
                str(old.target),
                str(new.target),
            )
        else:
            _replaced(old, new, scope)
    elif old != new:
        _replaced(old, new, scope)


def compare_variants(old: tuple[TypeNode, ...], new: tuple[TypeNode, ...], scope: Scope) -> None:
    """Variants removed (breaking), added (non-breaking), and changes inside matched ones."""
    pairs, lost, gained = pair_variants(old, new, scope)
    for i in lost:
        text = type_text(old[i])
        scope.add("variant-removed", Impact.BREAKING, f"variant `{text}` removed", old=text)
    for j in gained:
        text = type_text(new[j])
        scope.add("variant-added", Impact.NON_BREAKING, f"variant `{text}` added", new=text)
    for i, j in pairs:
        compare_types(old[i], new[j], scope.inner(f"variant `{type_text(old[i])}`"))


def _formats(old: Primitive, new: Primitive, scope: Scope) -> None:
    if old.format is None or new.format is None or old.format == new.format:
        return
    wider = (old.format, new.format) in WIDER_FORMATS
    scope.add(
        "format-widened" if wider else "format-changed",
        Impact.NON_BREAKING if wider else Impact.BREAKING,
        f"format {old.format} -> {new.format}",
        old.format,
        new.format,
    )


def _nullable(what: str, old: bool | None, new: bool | None, scope: Scope) -> None:
    if old is None or new is None or old == new:
        return
    impact = Impact.NON_BREAKING if new else Impact.BREAKING
    message = f"{what} may now be null" if new else f"{what} may no longer be null"
    scope.add("nullable-changed", impact, message, old, new)


def _replaced(old: TypeNode, new: TypeNode, scope: Scope) -> None:
    """Different node kinds (or refs/literals that differ): widening or a breaking change."""
    wider = _widens(old, new, scope)
    narrower = not wider and _widens(new, old, scope)
    old_text, new_text = type_text(old), type_text(new)
    scope.add(
        "type-widened" if wider else "type-changed",
        Impact.NON_BREAKING if wider else Impact.BREAKING,
        f"type {'widened' if wider else 'changed'}: {old_text} -> {new_text}",
        old_text,
        new_text,
        facts=("narrowed",) if narrower else (),
    )


def _widens(old: TypeNode, new: TypeNode, scope: Scope) -> bool:
    """True when every value of ``old`` is also a value of ``new``."""
    if isinstance(new, Primitive) and new.kind is PrimitiveKind.ANY:
        return True
    if isinstance(new, UnionType):
        return any(
            same_type(old, variant, scope) or _widens(old, variant, scope)
            for variant in new.variants
        )
    if isinstance(old, UnionType):
        return all(_covers(new, variant, scope) for variant in old.variants)
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return old.kind is PrimitiveKind.INTEGER and new.kind is PrimitiveKind.NUMBER
    if isinstance(old, LiteralType) and isinstance(new, Primitive):
        return _literal_kind(old.value) in _accepting(new.kind)
    return False


def _covers(wide: TypeNode, narrow: TypeNode, scope: Scope) -> bool:
    """Every value of ``narrow`` is a value of ``wide`` (constraints included)."""
    if isinstance(wide, Primitive) and isinstance(narrow, Primitive):
        return wide.kind is PrimitiveKind.ANY or (
            narrow.kind in _accepting(wide.kind)
            and wide.format in (None, narrow.format)
            and wide.constraints in (NO_CONSTRAINTS, narrow.constraints)
        )
    return same_type(narrow, wide, scope) or _widens(narrow, wide, scope)


def _accepting(kind: PrimitiveKind) -> set[PrimitiveKind]:
    if kind is PrimitiveKind.NUMBER:
        return {PrimitiveKind.NUMBER, PrimitiveKind.INTEGER}
    return {kind}


def _literal_kind(value: object) -> PrimitiveKind | None:
    if isinstance(value, bool):
        return PrimitiveKind.BOOLEAN
    if isinstance(value, int):
        return PrimitiveKind.INTEGER
    if isinstance(value, float):
        return PrimitiveKind.NUMBER
    if isinstance(value, str):
        return PrimitiveKind.STRING
    return None
