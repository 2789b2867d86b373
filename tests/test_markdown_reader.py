"""Tests of the markdown model-docs reader (old Go style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.markdown import DocFile, read_docs
from generator.inputs.markdown.cells import parse_description, parse_example
from generator.inputs.markdown.document import count_raw_cells, parse_document
from generator.inputs.markdown.flavor import CellError
from generator.inputs.markdown.go_types import GO_NEW, GO_OLD, POINTER
from generator.ir import (
    ArrayType,
    Definition,
    EnumModel,
    Field,
    Location,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionModel,
)

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"

STRING = Primitive(PrimitiveKind.STRING)
INTEGER = Primitive(PrimitiveKind.INTEGER)
NUMBER = Primitive(PrimitiveKind.NUMBER)
BOOLEAN = Primitive(PrimitiveKind.BOOLEAN)
ANY = Primitive(PrimitiveKind.ANY)
MODE = TypeName("operations", "Mode")


def doc_files(root: Path) -> list[DocFile]:
    """Every ``.md`` under ``root``; display path relative to it, namespace = folder name."""
    return [
        DocFile(path.resolve(), path.relative_to(root).as_posix(), path.parent.name)
        for path in sorted(root.rglob("*.md"))
    ]


def read_tree(root: Path, flavor: str | None = None) -> tuple[dict[str, Definition], list[str]]:
    """Read a tree; definitions by qualified name and problems as ``file:line: message``."""
    collector = Collector()
    definitions = read_docs(doc_files(root), collector, flavor=flavor)
    return {str(d.name): d for d in definitions}, [str(p) for p in collector.problems]


def read_warnings(root: Path, flavor: str | None = None) -> list[str]:
    """The warnings of reading a tree, as ``file:line: message``."""
    collector = Collector()
    read_docs(doc_files(root), collector, flavor=flavor)
    return [str(p) for p in collector.warnings]


def write(root: Path, relative: str, text: str) -> Path:
    """Write a doc under ``root``."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def fields_by_name(model: Definition) -> dict[str, Field]:
    """The fields of an object model by wire name."""
    assert isinstance(model, ObjectModel)
    return {field.name: field for field in model.fields}


class FakeRefs:
    """A ``RefResolver`` over a fixed table."""

    def __init__(self, links: dict[str, TypeName], names: set[TypeName] | None = None) -> None:
        self.links = links
        self.names = names or set(links.values())

    def link(self, target: str) -> TypeName:
        if target not in self.links:
            raise CellError(f"link to '{target}' does not resolve to any input doc")
        return self.links[target]

    def name(self, namespace: str, name: str) -> TypeName:
        type_name = TypeName(namespace, name)
        if type_name not in self.names:
            raise CellError(f"type '{type_name}' does not match any input doc's model")
        return type_name


REFS = FakeRefs(
    {
        "../../models/operations/mode.md": MODE,
        "../../models/components/tag.md": TypeName("components", "Tag"),
    }
)


# --- the seed -------------------------------------------------------------------------------


