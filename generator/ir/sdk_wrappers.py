"""The models an SDK generator derives from operations: response wrappers and request fields.

OpenAPI names no ``<Operation>Response`` class, yet Speakeasy SDKs (and their
model docs) have one per operation: the HTTP metadata of the exchange and one
field per response body.  ``derive_wrappers`` makes them from the IR's
operations (``generator/ir/operations.py``), under a ``WrapperStyle``, the
named facts that change between generator versions and languages:

- ``metadata``: ``fields`` gives the wrapper ``ContentType`` (string),
  ``StatusCode`` (integer) and ``RawResponse`` (the raw HTTP response, an
  ``http-response`` marker) fields; ``envelope`` gives one ``HTTPMeta`` field
  referring to ``components.HTTPMetadata`` (``Response`` and ``Request``
  markers), made once;
- ``raw_required``: the ``RawResponse`` field is required;
- ``errors``: error responses (``4XX``, ``5XX``, ``default``) get body fields
  too, not only successes;
- ``body_field``: the name of the request model's body field: ``None`` keeps
  the reader's (``requestBody``, or the referenced schema's name), else the
  name given (``body``, ``requestBody``);
- ``wrappers``: the ``<Operation>Response`` models are made at all;
- ``aliases_inlined``: a named schema that is an array, a map or a scalar
  (an ``AliasModel`` of one) is written where it is used (SDKs make no class of it);
- ``unused_schemas``: named schemas no operation uses are models too (when
  ``False`` they are left out, as generators that make only what an SDK
  method reaches do; ``keep`` names those the SDK makes all the same, which the
  IR's references miss: ``OpenAPIRead.reached``);
- ``flat_names``: without wrappers, an operation's inline bodies are named after the method
  (``<Operation>Response``, ``<Operation>Request``) and a response declaring headers is a
  model of ``headers`` and ``result`` (``generator.ir.flat_names``), as Speakeasy's SDKs
  returning bodies bare do since 2025;
- ``error_suffix``: error models (``errors`` namespace) whose name does not
  end with it get it put after (``Result`` -> ``ResultError``, as since
  Speakeasy's ``sharedErrorComponentsApr2025``); under ``envelope`` each error
  model also carries the ``HTTPMeta`` field.

A body field is named after its type: a named model ``X`` gives ``x``, an
array of ``X`` the plural (``xs``, ``entries``); a model made from an inline
schema ``object`` (an array of them the plural of its name without the
operation's: ``responseBodies``); an array of any values ``anies``; a string
body ``string``, a binary one ``body``; an error body that is no model the
reason phrase of its status (``notFound``); with ``status_media_names``, a
body that is no named model is named ``<Operation><status><media type><kind>``
(``Get200ApplicationJSONObject``); an inlined alias (see
``aliases_inlined``) its own name, typed as what it stands for.  When
two bodies of one operation would share a name, each is named after its
status and media type instead (``twoHundredApplicationJsonObject``).  A
response that declares headers gives a ``Headers`` field (a map of string
lists).  Every body field is optional (one response is received); metadata
fields are required.  A wrapper is not made when its name is taken.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from http import HTTPStatus
from typing import Any

from generator.ir.definitions import AliasModel, Definition, Field, ObjectModel, UnionModel
from generator.ir.flat_names import flat_names
from generator.ir.location import Location
from generator.ir.operations import Operation, Response
from generator.ir.retarget import rename, retype_operation
from generator.ir.types import (
    ArrayType,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
    referenced_names,
)
from generator.naming import camel_case, number_words, pascal_case

OPERATIONS = "operations"
"""Namespace of the wrappers."""

COMPONENTS = "components"
"""Namespace of named schemas."""

ERRORS = "errors"
"""Namespace of error models."""

HTTP_METADATA = TypeName(COMPONENTS, "HTTPMetadata")
"""The model the ``envelope`` metadata field refers to."""

HTTP_RESPONSE = Primitive(PrimitiveKind.ANY, "http-response")
"""The raw HTTP response marker (SDK plumbing, not JSON)."""

HTTP_REQUEST = Primitive(PrimitiveKind.ANY, "http-request")
"""The raw HTTP request marker."""

METADATA_STYLES = ("fields", "envelope")
"""Values of ``WrapperStyle.metadata``."""


@dataclass(frozen=True, slots=True)
class WrapperStyle:
    """How one generator version shapes the models it derives from operations."""

    wrappers: bool = True
    """``<Operation>Response`` models are made (SDKs returning bodies bare make none)."""
    metadata: str = "fields"
    """``fields`` (content type, status code, raw response) or ``envelope`` (``HTTPMeta``)."""
    raw_required: bool = True
    """The raw response field is required."""
    errors: bool = False
    """Error responses get body fields too."""
    body_field: str | None = None
    """Name of the request model's body field; ``None`` keeps the reader's."""
    error_suffix: str | None = None
    """Put after the name of an error model (``errors`` namespace) not ending with it
    (``Result`` -> ``ResultError``); ``None`` keeps the names."""
    unused_schemas: bool = True
    """Named schemas that no operation uses are models too (``False``: they are left out)."""
    status_media_names: bool = False
    """A body that is no named model is named after the operation, its status and media type
    and the kind of value (``Get200ApplicationJSONObject``, ``Get200TextPlainString``), as
    before Speakeasy's ``nameResolutionDec2023`` fix."""
    aliases_inlined: bool = False
    """A named schema that is an array, a map or a scalar (an ``AliasModel`` of one) is written
    where it is used, not as a model of its own."""
    flat_names: bool = False
    """Without wrappers: inline bodies named after the method, and a response declaring headers
    a model of ``headers`` and ``result`` (``generator.ir.flat_names``)."""

    def describe(self) -> str:
        """A short text naming the style's facts, e.g. ``fields, raw required, errors``."""
        parts = ["no wrappers"]
        if self.wrappers:
            parts = [self.metadata]
            if self.metadata == "fields":
                parts.append("raw required" if self.raw_required else "raw optional")
            parts.append("errors" if self.errors else "successes only")
        if self.body_field is not None:
            parts.append(f"body field {self.body_field}")
        if self.error_suffix is not None:
            parts.append(f"error suffix {self.error_suffix}")
        if not self.unused_schemas:
            parts.append("unused schemas left out")
        if self.aliases_inlined:
            parts.append("aliases inlined")
        if self.status_media_names:
            parts.append("bodies named by status and media type")
        if self.flat_names:
            parts.append("bodies named after the method")
        return ", ".join(parts)


