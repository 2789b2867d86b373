"""Tests of the OpenAPI reader: loading with lines, schemas -> IR, naming, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.inputs.openapi.loader import load_document, parse_text
from generator.ir import (
    NO_CONSTRAINTS,
    AliasModel,
    ArrayType,
    Constraints,
    Default,
    Definition,
    EnumModel,
    EnumValue,
    Field,
    LiteralType,
    Location,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    UnionModel,
    UnionType,
    walk_types,
)

FIXTURES = Path(__file__).parent / "fixtures" / "openapi"

STRING = Primitive(PrimitiveKind.STRING)
ANY = Primitive(PrimitiveKind.ANY)
LEAD_BODY = "/paths/~1track~1lead/post/requestBody/content/application~1json/schema"
PETS_BODY = "/paths/~1pets/post/requestBody/content/application~1json; charset=utf-8/schema"


def read(name: str) -> tuple[dict[TypeName, Definition], list[str]]:
    """Definitions of a fixture by name, and its problems as ``file:line: message`` strings."""
    collector = Collector()
    definitions = read_openapi(FIXTURES / name, name, collector)
    by_name = {definition.name: definition for definition in definitions}
    assert len(by_name) == len(definitions), "definition names must be unique"
    return by_name, [str(problem) for problem in collector.problems]


def read_text(
    tmp_path: Path, text: str, name: str = "spec.yaml"
) -> tuple[list[Definition], list[str]]:
    """Definitions and problems of a spec written to ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    definitions = read_openapi(path, name, collector)
    return definitions, [str(problem) for problem in collector.problems]


