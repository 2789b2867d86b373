"""Speakeasy Go SDK doc conventions: Go names, type cells in the old and new style, union code.

Names as written in Go docs (``Field.source_name`` ...) are used only when
the definition was read from Go docs; otherwise they are derived from the
wire names the way Speakeasy's Go generator does.
"""

from __future__ import annotations

from contextvars import ContextVar

from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    EnumValue,
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
    UnionType,
    UnionVariant,
    thaw,
)
from generator.ir.types import referenced_names
from generator.naming import file_name, go_name, pascal_case
from generator.render.distinct import distinct, register_path
from generator.render.filters.markdown import (
    enum_words,
    example_text,
    field_rows,
    following,
    md_table,
    models_link,
    null_example,
    reserved_names,
    runtime_link,
    shown_required,
    shows,
    unqualified,
)

TIME_LINK = "https://pkg.go.dev/time#Time"
"""Where Go docs link ``time.Time``."""
RESPONSE_LINK = "https://pkg.go.dev/net/http#Response"
"""Where Go docs link ``http.Response``."""
REQUEST_LINK = "https://pkg.go.dev/net/http#Request"
"""Where Go docs link ``http.Request``."""
DATE_DOC = "types/date.md"
"""The page Go docs link ``types.Date`` to, beside the models folder (``runtime_link``)."""
OPTIONAL_NULLABLE = "optionalnullable.OptionalNullable"
"""Go's wrapper of a field both optional and nullable (fact ``optional-nullable-wrapper``)."""
STYLES = ("old", "new")
"""The Go type styles: ``*string*`` / ``**string*`` and `` `string` `` / `` `*string` ``."""


GO_PACKAGES = {"errors": "sdkerrors"}
"""Namespaces whose Go package is named otherwise."""


def doc_path(
    name: TypeName, layout: str = "nested", reserved: frozenset[str] = frozenset()
) -> str:
    """Path of a model's doc below the docs root: ``models/operations/mode.md``
    (``models/mode.md`` in a ``flat`` layout, ``DocsFlavor.layout``; ``filter_.md`` for a name
    the generator reserves, ``DocsFlavor.reserved_names``; numbered on a clash, see
    ``generator.render.distinct``)."""
    plain = _plain_doc_path(name, layout)
    stem = name.name.lower()
    if stem in reserved:
        folder = plain.rpartition("/")[0]
        plain = f"{folder}/{file_name(stem + '_', '.md')}"
    return distinct("docs", name, plain)


def _plain_doc_path(name: TypeName, layout: str = "nested") -> str:
    if layout == "flat":
        return f"models/{file_name(name.name.lower(), '.md')}"
    return f"models/{name.namespace}/{file_name(name.name.lower(), '.md')}"


def doc_link(
    name: TypeName, layout: str = "nested", reserved: frozenset[str] | None = None
) -> str:
    """Link from one model doc to another, as Speakeasy writes it (``../../models/...``);
    ``reserved`` defaults to the names the tree of the doc being rendered reserves."""
    names = reserved_names() if reserved is None else reserved
    return models_link(doc_path(name, layout, names), layout != "flat")


def layout_of(definition: Definition) -> str:
    """The layout of the docs tree the definition was read from (``nested`` when none)."""
    return definition.docs_flavor.layout if definition.docs_flavor is not None else "nested"


def go_package(namespace: str) -> str:
    """The Go package of a namespace: ``errors`` -> ``sdkerrors``, others unchanged."""
    return GO_PACKAGES.get(namespace, namespace)


def go_qualified(name: TypeName) -> str:
    """``operations.Mode``, ``sdkerrors.BadRequest``."""
    return f"{go_package(name.namespace)}.{name.name}"


def go_doc_path(name: TypeName) -> str:
    """Path of a model's Go doc: ``models/sdkerrors/badrequest.md`` (numbered on a clash)."""
    return distinct("docs-go", name, _plain_go_doc_path(name))


