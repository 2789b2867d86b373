"""What the ``python`` target's request classes know of their operation (``_http.Endpoint``).

An ``operations.<Op>Request`` class made for an operation derives from
``_http.RequestModel`` and carries an ``_endpoint_`` table: the method, the
path template, where each field goes (path, query, header, cookie, with its
style and explode) and which field is the body, sent as which media type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from generator.ir import Definition, ObjectModel, Operation, Schema, TypeName
from generator.render.filters import python_layout
from generator.render.filters.python_layout import Call, Expr
from generator.render.filters.python_literals import py_repr

BASE = "_http.RequestModel"
"""Base class of a request class that knows its operation."""

_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
_cache: dict[int, tuple[tuple[Operation, ...], dict[TypeName, Operation]]] = {}


def operation_of(model: Definition, schema: Schema) -> Operation | None:
    """The operation whose request class ``model`` is, if any."""
    operations = schema.operations
    if not operations or not isinstance(model, ObjectModel):
        return None
    cached = _cache.get(id(operations))
    if cached is None or cached[0] is not operations:
        index = {op.request: op for op in operations if op.request is not None}
        cached = (operations, index)
        _cache.clear()
        _cache[id(operations)] = cached
    return cached[1].get(model.name)


def _is_json(media_type: str) -> bool:
    essence = media_type.split(";")[0].strip().lower()
    return essence in ("application/json", "text/json") or essence.endswith("+json")


def body_media_type(operation: Operation) -> str | None:
    """The media type the body is sent as: JSON first, then a form, else the first listed."""
    body = operation.request_body
    if body is None or not body.content:
        return None
    names = [media.media_type for media in body.content]
    essences = [name.split(";")[0].strip().lower() for name in names]
    for index, name in enumerate(names):
        if _is_json(name):
            return names[index]
    for wanted in _FORMS:
        if wanted in essences:
            return names[essences.index(wanted)]
    return names[0]


def endpoint_call(operation: Operation, model: ObjectModel) -> Call:
    """The ``_http.Endpoint(...)`` expression of ``operation`` for its request class."""
    wires = {field.name for field in model.fields}
    params: list[Expr] = []
    for param in operation.parameters:
        if param.field is None or param.field not in wires:
            continue
        args: list[Expr] = [
            py_repr(param.field),
            py_repr(param.name),
            py_repr(param.where),
            py_repr(param.style),
            py_repr(param.explode),
        ]
        extra: tuple[tuple[str, Expr], ...] = ()
        if param.allow_reserved:
            extra += (("allow_reserved", "True"),)
        if param.media_type is not None and _is_json(param.media_type):
            extra += (("json_content", "True"),)
        params.append(Call("_http.Param", tuple(args), extra))
    kwargs: list[tuple[str, Expr]] = []
    body = operation.request_body
    if body is not None and body.field is not None and body.field in wires:
        kwargs.append(("body", py_repr(body.field)))
        media_type = body_media_type(operation)
        if media_type is not None:
            kwargs.append(("media_type", py_repr(media_type)))
    return Call(
        "_http.Endpoint",
        (py_repr(operation.method.upper()), py_repr(operation.path), *params),
        tuple(kwargs),
    )


@pass_context
def py_model_base(context: Context, model: ObjectModel) -> str:
    """``_http.RequestModel`` for an operation's request class, else ``_rt.Model``."""
    return BASE if operation_of(model, context["schema"]) is not None else "_rt.Model"


@pass_context
def py_endpoint(context: Context, model: ObjectModel, indent: int = 4) -> str:
    """The ``_endpoint_`` line of an operation's request class; empty for other models."""
    operation = operation_of(model, context["schema"])
    if operation is None:
        return ""
    call = endpoint_call(operation, model)
    return python_layout.annotated_assignment(
        "_endpoint_", "ClassVar[_http.Endpoint]", call, indent
    )


@pass_context
def py_uses_http(context: Context, models: list[Definition]) -> bool:
    """Some of ``models`` are request classes of operations (the module imports ``_http``)."""
    return any(operation_of(model, context["schema"]) is not None for model in models)


def schema_uses_http(schema: Schema) -> bool:
    """Some definition of ``schema`` is the request class of an operation."""
    return any(operation_of(d, schema) is not None for d in schema.definitions)


HTTP_FILTERS: dict[str, Callable[..., Any]] = {
    "py_model_base": py_model_base,
    "py_endpoint": py_endpoint,
    "py_uses_http": py_uses_http,
}
"""The filters of this module, by name."""
