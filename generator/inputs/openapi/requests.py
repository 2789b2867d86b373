"""What an operation takes: its request body and its parameters.

- An inline request body schema becomes ``operations.<Operation>RequestBody``
  (``trackLead`` -> ``TrackLeadRequestBody``), unless it has a ``title`` or
  ``x-speakeasy-name-override``, which names it; the items of an array body
  are called ``RequestBody``.  A ``$ref`` body makes nothing new.  Under
  ``speakeasy-2025`` the inline schema of a shared body (``components/requestBodies``)
  is ``components.<Key>``, made once (``shared_bodies``).  JSON is
  preferred, then form-encoded, then multipart, then any other media type.
- Request bodies are read first (every operation's), then parameters, as
  Speakeasy names them (``Status`` goes to a body before a query parameter).
- An operation with parameters gets ``operations.<Operation>Request``: one
  field per parameter (path item parameters first, an operation's own
  parameter replacing one of the same name and location), then a field for
  the body, named ``requestBody``, or after the referenced schema
  (``updateAgentRequest``) when the body is a ``$ref`` (with ``RequestBody``
  appended when a parameter has that name).  Inline enums and
  objects of a parameter are named after it, with ``QueryParam``,
  ``PathParam``, ``Header`` or ``Cookie`` put in front on a collision; a
  parameter defined once (``components/parameters``) and used by several
  operations makes one definition, named where it is first used.
- Swagger 2.0: the ``in: body`` parameter is the body; ``in: formData``
  parameters are the fields of a form body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi import metadata
from generator.inputs.openapi.components import NAMESPACE as COMPONENTS
from generator.inputs.openapi.document import join, unescape
from generator.inputs.openapi.media import body_media_type, content_schema
from generator.inputs.openapi.models import make_field
from generator.inputs.openapi.names import Hint, type_name_part
from generator.inputs.openapi.operations import (
    NAMESPACE,
    Operation,
    operation_parameters,
)
from generator.inputs.openapi.schemas import SchemaReader
from generator.inputs.openapi.shared_bodies import (
    REQUEST_BODIES,
    makes_model,
    read_shared_body,
    shared_key,
)
from generator.inputs.openapi.typed import ANY, Typed
from generator.ir import Field, ObjectModel, RefType, TypeName
from generator.naming import camel_case

ARRAY_ITEM_BASE = "RequestBody"
"""Name (before collisions) of the items of an array request body, as Speakeasy calls them."""

_PREFIXES = {"query": "QueryParam", "path": "PathParam", "header": "Header", "cookie": "Cookie"}
_LOCATIONS = frozenset(("query", "path", "header", "cookie", "body", "formData"))


@dataclass(frozen=True, slots=True)
class _Param:
    """A parameter after ``$ref`` is followed."""

    node: dict[str, object]
    pointer: str
    line: int | None
    name: str
    where: str


@dataclass(frozen=True, slots=True)
class _Body:
    """The request body of an operation as read."""

    typed: Typed
    required: bool
    field_name: str


def request_name(operation: Operation) -> TypeName:
    """``operations.<Name>Request``."""
    return TypeName(NAMESPACE, f"{operation.name}Request")


def body_name(operation: Operation) -> TypeName:
    """``operations.<Name>RequestBody``."""
    return TypeName(NAMESPACE, f"{operation.name}RequestBody")


@dataclass(frozen=True, slots=True)
class RequestParts:
    """An operation's parameters and its body as read, between the two reading passes."""

    operation: Operation
    params: list[_Param]
    body: _Body | None


def read_body(reader: SchemaReader, operation: Operation) -> RequestParts:
    """First pass: read the request body of ``operation`` (its parameters are only listed)."""
    params = _resolve_parameters(reader, operation)
    body = _read_body(reader, operation, params)
    if body is not None:
        reader.ctx.request_roots.append(body.typed.type)
    return RequestParts(operation, params, body)


