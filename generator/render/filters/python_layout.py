"""Lay out Python calls and assignments the way black keeps them.

A call that fits on its line is written flat; one that does not is exploded,
one argument per line with a trailing comma (black's "magic trailing comma"
keeps that form).  Nested calls follow the same rule at their own depth.
Statements (``name: T``, ``name: T = value``, ``NAME = value``) that do not
fit are split where black's right-hand split puts them: in the value's own
brackets, around the value, or -- for very long names -- in the annotation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import FrozenJson, JsonObject
from generator.render.filters.python_hints import (
    LINE_LENGTH,
    Hint,
    hint_lines,
    is_single_leaf,
    parse_hint,
    subscript_lines,
)


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
        """The whole call on one line (a tuple display of one item keeps its comma)."""
        parts = [flat(arg) for arg in self.args]
        parts += [f"{name}{self.separator}{flat(value)}" for name, value in self.kwargs]
        if self.is_tuple() and len(parts) == 1:
            parts[0] += ","
        return f"{self.function}{self.brackets[0]}{', '.join(parts)}{self.brackets[1]}"

    def is_tuple(self) -> bool:
        """A tuple display: no callee, parentheses, positional items only."""
        return not self.function and self.brackets == "()" and not self.kwargs


Expr = Call | str
"""An expression: a call or plain source text."""


def flat(expr: Expr) -> str:
    """``expr`` on one line."""
    return expr if isinstance(expr, str) else expr.flat()


def layout(
    expr: Expr, indent: int, prefix: str = "", suffix: str = "", explode: bool = False
) -> str:
    """Source of ``prefix + expr + suffix`` starting at column ``indent``, without leading spaces.

    Continuation lines are indented by the caller's ``indent`` plus four per
    level.  ``explode`` splits a call even when it fits.
    """
    one_line = prefix + flat(expr) + suffix
    if isinstance(expr, str) or (indent + len(one_line) <= LINE_LENGTH and not explode):
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


def frozen_literal(value: FrozenJson, source: Callable[[object], str]) -> Expr:
    """A frozen JSON value as an expression: arrays are tuples, objects read-only mappings
    (``types.MappingProxyType({...})``), laid out like calls; scalars by ``source``."""
    if isinstance(value, tuple):
        if not value:
            return "()"
        return Call("", tuple(frozen_literal(item, source) for item in value))
    if isinstance(value, JsonObject):
        entries = tuple((source(key), frozen_literal(item, source)) for key, item in value.members)
        mapping = Call("", kwargs=entries, brackets="{}", separator=": ") if entries else "{}"
        return Call("types.MappingProxyType", (mapping,))
    return source(value)


def expr_assignment(target: str, value: Expr, indent: int) -> str:
    """``target = value`` as black writes it: too long, a call or display splits in its own
    brackets (black's right-hand split), other values go in parentheses."""
    line = f"{target} = {flat(value)}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    call = value if isinstance(value, Call) and (value.args or value.kwargs) else None
    opening = f"{target} = {call.function}{call.brackets[0]}" if call is not None else ""
    if call is not None and indent + len(opening) <= LINE_LENGTH:
        return layout(call, indent, prefix=f"{target} = ")
    return assignment(target, flat(value), indent)


def assignment(target: str, value: str, indent: int) -> str:
    """``target = value`` (no annotation) as black writes it.

    Too long, the value goes in parentheses unless it is a single token that
    would not fit there either.
    """
    line = f"{target} = {value}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    if is_single_leaf(value) and indent + 4 + len(value) > LINE_LENGTH:
        return line
    return f"{target} = (\n{' ' * (indent + 4)}{value}\n{' ' * indent})"


def annotated_line(name: str, annotation: str, default: str | None, indent: int) -> str:
    """``name: annotation`` or ``name: annotation = default`` as black writes it."""
    if default is not None:
        return annotated_assignment(name, annotation, default, indent)
    line = f"{name}: {annotation}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    hint = parse_hint(annotation)
    operand = hint.operands[0]
    alone = len(hint.operands) == 1 and operand.args is None and is_single_leaf(operand.head)
    if alone and indent + 4 + len(operand.head) > LINE_LENGTH:
        return line  # one token: parentheses would not make it fit
    head, body, closer = _split_annotation(name, hint, indent)
    if indent + len(head) > LINE_LENGTH:  # black's second opinion: parentheses, if all fits
        inner = hint_lines(hint, indent + 4)
        if indent + len(name) + 3 <= LINE_LENGTH and all(len(x) <= LINE_LENGTH for x in inner):
            head, body, closer = f"{name}: (", inner, ")"
    return "\n".join([head, *body, " " * indent + closer])


def annotated_assignment(name: str, annotation: str, value: Expr, indent: int) -> str:
    """``name: annotation = value`` as black writes it.

    In order of preference: the value's own brackets split (a call), the
    value in parentheses, then -- when even ``name: annotation = (`` is too
    long -- the annotation split as black splits it.
    """
    target = f"{name}: {annotation}"
    one_line = f"{target} = {flat(value)}"
    if indent + len(one_line) <= LINE_LENGTH:
        return one_line
    pad = " " * indent
    call = value if isinstance(value, Call) and (value.args or value.kwargs) else None
    if call is not None and indent + len(f"{target} = {call.function}(") <= LINE_LENGTH:
        return layout(call, indent, prefix=f"{target} = ")
    if indent + len(f"{target} = (") <= LINE_LENGTH:
        body = layout(value, indent + 4)
        return f"{target} = (\n{pad}    {body}\n{pad})"
    head, lines, closer = _split_annotation(name, parse_hint(annotation), indent)
    if call is not None:
        # black splits the call first, then the line before it -- unless a
        # second try that keeps the call whole has a first line that fits
        whole = f"{closer} = {flat(value)}"
        keep = indent + len(whole) <= LINE_LENGTH and indent + len(head) <= LINE_LENGTH
        rest = whole if keep else layout(call, indent, prefix=f"{closer} = ", explode=True)
    else:
        rest = assignment(closer, flat(value), indent)
    return "\n".join([head, *lines, pad + rest])


def _split_annotation(name: str, hint: Hint, indent: int) -> tuple[str, list[str], str]:
    """``name: <hint>`` split over lines: first line, inner lines and closing bracket.

    A single subscripted operand splits at its own brackets; anything else
    goes in parentheses.
    """
    operand = hint.operands[0]
    if len(hint.operands) == 1 and operand.args is not None:
        return f"{name}: {operand.head}[", subscript_lines(operand.args, indent + 4), "]"
    return f"{name}: (", hint_lines(hint, indent + 4), ")"
