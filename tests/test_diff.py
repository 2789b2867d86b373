"""Semantic diff: classification of changes, unknown facts, formats, exit codes, JSON."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import Impact, diff_schemas
from generator.diff.changes import Scope
from generator.diff.constraints import compare_constraints
from generator.diff.types import compare_types
from generator.inputs.collect import read_inputs
from generator.ir import (
    ArrayType,
    Constraints,
    EnumModel,
    EnumValue,
    Field,
    LiteralType,
    Location,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    TypeNode,
    UnionType,
    sort_definitions,
)
from generator.terminal import wants_colour

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT / "tests" / "fixtures" / "diff"
SPEC = PROJECT / "spec"
STRING = Primitive(PrimitiveKind.STRING)
INTEGER = Primitive(PrimitiveKind.INTEGER)
NUMBER = Primitive(PrimitiveKind.NUMBER)
BOOLEAN = Primitive(PrimitiveKind.BOOLEAN)
B, N = Impact.BREAKING, Impact.NON_BREAKING


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_change_between_two_openapi_specs_is_found_and_classified() -> None:
    # no operation uses these models: each change gets the stricter of its two verdicts
    changes = diff_schemas(
        read_inputs([FIXTURES / "old.yaml"]), read_inputs([FIXTURES / "new.yaml"])
    )
    found = {(str(c.model), c.subject, c.kind, c.impact) for c in changes}
    assert found == {
        ("components.Folder", "", "model-removed", B),
        ("components.Triangle", "", "model-added", N),
        ("components.Link", "", "description-changed", Impact.NON_SEMANTIC),
        ("components.Link", "field `archived`", "field-removed", B),
        ("components.Link", "field `key`", "field-added", B),
        ("components.Link", "field `comments`", "field-added", N),
        ("components.Link", "field `url`", "constraint-tightened", B),
        ("components.Link", "field `domain`", "required-changed", B),
        ("components.Link", "field `expiresAt`", "nullable-changed", B),
        ("components.Link", "field `clicks`", "type-widened", B),
        ("components.Link", "field `title`", "constraint-loosened", Impact.MAY_BREAK),
        ("components.Link", "field `rewrite`", "default-changed", N),
        ("components.Link", "field `tagIds`", "field-renamed", B),
        ("components.Mode", 'value "wait"', "enum-value-removed", B),
        ("components.Mode", 'value "later"', "enum-value-added", B),
        ("components.Shape", "", "variant-added", B),
    }
    assert {c.direction for c in changes if c.impact is not Impact.NON_SEMANTIC} == {
        "unknown",
        "",
    }
    messages = {c.subject: c.message for c in changes if str(c.model) == "components.Link"}
    assert messages["field `url`"] == "maxLength tightened: 2000 -> 1000"
    assert messages["field `rewrite`"] == "default false -> true"
    assert messages["field `clicks`"] == "type widened: integer -> number"


def test_text_report_groups_by_model_and_puts_descriptions_apart(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "diff", str(FIXTURES / "old.yaml"), str(FIXTURES / "new.yaml"))
    assert code == 3, err
    lines = out.splitlines()
    unknown = " (no operation uses it: judged by the stricter direction)"
    assert lines[0] == "components.Folder" + unknown
    assert lines[1].split() == ["breaking", "object", "model", "removed", "[request-model-removed]"]
    link = lines.index("components.Link" + unknown)
    assert lines[link + 1].startswith("  breaking      field `archived`: removed")
    assert "Non-semantic (descriptions, deprecation, namespaces):" in lines
    assert lines[-1].endswith(
        "11 breaking, 1 may-break and 3 non-breaking changes in 5 models (1 non-semantic change)"
    )
    assert "\033[" not in out  # not a terminal: no colour


def test_json_format_lists_every_change(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "diff", str(FIXTURES / "old.yaml"), str(FIXTURES / "new.yaml"), "--format", "json"
    )
    data = json.loads(out)
    assert code == data["exit_code"] == 3
    assert data["summary"] == {
        "breaking": 11,
        "may-break": 1,
        "non-breaking": 3,
        "non-semantic": 1,
        "models": 5,
        "endpoints": 0,
    }
    removed = next(c for c in data["changes"] if c["kind"] == "enum-value-removed")
    location = removed.pop("location")
    assert removed == {
        "model": "components.Mode",
        "subject": 'value "wait"',
        "kind": "enum-value-removed",
        "impact": "breaking",
        "message": "removed",
        "old": "wait",
        "new": None,
        "rule": "request-enum-value-removed",
        "level": "breaking",
        "direction": "unknown",
        "endpoint": None,
        "accepted": None,
    }
    assert location["file"].endswith("new.yaml") and location["line"] > 0


def write_spec(folder: Path, name: str, properties: str, required: str = "[a]") -> Path:
    path = folder / name
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        f"    Thing:\n      type: object\n      required: {required}\n      properties:\n"
        + "".join(f"        {line}\n" for line in properties.splitlines()),
        encoding="utf-8",
    )
    return path


def test_exit_codes_tell_none_non_breaking_and_breaking_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = write_spec(tmp_path, "base.yaml", "a: {type: string, description: one}")
    reworded = write_spec(tmp_path, "reworded.yaml", "a: {type: string, description: two}")
    optional = write_spec(tmp_path, "optional.yaml", "a: {type: string}\nb: {type: integer}")
    required = write_spec(
        tmp_path, "required.yaml", "a: {type: string}\nb: {type: integer}", "[a, b]"
    )
    assert run(capsys, "diff", str(base), str(base))[0] == 0
    code, out, _ = run(capsys, "diff", str(base), str(reworded))
    assert code == 0 and "no semantic change (1 non-semantic change)" in out
    deprecated = write_spec(
        tmp_path, "deprecated.yaml", "a: {type: string, description: one, deprecated: true}"
    )
    code, out, _ = run(capsys, "diff", str(base), str(deprecated))
    assert code == 0 and "Thing field `a`: deprecated" in out
    assert run(capsys, "diff", str(base), str(optional))[0] == 1
    assert run(capsys, "diff", str(base), str(required))[0] == 3
    code, _, err = run(capsys, "diff", str(base), str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml: no such file or folder" in err


def test_same_facts_in_another_format_are_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    """The OpenAPI spec and the Go docs made from it: docs carry no constraints or defaults,
    optional Go pointers leave nullable unknown, wire names are derived — none of it is a change."""
    openapi, docs = SPEC / "openapi.yaml", SPEC / "docs"
    assert diff_schemas(read_inputs([openapi]), read_inputs([docs])) == []
    assert diff_schemas(read_inputs([docs]), read_inputs([openapi])) == []
    code, out, _ = run(capsys, "diff", str(openapi), str(docs))
    assert code == 0
    assert out.strip().endswith("no semantic change")


@pytest.fixture()
def go_docs(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the seed Go docs (old style): ``old`` untouched, ``new`` to edit."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SPEC / "docs", old)
    shutil.copytree(SPEC / "docs", new)
    return old, new


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changes_between_go_docs(go_docs: tuple[Path, Path]) -> None:
    old, new = go_docs
    models = new / "models" / "operations"
    edit(models / "mode.md", "| `ModeWait`  | wait        |", "| `ModeLater` | later       |")
    body = models / "trackleadrequestbody.md"
    text = body.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `CustomerName`"))
    edit(
        body,
        row,
        row.replace(":heavy_minus_sign:", ":heavy_check_mark:").replace("**string*", "*string* "),
    )
    row = next(line for line in text.splitlines() if line.startswith("| `EventQuantity`"))
    edit(body, row + "\n", "")
    changes = diff_schemas(read_inputs([old]), read_inputs([new]))
    found = {(c.subject, c.kind, c.impact) for c in changes}
    assert found == {
        ('value "wait"', "enum-value-removed", B),
        ('value "later"', "enum-value-added", B),  # docs: no operations, the stricter verdict
        ("field `customerName`", "required-changed", B),
        ("field `eventQuantity`", "field-removed", B),
    }


def test_a_go_name_written_differently_is_not_a_change(go_docs: tuple[Path, Path]) -> None:
    """``ClickID`` and ``ClickId`` derive the same wire name; the Go spelling is not a fact."""
    old, new = go_docs
    edit(
        new / "models" / "operations" / "trackleadrequestbody.md", "| `ClickID`  ", "| `ClickId`  "
    )
    assert read_inputs([new]).definitions[1].fields[0].source_name == "ClickId"  # type: ignore[union-attr]
    assert diff_schemas(read_inputs([old]), read_inputs([new])) == []


def test_a_wire_name_derived_from_a_go_name_is_not_compared_in_case(tmp_path: Path) -> None:
    """Go docs show ``ClickID``; the wire name ``clickId`` is derived, so an OpenAPI spec
    saying ``click_id`` is the same field, not a rename."""
    spec = tmp_path / "openapi.yaml"
    text = (SPEC / "openapi.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("clickId", "click_id"), encoding="utf-8")
    assert diff_schemas(read_inputs([spec]), read_inputs([SPEC / "docs"])) == []
    assert diff_schemas(read_inputs([SPEC / "docs"]), read_inputs([spec])) == []


def test_a_model_moved_to_another_namespace_is_non_semantic() -> None:
    """Readers name namespaces by convention (OpenAPI ``errors``, Go docs ``sdkerrors``)."""
    here = Location("x.yaml", pointer="/x")
    code = EnumModel(TypeName("errors", "Code"), (EnumValue("a", here),), here)
    moved = EnumModel(TypeName("sdkerrors", "Code"), (EnumValue("a", here),), here)

    def error(target: TypeName) -> ObjectModel:
        field = Field("code", RefType(target), required=True, nullable=False, location=here)
        return ObjectModel(TypeName("components", "Error"), (field,), here)

    old = Schema(sort_definitions([code, error(code.name)]))
    new = Schema(sort_definitions([moved, error(moved.name)]))
    [change] = diff_schemas(old, new)
    assert (str(change.model), change.kind, change.impact, change.message) == (
        "errors.Code",
        "model-moved",
        Impact.NON_SEMANTIC,
        "moved to namespace sdkerrors",
    )


def test_a_renamed_model_of_the_same_shape_is_non_semantic() -> None:
    def schema(enum_name: str, *values: str) -> Schema:
        name = TypeName("operations", enum_name)
        here = Location("x.yaml", pointer=f"/x/{enum_name}")
        enum = EnumModel(name, tuple(EnumValue(v, here) for v in values), here)
        field = Field("sort", RefType(name), required=False, nullable=False, location=here)
        query = ObjectModel(TypeName("operations", "Query"), (field,), Location("x.yaml", 1, "/q"))
        return Schema(sort_definitions([enum, query]))

    old = schema("GetTagsSortBy", "name", "usage")
    same = {
        (c.subject, c.kind, c.impact) for c in diff_schemas(old, schema("SortBy", "usage", "name"))
    }
    assert same == {("", "model-renamed", Impact.NON_SEMANTIC)}
    other = {(c.subject, c.kind, c.impact) for c in diff_schemas(old, schema("SortBy", "name"))}
    assert ("field `sort`", "type-changed", B) in other


def test_required_with_a_default_is_optional_for_docs(tmp_path: Path) -> None:
    """SDK docs show a field the spec requires but defaults as optional: not a change against
    docs; between two OpenAPI specs, dropping it from ``required`` still is one."""
    spec = tmp_path / "openapi.yaml"
    text = (SPEC / "openapi.yaml").read_text(encoding="utf-8")
    spec.write_text(
        text.replace(
            "                - externalId\n",
            "                - externalId\n                - mode\n",
        ),
        encoding="utf-8",
    )
    with_default = read_inputs([spec])
    assert diff_schemas(with_default, read_inputs([SPEC / "docs"])) == []
    assert diff_schemas(read_inputs([SPEC / "docs"]), with_default) == []
    [change] = diff_schemas(with_default, read_inputs([SPEC / "openapi.yaml"]))
    assert (change.subject, change.kind, change.impact) == ("field `mode`", "required-changed", N)


def test_a_case_only_rename_of_a_real_wire_name_is_breaking(tmp_path: Path) -> None:
    old = write_spec(tmp_path, "old.yaml", "a: {type: string}\nclick_id: {type: string}")
    new = write_spec(tmp_path, "new.yaml", "a: {type: string}\nClick_ID: {type: string}")
    [change] = diff_schemas(read_inputs([old]), read_inputs([new]))
    assert (change.kind, change.impact, change.old, change.new) == (
        "field-renamed",
        B,
        "click_id",
        "Click_ID",
    )
    assert change.message == "renamed only in case: `click_id` -> `Click_ID`"


def constraint_changes(old: Constraints, new: Constraints) -> list[tuple[str, Impact]]:
    scope = Scope(TypeName("x", "X"))
    compare_constraints(old, new, scope)
    return [(c.message, c.impact) for c in scope.changes]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (Constraints(), Constraints(min_length=1), ("minLength 1 added", B)),
        (Constraints(min_length=1), Constraints(), ("minLength 1 removed", N)),
        (Constraints(maximum=10), Constraints(maximum=5), ("maximum tightened: 10 -> 5", B)),
        (Constraints(maximum=5), Constraints(maximum=10), ("maximum loosened: 5 -> 10", N)),
        (Constraints(min_items=2), Constraints(min_items=1), ("minItems loosened: 2 -> 1", N)),
        (
            Constraints(pattern="^a"),
            Constraints(pattern="^b"),
            ('pattern changed: "^a" -> "^b"', B),
        ),
        (Constraints(pattern="^a"), Constraints(), ('pattern "^a" removed', N)),
        (
            Constraints(multiple_of=2),
            Constraints(multiple_of=4),
            ("multipleOf tightened: 2 -> 4", B),
        ),
        (
            Constraints(multiple_of=4),
            Constraints(multiple_of=2),
            ("multipleOf loosened: 4 -> 2", N),
        ),
        (Constraints(), Constraints(unique_items=True), ("uniqueItems true added", B)),
        (Constraints(exclusive_maximum=3), Constraints(), ("exclusiveMaximum 3 removed", N)),
    ],
)
def test_constraints_tighten_or_loosen(
    old: Constraints, new: Constraints, expected: tuple[str, Impact]
) -> None:
    assert constraint_changes(old, new) == [expected]


def type_changes(old: TypeNode, new: TypeNode) -> list[tuple[str, str, Impact]]:
    scope = Scope(TypeName("x", "X"), "field `f`")
    compare_types(old, new, scope)
    return [(c.subject, c.message, c.impact) for c in scope.changes]


MODE = RefType(TypeName("operations", "Mode"))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (INTEGER, NUMBER, [("field `f`", "type widened: integer -> number", N)]),
        (NUMBER, INTEGER, [("field `f`", "type changed: number -> integer", B)]),
        (STRING, Primitive(PrimitiveKind.ANY), [("field `f`", "type widened: string -> any", N)]),
        (
            STRING,
            UnionType((STRING, INTEGER)),
            [("field `f`", "type widened: string -> union<string | integer>", N)],
        ),
        (
            UnionType((STRING, INTEGER, BOOLEAN)),
            UnionType((STRING, BOOLEAN)),
            [("field `f`", "variant `integer` removed", B)],
        ),
        (
            UnionType((STRING, INTEGER)),
            STRING,
            [("field `f`", "type changed: union<string | integer> -> string", B)],
        ),
        # a union one plain variant already accepts is that variant (SDK docs write only it)
        (UnionType((STRING, Primitive(PrimitiveKind.STRING, "uri"))), STRING, []),
        (NUMBER, UnionType((INTEGER, NUMBER)), []),
        (
            UnionType(
                (
                    Primitive(PrimitiveKind.STRING, constraints=Constraints(pattern="^data:")),
                    Primitive(PrimitiveKind.STRING, "uri"),
                )
            ),
            STRING,
            [("field `f`", "type widened: union<string | string(uri)> -> string", N)],
        ),
        (LiteralType("a"), STRING, [("field `f`", 'type widened: literal "a" -> string', N)]),
        (
            ArrayType(STRING),
            ArrayType(MODE),
            [("field `f` items", "type changed: string -> operations.Mode", B)],
        ),
        (
            MapType(STRING, values_nullable=False),
            MapType(STRING, values_nullable=True),
            [("field `f`", "values may now be null", N)],
        ),
        (
            Primitive(PrimitiveKind.INTEGER, "int32"),
            Primitive(PrimitiveKind.INTEGER, "int64"),
            [("field `f`", "format int32 -> int64", N)],
        ),
        (
            Primitive(PrimitiveKind.STRING, "email"),
            Primitive(PrimitiveKind.STRING, "uri"),
            [("field `f`", "format email -> uri", B)],
        ),
        # a fact one side does not carry (format, nullable items) is not a change
        (Primitive(PrimitiveKind.INTEGER, "int64"), INTEGER, []),
        (ArrayType(STRING, items_nullable=None), ArrayType(STRING, items_nullable=True), []),
        (MODE, MODE, []),
    ],
)
def test_types_narrow_or_widen(
    old: TypeNode, new: TypeNode, expected: list[tuple[str, str, Impact]]
) -> None:
    assert type_changes(old, new) == expected


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wants_colour(Terminal())
    assert not wants_colour(io.StringIO())
    assert wants_colour(io.StringIO(), "always") and not wants_colour(Terminal(), "never")
    args = ["diff", str(FIXTURES / "old.yaml"), str(FIXTURES / "new.yaml")]
    _, out, _ = run(capsys, *args, "--color", "always")
    assert re.search(r"\033\[31mbreaking", out)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Terminal())
    monkeypatch.setenv("NO_COLOR", "")
    assert wants_colour(Terminal())  # an empty NO_COLOR does not count (no-color.org)
    monkeypatch.setenv("TERM", "dumb")
    assert not wants_colour(Terminal())
