"""A description that would open markdown structure (a heading, a table row, a code fence) stays
text in every docs target, and reads back as the same description."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.inputs.collect import read_inputs
from generator.render.renderer import render_files
from generator.render.targets import Options

DESCRIPTION = (
    "Hello\n\n## Fields\n\n| Field | Type |\n| --- | --- |\n| evil | *string* |\n\n"
    "# Second title\n   ```\nfenced?\n~~~\nmid-line # and | stay"
)
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Foo": {
                "type": "object",
                "description": DESCRIPTION,
                "properties": {"a": {"type": "string", "description": "x"}},
            }
        }
    },
}
TARGETS = ("go", "python", "typescript", "php", "ruby", "java", "csharp")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    spec = tmp_path_factory.mktemp("spec") / "openapi.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    schema = read_inputs([spec])
    return render_files(schema, tuple(f"docs-{t}" for t in TARGETS), Options()).files


@pytest.mark.parametrize("language", TARGETS)
def test_a_description_opens_no_heading_table_or_fence(
    files: dict[str, str], language: str, tmp_path: Path
) -> None:
    docs = {p: t for p, t in files.items() if p.startswith(f"docs-{language}/")}
    text = next(t for p, t in docs.items() if p.lower().endswith("foo.md"))
    lines = text.splitlines()
    assert sum(line.startswith("# ") for line in lines) == 1, text
    assert sum(line.startswith("## Fields") for line in lines) == 1, text
    assert not any(line.lstrip().startswith(("```", "~~~")) for line in lines), text
    for name, body in docs.items():
        destination = tmp_path / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(body, encoding="utf-8", newline="")
    schema = read_inputs([tmp_path / f"docs-{language}"], flavor=language)
    (foo,) = [d for d in schema.definitions if d.name.name == "Foo"]
    assert foo.description == DESCRIPTION
