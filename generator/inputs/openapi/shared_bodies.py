"""Bodies defined once, in ``components/requestBodies`` and ``components/responses``.

Under ``speakeasy-2025`` an inline schema of a shared request body or of a shared success
response is a model of ``components`` named after the entry's key (``EmployeeCreate``,
``order_track`` -> ``OrderTrack``), made once for every operation using it, not
``<Operation>RequestBody`` / ``<Operation>ResponseBody`` per operation.  A key that names
both a request body and a response making a model each, or a named schema already, gets the kind after it
(``OrderTrackRequestBody`` beside ``OrderTrackResponse``), as Speakeasy tells the two apart.
Error responses are named after their key in ``errors`` under every naming (``responses``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.inputs.openapi.components import NAMESPACE as COMPONENTS
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import unescape
from generator.inputs.openapi.media import body_media_type
from generator.inputs.openapi.names import Hint, type_name_part
from generator.inputs.openapi.namings import SPEAKEASY_2025
from generator.inputs.openapi.shapes import makes_definition
from generator.ir import TypeName

if TYPE_CHECKING:
    from generator.inputs.openapi.schemas import SchemaReader
    from generator.inputs.openapi.typed import Typed

REQUEST_BODIES = "requestBodies"
"""The ``components`` section of shared request bodies."""

RESPONSES = "responses"
"""The ``components`` section of shared responses."""

SUFFIXES = {REQUEST_BODIES: "RequestBody", RESPONSES: "Response"}
"""What a shared body's name gets after it when its key's name is taken or asked twice."""

_SHARED = re.compile(r"/components/(requestBodies|responses)/([^/]+)")


def shared_key(ctx: Context, pointer: str, section: str) -> str | None:
    """The key of the ``section`` entry at ``pointer`` when the naming names shared bodies after
    their key (``speakeasy-2025``, OpenAPI 3); else ``None``."""
    if ctx.naming != SPEAKEASY_2025 or ctx.dialect.swagger:
        return None
    match = _SHARED.fullmatch(pointer)
    if match is None or match.group(1) != section:
        return None
    return unescape(match.group(2))


def shared_body_hint(
    reader: SchemaReader, section: str, key: str, description: str | None
) -> Hint:
    """The hint (exact name reserved) of the inline schema of the shared body ``key`` of
    ``section``: named by ``shared_body_name``; what is nested in it is owned by the key's
    name, suffix or not (``AuditEventSearchFilter`` in ``AuditEventSearchRequestBody``)."""
    ctx = reader.ctx
    name = shared_body_name(reader, section, key)
    ctx.names.reserve(name)
    root = type_name_part(key) or name.name
    return Hint(
        COMPONENTS, root, name.name, exact=name, exact_first=False, description=description
    )


def read_shared_body(
    reader: SchemaReader,
    section: str,
    key: str,
    located: tuple[object, str, int | None],
    description: str | None,
) -> Typed:
    """The inline schema (``located``: schema, pointer, line) of the shared body ``key`` of
    ``section``: read once, one model for every operation using it (``shared_body_hint``)."""
    ctx = reader.ctx
    schema, ptr, line = located
    typed = ctx.shared_bodies.get(ptr)
    if typed is None:
        hint = shared_body_hint(reader, section, key, description)
        assert hint.exact is not None
        typed = reader.read(schema, ptr, line, hint)
        typed = reader.body_alias(typed, hint.exact, ctx.location(line, ptr))
        ctx.shared_bodies[ptr] = typed
    return typed


def shared_body_name(reader: SchemaReader, section: str, key: str) -> TypeName:
    """The name of the model an inline schema of the shared body ``key`` of ``section`` makes:
    the key in PascalCase, with the section's suffix when the key is also one of the other
    section or that name is taken, then numbered (see the module docstring)."""
    base = type_name_part(key)
    if not base or base[0].isdigit():
        base = SUFFIXES[section] + base
    other = RESPONSES if section == REQUEST_BODIES else REQUEST_BODIES
    ctx = reader.ctx
    name = TypeName(COMPONENTS, base)
    if _in_section(reader, other, key) or ctx.names.is_taken(name):
        name = TypeName(COMPONENTS, base + SUFFIXES[section])
    if ctx.names.is_taken(name):
        name = ctx.names.unique(COMPONENTS, name.name)
    return name


def _in_section(reader: SchemaReader, section: str, key: str) -> bool:
    """``key`` is an entry of ``section`` whose body makes a model of its own."""
    root = reader.ctx.main.root
    components = root.get("components") if isinstance(root, dict) else None
    entries = components.get(section) if isinstance(components, dict) else None
    entry = entries.get(key) if isinstance(entries, dict) else None
    content = entry.get("content") if isinstance(entry, dict) else None
    if not isinstance(content, dict):
        return False
    media_type = body_media_type(content)
    media = content.get(media_type) if media_type else None
    if not isinstance(media, dict):
        return False
    return makes_model(reader, media.get("schema"), "")


def makes_model(reader: SchemaReader, schema: object, ptr: str) -> bool:
    """``schema`` is written in place (no ``$ref``), is no array and makes a definition (an
    object without properties does under ``speakeasy-2025``)."""
    return (
        isinstance(schema, dict)
        and "$ref" not in schema
        and schema.get("type") != "array"
        and "items" not in schema
        and (schema.get("type") == "object" or makes_definition(schema, ptr, reader.raw_target))
    )
