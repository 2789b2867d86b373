"""Operations under ``paths``: their names, parameters, request bodies and responses.

Each operation is read in document order, and within an operation the
parameters first, then the request body, then the responses, so inline
definitions get names in the order Speakeasy gives them (the first schema
met keeps the short name).  What each part becomes is in ``requests`` and
``responses``.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join
from generator.naming import pascal_case

NAMESPACE = "operations"
"""Namespace of the definitions made from operations."""

HTTP_METHODS = frozenset(("get", "put", "post", "delete", "options", "head", "patch", "trace"))
"""Keys of a path item that are operations."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """A parameter object (or a ``$ref`` to one) as listed on a path item or an operation."""

    node: object
    """The parameter object or the ``{$ref: ...}`` mapping."""
    pointer: str
    """Its JSON pointer."""
    line: int | None
    """Its line."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the document."""

    node: dict[str, object]
    """The operation object."""
    pointer: str
    """Its JSON pointer, e.g. ``/paths/~1track~1lead/post``."""
    name: str
    """PascalCase name: the ``operationId`` (else method and path), unique in the document."""
    shared_parameters: tuple[Parameter, ...] = ()
    """Parameters of the path item, which apply to every operation of the path."""
    path: str = ""
    """The path template (the key under ``paths``)."""
    method: str = ""
    """The HTTP method, lower case."""


def list_operations(ctx: Context, root: dict[str, object]) -> list[Operation]:
    """Every operation, in document order, with unique names."""
    paths = kw.mapping(ctx, root, "", "paths") or {}
    found: list[Operation] = []
    used: set[str] = set()
    for path, item in paths.items():
        item_ptr = join("/paths", path)
        if path.startswith("x-"):  # an extension of the Paths object, not a path
            continue
        if not isinstance(item, dict):
            ctx.key_problem(
                paths, "/paths", path, f"path {path!r} is {kw.describe(item)}; expected a mapping"
            )
            continue
        if "$ref" in item:
            ctx.key_warning(
                item,
                item_ptr,
                "$ref",
                "a path item given by $ref is not read; expected the operations inline",
            )
        shared = _parameters(ctx, item, item_ptr)
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
            name = _unique_name(ctx, node, op_ptr, method, path, used)
            found.append(Operation(node, op_ptr, name, shared, str(path), method))
    return found


def _unique_name(
    ctx: Context, node: dict[str, object], op_ptr: str, method: str, path: str, used: set[str]
) -> str:
    operation_id = kw.string(ctx, node, op_ptr, "operationId")
    name = pascal_case(operation_id or "") or pascal_case(f"{method} {path}") or "Operation"
    if name[0].isdigit():
        name = "Operation" + name
    if name in used:
        number = 2
        while f"{name}{number}" in used:
            number += 1
        if operation_id:
            ctx.key_warning(
                node,
                op_ptr,
                "operationId",
                f"operationId {operation_id!r} is used by another operation; "
                f"this one is named {name}{number}",
            )
        name = f"{name}{number}"
    used.add(name)
    return name


def operation_parameters(ctx: Context, operation: Operation) -> list[Parameter]:
    """The parameters of the path item followed by those of the operation."""
    return [*operation.shared_parameters, *_parameters(ctx, operation.node, operation.pointer)]


def _parameters(ctx: Context, holder: dict[str, object], ptr: str) -> tuple[Parameter, ...]:
    listed = kw.sequence(ctx, holder, ptr, "parameters")
    if not listed:
        return ()
    list_ptr = join(ptr, "parameters")
    return tuple(
        Parameter(node, join(list_ptr, index), ctx.document.item_line(listed, index))
        for index, node in enumerate(listed)
    )
