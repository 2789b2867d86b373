"""The Ruby docs flavor (Sorbet types): ``*::String*``, ``*T.nilable(::String)*``, ``T::Array<...>``.

Named types are links labelled with the full constant path, SDK module
first (``[T.nilable(::OpenApiSDK::Operations::Mode)](...)``); ``T.nilable``
marks a type optional or nullable, so it tells nullability only on a
required field.  Unions have no docs of their own: a union-typed field
shows ``::Object``, which is all the doc says (any value).
"""

from __future__ import annotations

import re

from generator.inputs.markdown.document import Section
from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    RefResolver,
    Usage,
    observe,
    observe_union,
)
from generator.inputs.markdown.lexicon_flavor import Lexicon, LexiconFlavor, Unknown
from generator.inputs.markdown.syntax import is_external, split_top_level, whole_link, wrapped
from generator.ir import ArrayType, MapType, Primitive, PrimitiveKind, RefType, TypeName, TypeNode
from generator.naming import camel_case

PRIMITIVES: dict[str, Primitive] = {
    "::String": Primitive(PrimitiveKind.STRING),
    "::Integer": Primitive(PrimitiveKind.INTEGER),
    "::Float": Primitive(PrimitiveKind.NUMBER),
    "T::Boolean": Primitive(PrimitiveKind.BOOLEAN),
    "::Object": Primitive(PrimitiveKind.ANY),
    "::DateTime": Primitive(PrimitiveKind.STRING, "date-time"),
    "::Date": Primitive(PrimitiveKind.STRING, "date"),
}
"""Sorbet types written in italics and their IR leaves."""

LINKED_LIBRARY_TYPES: dict[str, Primitive] = {
    "Faraday::Response": Primitive(PrimitiveKind.ANY, "http-response"),
    "DateTime": Primitive(PrimitiveKind.STRING, "date-time"),
    "Date": Primitive(PrimitiveKind.STRING, "date"),
}
"""Library types written as links to their reference pages."""

NILABLE = "nilable"
"""``CellType.wrapper`` of ``T.nilable(...)``."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CONSTANT = re.compile(r"::(?P<package>[A-Z]\w*)::(?P<namespace>[A-Z]\w*)::(?P<name>[A-Za-z_]\w*)")
_PATH = re.compile(r"(?:::)?[A-Z]\w*(?:::[A-Za-z_]\w*)*")
_ARRAYS = (("T::Array<", ">"), ("T::Array[", "]"))
_ENUM_USAGE = re.compile(
    r'require "(?P<package>[^"]+)"\n\nvalue = (?:(?:::)?\w+::)*(?P<name>\w+)::(?P<constant>\w+)\n'
)
_SIGNS = re.compile(r"T\.nilable\(|\*::(?:String|Float|Integer|Object)\*|T::")


def _parse_usage(section: Section, name: TypeName) -> Usage:
    """Newer generators' enum example: ``require "gem"`` then ``value = Enum::CONSTANT``."""
    blocks = section.code_blocks
    match = (
        _ENUM_USAGE.fullmatch(blocks[0].text)
        if len(blocks) == 1 and blocks[0].info == "ruby"
        else None
    )
    if match is None or match["name"] != name.name:
        raise CellError(
            'cannot read the example; expected a ```ruby block `require "<gem>"` then '
            f"`value = {name.name}::<CONSTANT>`"
        )
    return Usage((), match["package"], constants=(match["constant"],))


def _wire_name(source_name: str) -> str:
    """``click_id`` -> ``clickId``."""
    return camel_case(source_name)


def _cell(text: str, refs: RefResolver) -> CellType:
    """Parse a markdown-decorated Sorbet type."""
    for opener, closer in _ARRAYS:
        if text.startswith(opener) and text.endswith(closer):
            items = text[len(opener) : -len(closer)]
            return CellType(ArrayType(_cell(items, refs).node, items_nullable=None))
    if text.startswith("T::Hash[Symbol, ") and text.endswith("]"):
        return CellType(MapType(_cell(text[16:-1], refs).node, values_nullable=None))
    if text.startswith("["):
        return _link(text, refs)
    inner = wrapped(text, "*")
    if inner is None:
        raise Unknown
    wrapper, bare = _unwrap(inner)
    leaf = PRIMITIVES.get(bare) or PRIMITIVES.get("::" + bare)
    if leaf is None:
        raise Unknown
    return CellType(leaf, wrapper)


