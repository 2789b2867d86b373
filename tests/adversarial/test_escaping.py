"""Text from a spec is escaped for where it lands: markdown rows stay one row and read back,
YAML and JSON exports keep strings strings under YAML 1.1 and 1.2, terminals get no raw
control characters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from adversarial.helpers import CASES, run
from generator.diagnostics import Collector
from generator.inputs.collect import read_inputs
from generator.inputs.openapi.loader import parse_text
from generator.render.renderer import render_files
from generator.render.targets import Options

SPEC = CASES / "escaping.json"
SOURCE = json.loads(SPEC.read_text())["components"]["schemas"]
READ_BACK = ("docs-go", "docs-python", "docs-php", "docs-ruby")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    schema = read_inputs([SPEC])
    targets = ("openapi", "jsonschema", *READ_BACK, "docs-typescript")
    return render_files(schema, targets, Options()).files


def test_markdown_holds_no_raw_control_character_and_rows_stay_rows(files: dict[str, str]) -> None:
    for path, text in files.items():
        if path.endswith(".md"):
            assert not RAW.search(text), path
            fields = text.partition("## Fields")[2].partition("\n\n\n")[0].strip()
            if fields:
                assert len(fields.splitlines()) == 3, path  # header, rule, the one field


@pytest.mark.parametrize("target", READ_BACK)
def test_docs_output_reads_back_with_the_same_text(
    files: dict[str, str], target: str, tmp_path: Path
) -> None:
    for path, text in files.items():
        if path.startswith(target + "/"):
            destination = tmp_path / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8", newline="")
    schema = read_inputs([tmp_path / target], flavor=target.removeprefix("docs-"))
    by_name = {d.name.name: d for d in schema.definitions}
    assert by_name["Mode"].description == SOURCE["Mode"]["description"]
    field = by_name["Obj"].fields[0]  # type: ignore[union-attr]
    assert field.description == SOURCE["Obj"]["properties"]["f"]["description"].replace(
        "\r\n", "\n"
    )
    assert [v.value for v in by_name["Mode"].values] == SOURCE["Mode"]["enum"]  # type: ignore[union-attr]


def test_yaml_export_keeps_strings_strings_under_yaml_1_1_and_1_2(files: dict[str, str]) -> None:
    text = files["openapi/openapi.yaml"]
    document = parse_text(text, "openapi.yaml", Collector(), json_text=False)
    assert document is not None
    for loaded in (yaml.safe_load(text), document.root):  # YAML 1.1 (PyYAML), 1.2 core (ours)
        schemas = loaded["components"]["schemas"]
        assert schemas["Mode"]["enum"] == SOURCE["Mode"]["enum"]
        assert schemas["Mode"]["description"] == SOURCE["Mode"]["description"]
        field = schemas["Obj"]["properties"]["f"]
        assert field["default"] == "1e5" and field["examples"] == ["0o17", "yes"]


def test_json_export_is_json_with_every_string_kept(files: dict[str, str]) -> None:
    schema = json.loads(files["jsonschema/schema.json"])
    assert schema["$defs"]["Mode"]["enum"] == SOURCE["Mode"]["enum"]


def test_names_and_text_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    head = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n'
    old.write_text(head + "    A: {type: object, properties: {keep: {type: string}}}\n")
    new.write_text(
        head
        + '    A: {type: object, required: ["x\\e]0;pwned\\a\\nspecloom diff: 0 breaking"],'
        + ' properties: {"x\\e]0;pwned\\a\\nspecloom diff: 0 breaking": {type: string,'
        + ' description: "\\e[2J"}, keep: {type: integer}}}\n'
    )
    code, stdout, err = run(capsys, "diff", str(old), str(new))
    assert code == 3
    assert "\x1b" not in stdout + err and "\x07" not in stdout + err
    assert not any(line.startswith("specloom diff: 0 breaking") for line in stdout.splitlines())
    out = tmp_path / "out"
    assert (
        run(capsys, "generate", "--spec", str(old), "--out", str(out), "--target", "docs-go")[0]
        == 0
    )
    code, stdout, err = run(
        capsys, "check", "--spec", str(new), "--out", str(out), "--target", "docs-go"
    )
    assert code == 1
    assert "\x1b" not in stdout + err and "\x07" not in stdout + err
    assert "\\e]0;pwned" in stdout
