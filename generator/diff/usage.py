"""Which definitions requests use and which responses use, from the operations.

A definition reached (through fields, items, values, variants) from a
parameter or a request body is used in requests; from a response body or
header, in responses; from both, both.  A schema without operations (docs
only) or a definition no operation reaches has no known use.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.ir import (
    AliasModel,
    ObjectModel,
    Operation,
    RefType,
    Schema,
    TypeName,
    TypeNode,
    UnionModel,
    walk_types,
)

REQUEST = "request"
"""Used by what clients send."""
RESPONSE = "response"
"""Used by what servers send back."""


def request_roots(operation: Operation) -> list[TypeNode]:
    """Types of what a client sends to ``operation``."""
    roots = [p.type for p in operation.parameters if p.type is not None]
    if operation.request_body is not None:
        roots += [m.type for m in operation.request_body.content if m.type is not None]
    return roots


def response_roots(operation: Operation) -> list[TypeNode]:
    """Types of what ``operation`` sends back (bodies and headers)."""
    roots: list[TypeNode] = []
    for response in operation.responses:
        roots += [m.type for m in response.content if m.type is not None]
        roots += [h.type for h in response.headers if h.type is not None]
    return roots


def usage(schema: Schema) -> dict[TypeName, frozenset[str]] | None:
    """``request``/``response`` per definition name; ``None`` when the schema has no operations."""
    if schema.operations is None:
        return None
    sent: list[TypeNode] = []
    received: list[TypeNode] = []
    extra: list[TypeName] = []
    for operation in schema.operations:
        sent += request_roots(operation)
        received += response_roots(operation)
        if operation.request is not None:
            extra.append(operation.request)
    requests = reachable(schema, sent, extra)
    views = [view for name in requests if (view := request_view(schema, name)) is not None]
    requests |= reachable(schema, (), views)
    responses = reachable(schema, received, ())
    found: dict[TypeName, frozenset[str]] = {}
    for name in requests | responses:
        found[name] = frozenset(
            d for d, used in ((REQUEST, requests), (RESPONSE, responses)) if name in used
        )
    return found


def request_view(schema: Schema, name: TypeName) -> TypeName | None:
    """The request view ``<Name>Input`` of a definition (same source, no read-only fields)."""
    view = TypeName(name.namespace, name.name + "Input")
    found, original = schema.get(view), schema.get(name)
    if found is None or original is None or found.location.pointer is None:
        return None
    return view if found.location.pointer == original.location.pointer else None


def reachable(
    schema: Schema, roots: Iterable[TypeNode], names: Iterable[TypeName]
) -> set[TypeName]:
    """Definitions reached from ``roots`` and ``names``."""
    seen: set[TypeName] = set()
    queue: list[TypeName] = list(names)
    for root in roots:
        queue += [n.target for n in walk_types(root) if isinstance(n, RefType)]
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        definition = schema.get(name)
        nodes: list[TypeNode] = []
        if isinstance(definition, ObjectModel):
            nodes = [f.type for f in definition.fields]
            if definition.additional_properties is not None:
                nodes.append(definition.additional_properties)
        elif isinstance(definition, UnionModel):
            nodes = [v.type for v in definition.variants]
        elif isinstance(definition, AliasModel):
            nodes = [definition.type]
        for node in nodes:
            queue += [n.target for n in walk_types(node) if isinstance(n, RefType)]
    return seen
