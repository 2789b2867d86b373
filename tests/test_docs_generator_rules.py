"""Rules of the generators' grammar that the docs readers and writers share: names a generator
reserves (``filter_.md``), error types named without a link (Go, 2023), code fences in a
model's description.  The docs are our own, written with the project's table helper."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.collect import read_inputs
from generator.inputs.markdown import DocFile, read_tree
from generator.inputs.markdown.reader import fact_holds
from generator.ir import (
    DocsFlavor,
    EnumModel,
    EnumValue,
    Location,
    ObjectModel,
    Schema,
    TypeName,
)
from generator.render.filters.markdown import md_paragraph, md_table
from generator.render.renderer import render
from generator.render.targets import Options

HEADER = ["Field", "Type", "Required", "Description"]


def _object(title: str, rows: list[list[str]], description: str | None = None) -> str:
    head = f"# {title}\n\n" + (f"{description}\n\n" if description else "")
    return head + "\n## Fields\n\n" + md_table(HEADER, rows)


def _enum(title: str, values: list[tuple[str, str]]) -> str:
    rows = [[f"`{name}`", value] for name, value in values]
    return f"# {title}\n\n\n## Values\n\n" + md_table(["Name", "Value"], rows)


def _write(root: Path, docs: dict[str, str]) -> Path:
    for name, text in docs.items():
        path = root / "docs" / "models" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "docs" / "models"


# --- names the generator reserves: a field `sort_` tells `sort` is, and `Sort` is in sort_.md --

PYTHON_RESERVED = {
    "operations/sort_.md": _enum("Sort", [("ASC", "asc"), ("DESC", "desc")]),
    "operations/listpetsrequest.md": _object(
        "ListPetsRequest",
        [
            [
                "`sort_`",
                "[Optional[operations.Sort]](../../models/operations/sort_.md)",
                ":heavy_minus_sign:",
                "Order of the pets.",
            ],
            ["`limit`", "*Optional[int]*", ":heavy_minus_sign:", "N/A"],
        ],
    ),
}


def test_a_suffixed_field_name_tells_a_reserved_name_and_its_doc_file(tmp_path: Path) -> None:
    schema = read_inputs([_write(tmp_path, PYTHON_RESERVED)], flavor="python")
    by_name = {d.name.name: d for d in schema.definitions}
    request = by_name["ListPetsRequest"]
    assert isinstance(request, ObjectModel)
    assert [(f.name, f.source_name) for f in request.fields] == [
        ("sort", "sort_"),
        ("limit", "limit"),
    ]
    assert request.docs_flavor is not None and request.docs_flavor.reserved_names == ("sort",)
    files = render(schema, ["docs-python"], Options())
    for name, text in PYTHON_RESERVED.items():
        assert files[f"docs-python/models/{name}"] == text


def test_without_the_evidence_the_doc_keeps_the_plain_name(tmp_path: Path) -> None:
    plain = {
        "operations/sort.md": PYTHON_RESERVED["operations/sort_.md"],
        "operations/listpetsrequest.md": _object(
            "ListPetsRequest",
            [
                [
                    "`order`",
                    "[Optional[operations.Sort]](../../models/operations/sort.md)",
                    ":heavy_minus_sign:",
                    "Order of the pets.",
                ]
            ],
        ),
    }
    schema = read_inputs([_write(tmp_path, plain)], flavor="python")
    flavors = {d.docs_flavor for d in schema.definitions}
    assert {f.reserved_names for f in flavors if f is not None} == {()}
    files = render(schema, ["docs-python"], Options())
    for name, text in plain.items():
        assert files[f"docs-python/models/{name}"] == text


def test_a_doc_with_the_plain_file_name_unreserves_the_name_for_files(tmp_path: Path) -> None:
    # a `sort_` field (wire `sort`) beside a doc `sort.md`: the tree shows the name reserved
    # for fields only, so the doc and the links keep the plain file name
    docs = {
        "operations/sort.md": PYTHON_RESERVED["operations/sort_.md"],
        "operations/listpetsrequest.md": _object(
            "ListPetsRequest",
            [
                [
                    "`sort_`",
                    "[Optional[operations.Sort]](../../models/operations/sort.md)",
                    ":heavy_minus_sign:",
                    "Order of the pets.",
                ]
            ],
        ),
    }
    schema = read_inputs([_write(tmp_path, docs)], flavor="python")
    flavors = {d.docs_flavor for d in schema.definitions}
    assert {f.reserved_names for f in flavors if f is not None} == {()}
    files = render(schema, ["docs-python"], Options())
    for name, text in docs.items():
        assert files[f"docs-python/models/{name}"] == text


def test_ruby_follows_the_names_its_tree_reserves(tmp_path: Path) -> None:
    docs = {
        "shared/fields_.md": "# Fields\n\n\n## Fields\n\n"
        + md_table(HEADER, [["`label`", "*::String*", ":heavy_check_mark:", "N/A"]]),
        "shared/form.md": _object(
            "Form",
            [
                [
                    "`fields_`",
                    "T::Array<[Models::Shared::Fields](../../models/shared/fields_.md)>",
                    ":heavy_check_mark:",
                    "N/A",
                ]
            ],
        ),
    }
    schema = read_inputs([_write(tmp_path, docs)], flavor="ruby")
    files = render(schema, ["docs-ruby"], Options())
    for name, text in docs.items():
        assert files[f"docs-ruby/models/{name}"] == text


def test_a_python_keyword_names_its_doc_with_the_suffix() -> None:
    """A module cannot be named ``class``: a fact of Python, whatever the tree shows."""
    flavor = DocsFlavor("python")
    here = Location("x.md", 1)
    model = EnumModel(
        TypeName("shared", "Class"), (EnumValue("a", here),), here, docs_flavor=flavor
    )
    other = EnumModel(TypeName("shared", "Kind"), (EnumValue("a", here),), here)
    files = render(Schema((model, other)), ["docs-python"], Options())
    assert sorted(files) == [
        "docs-python/models/shared/class_.md",
        "docs-python/models/shared/kind.md",
    ]


# --- Go 2023: the SDK's error types are named without a link --------------------------------

GO_ERRORS = {
    "sdkerrors/conflict.md": _object(
        "Conflict",
        [
            [
                "`Amount`",
                "[*sdkerrors.ConflictAmount](../../models/sdkerrors/conflictamount.md)",
                ":heavy_minus_sign:",
                "What was asked for.",
            ],
            ["`Message`", "**string*", ":heavy_minus_sign:", "N/A"],
        ],
        description="The request clashes with another.",
    ),
    "sdkerrors/conflictamount.md": _object(
        "ConflictAmount", [["`Value`", "*int64*", ":heavy_check_mark:", "N/A"]]
    ),
    "operations/payresponse.md": _object(
        "PayResponse",
        [
            ["`Conflict`", "**sdkerrors.Conflict*", ":heavy_minus_sign:", "Paid twice"],
            ["`Earlier`", "[]*sdkerrors.Conflict*", ":heavy_minus_sign:", "N/A"],
            ["`StatusCode`", "*int*", ":heavy_check_mark:", "N/A"],
        ],
    ),
}


def test_unlinked_names_of_error_models_tell_the_error_types(tmp_path: Path) -> None:
    schema = read_inputs([_write(tmp_path, GO_ERRORS)], flavor="go")
    errors = {d.name.name: d.error for d in schema.definitions if isinstance(d, ObjectModel)}
    assert errors == {"Conflict": True, "ConflictAmount": None, "PayResponse": None}
    files = render(schema, ["docs-go"], Options())
    for name, text in GO_ERRORS.items():
        assert files[f"docs-go/models/{name}"] == text


def test_a_linked_name_keeps_the_model_an_unknown(tmp_path: Path) -> None:
    """One link to the model is evidence against: the model is not read as an error type."""
    linked = dict(GO_ERRORS)
    linked["operations/refundresponse.md"] = _object(
        "RefundResponse",
        [
            [
                "`Conflict`",
                "[*sdkerrors.Conflict](../../models/sdkerrors/conflict.md)",
                ":heavy_minus_sign:",
                "N/A",
            ]
        ],
    )
    schema = read_inputs([_write(tmp_path, linked)], flavor="go")
    (conflict,) = [d for d in schema.definitions if d.name.name == "Conflict"]
    assert isinstance(conflict, ObjectModel) and conflict.error is None
    files = render(schema, ["docs-go"], Options())
    assert (
        files["docs-go/models/operations/refundresponse.md"]
        == linked["operations/refundresponse.md"]
    )
    assert "[*sdkerrors.Conflict](" in files["docs-go/models/operations/payresponse.md"]


def test_the_new_go_style_links_error_types(tmp_path: Path) -> None:
    schema = read_inputs([_write(tmp_path, GO_ERRORS)], flavor="go")
    files = render(schema, ["docs-go"], Options(go_style="new"))
    assert (
        "[*sdkerrors.Conflict](../../models/sdkerrors/conflict.md)"
        in files["docs-go/models/operations/payresponse.md"]
    )


# --- code fences in a model's description ---------------------------------------------------


def test_a_closed_fence_in_a_description_is_written_as_it_is() -> None:
    text = "Set the fields:\n```\n# not a heading\n| not | a row |\n```\nThen call."
    assert md_paragraph(text) == text
    unclosed = "Set the fields:\n```\n# a heading else"
    assert md_paragraph(unclosed) == "Set the fields:\n&#96;``\n&#35; a heading else"
    mixed = "~~~\n```\n~~~\n```"
    assert md_paragraph(mixed) == "~~~\n```\n~~~\n&#96;``"


def test_a_description_holding_a_code_block_comes_back(tmp_path: Path) -> None:
    description = 'Link with a token:\n```\n  Number: "12",\n# comment\n```'
    doc = _object("Token", [["`Value`", "*string*", ":heavy_check_mark:", "N/A"]], description)
    schema = read_inputs([_write(tmp_path, {"shared/token.md": doc})], flavor="go")
    (token,) = schema.definitions
    assert token.description == description
    assert render(schema, ["docs-go"], Options())["docs-go/models/shared/token.md"] == doc


# --- style facts follow one evidence rule, and the evidence is kept ---------------------------


def test_the_evidence_rule_of_style_facts() -> None:
    assert fact_holds("examples-compact", 2, 2) and not fact_holds("examples-compact", 1, 2)
    assert not fact_holds("examples-compact", 0, 0)
    assert fact_holds("no-example-usage", 5, 0) and not fact_holds("no-example-usage", 5, 1)


def _go_tree(root: Path, rows: list[list[str]]) -> list[DocFile]:
    text = "# Pet\n\n\n## Fields\n\n" + md_table([*HEADER, "Example"], rows)
    path = root / "docs" / "models" / "components" / "pet.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [DocFile(path, "pet.md", "components")]


WRAPPED = [
    "`Tag`",
    "optionalnullable.OptionalNullable[`string`]",
    ":heavy_minus_sign:",
    "N/A",
    "",
]


def test_one_wrapped_cell_with_nothing_against_it_holds(tmp_path: Path) -> None:
    plain = ["`Name`", "`*string`", ":heavy_minus_sign:", "N/A", "Rex"]
    read = read_tree(_go_tree(tmp_path, [WRAPPED, plain]), Collector(), flavor="go")
    assert read.evidence["optional-nullable-wrapper"] == (1, 0)
    assert read.flavor is not None and "optional-nullable-wrapper" in read.flavor.facts


def test_optional_pointers_with_null_examples_outvote_one_wrapped_cell(tmp_path: Path) -> None:
    """A null example shows the field nullable; shown as a plain pointer, it is not wrapped."""
    rows = [
        WRAPPED,
        ["`Name`", "`*string`", ":heavy_minus_sign:", "N/A", "<nil>"],
        ["`Age`", "`*int64`", ":heavy_minus_sign:", "N/A", "<nil>"],
        ["`Id`", "`string`", ":heavy_check_mark:", "N/A", "<nil>"],
    ]
    read = read_tree(_go_tree(tmp_path, rows), Collector(), flavor="go")
    assert read.evidence["optional-nullable-wrapper"] == (1, 2)
    assert read.flavor is not None and "optional-nullable-wrapper" not in read.flavor.facts


# --- a description's leading spaces are its own text, the padding the writer's ----------------


def test_leading_spaces_of_a_description_are_the_specs_own_text(corpus: Path) -> None:
    """``|  A list of collaborators |``: one space is the table's padding (``md_table`` writes
    it), the other the description's own, as the spec beside the tree has it."""
    tree = corpus / "zoo/speakeasy-sdks-wingspan-ts-typescript"
    docs = read_inputs([tree / "docs/models/operations/listcollaboratorsresponse.md"])
    (response,) = docs.definitions
    assert isinstance(response, ObjectModel)
    by_name = {field.name: field for field in response.fields}
    description = by_name["collaboratorSchemas"].description
    spec = read_inputs([tree / "openapi.yaml"])
    (operation,) = [op for op in spec.operations or () if op.operation_id == "listCollaborators"]
    (ok,) = [r for r in operation.responses if r.status == "200"]
    assert description == ok.description == " A list of collaborators"
    files = render(docs, ["docs-typescript"], Options())
    written = files["docs-typescript/models/operations/listcollaboratorsresponse.md"]
    assert "|  A list of collaborators " in written


# --- Go never points to binary content ------------------------------------------------------


def test_go_shows_binary_content_without_a_pointer(tmp_path: Path) -> None:
    """``io.ReadCloser`` is an interface and ``[]byte`` a slice: optional, neither is a pointer."""
    doc = _object(
        "AvatarResponse",
        [
            ["`StatusCode`", "*int*", ":heavy_check_mark:", "N/A"],
            ["`Stream`", "*io.ReadCloser*", ":heavy_minus_sign:", "The image"],
            ["`Size`", "**int64*", ":heavy_minus_sign:", "N/A"],
        ],
    )
    schema = read_inputs([_write(tmp_path, {"operations/avatarresponse.md": doc})], flavor="go")
    files = render(schema, ["docs-go"], Options())
    assert files["docs-go/models/operations/avatarresponse.md"] == doc
    new = render(schema, ["docs-go"], Options(go_style="new"))[
        "docs-go/models/operations/avatarresponse.md"
    ]
    assert "| `io.ReadCloser` " in new and "`*int64`" in new
