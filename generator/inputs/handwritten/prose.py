"""Values written in cells and prose: defaults (``Defaults to `10```) and allowed values.

``read_value`` reads a Default cell; ``prose_default`` and ``prose_values``
read a description.  A default that is not a value (``-``, ``None`` as a
word, a link such as "see values.yaml", a sentence, another key's name) is
``NotAValue``: the caller keeps the text and warns, nothing is guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.inputs.handwritten.blocks import split_cell_text
from generator.inputs.handwritten.lexicon import NO_VALUE_WORDS
from generator.ir import JsonScalar, JsonValue, PrimitiveKind

_CODE = re.compile(r"(?<!\\)(`+)(?P<code>.+?)(?<!`)\1(?!`)", re.S)
_NUMBER = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_UNITS = (
    "ms",
    "milliseconds",
    "millisecond",
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "h",
    "day",
    "days",
    "bytes",
    "byte",
    "kb",
    "mb",
    "gb",
    "percent",
    "%",
    "times",
    "items",
    "characters",
    "chars",
)
_PROSE_WORDS = re.compile(r"^[A-Za-z][A-Za-z'\u2019]*(\s+[A-Za-z'\u2019]+)+$")
_TAGS = re.compile(r"</?[A-Za-z][^<>]*>")
_TRIGGER = re.compile(
    r"\b(one of|(?:the )?(?:possible|valid|supported|allowed|accepted|available|acceptable)"
    r"(?: values| options)?(?: are| is| include)?|options(?: are)?|values(?: are)?|can be"
    r"(?: one of)?|must be(?: one of)?|either|only|always|choose from|set to one of|enum)\s*:?",
    re.I,
)
_EXAMPLE = re.compile(
    r"\b(e\.g\.|eg\.|example[s]?|for instance|such as|like|i\.e\.|including)\s*[:,]?\s*$", re.I
)
_WEAK_TRIGGERS = frozenset({"either", "can be", "only", "always", "must be"})
"""Triggers that name one value only with "is supported" after it (``Only `X` is supported``)."""
_SOLE = re.compile(
    r"^[\s\"'\u201c\u201d]*(is|are)\s+(the only )?(supported|allowed|accepted|valid)", re.I
)
_BARE_LIST = re.compile(
    r"^\s*([\w.+-]+(?:\s*(?:,|\bor\b|\band\b|/|\|)\s*(?:or\s+|and\s+)?[\w.+-]+)+)"
    r"\s*(?:[.;)]|$|<br|\n)"
)
"""``Possible values: ACK, RESULT or FULL.``: bare words after a strong trigger."""
_NOT_VALUES = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "following", "below", "above"}
)
_RUN_END = re.compile(
    r"^[\s\"'“”]*($|[.;:!?)]|<br|\n|(only|(are|is) (supported|allowed|accepted|valid))\b)", re.I
)
_SEPARATOR = re.compile(
    r"^[\s\"'“”]*(\((?:the )?default\))?[\s\"'“”]*(,|;|/|\||&|\bor\b|\band\b|\s)*"
    r"(\((?:the )?default\))?[\s\"'“”]*$",
    re.I,
)
_ITEM = re.compile(
    r"^(?:[-*+•]\s*)?(?P<code>`[^`]+`|\"[^\"]*\")\s*(?P<mark>\((?:the )?default\))?\s*(?P<after>[:\-\u2013—=]|\(|$)"
)
_DEFAULT_PHRASE = re.compile(
    r"\b(?:defaults? to|default(?: value)?(?: is| being)?\s*[:=]|default(?: value)? is|"
    r"default(?: value)?(?=\s+`)|by default(?: is)?(?=\s*[:`])|"
    r"if not (?:passed|set|given|specified)[^`.]*?,?(?=\s*`))\s*(?=(?P<rest>.+))",
    re.I,
)
_USED_BY_DEFAULT = re.compile(
    r"(?P<code>`[^`]+`)\s+(?:is|will be)\s+(?:used\s+)?(?:by default|the default)", re.I
)
_DEFAULT_MARK = re.compile(r"(?P<code>`[^`]+`)\s*\((?:the )?default\)", re.I)
_ON_BY_DEFAULT = re.compile(r"\b(turned on|switched on|enabled|on) by default\b", re.I)
_OFF_BY_DEFAULT = re.compile(r"\b(turned off|switched off|disabled|off) by default\b", re.I)


@dataclass(frozen=True, slots=True)
class Value:
    """A value read from the doc."""

    value: JsonValue
    """As JSON."""


@dataclass(frozen=True, slots=True)
class NotAValue:
    """Text where a value was expected but that is not one (a reference, a sentence)."""

    text: str
    """What the doc says."""
    reason: str
    """Why it is not read as a value."""


Reading = Value | NotAValue | None
"""A value, text that is not one, or ``None`` (nothing stated)."""


def read_value(cell: str, kind: PrimitiveKind | None, names: Collection[str] = ()) -> Reading:
    """A Default (or Example) cell: the value it states, ``NotAValue``, or ``None`` for none.

    ``kind`` is the field's declared kind (a string field keeps ``80`` as
    text); ``names`` are the table's field names (a default naming one is
    not a value).
    """
    raw = cell.strip()
    text_outside = _TAGS.sub("", _CODE.sub("", raw)).strip(" .")
    if re.search(r"\[[^\]]+\](\([^)]*\)|\[[^\]]*\])?", _CODE.sub("", raw)) and re.search(
        r"\]\(|\]\[|^\[|see ", _CODE.sub("", raw), re.I
    ):
        return NotAValue(raw, "it is a reference, not a value")
    codes = [m.group("code") for m in _CODE.finditer(raw)]
    if raw in ("``", "` `"):
        return Value("")
    if codes:
        if text_outside and re.search(r"[A-Za-z]{2,}", text_outside):
            return NotAValue(raw, "it mixes words and code")
        if len(codes) > 1:
            return NotAValue(raw, "it lists several values")
        return _scalar(codes[0].strip() if codes[0].strip() else codes[0], kind, names, True)
    text = re.sub(r"<br\s*/?>", " ", raw).strip()
    if text.lower() not in ("<unset>",):
        text = _TAGS.sub("", text).strip()
    return _scalar(text.replace("\\", ""), kind, names, False)


def _scalar(text: str, kind: PrimitiveKind | None, names: Collection[str], code: bool) -> Reading:
    lowered = text.lower().strip()
    if "${" in text:
        return NotAValue(text, "it is an expression, not a value")
    if lowered in NO_VALUE_WORDS:
        return None
    if lowered == "null":
        return Value(None)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        if text[0] == '"':
            try:
                decoded = json.loads(text)
                if isinstance(decoded, str):
                    return Value(decoded)
            except ValueError:
                pass
        return Value(text[1:-1])
    if text in names:
        return NotAValue(text, "it names another field")
    if kind is PrimitiveKind.STRING:
        if _PROSE_WORDS.match(text) and not code:
            return NotAValue(text, "it is a sentence, not a value")
        if _PROSE_WORDS.match(text) and "'" in text:
            return NotAValue(text, "it is a sentence, not a value")
        return Value(text)
    if lowered in ("true", "false"):
        return Value(lowered == "true")
    number = _number(text)
    if number is not None:
        return Value(number)
    if text[:1] in "[{":
        try:
            parsed: JsonValue = json.loads(text)
            return Value(parsed)
        except ValueError:
            pass
    if text[:1] in "[{" or re.match(r"^[\w.-]+: \S", text):
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict | list):
            return Value(_jsonable(loaded))
    if _PROSE_WORDS.match(text) or "'s " in text:
        return NotAValue(text, "it is a sentence, not a value")
    return Value(text)


def _number(text: str) -> int | float | None:
    if not _NUMBER.fullmatch(text):
        return None
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    return float(text)


def _jsonable(value: object) -> JsonValue:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def coerce(text: str, kind: PrimitiveKind | None) -> JsonScalar:
    """An enum value as written (quotes removed), typed by the field's kind."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    if kind is not PrimitiveKind.STRING and kind is not PrimitiveKind.BOOLEAN:
        number = _number(text)
        if number is not None:
            return number
    if kind is PrimitiveKind.BOOLEAN and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def prose_default(text: str, kind: PrimitiveKind | None, names: Collection[str]) -> Reading:
    """A default stated in a description, ``NotAValue`` for one that is not a value, else ``None``."""
    found: list[Reading] = []
    for line in split_cell_text(text):
        marked = _DEFAULT_MARK.search(line) or _USED_BY_DEFAULT.search(line)
        if marked:
            found.append(_scalar(marked.group("code")[1:-1], kind, names, True))
            continue
        if kind in (PrimitiveKind.BOOLEAN, None, PrimitiveKind.ANY):
            if _ON_BY_DEFAULT.search(line):
                found.append(Value(True))
                continue
            if _OFF_BY_DEFAULT.search(line):
                found.append(Value(False))
                continue
        found += [
            _after_phrase(p.group("rest"), kind, names) for p in _DEFAULT_PHRASE.finditer(line)
        ]
    values = [f for f in found if isinstance(f, Value)]
    if len({repr(v.value) for v in values}) > 1:
        return NotAValue(text, "it states different defaults under different conditions")
    if values:
        return values[0]
    return next((f for f in found if f is not None), None)


