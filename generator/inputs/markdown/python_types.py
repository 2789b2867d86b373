"""The Python docs flavor: ``*str*``, ``*OptionalNullable[str]*``, ``List[...]``, ``Dict[str, ...]``.

A leaf is a Python type in italics; named types are links whose label holds
the optional/nullable wrapper (``[Optional[operations.Mode]](...)``).  The
wrapper says it all: ``Optional`` (may be absent), ``Nullable`` (may be
null), ``OptionalNullable`` (both); containers never show one, so a list's
or dict's nullability is unknown.  Field names are snake_case; the wire name
is derived (``click_id`` -> ``clickId``).  Union variants are ``### `T` ``
entries with a ```` ```python value: T = /* values here */ ```` block; newer
generators write enums as a bullet list (with an "open enum" note) and an
``## Example Usage`` block.
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
from generator.inputs.markdown.syntax import (
    code_span_text,
    is_external,
    split_top_level,
    whole_link,
    wrapped,
)
from generator.inputs.values import strict_json
from generator.ir import (
    ArrayType,
    JsonValue,
    LiteralType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)
from generator.naming import camel_case

PRIMITIVES: dict[str, Primitive] = {
    "str": Primitive(PrimitiveKind.STRING),
    "int": Primitive(PrimitiveKind.INTEGER),
    "float": Primitive(PrimitiveKind.NUMBER),
    "bool": Primitive(PrimitiveKind.BOOLEAN),
    "Any": Primitive(PrimitiveKind.ANY),
    "Union[bytes, IO[bytes], io.IOBase]": Primitive(PrimitiveKind.STRING, "binary"),
    "bytes": Primitive(PrimitiveKind.STRING, "binary"),
    "httpx.Response": Primitive(PrimitiveKind.ANY, "http-response"),
    "requests.Response": Primitive(PrimitiveKind.ANY, "http-response"),
}
"""Python types written in italics and their IR leaves."""

LINKED_LIBRARY_TYPES: dict[str, Primitive] = {
    "date": Primitive(PrimitiveKind.STRING, "date"),
    "datetime": Primitive(PrimitiveKind.STRING, "date-time"),
    "httpx.Response": Primitive(PrimitiveKind.ANY, "http-response"),
    "requests.Response": Primitive(PrimitiveKind.ANY, "http-response"),
}
"""Library types written as links that leave the docs."""

CONTAINERS = (("List[", "Dict[str, "), ("list[", "dict[str, "))
"""``(list, dict)`` openers: ``typing`` names, or the builtins the 2023 generators wrote."""

WRAPPERS = ("OptionalNullable", "Optional", "Nullable")
"""Wrappers that mark a field optional and/or nullable."""

OPEN_ENUM_NOTE = "This is an open enum. Unrecognized values will not fail type checks."
"""The sentence newer generators put before the values of an open enum."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)")
_VARIANT_CODE = re.compile(r"value: (?P<type>.+) = /\* values here \*/")
_BULLET = re.compile(r"- (?P<value>`.+`)")
_USAGE = re.compile(
    r"from (?P<package>[\w.]+)\.models import (?P<name>\w+)\n(?P<gap>\n?)"
    r"(?P<note># Open enum: unrecognized values are captured as UnrecognizedStr\n)?"
    r"value: (?P=name) = (?P<value>.+)\n"
)
_SIGNS = re.compile(
    r"\*(?:str|int|float|bool|Any)\*|(?:Optional|Nullable|OptionalNullable)\[|^List\[|^Dict\[str, "
)


class _Unknown(Exception):
    """The text is not Python type syntax."""


