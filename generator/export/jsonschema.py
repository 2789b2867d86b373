"""The IR as one self-contained JSON Schema 2020-12 document: every definition under ``$defs``.

Used by the ``jsonschema`` and ``openapi`` targets and, in its request view,
by the ``pydantic`` target.  The mapping follows the ``python`` target's
reading of the IR, so the three agree on what a payload may hold:

- a field whose ``nullable`` is ``True`` or unknown (``None``) also accepts ``null``
  (``anyOf`` with ``{"type": "null"}``), as do array items and map values;
- an object accepts properties it does not list unless it is ``closed``; typed
  additional properties become ``additionalProperties``;
- an open enum accepts any value of its values' JSON type beside the listed ones;
- a union (named or not) is an ``anyOf``: a value must match at least one variant.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.ir import (
    AliasModel,
    ArrayType,
    Constraints,
    Definition,
    EnumModel,
    Field,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    TypeNode,
    UnionModel,
    UnionType,
    thaw,
    walk_types,
)
from generator.naming import pascal_case

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""``$schema`` of the exported document."""

_KEYWORDS = (
    ("min_length", "minLength"),
    ("max_length", "maxLength"),
    ("pattern", "pattern"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"),
    ("multiple_of", "multipleOf"),
    ("min_items", "minItems"),
    ("max_items", "maxItems"),
    ("unique_items", "uniqueItems"),
    ("min_properties", "minProperties"),
    ("max_properties", "maxProperties"),
)
"""IR constraint attribute to JSON Schema keyword."""

_JSON_TYPES = {
    PrimitiveKind.STRING: "string",
    PrimitiveKind.INTEGER: "integer",
    PrimitiveKind.NUMBER: "number",
    PrimitiveKind.BOOLEAN: "boolean",
}


def definition_keys(schema: Schema) -> dict[TypeName, str]:
    """The ``$defs`` key of each definition: its name, or namespace + name where names repeat.

    A repeated name gets its namespace in front, in PascalCase
    (``operations.Mode`` -> ``OperationsMode``), with ``2``, ``3``... added
    if that is taken too; keys stay identifiers, as code generators want them.
    """
    counts: dict[str, int] = {}
    for definition in schema.definitions:
        counts[definition.name.name] = counts.get(definition.name.name, 0) + 1
    keys = {d.name: d.name.name for d in schema.definitions if counts[d.name.name] == 1}
    taken = set(keys.values())
    for definition in schema.definitions:
        if definition.name in keys:
            continue
        base = pascal_case(definition.name.namespace) + definition.name.name
        key, number = base, 2
        while key in taken:
            key, number = f"{base}{number}", number + 1
        keys[definition.name] = key
        taken.add(key)
    return keys


class Exporter:
    """Turns IR nodes into JSON Schema, with references pointing at ``ref_prefix``."""

    def __init__(
        self,
        schema: Schema,
        *,
        request: bool = False,
        ref_prefix: str = "#/$defs/",
        formats: frozenset[str] | None = None,
    ) -> None:
        self.schema = schema
        """The schema being exported."""
        self.request = request
        """Request view: read-only fields are left out (as in the request classes)."""
        self.ref_prefix = ref_prefix
        """Where definitions live: ``#/$defs/`` or ``#/components/schemas/``."""
        self.formats = formats
        """Formats to keep (``None``: all)."""
        self.keys = definition_keys(schema)
        """``$defs`` key of each definition."""

    def ref(self, name: TypeName) -> str:
        """The ``$ref`` value that points at definition ``name``."""
        return self.ref_prefix + self.keys[name].replace("~", "~0").replace("/", "~1")

    def node(self, node: TypeNode) -> dict[str, Any]:
        """The schema of a value of ``node`` (never ``null``)."""
        if isinstance(node, Primitive):
            result: dict[str, Any] = {}
            if node.kind in _JSON_TYPES:
                result["type"] = _JSON_TYPES[node.kind]
            if node.format is not None and (self.formats is None or node.format in self.formats):
                result["format"] = node.format
            return result | constraints(node.constraints)
        if isinstance(node, ArrayType):
            items = nullable(self.node(node.items), node.items_nullable)
            return {"type": "array", "items": items} | constraints(node.constraints)
        if isinstance(node, MapType):
            values = nullable(self.node(node.values), node.values_nullable)
            return {"type": "object", "additionalProperties": values} | constraints(
                node.constraints
            )
        if isinstance(node, RefType):
            return {"$ref": self.ref(node.target)}
        if isinstance(node, LiteralType):
            return {"const": node.value}
        assert isinstance(node, UnionType)
        return {"anyOf": [self.node(variant) for variant in node.variants]}

    def field(self, field: Field) -> dict[str, Any]:
        """The property schema of a field, with its annotations."""
        result = nullable(self.node(field.type), field.nullable)
        if field.description:
            result["description"] = field.description
        if field.default is not None:
            result["default"] = field.default.value
        if field.examples:
            result["examples"] = list(field.examples)
        if field.deprecated:
            result["deprecated"] = True
        if field.read_only:
            result["readOnly"] = True
        if field.write_only:
            result["writeOnly"] = True
        return result

    def object_model(self, model: ObjectModel) -> dict[str, Any]:
        """The schema of an object model."""
        fields = [f for f in model.fields if not (self.request and f.read_only)]
        result: dict[str, Any] = {"type": "object"}
        result["properties"] = {field.name: self.field(field) for field in fields}
        required = [field.name for field in fields if field.required]
        if required:
            result["required"] = required
        if model.closed:
            result["additionalProperties"] = False
        elif model.additional_properties is not None:
            result["additionalProperties"] = self.node(model.additional_properties)
        return result | constraints(model.constraints)

    def enum_model(self, model: EnumModel) -> dict[str, Any]:
        """The schema of an enum; an open one also accepts other values of its JSON type."""
        values = [thaw(value.value) for value in model.values]
        listed: dict[str, Any] = {"enum": values}
        kinds = {_json_type(value) for value in values}
        if len(kinds) == 1:
            listed = {"type": kinds.pop(), **listed}
        if model.open is True:
            others = [{"type": kind} for kind in sorted({_json_type(value) for value in values})]
            return {"anyOf": [listed, *others]}
        return listed

    def union_model(self, model: UnionModel) -> dict[str, Any]:
        """The schema of a named union: ``anyOf`` its variants."""
        return {"anyOf": [self.node(variant.type) for variant in model.variants]}

    def alias_model(self, model: AliasModel) -> dict[str, Any]:
        """The schema of a named alias: that of its type (``null`` too when nullable)."""
        body = nullable(self.node(model.type), model.nullable)
        if model.default is not None:
            body["default"] = model.default.value
        if model.examples:
            body["examples"] = list(model.examples)
        return body

    def definition(self, definition: Definition) -> dict[str, Any]:
        """The ``$defs`` entry of a definition, with title, description and deprecation."""
        if isinstance(definition, ObjectModel):
            body = self.object_model(definition)
        elif isinstance(definition, EnumModel):
            body = self.enum_model(definition)
        elif isinstance(definition, AliasModel):
            body = self.alias_model(definition)
        else:
            body = self.union_model(definition)
        head: dict[str, Any] = {"title": definition.name.name}
        if definition.description:
            head["description"] = definition.description
        if definition.deprecated:
            head["deprecated"] = True
        return head | body


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    return "string"


def constraints(found: Constraints) -> dict[str, Any]:
    """The validation keywords of ``found``."""
    return {
        keyword: getattr(found, attribute)
        for attribute, keyword in _KEYWORDS
        if getattr(found, attribute) is not None
    }


def nullable(body: dict[str, Any], flag: bool | None) -> dict[str, Any]:
    """``body``, also accepting ``null`` unless ``flag`` is ``False`` (``{}`` accepts it already)."""
    if flag is False or not body:
        return body
    return {"anyOf": [body, {"type": "null"}]}


def closure(schema: Schema, roots: Iterable[TypeName]) -> list[TypeName]:
    """``roots`` and every definition they reach, sorted like ``Schema.definitions``."""
    seen: set[TypeName] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        definition = schema.get(name)
        nodes: list[TypeNode] = []
        if isinstance(definition, ObjectModel):
            for field in definition.fields:
                nodes.extend(walk_types(field.type))
            if definition.additional_properties is not None:
                nodes.extend(walk_types(definition.additional_properties))
        elif isinstance(definition, UnionModel):
            for variant in definition.variants:
                nodes.extend(walk_types(variant.type))
        elif isinstance(definition, AliasModel):
            nodes.extend(walk_types(definition.type))
        todo.extend(n.target for n in nodes if isinstance(n, RefType))
    return sorted(seen, key=lambda name: (name.namespace, name.name))


def export_definitions(
    schema: Schema,
    *,
    request: bool = False,
    ref_prefix: str = "#/$defs/",
    roots: Iterable[TypeName] | None = None,
    formats: frozenset[str] | None = None,
) -> dict[str, Any]:
    """``$defs``-style mapping of key to schema, for every definition (or the closure of ``roots``)."""
    exporter = Exporter(schema, request=request, ref_prefix=ref_prefix, formats=formats)
    names = [d.name for d in schema.definitions] if roots is None else closure(schema, roots)
    found: dict[str, Any] = {}
    for name in names:
        definition = schema.get(name)
        if definition is not None:
            found[exporter.keys[name]] = exporter.definition(definition)
    return dict(sorted(found.items()))


def export_schema(
    schema: Schema,
    *,
    request: bool = False,
    roots: Iterable[TypeName] | None = None,
    formats: frozenset[str] | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """The JSON Schema 2020-12 document: ``$schema``, optional ``title`` and ``$defs``."""
    document: dict[str, Any] = {"$schema": DIALECT}
    if title:
        document["title"] = title
    document["$defs"] = export_definitions(schema, request=request, roots=roots, formats=formats)
    return document


def validator_schema(document: dict[str, Any], key: str) -> dict[str, Any]:
    """``document`` whose root validates definition ``key`` (for JSON Schema validators)."""
    pointer = key.replace("~", "~0").replace("/", "~1")
    return {**document, "$ref": f"#/$defs/{pointer}"}
