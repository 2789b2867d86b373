"""ECMA-262 regular expressions (JSON Schema ``pattern``) -> Python ``re`` patterns.

JSON Schema patterns follow ECMA-262, whose classes differ from Python's:
``\\d`` and ``\\w`` are ASCII only, ``\\s`` is a fixed set of Unicode spaces,
``.`` stops at every line terminator, ``$`` matches only at the very end.
``translate`` rewrites what differs and says what cannot be expressed in
Python's ``re`` (the caller turns that into a warning naming the pattern).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_CLASS_BODY = {"d": "0-9", "w": "a-zA-Z0-9_", "s": _SPACE}
_NEGATED = {"D": "d", "W": "w", "S": "s"}
_WORD = "[a-zA-Z0-9_]"
_BOUNDARY = f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))"
_NON_BOUNDARY = f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))"
_PROPERTIES = {
    "L": "^\\W\\d_",
    "Letter": "^\\W\\d_",
    "Nd": "\\d",
    "digit": "\\d",
    "Decimal_Number": "\\d",
}
"""Unicode properties Python's ``re`` can express, as the body of a character class."""


@dataclass(frozen=True, slots=True)
class Translation:
    """A pattern in Python syntax, or why there is none."""

    pattern: str | None
    """The Python ``re`` pattern (use with ``search``); ``None`` when it cannot be expressed."""
    problem: str | None = None
    """What cannot be expressed, when ``pattern`` is ``None``."""


class _Untranslatable(Exception):
    pass


class _Complement(Exception):
    """An item of a character class that is the complement of a class body (``\\W``, ``\\S``,
    ``\\D``, ``\\p{L}``...): Python's classes cannot hold one beside other items."""

    def __init__(self, body: str) -> None:
        super().__init__(body)
        self.body = body


def translate(source: str, dialect: str = "python") -> Translation:
    """The Python ``re`` form (``dialect="rust"``: the Rust ``regex`` crate's, which
    pydantic-core uses) of the ECMA-262 pattern ``source``."""
    try:
        text = _Translator(source, dialect == "rust").run()
    except _Untranslatable as error:
        return Translation(None, str(error))
    if dialect == "rust":
        if re.search(r"\(\?<?[=!]|(?<!\\)\\[1-9]|\(\?P=", text):
            return Translation(
                None, "the Rust regex crate has no look-around or back-reference"
            )
        return Translation(text)
    try:
        re.compile(text)
    except re.error as error:
        return Translation(None, f"Python's re cannot compile it ({error})")
    except (OverflowError, RecursionError):
        return Translation(None, "Python's re cannot compile it (too large)")
    return Translation(text)


