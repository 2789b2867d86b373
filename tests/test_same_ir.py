"""Markdown docs and the OpenAPI spec of the seed request give the same IR.

What markdown cannot carry (constraints, formats, defaults, nullability of
fields it shows without a pointer) is absent from its IR, never guessed; the
comparison leaves exactly those facts out.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.inputs.collect import read_inputs
from generator.ir import (
    NO_CONSTRAINTS,
    EnumModel,
    Field,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
)

BODY = TypeName("operations", "TrackLeadRequestBody")
MODE = TypeName("operations", "Mode")


def read(path: Path) -> Schema:
    return read_inputs([path])


def markdown_view(field: Field) -> Field:
    """``field`` as markdown can carry it: no constraints, format, default or location; names as read."""
    type_ = field.type
    if isinstance(type_, Primitive):
        type_ = Primitive(type_.kind)
    if isinstance(type_, MapType):  # markdown cannot say whether map values may be null
        type_ = dataclasses.replace(type_, values_nullable=None)
    return dataclasses.replace(
        field, type=type_, default=None, location=field.location.__class__("-"), source_name=None
    )


def test_both_inputs_give_the_same_models(project: Path) -> None:
    docs = read(project / "spec" / "docs")
    spec = read(project / "spec" / "openapi.yaml")
    assert [d.name for d in docs.definitions] == [MODE, BODY]
    assert [d.name for d in spec.definitions] == [MODE, BODY]

    doc_body, spec_body = docs.get(BODY), spec.get(BODY)
    assert isinstance(doc_body, ObjectModel) and isinstance(spec_body, ObjectModel)
    assert doc_body.description == spec_body.description
    assert [f.name for f in doc_body.fields] == [f.name for f in spec_body.fields]
    for doc_field, spec_field in zip(doc_body.fields, spec_body.fields, strict=True):
        # markdown knows nullability only where Go shows it; where it does, it agrees
        if doc_field.nullable is not None:
            assert doc_field.nullable == spec_field.nullable, doc_field.name
        doc_view = dataclasses.replace(markdown_view(doc_field), nullable=None)
        spec_view = dataclasses.replace(markdown_view(spec_field), nullable=None)
        assert doc_view == spec_view

    doc_mode, spec_mode = docs.get(MODE), spec.get(MODE)
    assert isinstance(doc_mode, EnumModel) and isinstance(spec_mode, EnumModel)
    assert (
        [v.value for v in doc_mode.values]
        == [v.value for v in spec_mode.values]
        == ["async", "wait"]
    )
    assert doc_mode.description == spec_mode.description
    assert [v.source_name for v in doc_mode.values] == ["ModeAsync", "ModeWait"]


def test_what_markdown_cannot_carry_is_absent_not_guessed(project: Path) -> None:
    docs, spec = read(project / "spec" / "docs"), read(project / "spec" / "openapi.yaml")
    doc_body, spec_body = docs.get(BODY), spec.get(BODY)
    assert isinstance(doc_body, ObjectModel) and isinstance(spec_body, ObjectModel)
    doc_fields = {f.name: f for f in doc_body.fields}
    spec_fields = {f.name: f for f in spec_body.fields}
    # constraints, formats, defaults: only the spec has them
    assert spec_fields["eventName"].type == Primitive(
        PrimitiveKind.STRING,
        constraints=dataclasses.replace(NO_CONSTRAINTS, min_length=1, max_length=255),
    )
    assert doc_fields["eventName"].type == Primitive(PrimitiveKind.STRING)
    assert spec_fields["customerEmail"].type.format == "email"  # type: ignore[union-attr]
    assert doc_fields["customerEmail"].type.format is None  # type: ignore[union-attr]
    assert spec_fields["mode"].default is not None and spec_fields["mode"].default.value == "async"
    assert all(f.default is None for f in doc_fields.values())
    # an optional Go pointer cannot say whether null is allowed
    assert doc_fields["customerName"].nullable is None
    assert spec_fields["customerName"].nullable is True
    assert spec_fields["mode"].type == doc_fields["mode"].type == RefType(MODE)
    # the docs keep the names as written, for reproducing them
    assert doc_fields["clickId"].source_name == "ClickID"
    assert spec_fields["clickId"].source_name is None


def test_merged_project_spec_takes_each_fact_from_where_it_is_known(project: Path) -> None:
    merged = read(project / "spec")
    body = merged.get(BODY)
    assert isinstance(body, ObjectModel)
    fields = {f.name: f for f in body.fields}
    assert fields["customerName"].nullable is True
    assert fields["clickId"].source_name == "ClickID"
    assert fields["eventName"].type.constraints.max_length == 255  # type: ignore[union-attr]
    assert [Path(source).name for source in merged.sources] == [
        "openapi.yaml",
        "mode.md",
        "trackleadrequestbody.md",
    ]
