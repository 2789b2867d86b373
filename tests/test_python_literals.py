"""Spec text lands in Python source escaped, and in the form black keeps."""

from __future__ import annotations

import ast

import black
import pytest

from generator.render.filters.python_code import union_text
from generator.render.filters.python_layout import (
    Call,
    Expr,
    annotated_assignment,
    annotated_line,
    assignment,
    layout,
)
from generator.render.filters.python_literals import docstring_text, py_docstring, py_repr, py_str

NASTY = [
    "plain",
    'say "hi"',
    "it's",
    "both ' and \"",
    'more "double" than \'single\' "quotes"',
    "back\\slash",
    "ends with backslash \\",
    'triple """ quotes',
    "new\nline and\ttab",
    "\x00 nul \x1b escape \x7f del",
    "unicode “quotes” and emoji 🎉",
    "line\u2028separator\u2029paragraph",
    "\r\ncarriage",
    "'); import os; os.system('echo pwned') #",
    "{{ jinja }} {% raw %}",
]


def black_keeps(source: str) -> bool:
    return black.format_str(source, mode=black.Mode()) == source


@pytest.mark.parametrize("text", NASTY)
def test_py_str_round_trips_and_is_black_stable(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert black_keeps(f"x = {literal}\n")


@pytest.mark.parametrize("text", NASTY)
def test_docstring_cannot_be_escaped_and_is_black_stable(text: str) -> None:
    source = f"class A:\n    {py_docstring(text + chr(10) + text, 4)}\n\n    x: int\n"
    tree = ast.parse(source)
    klass = tree.body[0]
    assert isinstance(klass, ast.ClassDef)
    assert len(klass.body) == 2  # the docstring and the field: nothing injected
    docstring = ast.get_docstring(klass, clean=False)
    assert docstring is not None
    assert docstring.replace("\n    ", "\n").rstrip("\n") == docstring_text(text + "\n" + text)
    assert black_keeps(source)


def test_docstring_text_normalizes_whitespace() -> None:
    assert docstring_text("  first\n\n      indented\n      more\t\n") == "first\n\nindented\nmore"
    assert docstring_text(None) == ""


def test_layout_keeps_short_calls_flat_and_explodes_long_ones() -> None:
    short = Call("_rt.String", kwargs=(("min_length", "1"),))
    assert layout(short, 8, suffix=",") == "_rt.String(min_length=1),"
    long = Call("_rt.Field", ('"' + "a" * 60 + '"', '"b"', short), (("required", "True"),))
    text = layout(long, 4, suffix=",")
    assert text.splitlines()[0] == "_rt.Field("
    source = "x = (\n    " + text + "\n)\n"
    assert black_keeps(source)


def test_long_annotation_is_parenthesized_as_black_does() -> None:
    line = annotated_line(
        "a_rather_long_attribute_name",
        "dict[str, list[components.SomeVeryLongModelName]] | None | _rt.Unset",
        "_rt.UNSET",
        4,
    )
    source = f"class A:\n    {line}\n"
    assert "(\n" in line
    assert black_keeps(source)


# Patterns black rewrote in the corpus's generated packages (and neighbours found by sweeping
# lengths): each case is laid out by specloom and must be what black keeps.


def test_docstring_ending_in_a_quote_gets_the_space_black_adds() -> None:
    docstring = py_docstring('The object type, which is always "text_completion"', 4)
    assert docstring.endswith('\\"text_completion\\" """')
    assert black_keeps(f"class A:\n    {docstring}\n")


def test_float_exponent_is_written_as_black_writes_it() -> None:
    assert py_repr(1e100) == "1e100"
    assert py_repr(1e-05) == "1e-05"
    assert black_keeps(f"x = {py_repr(1.5e300)}\n")


LONG = "CustomerBalanceResourceCashBalanceTransactionResourceAdjustedForOverdraftBalanceTransaction"


def test_long_type_alias_name_splits_the_annotation() -> None:
    source = annotated_assignment(LONG, "TypeAlias", py_str("str | BalanceTransaction"), 0)
    assert source.splitlines() == [f"{LONG}: (", "    TypeAlias", ') = "str | BalanceTransaction"']
    assert black_keeps(source + "\n")


CODEC = Call(
    "_rt.OneOf",
    (Call("_rt.String", kwargs=(("max_length", "5000"),)), Call("_rt.ModelOf", ("lambda: File",))),
)


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("_codec_IssuingDisputeOtherEvidenceAdditionalDocumentation", "= _rt.OneOf("),
        ("_codec_IssuingDisputeServiceNotAsDescribedEvidenceAdditionalDocumentation", "= ("),
        ("_codec_IssuingDisputeMerchandiseNotAsDescribedEvidenceAdditionalDocumentation", ": ("),
        (f"_codec_{LONG}", ": ("),
    ],
)
def test_union_codec_with_a_long_name(name: str, first_line: str) -> None:
    source = annotated_assignment(name, "_rt.Codec", CODEC, 0)
    assert source.splitlines()[0].endswith(first_line)
    assert black_keeps(source + "\n")


