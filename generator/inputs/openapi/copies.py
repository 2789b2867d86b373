"""An ``allOf`` of one ``$ref`` with keywords beside it: a copy of the named schema.

Speakeasy's generators read ``meta: {allOf: [{$ref: Meta}], description: ...}`` as a model of
its own named from its context (``AuditEvent.meta`` -> ``AuditEventMeta``), with the fields
(or, for an enum, the values) of the referenced schema, not as the referenced model itself.
The copy is the top-level owner of the inline schemas read again inside it
(``Hint.inside_copy``: ``AuditEventFilterGreaterThan.meta`` -> ``AuditEventFilterGreaterThanMeta``),
and a copy inside a copy is a copy again.  Under ``speakeasy-2025`` a copy whose name is the
referenced schema's is that schema (``name_resolution``).  Read only when
``Context.copy_single_all_of`` is set (the ``--spec`` comparison, where the docs show copies:
``sdk_style.with_copies``), never by default.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.inputs.openapi.document import join
from generator.inputs.openapi.models import object_model
from generator.inputs.openapi.names import Hint
from generator.inputs.openapi.shapes import (
    enum_makes_definition,
    is_annotation_only,
    object_parts,
)
from generator.inputs.openapi.typed import Typed
from generator.ir import NO_CONSTRAINTS

if TYPE_CHECKING:
    from generator.inputs.openapi.schemas import SchemaReader

NAMING_KEYWORDS = ("title", "x-speakeasy-name-override")
"""Keywords of the referenced schema a copy does not take: it is named from its context."""


def single_ref_copy(
    reader: SchemaReader, schema: dict[str, object], ptr: str, line: int | None, hint: Hint
) -> Typed | None:
    """The copy ``schema`` (an ``allOf`` of one ``$ref`` with keywords beside it) is read as;
    ``None`` when it is no such ``allOf``, the ``$ref`` is no object or enum component of the
    main document, or that component is being copied already (a copy inside itself)."""
    entries = schema.get("allOf")
    if not isinstance(entries, list) or len(schema) < 2:
        return None
    effective = [i for i, entry in enumerate(entries) if not is_annotation_only(entry)]
    if len(effective) != 1:
        return None
    index = effective[0]
    entry = entries[index]
    ref = entry.get("$ref") if isinstance(entry, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return None
    key = reader.components.key_of_pointer(ref[1:])
    raw = reader.raw_target(ref)
    if key is None or raw is None or key in reader.copying:
        return None
    copy_hint = replace(hint, copy_of=reader.components.names[key])
    if "enum" in raw and "$ref" not in raw and "allOf" not in raw:
        if not enum_makes_definition(raw):
            return None
        merged = {k: v for k, v in raw.items() if k not in NAMING_KEYWORDS}
        merged.update((k, v) for k, v in schema.items() if k != "allOf")
        return reader.read_enum(merged, ptr, line, copy_hint)
    parts = object_parts(entry, join(ptr, "allOf", index), reader.raw_target)
    if parts is None:
        return None
    reader.copying.add(key)
    try:
        return object_model(reader, schema, ptr, line, copy_hint, parts, NO_CONSTRAINTS)
    finally:
        reader.copying.discard(key)