def test_seed_reads_to_the_expected_ir(seed: Path) -> None:
    seed_models = seed / "models"
    definitions, problems = read_tree(seed_models)
    assert problems == []
    assert sorted(definitions) == ["operations.Mode", "operations.TrackLeadRequestBody"]

    body = definitions["operations.TrackLeadRequestBody"]
    assert isinstance(body, ObjectModel)
    assert body.description is None
    assert body.deprecated is False
    assert body.location == Location("operations/trackleadrequestbody.md", 1)
    rows = [
        (f.name, f.source_name, f.type, f.required, f.nullable, f.examples, f.location.line)
        for f in body.fields
    ]
    assert rows == [
        ("clickId", "ClickID", STRING, True, None, (), 8),
        ("eventName", "EventName", STRING, True, None, ("Sign up",), 9),
        ("externalId", "ExternalID", STRING, True, None, (), 10),
        ("customerName", "CustomerName", STRING, False, None, (), 11),
        ("customerEmail", "CustomerEmail", STRING, False, None, (), 12),
        ("customerAvatar", "CustomerAvatar", STRING, False, None, (), 13),
        ("eventQuantity", "EventQuantity", NUMBER, False, None, (), 14),
        ("mode", "Mode", RefType(MODE), False, None, (), 15),
        ("metadata", "Metadata", MapType(ANY, values_nullable=None), False, None, (), 16),
    ]
    assert body.fields[0].description == (
        "The unique ID of the click that the lead conversion event is attributed to. "
        "You can read this value from `dub_id` cookie."
    )
    assert body.fields[3].description == (
        "The name of the customer. If not passed, a random name will be generated "
        "(e.g. \u201cBig Red Caribou\u201d)."
    )

    mode = definitions["operations.Mode"]
    assert isinstance(mode, EnumModel)
    assert mode.open is None
    assert mode.location == Location("operations/mode.md", 1)
    assert mode.description == (
        "The mode to use for tracking the lead event. `async` will not block the request; "
        "`wait` will block the request until the lead event is fully recorded in Dub."
    )
    assert [(v.value, v.source_name, v.location.line) for v in mode.values] == [
        ("async", "ModeAsync", 10),
        ("wait", "ModeWait", 11),
    ]


def test_link_to_a_doc_that_is_not_an_input_is_reported_at_its_row(seed: Path) -> None:
    seed_models = seed / "models"
    body = seed_models / "operations" / "trackleadrequestbody.md"
    collector = Collector()
    definitions = read_docs(
        [DocFile(body.resolve(), "docs/trackleadrequestbody.md", "operations")], collector
    )
    assert collector.problems == []
    assert [str(p) for p in collector.warnings] == [
        "docs/trackleadrequestbody.md:15: type cell "
        "'[*operations.Mode](../../models/operations/mode.md)' of field 'Mode' cannot be read "
        "(link to '../../models/operations/mode.md' does not resolve to any input doc); "
        "the field is kept with an unknown type (any)"
    ]
    assert [f.name for f in fields_by_name(definitions[0]).values()] == [
        "clickId",
        "eventName",
        "externalId",
        "customerName",
        "customerEmail",
        "customerAvatar",
        "eventQuantity",
        "mode",
        "metadata",
    ]


# --- fixture docs ---------------------------------------------------------------------------


def test_good_fixtures_read_without_problems() -> None:
    definitions, problems = read_tree(FIXTURES / "good")
    assert problems == []
    assert sorted(definitions) == [
        "components.Color",
        "components.Tag",
        "operations.CreateThingRequest",
        "operations.Mode",
        "operations.TagNames",
    ]


