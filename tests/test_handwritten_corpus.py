"""The handwritten reader on the hand-labelled corpus: per-project figures of
``benchmarks/handwritten_score.py`` (the full report is committed beside it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "handwritten_score.py"

FIGURES = {
    # project: (labelled fields, facts right at least, facts wrong at most)
    "action-gh-release": (7, 35, 0),
    "argo-workflows": (14, 70, 0),
    "binance-spot-api-docs": (22, 110, 0),
    "bybit-docs": (14, 70, 0),
    "directus-docs": (11, 55, 0),
    "elastic-helm-charts": (10, 49, 0),
    "ftp-deploy-action": (6, 30, 0),
    "github-pages-deploy-action": (5, 25, 0),
    "gitlab-runner": (15, 75, 0),
    "hexo-site": (14, 67, 1),
    "jitsi-handbook": (10, 49, 1),
    "prettier": (8, 40, 0),
    "ssh-action": (7, 35, 0),
    "tekton-pipeline": (14, 69, 0),
    "traefik": (14, 70, 0),
    "woocommerce-rest-api-docs": (15, 75, 0),
}


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("handwritten_score", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["handwritten_score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(corpus: Path):  # type: ignore[no-untyped-def]
    folder = corpus / "handwritten"
    if not (folder / "expected.json").is_file():
        pytest.skip("corpus/handwritten is absent")
    return _benchmark().score(folder)


@pytest.mark.parametrize("project", sorted(FIGURES))
def test_project_figures(scores, project: str) -> None:  # type: ignore[no-untyped-def]
    fields, right, wrong = FIGURES[project]
    counts = scores.per_project[project]
    assert counts["fields"] == fields
    assert counts["right"] >= right, [n for n in scores.notes if project in n]
    assert counts["wrong"] <= wrong, [n for n in scores.notes if project in n]
    assert counts["missing"] == 0
    assert scores.tables_found[project] == scores.tables[project]


def test_total_goals_and_no_crash(scores) -> None:  # type: ignore[no-untyped-def]
    total = sum(c["fields"] for c in scores.per_project.values()) * 5
    right = sum(c["right"] for c in scores.per_project.values())
    wrong = sum(c["wrong"] for c in scores.per_project.values())
    assert scores.crashes == []
    assert right >= 0.95 * total
    assert wrong <= 0.01 * total


def test_every_gfm_table_of_the_corpus_is_found(corpus: Path) -> None:
    from generator.inputs.handwritten.blocks import read_page

    folder = corpus / "handwritten"
    if not folder.is_dir():
        pytest.skip("corpus/handwritten is absent")
    files = [p for p in folder.rglob("*") if p.suffix in (".md", ".mdx") and p.name != "SOURCES.md"]
    count = sum(len(read_page(p.read_text(encoding="utf-8")).tables) for p in files)
    assert count == 353  # as cmark-gfm counts them (SOURCES.md)
