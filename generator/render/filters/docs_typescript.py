"""Speakeasy TypeScript SDK doc conventions: type cells, enum unions and example snippets.

Names as written in TypeScript docs are used only when the definition was
read from TypeScript docs; otherwise they are derived from the wire names.
The examples are printed from the IR's example values (``examples`` of the
model and of each union variant), never echoed from a source.
"""

from __future__ import annotations

from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    Field,
    JsonValue,
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
    is_scalar,
    json_text,
    thaw,
)
from generator.naming import camel_case, file_name, pascal_case
from generator.numbers import json_number
from generator.render.distinct import distinct, register_path
from generator.render.filters.docs_typescript_values import ValuePrinter, ts_string
from generator.render.filters.markdown import (
    example_text,
    field_rows,
    following,
    md_table,
    models_link,
    null_example,
    runtime_link,
    shows,
    unqualified,
)

MDN = "https://developer.mozilla.org/en-US/docs/Web"
"""Where TypeScript docs link library types."""
LINKED: dict[tuple[PrimitiveKind, str], str] = {
    (PrimitiveKind.STRING, "date-time"): f"[Date]({MDN}/JavaScript/Reference/Global_Objects/Date)",
    (PrimitiveKind.ANY, "http-response"): f"[Response]({MDN}/API/Response)",
}
"""Leaves written as links to their reference pages."""
RFC_DATE = ("RFCDate", "types/rfcdate.md")
"""The SDK's own date type (``date`` strings), documented beside the models (``runtime_link``)."""
AXIOS_RESPONSE = "[AxiosResponse](https://axios-http.com/docs/res_schema)"
"""The raw HTTP response of the 2023 TypeScript SDKs (fact ``typescript-axios``)."""
UPLOAD = f"[File]({MDN}/API/File) | [Blob]({MDN}/API/Blob)"
"""How binary data is typed as one alternative of an upload union."""
STREAM = "*ReadableStream<Uint8Array>*"
"""How binary data is typed on its own."""
OPEN_TAIL = "Unrecognized<string>"
"""The last alternative of an open enum."""
OPEN_COMMENT = "// Open enum: unrecognized values are captured as Unrecognized<string>"
"""The comment an open enum's example ends with."""
NO_EXAMPLE = "// No examples available for this model"
"""What an example block says when the model has no example."""
RENAMED_GLOBALS = frozenset(
    {"Error", "File", "Blob", "Date", "Object", "Function", "Promise", "Record", "Response"}
)
"""Model names the TypeScript SDK writes with a ``T`` appended, as JavaScript already defines them."""
IMPORT_WIDTH = 80
"""An import is broken when ``  <Name>,`` plus a ``=`` would not fit this width (as observed)."""


def ts_name(name: TypeName) -> str:
    """The TypeScript name of a model: ``Error`` -> ``ErrorT``, others unchanged."""
    return name.name + "T" if name.name in RENAMED_GLOBALS else name.name


def ts_qualified(name: TypeName) -> str:
    """``components.LinkSchema``, ``errors.ErrorT``."""
    return f"{name.namespace}.{ts_name(name)}"


def ts_doc_path(name: TypeName) -> str:
    """Path of a model's TypeScript doc: ``models/errors/errort.md`` (numbered on a clash)."""
    return distinct("docs-typescript", name, _plain_ts_doc_path(name))


def _plain_ts_doc_path(name: TypeName) -> str:
    return f"models/{name.namespace}/{file_name(ts_name(name).lower(), '.md')}"


register_path("docs-typescript", _plain_ts_doc_path)


def is_typescript(definition: Definition) -> bool:
    """The definition was read from TypeScript docs, so its names as written are its names."""
    return definition.docs_flavor is not None and definition.docs_flavor.language == "typescript"


def ts_field_name(field: Field, own: bool) -> str:
    """A field's TypeScript name: as written in TypeScript docs, else camelCase of the wire name."""
    if own and field.source_name:
        return field.source_name
    return camel_case(field.sdk_name or field.name) or field.name


def _scalar(node: Primitive, in_union: bool) -> str:
    if node.format == "http-response" and shows("typescript-axios"):
        return AXIOS_RESPONSE
    if node.kind is PrimitiveKind.STRING and node.format == "date":
        return f"[{RFC_DATE[0]}]({runtime_link(RFC_DATE[1])})"
    linked = LINKED.get((node.kind, node.format or ""))
    if linked is not None:
        return linked
    if node.kind is PrimitiveKind.STRING and node.format == "binary":
        return UPLOAD if in_union else STREAM
    word = {
        PrimitiveKind.STRING: "string",
        PrimitiveKind.INTEGER: "number",
        PrimitiveKind.NUMBER: "number",
        PrimitiveKind.BOOLEAN: "boolean",
    }.get(node.kind, "any")
    return f"*{word}*"


def _literal(node: LiteralType) -> str:
    value = node.value
    if isinstance(value, str):
        return ts_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return json_number(value)


