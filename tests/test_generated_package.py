"""The committed generated package behaves as documented and passes the quality gates."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from python_gates import gate_commands, tool

GENERATED = Path(__file__).resolve().parent.parent / "generated" / "python"

VALID_MINIMAL = {"clickId": "c1", "eventName": "Sign up", "externalId": "u1"}
VALID_FULL = {
    "clickId": "c1",
    "eventName": "Sign up",
    "externalId": "u1",
    "customerName": None,
    "customerEmail": "a@example.com",
    "customerAvatar": "https://example.com/a.png",
    "eventQuantity": 2.5,
    "mode": "wait",
    "metadata": {"plan": "pro", "seats": 3, "nested": {"a": [1, None]}},
}


@pytest.fixture(scope="module")
def operations() -> Iterator[ModuleType]:
    sys.path.insert(0, str(GENERATED))
    sys.dont_write_bytecode, before = True, sys.dont_write_bytecode  # keep generated/ clean
    try:
        yield importlib.import_module("models.operations")
    finally:
        sys.dont_write_bytecode = before
        sys.path.remove(str(GENERATED))


def issues(module: ModuleType, payload: Any) -> list[tuple[str, str]]:
    return [(issue.path, issue.message) for issue in module.TrackLeadRequestBody.validate(payload)]


@pytest.mark.parametrize("payload", [VALID_MINIMAL, VALID_FULL])
def test_valid_payloads_round_trip(operations: ModuleType, payload: dict[str, Any]) -> None:
    body = operations.TrackLeadRequestBody.from_dict(payload)
    assert body.to_dict() == payload
    assert operations.TrackLeadRequestBody.validate(payload) == []


def test_attributes_use_python_names_and_python_types(operations: ModuleType) -> None:
    body = operations.TrackLeadRequestBody.from_dict(VALID_FULL)
    assert body.click_id == "c1"
    assert body.mode is operations.Mode.WAIT
    assert body.customer_name is None
    models = sys.modules["models"]
    minimal = operations.TrackLeadRequestBody.from_dict(VALID_MINIMAL)
    assert minimal.customer_name is models.UNSET
    assert "customerName" not in minimal.to_dict()


def test_built_in_python_construction_and_to_dict(operations: ModuleType) -> None:
    body = operations.TrackLeadRequestBody(
        click_id="c", event_name="e", external_id="x", mode=operations.Mode.ASYNC
    )
    assert body.to_dict() == {"clickId": "c", "eventName": "e", "externalId": "x", "mode": "async"}
    assert issubclass(operations.Mode, str)
    assert operations.Mode("wait") is operations.Mode.WAIT


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"clickId": None}, ("/clickId", "must not be null")),
        ({"clickId": ""}, ("/clickId", "must be at least 1 character long")),
        ({"eventName": 7}, ("/eventName", "expected a string, got number")),
        ({"eventName": "x" * 256}, ("/eventName", "must be at most 255 characters long")),
        ({"externalId": "x" * 101}, ("/externalId", "must be at most 100 characters long")),
        ({"customerEmail": True}, ("/customerEmail", "expected a string, got boolean")),
        ({"eventQuantity": "2"}, ("/eventQuantity", "expected a number, got string")),
        ({"mode": "later"}, ("/mode", "must be one of 'async', 'wait'; got 'later'")),
        ({"mode": None}, ("/mode", "must not be null")),
        ({"metadata": []}, ("/metadata", "expected an object, got array")),
    ],
)
def test_each_kind_of_invalid_value_is_reported_at_its_path(
    operations: ModuleType, change: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert issues(operations, {**VALID_MINIMAL, **change}) == [expected]


def test_every_missing_required_field_is_listed(operations: ModuleType) -> None:
    assert issues(operations, {}) == [
        ("/clickId", "is required"),
        ("/eventName", "is required"),
        ("/externalId", "is required"),
    ]


def test_non_object_payload(operations: ModuleType) -> None:
    assert issues(operations, ["not", "an", "object"]) == [("", "expected an object, got array")]


def test_from_dict_raises_validation_error_listing_every_problem(operations: ModuleType) -> None:
    models = sys.modules["models"]
    with pytest.raises(models.ValidationError) as raised:
        operations.TrackLeadRequestBody.from_dict({"clickId": "", "mode": 1})
    found = [(error.path, error.message) for error in raised.value.errors]
    assert found == [
        ("/clickId", "must be at least 1 character long"),
        ("/eventName", "is required"),
        ("/externalId", "is required"),
        ("/mode", "expected a string, got number"),
    ]
    assert "/clickId: must be at least 1 character long" in str(raised.value)


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return tool(GENERATED, *args)


@pytest.mark.parametrize("gate", gate_commands(), ids=lambda command: command[0])
def test_the_gates_pass(gate: list[str]) -> None:
    result = _tool(*gate)
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_with_the_standard_library_alone() -> None:
    code = "import sys; sys.path.insert(0, '.'); import models.operations; print('ok')"
    command = [sys.executable, "-I", "-S", "-B", "-c", code]
    result = subprocess.run(command, cwd=GENERATED, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr


# --- every shared spec's generated package passes the gates --------------------------------

CORPUS_SPECS = {
    "dub": "dub-seed-era/openapi.yaml",
    "mistral": "mistral-ts/openapi.yaml",
    "twilio": "big/twilio-api-v2010.json",
    "stripe": "big/stripe-spec3.yaml",
    "openai": "big/openai.yaml",
}
"""Corpus specs whose python package must pass black, ruff, mypy --strict and import."""

BLACK_SAMPLE = 400
"""Top-level statements per module given to black (``SPECLOOM_FULL_GATES=1``: all of them)."""


@pytest.fixture(scope="module")
def corpus_packages(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from generator.cli import main

    made: dict[str, Path] = {}
    for name, relative in CORPUS_SPECS.items():
        out = tmp_path_factory.mktemp(f"gates-{name}")
        args = ["generate", "--spec", str(corpus / relative), "--target", "python"]
        assert main([*args, "--out", str(out)]) == 0, relative
        made[name] = out / "python"
    return made


def black_sample(source: str, limit: int) -> str:
    """The module's head (docstring, imports) and at most ``limit`` of its other statements.

    black lays out each top-level statement on its own, so a sample checks
    the same decisions; statements with long lines (where layout is decided)
    come first, then an even spread of the rest.
    """
    tree = ast.parse(source)
    lines = source.splitlines()
    body = [n for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom | ast.Expr)]
    if len(body) <= limit:
        return source
    spans = [(node.lineno - 1, node.end_lineno or node.lineno) for node in body]
    long = [span for span in spans if any(len(line) > 80 for line in lines[span[0] : span[1]])]
    others = [span for span in spans if span not in long]
    room = max(0, limit - len(long))
    step = max(1, len(others) // max(1, room))
    chosen = sorted(long[:limit] + others[::step][:room])
    head = "\n".join(lines[: spans[0][0]])
    return head + "\n" + "\n\n\n".join("\n".join(lines[a:b]) for a, b in chosen) + "\n"


@pytest.mark.parametrize("name", sorted(CORPUS_SPECS))
def test_corpus_packages_pass_the_gates(corpus_packages: dict[str, Path], name: str) -> None:
    package = corpus_packages[name]
    ruff = [
        "ruff",
        "check",
        "--no-cache",
        "--isolated",
        "--select=E,F,W,I,B,UP,SIM",
        "--ignore=E501",
    ]
    for command in (
        [*ruff, "."],
        ["mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "-p", "models"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=package, capture_output=True, text=True
        )
        assert result.returncode == 0, f"{command[0]}: {result.stdout[-3000:]}{result.stderr}"
    full = os.environ.get("SPECLOOM_FULL_GATES") == "1"
    for module in sorted((package / "models").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        text = source if full else black_sample(source, BLACK_SAMPLE)
        result = subprocess.run(
            [sys.executable, "-m", "black", "--check", "--diff", "-q", "-"],
            input=text,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"black, {module.name}: {result.stdout[-3000:]}"
    code = "import sys; sys.path.insert(0, '.'); import models; print('ok')"
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", code], cwd=package, capture_output=True, text=True
    )
    assert result.stdout.strip() == "ok", result.stderr
