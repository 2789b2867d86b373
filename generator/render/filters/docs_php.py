"""Speakeasy PHP SDK doc conventions: ``Models/<Ns>/<Name>.md``, ``?T`` type cells, docblocks.

Names as written in PHP docs are used only when the definition was read
from PHP docs; otherwise they are derived from the wire names.
"""

from __future__ import annotations

from generator.ir import (
    ArrayType,
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
)
from generator.naming import file_name
from generator.render.distinct import distinct, register_path
from generator.render.filters import docs_lexicon as lexicon
from generator.render.filters.markdown import (
    models_link,
    package,
    shown_required,
    shows,
    unqualified,
)

RESPONSE = (
    "\\Psr\\Http\\Message\\ResponseInterface",
    "https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface",
)
"""How the raw HTTP response of a response model is typed and linked."""
DATE_TIME = ("\\DateTime", "https://www.php.net/manual/en/class.datetime.php")
"""How a date-time is typed and linked in a type cell (never marked ``?``)."""


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


LEXICON = lexicon.DocsLexicon("php", lambda name: name, lexicon.pascal_words, "Value")
"""PHP field names are the wire names; enum cases PascalCase."""


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
        return _scalar(lexicon.literal_primitive(node))
    return "mixed"


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
        if node.kind is PrimitiveKind.STRING and node.format == "date-time":
            return f"[{DATE_TIME[0]}]({DATE_TIME[1]})"
        return f"*{mark}{_scalar(node)}*"
    if isinstance(node, ArrayType):
        return f"array<{php_type(node.items, False, schema)}>"
    if isinstance(node, MapType):
        return f"array<string, {php_type(node.values, False, schema)}>"
    if isinstance(node, RefType):
        link = models_link(php_doc_path(node.target))
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
    vendor = package()
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
    return lexicon.fields_table(
        LEXICON, model, lambda field: php_type(field.type, _marked(field), schema)
    )


def php_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    return lexicon.values_table(LEXICON, model)


def php_variants(model: UnionModel) -> list[tuple[str, str]]:
    """``(native type, docblock type)`` of each ``### `` entry of ``## Supported Types``."""
    return [(php_native(v.type), php_bare_type(v.type)) for v in model.variants]