STYLE_CHOICES: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("wrappers", (True, False)),
    ("metadata", METADATA_STYLES),
    ("raw_required", (True, False)),
    ("errors", (False, True)),
    ("body_field", (None, "body", "requestBody")),
    ("error_suffix", (None, "Error")),
    ("unused_schemas", (True, False)),
    ("aliases_inlined", (False, True)),
    ("status_media_names", (False, True)),
    ("flat_names", (False, True)),
)
"""Each fact of a ``WrapperStyle`` and the values it can take (the default first)."""


def wrapper_styles() -> list[WrapperStyle]:
    """Every distinct style offered, in a stable order."""
    styles: list[WrapperStyle] = [WrapperStyle()]
    for attribute, values in STYLE_CHOICES:
        styles = [with_fact(style, attribute, value) for style in styles for value in values]
    return list(dict.fromkeys(canonical(style) for style in styles))


def with_fact(style: WrapperStyle, attribute: str, value: object) -> WrapperStyle:
    """``style`` with one fact (an attribute named in ``STYLE_CHOICES``) set to ``value``."""
    changes: dict[str, Any] = {attribute: value}
    return replace(style, **changes)


def canonical(style: WrapperStyle) -> WrapperStyle:
    """``style`` with the facts that do not apply set to their defaults (so that two styles
    making the same models are equal)."""
    if not style.wrappers:
        return replace(style, metadata="fields", raw_required=True, errors=False)
    if style.metadata == "envelope":
        return replace(style, raw_required=True, flat_names=False)
    return replace(style, flat_names=False)


def response_name(operation: Operation) -> TypeName:
    """``operations.<Name>Response``."""
    return TypeName(OPERATIONS, f"{operation.name}Response")