def test_object_fields_types_nullability_and_examples() -> None:
    definitions, _ = read_tree(FIXTURES / "good")
    model = definitions["operations.CreateThingRequest"]
    assert isinstance(model, ObjectModel)
    assert model.description == "Creates a thing.\nSecond line of the description."
    assert model.location == Location("models/operations/createthingrequest.md", 1)
    tag = TypeName("components", "Tag")
    expected: list[tuple[str, TypeNode, bool, bool | None, tuple[object, ...]]] = [
        ("thingId", STRING, True, None, ("thing_1\nthing_2",)),
        ("nickname", STRING, False, None, (None,)),
        ("count", INTEGER, True, None, (42,)),
        ("small", Primitive(PrimitiveKind.INTEGER, "int32"), False, None, ("not-a-number",)),
        ("plain", Primitive(PrimitiveKind.INTEGER, "int32"), False, None, ()),
        ("ratio", NUMBER, False, None, (0.5,)),
        ("weight", Primitive(PrimitiveKind.NUMBER, "float"), False, None, ()),
        ("enabled", BOOLEAN, False, None, (True,)),
        ("anything", ANY, False, None, ({"a": 1},)),
        ("names", ArrayType(STRING, items_nullable=None), True, None, (["a", "b"],)),
        ("labels", MapType(STRING, values_nullable=None), False, None, ()),
        (
            "groups",
            MapType(ArrayType(STRING, items_nullable=None), values_nullable=None),
            False,
            None,
            (),
        ),
        ("mode", RefType(MODE), False, None, ("async",)),
        ("requiredMode", RefType(MODE), True, None, ()),
        ("tags", ArrayType(RefType(tag), items_nullable=None), False, None, ()),
        (
            "createdAt",
            Primitive(PrimitiveKind.STRING, "date-time"),
            False,
            None,
            ("2024-01-01T00:00:00Z",),
        ),
        ("day", Primitive(PrimitiveKind.STRING, "date"), True, None, ()),
        ("file", Primitive(PrimitiveKind.STRING, "binary"), True, None, ()),
        ("oldId", STRING, False, None, ()),
        ("gone", STRING, True, None, ()),
    ]
    actual = [(f.name, f.type, f.required, f.nullable, f.examples) for f in model.fields]
    assert actual == expected
    fields = fields_by_name(model)
    assert [f.location.line for f in model.fields] == list(range(11, 31))
    assert fields["thingId"].description == "The ID of the thing.\nIt is unique."
    assert fields["thingId"].source_name == "ThingID"
    assert fields["nickname"].description is None
    assert fields["plain"].description is None
    assert fields["tags"].description == "Pipe | inside."
    assert fields["oldId"].deprecated is True
    assert fields["oldId"].source_name == "OldID"
    assert fields["oldId"].description == "Use `ThingID` instead."
    assert fields["gone"].deprecated is True
    assert fields["gone"].description is None
    assert [f.name for f in model.fields if f.deprecated] == ["oldId", "gone"]


def test_enum_values_stay_strings_and_keep_constant_names() -> None:
    definitions, _ = read_tree(FIXTURES / "good")
    mode = definitions["operations.Mode"]
    assert isinstance(mode, EnumModel)
    assert mode.description == "How to run."
    assert mode.deprecated is False
    assert mode.open is None
    assert [(v.value, v.source_name, v.location) for v in mode.values] == [
        ("async", "ModeAsync", Location("models/operations/mode.md", 10)),
        ("wait", "ModeWait", Location("models/operations/mode.md", 11)),
        ("2", "ModeTwo", Location("models/operations/mode.md", 12)),
    ]


def test_deprecated_enum_with_struck_title_and_warning_line() -> None:
    definitions, _ = read_tree(FIXTURES / "good")
    color = definitions["components.Color"]
    assert isinstance(color, EnumModel)
    assert color.deprecated is True
    assert color.description == "Old colors."
    assert [v.value for v in color.values] == ["red", "dark blue"]
    tag = fields_by_name(definitions["components.Tag"])
    assert tag["id"].source_name == "ID"
    assert tag["color"].type == RefType(TypeName("components", "Color"))
    assert tag["color"].description is None
    assert tag["id"].examples == ()


def test_union_variants_from_go_code_blocks() -> None:
    definitions, _ = read_tree(FIXTURES / "good")
    union = definitions["operations.TagNames"]
    assert isinstance(union, UnionModel)
    assert union.description == "Tag names."
    assert union.location == Location("models/operations/tagnames.md", 1)
    tag = RefType(TypeName("components", "Tag"))
    assert [(v.source_name, v.type, v.location.line) for v in union.variants] == [
        ("Str", STRING, 8),
        ("ArrayOfStr", ArrayType(STRING, items_nullable=None), 14),
        ("Tag", tag, 20),
        ("ArrayOfTag", ArrayType(tag, items_nullable=None), 26),
    ]