def read_with_warnings(
    tmp_path: Path, text: str, name: str = "spec.yaml"
) -> tuple[list[Definition], list[str], list[str]]:
    """Definitions, problems and warnings of a spec written to ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    definitions = read_openapi(path, name, collector)
    return (
        definitions,
        [str(problem) for problem in collector.problems],
        [str(warning) for warning in collector.warnings],
    )


def fields(definition: Definition) -> dict[str, Field]:
    """The fields of an object model by wire name."""
    assert isinstance(definition, ObjectModel)
    return {field.name: field for field in definition.fields}


def ops(name: str) -> TypeName:
    return TypeName("operations", name)


def comps(name: str) -> TypeName:
    return TypeName("components", name)


# -- loading ---------------------------------------------------------------------------


def test_yaml_lines_of_keys_and_items() -> None:
    collector = Collector()
    document = load_document(FIXTURES / "lead.yaml", "lead.yaml", collector)
    assert document is not None and collector.problems == []
    root = document.root
    assert isinstance(root, dict)
    assert document.key_line(root, "paths") == 5
    assert document.key_line(root, "components") == 106
    mode = root["paths"]["/track/lead"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]["properties"]["mode"]
    assert document.line(mode) == 40
    assert document.key_line(mode, "default") == 44
    assert [document.item_line(mode["enum"], index) for index in range(2)] == [42, 43]


def test_plain_scalars_follow_yaml_1_2_core_schema() -> None:
    text = (
        "a: yes\nb: on\nc: 2024-01-01\nd: 1e3\ne: 0o17\nf: 0x1F\ng: '12'\nh: ~\ni: True\n"
        "j: 1_000\nk: -.inf\nl: 1:30\nm: !!str 12\nn: !!float 2\n200: ok\n"
    )
    collector = Collector()
    document = parse_text(text, "x.yaml", collector, json_text=False)
    assert document is not None
    # -.inf is YAML but has no JSON form: bad input with its line (read as null meanwhile)
    assert [str(problem) for problem in collector.problems] == [
        "x.yaml:11: -inf is not a JSON number (NaN and infinities have no JSON form); "
        "expected a finite number"
    ]
    assert document.root == {
        "a": "yes",
        "b": "on",
        "c": "2024-01-01",
        "d": 1000.0,
        "e": 15,
        "f": 31,
        "g": "12",
        "h": None,
        "i": True,
        "j": "1_000",
        "k": None,
        "l": "1:30",
        "m": "12",
        "n": 2.0,
        "200": "ok",
    }


def test_invalid_yaml_is_one_problem_with_its_line() -> None:
    definitions, problems = read("invalid.yaml")
    assert definitions == {}
    assert problems == [
        "invalid.yaml:5: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts on line 4)"
    ]


def test_invalid_json_is_one_problem_with_its_line() -> None:
    definitions, problems = read("invalid.json")
    assert definitions == {}
    assert problems == ["invalid.json:4: invalid JSON: Expecting ',' delimiter"]


def test_json_is_read_with_lines_and_surrogate_escapes() -> None:
    collector = Collector()
    document = load_document(FIXTURES / "lead.json", "lead.json", collector)
    assert document is not None and collector.problems == []
    assert isinstance(document.root, dict)
    assert document.root["info"]["title"] == "JSON fixture \N{THUMBS UP SIGN}"
    definitions, problems = read("lead.json")
    assert problems == []
    assert definitions[ops("TrackLeadRequestBody")].location == Location(
        "lead.json",
        11,
        "/paths/~1track~1lead/post/requestBody/content/application~1json/schema",
    )
    quantity = fields(definitions[ops("TrackLeadRequestBody")])["quantity"]
    assert quantity.type == Primitive(PrimitiveKind.NUMBER, constraints=Constraints(minimum=0.001))
    assert quantity.location.line == 15
    assert definitions[ops("Mode")].values[1].location.line == 14  # type: ignore[union-attr]


def test_json_that_yaml_rejects_is_read_with_lines(tmp_path: Path) -> None:
    text = (
        '{"openapi": "3.1.0", "info": {"title": "raw \x7f DEL", "version": "1"}, "components": '
        '{"schemas": {"A": {"type": "object",\n"properties": {"x": {"type": "string"}}}}}}'
    )
    definitions, problems = read_text(tmp_path, text, "del.json")
    assert problems == []
    [model] = definitions
    assert model.location == Location("del.json", 1, "/components/schemas/A")
    assert model.fields[0].location == Location(  # type: ignore[attr-defined]
        "del.json", 2, "/components/schemas/A/properties/x"
    )


def test_json_that_needs_yaml_and_yaml_rejects_falls_back_without_lines(tmp_path: Path) -> None:
    text = (  # the duplicate title needs YAML's warning, and YAML refuses the DEL character
        '{"openapi": "3.1.0", "info": {"title": "raw \x7f DEL", "title": "t", "version": "1"}, '
        '"components": {"schemas": {"A": {"type": "object", "properties": {"x": {"type": "string"}}}}}}'
    )
    definitions, problems = read_text(tmp_path, text, "lone.json")
    assert problems == []
    assert definitions == [
        ObjectModel(
            comps("A"),
            (
                Field(
                    "x",
                    STRING,
                    False,
                    False,
                    Location("lone.json", None, "/components/schemas/A/properties/x"),
                ),
            ),
            Location("lone.json", None, "/components/schemas/A"),
        )
    ]


def test_yaml_structure_problems(tmp_path: Path) -> None:
    text = (
        "openapi: 3.0.3\nx: *nope\ny: &a [*a]\nk: 1\nk: 2\nbase: &b {type: string}\nm:\n  <<: *b\n"
    )
    collector = Collector()
    document = parse_text(text, "s.yaml", collector, json_text=False)
    assert document is not None and isinstance(document.root, dict)
    assert document.root["m"] == {"type": "string"}
    assert [str(problem) for problem in collector.problems] == [
        "s.yaml:2: alias *nope has no anchor &nope before it; expected a defined anchor",
        "s.yaml:3: alias *a refers to a node that contains it; expected no cycles",
        "s.yaml:5: duplicate key 'k'; expected each key once in a mapping",
    ]


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    collector = Collector()
    assert read_openapi(tmp_path / "nope.yaml", "nope.yaml", collector) == []
    assert len(collector.problems) == 1
    assert collector.problems[0].location == Location("nope.yaml")
    assert collector.problems[0].message.startswith("cannot read the file (")


EXPECTED_VERSION = (
    "expected an OpenAPI 3.0 or 3.1 document (openapi: 3.0.x or 3.1.x) or Swagger 2.0 "
    "(swagger: '2.0')"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "swagger: '1.2'\n",
            f'spec.yaml:1: swagger is a string ("1.2"); {EXPECTED_VERSION} (at /swagger)',
        ),
        (
            "info: {}\nopenapi: '3.2.0'\n",
            f'spec.yaml:2: openapi is a string ("3.2.0"); {EXPECTED_VERSION} (at /openapi)',
        ),
        ("- openapi: 3.0.0\n", f"spec.yaml:1: the document is a list; {EXPECTED_VERSION}"),
        ("info: {}\n", f"spec.yaml:1: no openapi version; {EXPECTED_VERSION}"),
    ],
)
def test_not_an_openapi_3_document(tmp_path: Path, text: str, expected: str) -> None:
    definitions, problems = read_text(tmp_path, text)
    assert definitions == []
    assert problems == [expected]


# -- the lead request body ---------------------------------------------------------------


def test_track_lead_request_body() -> None:
    definitions, problems = read("lead.yaml")
    assert problems == []
    body = definitions[ops("TrackLeadRequestBody")]
    assert isinstance(body, ObjectModel)
    assert body.location == Location("lead.yaml", 12, LEAD_BODY)
    assert [field.name for field in body.fields] == [
        "clickId",
        "eventName",
        "customerName",
        "customerEmail",
        "eventQuantity",
        "mode",
        "metadata",
        "tags",
        "customer",
        "address",
    ]
    got = fields(body)
    assert got["clickId"] == Field(
        "clickId",
        Primitive(PrimitiveKind.STRING, constraints=Constraints(min_length=1)),
        True,
        False,
        Location("lead.yaml", 15, LEAD_BODY + "/properties/clickId"),
        description="Click that led to the lead.",
    )
    assert got["eventName"].type == Primitive(
        PrimitiveKind.STRING, constraints=Constraints(min_length=1, max_length=255)
    )
    assert got["eventName"].examples == ("Sign up",)
    assert got["customerName"] == Field(
        "customerName",
        Primitive(PrimitiveKind.STRING, constraints=Constraints(max_length=100)),
        False,
        True,
        Location("lead.yaml", 25, LEAD_BODY + "/properties/customerName"),
        default=Default(None),
    )
    assert got["customerEmail"].type == Primitive(PrimitiveKind.STRING, "email")
    assert got["customerEmail"].default is None
    assert got["eventQuantity"].type == Primitive(
        PrimitiveKind.NUMBER, constraints=Constraints(exclusive_minimum=0)
    )
    assert got["eventQuantity"].nullable is True
    assert got["mode"] == Field(
        "mode",
        RefType(ops("Mode")),
        False,
        False,
        Location("lead.yaml", 39, LEAD_BODY + "/properties/mode"),
        description="How to track the event.",
        default=Default("async"),
    )
    assert got["metadata"].type == MapType(ANY, values_nullable=True)  # any value includes null
    assert (got["metadata"].nullable, got["metadata"].default) == (True, Default(None))
    assert got["tags"].type == ArrayType(
        STRING, Constraints(min_items=1, max_items=10, unique_items=True)
    )
    # Customer has a readOnly field: a request uses its request view
    assert got["customer"].type == RefType(comps("CustomerInput"))
    assert got["address"].type == RefType(ops("Address"))
    assert got["address"].description == "Where the customer lives."


def test_inline_enum_becomes_an_enum_model_named_after_the_property() -> None:
    definitions, _ = read("lead.yaml")
    mode_ptr = LEAD_BODY + "/properties/mode"
    assert definitions[ops("Mode")] == EnumModel(
        ops("Mode"),
        (
            EnumValue("async", Location("lead.yaml", 42, mode_ptr + "/enum/0")),
            EnumValue("wait", Location("lead.yaml", 43, mode_ptr + "/enum/1")),
        ),
        Location("lead.yaml", 39, mode_ptr),
        description="How to track the event.",
        open=False,
    )


def test_inline_object_becomes_an_object_model_named_after_the_property() -> None:
    definitions, _ = read("lead.yaml")
    address = definitions[ops("Address")]
    assert isinstance(address, ObjectModel)
    assert address.description == "Where the customer lives."
    assert address.fields == (
        Field(
            "city",
            STRING,
            True,
            False,
            Location("lead.yaml", 65, LEAD_BODY + "/properties/address/properties/city"),
        ),
    )


def test_colliding_inline_names_get_the_operation_name_in_front() -> None:
    definitions, _ = read("lead.yaml")
    sale_mode = definitions[ops("TrackSaleMode")]
    assert isinstance(sale_mode, EnumModel)
    assert [value.value for value in sale_mode.values] == ["async", "deferred"]
    assert fields(definitions[ops("TrackSaleRequestBody")])["mode"].type == RefType(
        ops("TrackSaleMode")
    )


def test_numeric_keywords_of_openapi_3_0() -> None:
    definitions, _ = read("lead.yaml")
    amount = fields(definitions[ops("TrackSaleRequestBody")])["amount"]
    assert amount.type == Primitive(
        PrimitiveKind.INTEGER, "int64", Constraints(exclusive_maximum=1000, multiple_of=5)
    )


def test_ref_request_body_makes_nothing_new() -> None:
    definitions, _ = read("lead.yaml")
    assert sorted(str(name) for name in definitions) == [
        "components.Customer",
        "components.CustomerInput",
        "components.Tier",
        "operations.Address",
        "operations.Mode",
        "operations.TrackLeadRequestBody",
        "operations.TrackSaleMode",
        "operations.TrackSaleRequestBody",
    ]


def test_component_schemas() -> None:
    definitions, _ = read("lead.yaml")
    customer = definitions[comps("Customer")]
    assert isinstance(customer, ObjectModel)
    assert customer.location == Location("lead.yaml", 108, "/components/schemas/Customer")
    assert customer.description == "A customer."
    got = fields(customer)
    assert (got["id"].required, got["id"].read_only) == (True, True)
    assert got["name"].deprecated is True
    assert got["password"].write_only is True
    assert got["tier"].type == RefType(comps("Tier"))
    assert got["attributes"].type == MapType(ANY, values_nullable=True)
    tier = definitions[comps("Tier")]
    assert isinstance(tier, EnumModel)
    assert [value.value for value in tier.values] == [1, 2, 3]
    assert tier.description == "Pricing tier."


# -- OpenAPI 3.1 and composition ---------------------------------------------------------


def test_openapi_3_1_keywords() -> None:
    definitions, problems = read("features31.yaml")
    assert problems == []
    got = fields(definitions[ops("CreatePetRequestBody")])
    assert (got["nickname"].type, got["nickname"].nullable) == (STRING, True)
    assert got["nickname"].examples == ("Rex", "Fido")
    assert got["age"].type == Primitive(
        PrimitiveKind.INTEGER, constraints=Constraints(exclusive_minimum=0, exclusive_maximum=30)
    )
    assert got["kind"].type == LiteralType("pet")
    assert got["labels"].type == MapType(STRING)
    assert got["extra"].type == ANY
    assert got["code"].type == UnionType(
        (
            Primitive(PrimitiveKind.STRING, constraints=Constraints(pattern="^[A-Z]+$")),
            Primitive(PrimitiveKind.STRING, "uuid"),
        )
    )


def test_one_of_refs_is_a_union_model_with_discriminator() -> None:
    definitions, _ = read("features31.yaml")
    pet = definitions[ops("Pet")]
    assert isinstance(pet, UnionModel)
    assert [variant.type for variant in pet.variants] == [
        RefType(comps("Cat")),
        RefType(comps("Dog")),
    ]
    assert [variant.location.line for variant in pet.variants] == [26, 27]
    assert pet.discriminator == "type"


def test_union_variants_are_named_by_position() -> None:
    definitions, _ = read("features31.yaml")
    size = definitions[ops("Size")]
    assert isinstance(size, UnionModel)
    assert [variant.type for variant in size.variants] == [
        RefType(ops("One")),
        Primitive(PrimitiveKind.INTEGER),
    ]
    one = definitions[ops("One")]
    assert isinstance(one, EnumModel)
    assert [value.value for value in one.values] == ["small", "large"]


def test_nullable_any_of_and_single_all_of_are_the_referenced_schema() -> None:
    definitions, _ = read("features31.yaml")
    got = fields(definitions[ops("CreatePetRequestBody")])
    assert (got["owner"].type, got["owner"].nullable) == (RefType(comps("Owner")), True)
    assert (got["vet"].type, got["vet"].nullable) == (RefType(comps("Owner")), False)
    assert got["vet"].description == "The vet."


def test_title_names_an_inline_object_and_array_body_items_are_request_body() -> None:
    definitions, _ = read("features31.yaml")
    assert fields(definitions[ops("CreatePetRequestBody")])["collar"].type == RefType(
        ops("PetCollar")
    )
    items = definitions[ops("RequestBody")]
    assert isinstance(items, ObjectModel) and [f.name for f in items.fields] == ["name"]
    body = definitions[ops("CreatePetsRequestBody")]  # a non-object body is a model too
    assert isinstance(body, AliasModel) and body.type == ArrayType(RefType(ops("RequestBody")))


def test_all_of_objects_are_merged_in_order() -> None:
    definitions, _ = read("features31.yaml")
    dog = definitions[comps("Dog")]
    assert isinstance(dog, ObjectModel)
    assert [(f.name, f.type, f.required) for f in dog.fields] == [
        ("type", LiteralType("dog"), True),
        ("name", STRING, False),
        ("breed", STRING, True),
    ]
    assert dog.fields[1].location.pointer == "/components/schemas/Animal/properties/name"


def test_component_that_is_not_an_object_is_a_named_alias() -> None:
    definitions, _ = read("features31.yaml")
    names = definitions[comps("Names")]
    assert isinstance(names, AliasModel) and names.type == ArrayType(STRING)
    assert fields(definitions[comps("Owner")])["aliases"].type == RefType(comps("Names"))


def test_open_enum_from_speakeasy_extension() -> None:
    definitions, _ = read("features31.yaml")
    color = definitions[comps("Color")]
    assert isinstance(color, EnumModel) and color.open is True


def test_additional_properties_on_an_object_with_properties(tmp_path: Path) -> None:
    text = """openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    Open:
      type: object
      properties:
        a: {type: string}
      additionalProperties: true
    Typed:
      type: object
      properties:
        a: {type: string}
      additionalProperties: {type: integer}
    Closed:
      type: object
      additionalProperties: false
    Counts:
      type: object
      additionalProperties: {type: integer}
      minProperties: 1
    Refs:
      type: object
      properties:
        counts: {$ref: '#/components/schemas/Counts'}
