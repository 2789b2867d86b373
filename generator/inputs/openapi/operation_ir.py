"""The operations of a document as IR ``Operation`` values (read after the definitions).

Types come from the schemas the definitions were read from (``Context.read_types``),
so an operation refers to the same definitions the models are.  A schema no
model was made from (a second media type, a response header) is read here
when that makes no definition (a string, an array of references); an inline
object or enum met only there is left ``None``, never named behind the
models' back.

Swagger 2.0: ``collectionFormat`` is turned into OpenAPI 3 style and explode
(``csv`` -> form, not exploded; ``multi`` -> form, exploded; ``ssv`` ->
``spaceDelimited``; ``pipes`` -> ``pipeDelimited``); ``consumes`` and
``produces`` name the media types of bodies.
"""

from __future__ import annotations

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi import metadata
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join
from generator.inputs.openapi.media import FORM_TYPES
from generator.inputs.openapi.names import Hint
from generator.inputs.openapi.operations import NAMESPACE, Operation
from generator.inputs.openapi.requests import RequestParts, body_field_name, field_names
from generator.inputs.openapi.schemas import SchemaReader
from generator.inputs.openapi.typed import Typed
from generator.ir import (
    Header,
    MediaType,
    Parameter,
    RequestBody,
    Response,
    SecurityRequirement,
    SecurityScheme,
    TypeName,
)
from generator.ir import Operation as IROperation
from generator.ir.operations import DEFAULT_STYLES

_COLLECTION_FORMATS = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "tsv": ("tabDelimited", False),
}
_MAKES_DEFINITION = frozenset(
    ("properties", "enum", "oneOf", "anyOf", "allOf", "additionalProperties", "patternProperties")
)
_JSON = "application/json"


def read_operation_ir(
    reader: SchemaReader,
    root: dict[str, object],
    parts: RequestParts,
    request: TypeName | None,
) -> IROperation:
    """The IR of ``parts.operation`` (its request model, if one was made, is ``request``)."""
    ctx = reader.ctx
    operation = parts.operation
    node, ptr = operation.node, operation.pointer
    plain = [param for param in parts.params if param.where not in ("body", "formData")]
    fields = field_names([(param.name, param.where) for param in plain])
    parameters = tuple(
        _parameter(reader, param.node, param.pointer, param.line, param.name, param.where, field)
        for param, field in zip(plain, fields, strict=True)
    )
    body_field = (
        body_field_name(parts.body.field_name, fields)
        if parts.body is not None and request is not None
        else None
    )
    return IROperation(
        method=operation.method,
        path=operation.path,
        name=operation.name,
        location=ctx.location(ctx.document.line(node), ptr),
        operation_id=kw.string(ctx, node, ptr, "operationId"),
        summary=_text(ctx, node, ptr, "summary"),
        description=metadata.description(ctx, node, ptr),
        tags=tuple(kw.string_list(ctx, node, ptr, "tags")),
        deprecated=metadata.flag(ctx, node, ptr, "deprecated"),
        parameters=parameters,
        request_body=_request_body(reader, root, parts, body_field),
        responses=_responses(reader, root, operation),
        security=_security(ctx, root, operation),
        request=request,
    )


def _text(ctx: Context, node: dict[str, object], ptr: str, key: str) -> str | None:
    text = kw.string(ctx, node, ptr, key)
    return text.rstrip() or None if text is not None else None


def _type(
    reader: SchemaReader, schema: object, ptr: str, line: int | None, owner: str
) -> Typed | None:
    """The type of the schema at ``ptr``: as read for the models, else read if that names nothing."""
    known = reader.ctx.read_types.get(ptr)
    if known is not None:
        return known
    if not _names_nothing(schema):
        return None
    return reader.read(schema, ptr, line, Hint(NAMESPACE, owner, owner))


def _names_nothing(schema: object) -> bool:
    """Reading ``schema`` makes no new definition (a ``$ref``, a primitive, arrays of those)."""
    if isinstance(schema, bool):
        return True
    if not isinstance(schema, dict):
        return False
    if "$ref" in schema:
        return True
    if _MAKES_DEFINITION.intersection(schema) or schema.get("type") == "object":
        return False
    items = schema.get("items")
    return items is None or _names_nothing(items)


