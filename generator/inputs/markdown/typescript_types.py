"""The TypeScript docs flavor: ``*string*``, ``*number*``, ``T[]``, ``Record<string, T>``.

Objects and enums are links (``[operations.Mode](...)``); unions are named
in italics without a link (``*operations.TagNames*``); consts are literals in
italics (``*"audio_url"*``); ``|`` joins the parts of an inline union.  A
TypeScript ``number`` may be an integer or not, and the type column never
shows nullability, so neither is recorded.  Enums are a code block
(``"a" | "b"``, open ones add ``| Unrecognized<string>``); every object and
enum has an ``## Example Usage`` block whose value is read as the model's
example, and every union variant shows an example value.
"""

from __future__ import annotations

import re

from generator.inputs.markdown.document import Document, Section, Subsection
from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    EnumEntry,
    EnumValues,
    RefResolver,
    Usage,
    Variant,
    observe,
    observe_link,
    sniff_score,
)
from generator.inputs.markdown.syntax import is_external, split_top_level, whole_link, wrapped
from generator.inputs.markdown.typescript_values import as_json, read_all, read_value
from generator.ir import (
    ArrayType,
    JsonScalar,
    LiteralType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)

PRIMITIVES: dict[str, Primitive] = {
    "string": Primitive(PrimitiveKind.STRING),
    "number": Primitive(PrimitiveKind.NUMBER),
    "boolean": Primitive(PrimitiveKind.BOOLEAN),
    "any": Primitive(PrimitiveKind.ANY),
    "ReadableStream<Uint8Array>": Primitive(PrimitiveKind.STRING, "binary"),
}
"""TypeScript types written in italics and their IR leaves."""

LINKED_LIBRARY_TYPES: dict[str, Primitive] = {
    "Date": Primitive(PrimitiveKind.STRING, "date-time"),
    "RFCDate": Primitive(PrimitiveKind.STRING, "date"),
    "File": Primitive(PrimitiveKind.STRING, "binary"),
    "Blob": Primitive(PrimitiveKind.STRING, "binary"),
    "AxiosResponse": Primitive(PrimitiveKind.ANY, "http-response"),
    "Response": Primitive(PrimitiveKind.ANY, "http-response"),
}
"""Library types written as links to their reference pages."""

RENAMED_GLOBALS = frozenset(
    {"Error", "File", "Blob", "Date", "Object", "Function", "Promise", "Record", "Response"}
)
"""Model names the TypeScript SDK writes with a ``T`` appended (``ErrorT``), as JavaScript
already defines them."""