def _unwrap(text: str) -> tuple[str | None, str]:
    """``T.nilable(::String)`` -> ``("nilable", "::String")``."""
    if text.startswith("T.nilable(") and text.endswith(")"):
        return NILABLE, text[10:-1]
    return None, text


def _link(text: str, refs: RefResolver) -> CellType:
    """Parse ``[T.nilable(::Module::Namespace::Name)](target)`` or a library link."""
    found = whole_link(text)
    if found is None:
        raise Unknown
    wrapper, label = _unwrap(found[0].strip())
    target = found[1].strip()
    if label.removeprefix("::") in LINKED_LIBRARY_TYPES and is_external(target):
        return CellType(LINKED_LIBRARY_TYPES[label.removeprefix("::")], wrapper)
    if is_external(target):
        raise CellError(f"external link '{target}' for '{label}'; expected a link to an input doc")
    if label.startswith("T.any(") and label.endswith(")"):
        # A union linked to its doc under its Sorbet type (``T.any(::String, ::Float)``): the
        # label names the variants its doc does not list.
        name = refs.link(target)
        try:
            variants = tuple(_sorbet(part, refs) for part in split_top_level(label[6:-1], ","))
        except (Unknown, CellError):
            variants = ()
        observe_union(name, variants)
        observe("ruby-union-links")
        return CellType(RefType(name), wrapper)
    if not _PATH.fullmatch(label):
        raise Unknown
    observe("ruby-models-prefix", label.startswith("Models::"))
    segments = label.removeprefix("::").split("::")
    written = segments[-1]
    namespace = segments[-2].lower() if len(segments) > 1 else ""
    name = refs.link_or_name(target, namespace, written)
    if name.name != written:
        expected = label[: len(label) - len(written)] + name.name
        raise CellError(
            f"link text '{label}' does not match the linked doc's model '{name}'; "
            f"expected [{expected}]({target})"
        )
    return CellType(RefType(name), wrapper)


def _sorbet(text: str, refs: RefResolver) -> TypeNode:
    """A Sorbet type written without links: ``::String``, ``T::Array[Models::Shared::X]``..."""
    text = text.strip()
    for opener, closer in _ARRAYS:
        if text.startswith(opener) and text.endswith(closer):
            return ArrayType(_sorbet(text[len(opener) : -len(closer)], refs), items_nullable=None)
    if text.startswith("T::Hash[Symbol, ") and text.endswith("]"):
        return MapType(_sorbet(text[16:-1], refs), values_nullable=None)
    leaf = PRIMITIVES.get(text)
    if leaf is not None:
        return leaf
    if not _PATH.fullmatch(text) or "::" not in text.removeprefix("::"):
        raise Unknown
    observe("ruby-models-prefix", text.startswith("Models::"))
    segments = text.removeprefix("::").split("::")
    return RefType(refs.name(segments[-2].lower(), segments[-1]))


LEXICON = Lexicon(
    language="ruby",
    name="Ruby",
    type_system="Sorbet",
    type_examples=(
        "*::String*, *T.nilable(::Float)*, T::Array<*::String*>, T::Hash[Symbol, *::Object*] "
        "or [T.nilable(::Module::Namespace::Name)](link)"
    ),
    parse_cell=_cell,
    signs=_SIGNS,
    code_language=None,
    identifier=_IDENT,
    identifier_example="`click_id`",
    wire_name=_wire_name,
    namespace=lambda folder: folder,
    package=_CONSTANT,
    nullable_marks={NILABLE: True},
    usage=_parse_usage,
)
"""How Ruby docs are written: snake_case field names; folders are the namespaces (``shared``
holds the components); ``T.nilable`` on a required field says nullable; union docs list no
variants."""

RUBY = LexiconFlavor(LEXICON)
"""The Ruby flavor."""
