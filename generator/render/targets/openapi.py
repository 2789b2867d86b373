"""The ``openapi`` target: the IR as an OpenAPI 3.1 document, ``openapi.yaml``."""

from __future__ import annotations

import json

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.export.openapi import export_openapi
from generator.ir import Schema
from generator.render.targets.base import Options, OutputFile, Target


def document_text(schema: Schema, options: Options) -> str:
    """The document as deterministic YAML (keys in export order, unicode kept)."""
    document = export_openapi(schema, title=options.package)
    unshared = json.loads(json.dumps(document))  # no shared objects: YAML without anchors
    text: str = yaml.safe_dump(unshared, sort_keys=False, allow_unicode=True, width=100)
    return text


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One file, ``openapi.yaml``."""
    return [
        OutputFile(
            "openapi.yaml", "openapi/openapi.yaml.jinja", {"text": document_text(schema, options)}
        )
    ]


TARGET = Target(
    name="openapi",
    description="OpenAPI 3.1 document: every model under components/schemas",
    plan=plan,
    aliases=True,
)
