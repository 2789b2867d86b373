"""Present diff results: a readable list grouped by model, JSON, and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from generator.diff.changes import Change, Impact
from generator.terminal import Style, escape

EXIT_NO_CHANGE = 0
"""No semantic change (non-semantic changes such as descriptions do not count)."""
EXIT_NON_BREAKING = 1
"""Only non-breaking changes."""
EXIT_BREAKING = 3
"""At least one breaking change (2 stays "bad input", as for every command)."""

PLAIN = Style()
"""No colour."""

_COLOURS = {Impact.BREAKING: "red", Impact.NON_BREAKING: "yellow", Impact.NON_SEMANTIC: "dim"}


def exit_code(changes: Sequence[Change]) -> int:
    """0 none, 1 non-breaking only, 3 breaking."""
    impacts = {change.impact for change in changes}
    if Impact.BREAKING in impacts:
        return EXIT_BREAKING
    if Impact.NON_BREAKING in impacts:
        return EXIT_NON_BREAKING
    return EXIT_NO_CHANGE


def counts(changes: Sequence[Change]) -> dict[str, int]:
    """Number of changes per impact, plus the number of models with a semantic change."""
    result = {impact.value: 0 for impact in Impact}
    for change in changes:
        result[change.impact.value] += 1
    result["models"] = len({c.model for c in changes if c.impact is not Impact.NON_SEMANTIC})
    return result


def summary_line(changes: Sequence[Change]) -> str:
    """``2 breaking and 3 non-breaking changes in 4 models (5 non-semantic changes)``."""
    count = counts(changes)
    semantic = count["breaking"] + count["non-breaking"]
    if semantic == 0:
        text = "no semantic change"
    else:
        models = count["models"]
        text = (
            f"{count['breaking']} breaking and {count['non-breaking']} non-breaking "
            f"change{'s' if semantic != 1 else ''} in {models} model{'s' if models != 1 else ''}"
        )
    apart = count["non-semantic"]
    if apart:
        text += f" ({apart} non-semantic change{'s' if apart != 1 else ''})"
    return text


def text_report(changes: Sequence[Change], style: Style = PLAIN, indent: str = "") -> str:
    """Semantic changes grouped by model, then the non-semantic ones apart, one line each."""
    lines: list[str] = []
    semantic = [c for c in changes if c.impact is not Impact.NON_SEMANTIC]
    for model, group in groupby(semantic, key=lambda c: c.model):
        lines.append(indent + style.paint(escape(str(model)), "bold"))
        for change in group:
            label = style.paint(f"{change.impact.value:<12}", _COLOURS[change.impact])
            lines.append(f"{indent}  {label}  {escape(_what(change))}")
    apart = [c for c in changes if c.impact is Impact.NON_SEMANTIC]
    if apart:
        lines.append(
            indent + style.paint("Non-semantic (descriptions, deprecation, namespaces):", "bold")
        )
        for change in apart:
            where = f"{change.model} {change.subject}".rstrip()
            lines.append(f"{indent}  {style.paint(escape(f'{where}: {change.message}'), 'dim')}")
    return "".join(line + "\n" for line in lines)


def _what(change: Change) -> str:
    return f"{change.subject}: {change.message}" if change.subject else change.message


def change_data(change: Change) -> dict[str, Any]:
    """One change as JSON-compatible data."""
    return {
        "model": str(change.model),
        "subject": change.subject,
        "kind": change.kind,
        "impact": change.impact.value,
        "message": change.message,
        "old": change.old,
        "new": change.new,
    }


def json_report(changes: Sequence[Change]) -> dict[str, Any]:
    """The whole result as JSON-compatible data: counts, exit code and every change."""
    return {
        "summary": counts(changes),
        "exit_code": exit_code(changes),
        "changes": [change_data(change) for change in changes],
    }
