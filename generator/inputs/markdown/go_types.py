"""The Go docs flavor, in both type styles Speakeasy has used.

Old style (generator < ~1.740): leaf types in italics, a pointer shown as an
extra star (``*int64*``, ``**string*``).  New style (>= 1.761): leaf types in
backticks (`` `int64` ``, `` `*string` ``).  Both write named types as links
(``[*operations.Mode](../../models/operations/mode.md)``) and wrap either in
``[]`` / ``map[string]`` prefixes.  Union variants are read from the
``Create...`` call in their ```` ```go ```` block, whose argument is a bare Go
type; the new style adds a ``## Union Discrimination`` section (derived from
the variants, so not read) and an ``## Example Usage`` block for enums.
"""

from __future__ import annotations

import re

from generator.inputs.markdown.document import Document, Section, Subsection
from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    EnumValues,
    RefResolver,
    Usage,
    Variant,
    observe,
    observe_link,
    sniff_score,
)
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
from generator.naming import wire_name_from_go

PRIMITIVES: dict[str, Primitive] = {
    "string": Primitive(PrimitiveKind.STRING),
    "int": Primitive(PrimitiveKind.INTEGER, "int32"),
    "int64": Primitive(PrimitiveKind.INTEGER),
    "int32": Primitive(PrimitiveKind.INTEGER, "int32"),
    "float64": Primitive(PrimitiveKind.NUMBER),
    "float32": Primitive(PrimitiveKind.NUMBER, "float"),
    "bool": Primitive(PrimitiveKind.BOOLEAN),
    "any": Primitive(PrimitiveKind.ANY),
    "interface{}": Primitive(PrimitiveKind.ANY),
    "[]byte": Primitive(PrimitiveKind.STRING, "binary"),
}
"""Go builtin types and their IR leaves: Speakeasy writes ``int`` for an integer of format
``int32`` (and for an HTTP status code), ``int64`` for one of format ``int64`` or none."""

LINKED_LIBRARY_TYPES: dict[str, Primitive] = {
    "time.Time": Primitive(PrimitiveKind.STRING, "date-time"),
    "types.Date": Primitive(PrimitiveKind.STRING, "date"),
    "http.Response": Primitive(PrimitiveKind.ANY, "http-response"),
    "http.Request": Primitive(PrimitiveKind.ANY, "http-request"),
}
"""Library types written as links that leave the model docs (``[*time.Time](https://...)``).

``http-response`` / ``http-request`` mark the raw HTTP exchange an SDK model carries (not JSON:
SDK plumbing that targets describing the API leave out)."""

PLAIN_LIBRARY_TYPES: dict[str, Primitive] = {
    "io.ReadCloser": Primitive(PrimitiveKind.STRING, "binary"),
}
"""Library types written like builtins (``*io.ReadCloser*``)."""

LIBRARY_TYPES = {**LINKED_LIBRARY_TYPES, **PLAIN_LIBRARY_TYPES}
"""Every library type the SDK maps to a leaf."""

GO_PACKAGES = {"sdkerrors": "errors"}
"""Go packages whose namespace other SDKs (and OpenAPI readers) call otherwise."""

POINTER = "pointer"
"""``CellType.wrapper`` of a Go pointer."""
OPTIONAL_NULLABLE = "optionalnullable"
"""``CellType.wrapper`` of ``optionalnullable.OptionalNullable[T]`` (optional and nullable)."""
_OPTIONAL_NULLABLE = "optionalnullable.OptionalNullable["

