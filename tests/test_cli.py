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
}

UNREADABLE_CELLS = {
    "unknown type syntax": ("*string*  ", "<string>  "),
    "dangling link": ("../../models/operations/mode.md", "../../models/operations/nomode.md"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE_CELLS))
def test_an_unreadable_type_cell_is_a_warning_and_the_model_is_kept(
    capsys: pytest.CaptureFixture[str], docs: Path, tmp_path: Path, case: str
) -> None:
    out = tmp_path / "out"
    doc = docs / "models" / "operations" / "trackleadrequestbody.md"
    old, new = UNREADABLE_CELLS[case]
    text = doc.read_text(encoding="utf-8")
    assert old in text
    doc.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _, stderr = run(capsys, "generate", "--spec", str(docs), "--out", str(out))
    assert code == 0, stderr
    warnings = [line for line in stderr.splitlines() if "trackleadrequestbody.md:" in line]
    assert len(warnings) == 1, stderr
    assert ": warning: type cell '" in warnings[0]
    assert warnings[0].endswith("the field is kept with an unknown type (any)")
    assert warnings[0].split(":")[1].isdigit()
    assert any(path.name == "trackleadrequestbody.md" for path in out.rglob("*.md"))


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


@pytest.fixture()
def api(tmp_path: Path) -> Path:
    """A private copy of the project's OpenAPI spec the test may edit."""
    target = tmp_path / "api" / "openapi.yaml"
    target.parent.mkdir()
    shutil.copyfile(SEED_DOCS.parent / "openapi.yaml", target)
    return target


API_RUN = ("--target", "python", "--target", "docs-go", "--spec")
"""The targets these tests look at, whatever the project's config lists; then ``--spec``."""


def change_api(api: Path) -> None:
    """A spec change: one enum value more, one constraint tighter."""
    text = api.read_text(encoding="utf-8")
    text = text.replace(
        "                    - wait\n", "                    - wait\n                    - later\n"
    )
    api.write_text(text.replace("maxLength: 255", "maxLength: 200"), encoding="utf-8")


def test_generate_keeps_the_ir_in_the_manifest(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    manifest = json.loads((out / ".specloom-manifest.json").read_text(encoding="utf-8"))
    names = [d["name"]["name"] for d in manifest["ir"]["definitions"]]
    assert manifest["ir"]["format"] == 1 and names == ["Mode", "TrackLeadRequestBody"]
    assert "line" not in json.dumps(manifest["ir"])  # no line numbers to churn


def test_check_says_what_the_spec_change_does_above_the_diff(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    change_api(api)
    code, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out))
    assert code == 1
    lines = stdout.splitlines()
    summary = lines.index("  operations.Mode (used in requests)")
    assert lines[summary + 1].split() == [
        "non-breaking",
        "value",
        '"later":',
        "added",
        "[request-enum-value-added]",
    ]
    assert (
        "    breaking      field `eventName`: maxLength tightened: 255 -> 200"
        "  [request-constraint-tightened]"
    ) in lines
    assert "  1 breaking and 1 non-breaking changes in 2 models" in lines
    first_diff = next(i for i, line in enumerate(lines) if line.startswith("--- a/"))
    assert summary < first_diff
    assert lines[-1].startswith("specloom check:") and "out of date" in lines[-1]


def test_check_json(capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    code, stdout, _ = run(
        capsys, "check", *API_RUN, str(api), "--out", str(out), "--format", "json"
    )
    assert code == 0 and json.loads(stdout)["up_to_date"] is True
    change_api(api)
    code, stdout, _ = run(
        capsys, "check", *API_RUN, str(api), "--out", str(out), "--format", "json"
    )
    data = json.loads(stdout)
    assert code == data["exit_code"] == 1
    assert data["up_to_date"] is False
    assert data["semantic"]["summary"] == {
        "breaking": 1,
        "may-break": 0,
        "non-breaking": 1,
        "non-semantic": 0,
        "models": 2,
        "endpoints": 0,
    }
    assert [c["kind"] for c in data["semantic"]["changes"]] == [
        "enum-value-added",
        "constraint-tightened",
    ]
    changed = {entry["path"]: entry["diff"] for entry in data["changed"]}
    assert sorted(changed) == [
        "docs-go/models/operations/mode.md",
        "python/models/_schemas.py",
        "python/models/operations.py",
    ]
    assert '+    LATER = "later"' in changed["python/models/operations.py"]
    assert data["added"] == data["removed"] == data["edited_by_hand"] == []


def test_check_names_files_edited_by_hand(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    module = out / "python" / "models" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8") + "# my tweak\n", encoding="utf-8")
    code, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out))
    assert code == 1
    assert (
        f"{out.as_posix()}/python/models/__init__.py: edited by hand since specloom wrote it"
        in stdout
    )
    assert "no semantic change: the differences below come from templates" in stdout
    assert "-# my tweak" in stdout
    code, stdout, _ = run(
        capsys, "check", *API_RUN, str(api), "--out", str(out), "--format", "json"
    )
    assert json.loads(stdout)["edited_by_hand"] == ["python/models/__init__.py"]
    code, _, stderr = run(capsys, "generate", *API_RUN, str(api), "--out", str(out), "--strict")
    assert code == 2 and "was edited by hand since specloom wrote it" in stderr
    assert module.read_text(encoding="utf-8").endswith("# my tweak\n")  # --strict wrote nothing
    code, _, stderr = run(capsys, "generate", *API_RUN, str(api), "--out", str(out))
    assert code == 0
    assert "python/models/__init__.py: warning: was edited by hand" in stderr
    assert not module.read_text(encoding="utf-8").endswith("# my tweak\n")