OPEN_ENUM_TAIL = "Unrecognized<string>"
"""The last alternative of an open enum."""
OPEN_ENUM_COMMENT = "// Open enum: unrecognized values are captured as Unrecognized<string>"
"""The comment an open enum's example ends with."""
NO_EXAMPLE = "// No examples available for this model"
"""What the example block says when the model has no example."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)")
_IMPORT = re.compile(r'\s*import\s*\{\s*(?P<name>\w+)\s*,?\s*\}\s*from\s*"(?P<path>[^"]+)";\s*')
_LET = re.compile(r"let\s+value\s*:\s*(?P<name>\w+)\s*=\s*")
_CONST = re.compile(r"const\s+value\s*:\s*(?P<type>.+?)\s*=\s*", re.S)
_SIGNS = re.compile(r"\*(?:number|boolean)\*|^Record<string, |\)?\[\]$|\*\[\]|^\*\w+\.\w+\*")


class _Unknown(Exception):
    """The text is not TypeScript type syntax."""


class TypeScriptFlavor:
    """Reads TypeScript SDK docs."""

    language = "typescript"
    style: str | None = None

    def namespace(self, folder: str) -> str:
        """TypeScript folders are the namespaces."""
        return folder

    def model_name(self, written: str) -> str:
        """``ErrorT`` -> ``Error``: the SDK adds ``T`` to names JavaScript already uses."""
        return model_name(written)

    def sniff(self, document: Document) -> int:
        """TypeScript type cells, plus ```typescript blocks."""
        return sniff_score(document, _SIGNS, "typescript")

    def support_page(self, document: Document) -> str | None:
        """TypeScript trees hold model docs only."""
        return None

    def package(self, document: Document) -> str | None:
        """TypeScript docs name the package only in ``## Example Usage``."""
        return None

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a cell such as ``Record<string, *any*>`` or ``[components.Tag](...)[]``."""
        try:
            return CellType(_cell(cell.strip(), refs))
        except _Unknown:
            raise CellError(
                f"unknown type syntax '{cell}'; expected a TypeScript type such as *string*, "
                "*number*[], Record<string, *any*>, [ns.Name](link) or *ns.Union*"
            ) from None

    def wire_name(self, source_name: str) -> str:
        """TypeScript shows the property name the SDK uses: kept as the wire name."""
        return source_name

    def unshown_null_fact(self) -> str | None:
        """Every cell shows whether null is allowed, or none tells a style fact by it."""
        return None

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """The type column never shows nullability."""
        return None

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Read a ``### `T` `` entry from its ``const value: T = <example>;`` block."""
        blocks = [block for block in subsection.code_blocks if block.info == "typescript"]
        code = blocks[0].text if blocks else ""
        match = _CONST.match(code)
        if match is None:
            raise CellError(
                "union variant needs a ```typescript block `const value: <type> = ...;`"
            )
        type_text = match["type"]
        if subsection.heading != f"`{type_text}`":
            raise CellError(
                f"union variant heading '{subsection.heading}' differs from its type "
                f"'{type_text}'; expected '### `{type_text}`'"
            )
        try:
            node = _bare(type_text, refs)
        except _Unknown:
            raise CellError(
                f"unknown TypeScript type '{type_text}' in union variant; expected e.g. "
                "string, string[] or components.Name"
            ) from None
        value, end = read_value(code[match.end() :])
        if code[match.end() + end :].strip() != ";":
            raise CellError("union variant example must end with ';'")
        return Variant(node, None, (value,))

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """The ``"a" | "b" [| Unrecognized<string>]`` block."""
        blocks = [block for block in section.code_blocks if block.info == "typescript"]
        if len(blocks) != 1:
            raise CellError(
                "'## Values' needs one ```typescript block listing the values, "
                'e.g. "async" | "wait"'
            )
        block = blocks[0]
        parts = [part.strip() for part in split_top_level(block.text.strip(), " | ")]
        is_open = parts[-1] == OPEN_ENUM_TAIL
        if is_open:
            parts.pop()
        entries: list[EnumEntry] = []
        for part in parts:
            value = read_all(part)
            if isinstance(value, dict | list):
                raise CellError(f"enum value {part} is not a string, number or boolean")
            entries.append(EnumEntry(value, None, block.line + 1))
        return EnumValues(tuple(entries), is_open)

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
        """``import { X } from "<package>/models/<ns>";`` then ``let value: X = ...;``."""
        blocks = section.code_blocks
        code = blocks[0].text if len(blocks) == 1 and blocks[0].info == "typescript" else ""
        imported = _IMPORT.match(code)
        suffix = f"/models/{name.namespace}"
        if (
            imported is None
            or model_name(imported["name"]) != name.name
            or not imported["path"].endswith(suffix)
        ):
            raise CellError(
                "cannot read the example; expected a ```typescript block "
                f'`import {{ {name.name} }} from "<package>{suffix}";` then `let value: ...`'
            )
        package = imported["path"][: -len(suffix)]
        rest = code[imported.end() :]
        if rest.strip() == NO_EXAMPLE:
            return Usage((), package)
        declared = _LET.match(rest)
        if declared is None or model_name(declared["name"]) != name.name:
            raise CellError(
                f"cannot read the example; expected `let value: {name.name} = <value>;` "
                f"or `{NO_EXAMPLE}`"
            )
        written = rest[declared.end() :].rstrip()
        for ending, open_ in ((";", None), (f";\n\n{OPEN_ENUM_COMMENT}", True)):
            if written.endswith(ending):
                fast = as_json(written[: -len(ending)])
                if fast is not None:
                    return Usage(fast, package, open=open_)
        value, end = read_value(rest[declared.end() :])
        tail = rest[declared.end() + end :].strip()
        is_open = tail == f";\n\n{OPEN_ENUM_COMMENT}" or None
        if tail != ";" and is_open is None:
            raise CellError(f"unexpected '{tail[:40]}' after the example value")
        return Usage((value,), package, open=is_open)


