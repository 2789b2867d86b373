"""A parameter defined once under ``components/parameters`` makes one definition, on our spec."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi.reader import read_openapi_spec
from generator.ir import EnumModel, ObjectModel, RefType

SPEC = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      parameters: [{$ref: '#/components/parameters/Lang'}]
      responses: {'204': {description: none}}
  /b:
    get:
      operationId: getB
      parameters:
        - {$ref: '#/components/parameters/Lang'}
        - {name: mode, in: query, schema: {type: string, enum: [x, y]}}
      responses: {'204': {description: none}}
  /c:
    get:
      operationId: getC
      parameters:
        - {name: mode, in: query, schema: {type: string, enum: [x, y]}}
      responses: {'204': {description: none}}
components:
  parameters:
    Lang:
      name: Accept-Language
      in: header
      schema: {type: string, enum: [en, fr]}
"""


def test_a_shared_parameter_schema_is_one_definition(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(path, "spec.yaml", collector)
    assert not collector.problems
    enums = [d for d in read.definitions if isinstance(d, EnumModel)]
    lang = [d for d in enums if [v.value for v in d.values] == ["en", "fr"]]
    assert len(lang) == 1  # shared: one enum for both operations
    requests = {d.name.name: d for d in read.definitions if isinstance(d, ObjectModel)}
    for name in ("GetARequest", "GetBRequest"):
        types = {field.name: field.type for field in requests[name].fields}
        assert types["Accept-Language"] == RefType(lang[0].name)
    # a parameter written inline in each operation still makes one definition per operation
    modes = [d for d in enums if [v.value for v in d.values] == ["x", "y"]]
    assert len(modes) == 2