class PythonFlavor:
    """Reads Python SDK docs."""

    language = "python"
    style: str | None = None

    def namespace(self, folder: str) -> str:
        """Python folders are the namespaces."""
        return folder

    def model_name(self, written: str) -> str:
        """Model names are written as they are."""
        return written

    def sniff(self, document: Document) -> int:
        """Python type cells, plus ```python blocks."""
        return sniff_score(document, _SIGNS, "python")

    def support_page(self, document: Document) -> str | None:
        """``utils/retryconfig.md``: a ``Name | Type | Description | Example`` table, no Required."""
        for section in document.sections:
            for table in section.tables:
                if table.header.cells == ("Name", "Type", "Description", "Example"):
                    return "the SDK's retry-configuration page"
        return None

    def package(self, document: Document) -> str | None:
        """Python docs name the package only in ``## Example Usage``."""
        return None

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a cell such as ``*OptionalNullable[str]*`` or ``List[[components.Tag](...)]``."""
        try:
            return _cell(cell.strip(), refs)
        except _Unknown:
            raise CellError(
                f"unknown type syntax '{cell}'; expected a Python type such as *str*, "
                "*Optional[int]*, List[*str*], Dict[str, *Any*] or [Optional[ns.Name]](link)"
            ) from None

    def wire_name(self, source_name: str) -> str:
        """``click_id`` -> ``clickId``."""
        if not _IDENT.fullmatch(source_name):
            raise CellError(
                f"field name '{source_name}' is not a Python identifier; expected e.g. `click_id`"
            )
        return camel_case(source_name)

    def unshown_null_fact(self) -> str | None:
        """Every cell shows whether null is allowed, or none tells a style fact by it."""
        return None

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """From the wrapper; it must agree with the Required column."""
        if isinstance(cell.node, ArrayType | MapType):
            return None
        wrapper = cell.wrapper
        optional = wrapper in ("Optional", "OptionalNullable")
        if not required and _library_leaf(cell.node):
            observe("library-links-unwrapped", wrapper is None)
        if wrapper is None and not required and _library_leaf(cell.node):
            # Newer generators link stdlib types without the wrapper, optional or not.
            return None
        if optional == required:
            shown = f"{wrapper}[...]" if wrapper else "no Optional[...]"
            raise CellError(
                f"type shows {shown} but the field is {'required' if required else 'optional'}; "
                "expected Optional/OptionalNullable exactly on optional fields"
            )
        return wrapper in ("Nullable", "OptionalNullable")

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Read a ``### `T` `` entry from its ``value: T = /* values here */`` block."""
        blocks = [block for block in subsection.code_blocks if block.info == "python"]
        match = _VARIANT_CODE.fullmatch(blocks[0].text.strip()) if blocks else None
        if match is None:
            raise CellError(
                "union variant needs a ```python block `value: <type> = /* values here */`"
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
                f"unknown Python type '{type_text}' in union variant; expected e.g. str, "
                "List[str] or components.Name"
            ) from None
        return Variant(node, None)

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """Newer generators' enums: an optional open-enum note, then ``- `"value"` `` bullets."""
        entries: list[EnumEntry] = []
        is_open = False
        for paragraph in section.paragraphs:
            if paragraph.text == OPEN_ENUM_NOTE:
                is_open = True
                continue
            for offset, line in enumerate(paragraph.text.split("\n")):
                match = _BULLET.fullmatch(line)
                span = code_span_text(match["value"]) if match else None
                value = _json(span) if span is not None else None
                if span is None or isinstance(value, dict | list):
                    raise CellError(f"cannot read enum value '{line}'; expected - `\"value\"`")
                entries.append(EnumEntry(value, None, paragraph.line + offset))
        if not entries:
            raise CellError("'## Values' has no table; expected a | Name | Value | table")
        return EnumValues(tuple(entries), is_open)

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
        """An enum's example: ``from pkg.models import X`` then ``value: X = "..."``."""
        blocks = section.code_blocks
        match = _USAGE.fullmatch(blocks[0].text) if len(blocks) == 1 else None
        if match is None or match["name"] != name.name:
            raise CellError(
                "cannot read the example; expected a ```python block "
                f"`from <package>.models import {name.name}` then `value: {name.name} = <value>`"
            )
        joined = "not-usage-import-joined" if match["gap"] else "usage-import-joined"
        return Usage(
            (_json(match["value"]),),
            match["package"],
            open=match["note"] is not None or None,
            facts=(joined,),
        )


PYTHON = PythonFlavor()
"""The Python flavor."""


def _json(text: str) -> JsonValue:
    """A Python literal that is also JSON (``"x"``, ``1``); ``True``/``False``/``None`` too."""
    words: dict[str, JsonValue] = {"True": True, "False": False, "None": None}
    if text in words:
        return words[text]
    try:
        value: JsonValue = strict_json(text)  # type: ignore[assignment]
    except ValueError:
        raise CellError(f"cannot read value '{text}'; expected a Python literal") from None
    return value


