"""Spec text lands in Python source escaped, and in the form black keeps."""

from __future__ import annotations

import ast

import black
import pytest

from generator.render.filters.python_layout import Call, annotated_line, layout
from generator.render.filters.python_literals import docstring_text, py_docstring, py_str

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
