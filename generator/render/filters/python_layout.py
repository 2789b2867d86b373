"""Lay out Python call expressions the way black keeps them.

A call that fits on its line is written flat; one that does not is exploded,
one argument per line with a trailing comma (black's "magic trailing comma"
keeps that form).  Nested calls follow the same rule at their own depth.
"""

from __future__ import annotations

from dataclasses import dataclass

LINE_LENGTH = 88
"""black's default line length."""


@dataclass(frozen=True, slots=True)
class Call:
    """A call expression ``function(args..., name=value...)``."""

    function: str
    """The callee as source, e.g. ``_rt.String``."""
    args: tuple[Expr, ...] = ()
    """Positional arguments."""
    kwargs: tuple[tuple[str, Expr], ...] = ()
    """Keyword arguments, in order."""

    def flat(self) -> str:
        """The whole call on one line."""
        parts = [flat(arg) for arg in self.args]
        parts += [f"{name}={flat(value)}" for name, value in self.kwargs]
        return f"{self.function}({', '.join(parts)})"


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
    lines = [prefix + expr.function + "("]
    for arg in expr.args:
        lines.append(pad + layout(arg, inner, suffix=","))
    for name, value in expr.kwargs:
        lines.append(pad + layout(value, inner, prefix=f"{name}=", suffix=","))
    lines.append(" " * indent + ")" + suffix)
    return "\n".join(lines)


def annotated_line(name: str, annotation: str, default: str | None, indent: int) -> str:
    """``name: annotation = default`` as black writes it (long annotations go in parentheses)."""
    tail = "" if default is None else f" = {default}"
    line = f"{name}: {annotation}{tail}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    pad = " " * (indent + 4)
    return f"{name}: (\n{pad}{annotation}\n{' ' * indent}){tail}"
