"""Generated output does not depend on the folder specloom runs from.

Validation-rule keys name the spec file; they are relative to the config's folder, so the same
config run from two working folders writes the same bytes, and ``check`` from either is clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

SPEC = """\
openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        content:
          application/json:
            schema: {$ref: "shared/pet.yaml"}
      responses:
        "204": {description: done}
components:
  schemas:
    Owner:
      type: object
      properties:
        name: {type: string, minLength: 1}
"""

PET = """\
type: object
required: [name]
properties:
  name: {type: string, maxLength: 20}
  tag: {type: string, enum: [cat, dog]}
"""

CONFIG = """\
[tool.specloom]
spec = ["spec"]
targets = ["python", "pydantic", "docs-go", "jsonschema", "openapi"]
out = "generated"
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """``tmp_path/sub``: a config, a spec and a file the spec refers to."""
    sub = tmp_path / "sub"
    (sub / "spec" / "shared").mkdir(parents=True)
    (sub / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (sub / "spec" / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (sub / "spec" / "shared" / "pet.yaml").write_text(PET, encoding="utf-8")
    return sub


def _generate(folder: Path, config: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.chdir(folder)
    assert main(["generate", "--config", config, "--no-cache"]) == 0
    out = Path(config).parent / "generated"
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def test_same_config_from_two_working_folders_gives_the_same_bytes(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inside = _generate(project, "pyproject.toml", monkeypatch)
    above = _generate(project.parent, "sub/pyproject.toml", monkeypatch)
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir()
    absolute = _generate(elsewhere, str(project / "pyproject.toml"), monkeypatch)
    assert inside == above == absolute
    assert "python/models/_schemas.py" in inside
    for name, data in inside.items():
        assert str(project.parent).encode() not in data, name
    capsys.readouterr()


def test_check_from_another_working_folder_is_clean_without_a_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _generate(project, "pyproject.toml", monkeypatch)
    monkeypatch.chdir(project.parent)
    code = main(["check", "--config", "sub/pyproject.toml", "--no-cache"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "up to date" in out
