"""A composable grammar for type cells written with angle-bracket generics (Java, C#).

Both languages write leaves in italics (``*String*``, ``*long*``), wrappers and
containers with angle brackets (``Optional<T>``, ``JsonNullable<T>``,
``List<T>``, ``Map<String, T>``, ``Dictionary<String, T>``), named models as
links whose label is the bare, namespace-qualified or fully qualified name
(``[Address](...)``, ``[Models.Components.Address](...)``,
``[com.acme.models.shared.Address](...)``) and library types as links to
their reference pages (``[OffsetDateTime](https://docs.oracle.com/...)``).
Java escapes ``<`` as ``\\<`` (nested: ``\\\\<``); the escapes are undone
first.  A ``Grammar`` holds one language's vocabulary; ``parse`` composes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    RefResolver,
    observe,
    observe_link,
    observe_qualified,
)
from generator.inputs.markdown.lexicon_flavor import Unknown
from generator.inputs.markdown.syntax import is_external, split_top_level, whole_link, wrapped
from generator.ir import ArrayType, MapType, Primitive, PrimitiveKind, RefType

STRING = Primitive(PrimitiveKind.STRING)
"""The leaf of a plain string."""
INTEGER = Primitive(PrimitiveKind.INTEGER)
"""The leaf of a 64-bit (or unsized) integer."""
NUMBER = Primitive(PrimitiveKind.NUMBER)
"""The leaf of a double."""
BOOLEAN = Primitive(PrimitiveKind.BOOLEAN)
"""The leaf of a boolean."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


@dataclass(frozen=True, slots=True)
class Grammar:
    """The vocabulary of one language's type cells."""

    leaves: dict[str, Primitive]
    """Types written in italics (``*String*``) and their IR leaves."""
    library: dict[str, Primitive]
    """Library types written as links to reference pages (``[OffsetDateTime](https://...)``),
    by their name without generic arguments (``HttpResponse`` for ``HttpResponse<?>``)."""
    wrappers: dict[str, str]
    """Generic wrappers that mark a value optional or nullable, and the ``CellType.wrapper`` each gives."""
    lists: tuple[str, ...]
    """Generic names of lists (``List``)."""
    maps: tuple[str, ...]
    """Generic names of string-keyed maps (``Map``, ``Dictionary``)."""
    spellings: Mapping[str, tuple[tuple[str, bool], ...]] = field(default_factory=dict)
    """Library link labels whose spelling is a style fact, and the votes each casts
    (``DocsFlavor.facts``): ``DateOnly`` -> ``(("date-only", True),)``."""
    qualified_fact: str | None = None
    """The style fact a fully qualified model link label (``com.acme.models.shared.Tag``) votes
    for; ``None`` when qualification is not a style of the tree."""


def unescape(cell: str) -> str:
    """``List\\<Map\\\\<String, *Object*>>`` -> ``List<Map<String, *Object*>>``."""
    return cell.replace("\\\\<", "<").replace("\\<", "<")


def parse(grammar: Grammar, text: str, refs: RefResolver) -> CellType:
    """Parse one (unescaped, stripped) type cell."""
    generic = _generic(text)
    if generic is not None:
        name, arguments = generic
        if name in grammar.lists and len(arguments) == 1:
            return CellType(ArrayType(parse(grammar, arguments[0], refs).node, items_nullable=None))
        if name in grammar.maps and len(arguments) == 2 and _plain(arguments[0]) == "String":
            return CellType(MapType(parse(grammar, arguments[1], refs).node, values_nullable=None))
        if name in grammar.wrappers and len(arguments) == 1:
            return CellType(parse(grammar, arguments[0], refs).node, grammar.wrappers[name])
        raise Unknown
    if text.startswith("["):
        return _link(grammar, text, refs)
    inner = wrapped(text, "*")
    if inner is None:
        raise Unknown
    generic = _generic(inner)
    if generic is not None and generic[0] in grammar.wrappers and len(generic[1]) == 1:
        leaf = grammar.leaves.get(generic[1][0])
        if leaf is None:
            raise Unknown
        return CellType(leaf, grammar.wrappers[generic[0]])
    leaf = grammar.leaves.get(inner)
    if leaf is None:
        raise Unknown
    return CellType(leaf)


def _plain(text: str) -> str:
    """A type argument without its italics: ``*String*`` -> ``String``."""
    return wrapped(text, "*") or text


def _generic(text: str) -> tuple[str, list[str]] | None:
    """``Name<A, B>`` -> ``("Name", ["A", "B"])``; ``None`` when ``text`` is not one generic."""
    open_at = text.find("<")
    if open_at <= 0 or not text.endswith(">") or not _NAME.fullmatch(text[:open_at]):
        return None
    arguments = [part.strip() for part in split_top_level(text[open_at + 1 : -1], ",")]
    return text[:open_at], arguments


def _link(grammar: Grammar, text: str, refs: RefResolver) -> CellType:
    """``[Wrapper<Name>](target)``, ``[ns.Name](target)`` or a library link."""
    found = whole_link(text)
    if found is None:
        raise Unknown
    label, target = found[0].strip(), found[1].strip()
    wrapper = None
    generic = _generic(label)
    if generic is not None and generic[0] in grammar.wrappers and len(generic[1]) == 1:
        wrapper = grammar.wrappers[generic[0]]
        label = generic[1][0]
        generic = _generic(label)
    library = grammar.library.get(generic[0] if generic is not None else label)
    if library is not None:
        for fact, shown in grammar.spellings.get(label.replace(" ", ""), ()):
            observe(fact, shown)
        return CellType(library, wrapper)
    if not _NAME.fullmatch(label):
        raise Unknown
    if is_external(target):
        raise CellError(f"external link '{target}' for '{label}'; expected a link to an input doc")
    written = label.rsplit(".", 1)[-1]
    namespace = label.rsplit(".", 2)[-2].lower() if "." in label else ""
    name = refs.link_or_name(target, namespace, written) if namespace else refs.link(target)
    if grammar.qualified_fact is not None:
        observe_qualified(grammar.qualified_fact, name, "." in label)
        observe_link(name, "." not in label)
    if name.name != written:
        raise CellError(
            f"link text '{label}' does not match the linked doc's model '{name}'; "
            f"expected [{label[: len(label) - len(written)]}{name.name}]({target})"
        )
    return CellType(RefType(name), wrapper)
