"""The IR's operations as OpenAPI 3.1 ``paths``: parameters, bodies and responses.

Security requirements are not written: the IR keeps no security scheme
definitions, and a requirement naming an undeclared scheme is invalid.
"""

from __future__ import annotations

from typing import Any

from generator.export.jsonschema import Exporter, nullable
from generator.ir import (
    Header,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    Response,
    TypeNode,
)
from generator.ir.operations import DEFAULT_STYLES


def export_paths(operations: tuple[Operation, ...], exporter: Exporter) -> dict[str, Any]:
    """``paths`` of an OpenAPI 3.1 document: one path item per path template, in IR order."""
    paths: dict[str, Any] = {}
    for operation in operations:
        paths.setdefault(operation.path, {})[operation.method] = _operation(operation, exporter)
    return paths


def _schema(node: TypeNode | None, is_nullable: bool, exporter: Exporter) -> dict[str, Any]:
    if node is None:
        return {}
    return nullable(exporter.node(node), is_nullable)


def _operation(operation: Operation, exporter: Exporter) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if operation.operation_id is not None:
        result["operationId"] = operation.operation_id
    if operation.summary:
        result["summary"] = operation.summary
    if operation.description:
        result["description"] = operation.description
    if operation.tags:
        result["tags"] = list(operation.tags)
    if operation.deprecated:
        result["deprecated"] = True
    if operation.parameters:
        result["parameters"] = [_parameter(p, exporter) for p in operation.parameters]
    if operation.request_body is not None:
        result["requestBody"] = _request_body(operation.request_body, exporter)
    if operation.responses:
        result["responses"] = {r.status: _response(r, exporter) for r in operation.responses}
    return result


def _parameter(parameter: Parameter, exporter: Exporter) -> dict[str, Any]:
    result: dict[str, Any] = {"name": parameter.name, "in": parameter.where}
    if parameter.description:
        result["description"] = parameter.description
    if parameter.required:
        result["required"] = True
    if parameter.deprecated:
        result["deprecated"] = True
    schema = _schema(parameter.type, parameter.nullable, exporter)
    if parameter.media_type is not None:
        result["content"] = {parameter.media_type: {"schema": schema} if schema else {}}
        return result
    if parameter.style != DEFAULT_STYLES.get(parameter.where):
        result["style"] = parameter.style
    if parameter.explode != (parameter.style == "form"):
        result["explode"] = parameter.explode
    if parameter.allow_reserved:
        result["allowReserved"] = True
    result["schema"] = schema
    return result


def _content(content: tuple[MediaType, ...], exporter: Exporter) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for media in content:
        schema = _schema(media.type, media.nullable, exporter)
        found[media.media_type] = {"schema": schema} if media.type is not None else {}
    return found


def _request_body(body: RequestBody, exporter: Exporter) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if body.description:
        result["description"] = body.description
    result["content"] = _content(body.content, exporter)
    if body.required:
        result["required"] = True
    return result


def _response(response: Response, exporter: Exporter) -> dict[str, Any]:
    result: dict[str, Any] = {"description": response.description or ""}
    if response.headers:
        result["headers"] = {h.name: _header(h, exporter) for h in response.headers}
    if response.content:
        result["content"] = _content(response.content, exporter)
    return result


def _header(header: Header, exporter: Exporter) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if header.description:
        result["description"] = header.description
    if header.required:
        result["required"] = True
    if header.deprecated:
        result["deprecated"] = True
    result["schema"] = _schema(header.type, False, exporter)
    return result
