"""What an operation returns: success bodies in ``operations``, error bodies in ``errors``.

- The first success response (``2xx``) with a JSON body: an inline schema
  becomes ``operations.<Operation>ResponseBody`` (a ``title`` or
  ``x-speakeasy-name-override`` names it instead; the items of an array body
  are called ``ResponseBody``); later success bodies get
  ``<Operation><Status>ResponseBody``.  The response's description describes
  the definition when the schema has none.
- With ``x-speakeasy-pagination``, the operation also gets
  ``operations.<Operation>Response`` holding the page (``result``), as
  Speakeasy's SDKs do.
- Error responses (``4xx``, ``5xx``, ``default``): their inline schemas are
  named in the ``errors`` namespace (by title or name override, else
  ``<Operation>ResponseBody``, or after the key of a shared
  ``components/responses`` entry); a named schema used directly as an error
  body is itself moved to ``errors`` (see ``error_schema_keys``).  A shared
  response is read once.
- Under ``speakeasy-2025`` the inline schema of a shared success response
  (``components/responses``) is ``components.<Key>``, made once (``shared_bodies``).
"""

from __future__ import annotations

import re

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.components import ERRORS_NAMESPACE
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join, unescape
from generator.inputs.openapi.media import body_media_type, content_schema
from generator.inputs.openapi.names import Hint, type_name_part
from generator.inputs.openapi.operations import NAMESPACE, Operation
from generator.inputs.openapi.references import Target
from generator.inputs.openapi.schemas import SchemaReader
from generator.inputs.openapi.shared_bodies import (
    RESPONSES,
    makes_model,
    read_shared_body,
    shared_key,
)
from generator.inputs.openapi.typed import Typed
from generator.ir import Field, ObjectModel, TypeName

ARRAY_ITEM_BASE = "ResponseBody"
"""Name (before collisions) of the items of an array response body."""

PAGINATION = "x-speakeasy-pagination"
"""Operations with this extension get a ``<Operation>Response`` page model."""

_SUCCESS = re.compile(r"2(\d\d|XX)")
_ERROR = re.compile(r"[45](\d\d|XX)|default")


def response_body_name(operation: Operation) -> TypeName:
    """``operations.<Name>ResponseBody``."""
    return TypeName(NAMESPACE, f"{operation.name}ResponseBody")


def page_name(operation: Operation) -> TypeName:
    """``operations.<Name>Response``."""
    return TypeName(NAMESPACE, f"{operation.name}Response")


def error_schema_keys(ctx: Context, operations: list[Operation], schemas_pointer: str) -> set[str]:
    """Keys of named schemas used directly (``$ref``) as the body of an error response."""
    prefix = "#" + schemas_pointer + "/"
    keys: set[str] = set()
    for operation in operations:
        responses = operation.node.get("responses")
        if not isinstance(responses, dict):
            continue
        for code, response in responses.items():
            if not _ERROR.fullmatch(str(code)):
                continue
            response = _local(ctx, response)
            schema = _schema_of(ctx, response) if isinstance(response, dict) else None
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            if isinstance(ref, str) and ref.startswith(prefix) and "/" not in ref[len(prefix) :]:
                keys.add(unescape(ref[len(prefix) :]))
    return keys


