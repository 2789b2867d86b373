"""The rows and names the Java, C#, PHP and Ruby docs targets share, given each language's lexicon.

The four targets write the same ``## Fields`` and ``## Values`` tables and
name fields and enum constants the same way: as written in that language's
docs when the definition was read from them, else derived from the wire
name.  A ``DocsLexicon`` holds what differs (how a name is derived); each
target passes its own to these functions, with a function that writes one
field's type cell (composition, not inheritance).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import (
    Definition,
    DocsFlavor,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    LiteralType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    thaw,
)
from generator.render.filters.markdown import (
    enum_words,
    example_text,
    field_rows,
    following,
    md_table,
    null_example,
)


@dataclass(frozen=True, slots=True)
class DocsLexicon:
    """How one language's docs name fields and enum constants."""

    language: str
    """``DocsFlavor.language`` of docs written in it (``java``)."""
    field_name: Callable[[str], str]
    """A field's name derived from its wire (or SDK) name."""
    constant: Callable[[list[str]], str]
    """An enum constant from the lower-case words of its value (``enum_words``)."""
    empty_constant: str
    """The constant of a value that gives no words."""


def upper_snake(words: list[str]) -> str:
    """``["in", "progress"]`` -> ``IN_PROGRESS``."""
    return "_".join(words).upper()


def pascal_words(words: list[str]) -> str:
    """``["in", "progress"]`` -> ``InProgress``."""
    return "".join(word.capitalize() for word in words)


def is_own(lexicon: DocsLexicon, definition: Definition) -> bool:
    """The definition was read from docs of the lexicon's language."""
    flavor = definition.docs_flavor
    return flavor is not None and flavor.language == lexicon.language


def field_name(lexicon: DocsLexicon, field: Field, own: bool) -> str:
    """As written in the language's docs (``own``), else derived from the wire name."""
    if own and field.source_name:
        return field.source_name
    return lexicon.field_name(field.sdk_name or field.name)


def enum_constant(lexicon: DocsLexicon, model: EnumModel, value: EnumValue) -> str:
    """As written in the language's docs, else derived from the value."""
    if value.source_name and is_own(lexicon, model):
        return value.source_name
    return lexicon.constant(enum_words(value.value)) or lexicon.empty_constant


def literal_primitive(node: LiteralType) -> Primitive:
    """The scalar type of a constant's value."""
    value = node.value
    if isinstance(value, bool):
        return Primitive(PrimitiveKind.BOOLEAN)
    if isinstance(value, int):
        return Primitive(PrimitiveKind.INTEGER)
    if isinstance(value, float):
        return Primitive(PrimitiveKind.NUMBER)
    return Primitive(PrimitiveKind.STRING if isinstance(value, str) else PrimitiveKind.ANY)


def fields_table(
    lexicon: DocsLexicon, model: ObjectModel, type_cell: Callable[[Field], str]
) -> str:
    """The ``## Fields`` table; type cells are written following the tree's style facts."""
    own = is_own(lexicon, model)
    names = [field_name(lexicon, field, own) for field in model.fields]
    with following(model, lexicon.language):
        types = [type_cell(field) for field in model.fields]
        header, rows = field_rows(model.fields, names, types, null_example(model, lexicon.language))
    return md_table(header, rows)


def values_table(lexicon: DocsLexicon, model: EnumModel) -> str:
    """The ``## Values`` table of an enum."""
    rows = [
        [f"`{enum_constant(lexicon, model, value)}`", example_text(thaw(value.value))[0]]
        for value in model.values
    ]
    return md_table(["Name", "Value"], rows)


def usage_flavor(lexicon: DocsLexicon, model: EnumModel) -> DocsFlavor | None:
    """The flavor an enum's ``## Example Usage`` is written from: that of the language's own
    docs naming a package, for an enum with values; ``None`` when there is none to write."""
    flavor = model.docs_flavor
    if flavor is None or flavor.language != lexicon.language or not flavor.package:
        return None
    return flavor if model.values else None


def example_constant(lexicon: DocsLexicon, model: EnumModel) -> str:
    """The constant an enum's example shows: that of its first example, else its first value."""
    example: JsonValue = model.examples[0] if model.examples else thaw(model.values[0].value)
    chosen = next((v for v in model.values if thaw(v.value) == example), model.values[0])
    return enum_constant(lexicon, model, chosen)