OPTIONS_SECTIONS = frozenset({"Options", "Global Options", "Per-Method Options"})
"""Sections of the SDK call-options page (``operations/option.md``), which is not a model."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)")
_LEAF = re.compile(
    r"\*{0,2}(?:interface\{\}|\[\]byte|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)"
)
_CREATE_CALL = re.compile(
    r"[A-Za-z_]\w*\s*:=\s*[A-Za-z_]\w*\.Create(?P<suffix>\w+)\((?P<type>.+)\{\s*/\*[^*]*\*/\s*\}\)"
)
_ENUM_USAGE = re.compile(
    r'import \(\n\t"(?P<module>[^"]+)/models/(?P<namespace>\w+)"\n\)\n\n'
    r"value := (?P=namespace)\.(?P<constant>\w+)\n"
    r"(?:\n// Open enum: custom values can be created with a direct type cast\n"
    r"custom := (?P=namespace)\.\w+\((?P<custom>\"custom_value\"|999)\)\n)?"
)
OPEN_ENUM_NOTE = "// Open enum: custom values can be created with a direct type cast"
"""The comment the Go example of an open enum carries before ``custom := ns.Enum(...)``."""
_OLD_SIGNS = re.compile(r"\*\*|\*u?int(?:32|64)?\*|\*float(?:32|64)\*|\[\*|\]\*|\*bool\*|\*any\*")
_NEW_SIGNS = re.compile(r"`\*?[A-Za-z_][\w.]*`")


class _Unknown(Exception):
    """The text is not Go type syntax; the caller words the message for the whole cell."""


class GoFlavor:
    """Reads Go SDK docs in one of the two type styles."""

    language = "go"

    def __init__(self, style: str) -> None:
        self.style: str | None = style
        """``old`` (``**string*``) or ``new`` (`` `*string` ``)."""
        self._leaf_mark = "*" if style == "old" else "`"
        self._hint = (
            "a Go type such as *string*, []*T*, map[string]*T* or [T](link)"
            if style == "old"
            else "a Go type such as `*string`, []`T`, map[string]`T` or [T](link)"
        )

    def namespace(self, folder: str) -> str:
        """Go folders are the namespaces, except ``sdkerrors`` (``errors`` elsewhere)."""
        return namespace_of(folder)

    def model_name(self, written: str) -> str:
        """Model names are written as they are."""
        return written

    def sniff(self, document: Document) -> int:
        """Type cells in this style, plus ```go blocks."""
        signs = _OLD_SIGNS if self.style == "old" else _NEW_SIGNS
        return sniff_score(document, signs, "go")

    def support_page(self, document: Document) -> str | None:
        """The call-options page: no model, only ``Options`` sections of ``With...`` entries."""
        headings = {section.heading for section in document.sections}
        if (
            document.title in (None, "Options")
            and headings & OPTIONS_SECTIONS
            and all(h in OPTIONS_SECTIONS or h.startswith("With") for h in headings)
        ):
            return "the SDK's call-options page"
        return None

    def package(self, document: Document) -> str | None:
        """Go docs name the module only in ``## Example Usage``."""
        return None

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a Go type cell such as ``map[string][]*string*`` or ``[]`*string` ``."""
        try:
            return self._cell(cell.strip(), refs)
        except _Unknown:
            raise CellError(f"unknown type syntax '{cell}'; expected {self._hint}") from None

    def wire_name(self, source_name: str) -> str:
        """``ClickID`` -> ``clickId``; raises ``CellError`` for a non-identifier."""
        if not _IDENT.fullmatch(source_name):
            raise CellError(
                f"field name '{source_name}' is not a Go identifier; expected e.g. `ClickID`"
            )
        return wire_name_from_go(source_name)

    def unshown_null_fact(self) -> str | None:
        """An optional pointer with a null example is nullable, shown without the wrapper."""
        return "optional-nullable-wrapper"

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """A pointer means optional or nullable, so only a required field tells.

        The old style never shows the pointer of a required field (``ExternalID``
        of ``components.LinkSchema`` is nullable yet shown ``*string*``), so it
        never tells; the new style shows it, so a required non-pointer is not nullable.
        """
        if cell.wrapper == OPTIONAL_NULLABLE:
            return True
        if not required:
            return None
        if cell.wrapper == POINTER:
            return True
        return False if self.style == "new" and _pointer_allowed(cell.node) else None

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Read a ``### Name`` entry from its ``x := pkg.CreateUnionSuffix(T{...})`` block.

        The heading names the variant's type when it is a named type and is empty
        otherwise; the constructor's suffix is the variant's own name.
        """
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
        if not suffix.startswith(prefix) or suffix == prefix:
            raise CellError(
                f"union variant constructor 'Create{suffix}' does not start with the union's "
                f"name; expected Create{union.name}<Variant>"
            )
        heading = node.target.name if isinstance(node, RefType) else ""
        if subsection.heading != heading:
            raise CellError(
                f"union variant heading '### {subsection.heading}' does not name its type; "
                f"expected '### {heading}'"
            )
        return Variant(node, suffix[len(prefix) :])

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """Go enums are always tables."""
        raise CellError("'## Values' has no table; expected a | Name | Value | table")

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
        """The new style's enum example: ``value := operations.ModeAsync`` under an import."""
        blocks = section.code_blocks
        match = _ENUM_USAGE.fullmatch(blocks[0].text) if len(blocks) == 1 else None
        if match is None or namespace_of(match["namespace"]) != name.namespace:
            raise CellError(
                "cannot read the example; expected a ```go block importing "
                f'"<module>/models/{name.namespace}" and setting '
                f"`value := {name.namespace}.<Constant>`"
            )
        custom = match["custom"]
        return Usage(
            (),
            match["module"],
            open=True if custom else None,
            constants=(match["constant"],),
            integer_values=custom == "999",
        )

    def _cell(self, text: str, refs: RefResolver) -> CellType:
        """Parse markdown-decorated Go type text."""
        if text.startswith(_OPTIONAL_NULLABLE) and text.endswith("]"):
            wrapped_cell = self._cell(text[len(_OPTIONAL_NULLABLE) : -1], refs)
            observe("optional-nullable-wrapper")
            return CellType(wrapped_cell.node, OPTIONAL_NULLABLE)
        if text.startswith("[]"):
            items = self._cell(text[2:], refs)
            return CellType(ArrayType(items.node, items_nullable=_shown(items)))
        if text.startswith("map["):
            values = self._cell(_map_rest(text), refs)
            return CellType(MapType(values.node, values_nullable=_shown(values)))
        if text.startswith("["):
            return _link(text, refs)
        inner = wrapped(text, self._leaf_mark)
        if inner is None or not _LEAF.fullmatch(inner):
            raise _Unknown
        pointer = inner.startswith("*")
        name = inner.lstrip("*")
        leaf = PRIMITIVES.get(name) or PLAIN_LIBRARY_TYPES.get(name)
        if leaf is not None:
            if name in ("any", "interface{}"):
                observe("any-as-interface", name == "interface{}")
            return CellType(leaf, POINTER if pointer else None)
        match = _QUALIFIED.fullmatch(name)
        if match is None:
            raise _Unknown
        try:
            target = refs.name(namespace_of(match[1]), match[2])
        except CellError:
            raise _Unknown from None
        return CellType(RefType(target), POINTER if pointer else None)