"""
    definitions, problems = read_text(tmp_path, text)
    assert problems == []
    by_name = {definition.name.name: definition for definition in definitions}
    assert sorted(by_name) == ["Closed", "Counts", "Open", "Refs", "Typed"]
    assert by_name["Counts"] == AliasModel(
        comps("Counts"),
        MapType(Primitive(PrimitiveKind.INTEGER), Constraints(min_properties=1)),
        Location("spec.yaml", 18, "/components/schemas/Counts"),
    )
    assert by_name["Open"].additional_properties == ANY  # type: ignore[union-attr]
    assert by_name["Typed"].additional_properties == Primitive(  # type: ignore[union-attr]
        PrimitiveKind.INTEGER
    )
    assert by_name["Closed"].fields == ()  # type: ignore[union-attr]
    assert fields(by_name["Refs"])["counts"].type == RefType(comps("Counts"))


def test_constraints_only_go_where_they_apply(tmp_path: Path) -> None:
    text = """openapi: 3.0.0
info: {title: t, version: '1'}
components:
  schemas:
    A:
      type: object
      properties:
        flag: {type: boolean, minLength: 2}
        count: {type: integer, minimum: 1, maxLength: 3}
        list: {type: array, items: {type: string, maxLength: 5}, maxItems: 2}
