"""An ``allOf`` over an inline union spread into merged variants (``--spec`` comparison only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.markdown.sdk_style import SdkStyle, with_spread
from generator.inputs.openapi.reader import read_openapi_spec
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
    UnionModel,
)
from generator.ir.sdk_wrappers import WrapperStyle

SPEC = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Collector:
      type: object
      required: [bucket]
      properties:
        bucket: {type: string}
        authType:
          title: Authentication method
          type: string
          enum: [key, role]
        rules:
          type: array
          items: {type: object, properties: {expr: {type: string}}}
      allOf:
        - oneOf:
            - $ref: '#/components/schemas/AuthKey'
            - $ref: '#/components/schemas/AuthRole'
          discriminator:
            propertyName: authType
            mapping:
              key: '#/components/schemas/AuthKey'
              role: '#/components/schemas/AuthRole'
    AuthKey:
      type: object
      required: [secret]
      properties:
        authType: {type: string, enum: [key]}
        secret: {type: string}
    AuthRole:
      type: object
      properties:
        authType: {type: string, enum: [role]}
        arn: {type: string}
    Shared:
      allOf:
        - oneOf:
            - $ref: '#/components/schemas/Used'
            - $ref: '#/components/schemas/AuthOther'
        - {type: object, properties: {extra: {type: string}}}
    Used: {type: object, properties: {u: {type: string}}}
    AuthOther: {type: object, properties: {o: {type: string}}}
    Elsewhere:
      type: object
      properties:
        used: {$ref: '#/components/schemas/Used'}
"""


def read(tmp_path: Path, spread: bool) -> dict[str, Definition]:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(
        path, "spec.yaml", collector, "speakeasy-2025", spread_union_all_of=spread
    )
    assert collector.problems == []
    return {definition.name.name: definition for definition in read.definitions}


def field_names(definition: Definition) -> list[str]:
    assert isinstance(definition, ObjectModel)
    return [field.name for field in definition.fields]


def test_each_variant_component_is_merged_with_the_fields_beside_the_union(
    tmp_path: Path,
) -> None:
    spread = read(tmp_path, True)
    assert field_names(spread["AuthKey"]) == ["authType", "secret", "bucket", "rules"]
    assert field_names(spread["AuthRole"]) == ["authType", "arn", "bucket", "rules"]
    key = {field.name: field for field in spread["AuthKey"].fields}  # type: ignore[union-attr]
    assert key["secret"].required and key["bucket"].required
    # the merged properties' nested schemas are named under each variant
    assert key["authType"].type == RefType(TypeName("components", "AuthKeyAuthenticationMethod"))
    assert isinstance(spread["AuthKeyAuthenticationMethod"], EnumModel)
    assert isinstance(spread["AuthRoleRule"], ObjectModel)
    union = spread["Collector"]
    assert isinstance(union, UnionModel)
    assert [variant.type for variant in union.variants] == [
        RefType(TypeName("components", "AuthKey")),
        RefType(TypeName("components", "AuthRole")),
    ]
    assert union.discriminator == "authType"


def test_a_variant_referred_to_elsewhere_is_not_spread(tmp_path: Path) -> None:
    spread = read(tmp_path, True)
    assert field_names(spread["Used"]) == ["u"]
    assert field_names(spread["AuthOther"]) == ["o"]


