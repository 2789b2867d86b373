"""Hostile inputs are bad input: a clean ``path:line:`` error, exit 2, in bounded time and
memory; no file outside the spec's folder is read, and nothing read from one is printed."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from adversarial.helpers import CASES, run

SECONDS = 5
MEGABYTES = 500
ALL_TARGETS = [
    "python",
    "jsonschema",
    "openapi",
    "docs-go",
    "docs-python",
    "docs-typescript",
    "docs-php",
    "docs-ruby",
]


def _bounded() -> None:  # pragma: no cover - runs in the child
    limit = MEGABYTES * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def specloom(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``specloom ARGS`` as a process held to SECONDS and MEGABYTES (address space)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        timeout=SECONDS * 2,
        preexec_fn=_bounded,
        cwd=cwd,
        env={**os.environ, "SPECLOOM_DEBUG": ""},
    )


BOUNDED = {
    "alias-bomb.yaml": ":9: YAML aliases expand to more than 100000 values",
    "deep-nesting.json": ":1: nested deeper than 100 levels",
    "deep-nesting.yaml": ": nested deeper than 100 levels",
    "deep-flow.yaml": ":4: nested deeper than 100 levels",
    "huge-integer.yaml": ":8: an integer of 4301 digits; expected at most 1000",
    "huge-integer.json": ":1: an integer of 4301 digits; expected at most 1000",
    "nan-default.json": ":1: NaN is not a JSON value",
    "infinity-enum.json": ":1: Infinity is not a JSON value",
    "inf-example.yaml": ":8: inf is not a JSON number",
    "lone-surrogate.json": ":1: invalid JSON: lone UTF-16 surrogate \\ud800",
    "lone-surrogate-key.json": ":1: invalid JSON: lone UTF-16 surrogate \\udc00",
    "deep-type-go": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-gomap": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-python": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-typescript": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-php": "deep.md:8: type nested deeper than 100 levels",
}


@pytest.mark.parametrize("case", sorted(BOUNDED))
def test_a_hostile_input_is_a_clean_error_in_bounded_time_and_memory(
    case: str, tmp_path: Path
) -> None:
    args = ["generate", "--config", os.devnull, "--spec", str(CASES / case)]
    targets = [arg for target in ALL_TARGETS for arg in ("--target", target)]
    result = specloom(*args, "--out", str(tmp_path / "out"), *targets)
    assert result.returncode == 2, result.stderr[-2000:]
    assert BOUNDED[case] in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert all(len(line) <= 2000 for line in result.stderr.splitlines())
    assert not (tmp_path / "out").exists()


def test_limits_are_settings(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        "[tool.specloom]\ntargets = ['python']\n[tool.specloom.limits]\n"
        "max-document-bytes = 200\nmax-integer-digits = 5000\n"
    )
    result = specloom("generate", "--config", str(config), "--spec", str(CASES / "small.yaml"))
    assert result.returncode == 2
    assert "small.yaml: the file is larger than 200 bytes" in result.stderr
    config.write_text(
        "[tool.specloom]\ntargets = ['jsonschema']\n[tool.specloom.limits]\nmax-integer-digits = 5000\n"
    )
    big = CASES / "huge-integer.yaml"
    result = specloom("generate", "--config", str(config), "--spec", str(big), cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # raised: read as a number
    config.write_text("[tool.specloom]\n[tool.specloom.limits]\nmax-models = 1\n")
    result = specloom("generate", "--config", str(config), "--spec", str(CASES / "small.yaml"))
    assert result.returncode == 2 and "2 models; expected at most 1" in result.stderr
    config.write_text("[tool.specloom]\n[tool.specloom.limits]\nmax-depht = 1\n")
    result = specloom("generate", "--config", str(config), "--spec", str(CASES / "small.yaml"))
    assert result.returncode == 2 and "unknown key 'max-depht'" in result.stderr


REFS = CASES / "refs"


@pytest.mark.parametrize("case", ["parent-ref.yaml", "absolute-ref.yaml", "good-ref.yaml"])
def test_a_ref_outside_the_spec_folder_is_refused_and_never_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    code, stdout, err = run(capsys, "ir", str(REFS / "spec" / case))
    assert code == 2
    assert "names a file outside the folder of the spec" in err
    assert "--allow-ref-outside" in err
    assert "SECRET" not in stdout + err and "root:" not in stdout + err


def test_a_ref_outside_is_read_when_allowed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "ir", "--allow-ref-outside", str(REFS / "spec/good-ref.yaml"))
    assert code == 0, err
    config = tmp_path / "pyproject.toml"
    config.write_text(f"[tool.specloom]\ntargets = ['python']\nref-roots = [{str(REFS)!r}]\n")
    code, _, err = run(
        capsys,
        "generate",
        "--config",
        str(config),
        "--spec",
        str(REFS / "spec/good-ref.yaml"),
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 0, err


def test_a_ref_through_a_symlink_to_outside_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spec = tmp_path / "spec"
    spec.mkdir()
    (tmp_path / "creds.yaml").write_text('password: "CI_SECRET_42"\n')
    (spec / "innocent.yaml").symlink_to("../creds.yaml")
    (spec / "openapi.yaml").write_text(
        'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n'
        '    Leak: {type: string, enum: [{$ref: "innocent.yaml#/password"}]}\n'
        '    Leak2: {$ref: "innocent.yaml#/password"}\n'
    )
    code, stdout, err = run(capsys, "ir", str(spec / "openapi.yaml"))
    assert code == 2 and "names a file outside the folder of the spec" in err
    assert "CI_SECRET_42" not in stdout + err


def test_a_remote_ref_is_never_fetched(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ir", str(REFS / "spec/remote-ref.yaml"))
    assert code == 0 and "points to a URL, which is not fetched" in err


def test_a_symlinked_doc_in_an_input_folder_is_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs/models/components"
    docs.mkdir(parents=True)
    (tmp_path / "secret.md").write_text(
        "# TOPSECRET\n\n| Field | Type |\n| -- | -- |\n| `x` | y |\n"
    )
    (docs / "leak.md").symlink_to(tmp_path / "secret.md")
    (docs / "mode.md").write_text(
        (Path(__file__).parents[2] / "spec/docs/models/operations/mode.md").read_text()
    )
    code, stdout, err = run(capsys, "ir", "--flavor", "go", str(tmp_path / "docs"))
    assert code == 0, err
    assert "symbolic link to a file outside the input folder; not read" in err
    assert "TOPSECRET" not in stdout + err