def _parameter(
    reader: SchemaReader,
    node: dict[str, object],
    ptr: str,
    line: int | None,
    name: str,
    where: str,
    field: str,
) -> Parameter:
    ctx = reader.ctx
    media_type: str | None = None
    typed: Typed | None = None
    if "schema" in node:
        schema_line = ctx.document.key_line(node, "schema")
        typed = _type(reader, node["schema"], join(ptr, "schema"), schema_line, name)
    elif isinstance(node.get("content"), dict):
        content = node["content"]
        assert isinstance(content, dict)
        for media_type, media in content.items():
            if isinstance(media, dict) and "schema" in media:
                media_ptr = join(ptr, "content", media_type, "schema")
                media_line = ctx.document.key_line(media, "schema")
                typed = _type(reader, media["schema"], media_ptr, media_line, name)
            break
    elif ctx.dialect.swagger:
        typed = _type(reader, node, ptr, line, name)
    style, explode = _style(ctx, node, ptr, where)
    required = where == "path" or metadata.flag(ctx, node, ptr, "required")
    return Parameter(
        name=name,
        where=where,
        style=style,
        explode=explode,
        required=required,
        type=typed.type if typed is not None else None,
        location=ctx.location(line, ptr),
        nullable=typed.nullable if typed is not None else False,
        description=metadata.description(ctx, node, ptr),
        deprecated=metadata.flag(ctx, node, ptr, "deprecated"),
        allow_reserved=metadata.flag(ctx, node, ptr, "allowReserved"),
        media_type=media_type,
        field=field,
    )


def _style(ctx: Context, node: dict[str, object], ptr: str, where: str) -> tuple[str, bool]:
    """Style and explode with OpenAPI's defaults (Swagger: from ``collectionFormat``)."""
    if ctx.dialect.swagger:
        given = kw.string(ctx, node, ptr, "collectionFormat") or "csv"
        style, explode = _COLLECTION_FORMATS.get(given, ("form", False))
        if where in ("path", "header"):
            style = "simple"
        return style, explode
    style = kw.string(ctx, node, ptr, "style") or DEFAULT_STYLES.get(where, "form")
    if "explode" in node:
        return style, kw.boolean(ctx, node, ptr, "explode")
    return style, style == "form"


def _swagger_media_types(
    ctx: Context, root: dict[str, object], node: dict[str, object], key: str
) -> list[str]:
    """``consumes``/``produces`` of the operation, else of the document, else JSON."""
    for holder in (node, root):
        if key in holder:
            listed = [item for item in (holder[key] or []) if isinstance(item, str)]  # type: ignore[attr-defined]
            if listed:
                return listed
    return [_JSON]


def _request_body(
    reader: SchemaReader, root: dict[str, object], parts: RequestParts, field: str | None
) -> RequestBody | None:
    ctx = reader.ctx
    operation = parts.operation
    if ctx.dialect.swagger:
        body = parts.body
        if body is None:
            return None
        form = [param for param in parts.params if param.where == "formData"]
        if form:
            has_file = any(param.node.get("type") == "file" for param in form)
            consumes = _swagger_media_types(ctx, root, operation.node, "consumes")
            media_types = [m for m in consumes if m.split(";")[0].strip() in FORM_TYPES] or [
                FORM_TYPES[1] if has_file else FORM_TYPES[0]
            ]
            first = form[0]
            location = ctx.location(first.line, first.pointer)
        else:
            media_types = _swagger_media_types(ctx, root, operation.node, "consumes")
            param = next(param for param in parts.params if param.where == "body")
            location = ctx.location(param.line, param.pointer)
        content = tuple(
            MediaType(media_type, body.typed.type, body.typed.nullable)
            for media_type in media_types
        )
        return RequestBody(body.required, content, location, field=field)
    if "requestBody" not in operation.node:
        return None
    raw: object = operation.node["requestBody"]
    ptr = join(operation.pointer, "requestBody")
    line = ctx.document.key_line(operation.node, "requestBody")
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
        target = reader.references.resolve(str(raw["$ref"]), raw, ptr)
        if target is None or target.document is not ctx.main:
            return None
        raw, ptr, line = target.value, target.pointer, target.line
    if not isinstance(raw, dict):
        return None
    return RequestBody(
        required=metadata.flag(ctx, raw, ptr, "required"),
        content=_content(reader, raw, ptr, operation.name),
        location=ctx.location(line, ptr),
        description=metadata.description(ctx, raw, ptr),
        field=field,
    )


