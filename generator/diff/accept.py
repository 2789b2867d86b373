"""Accepted changes (suppressions): a YAML list that lowers the level of known changes.

```yaml
- rule: response-property-became-nullable
  model: components.Link          # or endpoint: GET /links/{linkId}
  subject: field `expiresAt`      # optional: only this part of the model
  reason: clients were updated in 2.3
  expires: 2027-01-31             # optional: the entry stops applying after this day
```

A matching breaking or may-break change becomes non-breaking and carries the
reason.  An entry past its expiry date is not applied and is reported, as is
an entry that matches nothing; both are warnings.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Problem, SpecloomError
from generator.diff.changes import Change, Impact
from generator.diff.rules import RULE_INDEX
from generator.ir import Location

_KEYS = frozenset({"rule", "model", "endpoint", "subject", "reason", "expires"})


@dataclass(frozen=True, slots=True)
class Acceptance:
    """One accepted change."""

    rule: str
    """Rule id the change must have."""
    reason: str
    """Why it is accepted (shown with the change)."""
    location: Location
    """Where the entry is."""
    model: str | None = None
    """Qualified model name the change must be in (``components.Link``)."""
    endpoint: str | None = None
    """``METHOD /path`` the change must be in."""
    subject: str | None = None
    """The part of the model or endpoint (``field `url```); ``None``: any."""
    expires: datetime.date | None = None
    """Last day the entry applies; ``None``: no expiry."""

    def matches(self, change: Change) -> bool:
        """The entry names this change."""
        if change.rule != self.rule:
            return False
        if self.subject is not None and change.subject != self.subject:
            return False
        if self.endpoint is not None:
            return change.endpoint == self.endpoint
        return change.endpoint is None and str(change.model) == self.model


def load_acceptances(path: Path, display: str) -> list[Acceptance]:
    """The entries of a suppressions file; ``SpecloomError`` (``path:line: ...``) when malformed."""
    import yaml  # type: ignore[import-untyped, unused-ignore]  # only when a file is named

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SpecloomError(
            [Problem(Location(display), f"cannot read: {error.strerror}")]
        ) from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise SpecloomError([Problem(Location(display, line), f"invalid YAML: {error}")]) from None
    if root is None:
        return []
    problems: list[Problem] = []
    items = root.value if isinstance(root, yaml.SequenceNode) else None
    if items is None:
        where = Location(display, root.start_mark.line + 1)
        raise SpecloomError([Problem(where, "expected a list of accepted changes")])
    found: list[Acceptance] = []
    for node in items:
        where = Location(display, node.start_mark.line + 1)
        entry = _entry(node, where, problems)
        if entry is not None:
            found.append(entry)
    if problems:
        raise SpecloomError(problems)
    return found


def _entry(node: Any, where: Location, problems: list[Problem]) -> Acceptance | None:
    import yaml  # type: ignore[import-untyped, unused-ignore]

    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(where, "an accepted change is a mapping with rule and reason"))
        return None
    values: dict[str, str] = {}
    for key, value in node.value:
        name = str(key.value)
        if name not in _KEYS:
            problems.append(Problem(where, f"unknown key {name!r}; expected {sorted(_KEYS)}"))
        elif not isinstance(value, yaml.ScalarNode):
            problems.append(Problem(where, f"{name} must be a string"))
        else:
            values[name] = str(value.value)
    missing = [key for key in ("rule", "reason") if not values.get(key)]
    if missing or ("model" in values) == ("endpoint" in values):
        problems.append(
            Problem(where, "an accepted change needs rule, reason and one of model or endpoint")
        )
        return None
    if values["rule"] not in RULE_INDEX:
        problems.append(Problem(where, f"unknown rule {values['rule']!r} (see docs/diff-rules.md)"))
        return None
    expires = None
    if "expires" in values:
        try:
            expires = datetime.date.fromisoformat(values["expires"])
        except ValueError:
            problems.append(
                Problem(where, f"expires {values['expires']!r} is not a YYYY-MM-DD date")
            )
            return None
    return Acceptance(
        values["rule"],
        values["reason"],
        where,
        values.get("model"),
        values.get("endpoint"),
        values.get("subject"),
        expires,
    )


def apply_acceptances(
    changes: list[Change], entries: list[Acceptance], today: datetime.date
) -> tuple[list[Change], list[Problem]]:
    """Changes with the accepted ones lowered to non-breaking; warnings for expired and unused."""
    warnings: list[Problem] = []
    live = []
    for entry in entries:
        if entry.expires is not None and entry.expires < today:
            warnings.append(
                Problem(entry.location, f"accepted change expired on {entry.expires}: {entry.rule}")
            )
        else:
            live.append(entry)
    used: set[int] = set()
    result = []
    for change in changes:
        index = next((i for i, entry in enumerate(live) if entry.matches(change)), None)
        if index is None:
            result.append(change)
            continue
        used.add(index)
        level = change.impact
        if level.rank > Impact.NON_BREAKING.rank:
            level = Impact.NON_BREAKING
        result.append(replace(change, impact=level, accepted=live[index].reason))
    for index, entry in enumerate(live):
        if index not in used:
            owner = entry.model or entry.endpoint
            warnings.append(
                Problem(entry.location, f"accepted change matches nothing: {entry.rule} in {owner}")
            )
    return result, warnings
