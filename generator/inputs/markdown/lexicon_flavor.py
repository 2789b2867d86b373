"""One docs flavor for the table-only SDK languages (Java, C#, PHP, Ruby), built from a lexicon.

These four languages lay their docs out alike: type cells parsed by a
grammar, field names checked against an identifier pattern and mapped to
wire names, enums always as ``| Name | Value |`` tables, and at most an
optional union-variant block and enum example per language.  What differs is
a ``Lexicon``, passed to ``LexiconFlavor``, which implements the ``Flavor``
protocol with it (composition: each language module builds one lexicon).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.inputs.markdown.document import Document, Section, Subsection
from generator.inputs.markdown.flavor import (
    CellError,
    CellType,
    EnumValues,
    RefResolver,
    Usage,
    Variant,
    sniff_score,
)
from generator.ir import TypeName


class Unknown(Exception):
    """The text is not type syntax of the language; the flavor words the message."""


CellParser = Callable[[str, RefResolver], CellType]
"""Parses one stripped type cell; raises ``Unknown`` (or ``CellError`` with its own message)."""
VariantParser = Callable[[Subsection, TypeName, RefResolver], Variant]
"""Reads one ``###`` entry of a union's ``## Supported Types``."""
UsageParser = Callable[[Section, TypeName], Usage]
"""Reads an ``## Example Usage`` section."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What one language's docs look like, for ``LexiconFlavor``."""

    language: str
    """``DocsFlavor.language`` (``java``)."""
    name: str
    """The language as messages name it (``Java``, ``C#``)."""
    type_system: str
    """What its type cells are called in messages (``Java``, ``Sorbet``)."""
    type_examples: str
    """Example cells listed when a cell cannot be read."""
    parse_cell: CellParser
    """The type grammar."""
    signs: re.Pattern[str]
    """Type cells only this language writes (flavor detection)."""
    code_language: str | None
    """The info string of its code blocks, counted by detection; ``None``: not counted."""
    identifier: re.Pattern[str]
    """A field name as written in the ``Field`` column."""
    identifier_example: str
    """An example field name for messages (`` `clickId` ``)."""
    wire_name: Callable[[str], str]
    """The JSON name of a field name as written."""
    namespace: Callable[[str], str] = str.lower
    """A models folder's namespace (``Components`` -> ``components``)."""
    package: re.Pattern[str] | None = None
    """Finds the SDK package in a type cell (group ``package``); ``None``: cells never name it."""
    nullable_marks: Mapping[str, bool] = field(default_factory=dict)
    """Each ``CellType.wrapper`` that says ``null`` is allowed, and whether it says so only on a
    required field (on an optional one it just says optional)."""
    variant: VariantParser | None = None
    """Reads union variants; ``None``: union docs list none."""
    usage: UsageParser | None = None
    """Reads ``## Example Usage``; ``None``: model docs have none."""


class LexiconFlavor:
    """The ``Flavor`` of a table-only language, from its ``Lexicon``."""

    style: str | None = None

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.language = lexicon.language

    def namespace(self, folder: str) -> str:
        """The namespace of a models folder."""
        return self.lexicon.namespace(folder)

    def model_name(self, written: str) -> str:
        """Model names are written as they are."""
        return written

    def sniff(self, document: Document) -> int:
        """Type cells only this language writes, plus its code blocks."""
        return sniff_score(document, self.lexicon.signs, self.lexicon.code_language)

    def support_page(self, document: Document) -> str | None:
        """These trees hold model docs only."""
        return None

    def package(self, document: Document) -> str | None:
        """The SDK package the first type cell naming one gives."""
        pattern = self.lexicon.package
        if pattern is None:
            return None
        for section in document.sections:
            for table in section.tables:
                for row in table.rows:
                    match = pattern.search(row.cells[1]) if len(row.cells) > 1 else None
                    if match is not None:
                        return match["package"]
        return None

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a ``Type`` cell with the language's grammar."""
        try:
            return self.lexicon.parse_cell(cell.strip(), refs)
        except Unknown:
            raise CellError(
                f"unknown type syntax '{cell}'; expected a {self.lexicon.type_system} type "
                f"such as {self.lexicon.type_examples}"
            ) from None

    def wire_name(self, source_name: str) -> str:
        """The JSON name of an identifier of the language."""
        if not self.lexicon.identifier.fullmatch(source_name):
            raise CellError(
                f"field name '{source_name}' is not a {self.lexicon.name} identifier; "
                f"expected e.g. {self.lexicon.identifier_example}"
            )
        return self.lexicon.wire_name(source_name)

    def unshown_null_fact(self) -> str | None:
        """Every cell shows whether null is allowed, or none tells a style fact by it."""
        return None

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """A nullable mark says so (on a required field only, where the lexicon says);
        nothing else tells."""
        if cell.wrapper is None or cell.wrapper not in self.lexicon.nullable_marks:
            return None
        return True if required or not self.lexicon.nullable_marks[cell.wrapper] else None

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """A union variant, where the language lists them."""
        if self.lexicon.variant is None:
            raise CellError(
                f"{self.lexicon.name} union docs have no variants; expected no '## Supported Types'"
            )
        return self.lexicon.variant(subsection, union, refs)

    def parse_enum_blocks(self, section: Section) -> EnumValues:
        """Enums are always tables."""
        raise CellError("'## Values' has no table; expected a | Name | Value | table")

    def parse_usage(self, section: Section, name: TypeName) -> Usage:
        """An ``## Example Usage`` section, where the language writes one."""
        if self.lexicon.usage is None:
            raise CellError(
                f"{self.lexicon.name} model docs have no '## Example Usage'; expected none"
            )
        return self.lexicon.usage(section, name)