def test_bad_fixtures_report_every_problem_with_its_line() -> None:
    definitions, problems = read_tree(FIXTURES / "bad")
    hint = "expected a Go type such as *string*, []*T*, map[string]*T* or [T](link)"
    fields_header = "(Field | Type | Required | Description [| Example])"
    assert problems == [
        "models/operations/badenum.md:9: value name 'BadEnumB' is not in backticks; "
        "expected e.g. `ModeAsync`",
        "models/operations/badenum.md:10: value 'a' is already listed at line 8",
        "models/operations/badenum.md:11: row has 3 cells, expected 2 (Name | Value)",
        "models/operations/broken2.md:6: table header is 'Field | Kind | Required | Description'; "
        "expected 'Field | Type | Required | Description [| Example]'",
        f"models/operations/brokenrequest.md:9: row has 5 cells, expected 4 {fields_header}",
        f"models/operations/brokenrequest.md:10: row has 3 cells, expected 4 {fields_header}",
        "models/operations/brokenrequest.md:11: Required cell 'yes'; "
        "expected :heavy_check_mark: or :heavy_minus_sign:",
        "models/operations/brokenrequest.md:16: field name 'NoTicks' is not in backticks; "
        "expected e.g. `ClickID` (or ~~`ClickID`~~ when deprecated)",
        "models/operations/brokenrequest.md:17: field 'Good' (wire name 'good') is already "
        "defined at line 8",
        "models/operations/nosection.md:5: unknown section '## Notes'; expected ## Fields, "
        "## Values or ## Supported Types (and ## Example Usage)",
        "models/operations/notitle.md:1: no '# Title' heading; expected the model name as title, "
        "e.g. '# TrackLeadRequestBody'",
    ]
    kept = "the field is kept with an unknown type (any)"
    variant_kept = "it is kept with an unknown type (any)"
    assert read_warnings(FIXTURES / "bad") == [
        "models/operations/badunion.md:6: union variant '### Missing' cannot be read (union "
        "variant has no ```go code block; expected e.g. "
        f"`x := operations.CreateBadUnionStr(string{{/* values here */}})`); {variant_kept}",
        "models/operations/badunion.md:10: union variant '### ' cannot be read (unknown Go type "
        f"'uint8' in union variant; expected e.g. string, []string or components.Name); "
        f"{variant_kept}",
        "models/operations/badunion.md:16: union variant '### ' cannot be read (type "
        f"'components.Ghost' does not match any input doc's model); {variant_kept}",
        "models/operations/badunion.md:22: union variant '### ' cannot be read (cannot read "
        "union variant code 'something else entirely'; expected "
        "`x := operations.CreateBadUnion<Variant>(<Go type>{/* values here */})`); "
        f"{variant_kept}",
        "models/operations/brokenrequest.md:12: type cell '*uint8*' of field 'BadType' cannot "
        f"be read (unknown type syntax '*uint8*'; {hint}); {kept}",
        "models/operations/brokenrequest.md:13: type cell "
        "'[*operations.Missing](../../models/operations/missing.md)' of field 'BadLink' cannot "
        "be read (link to '../../models/operations/missing.md' does not resolve to any input "
        f"doc); {kept}",
        "models/operations/brokenrequest.md:14: type cell "
        "'[*operations.Thing](https://example.com/thing)' of field 'External' cannot be read "
        "(external link 'https://example.com/thing' for 'operations.Thing'; expected a relative "
        "link to an input doc (only time.Time, types.Date, http.Response, http.Request may link "
        f"elsewhere)); {kept}",
        "models/operations/brokenrequest.md:15: type cell "
        "'[operations.Other](../../models/operations/broken2.md)' of field 'WrongText' cannot be "
        "read (link text 'operations.Other' does not match the linked doc's model "
        "'operations.Broken2'; expected [operations.Broken2](../../models/operations/broken2.md)"
        f"); {kept}",
        "models/operations/brokenrequest.md:18: type cell 'map[int]*string*' of field 'IntMap' "
        "cannot be read (map key type 'int' is not supported; expected map[string]); "
        f"{kept}",
        "models/operations/nosection.md:1: no model section (## Fields, ## Values or "
        "## Supported Types); read as a model with no fields",
    ]
    # What could be read is still returned; an unreadable cell keeps its field as `any`.
    assert sorted(definitions) == [
        "operations.BadEnum",
        "operations.BadUnion",
        "operations.BrokenRequest",
        "operations.NoSection",
    ]
    fields = fields_by_name(definitions["operations.BrokenRequest"])
    assert [f.name for f in fields.values()] == [
        "good",
        "badType",
        "badLink",
        "external",
        "wrongText",
        "intMap",
    ]
    assert {f.type for f in list(fields.values())[1:]} == {Primitive(PrimitiveKind.ANY)}
    enum = definitions["operations.BadEnum"]
    assert isinstance(enum, EnumModel)
    assert [v.source_name for v in enum.values] == ["BadEnumA"]
    union = definitions["operations.BadUnion"]
    assert isinstance(union, UnionModel)
    assert [(v.source_name, v.type) for v in union.variants] == [
        ("Missing", Primitive(PrimitiveKind.ANY)),
        (None, Primitive(PrimitiveKind.ANY)),
        (None, Primitive(PrimitiveKind.ANY)),
        (None, Primitive(PrimitiveKind.ANY)),
    ]


