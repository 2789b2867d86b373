"""Strict JSON text -> plain values and their line table, without the YAML parser.

The values come from the standard library's C scanner (``json``); the lines come
from one regular-expression pass over the text whose tokens (container starts,
keys, list items) are matched with the parsed values in document order.  The
result is what the YAML event builder makes of the same text (``loader._build``):
the same values, the line of every container, key and item.

It answers ``None`` whenever that might not hold, and the caller reads the text
as YAML instead, with its warnings and errors: text ``json`` refuses (YAML is
more lenient), a duplicate key (its warning), ``NaN`` or an infinity, an integer
past the digit limit or a float past the largest one (the limits' errors), a raw
lone surrogate, nesting past the depth limit, or a line break other than ``\\n``
and ``\\r`` (YAML folds ``\\x85``, ``\\u2028`` and ``\\u2029`` inside strings).
An escaped lone surrogate (``\\ud800``) is refused before, by the caller
(``loader.parse_text``), with its line.
"""

from __future__ import annotations

import json
import math
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from generator.inputs.openapi.document import LineTable
from generator.inputs.values import SURROGATE, integer_problem

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_LITERAL = r'[^\s,:\]}{\["]+'
_TOKEN = re.compile(
    r"[\s,\]}]*"  # what needs no line: white space, commas, closing brackets
    rf"(?:({_STRING})(?:\s*(:)\s*({_STRING}|{_LITERAL})?)?"  # 1: a string; 2: it is a key; 3: its scalar
    r"|([{\[])"  # 4: a container starts
    rf"|({_LITERAL}))"  # 5: a number, true, false or null
)
_STRING_ITEM, _KEY, _KEY_AND_SCALAR, _OPEN, _LITERAL_ITEM = 1, 2, 3, 4, 5
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")


class _NotPlain(Exception):
    """The text needs the YAML reader (a value it refuses or reports)."""


def _bounded_int(text: str) -> int:
    if len(text) > 18 and integer_problem(text) is not None:  # YAML reports it with its line
        raise _NotPlain
    try:
        return int(text)
    except ValueError:  # past Python's own conversion limit: as above
        raise _NotPlain from None


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # the YAML reader reports it with its line
        raise _NotPlain
    return value


def _constant(name: str) -> object:
    raise _NotPlain


_DECODER = json.JSONDecoder(
    parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_constant
)


def parse_json(text: str, max_depth: int) -> tuple[object, LineTable] | None:
    """The values of strict JSON ``text`` and their lines; ``None``: read it as YAML instead."""
    if not text.isascii() and (SURROGATE.search(text) or _OTHER_BREAKS.search(text)):
        return None
    try:
        root = _DECODER.decode(text)
    except (ValueError, _NotPlain, RecursionError):
        return None
    scan = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    try:
        lines = _lines(root, scan, max_depth)
    except (_NotPlain, StopIteration, RecursionError):
        return None
    return root, lines


def _lines(root: object, scan: str, max_depth: int) -> LineTable:
    """The line table of ``root``, parsed from ``scan``; ``_NotPlain`` when they disagree."""
    tokens = _TOKEN.finditer(scan)
    lines: LineTable = {}
    where = [0, 1]  # offset reached, its line
    count = scan.count

    def line_of(offset: int) -> int:
        line = where[1] + count("\n", where[0], offset)
        where[0], where[1] = offset, line
        return line

    def container(node: Any, depth: int) -> int:
        match = next(tokens)
        if match.lastindex != _OPEN or depth > max_depth:
            raise _NotPlain
        start = match.start(_OPEN)
        line = line_of(start)
        if type(node) is dict:
            if scan[start] != "{":
                raise _NotPlain
            keys: dict[str, int] = {}
            lines[id(node)] = (line, keys)
            for key, value in node.items():
                match = next(tokens)
                kind = match.lastindex
                raw = match.group(1)
                if kind == _KEY:
                    if type(value) is not dict and type(value) is not list:
                        raise _NotPlain
                elif kind != _KEY_AND_SCALAR or type(value) is dict or type(value) is list:
                    raise _NotPlain
                if ("\\" in raw and scanstring(raw, 1)[0] != key) or (
                    "\\" not in raw and raw[1:-1] != key
                ):
                    raise _NotPlain
                keys[key] = line_of(match.start(1))
                if kind == _KEY:
                    container(value, depth + 1)
        else:
            if scan[start] != "[":
                raise _NotPlain
            items: list[int] = []
            lines[id(node)] = (line, items)
            for item in node:
                if type(item) is dict or type(item) is list:
                    items.append(container(item, depth + 1))
                    continue
                match = next(tokens)
                kind = match.lastindex
                if kind != _STRING_ITEM and kind != _LITERAL_ITEM:
                    raise _NotPlain
                items.append(line_of(match.start(kind)))
        return line

    if type(root) is dict or type(root) is list:
        container(root, 1)
    elif next(tokens).lastindex not in (_STRING_ITEM, _LITERAL_ITEM):
        raise _NotPlain
    if next(tokens, None) is not None:  # more tokens than values: a duplicate key
        raise _NotPlain
    return lines
