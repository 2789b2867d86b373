"""Speakeasy Python SDK doc conventions: snake_case names, ``Optional[...]`` type cells, union code.

Names as written in Python docs are used only when the definition was read
from Python docs; otherwise they are derived from the wire names.
"""

from __future__ import annotations

import json
import keyword

from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    EnumValue,
    Field,
    FrozenJson,
    JsonObject,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeNode,
    UnionModel,
    UnionType,
    is_scalar,
    thaw,
)
from generator.naming import snake_case
from generator.render.filters.go_docs import doc_link, layout_of
from generator.render.filters.markdown import (
    code_span,
    enum_words,
    example_text,
    field_rows,
    following,
    md_table,
    null_example,
    own_reserved,
    reserved_names,
    shown_required,
    shows,
    unqualified,
)
from generator.render.filters.python_literals import py_repr

LINKED: dict[tuple[PrimitiveKind, str], tuple[str, str]] = {
    (PrimitiveKind.STRING, "date"): (
        "date",
        "https://docs.python.org/3/library/datetime.html#date-objects",
    ),
    (PrimitiveKind.STRING, "date-time"): (
        "datetime",
        "https://docs.python.org/3/library/datetime.html#datetime-objects",
    ),
    (PrimitiveKind.ANY, "http-response"): (
        "httpx.Response",
        "https://www.python-httpx.org/api/#response",
    ),
}
"""Leaves written as links to their reference pages."""
REQUESTS_RESPONSE = (
    "requests.Response",
    "https://requests.readthedocs.io/en/latest/api/#requests.Response",
)
"""The raw HTTP response of the 2023 Python SDKs (fact ``python-requests``)."""
BINARY = "Union[bytes, IO[bytes], io.IOBase]"
"""How a binary upload is typed."""
OPEN_ENUM_NOTE = "This is an open enum. Unrecognized values will not fail type checks."
"""The sentence before the values of an open enum."""


PYTHON_KEYWORDS = frozenset(word for word in keyword.kwlist if word.islower())
"""Names a Python module cannot have, so the generator suffixes ``_`` to a model doc's file
so named (``class_.md``), as to the tree's own reserved names (``DocsFlavor.reserved_names``)."""


def py_reserved(definition: Definition | None = None) -> frozenset[str]:
    """The names whose model docs are written ``<name>_.md``: Python's keywords and the names
    the tree of ``definition`` (else of the doc being rendered) reserves."""
    tree = reserved_names() if definition is None else own_reserved(definition, "python")
    return PYTHON_KEYWORDS | tree


def is_python(definition: Definition) -> bool:
    """The definition was read from Python docs, so its names as written are Python names."""
    return definition.docs_flavor is not None and definition.docs_flavor.language == "python"


def py_doc_field_name(field: Field, own: bool) -> str:
    """A field's Python name: as written in Python docs, else snake_case of the wire name."""
    if own and field.source_name:
        return field.source_name
    name = snake_case(field.sdk_name or field.name)
    return name + "_" if keyword.iskeyword(name) else name


def py_enum_constant(model: EnumModel, value: EnumValue) -> str:
    """An enum value's Python constant: as written in Python docs, else ``UPPER_SNAKE``.

    Speakeasy's Python names ``*`` ``WILDCARD_`` (the other languages ``Wildcard``).
    """
    if value.source_name and is_python(model):
        return value.source_name
    words = enum_words(value.value)
    return "_".join(words).upper() + ("_" if words == ["wildcard"] else "") or "VALUE"


def _scalar(node: Primitive) -> str:
    if node.kind is PrimitiveKind.STRING:
        return BINARY if node.format == "binary" else "str"
    return {
        PrimitiveKind.INTEGER: "int",
        PrimitiveKind.NUMBER: "float",
        PrimitiveKind.BOOLEAN: "bool",
    }.get(node.kind, "Any")


def _literal(value: FrozenJson) -> str:
    """``Literal[...]`` argument: JSON for strings and numbers, Python words for the rest
    (an enum member that is a list or a mapping: its Python literal)."""
    if not is_scalar(value):
        return py_repr(thaw(value))
    if value is True:
        return "True"
    if value is False:
        return "False"
    if value is None:
        return "None"
    return json.dumps(value, ensure_ascii=False)


