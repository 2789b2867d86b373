"""Speakeasy Java SDK doc conventions: ``models/<ns>/<Name>.md``, ``Optional\\<T>`` / ``JsonNullable\\<T>`` cells.

The type cells follow the generators of 2024 on: ``<`` escaped as ``\\<``
(``\\\\<`` one generic deeper), required scalars unboxed (``*long*``), optional
ones ``*Optional\\<Long>*``, nullable ones ``*JsonNullable\\<Long>*``; lists and
maps are never wrapped.  Names as written in Java docs are used only when the
definition was read from Java docs; otherwise they are the wire names.
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
    TypeName,
    TypeNode,
)
from generator.naming import file_name
from generator.render.filters import docs_lexicon as lexicon
from generator.render.filters.markdown import (
    models_link,
    package,
    shown_required,
    shows,
    unqualified,
)

RESPONSE_LINK = "https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html"
"""Where Java docs link ``HttpResponse``."""
LIBRARY_LINKS = {
    "date-time": (
        "OffsetDateTime",
        "https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html",
    ),
    "date": ("LocalDate", "https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html"),
}
"""Library types of string formats, and their reference pages."""
OPEN_ENUM_NOTE = "// Open enum: use .of() to create instances from custom string values"
"""The comment of the example of an open enum."""


def java_doc_path(name: TypeName) -> str:
    """``models/components/Address.md``."""
    return f"models/{name.namespace}/{file_name(name.name, '.md')}"


LEXICON = lexicon.DocsLexicon("java", lambda name: name, lexicon.upper_snake, "VALUE")
"""Java field names are the wire names; enum constants ``UPPER_SNAKE``."""


def _scalar(node: Primitive, boxed: bool) -> str:
    if node.kind is PrimitiveKind.STRING:
        return "byte[]" if node.format == "binary" else "String"
    if node.kind is PrimitiveKind.INTEGER:
        small = node.format == "int32"
        return ("Integer" if small else "Long") if boxed else ("int" if small else "long")
    if node.kind is PrimitiveKind.NUMBER:
        small = node.format == "float"
        return ("Float" if small else "Double") if boxed else ("float" if small else "double")
    if node.kind is PrimitiveKind.BOOLEAN:
        return "Boolean" if boxed else "boolean"
    return "Object"


def _lt(depth: int) -> str:
    """``<`` escaped as the docs escape it ``depth`` generics deep (1: ``\\<``, 2: ``\\\\<``);
    plain where the tree writes generics unescaped (``generics-unescaped``)."""
    return "<" if shows("generics-unescaped") else "\\" * depth + "<"


def _response_argument() -> str:
    """The type argument of ``HttpResponse``: ``?``, ``InputStream`` (``response-stream``) or
    ``byte[]`` (``response-bytes``)."""
    if shows("response-stream"):
        return "InputStream"
    return "byte[]" if shows("response-bytes") else "?"


def _label(target: TypeName) -> str:
    """A model's link label: its name, or fully qualified for a model of another namespace
    where the tree writes so (``java-qualified``, package from ``DocsFlavor.package``)."""
    sdk = package()
    if shows("java-qualified") and sdk and not unqualified(target):
        return f"{sdk}.models.{target.namespace}.{target.name}"
    return target.name


def java_type(node: TypeNode, wrapper: str | None, depth: int = 1) -> str:
    """A type cell; ``wrapper`` is ``Optional`` / ``JsonNullable`` / ``None``."""
    if isinstance(node, LiteralType):
        node = lexicon.literal_primitive(node)
    if isinstance(node, Primitive):
        if node.format == "http-response":
            return f"[HttpResponse{_lt(depth)}{_response_argument()}>]({RESPONSE_LINK})"
        linked = LIBRARY_LINKS.get(node.format or "") if node.kind is PrimitiveKind.STRING else None
        if linked is not None:
            return f"[{linked[0]}]({linked[1]})"
        if wrapper:
            return f"*{wrapper}{_lt(depth)}{_scalar(node, True)}>*"
        return f"*{_scalar(node, depth > 1 or shows('java-unwrapped'))}*"
    if isinstance(node, ArrayType):
        return f"List{_lt(depth)}{java_type(node.items, None, depth + 1)}>"
    if isinstance(node, MapType):
        return f"Map{_lt(depth)}String, {java_type(node.values, None, depth + 1)}>"
    if isinstance(node, RefType):
        label = _label(node.target)
        if wrapper:
            label = f"{wrapper}{_lt(depth)}{label}>"
        return f"[{label}]({models_link(java_doc_path(node.target))})"
    return f"*{wrapper}{_lt(depth)}Object>*" if wrapper else "*Object*"


def _wrapper(field: Field) -> str | None:
    """``JsonNullable`` on an optional nullable value, ``Optional`` on another optional one or
    on a required nullable one; none on required values, nor anywhere in trees that show
    no wrappers (``java-unwrapped``)."""
    if shows("java-unwrapped"):
        return None
    if not shown_required(field):
        return "JsonNullable" if field.nullable is True else "Optional"
    return "Optional" if field.nullable is True else None


def java_fields_table(model: ObjectModel) -> str:
    """The ``## Fields`` table of an object model."""
    return lexicon.fields_table(
        LEXICON, model, lambda field: java_type(field.type, _wrapper(field))
    )


def java_values_table(model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    return lexicon.values_table(LEXICON, model)


def java_enum_usage(model: EnumModel) -> str | None:
    """The enum's ``## Example Usage`` code, when the Java package is known."""
    flavor = lexicon.usage_flavor(LEXICON, model)
    if flavor is None or "no-example-usage" in flavor.facts:
        return None
    name = model.name.name
    code = (
        f"import {flavor.package}.models.{model.name.namespace}.{name};\n\n"
        f"{name} value = {name}.{lexicon.example_constant(LEXICON, model)};"
    )
    if model.open:
        integers = all(
            isinstance(v.value, int) and not isinstance(v.value, bool) for v in model.values
        )
        custom = "999" if integers else '"custom_value"'
        code += f"\n\n{OPEN_ENUM_NOTE}\n{name} custom = {name}.of({custom});"
    return code
