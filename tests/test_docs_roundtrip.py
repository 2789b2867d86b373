"""The docs targets give back what they read byte for byte: the seed, the spec, every corpus tree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.inputs.collect import read_inputs
from generator.render.renderer import render
from generator.render.targets import Options

SEED_FILES = ["models/operations/trackleadrequestbody.md", "models/operations/mode.md"]


def docs_go(*paths: Path) -> dict[str, str]:
    files = render(read_inputs(list(paths)), ["docs-go"], Options())
    return {path.removeprefix("docs-go/"): text for path, text in files.items()}


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_round_trips_byte_for_byte(seed: Path, name: str) -> None:
    rendered = docs_go(seed)
    assert rendered[name].encode("utf-8") == (seed / name).read_bytes()


@pytest.mark.parametrize("name", SEED_FILES)
def test_project_spec_docs_round_trip(project: Path, name: str) -> None:
    docs = project / "spec" / "docs"
    assert docs_go(docs)[name].encode("utf-8") == (docs / name).read_bytes()


@pytest.mark.parametrize("name", SEED_FILES)
def test_openapi_spec_renders_the_same_docs(project: Path, name: str) -> None:
    """The Go names (``ClickID``) and pointers come from the IR alone, not from echoed text."""
    from_spec = docs_go(project / "spec" / "openapi.yaml")
    assert from_spec[name].encode("utf-8") == (project / "spec" / "docs" / name).read_bytes()


# --- every corpus tree, written back by the target of its flavor ----------------------------

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import conformance  # noqa: E402

CORPUS_TREES = {
    # tree: (flavor, files, identical, files that cannot come back and why)
    "dub-seed-era/go/docs": (
        "go/old",
        313,
        312,
        {"models/operations/option.md": "not a model doc: the SDK's call-options page"},
    ),
    "dub-go-latest/docs": (
        "go/new",
        457,
        456,
        {"models/operations/option.md": "not a model doc: the SDK's call-options page"},
    ),
    "dub-seed-era/python/docs": (
        "python",
        313,
        312,
        {"models/utils/retryconfig.md": "not a model doc: the SDK's retry-configuration page"},
    ),
    "dub-seed-era/typescript/docs": ("typescript", 312, 312, {}),
    "dub-seed-era/php/docs": ("php", 354, 354, {}),
    "dub-seed-era/ruby/docs": ("ruby", 235, 235, {}),
    "mistral-ts/docs": ("typescript", 520, 520, {}),
}


@pytest.mark.parametrize("tree", sorted(CORPUS_TREES))
def test_corpus_tree_reads_without_errors_and_comes_back_byte_for_byte(
    corpus: Path, tree: str
) -> None:
    flavor, files, identical, differing = CORPUS_TREES[tree]
    result = conformance.check_tree(corpus / tree, tree)
    assert [str(problem) for problem in result.problems] == []
    assert (result.flavor, result.files, result.parsed) == (flavor, files, files)
    assert result.identical == identical
    assert dict(result.differences) == {f"{tree}/{name}": why for name, why in differing.items()}
    assert result.identical / result.files >= 0.995


def _write(files: dict[str, str], root: Path) -> None:
    for path, text in files.items():
        target = root / path.removeprefix("docs-go/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_old_go_docs_convert_to_the_new_style_and_back(corpus: Path, tmp_path: Path) -> None:
    """``--go-style new`` rewrites the type cells; reading that gives the same IR back."""
    root = corpus / "dub-seed-era" / "go" / "docs"
    first = read_inputs([root / "models"])
    _write(render(first, ["docs-go"], Options(go_style="new")), tmp_path)
    second = read_inputs([tmp_path / "models"])
    assert {d.docs_flavor.style for d in second.definitions if d.docs_flavor} == {"new"}
    again = render(second, ["docs-go"], Options(go_style="old"))
    same = sum(
        (root / path.removeprefix("docs-go/")).read_text(encoding="utf-8") == text
        for path, text in again.items()
    )
    assert same == len(again) == len(first.definitions) == 312


def test_new_go_docs_in_the_old_style_lose_only_what_it_cannot_show(
    corpus: Path, tmp_path: Path
) -> None:
    """The old style shows no pointer on required fields and no enum examples: only those go."""
    root = corpus / "dub-go-latest" / "docs"
    first = read_inputs([root / "models"])
    old = render(first, ["docs-go"], Options(go_style="old"))
    _write(old, tmp_path)
    second = read_inputs([tmp_path / "models"])
    assert render(second, ["docs-go"], Options()) == old
    again = render(second, ["docs-go"], Options(go_style="new"))
    lost = set()
    for path, text in again.items():
        real = (root / path.removeprefix("docs-go/")).read_text(encoding="utf-8")
        if real != text:
            lost.add(path)
    explained = {
        path
        for path in again
        if "## Example Usage" in (root / path.removeprefix("docs-go/")).read_text(encoding="utf-8")
        or any(
            ("`*" in line or "[*" in line) and ":heavy_check_mark:" in line
            for line in (root / path.removeprefix("docs-go/"))
            .read_text(encoding="utf-8")
            .split("\n")
        )
    }
    assert lost and lost <= explained
    assert len(again) - len(lost) == 262