# --- small docs written per test ------------------------------------------------------------


def test_unreadable_docs_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    good = write(
        tmp_path,
        "operations/ok.md",
        "# Ok\n\n## Values\n\n| Name | Value |\n|--|--|\n| `OkA` | a |\n",
    )
    latin = tmp_path / "operations" / "latin.md"
    latin.write_bytes(b"# Caf\xe9\n")
    missing = tmp_path / "operations" / "missing.md"
    collector = Collector()
    definitions = read_docs(
        [
            DocFile(missing, "operations/missing.md", "operations"),
            DocFile(latin, "operations/latin.md", "operations"),
            DocFile(good, "operations/ok.md", "operations"),
        ],
        collector,
        flavor="go",
    )
    assert [str(p) for p in collector.problems] == [
        "operations/missing.md: cannot read the doc (No such file or directory); "
        "expected a UTF-8 markdown file",
        "operations/latin.md: cannot read the doc (not valid UTF-8); expected a UTF-8 markdown file",
    ]
    assert [str(d.name) for d in definitions] == ["operations.Ok"]


def test_duplicate_model_names_are_reported(tmp_path: Path) -> None:
    text = "# Same\n\n## Values\n\n| Name | Value |\n|--|--|\n| `SameA` | a |\n"
    write(tmp_path, "operations/a.md", text)
    write(tmp_path, "operations/b.md", "\n" + text)
    write(tmp_path, "components/same.md", text)
    definitions, problems = read_tree(tmp_path, "go")
    assert problems == [
        "operations/b.md:2: model 'operations.Same' is already defined at operations/a.md:1"
    ]
    assert sorted(definitions) == ["components.Same", "operations.Same"]


def test_structure_problems(tmp_path: Path) -> None:
    write(
        tmp_path,
        "operations/twice.md",
        "# Twice\n\n## Values\n\n| Name | Value |\n|--|--|\n| `TwiceA` | a |\n\n"
        "## Fields\n\n| Field | Type | Required | Description |\n|--|--|--|--|\n\n# Again\n",
    )
    write(tmp_path, "operations/notable.md", "# NoTable\n\n## Fields\n\nJust words.\n")
    write(tmp_path, "operations/empty.md", "# Empty\n\n## Values\n\n| Name | Value |\n|--|--|\n")
    write(tmp_path, "operations/spaced.md", "# Not A Name\n\n## Values\n")
    write(tmp_path, "operations/nounion.md", "# NoUnion\n\n## Supported Types\n\nNothing.\n")
    definitions, problems = read_tree(tmp_path, "go")
    assert problems == [
        "operations/empty.md:3: '## Values' lists no values; expected at least one",
        "operations/notable.md:3: '## Fields' has no table; expected a "
        "| Field | Type | Required | Description | table",
        "operations/nounion.md:3: '## Supported Types' has no '### ' entries; "
        "expected one per variant",
        "operations/spaced.md:1: title 'Not A Name' is not a model name; "
        "expected a PascalCase identifier",
        "operations/twice.md:9: second model section '## Fields'; expected only '## Values' "
        "in this doc",
        "operations/twice.md:14: second '# ' heading; expected one '# Title' per doc",
    ]
    assert sorted(definitions) == ["operations.Twice"]
    twice = definitions["operations.Twice"]
    assert isinstance(twice, EnumModel)
    assert [v.value for v in twice.values] == ["a"]


