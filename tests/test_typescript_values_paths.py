"""The two readers of TypeScript example values agree: the fast path (``as_json``: one
rewrite to JSON) and the token reader (``read_value``).  Whenever the fast path gives a value
it is the token reader's, key order and number types included; where the token reader refuses
a literal the fast path gives none.  The literals are our own."""

from __future__ import annotations

import json

import pytest

from generator.inputs.markdown.flavor import CellError
from generator.inputs.markdown.typescript_values import as_json, read_all, read_value
from generator.ir import JsonValue

LITERALS = [
    # accepted by both
    '{ id: "<id>", tags: [] }',
    '{ a: 1, a: 2 }',  # duplicate keys: the last wins, in the first one's place
    '{ a: 1, b: 2, "a": 3 }',
    "{ true: 1, null: 2, new: 3 }",  # words as property names
    "[1, 2, 3,]",
    "{ a: [1, ], b: { c: 1, }, }",
    "[1 ,\n]",
    "{ $x_1: -1, _y: -0.5, z: -0 }",
    "[1e3, 1E-3, 2.5e+2, -1e0, .5, 5.]",
    "[0, -0.0, 123456789012345678901234567890]",
    'new Date("2025-01-01T00:00:00Z")',
    "new Date('it\\'s \\\"quoted\\\"')",
    "{ when: new Date( '2025-01-01' ) }",
    "new Date ('2025')",  # the token reader alone allows a space before '('
    '"say \\"hi\\" \\\\ ok"',
    "'single \"double\" inside'",
    "'back\\\\slash'",
    '"caf\\u00e9 \\ud83d\\ude00 é 日本"',
    "'\\u00e9'",
    '{ "a-b": { "c d": [[[]], {}] } }',
    "{ a: 'x', b: \"y\", c: [true, false, null] }",
    "  [ 1 , 2 ]  ",
    "{ 1: 2 }",  # a number as property name (the token reader alone)
    # refused by the token reader, so by the fast path too
    "01",
    "[,]",
    "{,}",
    "[1,,]",
    "{ a: , }",
    "{ a: 1 } extra",
    "1e400",
    '"\\ud800"',
    "'\\udc00'",
    "[NaN, Infinity]",
    "-Infinity",
    "undefined",
    "{ a: b }",
    "+1",
    "0x1F",
    "1_000",
    "new Thing('x')",
    "[1 2]",
    '"tab\there"',
    '"\\x41"',
    "{ é: 1 }",
    "'unclosed",
]


def _token(text: str) -> JsonValue:
    """The token reader's value of the whole text (what ``read_all`` falls back on)."""
    value, end = read_value(text)
    if text[end:].strip():
        raise CellError(f"unexpected '{text[end:].strip()[:20]}' after the example value")
    return value


def _spelled(value: JsonValue) -> str:
    """The value as JSON, order and number types kept (``1`` and ``1.0`` and ``True`` differ)."""
    return json.dumps(value, ensure_ascii=True)


@pytest.mark.parametrize("text", LITERALS)
def test_the_fast_path_agrees_with_the_token_reader(text: str) -> None:
    fast = as_json(text)
    try:
        token = _token(text)
    except CellError:
        assert fast is None
        with pytest.raises(CellError):
            read_all(text)
        return
    if fast is not None:
        assert _spelled(fast[0]) == _spelled(token)
    assert _spelled(read_all(text)) == _spelled(token)


def test_both_paths_are_exercised() -> None:
    """The list holds literals of each kind: fast, token-only and refused."""
    kinds = {"fast": 0, "token only": 0, "refused": 0}
    for text in LITERALS:
        try:
            _token(text)
        except CellError:
            kinds["refused"] += 1
            continue
        kinds["fast" if as_json(text) is not None else "token only"] += 1
    assert min(kinds.values()) >= 2, kinds
