"""Which named schemas operations reach (``generator.inputs.openapi.reach``), and the spec read
without the others (``read_openapi_spec(unused_schemas=False)``), on small specs of our own."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.diagnostics import Collector
from generator.inputs.openapi.document import Document
from generator.inputs.openapi.reach import reached_keys
from generator.inputs.openapi.reader import read_openapi_spec
from generator.ir import ObjectModel, RefType, TypeName

SPEC = """\
openapi: 3.0.3
info: {title: Kennel, version: '1'}
paths:
  /dogs:
    post:
      operationId: addDog
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/NewDog'}
      responses:
        '200': {$ref: '#/components/responses/DogList'}
        '404': {description: none}
webhooks:
  barked:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Bark'}
      responses:
        '200': {description: ok}
components:
  responses:
    DogList:
      description: dogs
      content:
        application/json:
          schema:
            type: array
            items: {$ref: '#/components/schemas/Dog/properties/owner'}
  schemas:
    NewDog:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            collar:
              type: object
              properties: {size: {type: string}}
    Base:
      type: object
      properties:
        tag: {$ref: '#/components/schemas/Tag'}
        kind:
          oneOf:
            - $ref: '#/components/schemas/Puppy'
            - $ref: '#/components/schemas/Adult'
    Tag: {type: object, properties: {text: {type: string}}}
    Puppy: {type: object, properties: {age: {type: integer}}}
    Adult: {type: object, properties: {age: {type: integer}}}
    Dog:
      type: object
      properties:
        owner: {type: object, properties: {name: {type: string}}}
    Bark: {type: object, properties: {loud: {type: boolean}}}
    Collar:
      type: object
      properties: {colour: {type: string}}
    Kept:
      type: object
      x-speakeasy-include: true
      properties: {tag: {$ref: '#/components/schemas/Tag'}}
"""


def reach(text: str) -> tuple[set[str], set[str]]:
    root = yaml.safe_load(text)
    return reached_keys(Document(root), "/components/schemas", root["components"]["schemas"])


def test_what_paths_reach_through_responses_parts_unions_and_merges() -> None:
    reached, walked = reach(SPEC)
    # NewDog from a body; Dog through a part of it; Tag, Puppy and Adult through Base's
    # properties; Kept is marked x-speakeasy-include
    assert reached == {"NewDog", "Dog", "Tag", "Puppy", "Adult", "Kept"}
    # Base is merged into NewDog, not used: walked (its content is read) but not reached
    assert walked == reached | {"Base"}
    # only a webhook refers to Bark; nothing to Collar
    assert "Bark" not in walked and "Collar" not in walked


def test_a_reference_to_another_file_reaches_every_schema() -> None:
    text = SPEC.replace("$ref: '#/components/schemas/NewDog'", "$ref: 'other.yaml#/Dog'")
    reached, walked = reach(text)
    assert reached == walked == set(yaml.safe_load(text)["components"]["schemas"])


def test_a_schema_no_operation_reaches_takes_no_name(tmp_path: Path) -> None:
    path = tmp_path / "kennel.yaml"
    path.write_text(SPEC, encoding="utf-8")
    problems = Collector()
    assert not read_openapi_spec(path, "kennel.yaml", Collector()).reached  # not asked: not walked
    full = read_openapi_spec(path, "kennel.yaml", problems, reach=True)
    assert not problems.problems
    names = {str(d.name) for d in full.definitions}
    assert {"components.Collar", "components.Bark", "components.Base"} <= names
    # the inline collar of NewDog cannot be named Collar: the unused schema has the name
    new_dog = next(d for d in full.definitions if d.name.name == "NewDog")
    assert isinstance(new_dog, ObjectModel)
    collar = next(f for f in new_dog.fields if f.name == "collar").type
    assert collar != RefType(TypeName("components", "Collar"))
    assert TypeName("components", "Tag") in full.reached
    assert TypeName("components", "Base") not in full.reached

    pruned = read_openapi_spec(path, "kennel.yaml", Collector(), unused_schemas=False)
    names = {str(d.name) for d in pruned.definitions}
    assert "components.Bark" not in names
    assert "components.Base" in names  # merged into NewDog: read, for drop_unused to judge
    new_dog = next(d for d in pruned.definitions if d.name.name == "NewDog")
    assert isinstance(new_dog, ObjectModel)
    collar = next(f for f in new_dog.fields if f.name == "collar").type
    assert collar == RefType(TypeName("components", "Collar"))
    assert {d.name for d in pruned.definitions if d.name.name == "Collar"} == {
        TypeName("components", "Collar")
    }
