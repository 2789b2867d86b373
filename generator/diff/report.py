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
"""Only non-breaking (or may-break) changes."""
EXIT_BREAKING = 3
"""At least one breaking change (2 stays "bad input", as for every command)."""

PLAIN = Style()
"""No colour."""

_COLOURS = {
    Impact.BREAKING: "red",
    Impact.MAY_BREAK: "yellow",
    Impact.NON_BREAKING: "green",
    Impact.NON_SEMANTIC: "dim",
}


def exit_code(changes: Sequence[Change]) -> int:
    """0 none, 1 non-breaking or may-break only, 3 breaking."""
    impacts = {change.impact for change in changes}
    if Impact.BREAKING in impacts:
        return EXIT_BREAKING
    if Impact.NON_BREAKING in impacts or Impact.MAY_BREAK in impacts:
        return EXIT_NON_BREAKING
    return EXIT_NO_CHANGE


def counts(changes: Sequence[Change]) -> dict[str, int]:
    """Changes per level, the models and the endpoints with a semantic change."""
    result = {impact.value: 0 for impact in Impact}
    for change in changes:
        result[change.impact.value] += 1
    semantic = [c for c in changes if c.impact is not Impact.NON_SEMANTIC]
    result["models"] = len({c.model for c in semantic if c.endpoint is None})
    result["endpoints"] = len({c.endpoint for c in semantic if c.endpoint is not None})
    return result


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def summary_line(changes: Sequence[Change]) -> str:
    """``2 breaking, 1 may-break and 3 non-breaking changes in 4 models and 1 endpoint (...)``."""
    count = counts(changes)
    semantic = count["breaking"] + count["may-break"] + count["non-breaking"]
    if semantic == 0:
        text = "no semantic change"
    else:
        levels = f"{count['breaking']} breaking"
        if count["may-break"]:
            levels += f", {count['may-break']} may-break"
        levels += f" and {count['non-breaking']} non-breaking"
        where = [_plural(count["models"], "model")] if count["models"] else []
        if count["endpoints"]:
            where.append(_plural(count["endpoints"], "endpoint"))
        text = f"{levels} change{'s' if semantic != 1 else ''} in {' and '.join(where)}"
    apart = count["non-semantic"]
    if apart:
        text += f" ({apart} non-semantic change{'s' if apart != 1 else ''})"
    return text


_USES = {
    "request": "used in requests",
    "response": "used in responses",
    "both": "used in requests and responses",
    "unknown": "no operation uses it: judged by the stricter direction",
}


def _owner(change: Change) -> str:
    return change.endpoint if change.endpoint is not None else str(change.model)


def _header(change: Change, style: Style) -> str:
    text = style.paint(printable(_owner(change)), "bold")
    if change.endpoint is None and change.direction in _USES:
        text += f" ({_USES[change.direction]})"
    return text


def text_report(changes: Sequence[Change], style: Style = PLAIN, indent: str = "") -> str:
    """Semantic changes grouped by model (then endpoint), the non-semantic ones apart."""
    lines: list[str] = []
    semantic = [c for c in changes if c.impact is not Impact.NON_SEMANTIC]
    for _, group in groupby(semantic, key=_owner):
        items = list(group)
        directed = next((c for c in items if c.direction), items[0])
        lines.append(indent + _header(directed, style))
        for change in items:
            label = style.paint(f"{change.impact.value:<12}", _COLOURS[change.impact])
            rule = f"  [{change.rule}]" if change.rule else ""
            accepted = f" (accepted: {printable(change.accepted)})" if change.accepted else ""
            lines.append(f"{indent}  {label}  {printable(_what(change))}{rule}{accepted}")
    apart = [c for c in changes if c.impact is Impact.NON_SEMANTIC]
    if apart:
        lines.append(
            indent + style.paint("Non-semantic (descriptions, deprecation, namespaces):", "bold")
        )
        for change in apart:
            where = printable(f"{_owner(change)} {change.subject}".rstrip())
            text = f"{where}: {printable(change.message)}"
            lines.append(f"{indent}  {style.paint(text, 'dim')}")
    return "".join(line + "\n" for line in lines)


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal or CI log (``terminal.escape``)."""
    return escape(text)


def _what(change: Change) -> str:
    return f"{change.subject}: {change.message}" if change.subject else change.message


def change_data(change: Change) -> dict[str, Any]:
    """One change as JSON-compatible data."""
    location = change.location
    return {
        "model": str(change.model) if change.endpoint is None else None,
        "subject": change.subject,
        "kind": change.kind,
        "impact": change.impact.value,
        "message": change.message,
        "old": change.old,
        "new": change.new,
        "rule": change.rule,
        "level": change.impact.value,
        "direction": change.direction,
        "endpoint": change.endpoint,
        "location": None
        if location is None
        else {"file": location.file, "line": location.line, "pointer": location.pointer},
        "accepted": change.accepted,
    }


def json_report(changes: Sequence[Change]) -> dict[str, Any]:
    """The whole result as JSON-compatible data: counts, exit code and every change."""
    return {
        "summary": counts(changes),
        "exit_code": exit_code(changes),
        "changes": [change_data(change) for change in changes],
    }


def _cell(text: str) -> str:
    """Text safe in a markdown table cell: pipes, newlines, HTML and control characters escaped."""
    text = " ".join(printable(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|")


def markdown_report(changes: Sequence[Change], title: str) -> str:
    """A pull-request comment: a summary and one table row per semantic change."""
    lines = [f"### {_cell(title)}", "", summary_line(changes) + ".", ""]
    semantic = [c for c in changes if c.impact is not Impact.NON_SEMANTIC]
    order = {Impact.BREAKING: 0, Impact.MAY_BREAK: 1, Impact.NON_BREAKING: 2}
    if semantic:
        lines += [
            "| level | model or endpoint | change | direction | rule |",
            "| --- | --- | --- | --- | --- |",
        ]
        for change in sorted(semantic, key=lambda c: order[c.impact]):
            accepted = f" (accepted: {change.accepted})" if change.accepted else ""
            lines.append(
                f"| {change.impact.value} | `{_cell(_owner(change))}` | "
                f"{_cell(_what(change) + accepted)} | {change.direction or '-'} | "
                f"`{change.rule}` |"
            )
        lines.append("")
    apart = len(changes) - len(semantic)
    if apart:
        lines += [f"{apart} non-semantic change{'s' if apart != 1 else ''} not listed.", ""]
    return "\n".join(lines)


_COMMANDS = {Impact.BREAKING: "error", Impact.MAY_BREAK: "warning", Impact.NON_BREAKING: "notice"}


def _data(text: str) -> str:
    """A workflow command's message escaped as GitHub Actions reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value escaped (``:`` and ``,`` too)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(changes: Sequence[Change], new_file: str, new_sources: Sequence[str] = ()) -> str:
    """GitHub Actions annotations, one per semantic change, at the NEW spec's lines.

    A change whose place is only in the old spec (a removal) points at the new
    spec's file without a line.
    """
    lines: list[str] = []
    sources = set(new_sources)
    for change in changes:
        command = _COMMANDS.get(change.impact)
        if command is None:
            continue
        location = change.location
        if location is not None and location.file not in sources:
            location = None
        file = location.file if location is not None else (new_sources or [new_file])[0]
        props = [f"file={_property(file)}"]
        if location is not None and location.line is not None:
            props.append(f"line={location.line}")
        props.append(f"title={_property(f'{change.impact.value}: {change.rule}')}")
        message = f"{_owner(change)} {_what(change)}"
        if change.accepted:
            message += f" (accepted: {change.accepted})"
        lines.append(f"::{command} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