"""
    definitions, problems = read_text(tmp_path, text)
    assert problems == []
    got = fields(definitions[0])
    assert got["flag"].type == Primitive(PrimitiveKind.BOOLEAN, constraints=NO_CONSTRAINTS)
    assert got["count"].type == Primitive(PrimitiveKind.INTEGER, constraints=Constraints(minimum=1))
    assert got["list"].type == ArrayType(
        Primitive(PrimitiveKind.STRING, constraints=Constraints(max_length=5)),
        Constraints(max_items=2),
    )


# -- problems ----------------------------------------------------------------------------


def test_wrong_keyword_types_and_dangling_ref_are_reported_with_lines() -> None:
    definitions, problems = read("wrong_keywords.yaml")
    assert problems == [
        'wrong_keywords.yaml:10: required is a string ("clickId"); expected a list of strings '
        "(at /components/schemas/Lead/required)",
        'wrong_keywords.yaml:14: minLength is a string ("a"); expected a non-negative integer '
        "(at /components/schemas/Lead/properties/clickId/minLength)",
        "wrong_keywords.yaml:16: $ref '#/components/schemas/Missing' does not resolve; "
        "expected a schema under components/schemas "
        "(at /components/schemas/Lead/properties/owner/$ref)",
        'wrong_keywords.yaml:21: nullable is a string ("yes"); expected true or false '
        "(at /components/schemas/Lead/properties/flag/nullable)",
    ]
    lead = fields(definitions[comps("Lead")])
    assert lead["clickId"] == Field(
        "clickId",
        STRING,
        False,
        False,
        Location("wrong_keywords.yaml", 12, "/components/schemas/Lead/properties/clickId"),
    )
    assert lead["owner"].type == ANY


def test_more_wrong_keywords(tmp_path: Path) -> None:
    text = """openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    A:
      type: object
      properties:
        a: {type: number, exclusiveMinimum: 'x', multipleOf: 0}
        b: {type: string, description: 5, deprecated: 1, examples: {x: 1}}
        c: {enum: [a, [b]]}
        d: {type: number, exclusiveMaximum: true}
        e: {oneOf: []}
        f: {$ref: 'other.yaml#/X'}
        g: {allOf: [{type: string}, {type: object}]}
        h: 12
