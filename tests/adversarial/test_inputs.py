"""Hostile inputs are bad input: a clean ``path:line:`` error, exit 2, in bounded time and
memory; no file outside the spec's folder is read, and nothing read from one is printed."""

from __future__ import annotations

import json
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
    "deep-flow.yaml": "deep-flow.yaml:4: ",  # the parser's own depth limit or ours
    "huge-integer.yaml": ":8: an integer of 4301 digits; expected at most 1000",
    "huge-integer.json": ":1: an integer of 4301 digits; expected at most 1000",
    "nan-default.json": ":1: NaN is not a JSON value",
    "infinity-enum.json": ":1: Infinity is not a JSON value",
    "inf-example.yaml": ":8: inf is not a JSON number",
    "lone-surrogate.json": ":1: invalid JSON: lone UTF-16 surrogate \\ud800",
    "lone-surrogate-key.json": ":1: invalid JSON: lone UTF-16 surrogate \\udc00",
    "long-ref.yaml": ":7: $ref 'x\\\\x00y.yaml#/z' names a file that cannot be looked up",
    "deep-type-go": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-gomap": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-python": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-typescript": "deep.md:8: type nested deeper than 100 levels",
    "deep-type-php": "deep.md:8: type nested deeper than 100 levels",
}


_CHILD = """
import contextlib, io, json, os, sys, time
from generator.cli import main
results = {}
for case, out in json.loads(sys.argv[1]):
    err = io.StringIO()
    start = time.monotonic()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["generate", "--config", os.devnull, "--spec", case, "--out", out, *sys.argv[2:]])
    results[case] = [code, err.getvalue(), time.monotonic() - start, os.path.exists(out)]
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def bounded_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[object]]:
    """Every case of BOUNDED generated in one process held to MEGABYTES: exit code, stderr, seconds."""
    folder = tmp_path_factory.mktemp("bounded")
    cases = [[str(CASES / case), str(folder / case)] for case in sorted(BOUNDED)]
    targets = [arg for target in ALL_TARGETS for arg in ("--target", target)]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(cases), *targets],
        capture_output=True,
        text=True,
        timeout=SECONDS * len(cases),
        preexec_fn=_bounded,
        env={**os.environ, "SPECLOOM_DEBUG": ""},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    runs: dict[str, list[object]] = json.loads(result.stdout)
    return {Path(case).name: value for case, value in runs.items()}


@pytest.mark.parametrize("case", sorted(BOUNDED))
def test_a_hostile_input_is_a_clean_error_in_bounded_time_and_memory(
    case: str, bounded_runs: dict[str, list[object]], tmp_path: Path
) -> None:
    code, stderr, seconds, wrote = bounded_runs[case]
    assert isinstance(stderr, str) and isinstance(seconds, float)
    assert code == 2, stderr[-2000:]
    assert BOUNDED[case] in stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert all(len(line) <= 2000 for line in stderr.splitlines())
    assert seconds < SECONDS and not wrote


def test_limits_are_settings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    small = str(CASES / "small.yaml")

    def generate(spec: str, settings: str) -> tuple[int, str]:
        config.write_text("[tool.specloom]\ntargets = ['jsonschema']\n" + settings)
        code, _, err = run(capsys, "generate", "--config", str(config), "--spec", spec)
        return code, err

    code, err = generate(small, "[tool.specloom.limits]\nmax-document-bytes = 200\n")
    assert code == 2 and "small.yaml: the file is larger than 200 bytes" in err
    big = str(CASES / "huge-integer.yaml")
    assert generate(big, "")[0] == 2
    code, err = generate(big, "[tool.specloom.limits]\nmax-integer-digits = 5000\n")
    assert code == 0, err  # raised: read as a number, written whole
    assert "9" * 4301 in (tmp_path / "generated/jsonschema/schema.json").read_text()
    code, err = generate(small, "[tool.specloom.limits]\nmax-models = 1\n")
    assert code == 2 and "2 models; expected at most 1" in err
    code, err = generate(small, "[tool.specloom.limits]\nmax-depht = 1\n")
    assert code == 2 and "unknown key 'max-depht'" in err
    code, err = generate(small, "[tool.specloom.limits]\nmax-depth = 0\n")
    assert code == 2 and "max-depth: expected a positive integer" in err


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
