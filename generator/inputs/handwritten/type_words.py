"""Read a Type cell written by a person into an IR type: a small grammar over the lexicon.

Leaves are lexicon words (``STRING``, `` `int` ``, ``date-time``); containers
are written ``array of X``, ``X list``, ``X[]``, ``[]X``, ``List<X>``,
``list(X)``, ``map<K,V>``, ``map[K]V``, ``map(V)``; alternatives ``A or B`` /
``A | B`` (a ``null`` alternative makes the value nullable); a link or the
name of another table's heading is a reference to that table's model.  A
cell the grammar cannot read raises ``TypeWordError``: the caller warns and
leaves the type unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator import limits
from generator.inputs.handwritten.cells import Link, protect_links, unescape
from generator.inputs.handwritten.lexicon import NULL_WORDS, Lexicon
from generator.ir import (
    ArrayType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)

Resolver = Callable[[str, "str | None"], "TypeName | None"]
"""Finds the model of a table from a link's text and target (``ObjectMeta``, ``#objectmeta``)."""

ANY = Primitive(PrimitiveKind.ANY)
"""The type of a field whose doc states none."""

_REF = re.compile(r"\uE000(\d+)\uE001")
_WRAPPED = (
    re.compile(r"^(?:array|list|set|vector|sequence|slice|seq)\s*[<(\[](?P<inner>.+)[>)\]]$"),
    re.compile(r"^(?:array|list|set|slice) of (?P<inner>.+?)s?$"),
    re.compile(r"^\[\]\s*(?P<inner>.+)$"),
    re.compile(r"^(?P<inner>.+?)\s*\[\]$"),
    re.compile(r"^(?P<inner>.+?) (?:list|array|set|slice)s?$"),
)
_MAPS = (
    re.compile(
        r"^(?:map|dict|dictionary|record|object|hash|hashmap)\s*[<\[(](?P<key>[^,]+),\s*(?P<value>.+)[>\])]$"
    ),
    re.compile(r"^map\[(?P<key>[^\]]+)\](?P<value>.+)$"),
    re.compile(r"^(?:map|dict|object)\s*[(<](?P<value>[^,]+)[)>]$"),
    re.compile(r"^(?:map|dict|object) of (?P<value>.+?)s?$"),
)
_MARKER_REMARK = re.compile(r"[,;]?\s*\(?\b(?:optional|required|mandatory)\b\)?\s*$", re.I)
"""``string (optional)``, ``int, required``: a required marker, read by ``markers``."""
_NULLABLE_MARK = re.compile(
    r"(?:nullable\s+|optional\s*\[)(.+?)\]?|(.+?[\w>\])])(?:\?|,?\s+nullable|\s*\(nullable\))", re.I
)
"""``int?``, ``nullable string``, ``string, nullable``, ``Optional[str]``: the value may be null."""
_SPLIT_OR = re.compile(r"\s+or\s+|\s*\|\s*|\s*,\s*")


class TypeWordError(ValueError):
    """A type cell the grammar cannot read; ``str(error)`` says which part."""


@dataclass(frozen=True, slots=True)
class ReadType:
    """What a Type cell says."""

    node: TypeNode
    """The type (``null`` alternatives removed)."""
    nullable: bool | None
    """``True`` when an alternative is ``null``; ``None`` when the cell does not say."""
    is_enum: bool = False
    """The cell says ``enum`` (the values are elsewhere)."""


def read_type(cell: str, lexicon: Lexicon, resolve: Resolver) -> ReadType:
    """The type a cell states; ``TypeWordError`` when some word is not understood."""
    text, found = protect_links(cell)
    text = re.sub(r"<[^<>]+>", lambda m: m.group(0) if _is_generic(m.group(0)) else " ", text)
    text = unescape(text).replace("`", "").replace("**", "").strip().strip(".;")
    text = re.sub(r"\s+", " ", text)
    text = _MARKER_REMARK.sub("", text).strip()
    see = re.search(r"[;,(]?\s*see (?P<ref>\uE000\d+\uE001)\)?$", text, re.I)
    if see:
        text = (text[: see.start()].strip() + " " + see.group("ref")).strip()
    reader = _Reader(lexicon, resolve, found)
    return reader.whole(text)


def _is_generic(tag: str) -> bool:
    """``<string>`` inside ``List<string>`` is type syntax, not an HTML tag."""
    return not re.match(r"</?(br|code|b|i|em|strong|a|span|sup|sub|p|ul|li|ol)\b", tag, re.I)


