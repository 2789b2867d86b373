"""State shared by the readers of one spec: the documents, where problems go, what was defined."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi.document import Document, join
from generator.inputs.openapi.names import NameRegistry
from generator.inputs.openapi.namings import OWNER_FIRST_NAMING
from generator.inputs.openapi.typed import Typed
from generator.ir import Definition, Location, Operation, TypeName, TypeNode


@dataclass(frozen=True, slots=True)
class Dialect:
    """What differs between Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 for the readers."""

    version: str
    """``"2.0"``, ``"3.0"`` or ``"3.1"``."""
    schemas_pointer: str
    """JSON pointer of the named schemas: ``/components/schemas`` or ``/definitions``."""

    @property
    def swagger(self) -> bool:
        """The document is Swagger 2.0."""
        return self.version == "2.0"


OPENAPI_30 = Dialect("3.0", "/components/schemas")
"""OpenAPI 3.0.x."""
OPENAPI_31 = Dialect("3.1", "/components/schemas")
"""OpenAPI 3.1.x."""
SWAGGER_20 = Dialect("2.0", "/definitions")
"""Swagger (OpenAPI) 2.0."""


class Context:
    """The spec being read: the current document, problems and warnings, names and definitions.

    A spec may span several files (``$ref: other.yaml#/...``).  ``document``
    and ``display`` are those of the file being read right now; ``inside``
    switches to another file while one of its schemas is read, so every
    line and location refers to the right file.
    """

    def __init__(
        self,
        document: Document,
        display: str,
        collector: Collector,
        dialect: Dialect = OPENAPI_30,
        path: Path | None = None,
        naming: str = "speakeasy-2023",
        one_namespace: bool = False,
    ) -> None:
        self.document = document
        """The document being read."""
        self.display = display
        """File name of ``document`` as shown in locations."""
        self.path = path if path is not None else Path(display)
        """Path of ``document`` on disk (relative ``$ref`` files are found from it)."""
        self.main = document
        """The document named on the command line."""
        self.collector = collector
        """Where problems and warnings go."""
        self.dialect = dialect
        """Swagger 2.0 / OpenAPI 3.0 / 3.1 differences."""
        self.naming = naming
        """The naming convention asked for (``name_resolution.NAMINGS``)."""
        self.copy_single_all_of = False
        """An ``allOf`` of one ``$ref`` with keywords beside it is a copy of the referenced model
        named from its context (``AuditEvent.meta`` -> ``AuditEventMeta``), as Speakeasy's
        generators with ``allOfMergeStrategy`` make it, not the referenced model itself."""
        self.spread_union_all_of = False
        """An ``allOf`` with one union among object schemas is a union of merged models, one
        per variant (``spread.spread_union``, or per-variant copies, ``variant_copies``), as
        Speakeasy's generators make it."""
        self.single_value_constants = True
        """Under ``speakeasy-2025``: an inline enum of a single value is a constant
        (``LiteralType``), not an enum model (``name_resolution``)."""
        self.reach = False
        """Compute which named schemas an operation reaches (``OpenAPIRead.reached``); off by
        default, as only the ``--spec`` comparison uses it (a walk of the whole document)."""
        self.unused_schemas = True
        """Named schemas no operation reaches are read too; ``False`` leaves them out before
        they take a name (``reach``), as generators that make only what SDK methods reach do."""
        self.names = NameRegistry(
            owner_first=naming == OWNER_FIRST_NAMING, one_namespace=one_namespace
        )
        """Definition names taken so far."""
        self.definitions: list[Definition] = []
        """Definitions made so far, in the order they were made."""
        self.copies: dict[TypeName, TypeName] = {}
        """Copies of named schemas (``copy_single_all_of``) and the named schema each copies;
        under ``speakeasy-2025`` by their final names (``name_resolution``)."""
        self.request_roots: list[TypeNode] = []
        """Types of what requests send (bodies, parameters), for ``request_views``."""
        self.read_types: dict[str, Typed] = {}
        """Type of each schema of the main document read so far, by JSON pointer."""
        self.shared_bodies: dict[str, Typed] = {}
        """Type of each shared body (``shared_bodies``) read so far, by its schema's pointer."""
        self.operations: list[Operation] = []
        """The operations of the document as IR (made after the definitions)."""
        self.building = 0
        """How many object models and unions are being read right now (nested)."""
        self._reported: set[tuple[str, int | None, str | None, str]] = set()

    @contextmanager
    def inside(self, document: Document, display: str, path: Path) -> Iterator[None]:
        """Read in ``document`` (shown as ``display``, found at ``path``) for the block."""
        saved = self.document, self.display, self.path
        self.document, self.display, self.path = document, display, path
        try:
            yield
        finally:
            self.document, self.display, self.path = saved

    def location(self, line: int | None, pointer: str) -> Location:
        """A location in the current document."""
        return Location(self.display, line, pointer)

    def key_location(self, mapping: object, pointer: str, key: str) -> Location:
        """Location of ``key`` in ``mapping`` (whose pointer is ``pointer``)."""
        return Location(self.display, self.document.key_line(mapping, key), join(pointer, key))

    def problem(self, location: Location, message: str) -> None:
        """Record a problem, once even when a keyword is looked at twice."""
        if self._first_time(location, message):
            self.collector.add(location, message)

    def warning(self, location: Location, message: str) -> None:
        """Record a warning (something read but not fully represented), once."""
        if self._first_time(location, "warning: " + message):
            self.collector.warn(location, message)

    def key_problem(self, mapping: object, pointer: str, key: str, message: str) -> None:
        """Record a problem about ``key`` of ``mapping``."""
        self.problem(self.key_location(mapping, pointer, key), message)

    def key_warning(self, mapping: object, pointer: str, key: str, message: str) -> None:
        """Record a warning about ``key`` of ``mapping``."""
        self.warning(self.key_location(mapping, pointer, key), message)

    def _first_time(self, location: Location, message: str) -> bool:
        seen = (location.file, location.line, location.pointer, message)
        if seen in self._reported:
            return False
        self._reported.add(seen)
        return True
