"""Many optional properties of one plain string schema are checked in one pass (a "run").

The pass must give the very verdicts and problems of the property-by-property
checks: the same package is generated twice, once with runs switched off
(``_validation._RUN`` raised above the property count), and both validate the
same payloads, valid and invalid (non-strings, nulls, NUL characters, URIs the
fast pattern does not take, bad UUIDs).
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.inputs.collect import read_inputs
from generator.render.renderer import render
from generator.render.targets import Options

URIS = {f"u{i}": {"type": "string", "format": "uri"} for i in range(9)}
NULLABLE = {f"n{i}": {"type": ["string", "null"], "format": "uri-reference"} for i in range(9)}
UUIDS = {f"id{i}": {"type": "string", "format": "uuid"} for i in range(8)}
PLAIN = {f"s{i}": {"type": "string"} for i in range(8)}
SCHEMA = {
    "type": "object",
    "required": ["u0"],
    "properties": {**URIS, **NULLABLE, **UUIDS, **PLAIN, "other": {"type": "integer"}},
}
VALUES = [
    "https://example.com/a",
    "http://example.com/a/b-c_d.e~f",
    "https://example.com/a?q=1#frag",
    "mailto:ada@example.com",
    "urn:isbn:0451450523",
    "//example.com/relative",
    "not a uri",
    "",
    "https://exa\x00mple.com",
    "http://a\x00http://b",
    "123e4567-e89b-12d3-a456-426614174000",
    "123e4567-e89b-12d3-a456-42661417400",
    None,
    1,
    True,
    ["https://example.com"],
]


def _package(root: Path, name: str) -> ModuleType:
    spec = root / f"{name}.json"
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Links": SCHEMA}},
    }
    spec.write_text(json.dumps(document), encoding="utf-8")
    files = render(read_inputs([spec]), ["python"], Options(package=name))
    for path, text in files.items():
        target = root / "out" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root / "out" / "python"))
    try:
        return importlib.import_module(f"{name}.components")
    finally:
        sys.path.remove(str(root / "out" / "python"))


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    root = tmp_path_factory.mktemp("runs")
    with_runs = _package(root, "runs_on")
    without = _package(root, "runs_off")
    sys.modules["runs_off._validation"]._RUN = 10**9  # type: ignore[attr-defined]
    return with_runs.Links, without.Links


def _issues(model: Any, payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(issue.path, issue.message) for issue in model.validate(payload)]


def test_runs_give_the_same_problems(packages: tuple[Any, Any]) -> None:
    with_runs, without = packages
    chooser = random.Random(11)
    names = list(SCHEMA["properties"])
    for _ in range(400):
        payload: dict[str, Any] = {"u0": "https://example.com/"}
        for name in chooser.sample(names, chooser.randint(0, len(names))):
            payload[name] = chooser.choice(VALUES) if chooser.random() < 0.3 else (
                "123e4567-e89b-12d3-a456-426614174000" if name.startswith("id") else
                "https://example.com/x"
            )
        assert _issues(with_runs, payload) == _issues(without, payload), payload


def test_runs_are_used(packages: tuple[Any, Any]) -> None:
    with_runs, _ = packages
    assert with_runs.validate({"u0": "https://example.com/", "u1": "http://a\x00http://b"})
    validation = sys.modules["runs_on._validation"]
    assert len(URIS) >= validation._RUN
    assert not _issues(with_runs, {name: "https://example.com/p" for name in URIS})


def test_plain_uri_fast_path_takes_only_uris(packages: tuple[Any, Any]) -> None:
    validation: Any = sys.modules["runs_on._validation"]
    chooser = random.Random(3)
    alphabet = "-./0123456789ABCXYZ_abcxyz~"
    for _ in range(2000):
        text = chooser.choice(["http://", "https://"]) + "".join(
            chooser.choice(alphabet) for _ in range(chooser.randint(0, 30))
        )
        assert validation._PLAIN_URI.match(text) is not None
        for fmt in ("uri", "uri-reference", "iri", "iri-reference"):
            assert validation._FORMAT_PATTERNS[fmt][-1].match(text) is not None, (fmt, text)
