"""What differs between SDK languages: the interface one module per docs flavor implements.

The reader handles the shared page layout (title, sections, tables); a flavor
turns the language-specific bits (type cells, field names, union code blocks)
into IR.  ``go_types`` implements the old Go style.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from generator.inputs.markdown.document import Subsection
from generator.ir import TypeName, TypeNode


class CellError(ValueError):
    """A cell cannot be understood; ``str(error)`` is the problem message."""


class RefResolver(Protocol):
    """Turns references written in a doc into definition names, or raises ``CellError``."""

    def link(self, target: str) -> TypeName:
        """The definition of the input doc a relative link points to."""
        ...

    def name(self, namespace: str, name: str) -> TypeName:
        """The definition called ``namespace.name`` (from code, where there is no link)."""
        ...


@dataclass(frozen=True, slots=True)
class CellType:
    """A parsed type cell."""

    node: TypeNode
    """The IR type."""
    pointer: bool | None
    """The outermost type is shown optional-or-nullable (a Go pointer); ``None``: cannot say."""


@dataclass(frozen=True, slots=True)
class Variant:
    """A parsed union variant."""

    node: TypeNode
    """The variant's type."""
    source_name: str | None
    """Its name as the doc writes it, if any."""


class Flavor(Protocol):
    """The language-specific rules for reading one SDK's docs."""

    name: str
    """Short name of the flavor, e.g. ``go``."""

    def parse_type_cell(self, cell: str, refs: RefResolver) -> CellType:
        """Parse a ``Type`` cell, or raise ``CellError``."""
        ...

    def wire_name(self, source_name: str) -> str:
        """The JSON name of a field written ``source_name`` in the ``Field`` column."""
        ...

    def nullable(self, cell: CellType, required: bool) -> bool | None:
        """Whether ``null`` is allowed, from what the doc shows; ``None`` when it cannot say."""
        ...

    def parse_variant(self, subsection: Subsection, union: TypeName, refs: RefResolver) -> Variant:
        """Parse one ``###`` entry of ``union``'s ``## Supported Types``, or raise ``CellError``."""
        ...
