"""The cache's canonical text of IR values, and the hashes processes share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from generator.cache.canonical import canonical
from generator.cache.incremental import Fingerprints, SharedHashes
from generator.ir import (
    Constraints,
    Field,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    Schema,
    TypeName,
)
from generator.ir.types import ArrayType, Default
from generator.render.dependencies import RULES


def _model(name: str = "Pet", line: int = 3, **changes: object) -> ObjectModel:
    field = Field(
        "name",
        Primitive(PrimitiveKind.STRING),
        True,
        False,
        Location("spec.yaml", line + 1, f"/components/schemas/{name}/properties/name"),
    )
    model = ObjectModel(
        TypeName("models", name), (field,), Location("spec.yaml", line, f"/c/{name}")
    )
    return dataclasses.replace(model, **changes)


def test_line_numbers_count_only_with_lines() -> None:
    moved = _model(line=40)
    assert canonical(_model(), False) == canonical(moved, False)
    assert canonical(_model(), True) != canonical(moved, True)


def _with_field(**changes: object) -> Callable[[], ObjectModel]:
    def make() -> ObjectModel:
        model = _model()
        return dataclasses.replace(model, fields=(dataclasses.replace(model.fields[0], **changes),))

    return make


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a value at a plain default, and one equal to it of another type
        (_with_field(required=False), _with_field(required=0)),
        (_with_field(nullable=None), _with_field(nullable=False)),
        (_with_field(deprecated=0), _with_field(deprecated=False)),
        (_with_field(description=None), _with_field(description="")),
        (_with_field(default=Default(1)), _with_field(default=Default(1.0))),
        (_with_field(default=Default(1)), _with_field(default=Default(True))),
        (_with_field(examples=()), _with_field(examples=((),))),
        # the same text in other attributes, or quoted where a delimiter would be
        (
            _with_field(description="a", source_name=None),
            _with_field(description=None, source_name="a"),
        ),
        (_with_field(description="x',sdk_name='y"), _with_field(description="x", sdk_name="y")),
        (
            lambda: _model(constraints=Constraints(minimum=1)),
            lambda: _model(constraints=Constraints(minimum=1.0)),
        ),
        (
            _with_field(type=ArrayType(Primitive(PrimitiveKind.STRING))),
            _with_field(type=ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ),
    ],
)
def test_different_values_have_different_texts(
    first: Callable[[], ObjectModel], second: Callable[[], ObjectModel]
) -> None:
    for lines in (False, True):
        assert canonical(first(), lines) != canonical(second(), lines)


def test_equal_values_have_equal_texts() -> None:
    assert canonical(_model(), False) == canonical(_model(), False)
    assert canonical(_with_field(required=True)(), True) == canonical(_model(), True)


def test_hashes_are_adopted_only_for_the_schemas_own_definitions() -> None:
    pet, owner = _model("Pet"), _model("Owner")
    schema = Schema(definitions=(pet, owner))
    maker = Fingerprints(schema, "", "", "")
    shared = maker.shared()
    assert shared.line_free == {}
    made = {id(pet): maker.line_free(pet)}
    foreign = _model("Stranger")
    maker.line_free(foreign)
    shared = maker.shared()
    assert shared.line_free == made  # the stranger's id may name anything elsewhere

    taker = Fingerprints(schema, "", "", "")
    taker.adopt(SharedHashes({id(owner): "forged", id(foreign): "forged"}, {}, {}))
    assert taker.line_free(owner) == "forged"  # taken over by id: the schema's own definition
    assert taker.line_free(foreign) == Fingerprints(schema, "", "", "").line_free(foreign)
    assert taker.line_free(pet) == maker.line_free(pet)


def test_prefetched_names_are_the_ones_a_file_reads() -> None:
    schema = Schema(definitions=(_model(),))
    early = Fingerprints(schema, "", "", "")
    fetched = early.prefetch([RULES])
    late = Fingerprints(schema, "", "", "")
    assert fetched.names == {(False, RULES): late.name(RULES)}