def _after_phrase(rest: str, kind: PrimitiveKind | None, names: Collection[str]) -> Reading:
    rest = rest.strip()
    code = _CODE.match(rest)
    if code:
        return _scalar(code.group("code"), kind, names, True)
    quoted = re.match(r"\"([^\"]*)\"|'([^']*)'", rest)
    if quoted:
        return Value(quoted.group(1) if quoted.group(1) is not None else quoted.group(2))
    token = re.match(r"(?P<word>[^\s,;()]+?)(?=[.,;)]*(\s|$))", rest + " ")
    if token is None:
        return NotAValue(rest, "it is not a value")
    word = token.group("word")
    after = rest[token.end("word") :].strip().lower()
    if word.lower() in ("the", "a", "an", "this", "that", "its", "their", "whatever", "same"):
        return NotAValue(rest.rstrip("."), "it is a sentence, not a value")
    if _number(word) is not None and after.split(" ")[0].strip(".,;)") in _UNITS:
        return _scalar(word, kind, names, False)
    return _scalar(word.rstrip("."), kind, names, False)


def prose_values(
    text: str, kind: PrimitiveKind | None, names: Collection[str]
) -> tuple[list[JsonScalar], JsonScalar | None] | None:
    """Allowed values listed in ``text`` and the one marked ``(default)``; ``None`` if none."""
    lines = split_cell_text(text)
    items = [m for line in lines if (m := _ITEM.match(line))]
    if len(items) >= 2:
        return _typed(
            [m.group("code") for m in items], [bool(m.group("mark")) for m in items], kind, names
        )
    whole = " ".join(lines)
    for trigger in _TRIGGER.finditer(whole):
        run = _run(whole[trigger.end() :])
        if run:
            codes, marks, end = run
            weak = trigger.group(1).lower()
            single = len(codes) == 1 and weak in _WEAK_TRIGGERS
            if single and weak != "always" and not _SOLE.match(whole[trigger.end() + end :]):
                continue
            # a strong trigger ("Options:", "One of") lists values even where they are
            # also field names (sort by `id`); after a weak one they name fields instead
            return _typed(codes, marks, kind, names if weak in _WEAK_TRIGGERS else ())
    for trigger in _TRIGGER.finditer(whole):
        if trigger.group(1).lower() in _WEAK_TRIGGERS:
            continue
        bare = _BARE_LIST.match(whole[trigger.end() :])
        if bare:
            parts = re.split(r"\s*(?:,|\bor\b|\band\b|/|\|)\s*", bare.group(1).rstrip("."))
            words = [word for word in parts if word]
            if len(words) >= 2 and not {w.lower() for w in words} & _NOT_VALUES:
                return _typed(words, [False] * len(words), kind, ())
    pairs = list(re.finditer(r"(`[^`]+`)\s*:\s*[^`]", whole))
    if len(pairs) >= 2:
        return _typed([m.group(1) for m in pairs], [False] * len(pairs), kind, names)
    position = 0
    while (start := whole.find("`", position)) >= 0:
        before = whole[:start]
        run = _run(whole[start:])
        if run is None:
            break
        codes, marks, end = run
        alone = len(codes) >= 2 and not re.sub(r"`[^`]+`|[\s,.;]|\bor\b|\band\b", "", whole)
        listed = len(codes) >= 3 and _RUN_END.match(whole[start + end :])
        if (listed or alone) and not _EXAMPLE.search(before):
            found = _typed(codes, marks, kind, names)
            if found is not None:
                return found
        closing = whole.find("`", start + 1)
        if closing < 0:
            break
        position = closing + 1
    return None


