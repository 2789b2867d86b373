"""What differs between SDK languages: the interface one module per docs flavor implements.

The reader handles the shared page layout (title, sections, field tables,
``Name | Value`` tables); a flavor turns the language-specific bits (type
cells, field names, union and enum code blocks, ``## Example Usage``) into
IR.  One module per language: ``go_types`` (old and new type style),
``python_types``, ``typescript_types``, ``php_types`` and ``ruby_types``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol

from generator.inputs.markdown.document import Document, Section, Subsection
from generator.ir import JsonScalar, JsonValue, TypeName, TypeNode

_VOTES: ContextVar[Counter[str] | None] = ContextVar("docs_style_votes", default=None)


def observe(fact: str, shown: bool = True) -> None:
    """Record that the cell being read shows ``fact`` (a ``DOCS_FACTS`` name), or its absence."""
    votes = _VOTES.get()
    if votes is not None:
        votes[fact if shown else "not-" + fact] += 1


_READING: ContextVar[str | None] = ContextVar("docs_reading_namespace", default=None)

LINK_FOLDERS = "link-folders:"
"""Vote key prefix: the folders a link between model docs goes down after climbing."""


def observe_link_path(target: str) -> None:
    """Record the folders a relative link from one model doc to another goes down through
    after climbing to the folder it starts from (``../../../pkg/models/shared/x.md``:
    ``pkg/models/shared``), when it climbs as many levels as it goes down."""
    votes = _VOTES.get()
    if votes is None:
        return
    parts = target.split("/")
    ups = 0
    while ups < len(parts) and parts[ups] == "..":
        ups += 1
    if ups and len(parts) == 2 * ups + 1:
        votes[LINK_FOLDERS + "/".join(parts[ups:-1])] += 1


RESERVED = "reserved:"
"""Vote key prefix: a name the generator reserves, shown by a field written with a ``_`` after
it that its wire name lacks (``reserved:filter`` for ``filter_``)."""

REFERENCE = "reference:"
"""Vote key prefix: how a cell names a model of the tree (``reference:linked\n<name>`` for a
link to its doc, ``reference:unlinked\n<name>`` for its name alone, ``<name>`` qualified)."""


def observe_reference(target: TypeName, linked: bool) -> None:
    """Record that a type cell names the model ``target`` with a link to its doc or without."""
    votes = _VOTES.get()
    if votes is not None:
        votes[f"{REFERENCE}{'linked' if linked else 'unlinked'}\n{target}"] += 1


LINK_INTO = "link-into:"
"""Vote key prefix: the folder a link names for a doc, after the folder that doc sits in
(``link-into:<doc's folder>\n<link's folder>``, absolute paths)."""


def observe_link_folder(doc_folder: str, link_folder: str) -> None:
    """Record that a link to a doc sitting in ``doc_folder`` names ``link_folder`` for it
    (the same folder when the link resolves; another when it is read by its text)."""
    votes = _VOTES.get()
    if votes is not None:
        votes[f"{LINK_INTO}{doc_folder}\n{link_folder}"] += 1


def observe_link(target: TypeName, unqualified: bool) -> None:
    """Record how a link to ``target`` is labelled: a link within the doc's own namespace
    votes for or against ``links-unqualified``; one elsewhere only when it is unqualified."""
    if target.namespace == _READING.get() or unqualified:
        observe("links-unqualified", unqualified)


def observe_qualified(fact: str, target: TypeName, qualified: bool) -> None:
    """Record how a link to ``target`` is labelled for ``fact`` (models of other namespaces
    named fully qualified): a qualified label votes for it, an unqualified one to a model of
    another namespace against it (within the doc's own namespace ``links-unqualified`` decides)."""
    if qualified or target.namespace != _READING.get():
        observe(fact, qualified)


@contextmanager
def observing(votes: Counter[str], namespace: str | None = None) -> Iterator[None]:
    """Collect the ``observe`` calls made while reading a doc of ``namespace`` into ``votes``."""
    token = _VOTES.set(votes)
    reading = _READING.set(namespace)
    try:
        yield
    finally:
        _READING.reset(reading)
        _VOTES.reset(token)


_UNIONS: ContextVar[dict[TypeName, tuple[TypeNode, ...]] | None] = ContextVar(
    "docs_union_variants", default=None
)


def observe_union(target: TypeName, variants: tuple[TypeNode, ...]) -> None:
    """Record that a cell names the variants of the model ``target`` (Ruby's
    ``[T.any(A, B)](link)``), for a doc of it that lists none; the first cell to name them wins."""
    found = _UNIONS.get()
    if found is not None and variants:
        found.setdefault(target, variants)


@contextmanager
def collecting_unions(found: dict[TypeName, tuple[TypeNode, ...]]) -> Iterator[None]:
    """Collect the ``observe_union`` calls made while reading a tree into ``found``."""
    token = _UNIONS.set(found)
    try:
        yield
    finally:
        _UNIONS.reset(token)


class CellError(ValueError):
    """A cell or block cannot be understood; ``str(error)`` is the problem message."""


class RefResolver(Protocol):
    """Turns references written in a doc into definition names, or raises ``CellError``."""

    def link(self, target: str) -> TypeName:
        """The definition of the input doc a relative link points to."""
        ...

    def name(self, namespace: str, name: str) -> TypeName:
        """The definition called ``namespace.name`` (from code, where there is no link)."""
        ...

    def link_or_name(self, target: str, namespace: str, name: str) -> TypeName:
        """The doc ``target`` points to; when it resolves to no input doc, the model the link
        text names (``namespace.name``), noted for a warning; else raises ``CellError``."""
        ...


@dataclass(frozen=True, slots=True)
class CellType:
    """A parsed type cell."""

    node: TypeNode
    """The IR type."""
    wrapper: str | None = None
    """How the cell marks the outermost type optional or nullable, in the flavor's own terms
    (Go ``pointer``, Python ``Optional``, PHP ``?``); ``None`` when it shows no mark."""


@dataclass(frozen=True, slots=True)
class Variant:
    """A parsed union variant."""

    node: TypeNode
    """The variant's type."""
    source_name: str | None
    """Its name as the doc writes it, if any."""
    examples: tuple[JsonValue, ...] = ()
    """Example values shown for it, as JSON."""


@dataclass(frozen=True, slots=True)
class EnumEntry:
    """One value of an enum as a doc lists it."""

    value: JsonScalar
    """The wire value."""
    source_name: str | None
    """The constant's name, when the doc shows one."""
    line: int
    """Where it is listed."""


@dataclass(frozen=True, slots=True)
class EnumValues:
    """The values of an enum read from blocks other than a ``Name | Value`` table."""

    entries: tuple[EnumEntry, ...]
    """Values in source order."""
    open: bool | None
    """Unknown values are accepted; ``None`` when the doc cannot say."""


@dataclass(frozen=True, slots=True)
class Usage:
    """What a ``## Example Usage`` section says."""

    examples: tuple[JsonValue, ...]
    """Example values of the model, as JSON (empty when the doc says there are none)."""
    package: str | None
    """The SDK package the code imports from, if it names one."""
    open: bool | None = None
    """For an enum: the code notes that unknown values are captured (an open enum)."""
    constants: tuple[str, ...] = ()
    """For an enum: examples written as the constants' names (Go ``operations.ModeAsync``)."""
    facts: tuple[str, ...] = ()
    """Style observations of the example (``fact`` or ``not-fact``) toward ``DocsFlavor.facts``."""
    integer_values: bool = False
    """For an enum: the code shows the values are integers (Go's ``custom := ns.Enum(999)``)."""


class Flavor(Protocol):
    """The language-specific rules for reading one SDK's docs."""

    language: str
    """SDK language, e.g. ``go`` (``DocsFlavor.language``)."""
    style: str | None
    """Generator style, where the language has several (``DocsFlavor.style``)."""

    def namespace(self, folder: str) -> str:
        """The namespace of the models in a folder (PHP writes ``Components`` for ``components``)."""
        ...

    def model_name(self, written: str) -> str:
        """A model's name from how the docs write it (TypeScript writes ``ErrorT`` for ``Error``)."""
        ...

    def sniff(self, document: Document) -> int:
        """How many cells or blocks of ``document`` only this flavor writes (flavor detection)."""
        ...

    def support_page(self, document: Document) -> str | None:
        """What the doc is when it is an SDK page rather than a model (Go's call options), else ``None``."""
        ...

    def package(self, document: Document) -> str | None:
        """The SDK package a doc names outside ``## Example Usage`` (Ruby's ``::OpenApiSDK``)."""
        ...

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a ``Type`` cell, or raise ``CellError``."""
        ...

    def wire_name(self, source_name: str) -> str:
        """The JSON name of a field written ``source_name`` in the ``Field`` column."""
        ...

    def unshown_null_fact(self) -> str | None:
        """The style fact (a ``DOCS_FACTS`` name) an optional field shown with no sign of null
        yet with a null example is evidence against (Go: ``optional-nullable-wrapper``, which
        would have wrapped it); ``None`` where every cell shows whether null is allowed."""
        ...

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """Whether ``null`` is allowed, from what the doc shows; ``None`` when it cannot say.

        Raises ``CellError`` when the cell's mark contradicts the Required column.
        """
        ...

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Parse one ``###`` entry of ``union``'s ``## Supported Types``, or raise ``CellError``."""
        ...

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """Values of a ``## Values`` section that has no table, or raise ``CellError``."""
        ...

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
        """Read a ``## Example Usage`` section of the doc of ``name``, or raise ``CellError``."""
        ...


def sniff_score(
    document: Document, signs: re.Pattern[str], code_language: str | None = None
) -> int:
    """How much ``document`` looks like one flavor: type cells matching ``signs``, plus code blocks.

    Each table row whose second cell (the type) matches counts one; with
    ``code_language``, so does each fenced block of that language.
    """
    score = 0
    for section in document.sections:
        for table in section.tables:
            score += sum(
                1 for row in table.rows if len(row.cells) > 1 and signs.search(row.cells[1])
            )
        if code_language is not None:
            blocks = [*section.code_blocks]
            for subsection in section.subsections:
                blocks += subsection.code_blocks
            score += sum(block.info == code_language for block in blocks)
    return score