def test_empty_object_and_example_usage_is_ignored(tmp_path: Path) -> None:
    write(
        tmp_path,
        "components/nothing.md",
        "# Nothing\n\n## Example Usage\n\n```go\nx := 1\n```\n\n## Fields\n\n"
        "| Field | Type | Required | Description |\n| --- | --- | --- | --- |",
    )
    definitions, problems = read_tree(tmp_path)
    assert problems == []
    nothing = definitions["components.Nothing"]
    assert isinstance(nothing, ObjectModel)
    assert nothing.fields == ()
    assert nothing.description is None


# --- type cells -----------------------------------------------------------------------------


def _arr(node: TypeNode, items_nullable: bool | None = None) -> ArrayType:
    return ArrayType(node, items_nullable=items_nullable)


def _map(node: TypeNode, values_nullable: bool | None = None) -> MapType:
    return MapType(node, values_nullable=values_nullable)


DATE_TIME = Primitive(PrimitiveKind.STRING, "date-time")


@pytest.mark.parametrize(
    ("cell", "node", "pointer"),
    [
        ("*string*", STRING, False),
        ("**string*", STRING, True),
        ("*int64*", INTEGER, False),
        ("*int*", Primitive(PrimitiveKind.INTEGER, "int32"), False),
        ("**int32*", Primitive(PrimitiveKind.INTEGER, "int32"), True),
        ("*float64*", NUMBER, False),
        ("*float32*", Primitive(PrimitiveKind.NUMBER, "float"), False),
        ("**bool*", BOOLEAN, True),
        ("*any*", ANY, False),
        ("*io.ReadCloser*", Primitive(PrimitiveKind.STRING, "binary"), False),
        ("[]*string*", _arr(STRING), False),
        ("[]**string*", _arr(STRING, True), False),
        ("[][]**int64*", _arr(_arr(INTEGER, True)), False),
        ("map[string]*any*", _map(ANY), False),
        ("map[string][]*string*", _map(_arr(STRING)), False),
        ("[*operations.Mode](../../models/operations/mode.md)", RefType(MODE), True),
        ("[operations.Mode](../../models/operations/mode.md)", RefType(MODE), False),
        (
            "[][components.Tag](../../models/components/tag.md)",
            _arr(RefType(TypeName("components", "Tag"))),
            False,
        ),
        (
            "map[string][operations.Mode](../../models/operations/mode.md)",
            _map(RefType(MODE)),
            False,
        ),
        ("[*time.Time](https://pkg.go.dev/time#Time)", DATE_TIME, True),
        ("[time.Time](https://pkg.go.dev/time#Time)", DATE_TIME, False),
        ("[*types.Date](../../types/date.md)", Primitive(PrimitiveKind.STRING, "date"), True),
        (
            "[*http.Response](https://pkg.go.dev/net/http#Response)",
            Primitive(PrimitiveKind.ANY, "http-response"),
            True,
        ),
    ],
)
def test_go_type_cells(cell: str, node: TypeNode, pointer: bool) -> None:
    parsed = GO_OLD.parse_type_cell(cell, REFS)
    assert parsed.node == node
    assert (parsed.wrapper == POINTER) is pointer


@pytest.mark.parametrize(
    ("cell", "node", "pointer"),
    [
        ("`string`", STRING, False),
        ("`*string`", STRING, True),
        ("`*float64`", NUMBER, True),
        ("[]`string`", _arr(STRING), False),
        ("[]`*string`", _arr(STRING, True), False),
        ("map[string]`any`", _map(ANY), False),
        ("`io.ReadCloser`", Primitive(PrimitiveKind.STRING, "binary"), False),
        ("[*operations.Mode](../../models/operations/mode.md)", RefType(MODE), True),
    ],
)
def test_new_go_type_cells(cell: str, node: TypeNode, pointer: bool) -> None:
    parsed = GO_NEW.parse_type_cell(cell, REFS)
    assert parsed.node == node
    assert (parsed.wrapper == POINTER) is pointer


