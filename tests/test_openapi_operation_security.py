"""``operations.<Operation>Security``: an operation asking for credentials the document's
security does not list takes them per call (``generator.inputs.openapi.security``)."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi.reader import read_openapi_spec
from generator.ir import ObjectModel, Primitive, PrimitiveKind, RefType, TypeName

SPEC = """openapi: 3.0.3
info: {title: t, version: '1'}
security:
  - apiKey: []
  - oauth: [read]
paths:
  /account:
    get:
      operationId: getAccount
      security:
        - {oauth: [write], apiKey: []}
      responses: {'204': {description: ok}}
    post:
      operationId: createAccount
      security:
        - apiKey: []
      responses: {'204': {description: ok}}
  /events:
    get:
      operationId: getEvents
      security:
        - system: []
        - system: []
          basic: []
      responses: {'204': {description: ok}}
  /open:
    get:
      operationId: detect
      security: []
      responses: {'204': {description: ok}}
    post:
      operationId: plain
      responses: {'204': {description: ok}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://x/token', scopes: {read: r, write: w}}}
    apiKey: {type: apiKey, in: header, name: X-API-Key}
    system: {type: http, scheme: bearer}
    basic: {type: http, scheme: basic}
"""


def read(tmp_path: Path) -> dict[str, ObjectModel]:
    path = tmp_path / "openapi.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(path, "openapi.yaml", collector)
    assert not collector.problems
    return {str(d.name): d for d in read.definitions if isinstance(d, ObjectModel)}


def test_several_schemes_at_once_make_an_operation_security_model(tmp_path: Path) -> None:
    model = read(tmp_path)["operations.GetAccountSecurity"]
    got = {field.name: (field.type, field.required) for field in model.fields}
    string = Primitive(PrimitiveKind.STRING)
    assert got == {"oauth": (string, True), "apiKey": (string, True)}
    assert model.location.pointer == "/paths/~1account/get/security"


def test_a_scheme_the_document_does_not_ask_for_makes_one(tmp_path: Path) -> None:
    model = read(tmp_path)["operations.GetEventsSecurity"]
    got = {field.name: (field.type, field.required) for field in model.fields}
    assert got["system"] == (Primitive(PrimitiveKind.STRING), True)
    # asked by one requirement of two: optional; basic credentials are their model
    assert got["basic"] == (RefType(TypeName("components", "SchemeBasicAuth")), False)


def test_a_requirement_of_the_document_or_none_makes_none(tmp_path: Path) -> None:
    models = read(tmp_path)
    for operation in ("CreateAccount", "Detect", "Plain"):
        assert f"operations.{operation}Security" not in models
    assert "components.Security" in models


def test_without_document_security_the_operations_requirements_make_none(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(SPEC.replace("security:\n  - apiKey: []\n  - oauth: [read]\n", ""), "utf-8")
    collector = Collector()
    read = read_openapi_spec(path, "openapi.yaml", collector)
    names = {str(d.name) for d in read.definitions}
    assert "components.Security" in names
    assert not any(name.startswith("operations.") and name.endswith("Security") for name in names)
