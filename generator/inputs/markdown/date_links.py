"""SDK docs whose date links say the other kind of date, told by the spec beside them.

Speakeasy's Python docs of 2025 (1.631, 1.789) link a ``date-time`` field as
``[date](...#date-objects)`` and a ``date`` field as ``[datetime](...#datetime-objects)``, and
its Ruby docs of 2026 a ``date-time`` as ``[Date]`` and a ``date`` as ``[DateTime]``; earlier
ones (Python 1.396) link each as what it is.  The docs alone cannot tell which; with the spec
beside them, ``dates_swapped`` counts the fields of the models both describe whose docs show
one kind of date where the spec has the other, against those that agree, and
``swap_dates`` reads the docs' dates as the other kind.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ir import (
    ArrayType,
    Definition,
    Field,
    MapType,
    ObjectModel,
    Primitive,
    TypeNode,
    UnionType,
)

DATES = ("date", "date-time")
"""The two formats docs link as dates."""

_OTHER = {"date": "date-time", "date-time": "date"}


def _key(field: Field) -> str:
    return (field.sdk_name or field.name).replace("_", "").replace("-", "").lower()


def _date(node: TypeNode) -> str | None:
    """The date format of ``node``, through arrays, maps and a union with ``null``."""
    while True:
        if isinstance(node, ArrayType):
            node = node.items
        elif isinstance(node, MapType):
            node = node.values
        elif isinstance(node, UnionType) and len(node.variants) == 1:
            node = node.variants[0]
        else:
            break
    if isinstance(node, Primitive) and node.format in DATES:
        return node.format
    return None


def dates_swapped(docs: list[Definition], spec: list[Definition]) -> tuple[int, int]:
    """(fields whose docs show the spec's kind of date, fields showing the other kind), over the
    object models both describe (found by name, any namespace, case aside)."""
    by_name: dict[str, ObjectModel] = {}
    for definition in spec:
        if isinstance(definition, ObjectModel):
            by_name.setdefault(definition.name.name.lower(), definition)
    same = other = 0
    for doc in docs:
        found = by_name.get(doc.name.name.lower())
        if not isinstance(doc, ObjectModel) or found is None:
            continue
        fields = {_key(field): field for field in found.fields}
        for field in doc.fields:
            spec_field = fields.get(_key(field))
            shown = _date(field.type)
            wanted = _date(spec_field.type) if spec_field is not None else None
            if shown is None or wanted is None:
                continue
            if shown == wanted:
                same += 1
            else:
                other += 1
    return same, other


def _swapped(node: TypeNode) -> TypeNode:
    if isinstance(node, Primitive) and node.format in _OTHER:
        return replace(node, format=_OTHER[node.format])
    if isinstance(node, ArrayType):
        return replace(node, items=_swapped(node.items))
    if isinstance(node, MapType):
        return replace(node, values=_swapped(node.values))
    if isinstance(node, UnionType):
        return replace(node, variants=tuple(_swapped(v) for v in node.variants))
    return node


def swap_dates(docs: list[Definition]) -> list[Definition]:
    """``docs`` with every ``date`` read as ``date-time`` and the other way round."""
    result: list[Definition] = []
    for doc in docs:
        if isinstance(doc, ObjectModel):
            fields = tuple(replace(field, type=_swapped(field.type)) for field in doc.fields)
            doc = replace(doc, fields=fields)
        result.append(doc)
    return result
