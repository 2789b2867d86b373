"""Inferring a docs tree's naming and wrapper style (``generator.inputs.markdown.sdk_style``),
on small trees and gen.yaml files of our own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.inputs.markdown.sdk_style import (
    infer_sdk_style,
    namespace_roles,
    with_unused_schemas,
)
from generator.ir import (
    AliasModel,
    ArrayType,
    Definition,
    DocsFlavor,
    EnumModel,
    EnumValue,
    Field,
    LiteralType,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    UnionModel,
    UnionVariant,
)

HERE = Location("ours.md", 1)
TEXT = Primitive(PrimitiveKind.STRING)


def model(namespace: str, name: str, *fields: tuple[str, bool]) -> ObjectModel:
    return ObjectModel(
        TypeName(namespace, name),
        tuple(Field(field, TEXT, required, False, HERE) for field, required in fields),
        HERE,
    )


def tree(tmp_path: Path, gen_yaml: str | None) -> Path:
    docs = tmp_path / "sdk" / "docs"
    (docs / "models").mkdir(parents=True)
    if gen_yaml is not None:
        (tmp_path / "sdk" / ".speakeasy").mkdir()
        (tmp_path / "sdk" / ".speakeasy" / "gen.yaml").write_text(gen_yaml, encoding="utf-8")
    return docs


GEN_YAML = """\
configVersion: 2.0.0
generation:
  fixes:
    nameResolutionDec2023: true
    nameResolutionFeb2025: true
    sharedErrorComponentsApr2025: true
    allOfMergeStrategy: shallowMerge
  requestBodyFieldName: body
go:
  imports:
    paths:
      errors: models/apierrors
      operations: models/operations
      shared: models/components
  responseFormat: envelope-http
