"""Compare two type expressions: narrowing breaks callers, widening does not."""

from __future__ import annotations

from generator.diff.changes import Impact, Scope
from generator.diff.constraints import compare_constraints
from generator.diff.describe import type_text
from generator.ir import (
    ArrayType,
    LiteralType,
    MapType,
    Primitive,
    PrimitiveKind,
    TypeNode,
    UnionType,
)

WIDER_FORMATS = frozenset({("int32", "int64"), ("float", "double")})
"""(old, new) formats where every old value is still a valid new value."""


def same_type(old: TypeNode, new: TypeNode) -> bool:
    """The same type, ignoring constraints and facts only one side knows (an unknown format)."""
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return old.kind == new.kind and (
            old.format is None or new.format is None or old.format == new.format
        )
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        return same_type(old.items, new.items)
    if isinstance(old, MapType) and isinstance(new, MapType):
        return same_type(old.values, new.values)
    if isinstance(old, UnionType) and isinstance(new, UnionType):
        return not unmatched(old.variants, new.variants) and len(old.variants) == len(new.variants)
    return old == new  # RefType, LiteralType: plain values


def pair_variants(
    old: tuple[TypeNode, ...], new: tuple[TypeNode, ...]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Match variants by type: (old index, new index) pairs, unmatched old, unmatched new."""
    free = list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    lost: list[int] = []
    for i, variant in enumerate(old):
        match = next((j for j in free if same_type(variant, new[j])), None)
        if match is None:
            lost.append(i)
        else:
            free.remove(match)
            pairs.append((i, match))
    return pairs, lost, free


def unmatched(old: tuple[TypeNode, ...], new: tuple[TypeNode, ...]) -> list[int]:
    """Indexes of old variants no new variant matches."""
    return pair_variants(old, new)[1]


def compare_types(old: TypeNode, new: TypeNode, scope: Scope) -> None:
    """Record how ``old`` became ``new`` (nothing when they are the same type)."""
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
    elif old != new:
        _replaced(old, new, scope)


def compare_variants(old: tuple[TypeNode, ...], new: tuple[TypeNode, ...], scope: Scope) -> None:
    """Variants removed (breaking), added (non-breaking), and changes inside matched ones."""
    pairs, lost, gained = pair_variants(old, new)
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
    wider = _widens(old, new)
    old_text, new_text = type_text(old), type_text(new)
    scope.add(
        "type-widened" if wider else "type-changed",
        Impact.NON_BREAKING if wider else Impact.BREAKING,
        f"type {'widened' if wider else 'changed'}: {old_text} -> {new_text}",
        old_text,
        new_text,
    )


def _widens(old: TypeNode, new: TypeNode) -> bool:
    """True when every value of ``old`` is also a value of ``new``."""
    if isinstance(new, Primitive) and new.kind is PrimitiveKind.ANY:
        return True
    if isinstance(new, UnionType):
        return any(same_type(old, variant) or _widens(old, variant) for variant in new.variants)
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return old.kind is PrimitiveKind.INTEGER and new.kind is PrimitiveKind.NUMBER
    if isinstance(old, LiteralType) and isinstance(new, Primitive):
        return _literal_kind(old.value) in _accepting(new.kind)
    return False


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