def _plain_go_doc_path(name: TypeName) -> str:
    return f"models/{go_package(name.namespace)}/{file_name(name.name.lower(), '.md')}"


register_path("docs", _plain_doc_path)
register_path("docs-go", _plain_go_doc_path)


def go_doc_link(name: TypeName) -> str:
    """Link from one Go doc to another."""
    return models_link(go_doc_path(name))


def is_go(definition: Definition) -> bool:
    """The definition was read from Go docs, so its names as written are Go names."""
    return definition.docs_flavor is not None and definition.docs_flavor.language == "go"


def go_style(definition: Definition, requested: str | None = None) -> str:
    """``requested`` (``--go-style``) when given, else the style the Go docs were read in, else ``old``."""
    if requested in STYLES:
        return requested
    flavor = definition.docs_flavor
    if flavor is not None and flavor.language == "go" and flavor.style in STYLES:
        return flavor.style
    return "old"


def go_field_name(field: Field, own: bool = True) -> str:
    """The Go name of a field: as written in Go docs, else derived (``clickId`` -> ``ClickID``)."""
    if own and field.source_name:
        return field.source_name
    return go_name(field.sdk_name or field.name)


def go_enum_constant(model: EnumModel, value: EnumValue) -> str:
    """The Go constant of an enum value: as written in Go docs, else ``<Enum><Value>``."""
    if value.source_name and is_go(model):
        return value.source_name
    return model.name.name + "".join(word.capitalize() for word in enum_words(value.value))


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return "io.ReadCloser" if node.format == "binary" else "string"
    if node.kind is PrimitiveKind.INTEGER:
        return "int" if node.format == "int32" else "int64"
    if node.kind is PrimitiveKind.NUMBER:
        return "float32" if node.format == "float" else "float64"
    if node.kind is PrimitiveKind.BOOLEAN:
        return "bool"
    return "interface{}" if shows("any-as-interface") else "any"


_HTTP = frozenset({"http-response", "http-request"})
"""Formats of the raw HTTP exchange, which Go SDKs always hold by pointer."""


def _pointer_allowed(node: TypeNode) -> bool:
    """Go points to scalars and named types; never to a slice, a map, ``any`` or binary content
    (``io.ReadCloser`` is an interface, ``[]byte`` a slice)."""
    if isinstance(node, Primitive):
        if node.kind is PrimitiveKind.STRING and node.format == "binary":
            return False
        return node.kind is not PrimitiveKind.ANY or node.format in _HTTP
    return isinstance(node, RefType | LiteralType)


def _linked(node: Primitive) -> tuple[str, str] | None:
    """``(Go type, link)`` of the leaves written as links."""
    if node.kind is PrimitiveKind.STRING and node.format == "date-time":
        return "time.Time", TIME_LINK
    if node.kind is PrimitiveKind.STRING and node.format == "date":
        return "types.Date", runtime_link(DATE_DOC)
    if node.format == "http-response":
        return "http.Response", RESPONSE_LINK
    if node.format == "http-request":
        return "http.Request", REQUEST_LINK
    return None


def go_type(node: TypeNode, pointer: bool = False, style: str = "old") -> str:
    """A Go type cell: old ``*string*`` / ``**string*``, new `` `string` `` / `` `*string` ``."""
    star = "*" if pointer and _pointer_allowed(node) else ""
    mark = "*" if style == "old" else "`"
    if isinstance(node, Primitive):
        linked = _linked(node)
        if linked is not None:
            return f"[{star}{linked[0]}]({linked[1]})"
        return f"{mark}{star}{_scalar(node)}{mark}"
    if isinstance(node, ArrayType):
        return "[]" + go_type(node.items, node.items_nullable is True, style)
    if isinstance(node, MapType):
        return "map[string]" + go_type(node.values, node.values_nullable is True, style)
    if isinstance(node, RefType):
        label = node.target.name if unqualified(node.target) else go_qualified(node.target)
        if style == "old" and node.target in _UNLINKED.get():
            return f"{mark}{star}{label}{mark}"
        return f"[{star}{label}]({go_doc_link(node.target)})"
    if isinstance(node, LiteralType):
        return f"{mark}{star}{_literal_type(node.value)}{mark}"
    return f"{mark}{_scalar(Primitive(PrimitiveKind.ANY))}{mark}"


