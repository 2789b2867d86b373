"""The ``speakeasy-2022`` naming (before Speakeasy's ``nameResolutionDec2023`` fix), on our spec."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.inputs.openapi.responses import media_type_words

SPEC = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /jobs:
    get:
      operationId: listJobs
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {count: {type: integer}}}
        '201':
          description: a tarball
          content:
            application/tar+gzip: {schema: {type: string, format: binary}}
components:
  schemas:
    Transport:
      type: object
      properties:
        buffer: {type: object, properties: {size: {type: integer}}}
        tags: {type: array, items: {type: object, properties: {k: {type: string}}}}
        mode: {type: string, enum: [a, b]}
        titled: {title: Named Thing, type: object, properties: {x: {type: string}}}
"""


def names(tmp_path: Path, naming: str) -> set[str]:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    definitions = read_openapi(path, "spec.yaml", collector, naming)
    assert not collector.problems
    return {str(definition.name) for definition in definitions}


def test_nested_schemas_always_have_their_owner_in_front(tmp_path: Path) -> None:
    early = names(tmp_path, "speakeasy-2022")
    assert {
        "components.TransportBuffer",
        "components.TransportTags",
        "components.TransportMode",
        "components.NamedThing",  # a title names the schema as it is
    } <= early
    assert "operations.ListJobs200ApplicationJSON" in early or (
        "operations.ListJobs200ApplicationJson" in early
    )
    later = names(tmp_path, "speakeasy-2023")
    assert {"components.Buffer", "components.Tags", "components.Mode"} <= later
    assert "operations.ListJobsResponseBody" in later


def test_media_type_words() -> None:
    assert media_type_words("application/tar+gzip") == "ApplicationTarPlusGzip"
    assert media_type_words("application/json").lower() == "applicationjson"
