"""The docs targets give back what they read byte for byte: the seed, the spec, every corpus tree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.diagnostics import Problem
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

OPTIONS_PAGE = "not a model doc: the SDK's call-options page"
RETRY_PAGE = "not a model doc: the SDK's retry-configuration page"
HIDDEN_SPACE = "a cell's source text ends with a space, which the column padding hides"
LITERAL_BREAK = "a description holds a literal <br/>, read as a line break (padded otherwise)"
NO_EXAMPLE_COLUMN = "an empty Example column on a table no field has an example for"
ERRORS_FOLDER = "the 2023 Go errors package was the folder errors/, now written sdkerrors/"
BINARY_BYTES = "a binary body shown bytes / []byte (2023), not the IO type written today"
STREAM_UNWRAPPED = "a streamed response shown without a link or pointer (2024 generator)"
PADDING = "column padding measured otherwise (a cell width the IR's text does not give)"
RUNTIME_EXAMPLE = "an example built from SDK runtime calls (new RFCDate(...), openAsBlob(...))"

SHORTENED = (
    "the generator shortens a file name past 80 characters to 73 and a 6-digit hash of "
    "inputs the docs do not carry, so the doc and the links to it cannot be named back"
)

CORPUS_TREES = {
    # tree: (flavor, files, identical, files that cannot come back and why)
    "dub-seed-era/go/docs": ("go/old", 313, 312, {"models/operations/option.md": OPTIONS_PAGE}),
    "dub-go-latest/docs": ("go/new", 457, 456, {"models/operations/option.md": OPTIONS_PAGE}),
    "dub-seed-era/python/docs": (
        "python",
        313,
        312,
        {"models/utils/retryconfig.md": RETRY_PAGE},
    ),
    "dub-seed-era/typescript/docs": ("typescript", 312, 312, {}),
    "dub-seed-era/php/docs": ("php", 354, 354, {}),
    "dub-seed-era/ruby/docs": ("ruby", 235, 235, {}),
    "mistral-ts/docs": ("typescript", 520, 520, {}),
    "zoo/authlete-authlete-go-sdk-go/docs": (
        "go/new",
        383,
        382,
        {"models/operations/option.md": OPTIONS_PAGE},
    ),
    "zoo/criblio-cribl-control-plane-sdk-go-go/docs": (
        "go/new",
        2875,
        2874,
        {"models/components/configgroup.md": LITERAL_BREAK},
    ),
    "zoo/speakeasy-sdks-cribl-go-go/docs": (
        "go/old",
        1509,
        1502,
        {
            "models/errors/error.md": ERRORS_FOLDER,
            "models/errors/healthstatus.md": ERRORS_FOLDER,
            "models/errors/success.md": ERRORS_FOLDER,
            "models/operations/getdiagbundleresponse.md": BINARY_BYTES,
            "models/operations/listdiagbundlesresponse.md": BINARY_BYTES,
            "models/operations/listjobresultsresponse.md": BINARY_BYTES,
            "models/shared/security.md": NO_EXAMPLE_COLUMN,
        },
    ),
    "zoo/speakeasy-sdks-moov-go-go/docs/pkg": (
        "go/old",
        410,
        407,
        {
            "models/operations/option.md": OPTIONS_PAGE,
            "models/shared/fileuploadrequestfile.md": BINARY_BYTES,
            "models/shared/schemeoauth2credentials.md": NO_EXAMPLE_COLUMN,
        },
    ),
    "zoo/boltapp-bolt-python-sdk-python/docs": (
        "python",
        312,
        310,
        {"models/item.md": PADDING, "models/utils/retryconfig.md": RETRY_PAGE},
    ),
    "zoo/meitner-se-api-client-python-python/docs": (
        "python",
        1093,
        1092,
        {"models/utils/retryconfig.md": RETRY_PAGE},
    ),
    "zoo/lukehagar-plexpy-python/docs": (
        "python",
        693,
        690,
        {
            "models/operations/getbannerimageresponse.md": STREAM_UNWRAPPED,
            "models/operations/getthumbimageresponse.md": STREAM_UNWRAPPED,
            "models/utils/retryconfig.md": RETRY_PAGE,
        },
    ),
    "zoo/speakeasy-sdks-cribl-python-python/docs": (
        "python",
        1533,
        1529,
        {
            "models/operations/getdiagbundleresponse.md": BINARY_BYTES,
            "models/operations/getdiagbundlesresponse.md": BINARY_BYTES,
            "models/operations/getjobresultsresponse.md": BINARY_BYTES,
            "models/shared/security.md": NO_EXAMPLE_COLUMN,
        },
    ),
    "zoo/gr4vy-gr4vy-typescript-typescript/docs": (
        "typescript",
        659,
        658,
        {"models/operations/unregisterdigitalwalletdomainrequest.md": NO_EXAMPLE_COLUMN},
    ),
    "zoo/speakeasy-sdks-glean-sdk-ts-typescript/docs": (
        "typescript",
        498,
        495,
        {
            "models/components/personmetadata.md": RUNTIME_EXAMPLE,
            "models/components/uploadchatfilesrequest.md": RUNTIME_EXAMPLE,
            "models/operations/uploadchatfilesrequest.md": RUNTIME_EXAMPLE,
        },
    ),
    "zoo/speakeasy-sdks-wingspan-ts-typescript/docs": ("typescript", 632, 632, {}),
    "zoo/speakeasy-sdks-tigris-java-sdk-java/docs": (
        "java",
        318,
        317,
        {"models/shared/Security.md": NO_EXAMPLE_COLUMN},
    ),
    "zoo/benzinga-bz-java-client-java/docs": ("java", 201, 201, {}),
    "zoo/egain-egain-api-java-java/docs": (
        "java",
        467,
        465,
        {
            name: "its description holds a markdown table, which the docs targets escape "
            "(`&#124;`) so that it stays the description's text"
            for name in ("models/components/KbLanguageCode.md", "models/operations/AccessSource.md")
        },
    ),
    "zoo/gr4vy-gr4vy-java-java/docs": (
        "java",
        660,
        658,
        {
            "models/components/PaymentServiceDefinition.md": (
                "a map value written unboxed (`Map<String, *boolean*>`, which Java cannot "
                "declare); read as boolean, written boxed"
            ),
            "models/operations/UnregisterDigitalWalletDomainRequest.md": NO_EXAMPLE_COLUMN,
        },
    ),
    "zoo/speakeasy-sdks-netevia-csharp-sdk-csharp/docs": ("csharp", 59, 59, {}),
    "zoo/meitner-se-api-client-csharp-csharp/docs": ("csharp", 1129, 1129, {}),
    "zoo/gr4vy-gr4vy-csharp-csharp/docs": ("csharp", 456, 456, {}),
    "zoo/factuarea-factuarea-php-php/docs": (
        "php",
        1236,
        1232,
        {
            **{
                f"Models/{name}.md": (
                    "union variant docblocks name classes fully qualified while the tree's "
                    "cells do not, with a vendor no cell names"
                )
                for name in (
                    "Components/EventData",
                    "Components/WebhookEventPayload",
                    "Operations/Recipient",
                )
            },
            "Models/Operations/PublicApiV1InvoicesQuarterlySendEmailData.md": (
                "a union of `mixed` and an enum labelled `[mixed](...)`, not by its natives"
            ),
        },
    ),
    "zoo/speakeasy-sdks-exactpayments-php-php/docs": ("php", 464, 464, {}),
    "zoo/speakeasy-sdks-tigris-php-sdk-php/docs": (
        "php",
        318,
        317,
        {"models/shared/Security.md": NO_EXAMPLE_COLUMN},
    ),
    "zoo/authlete-authlete-ruby-sdk-ruby/docs": ("ruby", 389, 389, {}),
    "zoo/gusto-gusto-ruby-client-ruby/docs": (
        "ruby",
        1718,
        1705,
        {
            **{
                f"models/{name}": SHORTENED
                for name in (
                    "operations/deletev1companiescompanyidcontractorpaymentcontractorpaymentheaderxgustoa_b3b2cf.md",
                    "operations/deletev1companiescompanyidcontractorpaymentcontractorpaymentrequest.md",
                    "operations/deletev1employeesemployeeidi9authorizationdocumentsdocumentidheaderxgusto_dd1388.md",
                    "operations/deletev1employeesemployeeidi9authorizationdocumentsdocumentidrequest.md",
                    "operations/getv1employeesemployeeuuidsection603highearnerstatuseseffectiveyearheader_982d0a.md",
                    "operations/getv1employeesemployeeuuidsection603highearnerstatuseseffectiveyearrequest.md",
                    "operations/patchv1employeesemployeeuuidsection603highearnerstatuseseffectiveyearhead_5f262c.md",
                    "operations/patchv1employeesemployeeuuidsection603highearnerstatuseseffectiveyearrequest.md",
                    "operations/postpartnermanagedcompaniescompanyuuidretrievetermsofserviceheaderxgustoa_d51492.md",
                    "operations/postpartnermanagedcompaniescompanyuuidretrievetermsofservicerequest.md",
                    "operations/postv1payrollspayrolluuidgenerateddocumentsprintablepayrollchecksheaderxg_282650.md",
                    "operations/postv1payrollspayrolluuidgenerateddocumentsprintablepayrollchecksrequest.md",
                )
            },
            "models/shared/showemployees.md": HIDDEN_SPACE,
        },
    ),
    "zoo/lukehagar-plexruby-ruby/docs": (
        "ruby",
        398,
        398,
        {},
    ),
}
"""Each tree's figures; the reason of a file that cannot come back is the conformance script's
own when the reader names it (a page that is no model), else why it differs, in our words."""


@pytest.mark.parametrize("tree", sorted(CORPUS_TREES))
def test_corpus_tree_reads_without_errors_and_comes_back_byte_for_byte(
    corpus: Path, tree: str
) -> None:
    flavor, files, identical, differing = CORPUS_TREES[tree]
    result = conformance.check_tree(corpus / tree, tree)
    assert [str(problem) for problem in result.problems] == []
    assert (result.flavor, result.files, result.parsed) == (flavor, files, files)
    assert result.identical == identical == files - len(differing)
    found = dict(result.differences)
    assert set(found) == {f"{tree}/{name}" for name in differing}
    for name, why in differing.items():
        if why.startswith("not a model doc"):
            assert found[f"{tree}/{name}"] == why


def test_authlete_ruby_records_the_folder_its_links_name(corpus: Path) -> None:
    """Every link of authlete's Ruby SDK to its components docs names models/shared/, a folder
    the tree does not have: the links are read by their text (a warning each) and the folder
    they name is recorded (``DocsFlavor.link_folders``), so they come back (CORPUS_TREES)."""
    tree = corpus / "zoo/authlete-authlete-ruby-sdk-ruby/docs"
    assert not (tree / "models" / "shared").exists()
    warnings: list[Problem] = []
    schema = read_inputs([tree / "models"], warnings=warnings)
    flavors = {d.docs_flavor for d in schema.definitions}
    assert [f.link_folders for f in flavors if f is not None] == [(("components", "shared"),)]
    assert len(warnings) == 422
    assert all("does not resolve to any input doc" in w.message for w in warnings)


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