@pytest.mark.parametrize(
    "cell",
    [
        "string",
        "`*string`",
        "*uint8*",
        "**",
        "*[]string*",
        "[]",
        "map[string",
        "[*operations.Mode](../../models/operations/mode.md",
        "*Optional[str]*",
        "",
    ],
)
def test_unknown_go_type_cells(cell: str) -> None:
    with pytest.raises(CellError) as error:
        GO_OLD.parse_type_cell(cell, REFS)
    assert str(error.value) == (
        f"unknown type syntax '{cell}'; expected a Go type such as *string*, []*T*, "
        "map[string]*T* or [T](link)"
    )


def test_nested_link_errors_keep_their_own_message() -> None:
    with pytest.raises(CellError) as error:
        GO_OLD.parse_type_cell("[][operations.X](../x.md)", REFS)
    assert str(error.value) == "link to '../x.md' does not resolve to any input doc"


@pytest.mark.parametrize(
    ("style", "required", "pointer", "nullable"),
    [
        ("old", True, True, True),
        ("old", True, False, None),
        ("old", False, True, None),
        ("old", False, False, None),
        ("new", True, True, True),
        ("new", True, False, False),
        ("new", False, True, None),
    ],
)
def test_go_nullability(style: str, required: bool, pointer: bool, nullable: bool | None) -> None:
    flavor = GO_OLD if style == "old" else GO_NEW
    mark = "*" if style == "old" else "`"
    cell = flavor.parse_type_cell(f"{mark}{'*' if pointer else ''}string{mark}", REFS)
    assert flavor.nullable(cell, required) is nullable


def test_go_wire_names() -> None:
    assert GO_OLD.wire_name("ClickID") == "clickId"
    assert GO_OLD.wire_name("URL") == "url"
    with pytest.raises(CellError, match="is not a Go identifier"):
        GO_OLD.wire_name("click-id")


# --- cells and tables -----------------------------------------------------------------------


def test_examples_follow_the_field_type() -> None:
    assert parse_example("", STRING) == ()
    assert parse_example("<nil>", INTEGER) == (None,)
    assert parse_example("12", STRING) == ("12",)
    assert parse_example("a<br/>b", STRING) == ("a\nb",)
    assert parse_example("12", INTEGER) == (12,)
    assert parse_example("1.5", INTEGER) == ("1.5",)
    assert parse_example("1.5", NUMBER) == (1.5,)
    assert parse_example("NaN", NUMBER) == ("NaN",)
    assert parse_example("false", BOOLEAN) == (False,)
    assert parse_example("yes", BOOLEAN) == ("yes",)
    assert parse_example('{<br/>"a": [1, 2]<br/>}', ANY) == ({"a": [1, 2]},)
    assert parse_example("[<br/>1<br/>]", ArrayType(INTEGER)) == ([1],)
    assert parse_example("async", RefType(MODE)) == ("async",)
    assert parse_example("**Example 1:** x<br/>y", ANY) == ("x\ny",)
    assert parse_example("**Example 1:** x<br/>**Example 2:** 2", ANY) == ("x", 2)
    assert parse_example("**Example 1:** x **Example 2:** 2", ANY) == (
        "**Example 1:** x **Example 2:** 2",
    )


