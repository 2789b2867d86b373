"""Type hints split over lines the way black splits them.

A hint is parsed into its ``|`` operands, each a name or literal that may be
subscripted (``dict[str, X]``).  Inside brackets black first splits a line
that is too long at its strongest delimiter (commas, then ``|``) and
otherwise at its last bracket pair; ``hint_lines`` and ``subscript_lines``
follow those rules, so the result is what black keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINE_LENGTH = 88
"""black's default line length."""

_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\[|\]|, | \| |[^\[\],|\"' ]+")
"""String literals, brackets, separators and the names or numbers between them."""

_SINGLE_LEAF = re.compile(r"[\"']|\w+$|\d[\w.+-]*$")
"""Text that is one token to black: a string, a plain name or an unsigned number."""


@dataclass(frozen=True, slots=True)
class Operand:
    """One operand of a union: a name or literal, subscripted or not (``list[X]``)."""

    head: str
    """The name or literal (``list``, ``components.Pet``, ``"a"``)."""
    args: tuple[Hint, ...] | None = None
    """The subscript's arguments; ``None`` when not subscripted."""

    def flat(self) -> str:
        """The operand on one line."""
        if self.args is None:
            return self.head
        return f"{self.head}[{', '.join(arg.flat() for arg in self.args)}]"


@dataclass(frozen=True, slots=True)
class Hint:
    """A type hint: one or more operands joined by ``|``."""

    operands: tuple[Operand, ...]
    """The operands in order."""

    def flat(self) -> str:
        """The hint on one line."""
        return " | ".join(operand.flat() for operand in self.operands)


def parse_hint(text: str) -> Hint:
    """The hint written as ``text`` (as the python target writes annotations)."""
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != text:
        raise ValueError(f"not a type hint: {text!r}")
    hint, end = _parse_union(tokens, 0)
    if end != len(tokens):
        raise ValueError(f"not a type hint: {text!r}")
    return hint


def _parse_union(tokens: list[str], index: int) -> tuple[Hint, int]:
    operands = []
    while True:
        head = tokens[index]
        index += 1
        args: tuple[Hint, ...] | None = None
        if index < len(tokens) and tokens[index] == "[":
            found = []
            while True:
                arg, index = _parse_union(tokens, index + 1)
                found.append(arg)
                if tokens[index] == "]":
                    break
            args, index = tuple(found), index + 1
        operands.append(Operand(head, args))
        if index >= len(tokens) or tokens[index] != " | ":
            return Hint(tuple(operands)), index
        index += 1


def is_single_leaf(text: str) -> bool:
    """``text`` is one token to black (it cannot split it, not even in parentheses)."""
    return bool(_SINGLE_LEAF.match(text))


def _fits(indent: int, text: str) -> bool:
    return indent + len(text) <= LINE_LENGTH


def hint_lines(hint: Hint, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    """The lines of ``prefix + hint + suffix`` inside brackets at column ``indent``.

    Too long, a union is split before each ``|`` (a trailing comma stays on
    the last operand's line); a single operand is split at its brackets.
    """
    text = prefix + hint.flat() + suffix
    if _fits(indent, text):
        return [" " * indent + text]
    if len(hint.operands) > 1:
        last = len(hint.operands) - 1
        lines: list[str] = []
        for index, operand in enumerate(hint.operands):
            lead = "| " if index else prefix
            lines += hint_lines(Hint((operand,)), indent, lead, suffix if index == last else "")
        return lines
    return split_at_brackets(prefix, hint.operands, suffix, indent)


def subscript_lines(args: tuple[Hint, ...], indent: int) -> list[str]:
    """The lines between a subscript's brackets: one line, else one argument per line."""
    text = ", ".join(arg.flat() for arg in args)
    if _fits(indent, text):
        return [" " * indent + text]
    if len(args) == 1:
        return hint_lines(args[0], indent)
    return [line for arg in args for line in hint_lines(arg, indent, suffix=",")]


def split_at_brackets(
    lead: str, operands: tuple[Operand, ...], trail: str, indent: int
) -> list[str]:
    """``lead + operands + trail`` split at a subscript's brackets, as black's right-hand split.

    black splits at the last bracket pair, or at an earlier one when the
    line's first part would not fit otherwise and the rest after that pair
    does; ``lead`` and ``trail`` hold text with no bracket pair to split at.
    """
    text = lead + " | ".join(operand.flat() for operand in operands) + trail
    if _fits(indent, text):
        return [" " * indent + text]
    subscripted = [index for index, operand in enumerate(operands) if operand.args is not None]
    if not subscripted:
        return [" " * indent + text]
    chosen = subscripted[-1]
    for index in reversed(subscripted):
        rest = "".join(f" | {operand.flat()}" for operand in operands[index + 1 :])
        if index != subscripted[-1] and not _fits(indent, f"]{rest}{trail}"):
            break
        head = "".join(f"{operand.flat()} | " for operand in operands[:index])
        if _fits(indent, f"{lead}{head}{operands[index].head}["):
            chosen = index
            break
    operand, before, after = operands[chosen], operands[:chosen], operands[chosen + 1 :]
    assert operand.args is not None
    joint = " | " if before else ""
    return [
        *split_at_brackets(lead, before, f"{joint}{operand.head}[", indent),
        *subscript_lines(operand.args, indent + 4),
        *split_at_brackets("] | " if after else "]", after, trail, indent),
    ]
