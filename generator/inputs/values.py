"""What counts as JSON data: finite numbers, integers of bounded size, valid Unicode, bounded nesting.

Every reader refuses the rest as bad input (NaN and infinities have no JSON
form; a lone surrogate cannot be written as UTF-8; a huge integer or a deep
nesting would exhaust a target or the stack).
"""

from __future__ import annotations

import json
import math
import re

from generator import limits


def integer_problem(text: str) -> str | None:
    """Why the integer literal ``text`` is refused (too many digits), or ``None``."""
    limit = limits.current().max_integer_digits
    digits = len(text.lstrip("+-"))
    if digits > limit:
        return (
            f"an integer of {digits} digits; expected at most {limit} "
            "(raise [tool.specloom.limits] max-integer-digits)"
        )
    return None


def value_problem(value: object) -> str | None:
    """Why a scalar read from a document is not JSON, or ``None``."""
    if type(value) is float and not math.isfinite(value):
        return (
            f"{value!r} is not a JSON number (NaN and infinities have no JSON form); "
            "expected a finite number"
        )
    if type(value) is str and not value.isascii() and SURROGATE.search(value):
        return "a lone UTF-16 surrogate is not a character; expected valid Unicode text"
    return None


SURROGATE = re.compile("[\ud800-\udfff]")


def json_value_problem(data: object) -> str | None:
    """The first value of ``data`` that is not JSON (or nests too deeply), without recursion."""
    limit = limits.current().max_depth
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return f"nested deeper than {limit} levels (raise [tool.specloom.limits] max-depth)"
        if isinstance(value, dict):
            for key, item in value.items():
                problem = value_problem(key)
                if problem is not None:
                    return problem
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        else:
            problem = value_problem(value)
            if problem is not None:
                return problem
    return None


def _constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def _integer(digits: str) -> int:
    problem = integer_problem(digits)
    if problem is not None:
        raise ValueError(problem)
    return int(digits)


_STRICT = json.JSONDecoder(parse_constant=_constant, parse_int=_integer)
"""One decoder for every call (``json.loads`` with hooks builds a new one each time)."""


def strict_json(text: str) -> object:
    """``json.loads(text)`` for JSON data only; ``ValueError`` for anything ``value_problem`` refuses."""
    try:
        value = _STRICT.decode(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    problem = json_value_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value
