"""The Java docs flavor: ``*String*``, ``*Optional\\<Long>*``, ``List\\<[Tag](...)>``, ``[JsonNullable\\<Address>](...)``.

Leaves are boxed or primitive Java types in italics; ``Optional<T>`` marks an
optional value, ``JsonNullable<T>`` a nullable one.  Since 2024 ``<`` is
escaped (``\\<``).  Named models are links labelled with the bare or fully
qualified class name (``[com.acme.models.shared.Tag](...)``); unions are
title-only docs.  Newer generators give enums an ``## Example Usage`` block
(``Mode value = Mode.ASYNC;``, plus ``Mode.of("custom_value")`` for open enums).
Field names are the camelCase Java names, which are the wire names as Speakeasy derives them.
"""

from __future__ import annotations

import re

from generator.inputs.markdown.angle_types import (
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING,
    Grammar,
    parse,
    unescape,
)
from generator.inputs.markdown.document import Section
from generator.inputs.markdown.flavor import CellError, CellType, RefResolver, Usage, observe
from generator.inputs.markdown.lexicon_flavor import Lexicon, LexiconFlavor
from generator.ir import Primitive, PrimitiveKind, TypeName

OPTIONAL = "Optional"
"""``CellType.wrapper`` of ``Optional<T>`` (may be absent)."""
JSON_NULLABLE = "JsonNullable"
"""``CellType.wrapper`` of ``JsonNullable<T>`` (may be null)."""


GRAMMAR = Grammar(
    leaves={
        "String": STRING,
        "Integer": Primitive(PrimitiveKind.INTEGER, "int32"),
        "int": Primitive(PrimitiveKind.INTEGER, "int32"),
        "Long": INTEGER,
        "long": INTEGER,
        "Double": NUMBER,
        "double": NUMBER,
        "Float": Primitive(PrimitiveKind.NUMBER, "float"),
        "float": Primitive(PrimitiveKind.NUMBER, "float"),
        "BigDecimal": Primitive(PrimitiveKind.NUMBER, "decimal"),
        "BigInteger": Primitive(PrimitiveKind.INTEGER, "bigint"),
        "Boolean": BOOLEAN,
        "boolean": BOOLEAN,
        "Object": Primitive(PrimitiveKind.ANY),
        "byte[]": Primitive(PrimitiveKind.STRING, "binary"),
        "InputStream": Primitive(PrimitiveKind.STRING, "binary"),
    },
    library={
        "OffsetDateTime": Primitive(PrimitiveKind.STRING, "date-time"),
        "LocalDate": Primitive(PrimitiveKind.STRING, "date"),
        "HttpResponse": Primitive(PrimitiveKind.ANY, "http-response"),
        "HttpRequest": Primitive(PrimitiveKind.ANY, "http-request"),
    },
    wrappers={"Optional": OPTIONAL, "JsonNullable": JSON_NULLABLE},
    lists=("List",),
    maps=("Map",),
    spellings={
        "HttpResponse<?>": (("response-stream", False), ("response-bytes", False)),
        "HttpResponse<InputStream>": (("response-stream", True), ("response-bytes", False)),
        "HttpResponse<byte[]>": (("response-stream", False), ("response-bytes", True)),
    },
    qualified_fact="java-qualified",
)
"""Java's type-cell vocabulary."""

_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_SIGNS = re.compile(
    r"\\<|\*(?:Integer|Long|Boolean|Double|Float)\*|docs\.oracle\.com|JsonNullable|"
    r"\[(?:[a-z_][a-z0-9_]*\.){2,}[A-Z]"
)
_ENUM_USAGE = re.compile(
    r"import (?P<package>[\w.]+)\.models\.(?P<namespace>\w+)\.(?P<name>\w+);\n\n"
    r"(?P=name) value = (?P=name)\.(?P<constant>\w+);\n"
    r"(?:\n// Open enum: use \.of\(\) to create instances from custom string values\n"
    r"(?P=name) custom = (?P=name)\.of\((?P<custom>\"custom_value\"|\d+)\);\n)?"
)
OPEN_ENUM_NOTE = "// Open enum: use .of() to create instances from custom string values"
"""The comment of the Java example of an open enum."""


_BOXED = frozenset({"*Long*", "*Integer*", "*Boolean*", "*Double*", "*Float*"})
"""Boxed scalars, which a cell shows unwrapped only in the 2023 style (``java-unwrapped``)."""


def _parse_cell(cell: str, refs: RefResolver) -> CellType:
    """A stripped cell, ``\\<`` escapes undone, by the angle-bracket grammar; how it spells
    generics and scalars votes for the tree's style facts."""
    if "<" in cell:
        observe("generics-unescaped", "\\<" not in cell)
    parsed = parse(GRAMMAR, unescape(cell), refs)
    if parsed.wrapper is not None or cell in _UNBOXED:
        observe("java-unwrapped", False)
    elif cell in _BOXED:
        observe("java-unwrapped", True)
    return parsed


_UNBOXED = frozenset({"*long*", "*int*", "*boolean*", "*double*", "*float*"})
"""Primitive scalars, which a cell shows only for required values from 2024 on."""


def _parse_usage(section: Section, name: TypeName) -> Usage:
    """An enum's example: ``import pkg.models.ns.Name;`` then ``Name value = Name.CONSTANT;``."""
    blocks = section.code_blocks
    match = _ENUM_USAGE.fullmatch(blocks[0].text) if len(blocks) == 1 else None
    if match is None or match["name"] != name.name:
        raise CellError(
            "cannot read the example; expected a ```java block "
            f"`import <package>.models.{name.namespace}.{name.name};` then "
            f"`{name.name} value = {name.name}.<CONSTANT>;`"
        )
    custom = match["custom"]
    return Usage(
        (),
        match["package"],
        open=True if custom else None,
        constants=(match["constant"],),
        integer_values=bool(custom) and custom != '"custom_value"',
    )


LEXICON = Lexicon(
    language="java",
    name="Java",
    type_system="Java",
    type_examples=(
        "*String*, *Optional\\<Long>*, List\\<*String*>, Map\\<String, *Object*> or "
        "[JsonNullable\\<Name>](link)"
    ),
    parse_cell=_parse_cell,
    signs=_SIGNS,
    code_language="java",
    identifier=_IDENT,
    identifier_example="`clickId`",
    wire_name=str,
    package=re.compile(r"\[(?P<package>[a-z_][\w.]*)\.models\.\w+\.[A-Z]"),
    nullable_marks={JSON_NULLABLE: False, OPTIONAL: True},
    usage=_parse_usage,
)
"""How Java docs are written: field names are the wire names (camelCase); ``JsonNullable``
says nullable, and so does ``Optional`` on a required field; union docs list no variants."""

JAVA = LexiconFlavor(LEXICON)
"""The Java flavor."""