TYPESCRIPT = TypeScriptFlavor()
"""The TypeScript flavor."""


def model_name(written: str) -> str:
    """The model a TypeScript name stands for: ``ErrorT`` -> ``Error``, others unchanged."""
    if written.endswith("T") and written[:-1] in RENAMED_GLOBALS:
        return written[:-1]
    return written


def _cell(text: str, refs: RefResolver) -> TypeNode:
    """Parse a markdown-decorated TypeScript type."""
    parts = split_top_level(text, " | ")
    if len(parts) > 1:
        variants: list[TypeNode] = []
        for part in parts:
            node = _cell(part.strip(), refs)
            if not variants or variants[-1] != node:
                variants.append(node)
        return UnionType(tuple(variants)) if len(variants) > 1 else variants[0]
    if text.endswith("[]"):
        return ArrayType(_cell(text[:-2], refs), items_nullable=None)
    if text.startswith("Record<string, ") and text.endswith(">"):
        return MapType(_cell(text[15:-1], refs), values_nullable=None)
    if text.startswith("["):
        return _link(text, refs)
    inner = wrapped(text, "*")
    if inner is None:
        raise _Unknown
    return _name(inner, refs)


def _name(text: str, refs: RefResolver) -> TypeNode:
    """A type written without a link: builtin, literal or union name."""
    if text in PRIMITIVES:
        return PRIMITIVES[text]
    match = _QUALIFIED.fullmatch(text)
    if match is not None:
        return RefType(refs.name(match[1], model_name(match[2])))
    literal = _literal(text)
    if literal is not None:
        return LiteralType(literal[0])
    raise _Unknown


def _literal(text: str) -> tuple[JsonScalar] | None:
    """``"x"``, ``true``, ``1`` as a one-tuple; ``None`` when ``text`` is not a literal."""
    try:
        value = read_all(text)
    except CellError:
        return None
    if isinstance(value, dict | list):
        return None
    return (value,)


def _link(text: str, refs: RefResolver) -> TypeNode:
    """Parse ``[ns.Name](target)`` or a library link (``[Date](https://...)``)."""
    found = whole_link(text)
    if found is None:
        raise _Unknown
    label, target = found[0].strip(), found[1].strip()
    if label in ("AxiosResponse", "Response"):
        observe("typescript-axios", label == "AxiosResponse")
    if label in LINKED_LIBRARY_TYPES:
        # Library docs are external, or SDK-runtime pages outside models/ (../../types/rfcdate.md).
        return LINKED_LIBRARY_TYPES[label]
    match = _QUALIFIED.fullmatch(label)
    if match is None and not _IDENT.fullmatch(label):
        raise _Unknown
    if is_external(target):
        raise CellError(f"external link '{target}' for '{label}'; expected a link to an input doc")
    name = refs.link(target)
    observe_link(name, match is None)
    if match is None:
        if name.name != model_name(label):
            raise CellError(
                f"link text '{label}' does not match the linked doc's model '{name}'; "
                f"expected [{name.name}]({target})"
            )
        return RefType(name)
    if name.name != model_name(match[2]):
        raise CellError(
            f"link text '{label}' does not match the linked doc's model '{name}'; "
            f"expected [{match[1]}.{name.name}]({target})"
        )
    return RefType(name)


def _bare(text: str, refs: RefResolver) -> TypeNode:
    """A bare TypeScript type from code: ``string[]``, ``Record<string, any>``, ``ns.Name``."""
    parts = split_top_level(text, " | ")
    if len(parts) > 1:
        return UnionType(tuple(_bare(part.strip(), refs) for part in parts))
    if text.endswith("[]"):
        return ArrayType(_bare(text[:-2], refs), items_nullable=None)
    if text.startswith("Record<string, ") and text.endswith(">"):
        return MapType(_bare(text[15:-1], refs), values_nullable=None)
    if text.startswith("{ [k: string]: ") and text.endswith(" }"):
        return MapType(_bare(text[15:-2], refs), values_nullable=None)
    if text in LINKED_LIBRARY_TYPES:
        return LINKED_LIBRARY_TYPES[text]
    return _name(text, refs)
