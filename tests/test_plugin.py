"""The pytest plugin as a template author meets it: golden files, --specloom-update, readable diffs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# In-process pytester runs drop modules first imported inside them; import what the plugin
# uses here, so the inner runs and the rest of the session share the same modules.
import generator.inputs.markdown
import generator.inputs.openapi
import generator.pytest_plugin  # noqa: F401

DOCS = Path(__file__).resolve().parent.parent / "spec" / "docs"

USER_TEST = """
def test_house_style(specloom_snapshot):
    specloom_snapshot.assert_match(
        "docs-go", spec="docs", templates=["templates"], golden="golden/docs-go"
    )
"""


@pytest.fixture()
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A user's project: docs, one custom template, a snapshot test; the plugin given with -p."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # load it once, from -p below
    shutil.copytree(DOCS, pytester.path / "docs")
    template = pytester.path / "templates" / "docs-go" / "enum.md.jinja"
    template.parent.mkdir(parents=True)
    template.write_text(
        '{% include "builtin/docs-go/enum.md.jinja" %}\nHouse footer.\n', encoding="utf-8"
    )
    pytester.makepyfile(test_user=USER_TEST)
    return pytester


def run(project: pytest.Pytester, *args: str) -> pytest.RunResult:
    return project.runpytest_inprocess("-p", "generator.pytest_plugin", *args)


def test_missing_golden_files_fail_until_updated(project: pytest.Pytester) -> None:
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "specloom snapshot: the rendered output differs from the golden files in *golden*docs-go"
            " (0 changed, 2 not in golden, 0 no longer rendered)",
            "not in golden: models/operations/mode.md",
            "not in golden: models/operations/trackleadrequestbody.md",
            "If the new output is right, run pytest with --specloom-update and review the change.",
        ]
    )
    run(project, "--specloom-update").assert_outcomes(passed=1)
    golden = project.path / "golden" / "docs-go" / "models" / "operations"
    assert (golden / "mode.md").read_text(encoding="utf-8").endswith("House footer.\n")
    run(project).assert_outcomes(passed=1)


def test_a_template_change_fails_with_a_unified_diff(project: pytest.Pytester) -> None:
    run(project, "--specloom-update").assert_outcomes(passed=1)
    template = project.path / "templates" / "docs-go" / "enum.md.jinja"
    template.write_text(
        template.read_text(encoding="utf-8").replace("House footer.", "New footer."),
        encoding="utf-8",
    )
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*(1 changed, 0 not in golden, 0 no longer rendered)",
            "--- golden/models/operations/mode.md",
            "+++ rendered/models/operations/mode.md",
            "@@ *",
            "-*House footer.",
            "+*New footer.",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_update_removes_golden_files_no_longer_rendered(project: pytest.Pytester) -> None:
    run(project, "--specloom-update").assert_outcomes(passed=1)
    stale = project.path / "golden" / "docs-go" / "models" / "old" / "gone.md"
    stale.parent.mkdir()
    stale.write_text("old\n", encoding="utf-8")
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["no longer rendered: models/old/gone.md"])
    run(project, "--specloom-update").assert_outcomes(passed=1)
    assert not stale.parent.exists()
    run(project).assert_outcomes(passed=1)


def test_bad_input_fails_with_the_problem_lines(project: pytest.Pytester) -> None:
    template = project.path / "templates" / "docs-go" / "enum.md.jinja"
    template.write_text("{{ model.nmae }}\n", encoding="utf-8")
    result = run(project, "--specloom-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["specloom could not render:", "*enum.md.jinja:1: undefined name*"])
    assert not (project.path / "golden").exists()


def test_the_flag_is_in_pytest_help(project: pytest.Pytester) -> None:
    result = run(project, "--help")
    result.stdout.fnmatch_lines(["*--specloom-update*"])
