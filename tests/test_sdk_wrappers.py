"""The models an SDK derives from operations (``generator.ir.sdk_wrappers``), on our own spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.openapi.reader import read_openapi_spec
from generator.ir import (
    ArrayType,
    Definition,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
)
from generator.ir.sdk_wrappers import (
    HTTP_METADATA,
    WrapperStyle,
    derive_wrappers,
    plural,
    status_words,
    wrapper_styles,
)

SPEC = """\
openapi: 3.0.3
info: {title: Kennel, version: '1'}
paths:
  /dogs/{dogId}:
    get:
      operationId: getDog
      parameters:
        - {name: dogId, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: the dog
          headers:
            X-Rate: {schema: {type: integer}}
          content:
            application/json: {schema: {$ref: '#/components/schemas/Dog'}}
        '404':
          description: no such dog
          content:
            application/json: {schema: {$ref: '#/components/schemas/Missing'}}
        '503':
          description: closed
          content:
            text/plain: {schema: {type: string}}
    put:
      operationId: putDog
      parameters:
        - {name: dogId, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: '#/components/schemas/Dog'}}
      responses:
        '200':
          description: several bodies
          content:
            application/json:
              schema: {type: object, properties: {ok: {type: boolean}}}
        '401':
          description: not allowed
          content:
            application/json:
              schema: {type: object, properties: {why: {type: string}}}
  /dogs:
    get:
      operationId: listDogs
      responses:
        '200':
          description: all dogs
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Puppy'}}
components:
  schemas:
    Dog:
      type: object
      properties: {name: {type: string}}
    Puppy:
      type: object
      properties: {name: {type: string}}
    Missing:
      type: object
      properties: {message: {type: string}}
"""


def read(tmp_path: Path) -> tuple[list[Definition], list[object]]:
    path = tmp_path / "kennel.yaml"
    path.write_text(SPEC, encoding="utf-8")
    problems = Collector()
    spec = read_openapi_spec(path, "kennel.yaml", problems)
    assert not problems.problems
    return spec.definitions, list(spec.operations)


def model(definitions: list[Definition], namespace: str, name: str) -> ObjectModel:
    found = [d for d in definitions if d.name == TypeName(namespace, name)]
    assert len(found) == 1, name
    assert isinstance(found[0], ObjectModel)
    return found[0]


def fields(definition: ObjectModel) -> dict[str, tuple[object, bool | None]]:
    return {field.name: (field.type, field.required) for field in definition.fields}


def test_metadata_fields_and_success_bodies(tmp_path: Path) -> None:
    definitions, operations = read(tmp_path)
    made = derive_wrappers(definitions, operations, WrapperStyle(raw_required=False))  # type: ignore[arg-type]
    get_dog = fields(model(made, "operations", "GetDogResponse"))
    assert get_dog["ContentType"] == (Primitive("string"), True)  # type: ignore[arg-type]
    assert get_dog["StatusCode"] == (Primitive("integer"), True)  # type: ignore[arg-type]
    assert get_dog["RawResponse"] == (Primitive("any", "http-response"), False)  # type: ignore[arg-type]
    assert get_dog["dog"] == (RefType(TypeName("components", "Dog")), False)
    assert get_dog["Headers"] == (MapType(ArrayType(Primitive("string"))), True)  # type: ignore[arg-type]
    assert "missing" not in get_dog  # error bodies only with errors=True
    listed = fields(model(made, "operations", "ListDogsResponse"))
    assert listed["puppies"][0] == ArrayType(RefType(TypeName("components", "Puppy")))
    assert not any(d.name == HTTP_METADATA for d in made)


def test_error_bodies_named_after_their_model_or_status(tmp_path: Path) -> None:
    definitions, operations = read(tmp_path)
    made = derive_wrappers(definitions, operations, WrapperStyle(errors=True))  # type: ignore[arg-type]
    get_dog = fields(model(made, "operations", "GetDogResponse"))
    assert get_dog["missing"][0] == RefType(TypeName("errors", "Missing"))
    assert get_dog["serviceUnavailable"] == (Primitive("string"), False)  # type: ignore[arg-type]
    put_dog = fields(model(made, "operations", "PutDogResponse"))
    # two inline bodies would both be "object": each is named by status and media type
    assert {"twoHundredApplicationJsonObject", "fourHundredAndOneApplicationJsonObject"} <= set(
        put_dog
    )


def test_envelope_metadata_and_body_field(tmp_path: Path) -> None:
    definitions, operations = read(tmp_path)
    style = WrapperStyle(metadata="envelope", body_field="body")
    made = derive_wrappers(definitions, operations, style)  # type: ignore[arg-type]
    get_dog = fields(model(made, "operations", "GetDogResponse"))
    assert get_dog["HTTPMeta"] == (RefType(HTTP_METADATA), True)
    assert "RawResponse" not in get_dog
    metadata = fields(model(made, HTTP_METADATA.namespace, HTTP_METADATA.name))
    assert metadata == {
        "Response": (Primitive("any", "http-response"), True),  # type: ignore[arg-type]
        "Request": (Primitive("any", "http-request"), True),  # type: ignore[arg-type]
    }
    request = fields(model(made, "operations", "PutDogRequest"))
    assert request["body"][0] == RefType(TypeName("components", "Dog"))
    before = fields(model(definitions, "operations", "PutDogRequest"))
    assert "body" not in before  # the reader's own name is kept without body_field


def test_a_taken_name_is_not_replaced(tmp_path: Path) -> None:
    definitions, operations = read(tmp_path)
    taken = ObjectModel(TypeName("operations", "GetDogResponse"), (), definitions[0].location)
    made = derive_wrappers([*definitions, taken], operations, WrapperStyle())  # type: ignore[arg-type]
    assert [d for d in made if d.name == taken.name] == [taken]


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("200", "TwoHundred"),
        ("201", "TwoHundredAndOne"),
        ("401", "FourHundredAndOne"),
        ("422", "FourHundredAndTwentyTwo"),
        ("413", "FourHundredAndThirteen"),
        ("4XX", "FourXX"),
        ("default", "Default"),
    ],
)
def test_status_words(status: str, words: str) -> None:
    assert status_words(status) == words


@pytest.mark.parametrize(
    ("word", "plural_form"),
    [
        ("Entry", "Entries"),
        ("Class", "Classes"),
        ("Key", "Keys"),
        ("Puppy", "Puppies"),
        ("any", "anies"),
        ("Box", "Boxes"),
        ("Card", "Cards"),
    ],
)
def test_plural(word: str, plural_form: str) -> None:
    assert plural(word) == plural_form


def test_styles_are_distinct_and_described() -> None:
    styles = wrapper_styles()
    assert len(set(styles)) == len(styles)
    assert len({style.describe() for style in styles}) == len(styles)


ALIAS_SPEC = """\
openapi: 3.0.3
info: {title: Aliases, version: '1'}
paths:
  /tags:
    get:
      operationId: getTags
      responses:
        '200':
          description: tags
          content:
            application/json: {schema: {$ref: '#/components/schemas/TagList'}}
