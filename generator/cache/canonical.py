"""The canonical text of an IR value, for the cache's hashes: every attribute, compactly.

``canonical(value, lines)`` writes a value of the IR as one text that tells
apart any two values that differ (in any attribute, in the type of a scalar:
``1``, ``1.0`` and ``True`` are three texts), with the line numbers of its
locations only when ``lines``: a line added above a definition moves it
without changing it.  Each IR class gets a writer of its own (generated once,
on first use), which reads its attributes directly and leaves out the ones at
a plain default (``None``, ``False``, ``0``, ``""``, ``()``) by naming those it
writes: a validation rule has some forty keywords and uses a few, and the
schema's rules are megabytes.  The text is only ever hashed; its layout is
free to change (a cache written by another layout is simply missed).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from generator.ir import Location
from generator.ir.serialize import IR_FIELDS

Writer = Callable[[Any, list[str]], None]
"""Appends the canonical text of one value to a list of parts."""

_PLAIN = (type(None), bool, int, str)
"""Types whose default is left out when a value equals it (and has its very type)."""

_SCALARS = frozenset({type(None), bool, int, float, str})
"""Types written as their ``repr``."""


def _location(value: Location, parts: list[str]) -> None:
    parts.append(f"@({value.file!r},{value.pointer!r})")


def _location_line(value: Location, parts: list[str]) -> None:
    parts.append(f"@({value.file!r},{value.line!r},{value.pointer!r})")


_WRITERS: dict[bool, dict[type, Writer]] = {
    False: {Location: _location},
    True: {Location: _location_line},
}
"""The writers made so far, without and with line numbers, by class."""


def canonical(value: Any, lines: bool) -> str:
    """The canonical text of ``value`` (line numbers of locations only when ``lines``)."""
    parts: list[str] = []
    _write(value, parts, lines)
    return "".join(parts)


def _write(value: Any, parts: list[str], lines: bool) -> None:
    cls = type(value)
    if cls in _SCALARS:
        parts.append(repr(value))
        return
    writers = _WRITERS[lines]
    writer = writers.get(cls)
    if writer is not None:
        writer(value, parts)
        return
    if cls is tuple or cls is list:
        parts.append("[")
        for item in value:
            kind = type(item)
            if kind in _SCALARS:
                parts.append(repr(item))
            elif (writer := writers.get(kind)) is not None:
                writer(item, parts)
            else:
                _write(item, parts, lines)
            parts.append(",")
        parts.append("]")
    elif cls is dict:
        parts.append("{")
        for key, item in value.items():
            _write(key, parts, lines)
            parts.append(":")
            _write(item, parts, lines)
            parts.append(",")
        parts.append("}")
    elif cls in IR_FIELDS:
        _writer(cls, lines)(value, parts)
    elif isinstance(value, enum.Enum):
        parts.append(repr(value))
    else:
        parts.append(f"?{cls.__module__}.{cls.__qualname__}:{value!r}")


def _writer(cls: type, lines: bool) -> Writer:
    """The writer of an IR class: ``Name(attribute=value,...)``, plain defaults left out."""
    writers = _WRITERS[lines]
    found = writers.get(cls)
    if found is not None:
        return found
    names: dict[str, Any] = {
        "write": _write,
        "lines": lines,
        "scalars": _SCALARS,
        "writers": writers,
    }
    body = [f"    parts.append({cls.__name__ + '('!r})"]
    for number, (name, default) in enumerate(IR_FIELDS[cls]):
        body.append(f"    x = value.{name}")
        indent = "    "
        if default is None:
            body.append("    if x is not None:")
            indent = "        "
        elif type(default) in _PLAIN or (type(default) is tuple and default == ()):
            names[f"d{number}"] = default
            names[f"t{number}"] = type(default)
            body.append(f"    if not (type(x) is t{number} and x == d{number}):")
            indent = "        "
        body += [
            f"{indent}if type(x) in scalars:",
            f"{indent}    parts.append(f{name + '={x!r},'!r})",
            f"{indent}else:",
            f"{indent}    parts.append({name + '='!r})",
            f"{indent}    w = writers.get(type(x))",
            f"{indent}    if w is None:",
            f"{indent}        write(x, parts, lines)",
            f"{indent}    else:",
            f"{indent}        w(x, parts)",
            f"{indent}    parts.append(',')",
        ]
    body.append("    parts.append(')')")
    source = "def writer(value, parts):\n" + "\n".join(body) + "\n"
    exec(compile(source, f"<canonical {cls.__name__}>", "exec"), names)
    writer: Writer = names["writer"]
    writers[cls] = writer
    return writer