def derive_wrappers(
    definitions: list[Definition],
    operations: list[Operation],
    style: WrapperStyle,
    keep: frozenset[TypeName] = frozenset(),
) -> list[Definition]:
    """``definitions`` with the response wrappers of ``operations`` added and request body
    fields renamed, under ``style`` (see the module docstring); ``keep``: definitions an SDK
    makes though no operation uses them in the IR (``OpenAPIRead.reached``), kept by
    ``drop_unused``."""
    inlined = _inlinable(definitions) if style.aliases_inlined else {}
    if inlined:
        definitions = inline_aliases(definitions)
    errors = _error_names(definitions, style)
    if errors:
        definitions = [rename(d, errors) for d in definitions]
        operations = [retype_operation(o, errors) for o in operations]
    if style.flat_names and not style.wrappers:
        definitions, operations = flat_names(definitions, operations)
    taken = {(d.name.namespace, d.name.name.lower()) for d in definitions}
    result = [_renamed_body(d, operations, style) for d in definitions]
    if style.wrappers and style.metadata == "envelope":
        result = [_with_metadata(d) for d in result]
    made_metadata = False
    for operation in operations if style.wrappers else ():
        name = response_name(operation)
        if (name.namespace, name.name.lower()) in taken:
            continue
        taken.add((name.namespace, name.name.lower()))
        fields = _metadata_fields(operation.location, style) + [
            replace(field, type=_resolve(field.type, inlined))
            for field in _body_fields(operation, style)
        ]
        result.append(ObjectModel(name, tuple(fields), operation.location, operation.description))
        made_metadata = True
    key = (HTTP_METADATA.namespace, HTTP_METADATA.name.lower())
    if style.metadata == "envelope" and made_metadata and key not in taken:
        location = operations[0].location
        result.append(
            ObjectModel(
                HTTP_METADATA,
                (
                    Field("Response", HTTP_RESPONSE, True, False, location),
                    Field("Request", HTTP_REQUEST, True, False, location),
                ),
                location,
            )
        )
    if not style.unused_schemas:
        result = drop_unused(result, operations, inlined, keep)
    return result


def _inlinable(definitions: list[Definition]) -> dict[TypeName, TypeNode]:
    """The aliases ``inline_aliases`` writes where they are used, with their types."""
    return {
        d.name: d.type
        for d in definitions
        if isinstance(d, AliasModel)
        and isinstance(d.type, (ArrayType, MapType, Primitive))
        and not (isinstance(d.type, Primitive) and d.type.kind is PrimitiveKind.ANY)
    }


def _resolve(
    node: TypeNode, aliases: dict[TypeName, TypeNode], seen: frozenset[TypeName] = frozenset()
) -> TypeNode:
    """``node`` with references to ``aliases`` replaced by their types (``seen``: cycle guard)."""
    if isinstance(node, RefType) and node.target in aliases and node.target not in seen:
        return _resolve(aliases[node.target], aliases, seen | {node.target})
    if isinstance(node, ArrayType):
        return replace(node, items=_resolve(node.items, aliases, seen))
    if isinstance(node, MapType):
        return replace(node, values=_resolve(node.values, aliases, seen))
    if isinstance(node, UnionType):
        return replace(node, variants=tuple(_resolve(v, aliases, seen) for v in node.variants))
    return node


def inline_aliases(definitions: list[Definition]) -> list[Definition]:
    """``definitions`` without the ``AliasModel``s of an array, a map or a scalar, each
    reference to one replaced by its type (followed through aliases of aliases; a cycle of
    aliases is left as it is).  An alias of a model (``allOf`` of one) or of any value stays."""
    aliases = _inlinable(definitions)
    if not aliases:
        return definitions

    def resolve(node: TypeNode, seen: frozenset[TypeName]) -> TypeNode:
        return _resolve(node, aliases, seen)

    cyclic = {name for name in aliases if resolve(RefType(name), frozenset()) == RefType(name)}
    result: list[Definition] = []
    for definition in definitions:
        if definition.name in aliases and definition.name not in cyclic:
            continue
        if isinstance(definition, ObjectModel):
            fields = tuple(replace(f, type=resolve(f.type, frozenset())) for f in definition.fields)
            extra = definition.additional_properties
            definition = replace(
                definition,
                fields=fields,
                additional_properties=None if extra is None else resolve(extra, frozenset()),
            )
        elif isinstance(definition, UnionModel):
            variants = tuple(
                replace(v, type=resolve(v.type, frozenset())) for v in definition.variants
            )
            definition = replace(definition, variants=variants)
        result.append(definition)
    return result


