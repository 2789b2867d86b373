"""ECMA-262 patterns (JSON Schema ``pattern``) translated to Python ``re``, checked on strings."""

from __future__ import annotations

import re

import pytest

from generator.ecma_regex import translate


def _matches(pattern: str, text: str) -> bool:
    translation = translate(pattern)
    assert translation.pattern is not None, translation.problem
    return re.search(translation.pattern, text) is not None


@pytest.mark.parametrize(
    ("pattern", "accepted", "rejected"),
    [
        # ECMA's \d and \w are ASCII, unlike Python's
        (r"^\d+$", ["0123"], ["\u0661\u0662"]),
        (r"^\w+$", ["a_Z9"], ["é"]),
        # a complement (\W \S \D) beside other items of a class: an alternation
        (r"^[a\W]$", ["a", "-", "é", " "], ["b", "_", "7"]),
        (r"^[\w\W]$", ["a", "-", "é"], [""]),
        (r"^[\d\S]+$", ["x9", "é"], [" ", "\t"]),
        # a negated class with a complement: what is in every complement's body and no item
        (r"^[^a\W]$", ["b", "_", "7"], ["a", "-", "é"]),
        (r"^[^\S\d]$", [" ", "\t", "\u3000"], ["x", "1"]),
        (r"^[^\D\s]$", ["4"], ["a", " "]),
        # \p{L} (letters) inside a class, negated or beside other items
        (r"^[\p{L}\d]+$", ["abé9", "Ж"], ["-", " "]),
        (r"^[^\p{L}]$", ["1", "-"], ["a", "é"]),
        (r"^[\P{L}x]$", ["x", "1"], ["a"]),
        # a dash next to a shorthand or a complement is a literal dash (Annex B), never a range
        (r"^[\W-a]$", ["-", "a", "é"], ["b"]),
        (r"^[\s-a]$", ["-", "a", " "], ["b"]),
        (r"^[a\W-]$", ["-", "a"], ["b"]),
        (r"^[a-c]$", ["b"], ["-", "d"]),
        # quantifiers apply to the whole translated class
        (r"^[\W_]{2}$", ["-_", "é-"], ["-", "a-"]),
    ],
)
def test_classes_follow_ecma_semantics(
    pattern: str, accepted: list[str], rejected: list[str]
) -> None:
    for text in accepted:
        assert _matches(pattern, text), (pattern, text)
    for text in rejected:
        assert not _matches(pattern, text), (pattern, text)


def test_what_python_cannot_express_is_named() -> None:
    translation = translate(r"^\p{Lu}+$")
    assert translation.pattern is None
    assert translation.problem == "the Unicode property \\p{Lu} has no Python form"


def test_rust_dialect_refuses_the_look_aheads_a_negated_class_needs() -> None:
    assert translate(r"[a\W]", "rust").pattern == "(?:[a]|[^a-zA-Z0-9_])"
    refused = translate(r"[^a\W]", "rust")
    assert refused.pattern is None
    assert refused.problem == "the Rust regex crate has no look-around or back-reference"
