"""How SDK docs spell numbers: JavaScript's spelling (the default) and Go's shortest ``%g``.

Speakeasy's generator is written in Go; trees whose float examples show an exponent where
JavaScript would not (``1.7058958054919229e+09``) were printed with Go's shortest ``'g'``
formatting (``strconv.FormatFloat(f, 'g', -1, 64)``, ``fmt``'s ``%v``), the style fact
``float-exponent``.  Both spellings use the shortest digits that read back to the same float.
"""

from __future__ import annotations

import math
from decimal import Decimal

GO_EXPONENT_FROM = 6
"""Go's shortest ``%g`` writes an exponent when the decimal exponent is at least this ..."""
GO_EXPONENT_BELOW = -4
"""... or below this one."""


def json_number(value: int | float) -> str:
    """A number as JavaScript prints it (``1`` for ``1.0``, ``1e+21``, ``1e-7``)."""
    if isinstance(value, int):
        return str(value)
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        return f"{mantissa}e{sign}{exponent.lstrip('+-').lstrip('0') or '0'}"
    return text


def go_float(value: float) -> str:
    """A float as Go's shortest ``%g`` prints it: ``1.7058958054919229e+09``, ``1e+06``,
    ``1e-05`` (an exponent of at least two digits) outside ``[1e-4, 1e6)``; otherwise as
    JavaScript prints it (``123456.7``, ``100``), which is the same there."""
    if not math.isfinite(value) or value == 0:
        return repr(value) if value else "0"
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    if not isinstance(exponent, int):  # pragma: no cover - finite values have an int exponent
        return repr(value)
    shown = "".join(str(digit) for digit in digits)
    decimal_exponent = len(shown) + exponent - 1
    if GO_EXPONENT_BELOW <= decimal_exponent < GO_EXPONENT_FROM:
        return json_number(value)
    mantissa = shown[0] + ("." + shown[1:] if len(shown) > 1 else "")
    mark = "-" if decimal_exponent < 0 else "+"
    return f"{'-' if sign else ''}{mantissa}e{mark}{abs(decimal_exponent):02d}"


def float_spellings_differ(value: float) -> bool:
    """Whether a float example can tell ``float-exponent``: Go and JavaScript spell it apart."""
    return go_float(value) != json_number(value)
