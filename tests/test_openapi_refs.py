"""``$ref``: to other files, JSON-pointer escapes, and references that cannot be followed."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.ir import (
    Definition,
    EnumModel,
    Field,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
)

FIXTURES = Path(__file__).parent / "fixtures" / "openapi"


def comps(name: str) -> TypeName:
    return TypeName("components", name)


def fields(definition: Definition) -> dict[str, Field]:
    assert isinstance(definition, ObjectModel)
    return {field.name: field for field in definition.fields}


def read(path: Path, display: str) -> tuple[dict[TypeName, Definition], list[str], list[str]]:
    collector = Collector()
    definitions = read_openapi(path, display, collector)
    return (
        {definition.name: definition for definition in definitions},
        [str(problem) for problem in collector.problems],
        [str(warning) for warning in collector.warnings],
    )


def write(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / next(iter(files))


def test_schemas_in_other_files(tmp_path: Path) -> None:
    got, problems, warnings = read(FIXTURES / "multi" / "main.yaml", "multi/main.yaml")
    assert problems == [] and warnings == []
    assert sorted(map(str, got)) == [
        "components.Color",
        "components.Detail",
        "components.Error",
        "components.Owner",
        "components.Pet",
    ]
    # a whole file is named after the file, its locations are in that file
    pet = got[comps("Pet")]
    assert isinstance(pet, ObjectModel)
    assert pet.location == Location("multi/schemas/pet.yaml", 1, "")
    assert pet.description == "A pet, in its own file."
    pet_fields = fields(pet)
    assert pet_fields["name"].location == Location("multi/schemas/pet.yaml", 4, "/properties/name")
    # '#/...' inside the other file points into that file; '../main.yaml#' back into the main one
    assert pet_fields["color"].type == RefType(comps("Color"))
    color = got[comps("Color")]
    assert isinstance(color, EnumModel) and color.location.file == "multi/schemas/pet.yaml"
    assert pet_fields["owner"].type == RefType(comps("Owner"))
    # the same target reached twice is one definition
    owner = fields(got[comps("Owner")])
    assert owner["pet"].type == RefType(comps("Pet"))
    assert owner["error"].type == owner["again"].type == RefType(comps("Error"))
    assert fields(got[comps("Error")])["detail"].type == RefType(comps("Detail"))
    assert got[comps("Error")].location == Location(
        "multi/common.json", 4, "/components/schemas/Error"
    )


def test_json_pointer_escapes(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    a/b:
      type: object
      properties:
        x: {type: string}
    c~d:
      type: object
      properties:
        slash: {$ref: '#/components/schemas/a~1b'}
        tilde: {$ref: '#/components/schemas/c~0d'}
        percent: {$ref: '#/components/schemas/a%7E1b'}
"""
    got, problems, _ = read(write(tmp_path, {"spec.yaml": text}), "spec.yaml")
    assert problems == []
    cd = fields(got[comps("CD")])
    assert cd["slash"].type == cd["percent"].type == RefType(comps("AB"))
    assert cd["tilde"].type == RefType(comps("CD"))
    assert got[comps("AB")].location.pointer == "/components/schemas/a~1b"


def test_references_that_cannot_be_followed(tmp_path: Path) -> None:
    main = """openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        missingFile: {$ref: 'nope.yaml#/X'}
        badFile: {$ref: 'bad.yaml#/X'}
        missingPointer: {$ref: 'other.yaml#/Nope'}
        url: {$ref: 'https://example.com/schemas/x.json'}
        notPointer: {$ref: '#X'}
        ok: {$ref: 'other.yaml#/X'}
"""
    files = {
        "spec.yaml": main,
        "bad.yaml": "X: [unclosed\n",
        "other.yaml": "X:\n  type: string\n",
    }
    got, problems, warnings = read(write(tmp_path, files), "spec.yaml")
    assert problems == [
        "spec.yaml:9: $ref 'nope.yaml#/X' names a file that does not exist (nope.yaml); "
        "expected a path relative to this file (at /components/schemas/A/properties/missingFile/$ref)",
        "bad.yaml:2: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts on line 1)",
        "spec.yaml:11: $ref 'other.yaml#/Nope' does not resolve; expected a JSON pointer to a "
        "value in 'other.yaml' (at /components/schemas/A/properties/missingPointer/$ref)",
        "spec.yaml:13: $ref '#X' has a fragment that is not a JSON pointer; expected '#/...' "
        "(at /components/schemas/A/properties/notPointer/$ref)",
    ]
    assert warnings == [
        "spec.yaml:12: $ref 'https://example.com/schemas/x.json' points to a URL, which is not "
        "fetched; read as any value (expected a reference into this file or a local file) "
        "(at /components/schemas/A/properties/url/$ref)"
    ]
    assert fields(got[comps("A")])["ok"].type.kind == "string"  # type: ignore[union-attr]


def test_cycles_through_files_and_pointers(tmp_path: Path) -> None:
    main = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Node:
      type: object
      properties:
        next: {$ref: 'node.yaml'}
    Alias: {$ref: '#/components/schemas/Alias2'}
    Alias2: {$ref: '#/components/schemas/Alias'}
"""
    node = "type: object\nproperties:\n  back: {$ref: 'spec.yaml#/components/schemas/Node'}\n"
    got, problems, _ = read(write(tmp_path, {"spec.yaml": main, "node.yaml": node}), "spec.yaml")
    assert fields(got[comps("Node")])["next"].type == RefType(comps("Node2"))
    assert fields(got[comps("Node2")])["back"].type == RefType(comps("Node"))
    assert problems == []  # Alias -> Alias2 -> Alias: only references, read as any value
    assert got[comps("Alias")].type == RefType(comps("Alias2"))  # type: ignore[union-attr]
    assert got[comps("Alias2")].type == Primitive(PrimitiveKind.ANY)  # type: ignore[union-attr]
