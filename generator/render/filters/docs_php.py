"""Speakeasy PHP SDK doc conventions: ``Models/<Ns>/<Name>.md``, ``?T`` type cells, docblocks.

Names as written in PHP docs are used only when the definition was read
from PHP docs; otherwise they are derived from the wire names.
"""

from __future__ import annotations

from contextvars import ContextVar

from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    EnumValue,
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
)
from generator.naming import file_name
from generator.render.distinct import distinct, register_path
from generator.render.filters.markdown import (
    enum_words,
    example_text,
    field_rows,
    following,
    md_table,
    null_example,
    shown_required,
    shows,
    unqualified,
)

RESPONSE = (
    "\\Psr\\Http\\Message\\ResponseInterface",
    "https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface",
)
"""How the raw HTTP response of a response model is typed and linked."""


_VENDOR: ContextVar[str | None] = ContextVar("php_vendor", default=None)


def php_namespace(namespace: str) -> str:
    """``components`` -> ``Components``."""
    return namespace[:1].upper() + namespace[1:]


def php_doc_path(name: TypeName, folders: str | None = None) -> str:
    """``Models/Operations/TrackLeadRequestBody.md`` (``models/operations/...`` when the tree
    spells its folders in lower case, ``DocsFlavor.folders``; numbered on a clash)."""
    return distinct("docs-php", name, _plain_php_doc_path(name, folders))


def _plain_php_doc_path(name: TypeName, folders: str | None = None) -> str:
    if folders is None and shows("folders-lower"):
        folders = "lower"
    if folders == "lower":
        return f"models/{name.namespace}/{file_name(name.name, '.md')}"
    return f"Models/{php_namespace(name.namespace)}/{file_name(name.name, '.md')}"


register_path("docs-php", _plain_php_doc_path)


def php_class(name: TypeName) -> str:
    """``Operations\\Mode``."""
    return f"{php_namespace(name.namespace)}\\{name.name}"


def is_php(definition: Definition) -> bool:
    """The definition was read from PHP docs, so its names as written are PHP names."""
    return definition.docs_flavor is not None and definition.docs_flavor.language == "php"


def php_field_name(field: Field, own: bool) -> str:
    """A field's PHP name: as written in PHP docs, else the wire name."""
    if own and field.source_name:
        return field.source_name
    return field.sdk_name or field.name


def php_enum_constant(model: EnumModel, value: EnumValue) -> str:
    """An enum case: as written in PHP docs, else PascalCase of the value."""
    if value.source_name and is_php(model):
        return value.source_name
    return "".join(word.capitalize() for word in enum_words(value.value)) or "Value"


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return {"date-time": "\\DateTime", "date": "\\Brick\\DateTime\\LocalDate"}.get(
            node.format or "", "string"
        )
    return {
        PrimitiveKind.INTEGER: "int",
        PrimitiveKind.NUMBER: "float",
        PrimitiveKind.BOOLEAN: "bool",
    }.get(node.kind, "mixed")


def php_native(node: TypeNode) -> str:
    """The PHP native type: ``string``, ``array``, ``Components\\Tag``."""
    if isinstance(node, Primitive):
        return _scalar(node)
    if isinstance(node, ArrayType | MapType):
        return "array"
    if isinstance(node, RefType):
        return php_class(node.target)
    if isinstance(node, LiteralType):
        return _scalar(Primitive(_literal_kind(node)))
    return "mixed"


def _literal_kind(node: LiteralType) -> PrimitiveKind:
    value = node.value
    if isinstance(value, bool):
        return PrimitiveKind.BOOLEAN
    if isinstance(value, int):
        return PrimitiveKind.INTEGER
    if isinstance(value, float):
        return PrimitiveKind.NUMBER
    return PrimitiveKind.STRING if isinstance(value, str) else PrimitiveKind.ANY


def php_bare_type(node: TypeNode) -> str:
    """A PHP docblock type: ``string``, ``array<string>``, ``array<string, mixed>``."""
    if isinstance(node, ArrayType):
        return f"array<{php_bare_type(node.items)}>"
    if isinstance(node, MapType):
        return f"array<string, {php_bare_type(node.values)}>"
    return php_native(node)


def php_type(node: TypeNode, marked: bool, schema: Schema) -> str:
    """A type cell: ``*?string*``, ``array<*string*>``, ``[?Ns\\Name](link)``, ``[a|b|null](link)``."""
    mark = "?" if marked else ""
    if isinstance(node, Primitive):
        if node.format == "http-response":
            return f"[{RESPONSE[0]}]({RESPONSE[1]})"
        return f"*{mark}{_scalar(node)}*"
    if isinstance(node, ArrayType):
        return f"array<{php_type(node.items, False, schema)}>"
    if isinstance(node, MapType):
        return f"array<string, {php_type(node.values, False, schema)}>"
    if isinstance(node, RefType):
        link = "../../" + php_doc_path(node.target)
        target = schema.get(node.target)
        if isinstance(target, UnionModel):
            natives = list(dict.fromkeys(php_native(variant.type) for variant in target.variants))
            return f"[{'|'.join(natives + (['null'] if marked else []))}]({link})"
        return f"[{mark}{_class_label(node.target)}]({link})"
    return f"*{mark}{php_native(node)}*"


def _class_label(name: TypeName) -> str:
    """A class as a link label: ``Ns\\X``, bare ``X`` (``links-unqualified``) or fully qualified
    ``\\Vendor\\Models\\Ns\\X`` (``php-qualified``, vendor from ``DocsFlavor.package``)."""
    if unqualified(name):
        return name.name
    vendor = _VENDOR.get()
    if shows("php-qualified") and vendor:
        return f"\\{vendor}\\Models\\{php_class(name)}"
    return php_class(name)


def _marked(field: Field) -> bool:
    """``?`` on optional scalars and named types, and on required nullable ones."""
    if isinstance(field.type, ArrayType | MapType):
        return False
    if isinstance(field.type, Primitive) and field.type.kind is PrimitiveKind.ANY:
        return False
    return not shown_required(field) or field.nullable is True


def php_fields_table(model: ObjectModel, schema: Schema) -> str:
    """The ``## Fields`` table of an object model."""
    own = is_php(model)
    names = [php_field_name(field, own) for field in model.fields]
    token = _VENDOR.set(model.docs_flavor.package if model.docs_flavor else None)
    try:
        with following(model, "php"):
            types = [php_type(field.type, _marked(field), schema) for field in model.fields]
    finally:
        _VENDOR.reset(token)
    header, rows = field_rows(model.fields, names, types, null_example(model, "php"))
    return md_table(header, rows)


def php_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    rows = [
        [f"`{php_enum_constant(model, value)}`", example_text(value.value)[0]]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def php_variants(model: UnionModel) -> list[tuple[str, str]]:
    """``(native type, docblock type)`` of each ``### `` entry of ``## Supported Types``."""
    return [(php_native(v.type), php_bare_type(v.type)) for v in model.variants]
