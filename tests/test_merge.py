"""Definitions read from several inputs merge when they agree and conflict, with both places, when not."""

from __future__ import annotations

import pytest

from generator.diagnostics import Collector
from generator.ir import (
    Constraints,
    Default,
    EnumModel,
    EnumValue,
    Field,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    TypeName,
)
from generator.ir.merge import Conflict, merge_definition, merge_schema

NAME = TypeName("operations", "Body")
DOC = Location("docs/body.md", 7)
SPEC = Location("openapi.yaml", 12, "/paths/~1a/post")


def body(location: Location, *fields: Field) -> ObjectModel:
    return ObjectModel(NAME, fields, location)


def test_facts_known_on_one_side_are_taken_from_it() -> None:
    from_doc = body(
        DOC,
        Field("clickId", Primitive(PrimitiveKind.STRING), True, None, DOC, source_name="ClickID"),
    )
    from_spec = body(
        SPEC,
        Field(
            "clickId",
            Primitive(PrimitiveKind.STRING, "uuid", Constraints(min_length=1)),
            True,
            False,
            SPEC,
            default=Default("x"),
        ),
    )
    merged = merge_definition(from_spec, from_doc)
    assert isinstance(merged, ObjectModel)
    field = merged.fields[0]
    assert field.type == Primitive(PrimitiveKind.STRING, "uuid", Constraints(min_length=1))
    assert (field.nullable, field.default, field.source_name) == (False, Default("x"), "ClickID")
    assert merged.location == SPEC  # the first input read keeps its place


@pytest.mark.parametrize(
    ("doc_field", "message"),
    [
        (
            Field("clickId", Primitive(PrimitiveKind.INTEGER), True, None, DOC),
            "field 'clickId' type",
        ),
        (
            Field("clickId", Primitive(PrimitiveKind.STRING), False, None, DOC),
            "field 'clickId' required",
        ),
        (
            Field("clickId", Primitive(PrimitiveKind.STRING), True, True, DOC),
            "field 'clickId' nullable",
        ),
        (
            Field("other", Primitive(PrimitiveKind.STRING), True, None, DOC),
            "fields only here: ['other']",
        ),
    ],
)
def test_disagreements_are_conflicts(doc_field: Field, message: str) -> None:
    from_spec = body(SPEC, Field("clickId", Primitive(PrimitiveKind.STRING), True, False, SPEC))
    with pytest.raises(Conflict, match=message.replace("[", r"\[").replace("]", r"\]")):
        merge_definition(from_spec, body(DOC, doc_field))


def test_conflicts_name_both_places_and_keep_the_first_definition() -> None:
    enum_a = EnumModel(NAME, (EnumValue("a", SPEC),), SPEC)
    enum_b = EnumModel(NAME, (EnumValue("b", DOC),), DOC)
    collector = Collector()
    schema = merge_schema([enum_a, enum_b], ("openapi.yaml", "docs/body.md"), collector)
    assert [str(problem) for problem in collector.problems] == [
        "docs/body.md:7: operations.Body disagrees with its definition at openapi.yaml:12: "
        "enum values: ['b'] here, ['a'] there"
    ]
    assert schema.get(NAME) == enum_a


def test_an_enum_and_an_object_of_one_name_conflict() -> None:
    with pytest.raises(Conflict, match="it is an enum here but an object model there"):
        merge_definition(body(SPEC), EnumModel(NAME, (), DOC))
