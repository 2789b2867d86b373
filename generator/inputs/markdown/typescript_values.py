"""Read the TypeScript values of example code (``{ id: "<id>", tags: [] }``) as JSON.

Accepts what Speakeasy's examples contain: string, number, ``true`` /
``false`` / ``null`` literals, ``new Date("...")`` (read as its string),
arrays and object literals whose keys are identifiers or strings, with
trailing commas and any whitespace.  Anything else is a ``CellError``.
"""

from __future__ import annotations

import json
import re

from generator.inputs.markdown.flavor import CellError
from generator.inputs.values import strict_json
from generator.ir import JsonValue

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_$][\w$]*)
  | (?P<punct>[{}\[\](),:;])
)""",
    re.VERBOSE,
)
_WORDS: dict[str, JsonValue] = {"true": True, "false": False, "null": None}


def read_value(text: str) -> tuple[JsonValue, int]:
    """Read one value at the start of ``text``; return it and the index after it."""
    reader = _Reader(text)
    value = reader.value()
    return value, reader.index


def read_all(text: str) -> JsonValue:
    """Read ``text`` as exactly one value (surrounding whitespace allowed)."""
    value, end = read_value(text)
    if text[end:].strip():
        raise CellError(f"unexpected '{text[end:].strip()[:20]}' after the example value")
    return value


def decode_string(token: str) -> str:
    """The text of a TypeScript string literal in single or double quotes."""
    if token.startswith("'"):
        body = token[1:-1].replace('\\"', '"').replace("\\'", "'").replace('"', '\\"')
        token = f'"{body}"'
    try:
        text: str = json.loads(token)
    except ValueError:
        raise CellError(f"cannot read string {token}; expected a JSON-style string") from None
    return text


class _Reader:
    """A recursive-descent reader over ``_TOKEN``s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0

    def peek(self) -> tuple[str, str]:
        """The next token's kind and text, without consuming it (``("end", "")`` at the end)."""
        match = _TOKEN.match(self.text, self.index)
        if match is None or match.lastgroup is None:
            rest = self.text[self.index :].strip()
            return ("end", "") if not rest else ("bad", rest[:20])
        return match.lastgroup, match[match.lastgroup]

    def take(self) -> tuple[str, str]:
        """Consume and return the next token."""
        match = _TOKEN.match(self.text, self.index)
        if match is None or match.lastgroup is None:
            raise CellError(f"cannot read the example near '{self.text[self.index :][:20]}'")
        self.index = match.end()
        return match.lastgroup, match[match.lastgroup]

    def expect(self, text: str) -> None:
        """Consume the punctuation ``text`` or fail."""
        _kind, found = self.take()
        if found != text:
            raise CellError(f"expected '{text}' in the example, found '{found}'")

    def value(self) -> JsonValue:
        """Read one value."""
        kind, text = self.take()
        if kind == "string":
            return decode_string(text)
        if kind == "number":
            number: JsonValue = strict_json(_json_number(text))  # type: ignore[assignment]
            return number
        if kind == "word" and text in _WORDS:
            return _WORDS[text]
        if kind == "word" and text == "new":
            return self.date()
        if text == "[":
            return self.array()
        if text == "{":
            return self.object()
        raise CellError(f"cannot read '{text}' in the example; expected a JSON-like value")

    def date(self) -> str:
        """``new Date("...")`` after ``new``: the date's string."""
        kind, text = self.take()
        if text != "Date":
            raise CellError(f"'new {text}' in the example; expected new Date(\"...\")")
        self.expect("(")
        kind, literal = self.take()
        if kind != "string":
            raise CellError("new Date(...) without a string in the example")
        self.expect(")")
        return decode_string(literal)

    def array(self) -> list[JsonValue]:
        """The items after ``[``."""
        items: list[JsonValue] = []
        while self.peek()[1] != "]":
            items.append(self.value())
            if self.peek()[1] == ",":
                self.take()
            elif self.peek()[1] != "]":
                raise CellError(f"expected ',' or ']' in the example, found '{self.peek()[1]}'")
        self.take()
        return items

    def object(self) -> dict[str, JsonValue]:
        """The properties after ``{``."""
        found: dict[str, JsonValue] = {}
        while self.peek()[1] != "}":
            kind, key = self.take()
            if kind == "string":
                key = decode_string(key)
            elif kind not in ("word", "number"):
                raise CellError(f"cannot read property name '{key}' in the example")
            self.expect(":")
            found[key] = self.value()
            if self.peek()[1] == ",":
                self.take()
            elif self.peek()[1] != "}":
                raise CellError(f"expected ',' or '}}' in the example, found '{self.peek()[1]}'")
        self.take()
        return found


def _json_number(text: str) -> str:
    """A JavaScript number literal as JSON (``.5`` -> ``0.5``, ``1.`` -> ``1.0``)."""
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("-")
    if body.startswith("."):
        body = "0" + body
    mantissa, _, exponent = body.lower().partition("e")
    if mantissa.endswith("."):
        mantissa += "0"
    return sign + mantissa + (f"e{exponent}" if exponent else "")