"""


def test_gen_yaml_states_the_naming_suffix_body_field_and_folders(tmp_path: Path) -> None:
    docs: list[Definition] = [
        model("operations", "GetKennelRequest", ("id", True)),
        model("apierrors", "Trouble", ("message", True)),
        model("components", "Dog", ("name", True)),
    ]
    style = infer_sdk_style(docs, tree(tmp_path, GEN_YAML), tmp_path)
    assert style.naming == "speakeasy-2025"
    assert not style.copy_single_all_of
    assert style.wrappers.error_suffix == "Error"
    assert style.wrappers.body_field == "body"
    assert style.wrappers.wrappers and style.wrappers.metadata == "envelope"  # responseFormat
    assert not style.wrappers.errors  # the tree has an errors folder
    assert style.namespaces == {"apierrors": "errors"}
    assert style.wrappers.aliases_inlined


def test_the_docs_decide_where_gen_yaml_is_silent(tmp_path: Path) -> None:
    docs: list[Definition] = [
        model(
            "operations",
            "GetDogResponse",
            ("ContentType", True),
            ("StatusCode", True),
            ("RawResponse", False),
        ),
        model("operations", "PutDogRequest", ("body", True)),
        model("operations", "Put200ApplicationJSON", ("ok", False)),
        model("shared", "Dog", ("name", True)),
        AliasModel(TypeName("shared", "Dogs"), ArrayType(RefType(TypeName("shared", "Dog"))), HERE),
    ]
    style = infer_sdk_style(docs, tree(tmp_path, None), tmp_path)
    assert style.naming == "speakeasy-2022"  # a model named by status and media type
    assert style.wrappers.status_media_names
    assert style.wrappers.wrappers and style.wrappers.metadata == "fields"
    assert not style.wrappers.raw_required
    assert style.wrappers.errors  # no errors folder: responses carry the error bodies
    assert style.wrappers.body_field == "body"
    assert style.wrappers.error_suffix is None
    assert not style.wrappers.aliases_inlined  # the docs show an alias of an array
    assert style.namespaces == {"shared": "components"}


def test_an_envelope_row_and_suffixed_error_docs(tmp_path: Path) -> None:
    docs: list[Definition] = [
        model("operations", "GetDogResponse", ("HTTPMeta", True)),
        model("operations", "PutDogRequest", ("requestBody", True), ("body", False)),
        model("sdkerrors", "NotFoundError", ("message", True)),
        model("components", "Dog", ("name", True)),
    ]
    style = infer_sdk_style(docs, tree(tmp_path, "generation:\n  fixes: {}\n"), tmp_path)
    assert style.naming == "speakeasy-2023"
    assert style.wrappers.metadata == "envelope"
    assert style.wrappers.body_field is None  # requestBody rows: the reader's names stand
    assert style.wrappers.error_suffix == "Error"
    assert style.namespaces == {"sdkerrors": "errors"}
    assert any("HTTPMeta" in line for line in style.evidence)


def test_no_metadata_rows_and_a_flat_format_mean_no_wrappers(tmp_path: Path) -> None:
    docs: list[Definition] = [model("models", "Dog", ("name", True))]
    gen = (
        "generation:\n  fixes:\n    nameResolutionDec2023: false\npython:\n  responseFormat: flat\n"
    )
    style = infer_sdk_style(docs, tree(tmp_path, gen), tmp_path)
    assert style.naming == "speakeasy-2022"
    assert not style.wrappers.wrappers
    assert namespace_roles({}, docs) == {}  # a flat tree has one folder: nothing to tell apart


def test_a_gen_yaml_outside_the_folder_named_is_not_read(tmp_path: Path) -> None:
    docs = tree(tmp_path, GEN_YAML)
    style = infer_sdk_style([model("components", "Dog", ("name", True))], docs, docs)
    assert style.naming == "speakeasy-2023" and style.wrappers.error_suffix is None


def test_a_gen_yaml_that_is_no_mapping_is_ignored(tmp_path: Path) -> None:
    docs = tree(tmp_path, "- just\n- a list: [\n")
    style = infer_sdk_style([model("components", "Dog", ("name", True))], docs, tmp_path)
    assert style.naming == "speakeasy-2023"


def one_value_enum(namespace: str, name: str) -> EnumModel:
    return EnumModel(TypeName(namespace, name), (EnumValue("only", HERE),), HERE)


def test_a_kind_suffixed_doc_beside_the_plain_name_tells_the_2025_naming(tmp_path: Path) -> None:
    folder = tree(tmp_path, None)
    plain = [model("components", "Document", ("id", True))]
    union = UnionModel(
        TypeName("components", "DocumentUnion"),
        (UnionVariant(RefType(TypeName("components", "Document")), HERE),),
        HERE,
    )
    assert infer_sdk_style(plain, folder, tmp_path).naming == "speakeasy-2023"
    style = infer_sdk_style([*plain, union], folder, tmp_path)
    assert style.naming == "speakeasy-2025"
    assert any("DocumentUnion" in line for line in style.evidence)
    # a union named ...Union with no model of the plain name beside it tells nothing
    lone = UnionModel(TypeName("components", "ShapeUnion"), union.variants, HERE)
    assert infer_sdk_style([*plain, lone], folder, tmp_path).naming == "speakeasy-2023"


def test_one_value_enums_are_constants_only_where_doc_fields_show_constants(
    tmp_path: Path,
) -> None:
    folder = tree(tmp_path, None)
    enum_docs: list[Definition] = [
        model("components", "Dog", ("name", True)),
        one_value_enum("components", "DogKind"),
    ]
    assert not infer_sdk_style(enum_docs, folder, tmp_path).single_value_constants
    constant = ObjectModel(
        TypeName("components", "Cat"),
        (Field("kind", LiteralType("cat"), True, False, HERE),),
        HERE,
    )
    style = infer_sdk_style([*enum_docs, constant], folder, tmp_path)
    assert style.single_value_constants  # one field against one doc: a tie holds
    # more one-value enum docs than constant fields: most that can tell keep enums
    more = [*enum_docs, one_value_enum("components", "CatKind"), constant]
    assert not infer_sdk_style(more, folder, tmp_path).single_value_constants
    # a tree showing neither keeps the default (constants)
    bare = [model("components", "Dog", ("name", True))]
    assert infer_sdk_style(bare, folder, tmp_path).single_value_constants


def test_a_flat_models_folder_tells_names_apart_across_namespaces(tmp_path: Path) -> None:
    folder = tree(tmp_path, None)

    def laid_out(layout: str, docs: list[Definition]) -> list[Definition]:
        flavor = DocsFlavor("go", layout=layout)
        return [dataclasses.replace(d, docs_flavor=flavor) for d in docs]

    flat = [model("models", "Dog", ("name", True)), model("models", "GetDogRequest", ("id", True))]
    assert infer_sdk_style(laid_out("flat", flat), folder, tmp_path).one_namespace
    nested = [model("components", "Dog", ("name", True)), model("operations", "GetDogRequest")]
    assert not infer_sdk_style(laid_out("nested", nested), folder, tmp_path).one_namespace
    # a nested tree holding one namespace only is still nested: its layout decides
    only = [model("components", "Dog", ("name", True)), model("components", "Cat")]
    style = infer_sdk_style(laid_out("nested", only), folder, tmp_path)
    assert not style.one_namespace
    assert "names told apart across namespaces: False (docs layout nested)" in style.evidence


def test_unused_schemas_are_left_out_when_the_docs_show_fewer_than_half(tmp_path: Path) -> None:
    docs: list[Definition] = [model("shared", "Dog"), model("shared", "orphan")]
    style = infer_sdk_style(docs, tree(tmp_path, None), tmp_path)
    assert style.wrappers.unused_schemas  # the docs alone cannot tell
    unreached = [TypeName("components", name) for name in ("Orphan", "Stray", "Lost")]
    left_out = with_unused_schemas(style, docs, unreached)
    assert not left_out.wrappers.unused_schemas
    assert left_out.evidence[-1] == (
        "unused schemas left out: the docs show 1 of the 3 named schemas no operation reaches"
    )
    assert "unused schemas left out" in left_out.describe()
    kept = with_unused_schemas(style, docs, unreached[:2])  # 1 of 2: half, kept
    assert kept.wrappers.unused_schemas and "show 1 of the 2" in kept.evidence[-1]
    nothing = with_unused_schemas(style, docs, [])
    assert nothing.wrappers == style.wrappers
    assert nothing.evidence[-1].startswith("unused schemas kept: every named schema")
