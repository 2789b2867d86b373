"""``components.Security``: the credentials a client sends, one field per security scheme.

As in Speakeasy's SDKs, each scheme of ``components/securitySchemes``
(Swagger: ``securityDefinitions``) is a string field named after its key
(an API key, a bearer token, an OAuth token), except HTTP basic, whose field
is a ``SchemeBasicAuth`` object of ``username`` and ``password``.  A field is
required when every security requirement that applies (the document's, or
each operation's when the document has none) asks for that scheme.
``x-speakeasy-example`` is the example.

An operation whose own ``security`` asks for a requirement the document's does not list (a
scheme the document does not ask for, or several schemes at once) gets
``operations.<Operation>Security`` too: one field per scheme its requirements name, required
when every requirement names it, as Speakeasy's SDKs take such credentials per call.  An
operation asking for one of the document's requirements (every operation's, when the document
lists none), or for none (``security: []``), gets none.
"""

from __future__ import annotations

from dataclasses import replace

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.components import NAMESPACE
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join
from generator.inputs.openapi.operations import NAMESPACE as OPERATIONS
from generator.inputs.openapi.operations import Operation
from generator.ir import (
    Field,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
)

MODEL = "Security"
"""Name of the security model."""

BASIC = "SchemeBasicAuth"
"""Name of the model of HTTP basic credentials."""

_EXAMPLE = "x-speakeasy-example"
_STRING = Primitive(PrimitiveKind.STRING)


def read_security(ctx: Context, root: dict[str, object], operations: list[Operation]) -> None:
    """Make ``components.Security`` when the document declares security schemes."""
    if ctx.dialect.swagger:
        holder, holder_ptr, key = root, "", "securityDefinitions"
    else:
        holder = kw.mapping(ctx, root, "", "components") or {}
        holder_ptr, key = "/components", "securitySchemes"
    schemes = kw.mapping(ctx, holder, holder_ptr, key)
    if not schemes:
        return
    schemes_ptr = join(holder_ptr, key)
    requirements = _requirements(ctx, root, operations)
    fields: list[Field] = []
    for scheme_key, scheme in schemes.items():
        ptr = join(schemes_ptr, scheme_key)
        location = ctx.key_location(schemes, schemes_ptr, scheme_key)
        if not isinstance(scheme, dict):
            ctx.problem(location, f"security scheme is {kw.describe(scheme)}; expected a mapping")
            continue
        required = bool(requirements) and all(scheme_key in names for names in requirements)
        examples = (scheme[_EXAMPLE],) if isinstance(scheme.get(_EXAMPLE), str) else ()
        kind = kw.string(ctx, scheme, ptr, "type")
        http_scheme = str(scheme.get("scheme", "")).lower()
        basic = kind == "basic" or (kind == "http" and http_scheme == "basic")
        node = RefType(_basic_model(ctx, location)) if basic else _STRING
        fields.append(Field(scheme_key, node, required, False, location, examples=examples))
    if fields:
        name = ctx.names.unique(NAMESPACE, MODEL)
        ctx.names.reserve(name)
        where = ctx.location(ctx.document.key_line(holder, key), schemes_ptr)
        ctx.definitions.append(ObjectModel(name, tuple(fields), where))
    by_key = {field.name: field for field in fields}
    for operation in operations:
        _operation_security(ctx, operation, by_key, requirements)


def _operation_security(
    ctx: Context, operation: Operation, schemes: dict[str, Field], document: list[set[str]]
) -> None:
    """``operations.<Operation>Security`` when ``operation`` asks for a requirement the document
    does not list (see the module docstring); ``schemes``: the ``Security`` field of each scheme;
    ``document``: the requirements ``components.Security`` stands for."""
    own = operation.node.get("security")
    if not isinstance(own, list):
        return
    asked = [set(item) for item in own if isinstance(item, dict) and item]
    if not asked or all(names in document for names in asked):
        return
    names = list(dict.fromkeys(name for requirement in asked for name in requirement))
    fields = [
        replace(schemes[name], required=all(name in requirement for requirement in asked))
        for name in names
        if name in schemes
    ]
    if not fields:
        return
    name = ctx.names.unique(OPERATIONS, f"{operation.name}{MODEL}")
    ctx.names.reserve(name)
    where = ctx.key_location(operation.node, operation.pointer, "security")
    ctx.definitions.append(ObjectModel(name, tuple(fields), where))


def _requirements(
    ctx: Context, root: dict[str, object], operations: list[Operation]
) -> list[set[str]]:
    """Scheme names of each requirement alternative that applies to some operation."""
    listed: list[object] = []
    if isinstance(root.get("security"), list):
        listed = list(root["security"])  # type: ignore[call-overload]
    else:
        for operation in operations:
            own = operation.node.get("security")
            if isinstance(own, list):
                listed.extend(own)
    return [set(item) for item in listed if isinstance(item, dict) and item]


def _basic_model(ctx: Context, location: Location) -> TypeName:
    """``components.SchemeBasicAuth`` (made once)."""
    name = TypeName(NAMESPACE, BASIC)
    if not ctx.names.is_taken(name):
        ctx.names.reserve(name)
        fields = tuple(
            Field(wire, _STRING, True, False, location) for wire in ("username", "password")
        )
        ctx.definitions.append(ObjectModel(name, fields, location))
    return name
