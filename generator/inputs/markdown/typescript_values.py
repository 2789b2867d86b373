"""Read the TypeScript values of example code (``{ id: "<id>", tags: [] }``) as JSON.

Accepts what Speakeasy's examples contain: string, number, ``true`` /
``false`` / ``null`` literals, ``new Date("...")`` (read as its string),
arrays and object literals whose keys are identifiers or strings, with
trailing commas and any whitespace.  Anything else is a ``CellError``.
"""

from __future__ import annotations

import json
import re

from generator import limits
from generator.inputs.markdown.flavor import CellError
from generator.inputs.values import json_value_problem, strict_json, value_problem
from generator.ir import JsonValue

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_$][\w$]*)
  | (?P<punct>[{}\[\](),:;])
  | (?P<other>\S)
)""",
    re.VERBOSE,
)
_WORDS: dict[str, JsonValue] = {"true": True, "false": False, "null": None}
_JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
"""A lone double-quoted string (most enum values and literal types), read without tokens."""


def read_value(text: str) -> tuple[JsonValue, int]:
    """Read one value at the start of ``text``; return it and the index after it."""
    reader = _Reader(text)
    value = reader.value()
    problem = json_value_problem(value)
    if problem is not None:
        raise CellError(f"the example holds no JSON value: {problem}")
    return value, reader.index


def read_all(text: str) -> JsonValue:
    """Read ``text`` as exactly one value (surrounding whitespace allowed)."""
    if _JSON_STRING.fullmatch(text):
        return decode_string(text)
    fast = as_json(text)
    if fast is not None:
        return fast[0]
    value, end = read_value(text)
    if text[end:].strip():
        raise CellError(f"unexpected '{text[end:].strip()[:20]}' after the example value")
    return value


_JSONISH = re.compile(
    r"""(?P<date>new\s+Date\(\s*(?P<literal>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\))
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<single>'(?:[^'\\\n]|\\.)*')
  | (?P<key>[A-Za-z_$][\w$]*)(?=\s*:)
  | (?P<comma>(?<![\[{,\s])\s*,(?=\s*[\]}]))
  | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)""",
    re.VERBOSE,
)
"""What a TypeScript value has that JSON spells otherwise: dates, single quotes, bare keys,
trailing commas (one after a value: ``[,]`` stays as written and fails), JavaScript numbers
(and the strings, skipped whole)."""


def _as_json_token(match: re.Match[str]) -> str:
    kind = match.lastgroup
    text = match[0]
    if kind == "string":
        return text
    if kind == "key":
        return f'"{text}"'
    if kind == "comma":
        return ""
    if kind == "number":
        return _json_number(text)
    if kind == "date":
        text = match["literal"]
    return json.dumps(decode_string(text), ensure_ascii=False)


def as_json(text: str) -> tuple[JsonValue] | None:
    """The value of ``text`` read as JSON once its TypeScript spellings are rewritten (one
    regular-expression pass and the C JSON parser: the common case, fast); ``None`` when that
    does not parse, and the token reader decides (and names the problem)."""
    try:
        converted = _JSONISH.sub(_as_json_token, text)
        if _needs_checks(converted):
            value: JsonValue = strict_json(converted)  # type: ignore[assignment]
        else:
            value = _DECODER.decode(converted)
    except (ValueError, CellError):
        return None
    return (value,)


_RARE = re.compile(r"\\u|\d[eE]")
"""What only ``strict_json``'s checks can judge: escapes (a lone surrogate) and exponents (an
infinite number)."""


def _needs_checks(text: str) -> bool:
    """Whether JSON ``text`` could hold what ``strict_json`` refuses: a lone surrogate, an
    infinite number, an integer past the digit limit or nesting past the depth limit."""
    current = limits.current()
    if text.count("[") + text.count("{") >= current.max_depth:
        return True
    if _RARE.search(text) is not None:
        return True
    digits = current.max_integer_digits + 1
    return len(text) >= digits and re.search(rf"\d{{{digits}}}", text) is not None


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def decode_string(token: str) -> str:
    """The text of a TypeScript string literal in single or double quotes (no lone surrogate)."""
    if token.startswith("'"):
        body = token[1:-1].replace('\\"', '"').replace("\\'", "'").replace('"', '\\"')
        token = f'"{body}"'
    try:
        text: str = json.loads(token)
    except ValueError:
        raise CellError(f"cannot read string {token}; expected a JSON-style string") from None
    problem = value_problem(text)
    if problem is not None:
        raise CellError(f"cannot read string {token}: {problem}")
    return text


class _Reader:
    """A recursive-descent reader over ``_TOKEN``s, tokenized once up front (up to the first
    text that is no token)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # every character but trailing space is in some token, so they follow each other
        matches = list(_TOKEN.finditer(text))
        tokens = [(match.lastgroup or "other", match[match.lastgroup or 0]) for match in matches]
        count = next((i for i, (kind, _) in enumerate(tokens) if kind == "other"), len(tokens))
        self._tokens = tokens[:count]
        self._ends = [match.end() for match in matches[:count]]
        self._at = 0

    @property
    def index(self) -> int:
        """Where the text after the tokens taken so far starts."""
        return self._ends[self._at - 1] if self._at else 0

    def peek(self) -> tuple[str, str]:
        """The next token's kind and text, without consuming it (``("end", "")`` at the end)."""
        if self._at < len(self._tokens):
            return self._tokens[self._at]
        rest = self.text[self.index :].strip()
        return ("end", "") if not rest else ("bad", rest[:20])

    def take(self) -> tuple[str, str]:
        """Consume and return the next token."""
        if self._at >= len(self._tokens):
            raise CellError(f"cannot read the example near '{self.text[self.index :][:20]}'")
        token = self._tokens[self._at]
        self._at += 1
        return token

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
            try:
                number: JsonValue = strict_json(_json_number(text))  # type: ignore[assignment]
            except ValueError as error:
                raise CellError(f"cannot read number '{text[:20]}' in the example: {error}") from None
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
