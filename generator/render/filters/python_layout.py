"""Lay out Python call expressions the way black keeps them.

A call that fits on its line is written flat; one that does not is exploded,
one argument per line with a trailing comma (black's "magic trailing comma"
keeps that form).  Nested calls follow the same rule at their own depth.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LINE_LENGTH = 88
"""black's default line length."""


@dataclass(frozen=True, slots=True)
class Call:
    """A call expression ``function(args..., name=value...)``."""

    function: str
    """The callee as source, e.g. ``_rt.String``; empty for a list or dict display."""
    args: tuple[Expr, ...] = ()
    """Positional arguments (list items)."""
    kwargs: tuple[tuple[str, Expr], ...] = ()
    """Keyword arguments (dict entries: key source and value), in order."""
    brackets: str = "()"
    """Opening and closing bracket: ``()`` for calls, ``[]`` lists, ``{}`` dicts."""
    separator: str = "="
    """Between a keyword and its value: ``=`` in calls, ``: `` in dicts."""

    def flat(self) -> str:
        """The whole call on one line."""
        parts = [flat(arg) for arg in self.args]
        parts += [f"{name}{self.separator}{flat(value)}" for name, value in self.kwargs]
        return f"{self.function}{self.brackets[0]}{', '.join(parts)}{self.brackets[1]}"


Expr = Call | str
"""An expression: a call or plain source text."""


def flat(expr: Expr) -> str:
    """``expr`` on one line."""
    return expr if isinstance(expr, str) else expr.flat()


def layout(expr: Expr, indent: int, prefix: str = "", suffix: str = "") -> str:
    """Source of ``prefix + expr + suffix`` starting at column ``indent``, without leading spaces.

    Continuation lines are indented by the caller's ``indent`` plus four per level.
    """
    one_line = prefix + flat(expr) + suffix
    if isinstance(expr, str) or indent + len(one_line) <= LINE_LENGTH:
        return one_line
    if not expr.args and not expr.kwargs:
        return one_line
    inner = indent + 4
    pad = " " * inner
    lines = [prefix + expr.function + expr.brackets[0]]
    for arg in expr.args:
        lines.append(pad + layout(arg, inner, suffix=","))
    for name, value in expr.kwargs:
        lines.append(pad + layout(value, inner, prefix=f"{name}{expr.separator}", suffix=","))
    lines.append(" " * indent + expr.brackets[1] + suffix)
    return "\n".join(lines)


def literal(value: object, source: Callable[[object], str]) -> Expr:
    """A JSON value as an expression black lays out like a call: lists and dicts explode."""
    if isinstance(value, list) and value:
        return Call("", tuple(literal(item, source) for item in value), brackets="[]")
    if isinstance(value, dict) and value:
        entries = tuple((source(str(key)), literal(item, source)) for key, item in value.items())
        return Call("", kwargs=entries, brackets="{}", separator=": ")
    return source(value)


def assignment(target: str, value: str, indent: int) -> str:
    """``target = value`` as black writes it: a long value goes in parentheses.

    black does so for a plain assignment only when the value then fits, and
    for an annotated one (``name: T = value``) always.
    """
    line = f"{target} = {value}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    if ":" not in target and indent + 4 + len(value) > LINE_LENGTH:
        return line
    return f"{target} = (\n{' ' * (indent + 4)}{value}\n{' ' * indent})"


def annotated_line(name: str, annotation: str, default: str | None, indent: int) -> str:
    """``name: annotation = default`` as black writes it (long annotations go in parentheses)."""
    tail = "" if default is None else f" = {default}"
    line = f"{name}: {annotation}{tail}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    pad = " " * (indent + 4)
    head = f"{name}: {annotation} = ("
    if default is not None and indent + len(head) <= LINE_LENGTH:
        return f"{head}\n{pad}{default}\n{' ' * indent})"  # black splits the value first
    if indent + 4 + len(annotation) > LINE_LENGTH and " | " in annotation:
        operands = _split_union(annotation)
        operands = [
            _explode_subscript(operand, indent + 4, 0 if index == 0 else 2)
            for index, operand in enumerate(operands)
        ]
        annotation = f"\n{pad}| ".join(operands)
    return f"{name}: (\n{pad}{annotation}\n{' ' * indent}){tail}"


def _explode_subscript(operand: str, column: int, prefix: int) -> str:
    """``list[X]`` too long for its line at ``column`` as black splits it: X on a line of its own."""
    if column + prefix + len(operand) <= LINE_LENGTH or not operand.endswith("]"):
        return operand
    opening = operand.find("[")
    if opening < 0:
        return operand
    inner = operand[opening + 1 : -1]
    return f"{operand[: opening + 1]}\n{' ' * (column + 4)}{inner}\n{' ' * column}]"


def _split_union(annotation: str) -> list[str]:
    """The top-level ``|`` operands of an annotation (not those inside brackets)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        depth += char in "[("
        depth -= char in "])"
        if depth == 0 and annotation.startswith(" | ", index):
            parts.append(annotation[start:index])
            start = index + 3
    parts.append(annotation[start:])
    return parts