components:
  schemas:
    TagList:
      type: array
      items: {$ref: '#/components/schemas/Tag'}
    Tag:
      type: object
      properties:
        label: {$ref: '#/components/schemas/Label'}
    Label: {type: string}
    Orphan:
      type: object
      properties: {x: {type: string}}
"""


def test_aliases_inlined_and_unused_schemas_left_out(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(ALIAS_SPEC, encoding="utf-8")
    problems = Collector()
    read = read_openapi_spec(path, "aliases.yaml", problems)
    assert not problems.problems
    names = {str(d.name) for d in read.definitions}
    assert {"components.TagList", "components.Label", "components.Orphan"} <= names
    style = WrapperStyle(wrappers=False, unused_schemas=False, aliases_inlined=True)
    made = derive_wrappers(read.definitions, read.operations, style)
    names = {str(d.name) for d in made}
    # the array and string aliases are written where used; Tag is reached through TagList
    assert "components.TagList" not in names and "components.Label" not in names
    assert "components.Tag" in names and "components.Orphan" not in names
    assert fields(model(made, "components", "Tag"))["label"][0] == Primitive("string")  # type: ignore[arg-type]
    kept = derive_wrappers(read.definitions, read.operations, WrapperStyle(wrappers=False))
    assert {str(d.name) for d in kept} == {str(d.name) for d in read.definitions}
    # a schema the SDK makes though the IR does not use it (OpenAPIRead.reached) stays
    orphan = TypeName("components", "Orphan")
    made = derive_wrappers(read.definitions, read.operations, style, frozenset({orphan}))
    assert orphan in {d.name for d in made}


def test_error_suffix_follows_every_reference_to_a_renamed_error_model() -> None:
    from generator.ir import AliasModel, Field, Location, UnionModel, UnionType, UnionVariant

    here = Location("ours.yaml", 1)
    bad, gone = TypeName("errors", "Bad"), TypeName("errors", "Gone")
    definitions: list[Definition] = [
        ObjectModel(bad, (Field("why", Primitive(PrimitiveKind.STRING), True, False, here),), here),
        ObjectModel(gone, (), here),
        UnionModel(
            TypeName("errors", "Either"),
            (UnionVariant(RefType(bad), here), UnionVariant(RefType(gone), here)),
            here,
        ),
        ObjectModel(
            TypeName("components", "Holder"),
            (
                Field(
                    "x",
                    UnionType((RefType(bad), Primitive(PrimitiveKind.STRING))),
                    True,
                    False,
                    here,
                ),
            ),
            here,
            additional_properties=ArrayType(RefType(gone)),
        ),
        AliasModel(TypeName("components", "Bads"), ArrayType(RefType(bad)), here),
    ]
    derived = derive_wrappers(definitions, [], WrapperStyle(wrappers=False, error_suffix="Error"))
    names = {d.name for d in derived}
    assert TypeName("errors", "BadError") in names and bad not in names
    found: list[TypeName] = []
    for definition in derived:
        if isinstance(definition, UnionModel):
            found += [v.type.target for v in definition.variants if isinstance(v.type, RefType)]
        if isinstance(definition, ObjectModel) and definition.name.name == "Holder":
            union = definition.fields[0].type
            assert isinstance(union, UnionType)
            found += [v.target for v in union.variants if isinstance(v, RefType)]
            extra = definition.additional_properties
            assert isinstance(extra, ArrayType) and isinstance(extra.items, RefType)
            found.append(extra.items.target)
        if isinstance(definition, AliasModel):
            assert isinstance(definition.type, ArrayType) and isinstance(
                definition.type.items, RefType
            )
            found.append(definition.type.items.target)
    assert found == [
        TypeName("errors", "BadError"),
        TypeName("errors", "GoneError"),
        TypeName("errors", "BadError"),
        TypeName("errors", "GoneError"),
        TypeName("errors", "BadError"),
    ]
