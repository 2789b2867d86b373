"""Example values as TypeScript code, laid out the way Speakeasy's formatted snippets are.

The layout follows the formatter Speakeasy runs over its snippets (prettier,
80 columns, 2-space indent, trailing commas): non-empty objects and arrays
are always broken, one entry per line; a property whose one-line form is too
long breaks after the colon; an assignment breaks after ``=`` or after
``let value:`` when its first line is too long.  What a value is written as
depends on its IR type: ``new Date("...")`` for a date-time, quoted keys for
a map and unquoted keys for an object model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from generator.ir import (
    ArrayType,
    Field,
    JsonValue,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeNode,
    UnionModel,
    UnionType,
)
from generator.numbers import json_number

WIDTH = 80
"""Print width of the snippets."""
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def ts_string(text: str) -> str:
    """A string literal in double quotes, escaped as JSON (Speakeasy keeps ``\\"`` escapes)."""
    return json.dumps(text, ensure_ascii=False)


def _scalar(value: JsonValue, node: TypeNode | None) -> str:
    """A scalar as TypeScript writes it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json_number(value)
    assert isinstance(value, str)
    if isinstance(node, Primitive) and node.kind is PrimitiveKind.STRING:
        if node.format == "date-time":
            return f"new Date({ts_string(value)})"
        if node.format == "date":
            return f"new RFCDate({ts_string(value)})"
    return ts_string(value)


class ValuePrinter:
    """Prints example values of one schema."""

    def __init__(self, schema: Schema, field_name: Callable[[Field, bool], str]) -> None:
        self._schema = schema
        self._field_name = field_name

    def lines(self, value: JsonValue, node: TypeNode | None, indent: int) -> list[str]:
        """The value as lines; the first has no indentation, the others are indented."""
        node = self._resolve(node, value)
        pad = " " * indent
        if isinstance(value, list):
            if not value:
                return ["[]"]
            items = node.items if isinstance(node, ArrayType) else None
            out = ["["]
            for item in value:
                item_lines = self.lines(item, items, indent + 2)
                out.append(f"{pad}  {item_lines[0]}")
                out.extend(item_lines[1:])
                out[-1] += ","
            out.append(f"{pad}]")
            return out
        if isinstance(value, dict):
            if not value:
                return ["{}"]
            out = ["{"]
            for key, item in value.items():
                key_text, item_node = self._property(node, key)
                item_lines = self.lines(item, item_node, indent + 2)
                first = f"{pad}  {key_text}: {item_lines[0]}"
                if len(item_lines) == 1 and len(first) + 1 > WIDTH:
                    out.append(f"{pad}  {key_text}:")
                    out.append(f"{pad}    {item_lines[0]},")
                    continue
                out.append(first)
                out.extend(item_lines[1:])
                out[-1] += ","
            out.append(f"{pad}}}")
            return out
        return [_scalar(value, node)]

    def statement(self, head: str, type_text: str, value: JsonValue, node: TypeNode | None) -> str:
        """``<head> <type> = <value>;`` (``let value: X = ...;``), broken as the formatter does."""
        flat = self.lines(value, node, 0)
        one = f"{head} {type_text} = {flat[0]}"
        if len(one) + (1 if len(flat) == 1 else 0) <= WIDTH:
            return "\n".join([one, *flat[1:]]) + ";"
        after = f"{head} {type_text} ="
        if len(after) <= WIDTH:
            return after + "\n" + _indented(self.lines(value, node, 2), 2) + ";"
        hugged = self.lines(value, node, 2)
        second = f"  {type_text} = {hugged[0]}"
        if len(second) + (1 if len(hugged) == 1 else 0) <= WIDTH:
            return "\n".join([head, second, *hugged[1:]]) + ";"
        return f"{head}\n  {type_text} =\n" + _indented(self.lines(value, node, 4), 4) + ";"

    def _resolve(self, node: TypeNode | None, value: JsonValue) -> TypeNode | None:
        """Follow references to unions and pick the variant that fits the value."""
        for _ in range(20):
            variants: tuple[TypeNode, ...] = ()
            if isinstance(node, UnionType):
                variants = node.variants
            elif isinstance(node, RefType):
                target = self._schema.get(node.target)
                if isinstance(target, UnionModel):
                    variants = tuple(variant.type for variant in target.variants)
            if not variants:
                return node
            node = self._pick(variants, value)
        return node

    def _pick(self, variants: tuple[TypeNode, ...], value: JsonValue) -> TypeNode | None:
        """The first variant the value's shape fits (objects: the one with all its keys)."""
        for variant in variants:
            if self._fits(variant, value):
                return variant
        return None

    def _fits(self, node: TypeNode, value: JsonValue) -> bool:
        if isinstance(value, list):
            return isinstance(node, ArrayType)
        if isinstance(value, dict):
            if isinstance(node, MapType):
                return True
            if isinstance(node, RefType):
                target = self._schema.get(node.target)
                if isinstance(target, ObjectModel):
                    names = {field.name for field in target.fields}
                    return set(value) <= names
                return isinstance(target, UnionModel)
            return False
        return not isinstance(node, ArrayType | MapType)

    def _property(self, node: TypeNode | None, key: str) -> tuple[str, TypeNode | None]:
        """How a key is written and the type of its value: model fields bare, map keys quoted."""
        if isinstance(node, RefType):
            target = self._schema.get(node.target)
            if isinstance(target, ObjectModel):
                own = target.docs_flavor is not None and target.docs_flavor.language == "typescript"
                for field in target.fields:
                    if field.name == key:
                        return _key(self._field_name(field, own)), field.type
                return _key(key), None
        if isinstance(node, MapType):
            return json.dumps(key, ensure_ascii=False), node.values
        return json.dumps(key, ensure_ascii=False), None


def _key(name: str) -> str:
    """An object model's property name, quoted only when it is not an identifier."""
    return name if _IDENTIFIER.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def _indented(lines: list[str], indent: int) -> str:
    """Lines from ``ValuePrinter.lines`` with the first one indented too."""
    return "\n".join([" " * indent + lines[0], *lines[1:]])
