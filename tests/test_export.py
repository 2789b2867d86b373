"""The jsonschema, openapi and pydantic targets: valid documents, deterministic, custom templates."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.export.jsonschema import definition_keys, export_schema
from generator.export.openapi import export_openapi
from generator.inputs.collect import read_inputs
from generator.ir import Location, ObjectModel, RefType, Schema, TypeName, UnionModel, UnionVariant

jsonschema = pytest.importorskip("jsonschema")

SPEC = Path(__file__).parent / "fixtures" / "python" / "everything.yaml"
FEATURES = Path(__file__).parent / "fixtures" / "openapi" / "features31.yaml"


def _generate(out: Path, *args: str) -> int:
    return main(
        ["generate", "--spec", str(SPEC), "--spec", str(FEATURES), "--out", str(out), *args]
    )


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    assert _generate(folder, "--target", "jsonschema", "--target", "openapi") == 0
    return folder


def _refs(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["$ref"]] if isinstance(value.get("$ref"), str) else []
        return found + [ref for item in value.values() for ref in _refs(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _refs(item)]
    return []


def test_json_schema_is_valid_2020_12_with_every_model_under_defs(out: Path) -> None:
    document = json.loads((out / "jsonschema" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    schema = read_inputs([SPEC, FEATURES])
    assert sorted(document["$defs"]) == sorted(definition_keys(schema).values())
    assert len(document["$defs"]) == len(schema.definitions)
    for ref in _refs(document):
        assert ref.startswith("#/$defs/") and ref.removeprefix("#/$defs/") in document["$defs"]


def test_json_schema_carries_the_facts(out: Path) -> None:
    defs = json.loads((out / "jsonschema" / "schema.json").read_text(encoding="utf-8"))["$defs"]
    order = defs["Order"]
    assert order["properties"]["id"]["readOnly"] is True
    assert order["required"] == ["id", "customer", "items"]
    assert order["properties"]["legacyCode"]["deprecated"] is True
    assert order["properties"]["notes"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "default": None,
    }
    assert order["properties"]["placedOn"] == {"type": "string", "format": "date"}
    assert defs["Customer"]["additionalProperties"] is False
    assert defs["Item"]["additionalProperties"] == {"type": "string"}
    assert defs["Channel"] == {
        "title": "Channel",
        "anyOf": [{"type": "string", "enum": ["web", "phone"]}, {"type": "string"}],
    }
    assert defs["Payment"]["anyOf"] == [{"$ref": "#/$defs/Card"}, {"$ref": "#/$defs/Transfer"}]


def test_request_view_leaves_read_only_fields_out() -> None:
    schema = read_inputs([SPEC])
    order = export_schema(schema, request=True)["$defs"]["Order"]
    assert "id" not in order["properties"] and "id" not in order["required"]


def test_openapi_document(out: Path) -> None:
    document = yaml.safe_load((out / "openapi" / "openapi.yaml").read_text(encoding="utf-8"))
    assert document["openapi"] == "3.1.0"
    schemas = document["components"]["schemas"]
    for ref in _refs(document):
        assert ref.removeprefix("#/components/schemas/") in schemas
    assert schemas["Payment"]["discriminator"]["propertyName"] == "method"
    body = dict(schemas["Order"])
    jsonschema.Draft202012Validator.check_schema(body)


def test_openapi_discriminator_mapping_points_at_components() -> None:
    where = Location("x.yaml")
    cat = ObjectModel(TypeName("components", "Cat"), (), where)
    pet = UnionModel(
        TypeName("components", "Pet"),
        (UnionVariant(RefType(cat.name), where),),
        where,
        discriminator="kind",
        mapping=(("cat", cat.name),),
    )
    document = export_openapi(Schema((cat, pet)), title="t")
    assert document["components"]["schemas"]["Pet"]["discriminator"] == {
        "propertyName": "kind",
        "mapping": {"cat": "#/components/schemas/Cat"},
    }


def test_output_is_deterministic(out: Path, tmp_path: Path) -> None:
    assert _generate(tmp_path, "--target", "jsonschema", "--target", "openapi") == 0
    for path in ("jsonschema/schema.json", "openapi/openapi.yaml"):
        assert (tmp_path / path).read_bytes() == (out / path).read_bytes()


needs_generator = pytest.mark.skipif(
    importlib.util.find_spec("datamodel_code_generator") is None,
    reason="datamodel-code-generator is not installed",
)


@needs_generator
def test_pydantic_target_validates_like_the_schema(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    custom = templates / "pydantic" / "pydantic_v2"
    custom.mkdir(parents=True)
    import datamodel_code_generator

    builtin = Path(datamodel_code_generator.__file__).parent / "model" / "template" / "pydantic_v2"
    text = (builtin / "BaseModel.jinja2").read_text(encoding="utf-8")
    (custom / "BaseModel.jinja2").write_text("# house style\n" + text, encoding="utf-8")
    assert _generate(tmp_path, "--target", "pydantic", "--templates", str(templates)) == 0
    source = (tmp_path / "pydantic" / "models" / "__init__.py").read_text(encoding="utf-8")
    assert "# house style" in source  # datamodel-code-generator's own custom templates work
    code = (
        "import sys; sys.path.insert(0, '.')\n"
        "import pydantic, models\n"
        "models.Order.model_validate({'customer': {'name': 'A'}, 'items': [{'sku': 'a', 'quantity': 1}]})\n"
        "for bad in ({'customer': {'name': 'A', 'x': 1}, 'items': []}, {'customer': {}, 'items': 'no'}):\n"
        "    try:\n"
        "        models.Order.model_validate(bad)\n"
        "    except pydantic.ValidationError:\n"
        "        continue\n"
        "    raise SystemExit('accepted ' + repr(bad))\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-B", "-c", code],
        cwd=tmp_path / "pydantic",
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_pydantic_target_without_its_generator_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        return None if name == "datamodel_code_generator" else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert _generate(tmp_path, "--target", "pydantic") == 2
    err = capsys.readouterr().err
    assert "pip install 'specloom[pydantic]'" in err and "Traceback" not in err
    assert not (tmp_path / "pydantic").exists()
