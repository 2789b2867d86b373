"""The command line as a user meets it: generate, check (exit 0/1/2), ir, and bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

SEED_DOCS = Path(__file__).resolve().parent.parent / "spec" / "docs"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    """A private copy of the seed docs the test may edit."""
    target = tmp_path / "docs"
    shutil.copytree(SEED_DOCS, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generate_then_check_is_clean(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "generate", "--spec", str(docs), "--out", str(out))
    assert code == 0, stdout
    assert (out / "python" / "models" / "operations.py").is_file()
    assert (out / "docs-go" / "models" / "operations" / "mode.md").is_file()
    code, stdout, _ = run(capsys, "check", "--spec", str(docs), "--out", str(out))
    assert code == 0
    assert "up to date" in stdout


def test_check_reports_drift_with_a_diff_and_exit_1(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", "--spec", str(docs), "--out", str(out))[0] == 0
    mode = docs / "models" / "operations" / "mode.md"
    mode.write_text(
        mode.read_text(encoding="utf-8").replace(
            "| `ModeWait`  | wait        |",
            "| `ModeWait`  | wait        |\n| `ModeLater` | later       |",
        ),
        encoding="utf-8",
    )
    code, stdout, _ = run(capsys, "check", "--spec", str(docs), "--out", str(out))
    assert code == 1
    assert "--- a/python/models/operations.py (committed)" in stdout
    assert '+    LATER = "later"' in stdout
    assert "out of date" in stdout


def test_check_lists_files_to_add_and_remove(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert (
        run(capsys, "generate", "--spec", str(docs), "--out", str(out), "--package", "old")[0] == 0
    )
    code, stdout, _ = run(
        capsys, "check", "--spec", str(docs), "--out", str(out), "--package", "new"
    )
    assert code == 1
    assert "would add" in stdout and "python/new/operations.py" in stdout
    assert "would remove" in stdout and "python/old/operations.py" in stdout


def test_generate_removes_files_it_wrote_but_keeps_user_files(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert (
        run(capsys, "generate", "--spec", str(docs), "--out", str(out), "--package", "old")[0] == 0
    )
    (out / "python" / "NOTES.md").write_text("mine", encoding="utf-8")
    assert (
        run(capsys, "generate", "--spec", str(docs), "--out", str(out), "--package", "new")[0] == 0
    )
    assert not (out / "python" / "old").exists()
    assert (out / "python" / "new" / "operations.py").is_file()
    assert (out / "python" / "NOTES.md").read_text(encoding="utf-8") == "mine"


def test_generate_never_overwrites_a_file_it_did_not_write(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    mine = out / "python" / "models" / "operations.py"
    mine.parent.mkdir(parents=True)
    mine.write_text("# my own module\n", encoding="utf-8")
    code, _, stderr = run(capsys, "generate", "--spec", str(docs), "--out", str(out))
    assert code == 2
    assert "was not written by specloom" in stderr
    assert mine.read_text(encoding="utf-8") == "# my own module\n"
    assert snapshot(out) == {"python/models/operations.py": b"# my own module\n"}


BAD_ROWS = {
    "ragged table": ("| `ClickID`", "| `ClickID` | extra "),
    "unknown Required marker": (":heavy_check_mark:  ", ":yes:              "),
    "unknown type syntax": ("*string*  ", "<string>  "),
    "dangling link": ("../../models/operations/mode.md", "../../models/operations/nomode.md"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_bad_markdown_exits_2_with_file_and_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path, case: str
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", "--spec", str(docs), "--out", str(out))[0] == 0
    before = snapshot(out)
    doc = docs / "models" / "operations" / "trackleadrequestbody.md"
    old, new = BAD_ROWS[case]
    text = doc.read_text(encoding="utf-8")
    assert old in text
    doc.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _, stderr = run(capsys, "generate", "--spec", str(docs), "--out", str(out))
    assert code == 2
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert lines, "no problem reported"
    for line in lines:
        assert ":" in line
    assert any(
        "trackleadrequestbody.md:" in line and line.split(":")[1].isdigit() for line in lines
    ), stderr
    assert snapshot(out) == before
    assert run(capsys, "check", "--spec", str(docs), "--out", str(out))[0] == 2


def test_bad_openapi_exits_2_with_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    post: [unclosed\n",
        encoding="utf-8",
    )
    code, _, stderr = run(capsys, "generate", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "api.yaml:" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "out").exists()


def test_missing_ref_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A:\n      type: object\n      properties:\n        b:\n          $ref: '#/components/schemas/B'\n",
        encoding="utf-8",
    )
    code, _, stderr = run(capsys, "check", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "api.yaml:10:" in stderr
    assert "#/components/schemas/B" in stderr


def test_unknown_target_and_missing_spec_are_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, stderr = run(
        capsys,
        "generate",
        "--spec",
        str(tmp_path / "nope"),
        "--target",
        "cobol",
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 2
    assert "unknown target 'cobol'" in stderr


def test_ir_prints_json(capsys: pytest.CaptureFixture[str], docs: Path) -> None:
    code, stdout, _ = run(capsys, "ir", str(docs))
    assert code == 0
    data = json.loads(stdout)
    names = [d["name"]["name"] for d in data["definitions"]]
    assert names == ["Mode", "TrackLeadRequestBody"]
    body = data["definitions"][1]
    assert body["fields"][0]["name"] == "clickId"
    assert body["fields"][0]["type"] == {"node": "Primitive", "kind": "string"}


def test_generate_is_deterministic(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path
) -> None:
    assert run(capsys, "generate", "--spec", str(docs), "--out", str(tmp_path / "a"))[0] == 0
    assert run(capsys, "generate", "--spec", str(docs), "--out", str(tmp_path / "b"))[0] == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_python_dash_m_generator_and_console_script_agree(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(project)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
