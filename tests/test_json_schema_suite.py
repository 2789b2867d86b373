"""The official JSON Schema Test Suite (draft 2020-12, core) through the ``python`` target.

The whole core suite is one OpenAPI document generated in one run
(``benchmarks/json_schema_suite.py`` does the wrapping); each test's verdict
is compared with ``tests/fixtures/json_schema_suite/baseline.json``.  A test
the baseline passes and the generated validators now get wrong fails here;
so does a failure the generator gave no warning for (a silent one).
Regenerate the baseline after an improvement with
``python benchmarks/json_schema_suite.py SUITE --sections core --no-peers
--write-baseline tests/fixtures/json_schema_suite/baseline.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
BASELINE = Path(__file__).resolve().parent / "fixtures" / "json_schema_suite" / "baseline.json"


@pytest.fixture(scope="module")
def harness():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import json_schema_suite
    finally:
        sys.path.remove(str(BENCHMARKS))
    return json_schema_suite


@pytest.fixture(scope="module")
def suite(corpus: Path) -> Path:
    folder = corpus / "json-schema-test-suite"
    if not (folder / "tests" / "draft2020-12").is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


def test_core_suite_has_no_regression(harness, suite: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    groups = harness.load_groups(suite, "core")
    generated, _ = harness.generate(groups, tmp_path, suite, "annotate", "suite_core_test")
    now = harness.outcomes(groups, generated.validators)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert set(now) == set(baseline), "the suite changed; regenerate the baseline"
    regressions = sorted(name for name, passed in baseline.items() if passed and not now[name])
    assert not regressions, "tests the baseline passes now fail:\n" + "\n".join(regressions)
    share = sum(now.values()) / len(now)
    assert share >= 0.995, f"core suite pass rate {share:.1%} < 99.5 %"
    failing = {name.split(" :: ")[1] for name, passed in now.items() if not passed}
    silent = [g.description for g in groups if g.description in failing and g.ident not in generated.warned]
    assert not silent, f"failures without a warning: {silent}"


def test_formats_are_asserted_or_annotations(harness, suite: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    groups = [g for g in harness.load_groups(suite, "format") if g.file.endswith(("/email.json", "/date-time.json", "/uuid.json"))]
    asserted, _ = harness.generate(groups, tmp_path / "assert", suite, "assert", "suite_fmt_assert")
    annotated, _ = harness.generate(groups, tmp_path / "annotate", suite, "annotate", "suite_fmt_annotate")
    results = harness.outcomes(groups, asserted.validators)
    assert sum(results.values()) / len(results) >= 0.95
    annotations = harness.outcomes(groups, annotated.validators)
    invalid = [name for g in groups for (d, _, valid) in g.tests if not valid for name in [f"{g.file} :: {g.description} :: {d}"]]
    assert invalid and not any(annotations[name] for name in invalid)  # annotations accept them all
