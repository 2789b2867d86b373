"""The ``pydantic`` target's code passes the gates of generated Python, with JSON Schema's types.

A spec of our own exercises what datamodel-code-generator gets wrong under ``mypy --strict``
unless told: root models of nullable and optional schemas (no ``None`` default on a root that
cannot be ``None``; ``X | None`` where the schema admits ``null``), enum defaults (the member,
not its value), nested models and the import of the package's own ``_base``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from python_gates import gate_failures
from rendered import render_schemas

pytest.importorskip("datamodel_code_generator")
pydantic = pytest.importorskip("pydantic")


GENERATED = Path(__file__).resolve().parent.parent / "generated" / "pydantic"

REF = "#/components/schemas/"
SCHEMAS: dict[str, Any] = {
    "NullableName": {"type": ["string", "null"], "maxLength": 10},
    "Code": {"type": "string", "minLength": 1},
    "Choice": {
        "anyOf": [{"type": "string", "maxLength": 3}, {"type": "integer"}, {"type": "null"}],
        "default": None,
    },
    "Level": {"type": "string", "enum": ["low", "high"]},
    "Inner": {
        "type": "object",
        "properties": {
            "level": {"$ref": REF + "Level", "default": "high"},
            "code": {"$ref": REF + "Code"},
        },
    },
    "Outer": {
        "type": "object",
        "required": ["inner"],
        "properties": {
            "inner": {"$ref": REF + "Inner"},
            "name": {"$ref": REF + "NullableName"},
            "nick": {"anyOf": [{"type": "string", "maxLength": 5}, {"type": "null"}]},
            "alias": {"type": "string", "maxLength": 5, "default": "x"},
            "children": {"type": "array", "items": {"$ref": REF + "Inner"}},
            "choice": {"$ref": REF + "Choice"},
            "mode": {"type": "string", "enum": ["a", "b"], "default": "b"},
        },
    },
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pydantic_gates")
    return render_schemas(root, SCHEMAS, "pydantic", "gated_models")


@pytest.fixture(scope="module")
def models(out: Path) -> Any:
    sys.path.insert(0, str(out))
    sys.dont_write_bytecode, before = True, sys.dont_write_bytecode
    try:
        return importlib.import_module("gated_models")
    finally:
        sys.dont_write_bytecode = before
        sys.path.remove(str(out))


def test_our_spec_passes_the_gates(out: Path) -> None:
    assert gate_failures(out, "gated_models") == []


def test_the_committed_package_passes_the_gates() -> None:
    assert gate_failures(GENERATED) == []


def test_the_package_imports_its_base_relatively(out: Path) -> None:
    source = (out / "gated_models" / "__init__.py").read_text(encoding="utf-8")
    assert "from ._base import " in source
    assert "gated_models._base" not in source


def test_enum_defaults_are_members(models: Any) -> None:
    assert models.Outer.model_validate({"inner": {}}).mode is models.Mode.B
    assert models.Inner().level is models.Level.HIGH


def test_a_root_admits_null_exactly_when_its_schema_does(models: Any) -> None:
    assert models.Choice.model_validate(None).root is None
    assert models.Choice.model_validate(3).root == 3
    for bad in ("abcd", 1.5, True):
        with pytest.raises(pydantic.ValidationError):
            models.Choice.model_validate(bad)
    outer = models.Outer.model_validate({"inner": {}, "nick": "abc"})
    assert outer.nick is not None and outer.nick.root == "abc"
    for field in ("nick", "name", "choice"):  # nullable: optional, default None
        assert models.Outer.model_validate({"inner": {}, field: None}).model_dump()[field] is None
    # optional, not nullable: its schema default, and null refused
    assert models.Outer.model_validate({"inner": {}}).alias == "x"
    with pytest.raises(pydantic.ValidationError):
        models.Outer.model_validate({"inner": {}, "alias": None})
    with pytest.raises(pydantic.ValidationError):
        models.Outer.model_validate({"inner": {}, "nick": "toolong"})


def test_nested_models_are_checked(models: Any) -> None:
    outer = models.Outer.model_validate({"inner": {"code": "c"}, "children": [{"level": "low"}]})
    assert outer.inner.code == "c" and outer.children[0].level is models.Level.LOW
    with pytest.raises(pydantic.ValidationError):
        models.Outer.model_validate({"inner": {"code": ""}})
    with pytest.raises(pydantic.ValidationError):
        models.Outer.model_validate({"inner": {}, "children": [{"level": "mid"}]})
