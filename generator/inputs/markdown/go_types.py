"""The old Go docs flavor (Speakeasy generator < ~1.740): ``*string*``, ``**string*``, ``[T](x)``.

A type cell is Go type text decorated with markdown: leaf types are in
italics (``*int64*``; a pointer shows as ``**int64*``), named types are links
(``[*operations.Mode](../../models/operations/mode.md)``), and ``[]`` /
``map[string]`` prefixes wrap either.  Union variants are read from the
``Create...`` call in their ```` ```go ```` block, whose argument is a bare Go type.
"""

from __future__ import annotations

import re

from generator.inputs.markdown.document import Subsection
from generator.inputs.markdown.flavor import CellError, CellType, RefResolver, Variant
from generator.ir import ArrayType, MapType, Primitive, PrimitiveKind, RefType, TypeName, TypeNode
from generator.naming import wire_name_from_go

PRIMITIVES: dict[str, Primitive] = {
    "string": Primitive(PrimitiveKind.STRING),
    "int": Primitive(PrimitiveKind.INTEGER),
    "int64": Primitive(PrimitiveKind.INTEGER),
    "int32": Primitive(PrimitiveKind.INTEGER, "int32"),
    "float64": Primitive(PrimitiveKind.NUMBER),
    "float32": Primitive(PrimitiveKind.NUMBER, "float"),
    "bool": Primitive(PrimitiveKind.BOOLEAN),
    "any": Primitive(PrimitiveKind.ANY),
}
"""Go builtin types and their IR leaves."""

LINKED_LIBRARY_TYPES: dict[str, Primitive] = {
    "time.Time": Primitive(PrimitiveKind.STRING, "date-time"),
    "types.Date": Primitive(PrimitiveKind.STRING, "date"),
}
"""Library types written as links that leave the model docs (``[*time.Time](https://...)``)."""

PLAIN_LIBRARY_TYPES: dict[str, Primitive] = {
    "io.ReadCloser": Primitive(PrimitiveKind.STRING, "binary"),
}
"""Library types written in italics (``*io.ReadCloser*``)."""

LIBRARY_TYPES = {**LINKED_LIBRARY_TYPES, **PLAIN_LIBRARY_TYPES}
"""Every library type the SDK maps to a string."""

TYPE_HINT = "a Go type such as *string*, []*T*, map[string]*T* or [T](link)"

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)")
_LEAF = re.compile(r"\*?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?")
_CREATE_CALL = re.compile(
    r"[A-Za-z_]\w*\s*:=\s*[A-Za-z_]\w*\.Create(?P<suffix>\w+)\((?P<type>.+)\{\s*/\*[^*]*\*/\s*\}\)"
)


class _Unknown(Exception):
    """The text is not Go type syntax; the caller words the message for the whole cell."""


class GoOldFlavor:
    """Reads Go SDK docs written before generator ~1.740."""

    name = "go"

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse an old-style Go type cell such as ``map[string][]*string*``."""
        try:
            return _cell(cell.strip(), refs)
        except _Unknown:
            raise CellError(f"unknown type syntax '{cell}'; expected {TYPE_HINT}") from None

    def wire_name(self, source_name: str) -> str:
        """``ClickID`` -> ``clickId``; raises ``CellError`` for a non-identifier."""
        if not _IDENT.fullmatch(source_name):
            raise CellError(
                f"field name '{source_name}' is not a Go identifier; expected e.g. `ClickID`"
            )
        return wire_name_from_go(source_name)

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """Go pointers mean optional or nullable; required fields never show one in this style.

        Only a required pointer proves ``null`` is allowed.  A required non-pointer says
        nothing: the old generator drops the ``*`` of required pointers (``ExternalID``
        of ``components.LinkSchema`` is nullable yet shown ``*string*``).
        """
        if required and cell.pointer:
            return True
        return None

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Read a ``### Name`` entry from its ``x := pkg.CreateUnionSuffix(T{...})`` block."""
        blocks = [block for block in subsection.code_blocks if block.info == "go"]
        if not blocks:
            raise CellError(
                "union variant has no ```go code block; expected "
                f"e.g. `x := {union.namespace}.Create{union.name}Str(string{{/* values here */}})`"
            )
        code = blocks[0].text.strip()
        match = _CREATE_CALL.fullmatch(code)
        if match is None:
            raise CellError(
                f"cannot read union variant code '{code}'; expected `x := "
                f"{union.namespace}.Create{union.name}<Variant>(<Go type>{{/* values here */}})`"
            )
        type_text = match["type"].strip()
        try:
            node, _pointer = _go(type_text, refs)
        except _Unknown:
            raise CellError(
                f"unknown Go type '{type_text}' in union variant; expected e.g. string, "
                "[]string or components.Name"
            ) from None
        suffix = match["suffix"]
        prefix = union.name
        source_name = subsection.heading or (
            suffix[len(prefix) :] if suffix.startswith(prefix) and suffix != prefix else None
        )
        return Variant(node, source_name)


