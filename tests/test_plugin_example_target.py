"""A new target is a template folder plus a small registration: TypedDict payloads, test-only.

The target below lives only in this test; its templates are in
``tests/fixtures/example_target/templates/typeddict/``.  Its output is
snapshot-tested with the ``specloom_snapshot`` fixture against the golden
files in ``tests/fixtures/example_target/golden/`` (update them with
``pytest --specloom-update`` and review the diff).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import black
import pytest

from generator.cli import main
from generator.ir import Schema
from generator.pytest_plugin import Snapshot, golden_files
from generator.render.filters.python_code import module_name
from generator.render.targets import TARGETS, Options, OutputFile, Target

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "example_target"
SPEC = FIXTURE / "spec.yaml"
TEMPLATES = FIXTURE / "templates"
GOLDEN = FIXTURE / "golden"


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """``<package>/__init__.py`` and one module of TypedDicts per namespace."""
    files = [OutputFile(f"{options.package}/__init__.py", "typeddict/__init__.py.jinja")]
    for namespace in schema.namespaces:
        files.append(
            OutputFile(
                f"{options.package}/{module_name(namespace)}.py",
                "typeddict/module.py.jinja",
                {"namespace": namespace, "definitions": list(schema.in_namespace(namespace))},
            )
        )
    return files


TYPEDDICT = Target("typeddict", "TypedDict payloads keyed by wire names (example)", plan)
"""The registration: a name, a description and the plan."""


def test_typeddict_target_matches_its_golden_files(specloom_snapshot: Snapshot) -> None:
    files = specloom_snapshot.assert_match(
        TYPEDDICT, spec=SPEC, templates=[TEMPLATES], golden=GOLDEN, package="payloads"
    )
    assert sorted(files) == [
        "payloads/__init__.py",
        "payloads/components.py",
        "payloads/operations.py",
    ]


def test_the_golden_typeddicts_are_black_stable_and_import(monkeypatch: pytest.MonkeyPatch) -> None:
    for path, data in golden_files(GOLDEN).items():
        text = data.decode("utf-8")
        assert black.format_str(text, mode=black.Mode(line_length=100)) == text, path
    monkeypatch.syspath_prepend(str(GOLDEN))
    for name in [m for m in sys.modules if m == "payloads" or m.startswith("payloads.")]:
        monkeypatch.delitem(sys.modules, name)
    operations = importlib.import_module("payloads.operations")
    components = importlib.import_module("payloads.components")
    body = operations.CreateLinkRequestBody
    assert body.__required_keys__ == frozenset({"url"})
    assert body.__optional_keys__ == frozenset({"domain", "tagIds", "mode", "target", "meta"})
    assert components.Geo.__required_keys__ == frozenset({"country"})
    assert "x-region" in components.Geo.__optional_keys__  # not an identifier: functional syntax
    assert components.Mode.__args__ == ("async", "wait")


def test_a_registered_target_runs_through_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(TARGETS, TYPEDDICT.name, TYPEDDICT)
    out = tmp_path / "out"
    args = ["--spec", str(SPEC), "--target", "typeddict", "--templates", str(TEMPLATES)]
    assert main(["generate", *args, "--out", str(out), "--package", "payloads"]) == 0
    assert capsys.readouterr().err == ""  # every template of the folder is used: no warning
    assert golden_files(out / "typeddict") == golden_files(GOLDEN)
    assert main(["check", *args, "--out", str(out), "--package", "payloads"]) == 0
    assert main(["templates", "list", "--target", "typeddict", "--templates", str(TEMPLATES)]) == 0
    listed = [line.split()[:2] for line in capsys.readouterr().out.splitlines()[-2:]]
    assert listed == [
        ["typeddict/__init__.py.jinja", "custom"],
        ["typeddict/module.py.jinja", "custom"],
    ]