NAMED_SCHEMA_POINTERS = ("/components/schemas/", "/definitions/")
"""Where a named schema is (OpenAPI 3, Swagger 2)."""


def drop_unused(
    definitions: list[Definition],
    operations: list[Operation],
    inlined: dict[TypeName, TypeNode] | None = None,
    keep: frozenset[TypeName] = frozenset(),
) -> list[Definition]:
    """``definitions`` without those made from schemas no operation uses (``inlined``: the types
    of aliases written where they are used, which operations may still name; ``keep``: the
    definitions made anyway, and what they use).

    Used: what an operation's parameters, bodies and responses refer to, what every definition
    outside ``components`` or not made from a named schema (request, response and error models,
    security) refers to, and so on.
    """
    index = {definition.name: definition for definition in definitions}
    pending: list[TypeName] = list(keep)
    for operation in operations:
        nodes: list[TypeNode | None] = [p.type for p in operation.parameters]
        if operation.request_body is not None:
            nodes += [media.type for media in operation.request_body.content]
        for response in operation.responses:
            nodes += [media.type for media in response.content]
            nodes += [header.type for header in response.headers]
        pending += referenced_names([node for node in nodes if node is not None])
        if operation.request is not None:
            pending.append(operation.request)
    for definition in definitions:
        pointer = definition.location.pointer or ""
        if definition.name.namespace != COMPONENTS or not pointer.startswith(NAMED_SCHEMA_POINTERS):
            pending.append(definition.name)
    aliases = inlined or {}
    seen: set[TypeName] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in index:
            pending += referenced_names(_nodes_of(index[name]))
        elif name in aliases:
            pending += referenced_names([aliases[name]])
    return [definition for definition in definitions if definition.name in seen]


def _nodes_of(definition: Definition) -> list[TypeNode]:
    if isinstance(definition, ObjectModel):
        nodes = [field.type for field in definition.fields]
        if definition.additional_properties is not None:
            nodes.append(definition.additional_properties)
        return nodes
    if isinstance(definition, UnionModel):
        return [variant.type for variant in definition.variants] + [
            RefType(target) for _, target in definition.mapping
        ]
    if isinstance(definition, AliasModel):
        return [definition.type]
    return []


def _error_names(definitions: list[Definition], style: WrapperStyle) -> dict[TypeName, TypeName]:
    """Error models renamed with ``style.error_suffix``."""
    suffix = style.error_suffix
    if suffix is None:
        return {}
    taken = {(d.name.namespace, d.name.name.lower()) for d in definitions}
    renamed: dict[TypeName, TypeName] = {}
    for definition in definitions:
        name = definition.name
        if name.namespace != ERRORS or name.name.endswith(suffix):
            continue
        new = TypeName(ERRORS, name.name + suffix)
        if (new.namespace, new.name.lower()) not in taken:
            taken.add((new.namespace, new.name.lower()))
            renamed[name] = new
    return renamed


def _with_metadata(definition: Definition) -> Definition:
    """An error model of the ``envelope`` style carries the ``HTTPMeta`` field too."""
    if definition.name.namespace != ERRORS or not isinstance(definition, ObjectModel):
        return definition
    if any(field.name == "HTTPMeta" for field in definition.fields):
        return definition
    meta = Field("HTTPMeta", RefType(HTTP_METADATA), True, False, definition.location)
    return replace(definition, fields=(*definition.fields, meta))


def _renamed_body(
    definition: Definition, operations: list[Operation], style: WrapperStyle
) -> Definition:
    if style.body_field is None or not isinstance(definition, ObjectModel):
        return definition
    for operation in operations:
        body = operation.request_body
        if operation.request != definition.name or body is None or body.field is None:
            continue
        fields = tuple(
            replace(field, name=style.body_field, sdk_name=None)
            if field.name == body.field
            else field
            for field in definition.fields
        )
        return replace(definition, fields=fields)
    return definition