@pytest.mark.parametrize(
    ("annotation", "lines"),
    [
        (LONG, 1),  # one token: parentheses would not make it fit
        (f"components.{LONG[:70]}", 3),  # a dotted name goes in parentheses
        ("list[PaymentPagesCheckoutSessionShippingAddressCollectionAllowedCountries]", 3),
        ("dict[str, PaymentPagesCheckoutSessionShippingAddressCollectionAllowedCountries]", 3),
        (f"dict[str, {LONG[:75]} | None]", 5),
        (f"dict[str, list[{LONG[:60]}] | None] | None", 7),
    ],
)
def test_field_without_default(annotation: str, lines: int) -> None:
    source = annotated_line("allowed_countries", annotation, None, 4)
    assert len(source.splitlines()) == lines
    assert black_keeps(f"class A:\n    {source}\n")


def test_field_with_a_long_name_and_a_subscript_goes_in_parentheses() -> None:
    source = annotated_line("a" * 80, "list[Item]", None, 4)
    assert source.splitlines()[0].endswith(": (")
    assert black_keeps(f"class A:\n    {source}\n")


def test_negative_number_value_goes_in_parentheses() -> None:
    source = assignment("VALUE_" + "X" * 70, "-" + "1" * 20, 4)
    assert source.endswith("(\n        -11111111111111111111\n    )")
    assert black_keeps(f"class A:\n    {source}\n")


SHAPES = [
    "X",
    "c.X",
    "X | None | _rt.Unset",
    "list[X] | None | _rt.Unset",
    "dict[str, X] | None | _rt.Unset",
    "list[X | None] | _rt.Unset",
    "dict[str, X | None] | None | _rt.Unset",
    "dict[str, list[X] | None] | _rt.Unset",
    "dict[str, X | list[X] | None]",
    "list[dict[str, X | None]] | None | _rt.Unset",
    'Literal["X"]',
]


@pytest.mark.parametrize("shape", SHAPES)
def test_field_layout_over_lengths(shape: str) -> None:
    """Every length of name and type a field can have lands on black's layout."""
    for name in (3, 24, 60):
        for size in range(1, 100, 6):
            annotation = shape.replace("X", "Y" * size)
            default = "_rt.UNSET" if annotation.endswith("_rt.Unset") else None
            source = f"class A:\n    {annotated_line('a' * name, annotation, default, 4)}\n"
            assert black_keeps(source), source


@pytest.mark.parametrize(
    "value",
    [CODEC, Call("_rt.Map", (Call("_rt.ModelOf", ("lambda: Y",)),)), py_str("A | B"), "_rt.UNSET"],
    ids=["call", "one-argument call", "string", "name"],
)
def test_annotated_assignment_over_lengths(value: Expr) -> None:
    """A module-level ``name: T = value`` of every name length lands on black's layout."""
    for name in range(40, 120, 3):
        source = annotated_assignment("a" * name, "_rt.Codec", value, 0) + "\n"
        assert black_keeps(source), source


def test_union_text_has_each_operand_once_and_one_literal() -> None:
    # ruff's default rules reject ``str | str`` (PYI016) and ``Literal[1] | Literal[2]`` (PYI030)
    text = union_text(["str | None", "str", 'Literal["a"]', 'Literal["b"] | Literal["a"]', "None"])
    assert text == 'str | Literal["a", "b"] | None'  # None last (RUF036)
