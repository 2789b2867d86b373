"""Inline names under both Speakeasy conventions: first come (2023) and all-or-none (2025)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.openapi import NAMINGS, read_openapi
from generator.inputs.openapi.name_resolution import singular
from generator.inputs.openapi.reader import read_openapi_spec
from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    Field,
    LiteralType,
    ObjectModel,
    RefType,
    TypeName,
    UnionModel,
)
from generator.ir.sdk_wrappers import status_words
from generator.naming import number_word_list, number_words

SPEC = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Document: {type: object, properties: {id: {type: string}}}
    ChatRequest:
      type: object
      properties:
        messages:
          type: array
          items:
            oneOf:
              - {type: object, properties: {text: {type: string}}}
              - {type: object, properties: {image: {type: string}}}
        stop:
          anyOf: [{type: string}, {type: array, items: {type: string}}]
        kind: {type: string, enum: [chat], default: chat}
        extra: {type: object}
    FimRequest:
      type: object
      properties:
        stop:
          anyOf: [{type: string}, {type: array, items: {type: string}}]
    OcrRequest:
      type: object
      properties:
        document:
          oneOf:
            - $ref: '#/components/schemas/Document'
            - {type: object, properties: {url: {type: string}}}
"""


def read(tmp_path: Path, naming: str) -> dict[str, Definition]:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    definitions = read_openapi(path, "spec.yaml", collector, naming)
    assert collector.problems == []
    return {str(definition.name): definition for definition in definitions}


def fields(definition: Definition) -> dict[str, Field]:
    assert isinstance(definition, ObjectModel)
    return {field.name: field for field in definition.fields}


def comps(name: str) -> TypeName:
    return TypeName("components", name)


def test_first_come_names_2023(tmp_path: Path) -> None:
    got = read(tmp_path, "speakeasy-2023")
    assert sorted(got) == [
        "components.ChatRequest",
        "components.Document",
        "components.FimRequest",
        "components.FimRequestStop",
        "components.Kind",
        "components.Messages",
        "components.OcrRequest",
        "components.OcrRequestDocument",
        "components.OcrRequestTwo",
        "components.One",
        "components.Stop",
        "components.Two",
    ]
    chat = fields(got["components.ChatRequest"])
    assert chat["messages"].type == ArrayType(RefType(comps("Messages")))
    assert chat["kind"].type == RefType(comps("Kind"))


def test_all_or_none_names_2025(tmp_path: Path) -> None:
    got = read(tmp_path, "speakeasy-2025")
    assert sorted(got) == [
        "components.ChatRequest",
        "components.ChatRequestStop",  # asked for by two: neither keeps "Stop"
        "components.Document",
        "components.DocumentUnion",  # "Document" is a named schema's: the kind follows
        "components.DocumentUnion2",  # its second variant
        "components.Extra",  # an object that lists no properties is a model
        "components.FimRequest",
        "components.FimRequestStop",
        "components.Message",  # array items in the singular
        "components.Message1",  # variants after their union and position
        "components.Message2",
        "components.OcrRequest",
    ]
    chat = fields(got["components.ChatRequest"])
    assert chat["messages"].type == ArrayType(RefType(comps("Message")))
    assert chat["kind"].type == LiteralType("chat")  # an enum of one value is a constant
    message = got["components.Message"]
    assert isinstance(message, UnionModel)
    assert [v.type for v in message.variants] == [
        RefType(comps("Message1")),
        RefType(comps("Message2")),
    ]
    extra = got["components.Extra"]
    assert isinstance(extra, ObjectModel) and extra.fields == ()


