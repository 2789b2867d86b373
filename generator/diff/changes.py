"""One change found by the semantic diff, and how it affects callers of a request model."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.ir import JsonValue, TypeName


class Impact(enum.StrEnum):
    """How a change affects existing callers that send the model."""

    BREAKING = "breaking"
    """Payloads valid before may now be rejected (a new required field, a removed value, ...)."""
    NON_BREAKING = "non-breaking"
    """Every payload valid before stays valid (a new optional field, a looser constraint, ...)."""
    NON_SEMANTIC = "non-semantic"
    """No effect on payloads (a description, a deprecation, a namespace); never counted."""


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new definition of a model."""

    model: TypeName
    """The model that changed."""
    subject: str
    """What in the model changed (``field `clickId```, ``value 'wait'``); empty for the model itself."""
    kind: str
    """Stable machine-readable code, e.g. ``field-added`` or ``constraint-tightened``."""
    impact: Impact
    """Breaking, non-breaking or non-semantic."""
    message: str
    """What happened, for people: ``became required``."""
    old: JsonValue = None
    """The old value of the fact, as JSON (type changes: the type as text)."""
    new: JsonValue = None
    """The new value of the fact, as JSON."""


@dataclass(slots=True)
class Scope:
    """Where in a model the comparison is, and the list its changes go to."""

    model: TypeName
    """The model being compared."""
    subject: str = ""
    """The part of the model being compared."""
    sides: tuple[bool, bool] = (True, True)
    """Whether the old and the new side carry validation facts (constraints, defaults, ...)."""
    moved: Mapping[TypeName, TypeName] = field(default_factory=dict)
    """Definitions that only changed namespace: old name to new name."""
    shapes: Callable[[TypeName, TypeName], bool] | None = None
    """Tells whether an old and a new definition have the same shape (no semantic change)."""
    changes: list[Change] = field(default_factory=list)
    """Changes found so far (shared by nested scopes)."""

    @property
    def validation(self) -> bool:
        """Both sides carry validation facts, so they can be compared."""
        return all(self.sides)

    def same_name(self, old: TypeName, new: TypeName) -> bool:
        """``old`` and ``new`` name the same definition (allowing for a namespace move)."""
        return self.moved.get(old, old) == new

    def same_shape(self, old: TypeName, new: TypeName) -> bool:
        """``old`` and ``new`` are differently named definitions that accept the same payloads."""
        return self.shapes is not None and self.shapes(old, new)

    def add(
        self,
        kind: str,
        impact: Impact,
        message: str,
        old: JsonValue = None,
        new: JsonValue = None,
    ) -> None:
        """Record a change of the current subject."""
        self.changes.append(Change(self.model, self.subject, kind, impact, message, old, new))

    def inner(self, subject: str) -> Scope:
        """A scope for a part of the current subject (``items``, ``variant 2``)."""
        joined = f"{self.subject} {subject}" if self.subject else subject
        return Scope(self.model, joined, self.sides, self.moved, self.shapes, self.changes)
