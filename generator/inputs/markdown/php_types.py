"""The PHP docs flavor: ``*string*``, ``*?string*``, ``array<T>``, ``array<string, T>``.

Models live in ``docs/Models/<Components|Operations|Errors>/<Name>.md`` and
are named ``Components\\Name``; a leading ``?`` marks a type optional or
nullable, so it tells nullability only on a required field.  A field whose
type is a union links to the union's doc with the PHP union as label
(``[string|array|null](...)``).  Union variants are ``### `T` `` entries with
a ```` ```php ```` block whose docblock gives the full type (``@var array<string>``).
"""

from __future__ import annotations

import re

from generator.inputs.markdown.document import Subsection
from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    RefResolver,
    Variant,
    observe,
    observe_link,
)
from generator.inputs.markdown.lexicon_flavor import Lexicon, LexiconFlavor, Unknown
from generator.inputs.markdown.syntax import is_external, whole_link, wrapped
from generator.ir import (
    ArrayType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
)

PRIMITIVES: dict[str, Primitive] = {
    "string": Primitive(PrimitiveKind.STRING),
    "int": Primitive(PrimitiveKind.INTEGER),
    "float": Primitive(PrimitiveKind.NUMBER),
    "bool": Primitive(PrimitiveKind.BOOLEAN),
    "mixed": Primitive(PrimitiveKind.ANY),
    "\\DateTime": Primitive(PrimitiveKind.STRING, "date-time"),
    "\\Brick\\DateTime\\LocalDate": Primitive(PrimitiveKind.STRING, "date"),
}
"""PHP types written in italics (or bare in code) and their IR leaves."""

LINKED_LIBRARY_TYPES: dict[str, Primitive] = {
    "\\Psr\\Http\\Message\\ResponseInterface": Primitive(PrimitiveKind.ANY, "http-response"),
}
"""Library types written as links to their reference pages."""

NULLABLE_MARK = "?"
"""``CellType.wrapper`` of ``?T`` (and of a union label ending ``|null``)."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"([A-Z][A-Za-z0-9_]*)\\([A-Za-z_][A-Za-z0-9_]*)")
_VARIANT_CODE = re.compile(
    r"/\*\*\n\* @var (?P<type>.+)\n\*/\n(?P<native>\S+) \$value = /\* values here \*/\n"
)
_VENDOR = re.compile(r"\[\??\\(?P<package>[A-Za-z_]\w*(?:\\[A-Za-z_]\w*)*?)\\Models\\")
_SIGNS = re.compile(r"\*\?|^array<|\*mixed\*|\*int\*|\[\??[A-Z]\w*\\")


def _parse_variant(subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
    """Read a ``### `T` `` entry from its ``@var`` docblock."""
    blocks = [block for block in subsection.code_blocks if block.info == "php"]
    match = _VARIANT_CODE.fullmatch(blocks[0].text) if blocks else None
    if match is None:
        raise CellError(
            "union variant needs a ```php block `/**` `* @var <type>` `*/` "
            "`<type> $value = /* values here */`"
        )
    try:
        node = _bare(match["type"], refs)
    except Unknown:
        raise CellError(
            f"unknown PHP type '{match['type']}' in union variant; expected e.g. string, "
            "array<string> or Components\\Name"
        ) from None
    native = match["native"]
    if subsection.heading != f"`{native}`":
        raise CellError(
            f"union variant heading '{subsection.heading}' differs from its type "
            f"'{native}'; expected '### `{native}`'"
        )
    return Variant(node, None)


def _cell(text: str, refs: RefResolver) -> CellType:
    """Parse a markdown-decorated PHP type."""
    if text.startswith("array<string, ") and text.endswith(">"):
        return CellType(MapType(_cell(text[14:-1], refs).node, values_nullable=None))
    if text.startswith("array<") and text.endswith(">"):
        return CellType(ArrayType(_cell(text[6:-1], refs).node, items_nullable=None))
    if text.startswith("["):
        return _link(text, refs)
    inner = wrapped(text, "*")
    if inner is None:
        raise Unknown
    mark = NULLABLE_MARK if inner.startswith("?") else None
    leaf = PRIMITIVES.get(inner.removeprefix("?"))
    if leaf is None:
        raise Unknown
    return CellType(leaf, mark)


def _link(text: str, refs: RefResolver) -> CellType:
    """Parse ``[?Ns\\Name](target)``, a union ``[a|b|null](target)`` or a library link."""
    found = whole_link(text)
    if found is None:
        raise Unknown
    label, target = found[0].strip(), found[1].strip()
    if label in LINKED_LIBRARY_TYPES and is_external(target):
        return CellType(LINKED_LIBRARY_TYPES[label])
    bare = label.removeprefix("?")
    if bare in PRIMITIVES and is_external(target):
        return CellType(PRIMITIVES[bare], NULLABLE_MARK if label.startswith("?") else None)
    if is_external(target):
        raise CellError(f"external link '{target}' for '{label}'; expected a link to an input doc")
    if "|" in label:
        parts = label.split("|")
        mark = NULLABLE_MARK if parts[-1] == "null" else None
        return CellType(RefType(refs.link(target)), mark)
    mark = NULLABLE_MARK if label.startswith("?") else None
    if bare in PRIMITIVES:
        # A union doc linked under its PHP type (``[mixed](../../Models/Operations/X.md)``).
        return CellType(RefType(refs.link(target)), mark)
    segments = _class_path(bare)
    if segments is None:
        raise Unknown
    observe("php-qualified", bare.startswith("\\"))
    name = refs.link(target)
    observe_link(name, len(segments) == 1)
    if name.name != segments[-1]:
        expected = "\\".join([*segments[:-1], name.name])
        raise CellError(
            f"link text '{label}' does not match the linked doc's model '{name}'; "
            f"expected [{expected}]({target})"
        )
    return CellType(RefType(name), mark)


def _class_path(text: str) -> list[str] | None:
    """``\\Vendor\\Models\\Shared\\X`` / ``Shared\\X`` / ``X`` -> its segments; ``None`` if not a class."""
    segments = text.removeprefix("\\").split("\\")
    if not all(_IDENT.fullmatch(segment) for segment in segments):
        return None
    return segments


def _bare(text: str, refs: RefResolver) -> TypeNode:
    """A bare PHP type from a docblock: ``string``, ``array<string>``, ``Components\\Name``."""
    if text.startswith("array<string, ") and text.endswith(">"):
        return MapType(_bare(text[14:-1], refs), values_nullable=None)
    if text.startswith("array<") and text.endswith(">"):
        return ArrayType(_bare(text[6:-1], refs), items_nullable=None)
    if text in PRIMITIVES:
        return PRIMITIVES[text]
    segments = _class_path(text)
    if segments is None or len(segments) < 2:
        raise Unknown
    return RefType(refs.name(segments[-2].lower(), segments[-1]))


LEXICON = Lexicon(
    language="php",
    name="PHP",
    type_system="PHP",
    type_examples="*string*, *?int*, array<*string*>, array<string, *mixed*> or [?Ns\\Name](link)",
    parse_cell=_cell,
    signs=_SIGNS,
    code_language="php",
    identifier=_IDENT,
    identifier_example="`clickId`",
    wire_name=lambda name: name,
    package=_VENDOR,
    nullable_marks={NULLABLE_MARK: True},
    variant=_parse_variant,
)
"""How PHP docs are written: the property names the SDK uses are kept as the wire names;
``?`` on a required field says nullable; model docs have no ``## Example Usage``."""

PHP = LexiconFlavor(LEXICON)
"""The PHP flavor."""
