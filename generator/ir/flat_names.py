"""What an SDK without response wrappers names an operation's bodies (``WrapperStyle.flat_names``).

Speakeasy's SDKs that return bodies bare (no ``<Operation>Response`` wrapper of metadata and
bodies; Python and TypeScript since 2025) name what a method takes and returns after the
method:

- the inline success body of an operation is ``<Operation>Response`` (``AddAddressResponse``,
  not ``AddAddressResponseBody``), the items of an inline array body ``Response``;
- the inline request body of an operation without parameters (which has no
  ``<Operation>Request`` model to hold it) is ``<Operation>Request`` (``CreateWebhookRequest``);
- a success response that declares headers is ``<Operation>Response`` of ``headers`` (a map
  of string lists) and ``result`` (the body, when it has one), its body keeping its name; when
  a model of any namespace has that name, ``<Operation>ResponseResponse``
  (``AuditEventSearchResponseResponse`` beside the shared response ``AuditEventSearchResponse``).

A name already taken is left to the body that has it.
"""

from __future__ import annotations

from generator.ir.definitions import Definition, Field, ObjectModel
from generator.ir.operations import Operation, Response
from generator.ir.retarget import rename, retype_operation
from generator.ir.types import ArrayType, MapType, Primitive, PrimitiveKind, RefType, TypeName

OPERATIONS = "operations"
"""Namespace of the models derived from operations."""

HEADERS = MapType(ArrayType(Primitive(PrimitiveKind.STRING)))
"""The type of the ``headers`` field: header name to its values."""


def flat_names(
    definitions: list[Definition], operations: list[Operation]
) -> tuple[list[Definition], list[Operation]]:
    """``definitions`` and ``operations`` with the bodies renamed and the header wrappers added
    (see the module docstring)."""
    renamed, wrappers = flat_renames(definitions, operations)
    if renamed:
        definitions = [rename(d, renamed) for d in definitions]
        operations = [retype_operation(o, renamed) for o in operations]
        wrappers = [rename(d, renamed) for d in wrappers]
    return definitions + wrappers, operations


def flat_renames(
    definitions: list[Definition], operations: list[Operation]
) -> tuple[dict[TypeName, TypeName], list[Definition]]:
    """The bodies ``flat_names`` renames (old name to new) and the header wrappers it adds (their
    references not renamed yet)."""
    taken = {(d.name.namespace, d.name.name.lower()) for d in definitions}
    renamed: dict[TypeName, TypeName] = {}
    wrappers: list[Definition] = []

    def free(name: TypeName) -> bool:
        return (name.namespace, name.name.lower()) not in taken

    def take(old: TypeName, new: TypeName) -> None:
        taken.add((new.namespace, new.name.lower()))
        renamed[old] = new

    index = {d.name for d in definitions}
    names = {name.name.lower() for name in index}  # a wrapper's name is told apart in any
    for operation in operations:
        success = _first_success(operation)
        response = TypeName(OPERATIONS, f"{operation.name}Response")
        if success is not None and success.headers:
            wrapper = next(
                (name for name in (response, TypeName(OPERATIONS, f"{response.name}Response"))
                 if name.name.lower() not in names),
                None,
            )
            if wrapper is not None:
                names.add(wrapper.name.lower())
                wrappers.append(_header_wrapper(wrapper, success))
        elif success is not None:
            for old, new in (
                (f"{operation.name}ResponseBody", response.name),
                ("ResponseBody", "Response"),
            ):
                body = _body_named(success, TypeName(OPERATIONS, old))
                target = TypeName(OPERATIONS, new)
                if body is not None and body in index and body not in renamed and free(target):
                    take(body, target)
        if operation.request is None and operation.request_body is not None:
            body = TypeName(OPERATIONS, f"{operation.name}RequestBody")
            target = TypeName(OPERATIONS, f"{operation.name}Request")
            uses = any(
                media.type == RefType(body) for media in operation.request_body.content
            )
            if uses and body in index and free(target):
                take(body, target)
    return renamed, wrappers


def _first_success(operation: Operation) -> Response | None:
    for response in operation.responses:
        if response.status.startswith("2"):
            return response
    return None


def _body_named(response: Response, name: TypeName) -> TypeName | None:
    """``name`` when the response's body is it or an array of it."""
    for media in response.content:
        node = media.type
        if isinstance(node, ArrayType):
            node = node.items
        if node == RefType(name):
            return name
    return None


def _header_wrapper(name: TypeName, response: Response) -> ObjectModel:
    fields = [Field("headers", HEADERS, True, False, response.location)]
    body = next((media.type for media in response.content if media.type is not None), None)
    if body is not None:
        fields.append(Field("result", body, True, False, response.location))
    return ObjectModel(name, tuple(fields), response.location, response.description)