def test_check_without_a_snapshot_still_diffs(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path
) -> None:
    """An out folder written by an older specloom has no IR in its manifest."""
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    manifest = out / ".specloom-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["ir"]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    change_api(api)
    code, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out))
    assert code == 1
    assert "holds no IR snapshot" in stdout and '+    LATER = "later"' in stdout


@pytest.mark.parametrize("cache", [True, False], ids=["cached", "no-cache"])
def test_check_counts_a_manifest_edited_by_hand(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path, cache: bool
) -> None:
    """Every generated file matches, yet the committed manifest is not the one ``generate``
    writes (one hash in its listing edited, then the manifest removed): check fails naming it,
    and ``generate`` puts it back."""
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    manifest = out / ".specloom-manifest.json"
    written = manifest.read_text(encoding="utf-8")
    files = json.loads(written)["files"]
    path = sorted(files)[0]
    edited = written.replace(files[path], "0" * 64, 1)
    assert edited != written
    manifest.write_text(edited, encoding="utf-8")
    extra = () if cache else ("--no-cache",)
    code, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out), *extra)
    assert code == 1, stdout
    assert "--- a/.specloom-manifest.json (committed)" in stdout
    assert f'+    "{path}": "{files[path]}",' in stdout
    assert "1 changed, 0 to add, 0 to remove" in stdout
    manifest.unlink()
    code, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out), *extra)
    assert code == 1 and f"would add {out.as_posix()}/.specloom-manifest.json" in stdout
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out), *extra)[0] == 0
    assert manifest.read_text(encoding="utf-8") == written
    assert run(capsys, "check", *API_RUN, str(api), "--out", str(out), *extra)[0] == 0


def test_check_colours_the_diff_when_asked(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", *API_RUN, str(api), "--out", str(out))[0] == 0
    change_api(api)
    _, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out), "--color", "always")
    assert '\033[32m+    LATER = "later"\033[0m' in stdout
    _, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out))
    assert "\033[" not in stdout


def test_an_internal_error_is_exit_70_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("generator.commands.ir.run", broken)
    monkeypatch.delenv("SPECLOOM_DEBUG", raising=False)
    code, _, stderr = run(capsys, "ir", "spec")
    assert code == 70
    assert "internal error: RuntimeError: boom" in stderr and "Traceback" not in stderr


def test_check_of_an_out_folder_never_generated(
    capsys: pytest.CaptureFixture[str], api: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "check", *API_RUN, str(api), "--out", str(out))
    assert code == 1
    assert "was never generated (no .specloom-manifest.json)" in stdout
    assert f"would add {out.as_posix()}/python/models/operations.py" in stdout


def test_input_warnings_are_printed_and_fail_only_with_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A:\n      allOf:\n        - type: object\n          properties: {a: {type: string}}\n"
        "        - type: string\n",
        encoding="utf-8",
    )
    code, stdout, stderr = run(capsys, "ir", str(spec))
    assert code == 0 and json.loads(stdout)["definitions"]
    [line] = stderr.splitlines()
    assert line.startswith(f"{spec.as_posix()}:7: warning: allOf combines schemas")
    out = tmp_path / "out"
    args = ["--spec", str(spec), "--out", str(out), "--target", "python"]
    code, _, stderr = run(capsys, "generate", *args, "--strict")
    assert code == 2 and "(an error with --strict)" in stderr
    assert not out.exists()
    code, _, stderr = run(capsys, "generate", *args)
    assert code == 0 and ":7: warning: allOf" in stderr


def test_naming_option_picks_speakeasys_convention(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /chat:\n    post:\n"
        "      operationId: chat\n      requestBody:\n        content:\n          application/json:\n"
        "            schema:\n              type: object\n              properties:\n"
        "                messages:\n                  type: array\n                  items:\n"
        "                    type: object\n                    properties:\n"
        "                      role: {type: string}\n",
        encoding="utf-8",
    )

    def names(*options: str) -> list[str]:
        code, stdout, _ = run(capsys, "ir", str(spec), *options)
        assert code == 0
        return sorted(d["name"]["name"] for d in json.loads(stdout)["definitions"])

    assert names() == ["ChatRequestBody", "Messages"]
    assert names("--naming", "speakeasy-2025") == ["ChatRequestBody", "Message"]
