"""The C# docs flavor: ``*string*``, ``*long*``, ``List<[Tag](...)>``, ``Dictionary<String, *object*>``.

Leaves are C# keywords in italics; optionality and nullability are never
shown.  Named models are links labelled with the bare or namespace-qualified
name (``[Models.Components.Address](...)``); library types link to Microsoft's
or NodaTime's reference pages.  Union variants are ``### Name`` entries with a
```` ```csharp Union.CreateName(/* values here */); ```` block; enums may have
an ``## Example Usage`` block (``using Pkg.Models.Ns;`` then ``var value = Enum.Constant;``).
Field names are PascalCase; the wire name is derived (``PostalCode`` -> ``postalCode``).
"""

from __future__ import annotations

import re

from generator.inputs.markdown.angle_types import Grammar, Unknown, parse
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
from generator.ir import Primitive, PrimitiveKind, RefType, TypeName, TypeNode
from generator.naming import wire_name_from_go

_STRING = Primitive(PrimitiveKind.STRING)
_INTEGER = Primitive(PrimitiveKind.INTEGER)
_NUMBER = Primitive(PrimitiveKind.NUMBER)
_BOOLEAN = Primitive(PrimitiveKind.BOOLEAN)

GRAMMAR = Grammar(
    leaves={
        "string": _STRING,
        "long": _INTEGER,
        "int": Primitive(PrimitiveKind.INTEGER, "int32"),
        "double": _NUMBER,
        "float": Primitive(PrimitiveKind.NUMBER, "float"),
        "decimal": Primitive(PrimitiveKind.NUMBER, "decimal"),
        "BigInteger": Primitive(PrimitiveKind.INTEGER, "bigint"),
        "bool": _BOOLEAN,
        "object": Primitive(PrimitiveKind.ANY),
        "byte[]": Primitive(PrimitiveKind.STRING, "binary"),
        "Stream": Primitive(PrimitiveKind.STRING, "binary"),
        "HttpRequestMessage": Primitive(PrimitiveKind.ANY, "http-request"),
        "HttpResponseMessage": Primitive(PrimitiveKind.ANY, "http-response"),
    },
    library={
        "DateTime": Primitive(PrimitiveKind.STRING, "date-time"),
        "DateOnly": Primitive(PrimitiveKind.STRING, "date"),
        "LocalDate": Primitive(PrimitiveKind.STRING, "date"),
        "HttpResponseMessage": Primitive(PrimitiveKind.ANY, "http-response"),
        "HttpRequestMessage": Primitive(PrimitiveKind.ANY, "http-request"),
    },
    wrappers={},
    lists=("List",),
    maps=("Dictionary",),
)
"""C#'s type-cell vocabulary."""

VARIANT_LEAVES: dict[str, TypeNode] = {
    "Str": _STRING,
    "Boolean": _BOOLEAN,
    "Number": _NUMBER,
    "Integer": _INTEGER,
    "Long": _INTEGER,
}
"""Union variants named after a scalar rather than a model."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SIGNS = re.compile(
    r"\*(?:long|bool|object|double|decimal)\*|Dictionary<String, |learn\.microsoft\.com|"
    r"\[Models\.[A-Z]"
)
_VARIANT_CODE = re.compile(r"(?P<union>\w+)\.Create(?P<name>\w+)\(/\* values here \*/\);")
_ENUM_USAGE = re.compile(
    r"using (?P<package>[\w.]+)\.Models\.(?P<namespace>\w+);\n\n"
    r"var value = (?P<name>\w+)\.(?P<constant>\w+);\n"
)


class CSharpFlavor:
    """Reads C# SDK docs."""

    language = "csharp"
    style: str | None = None

    def namespace(self, folder: str) -> str:
        """``Components`` -> ``components``."""
        return folder.lower()

    def model_name(self, written: str) -> str:
        """Model names are written as they are."""
        return written

    def sniff(self, document: Document) -> int:
        """C# type cells, plus ```csharp blocks."""
        return sniff_score(document, _SIGNS, "csharp")

    def support_page(self, document: Document) -> str | None:
        """C# trees hold model docs only."""
        return None

    def package(self, document: Document) -> str | None:
        """C# docs name the package only in ``## Example Usage``."""
        return None

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a cell such as ``*string*`` or ``List<[Tag](...)>``."""
        try:
            return parse(GRAMMAR, cell.strip(), refs)
        except Unknown:
            raise CellError(
                f"unknown type syntax '{cell}'; expected a C# type such as *string*, *long*, "
                "List<*string*>, Dictionary<String, *object*> or [Name](link)"
            ) from None

    def wire_name(self, source_name: str) -> str:
        """``PostalCode`` -> ``postalCode``."""
        if not _IDENT.fullmatch(source_name):
            raise CellError(
                f"field name '{source_name}' is not a C# identifier; expected e.g. `PostalCode`"
            )
        return wire_name_from_go(source_name)

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """C# docs never show nullability."""
        return None

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Read a ``### Name`` entry from its ``Union.CreateName(/* values here */);`` block."""
        blocks = [block for block in subsection.code_blocks if block.info == "csharp"]
        match = _VARIANT_CODE.fullmatch(blocks[0].text.strip()) if blocks else None
        if match is None or match["name"] != subsection.heading:
            raise CellError(
                "union variant needs a ```csharp block "
                f"`{union.name}.Create{subsection.heading}(/* values here */);`"
            )
        heading = subsection.heading
        leaf = VARIANT_LEAVES.get(heading)
        if leaf is not None:
            return Variant(leaf, heading)
        for namespace in dict.fromkeys((union.namespace, "components", "shared")):
            try:
                return Variant(RefType(refs.name(namespace, heading)), None)
            except CellError:
                continue
        raise CellError(f"union variant '{heading}' names no scalar and no input doc's model")

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """C# enums are always tables."""
        raise CellError("'## Values' has no table; expected a | Name | Value | table")

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
        """An enum's example: ``using Pkg.Models.Ns;`` then ``var value = Enum.Constant;``."""
        blocks = section.code_blocks
        match = _ENUM_USAGE.fullmatch(blocks[0].text) if len(blocks) == 1 else None
        if match is None or match["name"] != name.name:
            raise CellError(
                "cannot read the example; expected a ```csharp block `using <Package>.Models.<Ns>;` "
                f"then `var value = {name.name}.<Constant>;`"
            )
        return Usage((), match["package"], constants=(match["constant"],))


CSHARP = CSharpFlavor()
"""The C# flavor."""