def ts_type(node: TypeNode, schema: Schema, in_union: bool = False) -> str:
    """A type cell: ``*string*``, ``*number*[]``, ``Record<string, *any*>``, ``[ns.X](link)``."""
    if isinstance(node, Primitive):
        return _scalar(node, in_union)
    if isinstance(node, ArrayType):
        return ts_type(node.items, schema) + "[]"
    if isinstance(node, MapType):
        return f"Record<string, {ts_type(node.values, schema)}>"
    if isinstance(node, RefType):
        label = ts_name(node.target) if unqualified(node.target) else ts_qualified(node.target)
        if isinstance(schema.get(node.target), UnionModel):
            return f"*{label}*"
        return f"[{label}]({models_link(ts_doc_path(node.target))})"
    if isinstance(node, LiteralType):
        return f"*{_literal(node)}*"
    return " | ".join(ts_type(variant, schema, True) for variant in node.variants)


def ts_bare_type(node: TypeNode, schema: Schema) -> str:
    """A TypeScript type as code writes it: ``string[]``, ``{ [k: string]: any }``, ``ns.X``."""
    if isinstance(node, Primitive):
        if (node.kind, node.format) == (PrimitiveKind.STRING, "date-time"):
            return "Date"
        if node.kind is PrimitiveKind.STRING and node.format == "binary":
            return "ReadableStream<Uint8Array>"
        return _scalar(node, False).strip("*")
    if isinstance(node, ArrayType):
        return ts_bare_type(node.items, schema) + "[]"
    if isinstance(node, MapType):
        return f"{{ [k: string]: {ts_bare_type(node.values, schema)} }}"
    if isinstance(node, RefType):
        return ts_qualified(node.target)
    if isinstance(node, LiteralType):
        return _literal(node)
    return " | ".join(ts_bare_type(variant, schema) for variant in node.variants)


def ts_fields_table(model: ObjectModel, schema: Schema) -> str:
    """The ``## Fields`` table of an object model."""
    own = is_typescript(model)
    names = [ts_field_name(field, own) for field in model.fields]
    with following(model, "typescript"):
        types = [ts_type(field.type, schema) for field in model.fields]
        header, rows = field_rows(model.fields, names, types, null_example(model, "typescript"))
    return md_table(header, rows)


def ts_values(model: EnumModel) -> str:
    """The ``## Values`` block: ``"a" | "b"``, ending ``| Unrecognized<string>`` when open."""
    parts = [
        _literal(LiteralType(value.value)) if is_scalar(value.value) else json_text(value.value)
        for value in model.values
    ]
    if model.open:
        parts.append(OPEN_TAIL)
    return " | ".join(parts)


def ts_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of the 2023 generators (fact ``enum-table``): ``| `Credit` | Credit |``."""
    rows = [
        [
            f"`{value.source_name or pascal_case(str(value.value) if is_scalar(value.value) else json_text(value.value))}`",
            example_text(thaw(value.value))[0],
        ]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def ts_usage(model: Definition, schema: Schema) -> str | None:
    """The ``## Example Usage`` code: import, then the model's first example (or a note).

    ``None`` when the SDK package is unknown (the model was not read from
    TypeScript docs), as the import cannot be written.
    """
    flavor = model.docs_flavor
    if flavor is None or flavor.language != "typescript" or not flavor.package:
        return None
    name = ts_name(model.name)
    path = f"{flavor.package}/models/{model.name.namespace}"
    line = f'import {{ {name} }} from "{path}";'
    if len(name) + 4 > IMPORT_WIDTH:
        line = f'import {{\n  {name},\n}} from "{path}";'
    if not model.examples:
        return f"{line}\n\n{NO_EXAMPLE}"
    printer = ValuePrinter(schema, ts_field_name)
    code = printer.statement("let value:", name, model.examples[0], RefType(model.name))
    if isinstance(model, EnumModel) and model.open:
        code += f"\n\n{OPEN_COMMENT}"
    return f"{line}\n\n{code}"


def ts_variants(model: UnionModel, schema: Schema) -> list[tuple[str, str]]:
    """``(type, code)`` of each ``### `` entry of ``## Supported Types``."""
    printer = ValuePrinter(schema, ts_field_name)
    entries: list[tuple[str, str]] = []
    for variant in model.variants:
        type_text = ts_bare_type(variant.type, schema)
        value: JsonValue = (
            variant.examples[0] if variant.examples else _placeholder(variant.type, schema)
        )
        entries.append(
            (type_text, printer.statement("const value:", type_text, value, variant.type))
        )
    return entries


def _placeholder(node: TypeNode, schema: Schema) -> JsonValue:
    """A stand-in example when the IR has none: Speakeasy's ``"<value>"`` placeholders."""
    if isinstance(node, ArrayType):
        return ["<value 1>", "<value 2>"]
    if isinstance(node, MapType):
        return {"key": "<value>"}
    if isinstance(node, RefType) and isinstance(schema.get(node.target), ObjectModel):
        return {}
    return "<value>"
