"""docs-go gives back the seed doc and its enum byte for byte, from the docs and from the spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.inputs.collect import read_inputs
from generator.render.renderer import render
from generator.render.targets import Options

SEED_FILES = ["models/operations/trackleadrequestbody.md", "models/operations/mode.md"]


def docs_go(*paths: Path) -> dict[str, str]:
    files = render(read_inputs(list(paths)), ["docs-go"], Options())
    return {path.removeprefix("docs-go/"): text for path, text in files.items()}


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_round_trips_byte_for_byte(seed: Path, name: str) -> None:
    rendered = docs_go(seed)
    assert rendered[name].encode("utf-8") == (seed / name).read_bytes()


@pytest.mark.parametrize("name", SEED_FILES)
def test_project_spec_docs_round_trip(project: Path, name: str) -> None:
    docs = project / "spec" / "docs"
    assert docs_go(docs)[name].encode("utf-8") == (docs / name).read_bytes()


@pytest.mark.parametrize("name", SEED_FILES)
def test_openapi_spec_renders_the_same_docs(project: Path, name: str) -> None:
    """The Go names (``ClickID``) and pointers come from the IR alone, not from echoed text."""
    from_spec = docs_go(project / "spec" / "openapi.yaml")
    assert from_spec[name].encode("utf-8") == (project / "spec" / "docs" / name).read_bytes()
