"""Schema keywords added for real specs: mappings, null in enums and containers, names, counts."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.ir import (
    ArrayType,
    Constraints,
    Definition,
    EnumModel,
    Field,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    UnionModel,
)

SPEC = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Cat:
      type: object
      properties:
        kind: {const: cat}
    Dog:
      type: object
      properties:
        kind: {const: dog}
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: kind
        mapping:
          cat: '#/components/schemas/Cat'
          dog: Dog
    Level:
      type: [integer, 'null']
      enum: [1, 2, null]
    Bag:
      type: object
      minProperties: 1
      maxProperties: 5
      properties:
        names:
          type: array
          items: {type: [string, 'null']}
        scores:
          type: object
          additionalProperties:
            anyOf: [{type: number}, {type: 'null'}]
        tree: {$ref: '#/components/schemas/Tree'}
        input:
          anyOf: [{type: string}, {type: array, items: {type: string}}]
          x-speakeasy-name-override: inputs
        level: {$ref: '#/components/schemas/Level'}
    Tree:
      type: object
      properties:
        children:
          type: array
          items: {$ref: '#/components/schemas/Tree'}
        parent: {$ref: '#/components/schemas/Tree'}
"""


def read(tmp_path: Path, text: str) -> tuple[dict[str, Definition], list[str], list[str]]:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    definitions = read_openapi(path, "spec.yaml", collector)
    return (
        {str(definition.name): definition for definition in definitions},
        [str(problem) for problem in collector.problems],
        [str(warning) for warning in collector.warnings],
    )


def fields(definition: Definition) -> dict[str, Field]:
    assert isinstance(definition, ObjectModel)
    return {field.name: field for field in definition.fields}


def comps(name: str) -> TypeName:
    return TypeName("components", name)


def test_discriminator_mapping_by_reference_and_by_name(tmp_path: Path) -> None:
    got, problems, _ = read(tmp_path, SPEC)
    assert problems == []
    pet = got["components.Pet"]
    assert isinstance(pet, UnionModel)
    assert pet.discriminator == "kind"
    assert pet.mapping == (("cat", comps("Cat")), ("dog", comps("Dog")))


def test_integer_enum_with_null(tmp_path: Path) -> None:
    got, _, _ = read(tmp_path, SPEC)
    level = got["components.Level"]
    assert isinstance(level, EnumModel)
    assert [value.value for value in level.values] == [1, 2]
    field = fields(got["components.Bag"])["level"]
    assert (field.type, field.nullable) == (RefType(comps("Level")), True)


def test_null_items_and_values_and_object_counts(tmp_path: Path) -> None:
    got, _, _ = read(tmp_path, SPEC)
    bag = got["components.Bag"]
    assert isinstance(bag, ObjectModel)
    assert bag.constraints == Constraints(min_properties=1, max_properties=5)
    got_fields = fields(bag)
    assert got_fields["names"].type == ArrayType(
        Primitive(PrimitiveKind.STRING), items_nullable=True
    )
    assert got_fields["scores"].type == MapType(
        Primitive(PrimitiveKind.NUMBER), values_nullable=True
    )


def test_name_override_names_the_field_for_sdks_and_its_type(tmp_path: Path) -> None:
    got, _, _ = read(tmp_path, SPEC)
    field = fields(got["components.Bag"])["input"]
    assert (field.name, field.sdk_name) == ("input", "inputs")
    assert field.type == RefType(comps("Inputs"))
    assert isinstance(got["components.Inputs"], UnionModel)


def test_recursive_schemas(tmp_path: Path) -> None:
    got, _, _ = read(tmp_path, SPEC)
    tree = fields(got["components.Tree"])
    assert tree["children"].type == ArrayType(RefType(comps("Tree")))
    assert tree["parent"].type == RefType(comps("Tree"))


def test_unrepresentable_things_are_warnings_with_their_place(tmp_path: Path) -> None:
    text = """openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /x:
    $ref: 'paths.yaml#/x'
components:
  schemas:
    Event:
      allOf:
        - oneOf:
            - {type: object, properties: {a: {type: string}}}
            - {type: object, properties: {b: {type: string}}}
        - type: object
          properties:
            stream: {type: string}
"""
    got, problems, warnings = read(tmp_path, text)
    assert problems == []
    assert warnings == [
        "spec.yaml:5: a path item given by $ref is not read; expected the operations inline "
        "(at /paths/~1x/$ref)",
        "spec.yaml:9: allOf combines schemas that are not all objects; only allOf/0 is "
        "represented (allOf/1 not merged) (at /components/schemas/Event/allOf)",
    ]
    event = got["components.Event"]  # the model is kept, as the first schema of allOf says
    assert isinstance(event, UnionModel) and len(event.variants) == 2


def test_discriminator_mapping_to_something_that_is_no_model(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    A: {type: object, properties: {k: {type: string}}}
    S: {type: string}
    U:
      oneOf: [{$ref: '#/components/schemas/A'}, {type: integer}]
      discriminator:
        propertyName: k
        mapping: {a: A, s: S, x: '#/components/schemas/Nope', n: 3}
"""
    got, problems, warnings = read(tmp_path, text)
    assert warnings == [
        "spec.yaml:12: discriminator mapping 's' -> 'S' is not an object schema; the entry is "
        "ignored (at /components/schemas/U/discriminator/mapping/s)"
    ]
    assert problems == [
        "spec.yaml:12: discriminator mapping 'x' -> '#/components/schemas/Nope' is not a named "
        "schema of this spec; expected a reference to an object schema "
        "(at /components/schemas/U/discriminator/mapping/x)",
        "spec.yaml:12: n is a number (3); expected a reference such as "
        "'#/components/schemas/Cat' (at /components/schemas/U/discriminator/mapping/n)",
    ]
    union = got["components.U"]
    assert isinstance(union, UnionModel) and union.mapping == (("a", comps("A")),)


def test_variants_that_only_require_properties_leave_the_object(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Search:
      type: object
      properties:
        ids: {type: array, items: {type: string}}
        stores: {type: array, items: {type: string}}
      oneOf:
        - required: [ids]
        - required: [stores]
"""
    got, problems, warnings = read(tmp_path, text)
    assert problems == []
    assert warnings == [
        "spec.yaml:11: oneOf only combines required properties; read as the object, the oneOf "
        "rule is not represented (at /components/schemas/Search/oneOf)"
    ]
    assert list(fields(got["components.Search"])) == ["ids", "stores"]