"""
    _, problems, warnings = read_with_warnings(tmp_path, text)
    assert warnings == [
        "spec.yaml:10: enum item 1 is a list; kept as a JSON value (a member of the enum) "
        "(at /components/schemas/A/properties/c/enum)",
        "spec.yaml:11: exclusiveMaximum is true but there is no maximum to exclude; "
        "exclusiveMaximum is ignored (at /components/schemas/A/properties/d/exclusiveMaximum)",
        "spec.yaml:12: oneOf is empty; read as no constraint "
        "(at /components/schemas/A/properties/e/oneOf)",
        "spec.yaml:14: allOf combines schemas that are not all objects; only allOf/0 is "
        "represented (allOf/1 not merged) (at /components/schemas/A/properties/g/allOf)",
    ]
    assert problems == [
        'spec.yaml:8: exclusiveMinimum is a string ("x"); expected a boolean (OpenAPI 3.0) '
        "or a number (OpenAPI 3.1) (at /components/schemas/A/properties/a/exclusiveMinimum)",
        "spec.yaml:8: multipleOf is a number (0); expected a number greater than 0 "
        "(at /components/schemas/A/properties/a/multipleOf)",
        "spec.yaml:9: description is a number (5); expected a string "
        "(at /components/schemas/A/properties/b/description)",
        "spec.yaml:9: examples is a mapping; expected a list of example values "
        "(at /components/schemas/A/properties/b/examples)",
        "spec.yaml:9: deprecated is a number (1); expected true or false "
        "(at /components/schemas/A/properties/b/deprecated)",
        "spec.yaml:13: $ref 'other.yaml#/X' names a file that does not exist (other.yaml); "
        "expected a path relative to this file (at /components/schemas/A/properties/f/$ref)",
        "spec.yaml:15: schema is a number (12); expected a mapping of schema keywords "
        "(at /components/schemas/A/properties/h)",
    ]


def test_reference_cycles_are_reported_not_followed(tmp_path: Path) -> None:
    text = """openapi: 3.0.0
