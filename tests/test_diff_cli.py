"""``specloom diff`` for CI: formats, suppressions, ``REV:PATH`` sides, and the dub specs."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import diff_schemas
from generator.diff.changes import Change, Impact
from generator.diff.report import github_report
from generator.inputs.collect import read_inputs
from generator.ir import Location, TypeName

OLD = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /links:
    get:
      operationId: listLinks
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Link'}
components:
  schemas:
    Link:
      type: object
      required: [url]
      properties:
        url: {type: string}
"""
NEW = OLD.replace("required: [url]", "required: []").replace(
    "        url: {type: string}", "        url: {type: string}\n        title: {type: string}"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_text_names_rule_and_direction(
    capsys: pytest.CaptureFixture[str], sides: tuple[Path, Path]
) -> None:
    code, out, _ = run(capsys, "diff", *map(str, sides))
    assert code == 3
    assert "components.Link (used in responses)" in out
    assert (
        "  breaking      field `url`: became optional  [response-property-became-optional]" in out
    )


def test_markdown_is_a_table(capsys: pytest.CaptureFixture[str], sides: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, "diff", *map(str, sides), "--format", "markdown")
    assert code == 3
    assert "| level | model or endpoint | change | direction | rule |" in out
    assert (
        "| breaking | `components.Link` | field `url`: became optional | response | `response-property-became-optional` |"
        in out
    )


def test_github_annotations_point_at_the_new_specs_lines(
    capsys: pytest.CaptureFixture[str], sides: tuple[Path, Path]
) -> None:
    code, out, _ = run(capsys, "diff", *map(str, sides), "--format", "github")
    assert code == 3
    lines = out.splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    line = NEW.splitlines().index("        url: {type: string}") + 1
    assert error.startswith(
        f"::error file={sides[1].as_posix()},line={line},title=breaking%3A response-property-became-optional::"
    )
    assert any(line.startswith("::notice ") for line in lines)


def test_github_escapes_workflow_command_characters() -> None:
    change = Change(
        TypeName("components", "A"),
        "field `x`",
        "field-removed",
        Impact.BREAKING,
        "50%\nremoved\r::error::",
        rule="response-property-removed",
        location=Location("a,b:c.yaml", 3),
    )
    [line] = github_report([change], "a,b:c.yaml", ("a,b:c.yaml",)).splitlines()
    assert line == (
        "::error file=a%2Cb%3Ac.yaml,line=3,title=breaking%3A response-property-removed::"
        "components.A field `x`: 50%25%0Aremoved%0D::error::"
    )


def test_accepted_changes_are_lowered_and_stale_entries_reported(
    capsys: pytest.CaptureFixture[str], sides: tuple[Path, Path], tmp_path: Path
) -> None:
    accept = tmp_path / "accepted.yaml"
    accept.write_text(
        "- rule: response-property-became-optional\n  model: components.Link\n"
        "  subject: field `url`\n  reason: clients handle a missing url\n"
        "- rule: endpoint-removed\n  endpoint: GET /gone\n  reason: old\n"
        "- rule: request-property-removed\n  model: components.Link\n  reason: x\n"
        "  expires: 2001-01-01\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "diff", *map(str, sides), "--accept", str(accept), "--format", "json"
    )
    data = json.loads(out)
    assert code == data["exit_code"] == 1
    [accepted] = [c for c in data["changes"] if c["accepted"]]
    assert (accepted["rule"], accepted["level"], accepted["accepted"]) == (
        "response-property-became-optional",
        "non-breaking",
        "clients handle a missing url",
    )
    assert (
        f"{accept.as_posix()}:5: warning: accepted change matches nothing: endpoint-removed" in err
    )
    assert f"{accept.as_posix()}:8: warning: accepted change expired on 2001-01-01" in err


def test_the_config_names_the_suppressions_file(
    capsys: pytest.CaptureFixture[str], sides: tuple[Path, Path], tmp_path: Path
) -> None:
    (tmp_path / "accepted.yaml").write_text(
        "- {rule: response-property-became-optional, model: components.Link, reason: ok}\n",
        encoding="utf-8",
    )
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.specloom]\ndiff-accept = "accepted.yaml"\n', encoding="utf-8")
    code, _, _ = run(capsys, "diff", *map(str, sides), "--config", str(config))
    assert code == 1


def test_a_malformed_suppressions_file_is_bad_input(
    capsys: pytest.CaptureFixture[str], sides: tuple[Path, Path], tmp_path: Path
) -> None:
    accept = tmp_path / "accepted.yaml"
    accept.write_text(
        "- rule: no-such-rule\n  model: components.Link\n  reason: x\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "diff", *map(str, sides), "--accept", str(accept))
    assert code == 2
    assert f"{accept.as_posix()}:1: unknown rule 'no-such-rule'" in err


def test_a_side_may_be_read_from_git(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "spec").mkdir(parents=True)
    spec = repo / "spec" / "openapi.yaml"
    spec.write_text(OLD, encoding="utf-8")
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "old"], check=True)
    spec.write_text(NEW, encoding="utf-8")
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "diff", "HEAD:spec/openapi.yaml", "spec/openapi.yaml")
    assert code == 3
    assert out.splitlines()[-1].startswith(
        "specloom diff: HEAD:spec/openapi.yaml -> spec/openapi.yaml:"
    )
    code, _, err = run(capsys, "diff", "nosuchrev:spec/openapi.yaml", "spec/openapi.yaml")
    assert (
        code == 2
        and "nosuchrev:spec/openapi.yaml: no such file or folder, nor a git revision" in err
    )


def test_the_dub_spec_against_itself_and_its_own_go_docs(corpus: Path) -> None:
    era = corpus / "dub-seed-era"
    spec = read_inputs([era / "openapi.yaml"])
    assert diff_schemas(spec, spec) == []
    go = read_inputs([era / "go" / "docs" / "models"])
    semantic = [c for c in diff_schemas(spec, go) if c.impact is not Impact.NON_SEMANTIC]
    assert semantic == []