def read_parameters(reader: SchemaReader, parts: RequestParts) -> TypeName | None:
    """Second pass: read the parameters; with any, make ``<Operation>Request`` (its name)."""
    ctx = reader.ctx
    operation, body = parts.operation, parts.body
    plain = [param for param in parts.params if _is_plain(param)]
    names = field_names([(param.name, param.where) for param in plain])
    fields = [
        _parameter_field(reader, operation, param, name)
        for param, name in zip(plain, names, strict=True)
    ]
    ctx.request_roots.extend(field.type for field in fields)
    if not fields:
        return None
    if body is not None:
        location = ctx.location(
            ctx.document.key_line(operation.node, "requestBody"),
            join(operation.pointer, "requestBody"),
        )
        typed = body.typed
        field = body_field_name(body.field_name, names)
        fields.append(Field(field, typed.type, body.required, typed.nullable, location))
    name = ctx.names.unique(NAMESPACE, request_name(operation).name)
    ctx.names.reserve(name)
    location = ctx.location(ctx.document.line(operation.node), operation.pointer)
    ctx.definitions.append(ObjectModel(name, tuple(fields), location))
    ctx.request_roots.append(RefType(name))  # its body field refers to request views too
    return name


def field_names(params: list[tuple[str, str]]) -> list[str]:
    """Request-model field names of parameters ``(name, location)``, told apart where two
    locations share a name (``id`` in the path and in the query): the first keeps the name, a
    later one gets its location appended (``idQuery``), then a number.  The operation's
    parameters keep their wire names."""
    taken = {name for name, _ in params}
    seen: set[str] = set()
    names: list[str] = []
    for name, where in params:
        if name in seen:
            base = name + where[:1].upper() + where[1:]
            candidate, number = base, 2
            while candidate in taken:
                candidate, number = f"{base}{number}", number + 1
            taken.add(candidate)
            name = candidate
        seen.add(name)
        names.append(name)
    return names


def body_field_name(name: str, parameters: list[str]) -> str:
    """The body's field name ``name``, told apart from the parameters' field names: a body
    named after its schema (``database``) next to a path parameter ``database`` becomes
    ``databaseRequestBody`` (then a number), so that no two fields share a wire name."""
    if name not in parameters:
        return name
    base = name + "RequestBody"
    candidate, number = base, 2
    while candidate in parameters:
        candidate, number = f"{base}{number}", number + 1
    return candidate


def _is_plain(param: _Param) -> bool:
    return param.where not in ("body", "formData")


def _resolve_parameters(reader: SchemaReader, operation: Operation) -> list[_Param]:
    """Parameters with ``$ref`` followed; one per (name, location), the operation's own winning."""
    ctx = reader.ctx
    found: dict[tuple[str, str], _Param] = {}
    for listed in operation_parameters(ctx, operation):
        node, ptr, line = listed.node, listed.pointer, listed.line
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target = reader.references.resolve(str(node["$ref"]), node, ptr)
            if target is None:
                continue
            if target.document is not ctx.main:
                ctx.warning(
                    ctx.location(line, ptr),
                    "a parameter in another file is not read; expected parameters in this file",
                )
                continue
            node, ptr, line = target.value, target.pointer, target.line
        param = _parameter(reader, node, ptr, line)
        if param is not None:
            found[(param.name, param.where)] = param
    return list(found.values())


def _parameter(reader: SchemaReader, node: object, ptr: str, line: int | None) -> _Param | None:
    ctx = reader.ctx
    if not isinstance(node, dict):
        ctx.problem(
            ctx.location(line, ptr), f"parameter is {kw.describe(node)}; expected a mapping"
        )
        return None
    name = kw.string(ctx, node, ptr, "name")
    where = kw.string(ctx, node, ptr, "in")
    if not name or where is None:
        missing = "name" if not name else "in"
        ctx.warning(
            ctx.location(line, ptr),
            f"parameter has no {missing} (expected name and in); the parameter is skipped",
        )
        return None
    if where not in _LOCATIONS or (where in ("body", "formData") and not ctx.dialect.swagger):
        ctx.key_warning(
            node,
            ptr,
            "in",
            f"parameter location {where!r} is unknown (expected query, path, header or cookie); "
            "the parameter is skipped",
        )
        return None
    return _Param(node, ptr, line, name, where)