def _cell(text: str, refs: RefResolver) -> CellType:
    """Parse a markdown-decorated Python type."""
    for list_open, dict_open in CONTAINERS:
        if text.startswith((list_open, dict_open)) and text.endswith("]"):
            observe("containers-builtin", list_open.islower())
        if text.startswith(list_open) and text.endswith("]"):
            items = _cell(text[len(list_open) : -1], refs)
            return CellType(ArrayType(items.node, items_nullable=_marked_null(items)))
        if text.startswith(dict_open) and text.endswith("]"):
            values = _cell(text[len(dict_open) : -1], refs)
            return CellType(MapType(values.node, values_nullable=_marked_null(values)))
    if text.startswith("["):
        return _link(text, refs)
    inner = wrapped(text, "*")
    if inner is None:
        raise _Unknown
    wrapper, bare = _unwrap(inner)
    return CellType(_leaf(bare), wrapper)


def _library_leaf(node: TypeNode) -> bool:
    """A leaf written as a link to a library's docs (``[date](...)``, ``[httpx.Response](...)``)."""
    return isinstance(node, Primitive) and node in LINKED_LIBRARY_TYPES.values()


def _marked_null(cell: CellType) -> bool | None:
    """Items or values shown ``Nullable[...]`` may be null; otherwise the doc does not say."""
    return True if cell.wrapper in ("Nullable", "OptionalNullable") else None


def _unwrap(text: str) -> tuple[str | None, str]:
    """``Optional[str]`` -> ``("Optional", "str")``."""
    for wrapper in WRAPPERS:
        if text.startswith(wrapper + "[") and text.endswith("]"):
            return wrapper, text[len(wrapper) + 1 : -1]
    return None, text


def _leaf(text: str) -> TypeNode:
    """A leaf written in italics: a builtin or a ``Literal[...]``."""
    if text in PRIMITIVES:
        return PRIMITIVES[text]
    if text.startswith("Literal[") and text.endswith("]"):
        return LiteralType(_literal(text[8:-1]))
    raise _Unknown


def _literal(text: str) -> str | int | float | bool | None:
    """The value of ``Literal[...]``."""
    try:
        value = _json(text)
    except CellError:
        raise _Unknown from None
    if isinstance(value, dict | list):
        raise _Unknown
    return value


def _link(text: str, refs: RefResolver) -> CellType:
    """Parse ``[Optional[ns.Name]](target)`` or a library link."""
    found = whole_link(text)
    if found is None:
        raise _Unknown
    wrapper, label = _unwrap(found[0].strip())
    target = found[1].strip()
    if label in LINKED_LIBRARY_TYPES and is_external(target):
        if label.endswith(".Response"):
            observe("python-requests", label == "requests.Response")
        return CellType(LINKED_LIBRARY_TYPES[label], wrapper)
    match = _QUALIFIED.fullmatch(label)
    if match is None and not _IDENT.fullmatch(label):
        raise _Unknown
    if is_external(target):
        raise CellError(f"external link '{target}' for '{label}'; expected a link to an input doc")
    name = refs.link(target)
    observe_link(name, match is None)
    if match is None:
        if name.name != label:
            raise CellError(
                f"link text '{label}' does not match the linked doc's model '{name}'; "
                f"expected [{name.name}]({target})"
            )
        return CellType(RefType(name), wrapper)
    if name.name != match[2]:
        raise CellError(
            f"link text '{label}' does not match the linked doc's model '{name}'; "
            f"expected [{match[1]}.{name.name}]({target})"
        )
    return CellType(RefType(name), wrapper)


def _bare(text: str, refs: RefResolver) -> TypeNode:
    """A bare Python type from code: ``str``, ``List[str]``, ``Dict[str, Any]``, ``ns.Name``."""
    if text.startswith("List[") and text.endswith("]"):
        return ArrayType(_bare(text[5:-1], refs), items_nullable=None)
    if text.startswith("Dict[str, ") and text.endswith("]"):
        return MapType(_bare(text[10:-1], refs), values_nullable=None)
    if text.startswith("Union[") and text.endswith("]") and text not in PRIMITIVES:
        return UnionType(tuple(_bare(part, refs) for part in split_top_level(text[6:-1], ", ")))
    match = _QUALIFIED.fullmatch(text)
    if match is not None and text not in PRIMITIVES:
        return RefType(refs.name(match[1], match[2]))
    return _leaf(text)