@pytest.mark.parametrize(
    "elsewhere",
    [
        "other.yaml#/components/schemas/Holder",  # a $ref in another file of the spec
        "./spec.yaml#/components/schemas/Holder",  # the main file, spelled with its name
    ],
)
def test_a_variant_referred_to_from_any_file_or_spelling_is_not_spread(
    tmp_path: Path, elsewhere: str
) -> None:
    (tmp_path / "other.yaml").write_text(
        "components:\n  schemas:\n    Holder:\n      type: object\n      properties:\n"
        "        key: {$ref: 'spec.yaml#/components/schemas/AuthKey'}\n",
        encoding="utf-8",
    )
    spec = (
        SPEC
        + f"""    Outside:
      type: object
      properties:
        holder: {{$ref: '{elsewhere}'}}
"""
    )
    if elsewhere.startswith("./"):
        spec += """    Holder:
      type: object
      properties:
        key: {$ref: './spec.yaml#/components/schemas/AuthKey'}
"""
    path = tmp_path / "spec.yaml"
    path.write_text(spec, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(
        path, "spec.yaml", collector, "speakeasy-2025", spread_union_all_of=True
    )
    assert collector.problems == []
    spread = {definition.name.name: definition for definition in read.definitions}
    assert field_names(spread["AuthKey"]) == ["authType", "secret"]
    assert field_names(spread["AuthRole"]) == ["authType", "arn"]


def test_by_default_nothing_is_spread(tmp_path: Path) -> None:
    plain = read(tmp_path, False)
    assert field_names(plain["AuthKey"]) == ["authType", "secret"]
    assert "AuthKeyAuthenticationMethod" not in plain


HERE = Location("ours.md", 1)
TEXT = Primitive(PrimitiveKind.STRING)


def doc(name: str, *fields: str) -> ObjectModel:
    return ObjectModel(
        TypeName("components", name),
        tuple(Field(field, TEXT, False, False, HERE) for field in fields),
        HERE,
    )


STYLE = SdkStyle("speakeasy-2025", False, WrapperStyle(), {}, ("naming: ours",))


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ((doc("AuthKey", "AuthType", "Secret", "Bucket", "Rules"),), True),
        ((doc("AuthKey", "AuthType", "Secret"),), False),
        # a doc holding some of the properties beside the union tells nothing
        ((doc("AuthKey", "AuthType", "Secret", "Bucket"),), False),
        ((doc("AuthKey", "AuthType", "Secret", "Bucket"), doc("AuthRole", "Arn")), False),
        # one doc for, one against: most docs that can tell (reader.fact_holds), a tie holds
        ((doc("AuthKey", "Secret", "Bucket", "Rules"), doc("AuthRole", "Arn")), True),
        ((), False),
    ],
)
def test_the_docs_decide_the_spread(
    tmp_path: Path, shown: tuple[ObjectModel, ...], expected: bool
) -> None:
    plain = list(read(tmp_path, False).values())
    spread = list(read(tmp_path, True).values())
    style = with_spread(STYLE, list(shown), plain, spread)
    assert style.spread_union_all_of is expected
    assert style.evidence[0] == "naming: ours"
    assert style.evidence[-1].startswith(
        f"allOf over a union spread into merged variants: {expected}"
    )
    assert ("allOf over unions spread" in style.describe()) is expected


def test_an_inline_union_whose_variant_is_used_elsewhere_is_spread_into_copies(
    tmp_path: Path,
) -> None:
    spread = read(tmp_path, True)
    union = spread["Shared"]
    assert isinstance(union, UnionModel)
    assert [variant.type for variant in union.variants] == [
        RefType(TypeName("components", "SharedUsed")),
        RefType(TypeName("components", "SharedAuthOther")),
    ]
    assert field_names(spread["SharedUsed"]) == ["u", "extra"]
    assert field_names(spread["SharedAuthOther"]) == ["o", "extra"]
    assert field_names(spread["Used"]) == ["u"]  # the component itself is not merged


COPIES = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Base:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/B'
      discriminator:
        propertyName: kind
        mapping: {first: '#/components/schemas/A', second: '#/components/schemas/B'}
    A:
      type: object
      required: [kind]
      properties:
        kind: {type: string, enum: [first]}
        facility: {type: string, enum: [user, mail]}
        format: {type: string, enum: [json, raw]}
        shared: {$ref: '#/components/schemas/Shared'}
    B:
      type: object
      properties:
        kind: {type: string, enum: [second]}
        format: {type: string, enum: [json, csv]}
    Shared: {type: object, properties: {s: {type: string}}}
    Response:
      description: A Base with a status.
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          required: [status]
          properties:
            status: {type: string}
    Pair:
      oneOf:
        - $ref: '#/components/schemas/C'
        - $ref: '#/components/schemas/D'
    C: {type: object, properties: {type: {type: string, enum: [c, cc]}}}
    D: {type: object, properties: {type: {type: string, enum: [d, dd]}}}
    Left:
      allOf:
        - $ref: '#/components/schemas/Pair'
        - {type: object, properties: {left: {type: string}}}
    Right:
      allOf:
        - $ref: '#/components/schemas/Pair'
        - {type: object, properties: {right: {type: string}}}