def _parameter_field(
    reader: SchemaReader, operation: Operation, param: _Param, name: str | None = None
) -> Field:
    """The field of ``operation``'s request model for one parameter (named ``name``, if given)."""
    ctx = reader.ctx
    hint = Hint(
        NAMESPACE, operation.name, type_name_part(param.name), prefix=_PREFIXES.get(param.where, "")
    )
    shared_name = _component_parameter_name(param.pointer)
    keyed = TypeName(COMPONENTS, shared_name) if shared_name is not None else None
    if keyed is not None and not ctx.names.is_taken(keyed):
        # named once, in components, after the parameter's key (a schema's name already: as
        # an operation's own parameter)
        hint = Hint(COMPONENTS, keyed.name, keyed.name, exact=keyed)
    schema, schema_ptr, schema_line = _parameter_schema(reader, param)
    shared = ctx.read_types.get(schema_ptr) if not param.pointer.startswith("/paths/") else None
    if shared is not None:  # a parameter of components/parameters: its schema's one definition
        typed = shared
    elif schema is not None:
        typed = reader.read(schema, schema_ptr, schema_line, hint)
    else:
        typed = Typed(ANY)
    required = param.where == "path" or (
        "required" in param.node and kw.boolean(ctx, param.node, param.pointer, "required")
    )
    field = make_field(ctx, name or param.name, schema, schema_ptr, param.line, typed, required)
    field = replace(field, location=ctx.location(param.line, param.pointer))
    # a parameter is described by its own description (Speakeasy ignores its schema's)
    own = metadata.description(ctx, param.node, param.pointer)
    if field.description != own:
        field = replace(field, description=own)
    # a parameter is deprecated by its own flag (Speakeasy ignores its schema's)
    deprecated = metadata.flag(ctx, param.node, param.pointer, "deprecated")
    if field.deprecated != deprecated:
        field = replace(field, deprecated=deprecated)
    if "example" in param.node and schema is not param.node:
        field = replace(field, examples=metadata.examples(ctx, param.node, param.pointer))
    return field


_COMPONENT_PARAMETER = re.compile(r"/components/parameters/([^/]+)")


def _component_parameter_name(pointer: str) -> str | None:
    """The name of the definition an inline schema of the parameter at ``pointer`` makes when
    the parameter is one of ``components/parameters``: its key in PascalCase, shared by every
    operation using it (``articleAdditionalAttributes`` -> ``ArticleAdditionalAttributes``)."""
    match = _COMPONENT_PARAMETER.fullmatch(pointer)
    if match is None:
        return None
    return type_name_part(unescape(match.group(1))) or None


def _parameter_schema(reader: SchemaReader, param: _Param) -> tuple[object | None, str, int | None]:
    """The schema of a parameter: ``schema``, the JSON media of ``content``, or (Swagger) itself."""
    ctx = reader.ctx
    node, ptr = param.node, param.pointer
    if "schema" in node:
        return node["schema"], join(ptr, "schema"), ctx.document.key_line(node, "schema")
    content = kw.mapping(ctx, node, ptr, "content")
    if content:
        media_type = body_media_type(content)
        media = content.get(media_type) if media_type else None
        if isinstance(media, dict) and "schema" in media:
            media_ptr = join(ptr, "content", media_type or "")
            return (
                media["schema"],
                join(media_ptr, "schema"),
                ctx.document.key_line(media, "schema"),
            )
        return None, ptr, param.line
    if ctx.dialect.swagger:
        return node, ptr, param.line
    ctx.warning(
        ctx.location(param.line, ptr),
        f"parameter {param.name!r} has neither schema nor content; read as any value",
    )
    return None, ptr, param.line


