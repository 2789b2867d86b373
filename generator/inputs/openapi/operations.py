"""Operations under ``paths`` and their JSON request bodies.

An inline request body schema becomes ``operations.<OperationId>RequestBody``
(``trackLead`` -> ``TrackLeadRequestBody``); a ``$ref`` body makes nothing new.
Responses and parameters are not read yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join
from generator.inputs.openapi.names import Hint
from generator.inputs.openapi.schemas import SchemaReader
from generator.ir import TypeName
from generator.naming import pascal_case

NAMESPACE = "operations"
"""Namespace of the definitions made from operations."""

ARRAY_ITEM_BASE = "RequestBody"
"""Name (before collisions) of the items of an array request body, as Speakeasy calls them."""

HTTP_METHODS = frozenset(("get", "put", "post", "delete", "options", "head", "patch", "trace"))
"""Keys of a path item that are operations."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the document."""

    node: dict[str, object]
    """The operation object."""
    pointer: str
    """Its JSON pointer, e.g. ``/paths/~1track~1lead/post``."""
    name: str
    """PascalCase name: the ``operationId`` (else method and path), unique in the document."""


def list_operations(ctx: Context, root: dict[str, object]) -> list[Operation]:
    """Every operation, in document order, with unique names."""
    paths = kw.mapping(ctx, root, "", "paths") or {}
    found: list[Operation] = []
    used: set[str] = set()
    for path, item in paths.items():
        item_ptr = join("/paths", path)
        if not isinstance(item, dict):
            ctx.key_problem(
                paths, "/paths", path, f"path {path!r} is {kw.describe(item)}; expected a mapping"
            )
            continue
        for method, node in item.items():
            if method not in HTTP_METHODS:
                continue
            op_ptr = join(item_ptr, method)
            if not isinstance(node, dict):
                ctx.key_problem(
                    item,
                    item_ptr,
                    method,
                    f"{method} is {kw.describe(node)}; expected an operation mapping",
                )
                continue
            operation_id = kw.string(ctx, node, op_ptr, "operationId")
            name = pascal_case(operation_id or "") or pascal_case(f"{method} {path}") or "Operation"
            if name in used:
                if operation_id:
                    ctx.key_problem(
                        node,
                        op_ptr,
                        "operationId",
                        f"operationId {operation_id!r} is used by another operation; "
                        "expected unique operationIds",
                    )
                number = 2
                while f"{name}{number}" in used:
                    number += 1
                name = f"{name}{number}"
            used.add(name)
            found.append(Operation(node, op_ptr, name))
    return found


def read_request_bodies(reader: SchemaReader, operations: list[Operation]) -> None:
    """Read the JSON request body of each operation."""
    for operation in operations:
        if "requestBody" in operation.node:
            reader.ctx.names.reserve(_body_name(operation))
    for operation in operations:
        if "requestBody" in operation.node:
            _read_request_body(reader, operation)


def _body_name(operation: Operation) -> TypeName:
    """``operations.<Name>RequestBody``."""
    return TypeName(NAMESPACE, f"{operation.name}RequestBody")


def _read_request_body(reader: SchemaReader, operation: Operation) -> None:
    """Read the schema of the JSON content of one request body."""
    ctx = reader.ctx
    body: object = operation.node["requestBody"]
    body_ptr = join(operation.pointer, "requestBody")
    if isinstance(body, dict) and isinstance(body.get("$ref"), str):
        ref = str(body["$ref"])
        found = ctx.document.resolve_pointer(unquote(ref[1:])) if ref.startswith("#") else None
        if found is None:
            ctx.key_problem(
                body,
                body_ptr,
                "$ref",
                f"$ref {ref!r} does not resolve; expected a request body in this file",
            )
            return
        body, body_ptr = found[0], unquote(ref[1:])
    if not isinstance(body, dict):
        ctx.problem(
            ctx.location(ctx.document.key_line(operation.node, "requestBody"), body_ptr),
            f"requestBody is {kw.describe(body)}; expected a mapping",
        )
        return
    content = kw.mapping(ctx, body, body_ptr, "content")
    if content is None:
        return
    media_type = json_media_type(content)
    if media_type is None:
        return
    media = content[media_type]
    media_ptr = join(body_ptr, "content", media_type)
    if not isinstance(media, dict):
        ctx.key_problem(
            content,
            join(body_ptr, "content"),
            media_type,
            f"{media_type} is {kw.describe(media)}; expected a mapping",
        )
        return
    if "schema" not in media:
        return
    schema = media["schema"]
    name = _body_name(operation)
    hint = Hint(NAMESPACE, operation.name, name.name, exact=name)
    if isinstance(schema, dict) and (schema.get("type") == "array" or "items" in schema):
        hint = Hint(NAMESPACE, operation.name, ARRAY_ITEM_BASE)
    reader.read(schema, join(media_ptr, "schema"), ctx.document.key_line(media, "schema"), hint)


def json_media_type(content: dict[str, object]) -> str | None:
    """The JSON media type of a content mapping (``application/json`` first), if any."""
    if "application/json" in content:
        return "application/json"
    for media_type in content:
        essence = media_type.split(";", 1)[0].strip().lower()
        if essence in ("application/json", "text/json") or essence.endswith("+json"):
            return media_type
    return None
