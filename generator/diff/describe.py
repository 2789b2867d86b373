"""Type expressions as short, language-neutral text for diff messages."""

from __future__ import annotations

import json

from generator.ir import (
    ArrayType,
    LiteralType,
    MapType,
    Primitive,
    RefType,
    TypeNode,
)


def type_text(node: TypeNode) -> str:
    """``string``, ``integer(int32)``, ``array<string>``, ``map<string, any>``, ``operations.Mode``."""
    if isinstance(node, Primitive):
        return node.kind.value if node.format is None else f"{node.kind.value}({node.format})"
    if isinstance(node, ArrayType):
        nullable = " | null" if node.items_nullable else ""
        return f"array<{type_text(node.items)}{nullable}>"
    if isinstance(node, MapType):
        nullable = " | null" if node.values_nullable else ""
        return f"map<string, {type_text(node.values)}{nullable}>"
    if isinstance(node, RefType):
        return str(node.target)
    if isinstance(node, LiteralType):
        return f"literal {json.dumps(node.value)}"
    return "union<" + " | ".join(type_text(variant) for variant in node.variants) + ">"