def _literal_type(value: JsonValue) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int64"
    if isinstance(value, float):
        return "float64"
    return "string"


def go_field_type(field: Field, style: str = "old") -> str:
    """Type cell of a field: a pointer when optional, and in the new style also when nullable;
    the raw HTTP request and response always (``*http.Response``)."""
    required = shown_required(field)
    if not required and field.nullable is True and shows("optional-nullable-wrapper"):
        return f"{OPTIONAL_NULLABLE}[{go_type(field.type, False, style)}]"
    pointer = (
        not required
        or (style == "new" and field.nullable is True)
        or (isinstance(field.type, Primitive) and field.type.format in _HTTP)
    )
    return go_type(field.type, pointer, style)


def go_example(value: JsonValue) -> str:
    """An example value as the Example column prints it (``<nil>`` for null)."""
    return example_text(value)[0]


_UNLINKED: ContextVar[frozenset[TypeName]] = ContextVar("go_unlinked", default=frozenset())
"""The error types the doc being rendered names (``ObjectModel.error``), which the old style
names without a link."""


def error_types(model: ObjectModel, schema: Schema | None) -> frozenset[TypeName]:
    """The models ``model``'s fields refer to that are SDK error types (``ObjectModel.error``)."""
    if schema is None:
        return frozenset()
    found = set()
    for name in referenced_names([field.type for field in model.fields]):
        target = schema.get(name)
        if isinstance(target, ObjectModel) and target.error:
            found.add(name)
    return frozenset(found)


def go_fields_table(model: ObjectModel, style: str, schema: Schema | None = None) -> str:
    """The ``## Fields`` table of an object model; the old style names the SDK's error types
    (``ObjectModel.error``, looked up in ``schema``) without a link, as Speakeasy's Go
    generator of 2023 does."""
    own = is_go(model)
    names = [go_field_name(field, own) for field in model.fields]
    unlinked = _UNLINKED.set(error_types(model, schema) if style == "old" else frozenset())
    try:
        with following(model, "go"):
            types = [go_field_type(field, style) for field in model.fields]
            header, rows = field_rows(model.fields, names, types, null_example(model, "go"))
    finally:
        _UNLINKED.reset(unlinked)
    return md_table(header, rows)