def py_doc_type(node: TypeNode, wrapper: str | None = None, layout: str = "nested") -> str:
    """A type cell: ``*str*``, ``*Optional[str]*``, ``List[*str*]``, ``[Optional[ns.X]](link)``."""

    def wrap(text: str) -> str:
        return f"{wrapper}[{text}]" if wrapper else text

    builtin = shows("containers-builtin")
    if isinstance(node, Primitive):
        linked = LINKED.get((node.kind, node.format or ""))
        if linked is not None and node.format == "http-response" and shows("python-requests"):
            linked = REQUESTS_RESPONSE
        if linked is not None:
            if shows("library-links-unwrapped") and wrapper in ("Optional", "OptionalNullable"):
                return f"[{linked[0]}]({linked[1]})"
            return f"[{wrap(linked[0])}]({linked[1]})"
        return f"*{wrap(_scalar(node))}*"
    if isinstance(node, ArrayType):
        items = py_doc_type(node.items, "Nullable" if node.items_nullable else None, layout)
        return f"{'list' if builtin else 'List'}[{items}]"
    if isinstance(node, MapType):
        inner = py_doc_type(node.values, "Nullable" if node.values_nullable else None, layout)
        return f"{'dict' if builtin else 'Dict'}[str, {inner}]"
    if isinstance(node, RefType):
        label = node.target.name if unqualified(node.target) else str(node.target)
        return f"[{wrap(label)}]({doc_link(node.target, layout, py_reserved())})"
    if isinstance(node, LiteralType):
        return f"*{wrap('Literal[' + _literal(node.value) + ']')}*"
    assert isinstance(node, UnionType)
    return f"*{wrap('Union[' + ', '.join(py_bare_type(v) for v in node.variants) + ']')}*"


def field_wrapper(field: Field) -> str | None:
    """``Optional``, ``Nullable``, ``OptionalNullable`` or nothing, from required and nullable."""
    if isinstance(field.type, ArrayType | MapType):
        return None
    if shown_required(field):
        return "Nullable" if field.nullable else None
    return "OptionalNullable" if field.nullable else "Optional"


def py_fields_table(model: ObjectModel) -> str:
    """The ``## Fields`` table of an object model."""
    own = is_python(model)
    names = [py_doc_field_name(field, own) for field in model.fields]
    layout = layout_of(model)
    with following(model, "python"):
        types = [py_doc_type(field.type, field_wrapper(field), layout) for field in model.fields]
        header, rows = field_rows(model.fields, names, types, null_example(model, "python"))
    return md_table(header, rows)


def py_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of a closed enum."""
    rows = [
        [f"`{py_enum_constant(model, value)}`", example_text(thaw(value.value))[0]]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def _value_bullet(value: FrozenJson) -> str:
    """One enum value's bullet: ``- `"value"` ``, fenced to hold any backticks of the value."""
    return f"- {code_span(_literal(value))}"


def py_values_list(model: EnumModel) -> str:
    """The ``## Values`` of an open enum: the note, then one ``- `"value"` `` bullet each."""
    bullets = "\n".join(_value_bullet(value.value) for value in model.values)
    return f"{OPEN_ENUM_NOTE}\n\n{bullets}"


def py_values(model: EnumModel) -> str:
    """The ``## Values`` of an enum: an open enum's note and bullets; a table, or bullets (and a
    newline) when the Python tree it was read from lists its enums so (no ``enum-table``)."""
    if model.open:
        return py_values_list(model)
    flavor = model.docs_flavor
    if flavor is not None and flavor.language == "python" and "enum-table" not in flavor.facts:
        return "".join(_value_bullet(value.value) + "\n" for value in model.values)
    return py_values_table(model)


def py_bare_type(node: TypeNode) -> str:
    """A Python type as code writes it: ``str``, ``List[str]``, ``components.Tag``."""
    if isinstance(node, Primitive):
        linked = LINKED.get((node.kind, node.format or ""))
        return linked[0] if linked else _scalar(node)
    if isinstance(node, ArrayType):
        return f"List[{py_bare_type(node.items)}]"
    if isinstance(node, MapType):
        return f"Dict[str, {py_bare_type(node.values)}]"
    if isinstance(node, RefType):
        return str(node.target)
    if isinstance(node, LiteralType):
        return f"Literal[{_literal(node.value)}]"
    assert isinstance(node, UnionType)
    return "Union[" + ", ".join(py_bare_type(v) for v in node.variants) + "]"


def py_variants(model: UnionModel) -> list[str]:
    """The Python type of each ``### `` entry of ``## Supported Types``."""
    return [py_bare_type(variant.type) for variant in model.variants]


def py_enum_usage(model: EnumModel) -> str | None:
    """An enum's example (import, then ``value: X = ...``); ``None`` when the package is unknown."""
    flavor = model.docs_flavor
    if flavor is None or flavor.language != "python" or not flavor.package:
        return None
    example = model.examples[0] if model.examples else model.values[0].value
    if isinstance(example, dict | list | tuple | JsonObject):
        return None
    note = (
        "# Open enum: unrecognized values are captured as UnrecognizedStr\n" if model.open else ""
    )
    name = model.name.name
    gap = "\n" if "usage-import-joined" in flavor.facts else "\n\n"
    return (
        f"from {flavor.package}.models import {name}{gap}{note}value: {name} = {_literal(example)}"
    )