def _read_body(reader: SchemaReader, operation: Operation, params: list[_Param]) -> _Body | None:
    """Read the request body of ``operation`` (OpenAPI 3 ``requestBody``, Swagger body/formData)."""
    if reader.ctx.dialect.swagger:
        return _read_swagger_body(reader, operation, params)
    ctx = reader.ctx
    if "requestBody" not in operation.node:
        return None
    body: object = operation.node["requestBody"]
    body_ptr = join(operation.pointer, "requestBody")
    body_line = ctx.document.key_line(operation.node, "requestBody")
    shared: str | None = None
    if isinstance(body, dict) and isinstance(body.get("$ref"), str):
        target = reader.references.resolve(str(body["$ref"]), body, body_ptr)
        if target is None:
            return None
        if target.document is not ctx.main:
            ctx.warning(
                ctx.location(body_line, body_ptr),
                "a request body in another file is not read; expected it in this file",
            )
            return None
        body, body_ptr, body_line = target.value, target.pointer, target.line
        shared = shared_key(ctx, body_ptr, REQUEST_BODIES)
    if not isinstance(body, dict):
        ctx.problem(
            ctx.location(body_line, body_ptr),
            f"requestBody is {kw.describe(body)}; expected a mapping",
        )
        return None
    located = content_schema(ctx, body, body_ptr, body_media_type)
    if located is None:
        return None
    required = "required" in body and kw.boolean(ctx, body, body_ptr, "required")
    schema, schema_ptr, schema_line = located
    if shared is not None and makes_model(reader, schema, schema_ptr):
        return _shared_body(reader, shared, schema, schema_ptr, schema_line, required)
    return _body_schema(reader, operation, schema, schema_ptr, schema_line, required)


def _shared_body(
    reader: SchemaReader, key: str, schema: object, ptr: str, line: int | None, required: bool
) -> _Body:
    """The inline schema of the shared request body ``key``: one model for every operation
    using it, named after the key (``shared_bodies``); the request field is named after it."""
    typed = read_shared_body(reader, REQUEST_BODIES, key, (schema, ptr, line), None)
    field_name = "requestBody"
    if isinstance(typed.type, RefType):
        field_name = camel_case(typed.type.target.name) or field_name
    return _Body(typed, required, field_name)


def _body_schema(
    reader: SchemaReader,
    operation: Operation,
    schema: object,
    ptr: str,
    line: int | None,
    required: bool,
) -> _Body:
    """Read a body schema; the field that holds it in ``<Operation>Request``."""
    name = body_name(operation)
    hint = Hint(NAMESPACE, operation.name, name.name, exact=name, exact_first=False)
    if isinstance(schema, dict) and (schema.get("type") == "array" or "items" in schema):
        hint = Hint(NAMESPACE, operation.name, ARRAY_ITEM_BASE)
    typed = reader.read(schema, ptr, line, hint)
    if not (isinstance(schema, dict) and "$ref" in schema):
        typed = reader.body_alias(typed, name, reader.ctx.location(line, ptr))
    field_name = "requestBody"
    if isinstance(schema, dict) and "$ref" in schema and isinstance(typed.type, RefType):
        target = typed.type.target
        if target.namespace == COMPONENTS:
            field_name = camel_case(target.name) or field_name
    return _Body(typed, required, field_name)


def _read_swagger_body(
    reader: SchemaReader, operation: Operation, params: list[_Param]
) -> _Body | None:
    """Swagger 2.0: the ``in: body`` parameter, else the ``in: formData`` ones as one object."""
    ctx = reader.ctx
    for param in params:
        if param.where == "body":
            if "schema" not in param.node:
                ctx.problem(
                    ctx.location(param.line, param.pointer),
                    "body parameter has no schema; expected a schema",
                )
                return None
            required = "required" in param.node and kw.boolean(
                ctx, param.node, param.pointer, "required"
            )
            schema = param.node["schema"]
            line = ctx.document.key_line(param.node, "schema")
            return _body_schema(
                reader, operation, schema, join(param.pointer, "schema"), line, required
            )
    form = [param for param in params if param.where == "formData"]
    if not form:
        return None
    name = body_name(operation)
    fields = [_parameter_field(reader, operation, param) for param in form]
    name = ctx.names.claim(Hint(NAMESPACE, operation.name, name.name, exact=name), None)
    location = ctx.location(form[0].line, form[0].pointer)
    ctx.definitions.append(ObjectModel(name, tuple(fields), location))
    return _Body(Typed(RefType(name)), any(field.required for field in fields), "requestBody")