def go_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    rows = [
        [f"`{go_enum_constant(model, value)}`", example_text(thaw(value.value))[0]]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def go_bare_type(node: TypeNode) -> str:
    """A Go type as code writes it: ``string``, ``[]string``, ``components.Tag``."""
    if isinstance(node, Primitive):
        linked = _linked(node)
        return linked[0] if linked else _scalar(node)
    if isinstance(node, ArrayType):
        return "[]" + ("*" if node.items_nullable else "") + go_bare_type(node.items)
    if isinstance(node, MapType):
        return "map[string]" + ("*" if node.values_nullable else "") + go_bare_type(node.values)
    if isinstance(node, RefType):
        return go_qualified(node.target)
    if isinstance(node, LiteralType):
        return _literal_type(node.value)
    return "any"


def go_variant_name(model: UnionModel, variant: UnionVariant) -> str:
    """The variant's Go name (the ``Create<Union><Name>`` suffix): as written, else derived."""
    if variant.source_name and is_go(model):
        return variant.source_name
    return _type_word(variant.type)


def _type_word(node: TypeNode) -> str:
    """Speakeasy's name for an unnamed variant: ``Str``, ``ArrayOfStr``, ``MapOfAny``..."""
    if isinstance(node, RefType):
        return node.target.name
    if isinstance(node, ArrayType):
        return "ArrayOf" + _type_word(node.items)
    if isinstance(node, MapType):
        return "MapOf" + _type_word(node.values)
    if isinstance(node, Primitive):
        words = {
            PrimitiveKind.STRING: "Str",
            PrimitiveKind.INTEGER: "Integer",
            PrimitiveKind.NUMBER: "Number",
            PrimitiveKind.BOOLEAN: "Boolean",
            PrimitiveKind.ANY: "Any",
        }
        return words[node.kind]
    if isinstance(node, LiteralType):
        return pascal_case(str(node.value)) or "Literal"
    assert isinstance(node, UnionType)
    return "Union"


def go_variable(model: Definition) -> str:
    """The variable union and enum examples assign to: the name with its first word lowered,
    a leading acronym whole (``DiffLine`` -> ``diffLine``, ``TLSSettings`` -> ``tlsSettings``)."""
    name = model.name.name
    upper = len(name) - len(name.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if upper > 1 and upper < len(name) and name[upper].islower():
        upper -= 1
    upper = max(upper, 1)
    return name[:upper].lower() + name[upper:]


def go_variants(model: UnionModel) -> list[tuple[str, str]]:
    """``(heading, code)`` of each ``### `` entry of ``## Supported Types``."""
    entries: list[tuple[str, str]] = []
    with following(model, "go"):
        for variant in model.variants:
            heading = variant.type.target.name if isinstance(variant.type, RefType) else ""
            code = (
                f"{go_variable(model)} := {go_package(model.name.namespace)}.Create"
                f"{model.name.name}{go_variant_name(model, variant)}"
                f"({go_bare_type(variant.type)}{{/* values here */}})"
            )
            entries.append((heading, code))
    return entries


def go_discrimination(model: UnionModel, schema: Schema) -> str:
    """The ``switch`` block of the new style's ``## Union Discrimination``.

    The constants are ``<Union>Type<Variant>``, or ``<Union>UnionType<Variant>``
    when a definition called ``<Union>Type`` already exists in the namespace; a constant
    whose name a definition already has ends with ``Value``.  The field
    that holds a variant is named after its model when it has one, else after the variant;
    an open union (``UnionModel.open``) ends with a ``default:`` branch for unknown values.
    """
    variable = go_variable(model)
    type_name = model.name.name + "Type"
    if schema.get(TypeName(model.name.namespace, type_name)) is not None:
        type_name = model.name.name + "UnionType"
    lines = [f"switch {variable}.Type {{"]
    for variant in model.variants:
        suffix = go_variant_name(model, variant)
        holder = variant.type.target.name if isinstance(variant.type, RefType) else suffix
        constant = type_name + suffix
        if schema.get(TypeName(model.name.namespace, constant)) is not None:
            constant += "Value"
        lines.append(f"\tcase {go_package(model.name.namespace)}.{constant}:")
        lines.append(f"\t\t// {variable}.{holder} is populated")
    if model.open:
        lines.append("\tdefault:")
        lines.append(f"\t\t// Unknown type - use {variable}.GetUnknownRaw() for raw JSON")
    lines.append("}")
    return "\n".join(lines)


def go_enum_usage(model: EnumModel) -> str | None:
    """The new style's enum example (import, then ``value := ns.Constant``); ``None`` if unknown.

    The module path is a fact of Go docs only; the example value is the
    model's first example, else its first value.
    """
    flavor = model.docs_flavor
    if flavor is None or flavor.language != "go" or not flavor.package:
        return None
    example = model.examples[0] if model.examples else model.values[0].value
    chosen = next((v for v in model.values if v.value == example), model.values[0])
    namespace = go_package(model.name.namespace)
    code = (
        f'import (\n\t"{flavor.package}/models/{namespace}"\n)\n\n'
        f"value := {namespace}.{go_enum_constant(model, chosen)}"
    )
    if model.open:
        integers = all(
            isinstance(v.value, int) and not isinstance(v.value, bool) for v in model.values
        )
        custom = "999" if integers else '"custom_value"'
        code += (
            "\n\n// Open enum: custom values can be created with a direct type cast\n"
            f"custom := {namespace}.{model.name.name}({custom})"
        )
    return code