class _Reader:
    def __init__(self, lexicon: Lexicon, resolve: Resolver, found: list[Link]) -> None:
        self.lexicon = lexicon
        self.resolve = resolve
        self.links = found
        self.depth = 0

    def whole(self, text: str) -> ReadType:
        lowered = text.lower()
        if not lowered:
            raise TypeWordError("empty type cell")
        parts = [p for p in _split_alternatives(text) if p]
        nullable: bool | None = None
        nodes: list[TypeNode] = []
        is_enum = False
        for part in parts:
            if part.lower() in NULL_WORDS:
                nullable = True
                continue
            marked = _NULLABLE_MARK.fullmatch(part)
            if marked:
                nullable = True
                part = next(g for g in marked.groups() if g)
            if part.lower() == "enum" or part.lower().startswith("enum "):
                is_enum = True
            nodes.append(self.one(part))
        if not nodes:
            raise TypeWordError(f"type {text!r} says only null")
        node = nodes[0] if len(nodes) == 1 else UnionType(tuple(_unique(nodes)))
        if isinstance(node, UnionType) and len(node.variants) == 1:
            node = node.variants[0]
        return ReadType(node, nullable, is_enum)

    def one(self, text: str) -> TypeNode:
        self.depth += 1
        try:
            if self.depth > limits.current().max_depth:
                raise TypeWordError(
                    f"type nested deeper than {limits.current().max_depth} levels "
                    "(raise [tool.specloom.limits] max-depth)"
                )
            return self._one(text)
        finally:
            self.depth -= 1

    def _one(self, text: str) -> TypeNode:
        text = text.strip()
        lowered = text.lower()
        ref = _REF.fullmatch(text)
        if ref:
            return self.link(int(ref.group(1)))
        described = re.fullmatch(
            r"(?P<ref>\uE000\d+\uE001)\s+(?:object|type|class|instance)", text, re.I
        )
        if described:
            return self.link(int(_REF.search(described.group("ref")).group(1)))  # type: ignore[union-attr]
        objected = re.fullmatch(r"(?:object|array|list)\s+(?P<ref>\uE000\d+\uE001)", text, re.I)
        if objected:
            target = self.link(int(_REF.search(objected.group("ref")).group(1)))  # type: ignore[union-attr]
            return (
                ArrayType(target, items_nullable=None)
                if lowered.startswith(("array", "list"))
                else target
            )
        if lowered.startswith("*") and len(lowered) > 1 and lowered != "*":
            return self.one(text[1:])
        remark = re.fullmatch(r"(?P<base>[^()]+?)\s+\((?P<note>[^()]+)\)", text)
        if remark:
            base = self.one(remark.group("base"))
            note = remark.group("note").strip()
            meaning = self.lexicon.types.get(note.lower())
            if isinstance(base, Primitive) and meaning is not None and meaning[0] is base.kind:
                return Primitive(base.kind, meaning[1])
            if base in (ArrayType(ANY, items_nullable=None), MapType(ANY, values_nullable=None)):
                try:  # Array (String), Object (Customer)
                    member = self.one(note)
                except TypeWordError:
                    return base
                if isinstance(base, ArrayType):
                    return ArrayType(member, items_nullable=None)
                return (
                    member if isinstance(member, RefType) else MapType(member, values_nullable=None)
                )
            return base
        leaf = self.lexicon.types.get(lowered)
        if leaf is not None:
            kind, fmt = leaf
            return Primitive(kind, fmt)
        if lowered in self.lexicon.object_words:
            return MapType(ANY, values_nullable=None)
        if lowered in self.lexicon.array_words:
            return ArrayType(ANY, items_nullable=None)
        for pattern in _MAPS:
            match = pattern.fullmatch(lowered)
            if match:
                value = text[match.start("value") : match.end("value")]
                return MapType(self.one(value), values_nullable=None)
        for pattern in _WRAPPED:
            match = pattern.fullmatch(lowered)
            if match:
                inner = text[match.start("inner") : match.end("inner")]
                return ArrayType(self.one(inner), items_nullable=None)
        if re.fullmatch(r"[A-Za-z_][\w.]*", text):
            named = self.resolve(text, None)
            if named is not None:
                return RefType(named)
        raise TypeWordError(f"unknown type word {text!r}")

    def link(self, number: int) -> TypeNode:
        link = self.links[number] if number < len(self.links) else Link("", None)
        target = self.resolve(link.text, link.target)
        if target is None and link.target is None and link.text:
            try:  # [String]: an array (GraphQL, Swift)
                return ArrayType(self.one(link.text), items_nullable=None)
            except TypeWordError:
                pass
        if target is None:
            where = f" ({link.target})" if link.target else ""
            raise TypeWordError(f"type links to {link.text!r}{where}, which is no table of the doc")
        return RefType(target)


def _split_alternatives(text: str) -> list[str]:
    """``A or B``, ``A | B``: split outside ``<>``/``()``/``[]``."""
    depth = 0
    parts: list[str] = []
    current = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char in "<([":
            depth += 1
        elif char in ">)]":
            depth = max(0, depth - 1)
        if depth == 0:
            match = re.match(r"\s+or\s+|\s*\|\s*", text[index:], re.I)
            if match:
                parts.append(current.strip())
                current = ""
                index += match.end()
                continue
        current += char
        index += 1
    parts.append(current.strip())
    return parts


def _unique(nodes: list[TypeNode]) -> list[TypeNode]:
    seen: list[TypeNode] = []
    for node in nodes:
        if node not in seen:
            seen.append(node)
    return seen