def _run(text: str) -> tuple[list[str], list[bool], int] | None:
    """Code spans at the start of ``text`` separated only by commas, ``or``, ``and``, slashes."""
    codes: list[str] = []
    marks: list[bool] = []
    seps: list[str] = []
    position = 0
    while True:
        match = re.compile(r"[\s\"'“”]*(`[^`]+`|\"[^\"`]+\")").match(text, position)
        if not match:
            break
        codes.append(match.group(1))
        marks.append(False)
        position = match.end()
        tail = re.compile(r"[\s\"'“”]*\((?:the )?default\)").match(text, position)
        if tail:
            marks[-1] = True
            position = tail.end()
        quoted = codes[-1].startswith('"')
        nxt = text.find('"' if quoted else "`", position)
        if nxt < 0:
            break
        gap = text[position:nxt]
        if not _SEPARATOR.match(gap) or not re.search(r",|\bor\b|\band\b|/|\||&", gap):
            break
        seps.append(gap)
        position = nxt
    return (codes, marks, position) if codes else None


def _typed(
    codes: list[str], marks: list[bool], kind: PrimitiveKind | None, names: Collection[str]
) -> tuple[list[JsonScalar], JsonScalar | None] | None:
    values: list[JsonScalar] = []
    default: JsonScalar | None = None
    for code, mark in zip(codes, marks, strict=True):
        inner = code.strip("`") if code.startswith("`") else code
        value = coerce(inner, kind)
        if isinstance(value, str) and value in names:
            return None
        if value not in values:
            values.append(value)
        if mark:
            default = value
    return values, default
