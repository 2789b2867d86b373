"""The ``jsonschema`` target: the IR as one JSON Schema 2020-12 document, ``schema.json``."""

from __future__ import annotations

import json

from generator.export.jsonschema import export_schema
from generator.ir import Schema
from generator.render.targets.base import Options, OutputFile, Target


def document_text(schema: Schema, options: Options) -> str:
    """The document as deterministic JSON text: two-space indent, keys in export order."""
    document = export_schema(schema, title=options.package)
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One file, ``schema.json``."""
    return [
        OutputFile(
            "schema.json", "jsonschema/schema.json.jinja", {"text": document_text(schema, options)}
        )
    ]


TARGET = Target(
    name="jsonschema",
    description="JSON Schema 2020-12: one self-contained document, every model under $defs",
    plan=plan,
    aliases=True,
)
