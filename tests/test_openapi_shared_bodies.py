"""Shared request bodies and responses (``components/requestBodies``, ``components/responses``)
named after their key under ``speakeasy-2025`` (``generator.inputs.openapi.shared_bodies``)."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi.reader import read_openapi_spec
from generator.ir import ObjectModel, RefType, TypeName

SPEC = """openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /employee:
    post:
      operationId: EmployeeCreate
      requestBody: {$ref: '#/components/requestBodies/EmployeeCreate'}
      responses:
        '201': {$ref: '#/components/responses/EmployeeCreate'}
    put:
      operationId: EmployeeReplace
      parameters:
        - {name: id, in: query, schema: {type: string}}
      requestBody: {$ref: '#/components/requestBodies/EmployeeCreate'}
      responses:
        '200': {$ref: '#/components/responses/EmployeeList'}
  /employee/_search:
    post:
      operationId: EmployeeSearch
      requestBody: {$ref: '#/components/requestBodies/EmployeeSearch'}
      responses:
        '200': {$ref: '#/components/responses/EmployeeSearch'}
components:
  schemas:
    Employee: {type: object, properties: {id: {type: string}}}
  requestBodies:
    EmployeeCreate:
      content:
        application/json:
          schema:
            type: object
            properties:
              address: {type: object, properties: {street: {type: string}}}
    EmployeeSearch:
      content:
        application/json:
          schema:
            type: object
            properties:
              filter: {type: object, properties: {name: {type: string}}}
  responses:
    EmployeeCreate:
      description: created
      content:
        application/json:
          schema: {allOf: [{$ref: '#/components/schemas/Employee'}]}
    EmployeeList:
      description: a page
      content:
        application/json:
          schema:
            type: object
            properties:
              pagination: {type: object, properties: {total: {type: integer}}}
    EmployeeSearch:
      description: found
      content:
        application/json:
          schema:
            type: object
            properties:
              pagination: {type: object, properties: {total: {type: integer}}}
"""


def read(tmp_path: Path, naming: str) -> dict[str, ObjectModel]:
    path = tmp_path / "openapi.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(path, "openapi.yaml", collector, naming)
    assert not collector.problems
    return {str(d.name): d for d in read.definitions if isinstance(d, ObjectModel)}


def test_a_shared_body_is_named_after_its_key_once(tmp_path: Path) -> None:
    models = read(tmp_path, "speakeasy-2025")
    assert "components.EmployeeCreate" in models
    assert "components.Address" in models  # asked once: the short name
    assert "operations.EmployeeCreateRequestBody" not in models
    assert "operations.EmployeeReplaceRequestBody" not in models
    # both operations refer to the one model; the request field is named after it
    request = models["operations.EmployeeReplaceRequest"]
    body = {field.name: field.type for field in request.fields}
    assert body["employeeCreate"] == RefType(TypeName("components", "EmployeeCreate"))


def test_a_shared_success_response_is_named_after_its_key(tmp_path: Path) -> None:
    models = read(tmp_path, "speakeasy-2025")
    assert "components.EmployeeList" in models
    assert "components.EmployeeListPagination" in models
    assert "operations.EmployeeReplaceResponseBody" not in models


def test_a_key_of_a_body_and_a_response_both_models_gets_the_kind(tmp_path: Path) -> None:
    models = read(tmp_path, "speakeasy-2025")
    assert "components.EmployeeSearchRequestBody" in models
    assert "components.EmployeeSearchResponse" in models
    # what is nested is owned by the key's name (``pagination`` is asked twice)
    assert "components.EmployeeSearchPagination" in models
    assert "components.EmployeeSearchResponsePagination" not in models
    # a response that is a named schema makes no model: the body keeps the key's name
    assert "components.EmployeeCreate" in models


def test_before_2025_a_shared_body_is_named_after_its_operation(tmp_path: Path) -> None:
    models = read(tmp_path, "speakeasy-2023")
    assert "operations.EmployeeCreateRequestBody" in models
    assert "components.EmployeeCreate" not in models
