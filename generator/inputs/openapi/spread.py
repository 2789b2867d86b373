"""An ``allOf`` over a union, spread into one merged model per variant of the union.

Speakeasy's generators read ``allOf: [{oneOf: [A, B]}, {properties: ...}]`` (object
schemas, or the schema's own ``properties``, beside the union) as a union of merged
models: ``A`` with the properties beside it, ``B`` with them.  Read here is the case where
the union is written inline and each variant is a ``$ref`` to a component referred to
from nowhere else: each such component *is* the merged model, keeping its name (so the
schemas nested in it, the merged properties too, are named under it:
``AzureBlobAuthTypeClientCertExtractor``).  A union behind a ``$ref``, or a variant used
elsewhere too, is read as one copy per variant named after the owner (``variant_copies``).
Read only when ``Context.spread_union_all_of`` is set (the ``--spec`` comparison, from the
docs' evidence), never by default.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.inputs.openapi.shapes import RawResolver, is_annotation_only, is_null_schema

_KEPT = ("properties", "required", "additionalProperties", "type")
"""The schema's own keywords each merged variant takes with it."""

Merged = tuple[object, ...]
"""The schemas a variant is merged with (the other ``allOf`` entries, the own keywords)."""


def refs_of(root: object) -> list[str]:
    """Every ``$ref`` string of the document ``root``, in no particular order."""
    found: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.append(ref)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _union_of(entry: object, resolve: RawResolver) -> tuple[str, dict[str, object]] | None:
    """The union keyword and schema ``entry`` stands for (through one ``$ref``)."""
    if not isinstance(entry, dict):
        return None
    ref = entry.get("$ref")
    if isinstance(ref, str):
        target = resolve(ref)
        if target is None:
            return None
        entry = target
    for key in ("oneOf", "anyOf"):
        variants = entry.get(key)
        if (
            isinstance(variants, list)
            and not isinstance(entry.get("properties"), dict)
            and sum(1 for v in variants if not is_null_schema(v)) > 1
        ):
            return key, entry
    return None


def is_union_entry(entry: object, resolve: RawResolver) -> bool:
    """The ``allOf`` entry ``entry`` is a union (written inline or behind one ``$ref``)."""
    return _union_of(entry, resolve) is not None


def union_parts(
    schema: dict[str, object], resolve: RawResolver
) -> tuple[str, dict[str, object], str | None] | None:
    """The union keyword and schema of an ``allOf`` with exactly one union entry, and the
    ``$ref`` it is behind (``None`` when written inline); ``None`` for any other schema."""
    parts = _parts(schema, resolve)
    if parts is None:
        return None
    entries = schema["allOf"]
    assert isinstance(entries, list)
    refs = [
        entry["$ref"]
        for entry in entries
        if isinstance(entry, dict)
        and isinstance(entry.get("$ref"), str)
        and is_union_entry(entry, resolve)
    ]
    return parts[0], parts[1], None if parts[3] else str(refs[0])


def _parts(
    schema: dict[str, object], resolve: RawResolver
) -> tuple[str, dict[str, object], Merged, bool] | None:
    """The union of an ``allOf`` with exactly one union entry, what it is merged with, and
    whether the union is written inline (not a ``$ref`` to a union used elsewhere too)."""
    entries = schema.get("allOf")
    if not isinstance(entries, list):
        return None
    effective = [entry for entry in entries if not is_annotation_only(entry)]
    found = [(entry, _union_of(entry, resolve)) for entry in effective]
    unions = [(entry, union) for entry, union in found if union is not None]
    if len(unions) != 1:
        return None
    entry, union = unions[0]
    assert union is not None
    own = {k: schema[k] for k in _KEPT if k in schema}
    rest = tuple(other for other in effective if other is not entry)
    inline = not (isinstance(entry, dict) and "$ref" in entry)
    return union[0], union[1], rest + ((own,) if own else ()), inline


def in_place(root: object, resolve: RawResolver, uses: Callable[[str], int]) -> dict[str, Merged]:
    """The ``$ref`` variants merged in place, by ``$ref``: each with what it is merged with.
    ``uses`` tells how many ``$ref`` s of the whole spec (every file, however spelled) point
    where a ``$ref`` of ``root`` points: a variant used anywhere else is not merged in place."""
    found: dict[str, Merged] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            parts = _parts(node, resolve) if "allOf" in node else None
            if parts is not None:
                key, union, merged, inline = parts
                variants = union[key]
                assert isinstance(variants, list)
                refs = [_ref(v) for v in variants if not is_null_schema(v)]
                if inline and all(
                    ref is not None and ref.startswith("#/") and uses(ref) == 1 and ref not in found
                    for ref in refs
                ):
                    for ref in refs:
                        assert ref is not None
                        found[ref] = merged
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def merged_in_place(schema: object, merged: Merged) -> dict[str, object]:
    """The component ``schema`` merged with ``merged``, its own keywords first."""
    return {"allOf": [schema, *merged]}


def spread_union(
    schema: dict[str, object], resolve: RawResolver, placed: dict[str, Merged]
) -> dict[str, object] | None:
    """The union ``schema`` (an ``allOf`` with exactly one union entry, written inline, the
    rest objects or annotations) is spread into, or ``None`` when it is no such ``allOf`` or
    a variant is not merged in place (``placed``): the variants stay ``$ref`` s to their
    components, which are the merged models."""
    parts = _parts(schema, resolve)
    if parts is None:
        return None
    key, union, _, inline = parts
    variants = union[key]
    assert isinstance(variants, list)
    if not inline or not all(
        is_null_schema(variant) or _ref(variant) in placed for variant in variants
    ):
        return None
    result: dict[str, object] = {k: v for k, v in schema.items() if k not in _KEPT and k != "allOf"}
    result[key] = variants
    if "discriminator" in union:
        result["discriminator"] = union["discriminator"]
    return result


def _ref(schema: object) -> str | None:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return ref if isinstance(ref, str) else None
