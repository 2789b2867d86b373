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


def test_conformance_script_on_the_corpus(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert conformance.main([str(corpus)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "TOTAL files=2504 parsed=2504 errors=0 identical=2501"
    heads = [line for line in lines if "flavor=" in line]
    prefix = conformance.display_of(corpus) + "/"
    assert [re.sub(r" time=.*", "", line).removeprefix(prefix) for line in heads] == [
        "dub-go-latest/docs: flavor=go/new files=457 parsed=457 errors=0 identical=456",
        "dub-seed-era/go/docs: flavor=go/old files=313 parsed=313 errors=0 identical=312",
        "dub-seed-era/php/docs: flavor=php files=354 parsed=354 errors=0 identical=354",
        "dub-seed-era/python/docs: flavor=python files=313 parsed=313 errors=0 identical=312",
        "dub-seed-era/ruby/docs: flavor=ruby files=235 parsed=235 errors=0 identical=235",
        "dub-seed-era/typescript/docs: flavor=typescript files=312 parsed=312 errors=0 "
        "identical=312",
        "mistral-ts/docs: flavor=typescript files=520 parsed=520 errors=0 identical=520",
    ]


def test_the_committed_report_is_current(corpus: Path) -> None:
    """``benchmarks/conformance.md`` is what the script writes today (timings aside)."""
    results = [
        conformance.check_tree(tree, f"../shared/corpus/{tree.relative_to(corpus).as_posix()}")
        for tree in conformance.find_trees([corpus])
    ]
    argv = ["--report", "benchmarks/conformance.md", "../shared/corpus"]
    fresh = conformance.report(results, argv, [corpus])

    def untimed(text: str) -> str:
        return re.sub(r" time=[^\n]*", "", text)

    assert untimed(REPORT.read_text(encoding="utf-8")) == untimed(fresh), (
        "benchmarks/conformance.md is stale; run `python benchmarks/conformance.py "
        "--report benchmarks/conformance.md ../shared/corpus` at the project root"
    )


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
    assert out[0].startswith(f"{display}: flavor=php files=2 parsed=1 errors=1 identical=1 time=")
    assert out[1] == (
        f"  {display}/Models/Components/Pet.md:10: unknown type syntax '*person*'; expected a "
        "PHP type such as *string*, *?int*, array<*string*>, array<string, *mixed*> or "
        "[?Ns\\Name](link)"
    )
    assert out[2].startswith(f"  differs: {display}/Models/Components/Pet.md: has problems;")
    assert out[-1] == "TOTAL files=2 parsed=1 errors=1 identical=1"


def test_no_tree_and_the_spec_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert conformance.main([str(tmp_path)]) == 2
    assert "no docs tree found" in capsys.readouterr().err
    # --spec is handed to spec_conformance.py (the OpenAPI side), which says how it is used.
    with pytest.raises(SystemExit):
        conformance.main(["--help", "--spec"])
    assert "SPEC" in capsys.readouterr().out
