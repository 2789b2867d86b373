"""The ``pydantic`` target's models accept exactly what their schema accepts.

Each model is bound to its schema's compiled JSON Schema rules (``_base.SchemaModel``),
so the cases pydantic's own types get wrong are right: ``const``/``enum`` compared
as JSON (``false`` is not ``0``), ``uniqueItems`` with booleans, ``oneOf``, ``not``
and a ``\\c`` pattern whose module imports.
"""

from __future__ import annotations

import datetime
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from rendered import render_schemas

pytest.importorskip("datamodel_code_generator")
pydantic = pytest.importorskip("pydantic")


SCHEMAS: dict[str, Any] = {
    "Flags": {
        "type": "object",
        "properties": {
            "off": {"const": False},
            "zero": {"const": 0},
            "one": {"enum": [1]},
            "minus": {"const": -2.0},
            "falses": {"type": "array", "uniqueItems": True},
            "control": {"type": "string", "pattern": "^\\cJ$"},
            "small": {"type": "integer", "not": {"minimum": 3}},
        },
    },
    "Exclusive": {
        "type": "object",
        "properties": {"n": {"oneOf": [{"type": "integer"}, {"type": "number"}]}},
    },
    "Event": {
        "type": "object",
        "required": ["at", "flags"],
        "properties": {
            "at": {"type": "string", "format": "date-time"},
            "flags": {"$ref": "#/components/schemas/Flags"},
        },
    },
}


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("pydantic_target")
    folder = render_schemas(root, SCHEMAS, "pydantic", "pyd_target_models")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module("pyd_target_models")
    finally:
        sys.path.remove(str(folder))


def accepts(model: Any, payload: Any) -> bool:
    try:
        model.model_validate(payload)
    except pydantic.ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    ("payload", "valid"),
    [
        ({"off": False}, True),
        ({"off": 0}, False),
        ({"zero": 0}, True),
        ({"zero": False}, False),
        ({"one": True}, False),
        ({"one": 1.0}, True),
        ({"minus": -2}, True),
        ({"minus": 2}, False),
        ({"falses": [False, 0]}, True),
        ({"falses": [False, False]}, False),
        ({"control": "\n"}, True),
        ({"control": "n"}, False),
        ({"small": 2}, True),
        ({"small": 5}, False),
    ],
)
def test_strictness_defects_are_fixed(models: Any, payload: Any, valid: bool) -> None:
    assert accepts(models.Flags, payload) is valid


def test_one_of_is_exclusive(models: Any) -> None:
    assert accepts(models.Exclusive, {"n": 1.5})
    assert not accepts(models.Exclusive, {"n": 1})


def test_errors_carry_the_json_pointer(models: Any) -> None:
    with pytest.raises(pydantic.ValidationError) as raised:
        models.Event.model_validate({"at": "yesterday", "flags": {"off": 0}})
    found = {(error["loc"], error["type"]) for error in raised.value.errors()}
    assert found == {(("at",), "json_schema"), (("flags", "off"), "json_schema")}


def test_python_objects_are_checked_as_their_json(models: Any) -> None:
    flags = models.Flags.model_validate({"off": False})
    at = datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    event = models.Event(at=at, flags=flags)
    assert event.flags.off is False
    with pytest.raises(pydantic.ValidationError):
        models.Event(at=at, flags={"off": 0})


def test_every_named_model_is_bound(models: Any) -> None:
    for name in SCHEMAS:
        assert getattr(models, name).__specloom_validator__ is not None, name
    assert Path(models.__file__).with_name("_validation.py").is_file()
