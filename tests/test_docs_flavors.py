"""Five flavors of one API agree; one translates into another; the conformance script reports it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import conformance  # noqa: E402
import flavor_agreement  # noqa: E402

REPORT = BENCHMARKS / "conformance.md"


@pytest.fixture(scope="module")
def figures(corpus: Path) -> tuple[flavor_agreement.Agreement, list[flavor_agreement.Translation]]:
    return flavor_agreement.measure(corpus)


def test_the_five_seed_era_flavors_agree_on_at_least_98_percent_of_fields(
    figures: tuple[flavor_agreement.Agreement, list[flavor_agreement.Translation]],
) -> None:
    agreement, _ = figures
    assert (agreement.models, agreement.fields, agreement.agreeing) == (354, 4135, 4069)
    assert agreement.share >= 0.98
    # Go, Python, TypeScript and PHP (one generator version) agree on every field.
    for pair, count in agreement.pairs.items():
        if "ruby" not in pair:
            assert agreement.pair_agreeing[pair] == count, pair
    # Every disagreement is with the older Ruby tree, and each kind is explained.
    assert {kind.split(" ", 1)[0].split("~")[1] for kind in agreement.reasons} == {"ruby"}
    explained = "\n".join(flavor_agreement.explain(*figures))
    assert "unexplained" not in explained


def test_go_docs_translate_to_python_and_typescript(
    figures: tuple[flavor_agreement.Agreement, list[flavor_agreement.Translation]],
) -> None:
    _, translations = figures
    found = {t.target: (t.files, t.identical_files, t.rows, t.identical_rows) for t in translations}
    assert found == {
        "python": (312, 242, 4976, 4353),
        "typescript": (312, 17, 3961, 3961),
    }


def test_fields_compare_only_on_facts_both_flavors_carry() -> None:
    from generator.ir import Field, Location, Primitive, PrimitiveKind

    where = Location("x.md", 1)
    integer = Field("n", Primitive(PrimitiveKind.INTEGER), True, None, where)
    number = Field("n", Primitive(PrimitiveKind.NUMBER), True, False, where)
    assert flavor_agreement.compare_fields("typescript", number, "go", integer) == []
    assert flavor_agreement.compare_fields("python", number, "go", integer) == [
        "type: number vs integer"
    ]


REPRESENTATIVE = (
    "dub-go-latest/docs",
    "dub-seed-era/go/docs",
    "dub-seed-era/php/docs",
    "dub-seed-era/python/docs",
    "dub-seed-era/ruby/docs",
    "dub-seed-era/typescript/docs",
    "mistral-ts/docs",
    "zoo/authlete-authlete-ruby-sdk-ruby/docs",
    "zoo/benzinga-bz-java-client-java/docs",
    "zoo/boltapp-bolt-python-sdk-python/docs",
    "zoo/gr4vy-gr4vy-csharp-csharp/docs",
    "zoo/gr4vy-gr4vy-java-java/docs",
    "zoo/speakeasy-sdks-moov-go-go/docs/pkg",
    "zoo/speakeasy-sdks-netevia-csharp-sdk-csharp/docs",
    "zoo/speakeasy-sdks-tigris-php-sdk-php/docs",
)
"""Trees the test suite re-reads (every language, the 2023 and the 2026 generators, every
layout); the committed report covers every tree and is checked for staleness cheaply."""


def _untimed(line: str) -> str:
    return re.sub(r" time=.*", "", line)


def _report_heads() -> dict[str, str]:
    """The committed report's line of each tree, without timings, by tree (relative to the corpus)."""
    heads = {}
    for line in REPORT.read_text(encoding="utf-8").splitlines():
        if "flavor=" in line and not line.startswith(" "):
            tree = line.split(": flavor=", 1)[0].removeprefix("../shared/corpus/")
            heads[tree] = _untimed(line).removeprefix("../shared/corpus/")
    return heads