def _content(
    reader: SchemaReader, owner: dict[str, object], ptr: str, name: str
) -> tuple[MediaType, ...]:
    """The media types of an OpenAPI 3 ``content`` mapping, each with its type."""
    ctx = reader.ctx
    content = owner.get("content")
    if not isinstance(content, dict):
        return ()
    found: list[MediaType] = []
    read: list[tuple[object, Typed]] = []
    for media_type, media in content.items():
        typed: Typed | None = None
        if isinstance(media, dict) and "schema" in media:
            schema_ptr = join(ptr, "content", str(media_type), "schema")
            line = ctx.document.key_line(media, "schema")
            typed = _type(reader, media["schema"], schema_ptr, line, name)
            if typed is None:  # the same schema as a media type read before
                typed = next((t for raw, t in read if raw == media["schema"]), None)
            else:
                read.append((media["schema"], typed))
        found.append(
            MediaType(
                str(media_type),
                typed.type if typed is not None else None,
                typed.nullable if typed is not None else False,
            )
        )
    return tuple(found)


def _responses(
    reader: SchemaReader, root: dict[str, object], operation: Operation
) -> tuple[Response, ...]:
    ctx = reader.ctx
    responses = operation.node.get("responses")
    if not isinstance(responses, dict):
        return ()
    list_ptr = join(operation.pointer, "responses")
    found: list[Response] = []
    for code, raw in responses.items():
        code = str(code)
        if code.startswith("x-"):
            continue
        ptr = join(list_ptr, code)
        line = ctx.document.key_line(responses, code)
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            target = reader.references.resolve(str(raw["$ref"]), raw, ptr, quiet=True)
            if target is None or target.document is not ctx.main:
                continue
            raw, ptr = target.value, target.pointer
        if not isinstance(raw, dict):
            continue
        if ctx.dialect.swagger:
            content: tuple[MediaType, ...] = ()
            if "schema" in raw:
                schema_line = ctx.document.key_line(raw, "schema")
                typed = _type(
                    reader, raw["schema"], join(ptr, "schema"), schema_line, operation.name
                )
                content = tuple(
                    MediaType(
                        media_type,
                        typed.type if typed is not None else None,
                        typed.nullable if typed is not None else False,
                    )
                    for media_type in _swagger_media_types(ctx, root, operation.node, "produces")
                )
        else:
            content = _content(reader, raw, ptr, operation.name)
        found.append(
            Response(
                status=code,
                location=ctx.location(line, join(list_ptr, code)),
                description=metadata.description(ctx, raw, ptr),
                headers=_headers(reader, raw, ptr, operation.name),
                content=content,
            )
        )
    return tuple(found)


def _headers(
    reader: SchemaReader, response: dict[str, object], ptr: str, name: str
) -> tuple[Header, ...]:
    ctx = reader.ctx
    headers = response.get("headers")
    if not isinstance(headers, dict):
        return ()
    found: list[Header] = []
    for header_name, raw in headers.items():
        header_ptr = join(ptr, "headers", str(header_name))
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            target = reader.references.resolve(str(raw["$ref"]), raw, header_ptr, quiet=True)
            if target is None or target.document is not ctx.main:
                continue
            raw, header_ptr = target.value, target.pointer
        if not isinstance(raw, dict):
            continue
        typed: Typed | None = None
        if "schema" in raw:
            line = ctx.document.key_line(raw, "schema")
            typed = _type(reader, raw["schema"], join(header_ptr, "schema"), line, name)
        elif ctx.dialect.swagger:
            typed = _type(reader, raw, header_ptr, ctx.document.line(raw), name)
        found.append(
            Header(
                name=str(header_name),
                type=typed.type if typed is not None else None,
                required=metadata.flag(ctx, raw, header_ptr, "required"),
                description=metadata.description(ctx, raw, header_ptr),
                deprecated=metadata.flag(ctx, raw, header_ptr, "deprecated"),
            )
        )
    return tuple(found)


def _security(
    ctx: Context, root: dict[str, object], operation: Operation
) -> tuple[SecurityRequirement, ...] | None:
    """The operation's own security, else the document's; ``None`` when neither has one."""
    listed = operation.node.get("security", root.get("security"))
    if not isinstance(listed, list):
        return None
    found: list[SecurityRequirement] = []
    for item in listed:
        if not isinstance(item, dict):
            continue
        schemes = tuple(
            SecurityScheme(
                str(key),
                tuple(str(scope) for scope in scopes) if isinstance(scopes, list) else (),
            )
            for key, scopes in item.items()
        )
        found.append(SecurityRequirement(schemes))
    return tuple(found)
