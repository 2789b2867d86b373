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
    spec = SPEC + f"""    Outside:
      type: object
      properties:
        holder: {{$ref: '{elsewhere}'}}
"""
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
    assert style.evidence[-1].startswith(f"allOf over a union spread into merged variants: {expected}")
    assert ("allOf over unions spread" in style.describe()) is expected