class _Translator:
    def __init__(self, source: str, rust: bool = False) -> None:
        self.source = source
        self.rust = rust
        self.index = 0
        self.out: list[str] = []

    def run(self) -> str:
        source = self.source
        while self.index < len(source):
            char = source[self.index]
            if char == "\\":
                self.out.append(self._escape(in_class=False))
            elif char == "[":
                self.out.append(self._class())
            elif char == ".":
                self.out.append("[^\\n\\r\\u2028\\u2029]")
                self.index += 1
            elif char == "$":
                self.out.append("$" if self.rust else "\\Z")
                self.index += 1
            elif (
                char == "("
                and source.startswith("(?<", self.index)
                and not source.startswith(("(?<=", "(?<!"), self.index)
            ):
                self.out.append("(?P<")
                self.index += 3
            elif (
                char == "("
                and source.startswith("(?", self.index)
                and not source.startswith(("(?:", "(?=", "(?!", "(?<"), self.index)
            ):
                raise _Untranslatable(
                    f"the group syntax at offset {self.index} is not ECMA-262"
                )
            else:
                self.out.append(char)
                self.index += 1
        return "".join(self.out)

    def _escape(self, in_class: bool) -> str:
        source = self.source
        if self.index + 1 >= len(source):
            raise _Untranslatable("it ends with a lone backslash")
        char = source[self.index + 1]
        self.index += 2
        if char in _CLASS_BODY:
            body = _CLASS_BODY[char]
            return body if in_class else f"[{body}]"
        if char in _NEGATED:
            body = _CLASS_BODY[_NEGATED[char]]
            if in_class:
                raise _Complement(body)
            return f"[^{body}]"
        if char == "b" and not in_class:
            return "(?-u:\\b)" if self.rust else _BOUNDARY
        if char == "B" and not in_class:
            return "(?-u:\\B)" if self.rust else _NON_BOUNDARY
        if char == "b":
            return "\\x08"
        if char == "c":
            letter = source[self.index : self.index + 1]
            if letter.isascii() and letter.isalpha():
                self.index += 1
                return f"\\x{ord(letter) % 32:02x}"
            return "\\\\c"
        if char in "pP":
            return self._property(char == "P", in_class)
        if char == "u":
            return self._unicode()
        if char == "k" and source.startswith("<", self.index):
            end = source.find(">", self.index)
            if end < 0:
                raise _Untranslatable("\\k< has no closing >")
            name = source[self.index + 1 : end]
            self.index = end + 1
            return f"(?P={name})"
        if char == "0" and not source[self.index : self.index + 1].isdigit():
            return "\\x00"
        if char == "/":
            return "/"
        if char.isascii() and char.isalpha() and char not in "fnrtvxBbDdSsWw":
            raise _Untranslatable(f"the escape \\{char} has no Python form")
        return "\\" + char

    def _unicode(self) -> str:
        source = self.source
        if source.startswith("{", self.index):
            end = source.find("}", self.index)
            if end < 0:
                raise _Untranslatable("\\u{ has no closing }")
            code = int(source[self.index + 1 : end], 16)
            self.index = end + 1
            return _char(code, self.rust)
        digits = source[self.index : self.index + 4]
        if len(digits) != 4 or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise _Untranslatable("a \\u escape needs four hex digits")
        self.index += 4
        code = int(digits, 16)
        low = source[self.index : self.index + 6]
        if 0xD800 <= code < 0xDC00 and re.fullmatch(
            r"\\u[dD][c-fC-F][0-9a-fA-F]{2}", low
        ):
            self.index += 6
            code = 0x10000 + ((code - 0xD800) << 10) + (int(low[-4:], 16) - 0xDC00)
        return _char(code, self.rust)

    def _property(self, negated: bool, in_class: bool) -> str:
        source = self.source
        if not source.startswith("{", self.index):
            raise _Untranslatable("\\p needs a {Property}")
        end = source.find("}", self.index)
        if end < 0:
            raise _Untranslatable("\\p{ has no closing }")
        name = source[self.index + 1 : end]
        name = (
            name.split("=", 1)[1]
            if name.startswith(("General_Category=", "gc="))
            else name
        )
        self.index = end + 1
        body = _PROPERTIES.get(name)
        if body is None:
            raise _Untranslatable(
                f"the Unicode property \\p{{{name}}} has no Python form"
            )
        if in_class:
            if body.startswith("^"):  # a complement: \\P of it is the plain body
                if negated:
                    return body[1:]
                raise _Complement(body[1:])
            if negated:
                raise _Complement(body)
            return body
        if negated:
            return f"[^{body[1:]}]" if body.startswith("^") else f"[^{body}]"
        return f"[{body}]"

    def _class(self) -> str:
        source = self.source
        start = self.index
        self.index += 1
        negated = source.startswith("^", self.index)
        if negated:
            self.index += 1
        if source.startswith("]", self.index):  # [] never matches, [^] matches anything
            self.index += 1
            return "(?s:.)" if negated else "(?!)"
        parts: list[str | None] = []
        """The items Python's class can hold; ``None`` where a complement was taken out."""
        complements: list[str] = []
        """Bodies of the items that are complements (``\\W`` is the complement of ``a-zA-Z0-9_``)."""
        while self.index < len(source):
            char = source[self.index]
            if char == "]":
                self.index += 1
                return _class_form(parts, complements, negated)
            if char == "\\":
                try:
                    parts.append(self._escape(in_class=True))
                except _Complement as complement:
                    parts.append(None)
                    complements.append(complement.body)
            elif char == "[":
                parts.append("\\[")
                self.index += 1
            else:
                parts.append(char)
                self.index += 1
        raise _Untranslatable(f"the character class at offset {start} is not closed")


def _class_form(parts: list[str | None], complements: list[str], negated: bool) -> str:
    """A class with complement items as Python: an alternation (``[a\\W]`` is ``a`` or not a
    word character), or for a negated class look-aheads (``[^a\\W]`` is a word character that is
    not ``a``)."""
    items = [
        "\\-" if part == "-" and _beside_shorthand(parts, index) else part
        for index, part in enumerate(parts)
        if part is not None
    ]
    body = "".join(items)
    if not complements:
        return f"[^{body}]" if negated else f"[{body}]"
    if not negated:
        branches = ([f"[{body}]"] if body else []) + [f"[^{c}]" for c in complements]
        return "(?:" + "|".join(branches) + ")"
    guards = ([f"(?![{body}])"] if body else []) + [
        f"(?=[{c}])" for c in complements[:-1]
    ]
    return "(?:" + "".join(guards) + f"[{complements[-1]}])"


_SHORTHANDS = frozenset(_CLASS_BODY.values()) | {
    body.lstrip("^") for body in _PROPERTIES.values()
}
"""Class bodies a shorthand escape (``\\s``, ``\\p{L}``...) expands to inside a class."""


def _beside_shorthand(parts: list[str | None], index: int) -> bool:
    """A ``-`` next to a shorthand is a literal dash in ECMA-262 (Annex B), never a range."""
    neighbours = parts[max(index - 1, 0) : index] + parts[index + 1 : index + 2]
    return any(part is None or part in _SHORTHANDS for part in neighbours)


def _char(code: int, rust: bool = False) -> str:
    if rust:
        return f"\\x{{{code:x}}}"
    return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"


__all__ = ["Translation", "translate"]
