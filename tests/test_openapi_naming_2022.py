"""The ``speakeasy-2022`` naming (before Speakeasy's ``nameResolutionDec2023`` fix), on our spec."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.inputs.openapi.reader import read_openapi_spec
from generator.inputs.openapi.responses import media_type_words
from generator.ir import ObjectModel, RefType, TypeName

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
        titled:
          title: Named Thing
          type: object
          properties:
            level: {title: Log level, type: string, enum: [debug, info]}
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
        # a title names the schema after its owner too, at each level
        "components.TransportNamedThing",
        "components.TransportNamedThingLogLevel",
    } <= early
    assert "components.NamedThing" not in early
    assert "operations.ListJobs200ApplicationJSON" in early or (
        "operations.ListJobs200ApplicationJson" in early
    )
    later = names(tmp_path, "speakeasy-2023")
    assert {"components.Buffer", "components.Tags", "components.Mode"} <= later
    assert {"components.NamedThing", "components.LogLevel"} <= later  # free: as titled
    assert "operations.ListJobsResponseBody" in later


def test_media_type_words() -> None:
    assert media_type_words("application/tar+gzip") == "ApplicationTarPlusGzip"
    assert media_type_words("application/json").lower() == "applicationjson"


COPY_SPEC = """openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Meta:
      type: object
      properties: {created: {type: string}}
    Event:
      type: object
      properties:
        meta:
          description: the event's metadata
          nullable: true
          allOf: [{$ref: '#/components/schemas/Meta'}]
        plain:
          allOf: [{$ref: '#/components/schemas/Meta'}]
"""


def test_a_single_ref_all_of_with_keywords_beside_it_can_be_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "copy.yaml"
    path.write_text(COPY_SPEC, encoding="utf-8")
    for copy, meta_target in ((False, "Meta"), (True, "EventMeta")):
        collector = Collector()
        read = read_openapi_spec(path, "copy.yaml", collector, copy_single_all_of=copy)
        assert not collector.problems
        event = next(d for d in read.definitions if d.name.name == "Event")
        assert isinstance(event, ObjectModel)
        types = {field.name: field.type for field in event.fields}
        assert types["meta"] == RefType(TypeName("components", meta_target))
        # without keywords beside it, the allOf is the referenced model either way
        assert types["plain"] == RefType(TypeName("components", "Meta"))
        if copy:
            copied = next(d for d in read.definitions if d.name.name == "EventMeta")
            assert isinstance(copied, ObjectModel)
            assert [field.name for field in copied.fields] == ["created"]
