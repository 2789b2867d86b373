"""What reading a schema gives: a type node plus whether ``null`` is allowed."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Primitive, PrimitiveKind, TypeNode

ANY = Primitive(PrimitiveKind.ANY)
"""Any JSON value."""


@dataclass(frozen=True, slots=True)
class Typed:
    """The type of a schema's non-null values, and whether ``null`` is allowed too."""

    type: TypeNode
    """The type of non-null values."""
    nullable: bool = False
    """``null`` is allowed."""
