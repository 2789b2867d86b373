"""State shared by the readers of one document: the data, where problems go, what was defined."""

from __future__ import annotations

from generator.diagnostics import Collector
from generator.inputs.openapi.document import Document, join
from generator.inputs.openapi.names import NameRegistry
from generator.ir import Definition, Location


class Context:
    """One document being read: data and lines, the problem collector, names and definitions."""

    def __init__(self, document: Document, display: str, collector: Collector) -> None:
        self.document = document
        """The loaded data."""
        self.display = display
        """File name to show in locations."""
        self.collector = collector
        """Where problems go."""
        self.names = NameRegistry()
        """Definition names taken so far."""
        self.definitions: list[Definition] = []
        """Definitions made so far, in the order they were made."""
        self._reported: set[tuple[int | None, str | None, str]] = set()

    def location(self, line: int | None, pointer: str) -> Location:
        """A location in this document."""
        return Location(self.display, line, pointer)

    def key_location(self, mapping: object, pointer: str, key: str) -> Location:
        """Location of ``key`` in ``mapping`` (whose pointer is ``pointer``)."""
        return Location(self.display, self.document.key_line(mapping, key), join(pointer, key))

    def problem(self, location: Location, message: str) -> None:
        """Record a problem, once even when a keyword is looked at twice."""
        seen = (location.line, location.pointer, message)
        if seen not in self._reported:
            self._reported.add(seen)
            self.collector.add(location, message)

    def key_problem(self, mapping: object, pointer: str, key: str, message: str) -> None:
        """Record a problem about ``key`` of ``mapping``."""
        self.problem(self.key_location(mapping, pointer, key), message)