def test_descriptions() -> None:
    assert parse_description("N/A") == (None, False)
    assert parse_description("") == (None, False)
    assert parse_description("a<br/><br/>b") == ("a\n\nb", False)
    assert parse_description(
        ": warning: ** DEPRECATED **: This will be removed in a future release, please migrate "
        "away from it as soon as possible.<br/><br/>Deprecated. Use `click.id` instead."
    ) == ("Deprecated. Use `click.id` instead.", True)
    assert parse_description(": warning: ** DEPRECATED **: Gone soon.") == ("Gone soon.", True)
    assert parse_description(
        ": warning: ** DEPRECATED **: This will be removed in a future release, please migrate "
        "away from it as soon as possible.<br/> <br/>Old.<br/>Still old.<br/>"
    ) == ("Old.\nStill old.\n", True)
    # A block scalar's final newline is the cell's last <br/>: it is part of the text.
    assert parse_description("One line.<br/>") == ("One line.\n", False)
    assert parse_description("a<br/>b<br/><br/>") == ("a\nb\n\n", False)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("# Kind\n\nA kind.\n\n\n## Values\n", "A kind."),
        ("# Kind\n\nA kind.\n\n\n\n## Values\n", "A kind.\n"),
        ("# Kind\n\nA kind.\n\n## Example Usage\n", "A kind."),
        ("# Kind\n\nA kind.\n\n\n## Example Usage\n", "A kind.\n"),
        ("# Kind\n\nA kind.\n\n\n> :warning: **DEPRECATED**: x.\n\n\n## Fields\n", "A kind.\n"),
        ("# Kind\n\nA kind.\n\n> :warning: **DEPRECATED**: x.\n\n\n\n## Fields\n", "A kind."),
        ("# Kind\n\nA kind.\n\n\n\n", "A kind."),
    ],
)
def test_blank_lines_past_the_preamble_gap_are_the_description_s_own(
    text: str, description: str
) -> None:
    assert parse_document(text).description == description


def test_a_description_keeps_its_own_html_and_its_trailing_newline() -> None:
    """``<br/>`` is the docs' line break, at the end too; ``<br>`` is the text's own HTML."""
    assert parse_description("Details<br/>") == ("Details\n", False)
    assert parse_description("<br/>a") == ("\na", False)
    assert parse_description("The ID.<br><br>An ID is a prefix.") == (
        "The ID.<br><br>An ID is a prefix.",
        False,
    )
    assert parse_description("A<br><br/>1 is **system**.<br/>") == (
        "A<br>\n1 is **system**.\n",
        False,
    )


def test_raw_cell_count_ignores_escaped_pipes() -> None:
    assert count_raw_cells("| a | b \\| c | d |") == 3
    assert count_raw_cells("a | b") == 2
    assert count_raw_cells("| a | b | c \\|") == 3


def test_document_split_keeps_lines() -> None:
    document = parse_document(
        "# ~~Sort~~\n\nDEPRECATED. Use `sortBy` instead.\n\n"
        "> :warning: **DEPRECATED**: This will be removed.\n\n\n## Values\n\n"
        "| Name | Value |\n| -- | -- |\n| `SortA` | a \\| b |"
    )
    assert document.title == "Sort"
    assert document.title_line == 1
    assert document.deprecated is True
    assert document.description == "DEPRECATED. Use `sortBy` instead."
    [section] = document.sections
    assert (section.heading, section.line) == ("Values", 8)
    [table] = section.tables
    assert table.header.cells == ("Name", "Value")
    assert [(row.cells, row.line, row.raw_cell_count) for row in table.rows] == [
        (("`SortA`", "a | b"), 12, 2)
    ]


# --- the real Go tree -----------------------------------------------------------------------


def test_old_go_corpus_reads_without_problems(corpus: Path) -> None:
    go_corpus = corpus / "dub-seed-era" / "go" / "docs" / "models"
    definitions, problems = read_tree(go_corpus)
    assert problems == []
    # operations/option.md documents SDK call options: no title, no model; a warning says so.
    assert read_warnings(go_corpus) == [
        "operations/option.md:1: not a model doc: the SDK's call-options page; it is left out"
    ]
    kinds = [d.kind for d in definitions.values()]
    assert len(definitions) == 312
    assert (kinds.count("object"), kinds.count("enum"), kinds.count("union")) == (198, 81, 33)
