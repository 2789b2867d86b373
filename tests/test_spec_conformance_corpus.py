"""Agreement of docs trees with the spec beside them: a representative slice of the corpus.

The whole corpus is measured by ``python benchmarks/spec_conformance.py --all ../shared/corpus``
(report ``benchmarks/spec_conformance.md``).  The figures asserted here are those under the
naming and wrapper style *inferred* from each tree (``generator.inputs.markdown.sdk_style``),
never the best-of search (the report's upper bound), and the inferred style is asserted too.
These trees cover no wrappers, metadata fields with error bodies, the ``HTTPMeta`` envelope with
error suffixes and an ``apierrors`` folder, the 2022 and 2025 namings (from gen.yaml and from the docs alone), five languages and the
``docs/pkg/models`` and ``docs/Models`` layouts.  The floors are the figures measured when they were set: a
regression fails.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def load_spec_conformance() -> ModuleType:
    if "spec_conformance" in sys.modules:
        return sys.modules["spec_conformance"]
    path = PROJECT / "benchmarks" / "spec_conformance.py"
    spec = importlib.util.spec_from_file_location("spec_conformance", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_conformance"] = module
    spec.loader.exec_module(module)
    return module


# tree (below the corpus), spec beside it, floors in %: doc models found in the spec,
# spec models found in the docs, fields agreeing; words the inferred style must name
SLICE = [
    ("dub-seed-era/go/docs/models", "dub-seed-era/openapi.yaml", 99.6, 99.6, 99.8, "no wrappers"),
    (
        "dub-seed-era/ruby/docs/models",
        "dub-seed-era/openapi.yaml",
        99.5,
        66.0,
        95.2,
        "fields, raw required, errors",
    ),
    (
        "zoo/authlete-authlete-go-sdk-go/docs/models",
        "zoo/authlete-authlete-go-sdk-go/openapi.yaml",
        99.2,
        99.7,
        99.7,
        "speakeasy-2025 + envelope, successes only, body field body, error suffix Error, "
        "unused schemas left out",
    ),
    # no gen.yaml: the 2025 naming told by kind-suffixed docs (DocumentUnion beside Document),
    # one-value enums constants as the docs' "value" types show
    (
        "mistral-ts/docs/models",
        "mistral-ts/openapi.yaml",
        99.2,
        98.8,
        96.9,
        "speakeasy-2025 + no wrappers, error suffix Error, unused schemas left out",
    ),
    # docs/Models layout; one-value enums kept as enum models; shared names prefixed with the
    # top-level owner (ClientActivityType for ClientActivity.performed_by.type); an allOf merge
    # named by a merged part's title (PublicApiV1ClientsListPaginatedList)
    (
        "zoo/factuarea-factuarea-php-php/docs/Models",
        "zoo/factuarea-factuarea-php-php/openapi.yaml",
        99.3,
        99.1,
        94.5,
        "speakeasy-2025 + fields, raw required",
    ),
    # Java; inline schemas of components/parameters named once after the parameter's key
    (
        "zoo/egain-egain-api-java-java/docs/models",
        "zoo/egain-egain-api-java-java/openapi.yaml",
        96.1,
        95.7,
        92.6,
        "speakeasy-2025 + fields, raw required, successes only, body field body",
    ),
    # $anchor names a schema (StatusBulkInvoiceBatch); leading digits spelled (FiftyFoura6b2...)
    (
        "zoo/speakeasy-sdks-wingspan-ts-typescript/docs/models",
        "zoo/speakeasy-sdks-wingspan-ts-typescript/openapi.yaml",
        95.4,
        68.0,
        86.8,
        "speakeasy-2023 + fields, raw optional, errors",
    ),
    # 2022: a titled nested schema has its owner in front (OutputAzureEventhubAcknowledgments)
    (
        "zoo/speakeasy-sdks-cribl-python-python/docs/models",
        "zoo/speakeasy-sdks-cribl-python-python/openapi.yaml",
        90.9,
        95.6,
        95.8,
        "speakeasy-2022 + fields, raw optional",
    ),
    (
        "zoo/speakeasy-sdks-moov-go-go/docs/pkg/models",
        "zoo/speakeasy-sdks-moov-go-go/openapi.yaml",
        75.0,
        88.6,
        92.4,
        "speakeasy-2022 + fields, raw required",
    ),
    # wire names found as Speakeasy spells them (1_Minute% -> oneMinutePercent,
    # parameters[date_to] -> parametersDateTo): fields 81.4 -> 95.7 %
    (
        "zoo/benzinga-bz-java-client-java/docs/models",
        "zoo/benzinga-bz-java-client-java/openapi.yaml",
        99.5,
        99.9,
        95.7,
        "speakeasy-2023 + fields, raw required, successes only",
    ),
    # allOf over inline unions spread into merged variants (sdk_style.with_spread), over unions
    # whose variants are used elsewhere into per-variant copies (variant_copies). Spec models
    # found rose from 1333 to 1843, their share fell from 70.7 %: the copies of the operations'
    # request bodies are 1,324 operations models, and this tree's operations/ folder is left
    # out of the corpus (ZOO.md, trim), so none of them can be found by name
    (
        "zoo/criblio-cribl-control-plane-sdk-go-go/docs/models",
        "zoo/criblio-cribl-control-plane-sdk-go-go/openapi.yaml",
        64.8,
        52.4,
        91.0,
        "speakeasy-2025 (allOf over unions spread)",
    ),
    (
        "zoo/speakeasy-sdks-netevia-csharp-sdk-csharp/docs/models",
        "zoo/speakeasy-sdks-netevia-csharp-sdk-csharp/openapi.yaml",
        98.3,
        52.7,
        76.1,
        "fields, raw optional, errors, unused schemas left out",
    ),
    # C#; a single-ref allOf with keywords beside it is a copy named from its context (the
    # docs show the copies: sdk_style.with_copies, though gen.yaml says shallowMerge); a copy
    # named as the schema it copies is that schema; doc models 21.0 -> 91.4 %; the inline
    # schemas of components/requestBodies and /responses named after their keys -> 96.1 %
    (
        "zoo/meitner-se-api-client-csharp-csharp/docs/Models",
        "zoo/meitner-se-api-client-csharp-csharp/openapi.json",
        96.1,
        89.4,
        96.8,
        "speakeasy-2025 (single-ref allOf copied) + envelope",
    ),
    # the docs show none of the named schemas no operation reaches: the SDK makes only what
    # its methods reach (unused schemas left out, read again before naming); bodies named after
    # the method (CreateWebhookRequest, AddAddressResponse); <Operation>Security models
    (
        "zoo/boltapp-bolt-python-sdk-python/docs/models",
        "zoo/boltapp-bolt-python-sdk-python/openapi.yaml",
        98.7,
        97.7,
        99.7,
        "speakeasy-2025 + no wrappers, error suffix Error, unused schemas left out",
    ),
    # flat Python; shared bodies named after their keys; header models of headers and result;
    # date-time fields linked as dates (date links swapped): fields 84.9 -> 98.0 %
    (
        "zoo/meitner-se-api-client-python-python/docs/models",
        "zoo/meitner-se-api-client-python-python/openapi.json",
        98.7,
        88.1,
        98.0,
        "bodies named after the method, date links swapped",
    ),
    # Ruby; <Operation>Security for operations asking for other credentials; date links swapped
    (
        "zoo/gusto-gusto-ruby-client-ruby/docs/models",
        "zoo/gusto-gusto-ruby-client-ruby/openapi.yaml",
        97.0,
        96.4,
        97.0,
        "date links swapped",
    ),
]


@pytest.mark.parametrize(
    ("tree", "spec", "docs_floor", "spec_floor", "fields_floor", "style"),
    SLICE,
    ids=[row[0].split("/docs")[0] for row in SLICE],
)
def test_docs_agree_with_their_spec(
    corpus: Path,
    tree: str,
    spec: str,
    docs_floor: float,
    spec_floor: float,
    fields_floor: float,
    style: str,
) -> None:
    models, spec_path = corpus / tree, corpus / spec
    if not models.is_dir() or not spec_path.is_file():
        pytest.skip(f"{tree} or {spec} is not in the corpus")
    conformance = load_spec_conformance()
    figures = conformance.measure(spec_path, models, upper_bound=False)
    report = figures.report
    assert report.models > 50 and report.fields > 200
    assert 100 * report.matched / report.models >= docs_floor
    assert 100 * report.spec_found / report.spec_models >= spec_floor
    assert 100 * report.agree / report.fields >= fields_floor
    assert style in figures.naming
    # every disagreement is counted under a cause
    assert sum(report.causes.values()) == len(report.disagreements)


def test_all_trees_mode_finds_every_spec_and_tree(corpus: Path, tmp_path: Path) -> None:
    conformance = load_spec_conformance()
    zoo = corpus / "zoo"
    if not zoo.is_dir():
        pytest.skip("the zoo is not in the corpus")
    pairs = conformance.find_pairs(corpus)
    trees = {models.relative_to(corpus).as_posix() for _, models in pairs}
    assert "dub-seed-era/ruby/docs/models" in trees
    assert "zoo/speakeasy-sdks-moov-go-go/docs/pkg/models" in trees  # docs/pkg layout
    assert "zoo/factuarea-factuarea-php-php/docs/Models" in trees  # docs/Models layout
    specs_beside = {spec.parent for spec, _ in pairs}
    assert all(models.is_relative_to(spec.parent) for spec, models in pairs)
    assert len(specs_beside) == len({spec for spec, _ in pairs})


def test_all_trees_mode_refuses_a_folder_without_specs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conformance = load_spec_conformance()
    (tmp_path / "docs" / "models").mkdir(parents=True)
    assert conformance.main(["--all", str(tmp_path)]) == 2
    assert "no spec" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("wire", "sdk"),
    [
        ("1_Minute%", "oneMinutePercent"),
        ("$limit", "dollarLimit"),
        ("parameters[date_to]", "parametersDateTo"),
        ("date_of_birth", "dateOfBirth"),
    ],
)
def test_a_wire_name_is_found_as_speakeasy_spells_it(wire: str, sdk: str) -> None:
    conformance = load_spec_conformance()
    from generator.ir import Field, Location, Primitive, PrimitiveKind

    def key(name: str) -> str:
        field = Field(name, Primitive(PrimitiveKind.STRING), True, False, Location("x"))
        return str(conformance.field_key(field))

    assert key(wire) == key(sdk)
    assert key("10_Minute%") != key("oneMinutePercent")
