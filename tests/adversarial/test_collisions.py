"""No model is lost to a shared output path: names that differ only in case and namespaces
that map to one module get numbered names (``foo2.md``, ``my_ns2``), links follow them, and
every target keeps every model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from adversarial.helpers import CASES
from generator.inputs.collect import read_inputs
from generator.render.renderer import render_files
from generator.render.targets import Options

DOCS = ("docs-go", "docs-python", "docs-typescript", "docs-php", "docs-ruby")
TARGETS = ("python", "jsonschema", "openapi", "pydantic", *DOCS)


@pytest.fixture(scope="module", params=["case-only.yaml", "namespaces"])
def rendered(request: pytest.FixtureRequest) -> tuple[int, dict[str, str], list[str]]:
    path = CASES / "collisions" / request.param
    schema = read_inputs([path], flavor=None if path.suffix else "go")
    files = render_files(schema, TARGETS, Options()).files
    return len(schema.definitions), files, [str(d.name) for d in schema.definitions]


@pytest.mark.parametrize("target", DOCS)
def test_every_model_gets_its_own_doc_file(
    rendered: tuple[int, dict[str, str], list[str]], target: str
) -> None:
    count, files, _ = rendered
    docs = [path for path in files if path.startswith(target + "/")]
    assert len(docs) == count
    assert len({path.casefold() for path in docs}) == count  # distinct on any file system
    titles = sorted(files[path].splitlines()[0].removeprefix("# ") for path in docs)
    assert titles == sorted(name.rpartition(".")[2] for name in rendered[2])


@pytest.mark.parametrize("target", DOCS)
def test_links_lead_to_the_doc_of_the_model_they_name(
    rendered: tuple[int, dict[str, str], list[str]], target: str
) -> None:
    _, files, _ = rendered
    for path, text in files.items():
        if not path.startswith(target + "/"):
            continue
        for label, link in re.findall(r"\[([^\]]*)\]\((\.\./\.\./[^)]*\.md)\)", text):
            linked = (Path(path).parent / link).as_posix()
            parts: list[str] = []
            for part in linked.split("/"):
                if part == "..":
                    parts.pop()
                else:
                    parts.append(part)
            target_text = files["/".join(parts)]
            name = re.findall(r"\w+", label)[-1]
            assert target_text.splitlines()[0] == f"# {name}", (path, link)


def test_python_jsonschema_openapi_and_pydantic_keep_every_model(
    rendered: tuple[int, dict[str, str], list[str]],
) -> None:
    count, files, _ = rendered
    classes = sum(
        len(re.findall(r"^class \w+", text, re.MULTILINE))
        for path, text in files.items()
        if path.startswith("python/") and not Path(path).name.startswith("_")
    )
    assert classes == count
    defs = json.loads(files["jsonschema/schema.json"])["$defs"]
    assert len(defs) == count
    components = re.findall(r"^    \S+:$", files["openapi/openapi.yaml"], re.MULTILINE)
    assert len(components) == count
    pydantic = re.findall(r"^class \w+", files["pydantic/models/__init__.py"], re.MULTILINE)
    assert len(pydantic) == count