GO_OLD = GoFlavor("old")
"""Go docs in the old type style."""
GO_NEW = GoFlavor("new")
"""Go docs in the new type style."""


def namespace_of(package: str) -> str:
    """The namespace of a Go package: ``sdkerrors`` -> ``errors``, others unchanged."""
    return GO_PACKAGES.get(package, package)


def _shown(cell: CellType) -> bool | None:
    """Items/values shown as pointers may be null; otherwise the doc does not say."""
    return True if cell.wrapper == POINTER else None


def _pointer_allowed(node: TypeNode) -> bool:
    """Go shows pointers on scalars and named types, never on slices, maps, ``any`` or binary
    content (``io.ReadCloser``, ``[]byte``)."""
    if isinstance(node, Primitive):
        return node.kind is not PrimitiveKind.ANY and node.format != "binary"
    return isinstance(node, RefType)


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
    found = whole_link(text)
    if found is None:
        raise _Unknown
    label, target = found[0].strip(), found[1].strip()
    pointer = POINTER if label.startswith("*") else None
    qualified = label.lstrip("*")
    match = _QUALIFIED.fullmatch(qualified)
    if match is None:
        if not _IDENT.fullmatch(qualified) or is_external(target):
            raise _Unknown
        name = refs.link(target)
        if name.name != qualified:
            raise CellError(
                f"link text '{qualified}' does not match the linked doc's model '{name}'; "
                f"expected [{name.name}]({target})"
            )
        observe_link(name, True)
        return CellType(RefType(name), pointer)
    known = LINKED_LIBRARY_TYPES.get(qualified)
    if known is not None:
        return CellType(known, pointer)
    if is_external(target):
        raise CellError(
            f"external link '{target}' for '{qualified}'; expected a relative link to an "
            f"input doc (only {', '.join(LINKED_LIBRARY_TYPES)} may link elsewhere)"
        )
    name = refs.link(target)
    observe_link(name, False)
    if (name.namespace, name.name) != (namespace_of(match[1]), match[2]):
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
        items, pointer = _go(text[2:], refs)
        return ArrayType(items, items_nullable=True if pointer else None), False
    if text.startswith("map["):
        values, pointer = _go(_map_rest(text), refs)
        return MapType(values, values_nullable=True if pointer else None), False
    leaf = PRIMITIVES.get(text) or LIBRARY_TYPES.get(text)
    if leaf is not None:
        return leaf, False
    match = _QUALIFIED.fullmatch(text)
    if match is None:
        raise _Unknown
    return RefType(refs.name(namespace_of(match[1]), match[2])), False