"""


def read_copies(tmp_path: Path, spread: bool) -> dict[str, Definition]:
    path = tmp_path / "copies.yaml"
    path.write_text(COPIES, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(
        path, "copies.yaml", collector, "speakeasy-2025", spread_union_all_of=spread
    )
    assert collector.problems == []
    return {definition.name.name: definition for definition in read.definitions}


def ref(name: str) -> RefType:
    return RefType(TypeName("components", name))


def test_an_all_of_over_a_union_behind_a_ref_is_a_union_of_copies(tmp_path: Path) -> None:
    spread = read_copies(tmp_path, True)
    response = spread["Response"]
    assert isinstance(response, UnionModel)
    assert [variant.type for variant in response.variants] == [ref("ResponseA"), ref("ResponseB")]
    assert response.discriminator == "kind"
    assert response.mapping == (
        ("first", TypeName("components", "ResponseA")),
        ("second", TypeName("components", "ResponseB")),
    )
    assert response.description == "A Base with a status."
    assert field_names(spread["ResponseA"]) == ["kind", "facility", "format", "shared", "status"]
    status = {field.name: field for field in spread["ResponseB"].fields}["status"]  # type: ignore[union-attr]
    assert status.required
    # the originals are untouched, components referred to are not copied
    assert field_names(spread["A"]) == ["kind", "facility", "format", "shared"]
    assert {f.name: f.type for f in spread["ResponseA"].fields}["shared"] == ref("Shared")  # type: ignore[union-attr]
    assert isinstance(spread["Base"], UnionModel)


def test_the_inline_schemas_of_copies_are_told_apart_by_owner_and_discriminator_value(
    tmp_path: Path,
) -> None:
    spread = read_copies(tmp_path, True)

    def types(name: str) -> dict[str, object]:
        definition = spread[name]
        assert isinstance(definition, ObjectModel)
        return {field.name: field.type for field in definition.fields}

    # the originals are named first, as without the copies
    assert types("A")["facility"] == ref("Facility")
    assert types("A")["format"] == ref("AFormat")
    # one copy of the owner asks: the owner's name in front
    assert types("ResponseA")["facility"] == ref("ResponseFacility")
    # several copies of one owner ask: the discriminator value after it tells them apart
    assert types("ResponseA")["format"] == ref("FormatFirst")
    assert types("ResponseB")["format"] == ref("FormatSecond")
    # two owners' copies of one variant ask (no discriminator: the variant's name): both
    assert types("LeftC")["type"] == ref("LeftTypeC")
    assert types("RightC")["type"] == ref("RightTypeC")
    assert types("RightD")["type"] == ref("RightTypeD")
    for name in ("ResponseFacility", "FormatFirst", "LeftTypeC", "RightTypeD"):
        assert isinstance(spread[name], EnumModel)


def test_by_default_no_copies_are_made(tmp_path: Path) -> None:
    plain = read_copies(tmp_path, False)
    assert not isinstance(plain["Response"], UnionModel)
    assert "ResponseA" not in plain and "FormatFirst" not in plain


@pytest.mark.parametrize(("shown", "expected"), [(UnionModel, True), (ObjectModel, False)])
def test_the_docs_of_an_owner_decide_the_copies(
    tmp_path: Path, shown: type, expected: bool
) -> None:
    plain = list(read_copies(tmp_path, False).values())
    spread = list(read_copies(tmp_path, True).values())
    owner = (
        UnionModel(TypeName("components", "Response"), (), HERE)
        if shown is UnionModel
        else doc("Response", "Status")
    )
    style = with_spread(STYLE, [owner], plain, spread)
    assert style.spread_union_all_of is expected
    counts = "1 objects)" if shown is ObjectModel else "are unions, 0 objects)"
    assert style.evidence[-1].endswith(counts)


BACK = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Base:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/B'
      discriminator:
        propertyName: kind
        mapping:
          first: '#/components/schemas/A'
          also: '#/components/schemas/A'
          second: '#/components/schemas/B'
    A:
      type: object
      properties:
        kind: {type: string, enum: [first, also]}
    B:
      type: object
      properties:
        kind: {type: string, enum: [second]}
        parent: {$ref: '#/components/schemas/Response'}
    Response:
      allOf:
        - $ref: '#/components/schemas/Base'
        - {type: object, properties: {status: {type: string}}}
"""


def test_every_discriminator_value_of_a_variant_maps_to_its_copy(tmp_path: Path) -> None:
    path = tmp_path / "back.yaml"
    path.write_text(BACK, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(
        path, "back.yaml", collector, "speakeasy-2025", spread_union_all_of=True
    )
    assert collector.problems == []
    found = {definition.name.name: definition for definition in read.definitions}
    response = found["Response"]
    assert isinstance(response, UnionModel)
    assert response.mapping == (
        ("first", TypeName("components", "ResponseA")),
        ("also", TypeName("components", "ResponseA")),
        ("second", TypeName("components", "ResponseB")),
    )
    # the variant referring back to its owner refers to the union, no alias of it is made
    copy = found["ResponseB"]
    assert isinstance(copy, ObjectModel)
    assert [f.type for f in copy.fields if f.name == "parent"] == [ref("Response")]
    assert sorted(found) == [
        "A",
        "B",
        "Base",
        "Kind",
        "Response",
        "ResponseA",
        "ResponseB",
        "ResponseKind",
    ]
