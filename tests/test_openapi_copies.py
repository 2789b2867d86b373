"""A single-``$ref`` ``allOf`` with keywords beside it read as a copy (``--spec`` comparison)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.markdown.sdk_style import SdkStyle, with_copies
from generator.inputs.openapi.reader import OpenAPIRead, read_openapi_spec
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
from generator.ir.sdk_wrappers import WrapperStyle

SPEC = """openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Meta:
      type: object
      properties: {created: {type: string}}
    Kind: {type: string, enum: [big, small]}
    Range:
      type: object
      properties:
        meta:
          description: When.
          allOf: [{$ref: '#/components/schemas/Meta'}]
    Filter:
      type: object
      properties:
        range:
          description: The range itself.
          allOf: [{$ref: '#/components/schemas/Range'}]
        greater:
          description: Above.
          allOf: [{$ref: '#/components/schemas/Range'}]
        category:
          description: Which kind.
          allOf: [{$ref: '#/components/schemas/Kind'}]
        plain:
          allOf: [{$ref: '#/components/schemas/Meta'}]
    Node:
      type: object
      properties:
        child:
          description: A node in a node.
          allOf: [{$ref: '#/components/schemas/Node'}]
"""


def read(tmp_path: Path, copy: bool) -> OpenAPIRead:
    path = tmp_path / "copies.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    found = read_openapi_spec(
        path, "copies.yaml", collector, "speakeasy-2025", copy_single_all_of=copy
    )
    assert collector.problems == []
    return found


def by_name(found: OpenAPIRead) -> dict[str, Definition]:
    return {definition.name.name: definition for definition in found.definitions}


def ref(name: str) -> RefType:
    return RefType(TypeName("components", name))


def types(definition: Definition) -> dict[str, object]:
    assert isinstance(definition, ObjectModel)
    return {field.name: field.type for field in definition.fields}


def test_a_single_ref_all_of_is_a_copy_named_from_its_context(tmp_path: Path) -> None:
    found = by_name(read(tmp_path, True))
    fields = types(found["Filter"])
    # a copy whose name is the copied schema's is that schema: no Range2
    assert fields["range"] == ref("Range")
    assert "Range2" not in found
    assert fields["greater"] == ref("Greater")
    assert types(found["Greater"]) == {"meta": ref("GreaterMeta")}
    assert types(found["GreaterMeta"]) == {"created": Primitive(PrimitiveKind.STRING)}
    # several ask for Meta, and for RangeMeta / FilterMeta: the owning copy's name in front
    assert types(found["Range"]) == {"meta": ref("RangeMeta")}
    # an enum is copied too, with the description beside the allOf
    category = found["Category"]
    assert isinstance(category, EnumModel)
    assert [value.value for value in category.values] == ["big", "small"]
    assert category.description == "Which kind."
    # nothing beside the allOf: the referenced schema; a copy inside itself: the schema
    assert fields["plain"] == ref("Meta")
    assert types(found["Child"]) == {"child": ref("Node")}


def test_the_read_lists_each_copy_and_what_it_copies(tmp_path: Path) -> None:
    copies = dict(read(tmp_path, True).copies)
    assert copies[TypeName("components", "Greater")] == TypeName("components", "Range")
    assert copies[TypeName("components", "Category")] == TypeName("components", "Kind")
    assert TypeName("components", "Range") not in copies


def test_by_default_no_copy_is_made(tmp_path: Path) -> None:
    plain = read(tmp_path, False)
    fields = types(by_name(plain)["Filter"])
    assert fields["greater"] == ref("Range")
    assert fields["category"] == ref("Kind")
    assert plain.copies == ()


HERE = Location("ours.md", 1)
TEXT = Primitive(PrimitiveKind.STRING)
STYLE = SdkStyle("speakeasy-2025", False, WrapperStyle(), {}, ("naming: ours",))


def doc(name: str, *fields: str) -> ObjectModel:
    return ObjectModel(
        TypeName("components", name),
        tuple(Field(field, TEXT, False, False, HERE) for field in fields),
        HERE,
    )


@pytest.mark.parametrize(
    ("shown", "expected", "counts"),
    [
        ((doc("Greater", "Meta"), doc("Range", "Meta")), True, "(1 copies shown"),
        # the copy shown without the copied schema's fields tells nothing
        ((doc("Greater", "Other"), doc("Range", "Meta")), False, "(0 copies shown"),
        # the copied schema shown and no copy: the SDK refers to the schema itself
        ((doc("Range", "Meta"), doc("Meta", "Created"), doc("Kind")), False, "4 not shown"),
    ],
)
def test_the_docs_decide_the_copies(
    tmp_path: Path, shown: tuple[Definition, ...], expected: bool, counts: str
) -> None:
    copied = read(tmp_path, True)
    style = with_copies(STYLE, list(shown), copied.definitions, copied.copies)
    assert style.copy_single_all_of is expected
    assert counts in style.evidence[-1]