def test_conformance_script_on_the_corpus(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Representative trees read with 0 errors and give the per-tree figures of the report."""
    trees = [corpus / tree for tree in REPRESENTATIVE if (corpus / tree).is_dir()]
    assert conformance.main([str(tree) for tree in trees]) == 0
    lines = capsys.readouterr().out.splitlines()
    prefix = conformance.display_of(corpus) + "/"
    heads = [_untimed(line).removeprefix(prefix) for line in lines if "flavor=" in line]
    committed = _report_heads()
    assert heads == [committed[tree.relative_to(corpus).as_posix()] for tree in trees]
    assert all(" errors=0 " in head for head in heads)
    assert lines[-1].startswith("TOTAL ")


def test_the_committed_report_is_current(corpus: Path) -> None:
    """``benchmarks/conformance.md`` lists every docs tree of the corpus with its file count,
    0 errors everywhere, and a TOTAL that adds up (the full sweep runs in the benchmark)."""
    committed = _report_heads()
    trees = conformance.find_trees([corpus])
    assert sorted(committed) == sorted(tree.relative_to(corpus).as_posix() for tree in trees), (
        "benchmarks/conformance.md is stale; run `python benchmarks/conformance.py "
        "--report benchmarks/conformance.md ../shared/corpus` at the project root"
    )
    totals = dict.fromkeys(("files", "parsed", "errors", "warnings", "identical"), 0)
    for tree in trees:
        head = committed[tree.relative_to(corpus).as_posix()]
        figures = dict(re.findall(r" (files|parsed|errors|warnings|identical)=(\d+)", head))
        assert int(figures["files"]) == len(conformance.tree_files(tree)), head
        assert figures["errors"] == "0", head
        for key in totals:
            totals[key] += int(figures[key])
    total = " ".join(f"{key}={value}" for key, value in totals.items())
    assert f"TOTAL {total}" in REPORT.read_text(encoding="utf-8").splitlines()


def test_a_tree_never_seen_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = tmp_path / "sdk" / "docs"
    (tree / "Models" / "Components").mkdir(parents=True)
    (tree / "Models" / "Components" / "Pet.md").write_text(
        "# Pet\n\n\n## Fields\n\n| Field | Type | Required | Description |\n"
        "| ------------------ | ------------------ | ------------------ | ------------------ |\n"
        "| `name`             | *string*           | :heavy_check_mark: | N/A                |\n"
        "| `age`              | *?int*             | :heavy_minus_sign: | N/A                |\n"
        "| `owner`            | *person*           | :heavy_check_mark: | N/A                |",
        encoding="utf-8",
    )
    (tree / "Models" / "Components" / "Kind.md").write_text(
        "# Kind\n\n\n## Values\n\n| Name  | Value |\n| ----- | ----- |\n"
        "| `Cat` | cat   |\n| `Dog` | dog   |",
        encoding="utf-8",
    )
    assert conformance.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    display = conformance.display_of(tree)
    assert out[0].startswith(
        f"{display}: flavor=php files=2 parsed=2 errors=0 warnings=1 identical=1 time="
    )
    assert out[1] == "  facts: enum-table 1/0, no-example-usage 2/0"
    assert out[2] == (
        f"  warning: {display}/Models/Components/Pet.md:10: type cell '*person*' of "
        "field 'owner' cannot be read (unknown type syntax '*person*'; expected a "
        "PHP type such as *string*, *?int*, array<*string*>, array<string, *mixed*> or "
        "[?Ns\\Name](link)); the field is kept with an unknown type (any)"
    )
    assert out[3].startswith(f"  differs: {display}/Models/Components/Pet.md: line 6 differs")
    assert out[-1] == "TOTAL files=2 parsed=2 errors=0 warnings=1 identical=1"


def test_no_tree_and_the_spec_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert conformance.main([str(tmp_path)]) == 2
    assert "no docs tree found" in capsys.readouterr().err
    # --spec is handed to spec_conformance.py (the OpenAPI side), which says how it is used.
    with pytest.raises(SystemExit):
        conformance.main(["--help", "--spec"])
    assert "SPEC" in capsys.readouterr().out


def test_the_readme_figure_is_the_committed_reports() -> None:
    """README's round-trip share and tree count are those of ``benchmarks/conformance.md``,
    which also states the read time per 1,000 docs."""
    text = REPORT.read_text(encoding="utf-8")
    total = re.search(r"^TOTAL files=(\d+) .* identical=(\d+)$", text, re.MULTILINE)
    assert total is not None
    assert re.search(r"^READ \d+ docs in [\d.]+s: \d+ ms per 1,000 docs", text, re.MULTILINE)
    share = 100 * int(total.group(2)) / int(total.group(1))
    trees = len(_report_heads())
    readme = " ".join((BENCHMARKS.parent / "README.md").read_text(encoding="utf-8").split())
    assert f"{share:.1f} % of the docs of {trees} real SDK trees" in readme
