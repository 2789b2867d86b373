"""The IR as an OpenAPI 3.1 document: every definition under ``components/schemas``.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so the definitions are those of
``generator.export.jsonschema`` with references into ``components/schemas``;
a union with a discriminator also gets OpenAPI's ``discriminator`` object.
``paths`` holds the IR's operations (``generator.export.paths``); it is empty
when the inputs carry none (markdown docs): the document then describes models.
"""

from __future__ import annotations

from typing import Any

from generator.export.jsonschema import Exporter, export_definitions
from generator.export.paths import export_paths
from generator.ir import Schema, UnionModel

VERSION = "3.1.0"
"""The ``openapi`` version written."""

REF_PREFIX = "#/components/schemas/"
"""Where references point."""


def export_openapi(schema: Schema, *, title: str, version: str = "0.0.0") -> dict[str, Any]:
    """The OpenAPI 3.1 document of ``schema``."""
    schemas = export_definitions(schema, ref_prefix=REF_PREFIX)
    exporter = Exporter(schema, ref_prefix=REF_PREFIX)
    for definition in schema.definitions:
        if isinstance(definition, UnionModel) and definition.discriminator is not None:
            entry: dict[str, Any] = {"propertyName": definition.discriminator}
            mapping = {
                value: exporter.ref(target)
                for value, target in definition.mapping
                if schema.get(target) is not None
            }
            if mapping:
                entry["mapping"] = mapping
            schemas[exporter.keys[definition.name]]["discriminator"] = entry
    return {
        "openapi": VERSION,
        "info": {"title": title, "version": version},
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "paths": export_paths(schema.operations or (), exporter),
        "components": {"schemas": schemas},
    }
