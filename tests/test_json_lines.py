"""Strict JSON read by ``json`` with a line index gives what the YAML event builder gives."""

from __future__ import annotations

import random
import re

import pytest

from generator import limits
from generator.diagnostics import Collector
from generator.inputs.openapi.document import LineTable
from generator.inputs.openapi.json_lines import parse_json
from generator.inputs.openapi.loader import (
    _build,
    _json_for_yaml,
    _Loader,
    _lone_surrogate,
    parse_text,
)


def typed(value: object, lines: LineTable) -> object:
    """``value`` with the type of every scalar and the lines of every container spelled out."""
    if isinstance(value, dict):
        entry = lines.get(id(value))
        return ("dict", entry, [(key, typed(item, lines)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", lines.get(id(value)), [typed(item, lines) for item in value])
    return (type(value).__name__, repr(value))


def by_yaml(text: str) -> object:
    collector = Collector()
    root, lines = _build(_Loader(_json_for_yaml(text)), "t.json", collector, True)
    assert collector.problems == []
    return typed(root, lines)


def by_json(text: str) -> object:
    parsed = parse_json(text, limits.current().max_depth)
    assert parsed is not None
    return typed(*parsed)


PRETTY = """{
  "openapi": "3.1.0",
  "tags": [
    "a",
    1,
    2.5,
    true,
    null,
    {"name": "x"},
    [],
    [[{}]]
  ],
  "empty": {},
  "nested": {
    "deep": {"list": [1,
      2], "flag": false}
  }
}
"""

SAME_AS_YAML = [
    pytest.param(PRETTY, id="pretty"),
    pytest.param('{"a":{"b":[1,2,{"c":"d"}]},"e":[]}', id="minified"),
    pytest.param(PRETTY.replace("\n", "\r\n"), id="crlf"),
    pytest.param('{"a": 1,\r"b": [2,\r3]}', id="lone-cr"),
    pytest.param('{\n\t"a": {\n\t\t"b":\t[1,\t2]\n\t}\n}', id="tabs"),
    pytest.param(
        '{"k\\ud83d\\udc4d": "v\\ud83d\\udc4d", "\\u00e9": "\\u0000"}', id="surrogate-pairs"
    ),
    pytest.param('{"q\\"uote": "a\\\\b\\/c\\n\\t", "~/": ["x\\"", "\\\\"]}', id="escapes"),
    pytest.param('{"big": 1234567890123456789012345, "neg": -98765432109876543210}', id="big-ints"),
    pytest.param('{"f": [1e5, -0.0, 1.5E-3, 0, -0, 10.0, 2E+2]}', id="numbers"),
    pytest.param('[\n  {"a": 1},\n  "b"\n]', id="root-list"),
    pytest.param('\n\n  "just a string"', id="root-scalar"),
    pytest.param('{"a": "long line \\u2028 escaped", "b": "<<", "<<": {"c": 1}}', id="merge-key"),
]


@pytest.mark.parametrize("text", SAME_AS_YAML)
def test_values_and_lines_are_the_yaml_builders(text: str) -> None:
    assert by_json(text) == by_yaml(text)


def test_lines_of_keys_and_items() -> None:
    parsed = parse_json(PRETTY, 100)
    assert parsed is not None
    root, lines = parsed
    assert isinstance(root, dict)
    assert lines[id(root)] == (
        1,
        {"openapi": 2, "tags": 3, "empty": 13, "nested": 14},
    )
    assert lines[id(root["tags"])] == (3, [4, 5, 6, 7, 8, 9, 10, 11])
    assert lines[id(root["nested"]["deep"]["list"])] == (15, [15, 16])


def test_json_the_yaml_parser_refuses_has_lines() -> None:
    text = '{"a":\n\n\n{"b"\n:\n1}}'  # YAML wants a key and its colon on one line
    with pytest.raises(Exception, match="did not find expected"):
        by_yaml(text)
    assert by_json(text) == (
        "dict",
        (1, {"a": 1}),
        [("a", ("dict", (4, {"b": 4}), [("b", ("int", "1"))]))],
    )


NEEDS_YAML = [
    pytest.param('{"a": 1, "a": 2}', id="duplicate-key"),
    pytest.param('{"a": {"b": 1, "b": 1}}', id="duplicate-key-nested"),
    pytest.param('{"a": NaN}', id="nan"),
    pytest.param('{"a": -Infinity}', id="infinity"),
    pytest.param('{"a": 1e400}', id="float-overflow"),
    pytest.param('{"a": ' + "1" * 1001 + "}", id="integer-past-the-limit"),
    pytest.param('{"a": "line\u2028separator"}', id="raw-line-separator"),
    pytest.param('{"a": "next\x85line"}', id="raw-next-line"),
    pytest.param('{"a": 1,}', id="trailing-comma"),
    pytest.param("{'a': 1}", id="single-quotes"),
    pytest.param('{"a": "tab\there"}', id="raw-tab-in-string"),
    pytest.param('{"a": 1} {"b": 2}', id="two-values"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NEEDS_YAML)
def test_text_that_needs_the_yaml_reader_is_left_to_it(text: str) -> None:
    assert parse_json(text, 100) is None


def test_nesting_past_the_limit_is_left_to_the_yaml_reader() -> None:
    text = '{"a": [[[1]]]}'
    assert parse_json(text, 4) is not None
    assert parse_json(text, 3) is None
    with limits.using(limits.Limits(max_depth=3)):
        collector = Collector()
        assert parse_text(text, "deep.json", collector, json_text=True) is None
    assert [(p.location.line, p.message[:24]) for p in collector.problems] == [
        (1, "nested deeper than 3 lev")
    ]


def problems(text: str) -> list[tuple[int | None, str]]:
    collector = Collector()
    parse_text(text, "t.json", collector, json_text=True)
    return [(p.location.line, p.message) for p in collector.problems + collector.warnings]


def test_reports_keep_their_lines() -> None:
    assert problems('{\n"a": 1,\n"a": 2}') == [
        (3, "duplicate key 'a'; expected each key once in a mapping")
    ]
    assert problems('{\n"a":\nNaN}') == [
        (3, "NaN is not a JSON value; expected a finite number or a string")
    ]
    assert problems('{\n"a": 1e400}')[0][0] == 2
    assert problems('{\n\n"a": ' + "1" * 1001 + "}")[0] == (
        3,
        "an integer of 1001 digits; expected at most 1000 "
        "(raise [tool.specloom.limits] max-integer-digits)",
    )
    assert problems('{\n"a": "\\udc00"}') == [
        (
            2,
            "invalid JSON: lone UTF-16 surrogate \\udc00 is not a character; "
            "expected a surrogate pair or the character itself",
        )
    ]
    assert problems('{\n"a": 1\n"b": 2}') == [(3, "invalid JSON: Expecting ',' delimiter")]


_OLD_PAIR = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
)
_OLD_LONE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89a-fA-F][0-9a-fA-F]{2})")


def old_lone_surrogate(text: str) -> tuple[int, str] | None:
    """The two-regex way: pairs substituted (same length), then the first lone escape."""
    paired = _OLD_PAIR.sub(lambda m: m.group(1) + "\\U0001f44d" + "x" * 2, text)
    found = _OLD_LONE.search(paired)
    return None if found is None else (found.start(2) - 2, found.group(2))


def test_lone_surrogates_are_found_as_the_substitution_finds_them() -> None:
    pieces = ["\\", "\\\\", "u", "\\uD83D", "\\udc4d", "\\ud800", "\\uDBFF", "\\uE000", "x", "\n"]
    chooser = random.Random(14)
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        assert _lone_surrogate(text) == old_lone_surrogate(text), text