def _metadata_fields(location: Location, style: WrapperStyle) -> list[Field]:
    if style.metadata == "envelope":
        return [Field("HTTPMeta", RefType(HTTP_METADATA), True, False, location)]
    return [
        Field("ContentType", Primitive(PrimitiveKind.STRING), True, False, location),
        Field("StatusCode", Primitive(PrimitiveKind.INTEGER), True, False, location),
        Field("RawResponse", HTTP_RESPONSE, style.raw_required, False, location),
    ]


def _is_error(response: Response) -> bool:
    return not response.status.startswith("2")


def _body_fields(operation: Operation, style: WrapperStyle) -> list[Field]:
    bodies: list[tuple[Response, str, TypeNode]] = []
    headers = False
    for response in operation.responses:
        if _is_error(response) and not style.errors:
            continue
        headers = headers or (bool(response.headers) and not _is_error(response))
        for media in response.content:
            if media.type is not None:
                bodies.append((response, media.media_type, media.type))
    named = [
        (_body_name(operation, response, media_type, node, style), response, media_type, node)
        for response, media_type, node in bodies
    ]
    counts: dict[str, int] = {}
    for name, *_ in named:
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    fields: list[Field] = []
    seen: set[str] = set()
    for name, response, media_type, node in named:
        if counts[name.lower()] > 1:
            name = camel_case(f"{status_words(response.status)} {media_type} {pascal_case(name)}")
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        fields.append(Field(name, node, False, False, response.location, response.description))
    if headers:
        fields.append(
            Field(
                "Headers",
                MapType(ArrayType(Primitive(PrimitiveKind.STRING))),
                True,
                False,
                operation.location,
            )
        )
    return fields


def _body_name(
    operation: Operation, response: Response, media_type: str, node: TypeNode, style: WrapperStyle
) -> str:
    """The field name of one body (see the module docstring)."""
    if style.status_media_names:
        kind = _value_kind(operation, node)
        if kind is not None:
            media = pascal_case(media_type.replace("+", " plus "))
            return f"{operation.name}{pascal_case(response.status)}{media}{kind}"
    if isinstance(node, RefType):
        if _made_for(node.target, operation):
            return "object"
        return camel_case(node.target.name)
    if isinstance(node, ArrayType) and isinstance(node.items, RefType):
        target = node.items.target
        stem = target.name
        if _made_for(target, operation) and stem != operation.name:
            stem = stem[len(operation.name) :]
        return camel_case(plural(stem))
    if isinstance(node, ArrayType) and isinstance(node.items, Primitive):
        return camel_case(plural(_primitive_name(node.items)))
    if _is_error(response) and response.status.isdigit():
        try:
            return camel_case(HTTPStatus(int(response.status)).phrase)
        except ValueError:
            pass
    if isinstance(node, Primitive):
        return _primitive_name(node)
    return "object"


def _value_kind(operation: Operation, node: TypeNode) -> str | None:
    """``Object``, ``String``, ``BinaryString``... for a body that is no named model; else
    ``None``."""
    if isinstance(node, RefType):
        return "Object" if _made_for(node.target, operation) else None
    if isinstance(node, Primitive):
        if node.format == "binary":
            return "BinaryString"
        return pascal_case(node.kind.value)
    return None


def _made_for(target: TypeName, operation: Operation) -> bool:
    """``target`` was made from a schema inline in the operation (``<Operation>ResponseBody``,
    in ``operations`` or ``errors``)."""
    return target.namespace != COMPONENTS and target.name.startswith(operation.name)


def _primitive_name(node: Primitive) -> str:
    if node.format == "binary":
        return "body"
    return "string" if node.kind is PrimitiveKind.STRING else node.kind.value


def plural(word: str) -> str:
    """An English singular made plural (``Entry`` -> ``Entries``, ``Class`` -> ``Classes``)."""
    if word.endswith("y") and len(word) > 1 and word[-2].lower() not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def status_words(status: str) -> str:
    """A status code in words, as Speakeasy names by it (``naming.number_words``): ``200`` ->
    ``TwoHundred``, ``401`` -> ``FourHundredAndOne``, ``4XX`` -> ``FourXX``, ``default`` ->
    ``Default``."""
    if len(status) == 3 and status[0].isdigit() and status[1:].upper() == "XX":
        return f"{number_words(int(status[0]))}XX"
    if not (len(status) == 3 and status.isdigit()):
        return pascal_case(status)
    return number_words(int(status))
