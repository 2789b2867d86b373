"""Enum items that are lists or mappings: kept as frozen JSON values and emitted by every target.

Our own spec (``fixtures/openapi/json_enum_values.yaml``) lists arrays,
objects (nested, with characters markdown and Python strings must escape),
an empty list and an empty mapping next to a string.  The IR keeps each as a
``FrozenJson`` (tuple / ``JsonObject``), the ``python`` target makes members
of tuples and read-only mappings that load and dump payloads, JSON Schema and
OpenAPI write the same JSON back, and the docs show it escaped.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.ir import EnumModel, JsonObject, Schema, TypeName, freeze, thaw
from generator.ir.serialize import to_data
from generator.output.snapshot import load_snapshot, schema_snapshot

SPEC = Path(__file__).parent / "fixtures" / "openapi" / "json_enum_values.yaml"
RAW = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
TARGETS = ["python", "pydantic", "jsonschema", "openapi", "docs-go", "docs-python"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("json-enums") / "out"
    argv = ["generate", "--spec", str(SPEC), "--out", str(folder), "--package", "jenums"]
    assert main([*argv, *[arg for target in TARGETS for arg in ("--target", target)]]) == 0
    return folder


def enums() -> dict[str, EnumModel]:
    definitions = read_openapi(SPEC, SPEC.name, Collector())
    return {d.name.name: d for d in definitions if isinstance(d, EnumModel)}


def test_the_ir_keeps_each_item_frozen_and_hashable() -> None:
    found = enums()
    assert [v.value for v in found["Corner"].values] == [(0, 0), (0, 7), (7, 7)]
    style = [v.value for v in found["Style"].values]
    assert style[0] == JsonObject((("color", "red"), ("wei|ght", "b`o*ld")))
    assert style[2:] == [("single",), (), JsonObject(()), "plain"]
    assert len({hash(value) for value in style}) == len(style)
    assert [thaw(value) for value in style] == [*RAW["Style"]["enum"]]
    # an object is the same value whatever its key order, as JSON objects are
    assert JsonObject((("a", 1), ("b", 2))) == freeze({"b": 2, "a": 1})


def test_ir_json_and_the_manifest_snapshot_round_trip() -> None:
    definitions = tuple(read_openapi(SPEC, SPEC.name, Collector()))
    name = TypeName("components", "Style")
    style = next(d for d in definitions if d.name == name)
    assert isinstance(style, EnumModel)
    assert [v["value"] for v in to_data(style)["values"]] == RAW["Style"]["enum"]
    snapshot = json.loads(json.dumps(schema_snapshot(Schema(definitions=definitions))))
    back = next(d for d in load_snapshot(snapshot).definitions if d.name == name)
    assert isinstance(back, EnumModel)
    assert [v.value for v in back.values] == [v.value for v in style.values]
    assert [type(v.value) for v in back.values] == [type(v.value) for v in style.values]


def test_json_schema_and_openapi_write_the_same_json_back(out: Path) -> None:
    exported = json.loads((out / "jsonschema" / "schema.json").read_text(encoding="utf-8"))
    definitions = exported.get("$defs") or exported["definitions"]
    assert definitions["Corner"]["enum"] == RAW["Corner"]["enum"]
    assert definitions["Corner"]["type"] == "array"
    assert definitions["Style"]["enum"] == RAW["Style"]["enum"]
    document = yaml.safe_load((out / "openapi" / "openapi.yaml").read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    assert schemas["Corner"]["enum"] == RAW["Corner"]["enum"]
    assert schemas["Style"]["enum"] == RAW["Style"]["enum"]


def test_python_members_are_frozen_values_that_load_and_dump(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(out / "python"))
    module = importlib.import_module("jenums.components")
    corner, style = module.Corner, module.Style
    assert [member.value for member in corner] == [(0, 0), (0, 7), (7, 7)]
    first = next(iter(style))
    assert isinstance(first.value, types.MappingProxyType)
    with pytest.raises(TypeError):
        first.value["color"] = "green"  # read-only
    payload = {"corner": [7, 7], "style": {"wei|ght": "b`o*ld", "color": "red"}}
    board = module.Board.from_dict(payload)
    assert board.corner is corner.VALUE_7_7 and board.style is first
    assert board.to_dict() == payload and json.loads(json.dumps(board.to_dict())) == payload
    nested = {"corner": [0, 0], "style": RAW["Style"]["enum"][1]}
    assert module.Board.from_dict(nested).to_dict() == nested
    assert module.Board.validate({"corner": [0, 0], "style": []}) == []
    issues = module.Board.validate({"corner": [1, 1], "style": ["plain"]})
    assert [issue.path for issue in issues] == ["/corner", "/style"]


def test_python_package_is_ruff_and_black_clean(out: Path, project: Path) -> None:
    package = out / "python" / "jenums"
    source = (package / "components.py").read_text(encoding="utf-8")
    assert "import types\n" in source and "VALUE_0_0 = (0, 0)" in source
    assert 'SINGLE = ("single",)' in source
    ruff = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--no-cache",
            "--config",
            str(project / "pyproject.toml"),
            str(package),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    black = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-q", str(package)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert black.returncode == 0, black.stderr


def test_docs_show_the_json_escaped(out: Path) -> None:
    doc = (out / "docs-go" / "models" / "components" / "style.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if "wei" in line)
    assert '"wei\\|ght": "b`o*ld"' in row  # the pipe escaped: the row keeps its two cells
    assert len(re.findall(r"(?<!\\)\|", row)) == 3
    python_doc = (out / "docs-python" / "models" / "components" / "style.md").read_text(
        encoding="utf-8"
    )
    assert "`SINGLE`" in python_doc