def _local(ctx: Context, node: object) -> object:
    """``node``, or what its local ``$ref`` points at (for the look ahead only)."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = str(node["$ref"])
        if ref.startswith("#"):
            found = ctx.main.resolve_pointer(ref[1:])
            return found[0] if found is not None else None
    return node


def _schema_of(ctx: Context, response: dict[str, object]) -> object:
    """The JSON body schema of a response object (OpenAPI 3 ``content``, Swagger ``schema``)."""
    if ctx.dialect.swagger:
        return response.get("schema")
    content = response.get("content")
    if not isinstance(content, dict):
        return None
    media_type = body_media_type(content)
    media = content.get(media_type) if media_type else None
    return media.get("schema") if isinstance(media, dict) else None


def _media_type_of(ctx: Context, response: dict[str, object]) -> str | None:
    """The media type whose schema is the body (OpenAPI 3); ``None`` for Swagger or none."""
    content = response.get("content")
    if ctx.dialect.swagger or not isinstance(content, dict):
        return None
    return body_media_type(content)


def media_type_words(media_type: str) -> str:
    """A media type as a name part: ``application/tar+gzip`` -> ``ApplicationTarPlusGzip``."""
    return type_name_part(media_type.replace("+", " plus "))


def read_responses(reader: SchemaReader, operation: Operation) -> None:
    """Read the success and error bodies of ``operation``."""
    ctx = reader.ctx
    responses = kw.mapping(ctx, operation.node, operation.pointer, "responses")
    if not responses:
        return
    list_ptr = join(operation.pointer, "responses")
    first_success: Typed | None = None
    for code, response in responses.items():
        code = str(code)
        success = _SUCCESS.fullmatch(code) is not None
        if not success and not _ERROR.fullmatch(code):
            continue
        ptr = join(list_ptr, code)
        line = ctx.document.key_line(responses, code)
        shared: str | None = None
        if isinstance(response, dict) and isinstance(response.get("$ref"), str):
            target = reader.references.resolve(str(response["$ref"]), response, ptr)
            if target is None:
                continue
            if target.document is not ctx.main:
                ctx.warning(
                    ctx.location(line, ptr),
                    "a response in another file is not read; expected it in this file",
                )
                continue
            response, ptr, line = target.value, target.pointer, target.line
            shared = unescape(ptr.rsplit("/", 1)[-1])
        if not isinstance(response, dict):
            ctx.problem(
                ctx.location(line, ptr), f"response is {kw.describe(response)}; expected a mapping"
            )
            continue
        located = _body_schema(ctx, response, ptr)
        if located is None:
            continue
        schema, body_ptr, body_line = located
        keyed = shared_key(ctx, ptr, RESPONSES) if success else None
        if keyed is not None and makes_model(reader, schema, body_ptr):
            typed = _shared_success(reader, keyed, located, _description(ctx, response, ptr))
            if first_success is None:
                first_success = typed
            continue
        if success:
            hint = _success_hint(ctx, operation, code, response, ptr, first_success is None)
        else:
            hint = _error_hint(ctx, operation, response, ptr, shared)
        typed = _read_located(reader, located, hint, shared is not None)
        if shared is None and not (isinstance(schema, dict) and "$ref" in schema):
            name = hint.exact or response_body_name(operation)
            typed = reader.body_alias(typed, name, ctx.location(body_line, body_ptr))
        if success and first_success is None:
            first_success = typed
    if first_success is not None and PAGINATION in operation.node:
        _page_model(reader, operation, first_success)


def _shared_success(
    reader: SchemaReader,
    key: str,
    located: tuple[object, str, int | None],
    description: str | None,
) -> Typed:
    """The inline schema of the shared success response ``key``: one model for every operation
    returning it, named after the key (``shared_bodies``)."""
    return read_shared_body(reader, RESPONSES, key, located, description)


def _body_schema(
    ctx: Context, response: dict[str, object], ptr: str
) -> tuple[object, str, int | None] | None:
    """(schema, pointer, line) of the JSON body of a response, if it has one."""
    if ctx.dialect.swagger:
        if "schema" not in response:
            return None
        return response["schema"], join(ptr, "schema"), ctx.document.key_line(response, "schema")
    return content_schema(ctx, response, ptr, body_media_type)


def _description(ctx: Context, response: dict[str, object], ptr: str) -> str | None:
    text = kw.string(ctx, response, ptr, "description")
    return text.rstrip() or None if text is not None else None


def _success_hint(
    ctx: Context,
    operation: Operation,
    code: str,
    response: dict[str, object],
    ptr: str,
    first: bool,
) -> Hint:
    description = _description(ctx, response, ptr)
    schema = _schema_of(ctx, response)
    if isinstance(schema, dict) and (schema.get("type") == "array" or "items" in schema):
        return Hint(NAMESPACE, operation.name, ARRAY_ITEM_BASE)
    name = response_body_name(operation)
    media_type = _media_type_of(ctx, response)
    if ctx.names.owner_first and media_type is not None:
        # before nameResolutionDec2023: <Operation><status><media type>, e.g. Get200ApplicationJSON
        wanted = f"{operation.name}{type_name_part(code)}{media_type_words(media_type)}"
        name = ctx.names.unique(NAMESPACE, wanted)
        ctx.names.reserve(name)
    elif not first:
        name = ctx.names.unique(NAMESPACE, f"{operation.name}{type_name_part(code)}ResponseBody")
        ctx.names.reserve(name)
    return Hint(
        NAMESPACE,
        operation.name,
        name.name,
        exact=name,
        exact_first=False,
        description=description,
    )


def _error_hint(
    ctx: Context,
    operation: Operation,
    response: dict[str, object],
    ptr: str,
    shared: str | None,
) -> Hint:
    description = _description(ctx, response, ptr)
    if shared is not None:
        base = type_name_part(shared)
        if not base or base[0].isdigit():
            base = "Error" + base
        return Hint(ERRORS_NAMESPACE, base, base, description=description)
    name = ctx.names.unique(ERRORS_NAMESPACE, f"{operation.name}ResponseBody")
    ctx.names.reserve(name)
    return Hint(
        ERRORS_NAMESPACE,
        operation.name,
        name.name,
        exact=name,
        exact_first=False,
        description=description,
    )


def _read_located(
    reader: SchemaReader, located: tuple[object, str, int | None], hint: Hint, shared: bool
) -> Typed:
    """Read a body schema; a shared response's schema is read once (as a reference target)."""
    schema, ptr, line = located
    if not shared:
        return reader.read(schema, ptr, line, hint)
    ctx = reader.ctx
    target = Target(ctx.main, ctx.display, ctx.path, ptr, schema, line)
    return reader.target_type(target, hint)


def _page_model(reader: SchemaReader, operation: Operation, page: Typed) -> None:
    """``<Operation>Response`` with the page as its ``result`` field."""
    ctx = reader.ctx
    name = page_name(operation)
    if ctx.names.is_taken(name):
        ctx.warning(
            ctx.key_location(operation.node, operation.pointer, PAGINATION),
            f"the page model {name.name} is not made: the name is taken",
        )
        return
    ctx.names.reserve(name)
    location = ctx.key_location(operation.node, operation.pointer, PAGINATION)
    field = Field("result", page.type, True, page.nullable, location)
    ctx.definitions.append(ObjectModel(name, (field,), location))
