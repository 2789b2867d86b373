"""One change found by the semantic diff, and how it affects callers of a request model."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.ir import JsonValue, Location, TypeName


class Impact(enum.StrEnum):
    """How a change affects existing clients (the level of its rule, see ``rules``)."""

    BREAKING = "breaking"
    """An existing client may fail: a payload it sends may be rejected (requests), or a response
    it may now get can break it (responses)."""
    MAY_BREAK = "may-break"
    """Some clients may fail, depending on how they were written (a loosened response constraint,
    a parameter the server no longer reads)."""
    NON_BREAKING = "non-breaking"
    """Every existing client keeps working (a new optional request field, a new endpoint, ...)."""
    NON_SEMANTIC = "non-semantic"
    """No effect on payloads (a description, a deprecation, a namespace); never counted."""

    @property
    def rank(self) -> int:
        """Severity order: non-semantic 0 .. breaking 3."""
        return _RANKS[self]


_RANKS = {
    Impact.NON_SEMANTIC: 0,
    Impact.NON_BREAKING: 1,
    Impact.MAY_BREAK: 2,
    Impact.BREAKING: 3,
}


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
    rule: str = ""
    """Kebab-case id of the rule in the catalogue (``response-property-became-nullable``)."""
    direction: str = ""
    """Who the change was judged for: ``request``, ``response``, ``both``, ``unknown`` (no
    operation says; judged by the stricter direction) or empty (model-level bookkeeping)."""
    location: Location | None = None
    """Where the change is in the NEW spec (the old one for a removal), when known."""
    endpoint: str | None = None
    """``METHOD /path`` of an operation-level change; ``None`` for a model change."""
    facts: tuple[str, ...] = ()
    """Details the rules need (``required``: a removed field was required; ``narrowed``)."""
    accepted: str | None = None
    """The reason from the suppressions file when the change was accepted (level lowered)."""


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
    location: Location | None = None
    """Where the current subject is in the new spec (else the old one), when known."""

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
        facts: tuple[str, ...] = (),
    ) -> None:
        """Record a change of the current subject."""
        self.changes.append(
            Change(
                self.model,
                self.subject,
                kind,
                impact,
                message,
                old,
                new,
                location=self.location,
                facts=facts,
            )
        )

    def inner(self, subject: str, location: Location | None = None) -> Scope:
        """A scope for a part of the current subject (``items``, ``variant 2``)."""
        joined = f"{self.subject} {subject}" if self.subject else subject
        return Scope(
            self.model,
            joined,
            self.sides,
            self.moved,
            self.shapes,
            self.changes,
            location if location is not None else self.location,
        )
