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

from generator.inputs.markdown.angle_types import BOOLEAN, INTEGER, NUMBER, STRING, Grammar, parse
from generator.inputs.markdown.document import Section, Subsection
from generator.inputs.markdown.flavor import CellError, CellType, RefResolver, Usage, Variant
from generator.inputs.markdown.lexicon_flavor import Lexicon, LexiconFlavor
from generator.ir import Primitive, PrimitiveKind, RefType, TypeName, TypeNode
from generator.naming import wire_name_from_go

GRAMMAR = Grammar(
    leaves={
        "string": STRING,
        "long": INTEGER,
        "int": Primitive(PrimitiveKind.INTEGER, "int32"),
        "double": NUMBER,
        "float": Primitive(PrimitiveKind.NUMBER, "float"),
        "decimal": Primitive(PrimitiveKind.NUMBER, "decimal"),
        "BigInteger": Primitive(PrimitiveKind.INTEGER, "bigint"),
        "bool": BOOLEAN,
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
    spellings={"DateOnly": (("date-only", True),), "LocalDate": (("date-only", False),)},
)
"""C#'s type-cell vocabulary."""

VARIANT_LEAVES: dict[str, TypeNode] = {
    "Str": STRING,
    "Boolean": BOOLEAN,
    "Number": NUMBER,
    "Integer": INTEGER,
    "Long": INTEGER,
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


def _parse_variant(subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
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


def _parse_usage(section: Section, name: TypeName) -> Usage:
    """An enum's example: ``using Pkg.Models.Ns;`` then ``var value = Enum.Constant;``."""
    blocks = section.code_blocks
    match = _ENUM_USAGE.fullmatch(blocks[0].text) if len(blocks) == 1 else None
    if match is None or match["name"] != name.name:
        raise CellError(
            "cannot read the example; expected a ```csharp block `using <Package>.Models.<Ns>;` "
            f"then `var value = {name.name}.<Constant>;`"
        )
    return Usage((), match["package"], constants=(match["constant"],))


def _parse_cell(cell: str, refs: RefResolver) -> CellType:
    """A stripped cell by the angle-bracket grammar."""
    return parse(GRAMMAR, cell, refs)


LEXICON = Lexicon(
    language="csharp",
    name="C#",
    type_system="C#",
    type_examples=(
        "*string*, *long*, List<*string*>, Dictionary<String, *object*> or [Name](link)"
    ),
    parse_cell=_parse_cell,
    signs=_SIGNS,
    code_language="csharp",
    identifier=_IDENT,
    identifier_example="`PostalCode`",
    wire_name=wire_name_from_go,
    variant=_parse_variant,
    usage=_parse_usage,
)
"""How C# docs are written: PascalCase field names (``PostalCode`` -> ``postalCode``); no
mark of optional or nullable values; the package is named only in ``## Example Usage``."""

CSHARP = LexiconFlavor(LEXICON)
"""The C# flavor."""
