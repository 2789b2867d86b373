"""The words hand-written field tables use: column names, required markers, type words, null.

Everything the handwritten reader recognizes by name lives here, so a house
style is one ``[tool.specloom.handwritten]`` table away (``Lexicon.extended``).
Words are compared case-insensitively, with markdown emphasis, backticks and
surrounding punctuation removed (``**Yes**``, `` `int` ``, ``YES`` are one word).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator.ir import PrimitiveKind

NAME = "name"
TYPE = "type"
REQUIRED = "required"
OPTIONAL = "optional"
"""A column saying the field may be left out (its markers are read inverted)."""
DEFAULT = "default"
DESCRIPTION = "description"
VALUES = "values"
EXAMPLE = "example"
NULLABLE = "nullable"

ROLES = (NAME, TYPE, REQUIRED, OPTIONAL, DEFAULT, DESCRIPTION, VALUES, EXAMPLE, NULLABLE)
"""Every column role, in the order ``[tool.specloom.handwritten] columns`` documents them."""

COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    NAME: (
        "name",
        "field",
        "field name",
        "parameter",
        "parameter name",
        "param",
        "param name",
        "attribute",
        "key",
        "key name",
        "property",
        "property name",
        "option",
        "option name",
        "variable",
        "variable name",
        "environment variable",
        "env var",
        "env",
        "setting",
        "setting name",
        "input",
        "input name",
        "output",
        "argument",
        "arg",
        "flag",
        "column",
        "column name",
        "header",
        "element",
        "member",
        "config",
        "configuration key",
        "参数",
        "输入",
        "输出",
        "键",
        "参数名",
        "名称",
        "字段",
        "属性",
        "变量",
        "配置项",
        "选项",
    ),
    TYPE: (
        "type",
        "data type",
        "datatype",
        "field type",
        "value type",
        "param type",
        "parameter type",
        "type of value",
        "类型",
        "数据类型",
    ),
    REQUIRED: (
        "required",
        "mandatory",
        "requirement",
        "required?",
        "req",
        "req.",
        "is required",
        "必填",
        "必需",
        "必选",
        "是否必填",
        "是否必须",
    ),
    OPTIONAL: ("optional", "optional?"),
    DEFAULT: (
        "default",
        "default value",
        "defaults",
        "default values",
        "默认值",
        "默认",
    ),
    DESCRIPTION: (
        "description",
        "descriptions",
        "desc",
        "notes",
        "note",
        "comments",
        "comment",
        "details",
        "meaning",
        "explanation",
        "remarks",
        "purpose",
        "summary",
        "info",
        "value information",
        "usage",
        "描述",
        "说明",
        "备注",
        "含义",
    ),
    VALUES: (
        "valid values",
        "allowed values",
        "possible values",
        "accepted values",
        "values",
        "enum",
        "enum values",
        "choices",
        "可选值",
        "取值",
    ),
    EXAMPLE: ("example", "examples", "example value", "example values", "sample", "示例"),
    NULLABLE: ("nullable", "null", "can be null"),
}
"""Header words of each column role (lower case)."""

NAME_PRIORITY: tuple[str, ...] = ("name", "field", "key", "parameter", "property")
"""Among several name-like columns, one written with these words wins (``Tag | Name``)."""

REQUIRED_YES: tuple[str, ...] = (
    "yes",
    "y",
    "true",
    "required",
    "mandatory",
    "must",
    "always",
    "x",
    "✓",
    "✔",
    "✔️",
    "☑",
    "☑️",
    "✅",
    ":heavy_check_mark:",
    ":white_check_mark:",
    "是",
    "必填",
    "必须",
)
"""Required-cell words meaning "required"."""
REQUIRED_NO: tuple[str, ...] = (
    "no",
    "n",
    "false",
    "optional",
    "recommended",
    "should",
    "may",
    "✗",
    "✘",
    "✖",
    "✖️",
    "❌",
    "-",
    "—",
    "\u2013",
    ":heavy_minus_sign:",
    ":x:",
    "否",
    "可选",
    "选填",
)
"""Required-cell words meaning "may be left out" (RFC 2119 RECOMMENDED included)."""

CONDITIONAL_WORDS: tuple[str, ...] = (
    "conditional",
    "conditionally",
    "depends",
    "sometimes",
    "situational",
    "see note",
    "see below",
)
"""Required-cell words saying the requirement depends on something (required left unknown)."""

NULL_WORDS: tuple[str, ...] = ("null", "nil", "none")
"""Type words meaning JSON ``null`` in a union (``array or null``)."""

NO_VALUE_WORDS: tuple[str, ...] = (
    "",
    "-",
    "—",
    "\u2013",
    "n/a",
    "na",
    "none",
    "nil",
    "<unset>",
    "unset",
    "not set",
    "(none)",
    "empty",
    "(empty)",
    "no default",
    "undefined",
)
"""Default cells saying there is no default."""

TYPE_WORDS: dict[str, tuple[PrimitiveKind, str | None]] = {
    **dict.fromkeys(
        (
            "string",
            "str",
            "text",
            "char",
            "varchar",
            "chr",
            "character",
            "utctimestamp",
            "localmktdate",
            "string-like",
            "字符串",
        ),
        (PrimitiveKind.STRING, None),
    ),
    **dict.fromkeys(
        (
            "int",
            "integer",
            "long",
            "short",
            "uint",
            "uint8",
            "uint16",
            "uint32",
            "uint64",
            "int8",
            "int16",
            "seqnum",
            "length",
            "numingroup",
            "tagnum",
            "dayofmonth",
            "bigint",
            "smallint",
            "整数",
            "整型",
        ),
        (PrimitiveKind.INTEGER, None),
    ),
    "int32": (PrimitiveKind.INTEGER, "int32"),
    "int64": (PrimitiveKind.INTEGER, "int64"),
    **dict.fromkeys(
        (
            "number",
            "decimal",
            "float",
            "double",
            "numeric",
            "real",
            "qty",
            "price",
            "priceoffset",
            "amt",
            "percentage",
            "float32",
            "float64",
            "bigdecimal",
            "数字",
        ),
        (PrimitiveKind.NUMBER, None),
    ),
    **dict.fromkeys(("bool", "boolean", "flag", "布尔", "布尔值"), (PrimitiveKind.BOOLEAN, None)),
    **dict.fromkeys(
        ("any", "mixed", "???", "?", "json", "*", "unknown", "interface{}"),
        (PrimitiveKind.ANY, None),
    ),
    **dict.fromkeys(
        (
            "date-time",
            "datetime",
            "timestamp",
            "time-stamp",
            "iso 8601 date",
            "iso 8601 datetime",
            "iso 8601",
            "rfc 3339",
            "rfc3339",
            "time.time",
            "instant",
        ),
        (PrimitiveKind.STRING, "date-time"),
    ),
    "date": (PrimitiveKind.STRING, "date"),
    **dict.fromkeys(("duration", "time.duration"), (PrimitiveKind.STRING, "duration")),
    **dict.fromkeys(("uuid", "guid"), (PrimitiveKind.STRING, "uuid")),
    **dict.fromkeys(("uri", "url"), (PrimitiveKind.STRING, "uri")),
    "email": (PrimitiveKind.STRING, "email"),
    "enum": (PrimitiveKind.STRING, None),
}
"""Leaf type words and the IR kind and format each means."""

OBJECT_WORDS: tuple[str, ...] = (
    "object",
    "obj",
    "dict",
    "dictionary",
    "hash",
    "map",
    "struct",
    "json object",
    "mapping",
    "对象",
)
"""Type words meaning a JSON object whose keys the table does not list."""
ARRAY_WORDS: tuple[str, ...] = ("array", "list", "set", "slice", "数组", "列表")
"""Type words meaning a JSON array of items the word does not name."""

DATE_TIME_HINTS: tuple[str, ...] = ("rfc3339", "rfc 3339", "iso 8601", "iso8601")
"""Description words stating that a string holds a date-time."""


def _normalize(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(word.strip().lower() for word in words)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words the handwritten reader knows; ``Lexicon()`` is the built-in lexicon."""

    columns: dict[str, tuple[str, ...]] = dataclasses.field(
        default_factory=lambda: dict(COLUMN_WORDS)
    )
    """Header words per column role."""
    required_yes: tuple[str, ...] = REQUIRED_YES
    """Required-cell words meaning required."""
    required_no: tuple[str, ...] = REQUIRED_NO
    """Required-cell words meaning optional."""
    types: dict[str, tuple[PrimitiveKind, str | None]] = dataclasses.field(
        default_factory=lambda: dict(TYPE_WORDS)
    )
    """Leaf type words."""
    object_words: tuple[str, ...] = OBJECT_WORDS
    """Words meaning an object with unlisted keys."""
    array_words: tuple[str, ...] = ARRAY_WORDS
    """Words meaning an array."""

    def role_of(self, header: str) -> str | None:
        """The role of a column whose header is ``header`` (already cleaned), if any."""
        word = header.strip().lower().rstrip(":")
        for role in ROLES:
            if word in self.columns.get(role, ()):
                return role
        return None

    def extended(
        self,
        columns: dict[str, list[str]] | None = None,
        required: list[str] | None = None,
        optional: list[str] | None = None,
        types: dict[str, str] | None = None,
    ) -> Lexicon:
        """A copy with house words added (``types`` maps a word to ``kind`` or ``kind(format)``)."""
        merged = dict(self.columns)
        for role, words in (columns or {}).items():
            merged[role] = (*_normalize(words), *merged.get(role, ()))
        type_words = dict(self.types)
        for word, meaning in (types or {}).items():
            type_words[word.strip().lower()] = parse_type_meaning(meaning)
        return dataclasses.replace(
            self,
            columns=merged,
            required_yes=(*_normalize(required or []), *self.required_yes),
            required_no=(*_normalize(optional or []), *self.required_no),
            types=type_words,
        )


def parse_type_meaning(meaning: str) -> tuple[PrimitiveKind, str | None]:
    """``"string"`` or ``"string(date-time)"`` as a kind and format; ``ValueError`` otherwise."""
    text = meaning.strip().lower()
    kind_text, _, rest = text.partition("(")
    fmt = rest.rstrip(")").strip() or None
    try:
        kind = PrimitiveKind(kind_text.strip())
    except ValueError:
        kinds = ", ".join(k.value for k in PrimitiveKind)
        raise ValueError(f"unknown kind {kind_text!r}; expected one of {kinds}") from None
    return kind, fmt