info: {title: t, version: '1'}
components:
  schemas:
    Loop:
      $ref: '#/components/schemas/Loop'
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
"""
    definitions, problems = read_text(tmp_path, text)
    assert problems == []
    assert definitions[0] == AliasModel(
        comps("Loop"), ANY, Location("spec.yaml", 5, "/components/schemas/Loop")
    )
    tree = definitions[1]
    assert fields(tree)["children"].type == ArrayType(RefType(comps("Tree")))


def test_reading_is_deterministic() -> None:
    first = read_openapi(FIXTURES / "features31.yaml", "f", Collector())
    second = read_openapi(FIXTURES / "features31.yaml", "f", Collector())
    assert first == second
    names = [str(definition.name) for definition in first]
    assert names == sorted(names), "sorted by namespace, then name"


# -- real specs (read from ../shared/corpus, never copied) ---------------------------------


def corpus_file(corpus: Path, relative: str) -> Path:
    path = corpus / relative
    if not path.exists():
        pytest.skip(f"corpus file {relative} is not available")
    return path


def test_dub_track_lead_request_body(corpus: Path) -> None:
    path = corpus_file(corpus, "dub-seed-era/openapi.yaml")
    collector = Collector()
    definitions = {d.name: d for d in read_openapi(path, "openapi.yaml", collector)}
    assert collector.problems == []
    body = definitions[ops("TrackLeadRequestBody")]
    got = fields(body)
    assert list(got) == [
        "clickId",
        "eventName",
        "externalId",
        "customerName",
        "customerEmail",
        "customerAvatar",
        "eventQuantity",
        "mode",
        "metadata",
    ]
    assert (got["clickId"].type, got["clickId"].required, got["clickId"].nullable) == (
        Primitive(PrimitiveKind.STRING, constraints=Constraints(min_length=1)),
        True,
        False,
    )
    assert got["eventName"].type == Primitive(
        PrimitiveKind.STRING, constraints=Constraints(min_length=1, max_length=255)
    )
    assert got["eventName"].examples == ("Sign up",)
    assert got["externalId"].type == Primitive(
        PrimitiveKind.STRING, constraints=Constraints(max_length=100)
    )
    customer_name = got["customerName"]
    assert (customer_name.nullable, customer_name.default, customer_name.required) == (
        True,
        Default(None),
        False,
    )
    assert customer_name.type == Primitive(
        PrimitiveKind.STRING, constraints=Constraints(max_length=100)
    )
    assert got["customerEmail"].type == Primitive(
        PrimitiveKind.STRING, "email", Constraints(max_length=100)
    )
    assert got["customerAvatar"].type == STRING
    assert (got["eventQuantity"].type, got["eventQuantity"].nullable) == (
        Primitive(PrimitiveKind.NUMBER),
        True,
    )
    mode = got["mode"]
    assert (mode.type, mode.default, mode.nullable, mode.required) == (
        RefType(ops("Mode")),
        Default("async"),
        False,
        False,
    )
    assert (got["metadata"].type, got["metadata"].nullable, got["metadata"].default) == (
        MapType(ANY, values_nullable=True),
        True,
        Default(None),
    )
    assert mode.location == Location(
        "openapi.yaml",
        1,
        "/paths/~1track~1lead/post/requestBody/content/application~1json/schema/properties/mode",
    )
    enum = definitions[ops("Mode")]
    assert isinstance(enum, EnumModel)
    assert [value.value for value in enum.values] == ["async", "wait"]
    assert enum.open is False
    assert enum.description == mode.description
    assert enum.description is not None and enum.description.startswith("The mode to use")


@pytest.mark.parametrize("relative", ["dub-seed-era/openapi.yaml", "mistral-ts/openapi.yaml"])
def test_real_specs_read_cleanly(corpus: Path, relative: str) -> None:
    collector = Collector()
    definitions = read_openapi(corpus_file(corpus, relative), relative, collector)
    assert [str(problem) for problem in collector.problems] == []
    names = {definition.name for definition in definitions}
    assert len(names) == len(definitions)
    for definition in definitions:
        if isinstance(definition, ObjectModel):
            for field in definition.fields:
                assert isinstance(field.nullable, bool)
                for node in walk_types(field.type):
                    if isinstance(node, RefType):
                        assert node.target in names, f"{definition.name}.{field.name}"
