"""Operations of the IR: what an API's endpoints take and return.

Read from OpenAPI ``paths`` (Swagger 2.0 too).  Markdown model docs carry
no operations: a schema read only from docs has ``Schema.operations`` set to
``None`` (unknown), which is not the same as ``()`` (a spec without paths).
Types are IR type nodes, so a parameter or a body refers to the same
definitions the models are made of.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.location import Location
from generator.ir.types import TypeName, TypeNode

PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
"""Where a parameter goes (OpenAPI ``in``)."""

DEFAULT_STYLES = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
"""The serialisation style of a parameter that names none, by location."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter of an operation (path item parameters included)."""

    name: str
    """Name as sent (the path template's ``{name}``, the query key, the header name)."""
    where: str
    """Where it is sent (OpenAPI ``in``): ``path``, ``query``, ``header`` or ``cookie``."""
    style: str
    """Serialisation style, defaults applied (``simple``, ``form``, ``label``, ``matrix``,
    ``spaceDelimited``, ``pipeDelimited``, ``deepObject``)."""
    explode: bool
    """Arrays and objects are sent as one parameter per item or entry (defaults applied)."""
    required: bool
    """The parameter must be sent (always true for a path parameter)."""
    type: TypeNode | None
    """Type of the value; ``None`` when the parameter's schema was not read (an inline object
    or enum under ``content`` of a media type the models were not made from)."""
    location: Location
    """Where the parameter is defined."""
    nullable: bool = False
    """``null`` is allowed."""
    description: str | None = None
    """Plain text description."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    allow_reserved: bool = False
    """Reserved characters (``:/?#[]@!$&'()*+,;=``) are sent without percent-encoding."""
    media_type: str | None = None
    """The media type of a parameter given by ``content`` (serialised as such, not by style)."""
    field: str | None = None
    """Wire name of the field of the operation's request model that holds this parameter."""


@dataclass(frozen=True, slots=True)
class MediaType:
    """One media type of a request or response body, with its schema."""

    media_type: str
    """The media type as written (``application/json``, ``multipart/form-data``, ``*/*``)."""
    type: TypeNode | None
    """Type of the body; ``None`` when the media type has no schema or it was not read."""
    nullable: bool = False
    """The body may be ``null``."""


@dataclass(frozen=True, slots=True)
class RequestBody:
    """What an operation takes as its body."""

    required: bool
    """A body must be sent."""
    content: tuple[MediaType, ...]
    """Media types in source order."""
    location: Location
    """Where the body is defined."""
    description: str | None = None
    """Plain text description."""
    field: str | None = None
    """Wire name of the field of the operation's request model that holds the body."""


@dataclass(frozen=True, slots=True)
class Header:
    """A header a response carries."""

    name: str
    """Header name as written."""
    type: TypeNode | None
    """Type of the value; ``None`` when its schema was not read."""
    required: bool = False
    """The header is always sent."""
    description: str | None = None
    """Plain text description."""
    deprecated: bool = False
    """Marked deprecated in the source."""


@dataclass(frozen=True, slots=True)
class Response:
    """One response of an operation."""

    status: str
    """Status code (``200``), range (``2XX``) or ``default``."""
    location: Location
    """Where the response is defined."""
    description: str | None = None
    """Plain text description."""
    headers: tuple[Header, ...] = ()
    """Response headers in source order."""
    content: tuple[MediaType, ...] = ()
    """Media types of the body in source order; empty when the response has no body."""


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """One scheme a security requirement asks for."""

    name: str
    """Key of the scheme (``components/securitySchemes``)."""
    scopes: tuple[str, ...] = ()
    """OAuth scopes (or roles) asked for."""


@dataclass(frozen=True, slots=True)
class SecurityRequirement:
    """One alternative of an operation's security: every scheme listed together."""

    schemes: tuple[SecurityScheme, ...]
    """The schemes, all needed; empty: no credentials needed (an optional alternative)."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation: an HTTP method on a path template."""

    method: str
    """HTTP method, lower case (``get``, ``post``, ...)."""
    path: str
    """Path template as written (``/links/{linkId}``)."""
    name: str
    """PascalCase name the operation's definitions are named after (``TrackLead``)."""
    location: Location
    """Where the operation is defined."""
    operation_id: str | None = None
    """The ``operationId``, when given."""
    summary: str | None = None
    """One-line summary."""
    description: str | None = None
    """Plain text description."""
    tags: tuple[str, ...] = ()
    """Tags in source order."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    parameters: tuple[Parameter, ...] = ()
    """Parameters: the path item's first, an operation's own replacing one of the same name and
    location."""
    request_body: RequestBody | None = None
    """The body; ``None`` when the operation takes none."""
    responses: tuple[Response, ...] = ()
    """Responses in source order."""
    security: tuple[SecurityRequirement, ...] | None = None
    """Security alternatives that apply (the operation's own, else the document's);
    ``None`` when neither says."""
    request: TypeName | None = None
    """The ``operations.<Name>Request`` model holding the parameters (and body), if one was made."""

    @property
    def key(self) -> str:
        """``METHOD /path``: what identifies the operation across versions."""
        return f"{self.method.upper()} {self.path}"