GO_OLD = GoOldFlavor()
"""The flavor instance the reader uses by default."""


def _cell(text: str, refs: RefResolver) -> CellType:
    """Parse markdown-decorated Go type text."""
    if text.startswith("[]"):
        return CellType(ArrayType(_cell(text[2:], refs).node), False)
    if text.startswith("map["):
        rest = _map_rest(text)
        return CellType(MapType(_cell(rest, refs).node), False)
    if text.startswith("["):
        return _link(text, refs)
    if len(text) > 2 and text.startswith("*") and text.endswith("*"):
        inner = text[1:-1]
        if not _LEAF.fullmatch(inner):
            raise _Unknown
        pointer = inner.startswith("*")
        name = inner.lstrip("*")
        leaf = PRIMITIVES.get(name) or PLAIN_LIBRARY_TYPES.get(name)
        if leaf is None:
            raise _Unknown
        return CellType(leaf, pointer)
    raise _Unknown


def _map_rest(text: str) -> str:
    """The value part of ``map[string]...``; only string keys exist in JSON."""
    close = text.find("]")
    if close < 0:
        raise _Unknown
    if text[4:close] != "string":
        raise CellError(f"map key type '{text[4:close]}' is not supported; expected map[string]")
    return text[close + 1 :]


def _link(text: str, refs: RefResolver) -> CellType:
    """Parse ``[*pkg.Name](target)``."""
    close = text.find("](")
    if close < 0 or not text.endswith(")"):
        raise _Unknown
    label, target = text[1:close].strip(), text[close + 2 : -1].strip()
    pointer = label.startswith("*")
    qualified = label.lstrip("*")
    match = _QUALIFIED.fullmatch(qualified)
    if match is None:
        raise _Unknown
    known = LINKED_LIBRARY_TYPES.get(qualified)
    if known is not None:
        return CellType(known, pointer)
    if target.startswith(("http://", "https://")):
        raise CellError(
            f"external link '{target}' for '{qualified}'; expected a relative link to an "
            f"input doc (only {' and '.join(LINKED_LIBRARY_TYPES)} may link elsewhere)"
        )
    name = refs.link(target)
    if (name.namespace, name.name) != (match[1], match[2]):
        raise CellError(
            f"link text '{qualified}' does not match the linked doc's model '{name}'; "
            f"expected [{name}]({target})"
        )
    return CellType(RefType(name), pointer)


def _go(text: str, refs: RefResolver) -> tuple[TypeNode, bool]:
    """Parse a bare Go type (``[]components.Tag``); return the node and whether it is a pointer."""
    if text.startswith("*"):
        return _go(text[1:], refs)[0], True
    if text.startswith("[]"):
        return ArrayType(_go(text[2:], refs)[0]), False
    if text.startswith("map["):
        return MapType(_go(_map_rest(text), refs)[0]), False
    leaf = PRIMITIVES.get(text) or LIBRARY_TYPES.get(text)
    if leaf is not None:
        return leaf, False
    match = _QUALIFIED.fullmatch(text)
    if match is None:
        raise _Unknown
    return RefType(refs.name(match[1], match[2])), False
