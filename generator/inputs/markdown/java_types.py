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

from generator.inputs.markdown.angle_types import Grammar, Unknown, parse, unescape
from generator.inputs.markdown.document import Document, Section, Subsection
from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    EnumValues,
    RefResolver,
    Usage,
    Variant,
    sniff_score,
)
from generator.ir import Primitive, PrimitiveKind, TypeName

OPTIONAL = "Optional"
"""``CellType.wrapper`` of ``Optional<T>`` (may be absent)."""
JSON_NULLABLE = "JsonNullable"
"""``CellType.wrapper`` of ``JsonNullable<T>`` (may be null)."""

_STRING = Primitive(PrimitiveKind.STRING)
_INTEGER = Primitive(PrimitiveKind.INTEGER)
_NUMBER = Primitive(PrimitiveKind.NUMBER)
_BOOLEAN = Primitive(PrimitiveKind.BOOLEAN)

GRAMMAR = Grammar(
    leaves={
        "String": _STRING,
        "Integer": Primitive(PrimitiveKind.INTEGER, "int32"),
        "int": Primitive(PrimitiveKind.INTEGER, "int32"),
        "Long": _INTEGER,
        "long": _INTEGER,
        "Double": _NUMBER,
        "double": _NUMBER,
        "Float": Primitive(PrimitiveKind.NUMBER, "float"),
        "float": Primitive(PrimitiveKind.NUMBER, "float"),
        "BigDecimal": Primitive(PrimitiveKind.NUMBER, "decimal"),
        "BigInteger": Primitive(PrimitiveKind.INTEGER, "bigint"),
        "Boolean": _BOOLEAN,
        "boolean": _BOOLEAN,
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


class JavaFlavor:
    """Reads Java SDK docs."""

    language = "java"
    style: str | None = None

    def namespace(self, folder: str) -> str:
        """Java folders are the namespaces."""
        return folder.lower()

    def model_name(self, written: str) -> str:
        """Model names are written as they are."""
        return written

    def sniff(self, document: Document) -> int:
        """Java type cells, plus ```java blocks."""
        return sniff_score(document, _SIGNS, "java")

    def support_page(self, document: Document) -> str | None:
        """Java trees hold model docs only."""
        return None

    def package(self, document: Document) -> str | None:
        """The package of fully qualified link labels (``com.acme.models.shared.X`` -> ``com.acme``)."""
        for section in document.sections:
            for table in section.tables:
                for row in table.rows:
                    if len(row.cells) > 1:
                        match = re.search(r"\[([a-z_][\w.]*)\.models\.\w+\.[A-Z]", row.cells[1])
                        if match is not None:
                            return match[1]
        return None

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a cell such as ``*Optional\\<Long>*`` or ``List\\<[Tag](...)>``."""
        try:
            return parse(GRAMMAR, unescape(cell.strip()), refs)
        except Unknown:
            raise CellError(
                f"unknown type syntax '{cell}'; expected a Java type such as *String*, "
                "*Optional\\<Long>*, List\\<*String*>, Map\\<String, *Object*> or "
                "[JsonNullable\\<Name>](link)"
            ) from None

    def wire_name(self, source_name: str) -> str:
        """Java field names are the wire names (camelCase)."""
        if not _IDENT.fullmatch(source_name):
            raise CellError(
                f"field name '{source_name}' is not a Java identifier; expected e.g. `clickId`"
            )
        return source_name

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """``JsonNullable`` says nullable; nothing else tells."""
        return True if cell.wrapper == JSON_NULLABLE else None

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Java union docs list no variants."""
        raise CellError("Java union docs have no variants; expected no '## Supported Types'")

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """Java enums are always tables."""
        raise CellError("'## Values' has no table; expected a | Name | Value | table")

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
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


JAVA = JavaFlavor()
"""The Java flavor."""
