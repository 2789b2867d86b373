"""Swagger 2.0 documents read into the same IR as OpenAPI 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.ir import (
    ArrayType,
    Constraints,
    Definition,
    Field,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
)

FIXTURES = Path(__file__).parent / "fixtures" / "openapi"
STRING = Primitive(PrimitiveKind.STRING)


@pytest.fixture(scope="module")
def spec() -> dict[str, Definition]:
    collector = Collector()
    definitions = read_openapi(FIXTURES / "swagger.yaml", "swagger.yaml", collector)
    assert collector.problems == [] and collector.warnings == []
    return {str(definition.name): definition for definition in definitions}


def fields(definition: Definition) -> dict[str, Field]:
    assert isinstance(definition, ObjectModel)
    return {field.name: field for field in definition.fields}


def test_definitions_are_components_and_error_bodies_errors(spec: dict[str, Definition]) -> None:
    assert sorted(spec) == [
        "components.Pet",
        "errors.Problem",
        "operations.UpdatePetRequest",
        "operations.UpdatePetRequestBody",
        "operations.UploadPhotoRequest",
        "operations.UploadPhotoRequestBody",
    ]
    pet = spec["components.Pet"]
    assert pet.location.pointer == "/definitions/Pet"
    assert fields(pet)["tags"].type == ArrayType(STRING)


def test_body_parameter_and_plain_parameters(spec: dict[str, Definition]) -> None:
    request = fields(spec["operations.UpdatePetRequest"])
    assert list(request) == ["petId", "dryRun", "requestBody"]
    # a parameter is its own schema in Swagger 2.0; $ref to #/parameters is followed
    assert request["petId"].type == Primitive(PrimitiveKind.INTEGER, "int64")
    assert request["petId"].required is True
    assert request["petId"].location.pointer == "/parameters/PetId"
    assert request["dryRun"].type == Primitive(PrimitiveKind.BOOLEAN)
    body = request["requestBody"]
    assert (body.type, body.required) == (
        RefType(TypeName("operations", "UpdatePetRequestBody")),
        True,
    )
    tag = fields(spec["operations.UpdatePetRequestBody"])["tag"]
    assert (tag.type, tag.nullable) == (STRING, True)  # x-nullable


def test_form_data_parameters_are_the_fields_of_the_body(spec: dict[str, Definition]) -> None:
    form = fields(spec["operations.UploadPhotoRequestBody"])
    assert (form["file"].type, form["file"].required) == (
        Primitive(PrimitiveKind.STRING, "binary"),
        True,
    )
    assert form["caption"].type == Primitive(
        PrimitiveKind.STRING, constraints=Constraints(max_length=80)
    )
    assert fields(spec["operations.UploadPhotoRequest"])["requestBody"].required is True


def test_discriminator_of_swagger_is_a_property_name(tmp_path: Path) -> None:
    text = """swagger: '2.0'
info: {title: t, version: '1'}
paths: {}
definitions:
  Cat: {type: object, properties: {kind: {type: string}}}
  Dog: {type: object, properties: {kind: {type: string}}}
  Pet:
    discriminator: kind
    x-nullable: true
    type: object
    properties:
      owner: {$ref: '#/definitions/Cat'}
"""
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    got = {str(d.name): d for d in read_openapi(path, "spec.yaml", collector)}
    assert collector.problems == []
    assert fields(got["components.Pet"])["owner"].type == RefType(TypeName("components", "Cat"))


def test_openapi_3_keywords_in_swagger_are_still_checked(tmp_path: Path) -> None:
    text = """swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /x:
    get:
      parameters:
        - {name: q, in: body}
      responses: {}
definitions:
  A: {type: object, properties: {f: {type: files}}}
"""
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    read_openapi(path, "spec.yaml", collector)
    assert [str(problem) for problem in collector.problems] == [
        "spec.yaml:7: body parameter has no schema; expected a schema (at /paths/~1x/get/parameters/0)",
    ]
    assert [str(warning) for warning in collector.warnings] == [
        "spec.yaml:10: type 'files' is not a JSON Schema type (expected one of string, integer, "
        "number, boolean, object, array, null); read as any value "
        "(at /definitions/A/properties/f/type)",
    ]