def test_unknown_naming_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    assert read_openapi(path, "spec.yaml", collector, "speakeasy-1999") == []
    assert [str(p) for p in collector.problems] == [
        "--naming: unknown naming 'speakeasy-1999'; expected one of " + ", ".join(NAMINGS)
    ]


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("Messages", "Message"),
        ("Entries", "Entry"),
        ("Boxes", "Box"),
        ("Status", "Status"),
        ("Data", "Data"),
        ("Addresses", "Address"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


NESTED = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    ClientActivity:
      type: object
      properties:
        performed_by:
          type: object
          properties:
            type: {type: string, enum: [user, system]}
            role: {type: string, enum: [admin]}
    Invoice:
      type: object
      properties:
        type: {type: string, enum: [sale, refund]}
        role: {type: string, enum: [admin]}
"""


def read_nested(tmp_path: Path, constants: bool = True) -> dict[str, Definition]:
    path = tmp_path / "nested.yaml"
    path.write_text(NESTED, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(
        path, "nested.yaml", collector, "speakeasy-2025", single_value_constants=constants
    )
    assert collector.problems == []
    return {str(definition.name): definition for definition in read.definitions}


def test_2025_a_shared_name_takes_the_top_level_owner_in_front(tmp_path: Path) -> None:
    got = read_nested(tmp_path)
    assert sorted(got) == [
        "components.ClientActivity",
        "components.ClientActivityType",  # the component's name, not ClientActivityPerformedBy
        "components.Invoice",
        "components.InvoiceType",
        "components.PerformedBy",  # asked for once: keeps its short name
    ]
    performed = fields(got["components.PerformedBy"])
    assert performed["type"].type == RefType(comps("ClientActivityType"))
    assert performed["role"].type == LiteralType("admin")


def test_2025_one_value_enums_stay_enums_where_the_sdk_keeps_them(tmp_path: Path) -> None:
    got = read_nested(tmp_path, constants=False)
    assert "components.ClientActivityRole" in got and "components.InvoiceRole" in got
    role = got["components.InvoiceRole"]
    assert isinstance(role, EnumModel) and [v.value for v in role.values] == ["admin"]
    assert fields(got["components.Invoice"])["role"].type == RefType(comps("InvoiceRole"))


SHARED = """openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /cards:
    post:
      operationId: addCard
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                network: {type: string, enum: [visa, amex]}
      responses:
        '204': {description: none}
components:
  schemas:
    Account:
      type: object
      properties:
        network: {type: string, enum: [visa, mastercard]}
"""


@pytest.mark.parametrize("naming", ["speakeasy-2023", "speakeasy-2025"])
def test_one_package_tells_names_apart_across_namespaces(tmp_path: Path, naming: str) -> None:
    path = tmp_path / "shared.yaml"
    path.write_text(SHARED, encoding="utf-8")

    def names(one_namespace: bool) -> list[str]:
        collector = Collector()
        read = read_openapi_spec(
            path, "shared.yaml", collector, naming, one_namespace=one_namespace
        )
        assert collector.problems == []
        return sorted(str(d.name) for d in read.definitions if d.name.name.endswith("Network"))

    # one namespace each: both keep the short name
    assert names(False) == ["components.Network", "operations.Network"]
    flat = names(True)
    assert len({name.split(".")[1].lower() for name in flat}) == 2  # no name twice
    if naming == "speakeasy-2025":  # asked for by two: each takes its owner's name in front
        assert flat == ["components.AccountNetwork", "operations.AddCardNetwork"]
    else:  # first come keeps the short name
        assert "components.Network" in flat


ANCHORED = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    54a6b2:
      type: object
      properties: {id: {type: string}}
    12 open items:
      type: object
      properties: {id: {type: string}}
    BulkItem:
      type: object
      properties:
        status: {type: string, $anchor: StatusBulkItem, enum: [open, done]}
        ref: {$ref: '#/components/schemas/54a6b2'}
"""


@pytest.mark.parametrize("naming", NAMINGS)
def test_anchor_names_the_schema_and_leading_digits_are_spelled(
    tmp_path: Path, naming: str
) -> None:
    path = tmp_path / "anchored.yaml"
    path.write_text(ANCHORED, encoding="utf-8")
    collector = Collector()
    got = {str(d.name): d for d in read_openapi(path, "anchored.yaml", collector, naming)}
    assert collector.problems == []
    assert "components.StatusBulkItem" in got  # its $anchor, free short name "Status" or not
    assert "components.FiftyFoura6b2" in got  # the number in words, the rest as written
    assert "components.TwelveOpenItems" in got
    item = fields(got["components.BulkItem"])
    assert item["ref"].type == RefType(comps("FiftyFoura6b2"))


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (8, "Eight"),
        (14, "Fourteen"),
        (54, "FiftyFour"),
        (110, "OneHundredAndTen"),
        (757, "SevenHundredAndFiftySeven"),
        (4091, "FourThousandAndNinetyOne"),
        (7996, "SevenThousandNineHundredAndNinetySix"),
        (865969, "EightHundredAndSixtyFiveThousandNineHundredAndSixtyNine"),
        (64846136, "SixtyFourMillionEightHundredAndFortySixThousandOneHundredAndThirtySix"),
    ],
)
def test_number_words(number: int, words: str) -> None:
    assert number_words(number) == words


def test_one_number_grammar_names_status_codes_and_enum_constants() -> None:
    # status codes are spelled by the same grammar as a name's leading digits
    for code in range(100, 600):
        assert status_words(str(code)) == number_words(code)
    assert status_words("5XX") == "FiveXX"
    # enum constant names: the same words without the British "and"
    assert number_word_list(115, british=False) == ["one", "hundred", "fifteen"]
    assert number_word_list(4091, british=False) == ["four", "thousand", "ninety", "one"]
    assert number_word_list(4091) == ["four", "thousand", "and", "ninety", "one"]
    assert number_word_list(2_000_000, british=False) == ["two", "million"]


PARAMETERS = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /articles:
    get:
      operationId: listArticles
      parameters:
        - $ref: '#/components/parameters/articleAttributes'
        - $ref: '#/components/parameters/HookTypeParam'
      responses:
        '204': {description: none}
  /articles/{id}:
    get:
      operationId: getArticle
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - $ref: '#/components/parameters/articleAttributes'
        - {name: sort, in: query, schema: {type: string, enum: [name, date]}}
      responses:
        '204': {description: none}
components:
  parameters:
    articleAttributes:
      name: attributes
      in: query
      schema:
        type: array
        items: {type: string, enum: [content, rating]}
    HookTypeParam:
      name: type
      in: query
      schema: {type: string, enum: [pre, post]}
"""


@pytest.mark.parametrize("naming", NAMINGS)
def test_a_component_parameter_is_named_once_after_its_key(tmp_path: Path, naming: str) -> None:
    path = tmp_path / "parameters.yaml"
    path.write_text(PARAMETERS, encoding="utf-8")
    collector = Collector()
    got = {str(d.name): d for d in read_openapi(path, "parameters.yaml", collector, naming)}
    assert collector.problems == []
    enums = sorted(name for name, d in got.items() if isinstance(d, EnumModel))
    # the key as it is (no singular for the items), in components; an operation's own
    # parameter is named in operations as before
    assert "components.ArticleAttributes" in enums and "components.HookTypeParam" in enums
    assert [name for name in enums if name.startswith("components.")] == [
        "components.ArticleAttributes",
        "components.HookTypeParam",
    ]
    assert any(name.startswith("operations.") and "Sort" in name for name in enums)
    for request in ("operations.ListArticlesRequest", "operations.GetArticleRequest"):
        attributes = fields(got[request])["attributes"].type
        assert attributes == ArrayType(RefType(comps("ArticleAttributes")))
