"""Tell what each column of a table holds from its header words."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.inputs.handwritten.cells import plain
from generator.inputs.handwritten.lexicon import (
    DEFAULT,
    DESCRIPTION,
    NAME,
    NAME_PRIORITY,
    OPTIONAL,
    REQUIRED,
    TYPE,
    Lexicon,
)

FIELD_TABLE_ROLES = frozenset({TYPE, REQUIRED, OPTIONAL, DEFAULT, DESCRIPTION})
"""A table is a field table when it has a name column and one of these."""


@dataclass(frozen=True, slots=True)
class Columns:
    """The column roles of one table."""

    roles: dict[str, int]
    """Column index of each role found (one column per role)."""
    headers: tuple[str, ...]
    """Header texts, cleaned."""
    extra: tuple[int, ...] = ()
    """Columns with no role (or a second column of a taken role): kept as description text."""
    ambiguous: tuple[str, ...] = field(default=())
    """Messages about columns whose role was decided between candidates."""

    def get(self, role: str) -> int | None:
        """The column of ``role``, if the table has one."""
        return self.roles.get(role)

    @property
    def is_field_table(self) -> bool:
        """The table lists fields: a name column and one of type/required/default/description."""
        return NAME in self.roles and bool(FIELD_TABLE_ROLES & set(self.roles))


def column_roles(header: tuple[str, ...], lexicon: Lexicon) -> Columns:
    """The roles of ``header``'s columns."""
    headers = tuple(plain(cell).replace("*", "").strip() for cell in header)
    candidates: dict[str, list[int]] = {}
    for index, text in enumerate(headers):
        role = lexicon.role_of(text)
        if role is not None:
            candidates.setdefault(role, []).append(index)
    roles: dict[str, int] = {}
    extra: list[int] = []
    notes: list[str] = []
    for role, indexes in candidates.items():
        chosen = indexes[0]
        if len(indexes) > 1 and role == NAME:
            ranked = sorted(
                indexes,
                key=lambda i: (_rank(headers[i]), i),
            )
            chosen = ranked[0]
        if len(indexes) > 1:
            others = ", ".join(repr(headers[i]) for i in indexes if i != chosen)
            notes.append(
                f"columns {', '.join(repr(headers[i]) for i in indexes)} could each be the "
                f"{role} column; {headers[chosen]!r} is read as it, {others} as description text"
            )
        roles[role] = chosen
        extra.extend(i for i in indexes if i != chosen)
    extra.extend(i for i, text in enumerate(headers) if lexicon.role_of(text) is None)
    return Columns(roles, headers, tuple(sorted(extra)), tuple(notes))


def _rank(header: str) -> int:
    words = header.lower().split()
    for rank, word in enumerate(NAME_PRIORITY):
        if word in words:
            return rank
    return len(NAME_PRIORITY)
