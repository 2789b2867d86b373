"""The docs targets: table layout, names and type cells of each language, TypeScript snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.inputs.collect import read_inputs
from generator.ir import (
    ArrayType,
    DocsFlavor,
    EnumModel,
    EnumValue,
    Field,
    Location,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    UnionModel,
    UnionVariant,
    sort_definitions,
)
from generator.render.filters.docs_typescript_values import ValuePrinter
from generator.render.filters.markdown import (
    Cell,
    enum_words,
    example_cell,
    md_table,
)
from generator.render.renderer import render
from generator.render.targets import TARGETS, Options

HERE = Location("x.md", 1)
STRING = Primitive(PrimitiveKind.STRING)
DOCS_TARGETS = ("docs-go", "docs-python", "docs-typescript", "docs-php", "docs-ruby")


def test_every_docs_target_is_registered() -> None:
    assert set(DOCS_TARGETS) <= set(TARGETS)


# --- tables ----------------------------------------------------------------------------------


def test_width_counts_a_line_break_once_and_escaped_cells_overflow() -> None:
    table = md_table(["Name", "Value"], [["a\nb", "x|y"], ["c", "dd"]])
    assert table.split("\n") == [
        "| Name  | Value |",
        "| ----- | ----- |",
        "| a<br/>b | x\\|y  |",
        "| c     | dd    |",
    ]


def test_width_is_measured_in_utf16_units_as_javascript_does() -> None:
    """A character beyond U+FFFF (most emoji) counts two, and pads two fewer."""
    assert md_table(["Name"], [["\U0001f6a7 x"], ["é"]]).split("\n") == [
        "| Name |",
        "| ---- |",
        "| \U0001f6a7 x |",
        "| é    |",
    ]
    assert md_table(["N"], [["\U0001f6a7"]]).split("\n")[0] == "| N  |"


def test_several_examples_count_their_separators_in_full() -> None:
    cell = example_cell([{"a": 1}, "x"])
    assert cell == Cell('**Example 1:** {\n"a": 1\n}\n**Example 2:** x', 15 + 10 + 5 + 15 + 1)
    assert example_cell([None]) == Cell("<nil>", 5)
    assert example_cell([1.0, True]).text == "**Example 1:** 1\n**Example 2:** true"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("90d", ["ninetyd"]),
        ("24h", ["twenty", "fourh"]),
        ("1y", ["oney"]),
        ("*", ["wildcard"]),
        ("link.clicked", ["link", "clicked"]),
        ("createdAt", ["created", "at"]),
        ("115", ["one", "hundred", "fifteen"]),
    ],
)
def test_enum_value_words(value: str, words: list[str]) -> None:
    assert enum_words(value) == words


# --- one small schema in every flavor --------------------------------------------------------

MODE = TypeName("operations", "Mode")
BODY = TypeName("operations", "Body")
IDS = TypeName("operations", "Ids")
ERROR = TypeName("errors", "Error")


def schema() -> Schema:
    mode = EnumModel(MODE, (EnumValue("async", HERE), EnumValue("24h", HERE)), HERE)
    ids = UnionModel(
        IDS,
        (UnionVariant(STRING, HERE), UnionVariant(ArrayType(STRING), HERE)),
        HERE,
        description="Ids.",
    )
    body = ObjectModel(
        BODY,
        (
            Field("clickId", STRING, True, False, HERE, description="A | pipe\nand a line."),
            Field("mode", RefType(MODE), False, True, HERE, examples=("async",)),
            Field("ids", RefType(IDS), False, None, HERE, deprecated=True),
            Field("as", MapType(STRING), True, None, HERE),
            Field("error", RefType(ERROR), False, None, HERE),
        ),
        HERE,
    )
    error = ObjectModel(ERROR, (Field("message", STRING, True, None, HERE),), HERE)
    return Schema(sort_definitions([mode, ids, body, error]))


def rows(text: str) -> list[str]:
    """Table body rows with the padding squeezed."""
    import re

    return [
        re.sub(r" {2,}", " ", line)
        for line in text.split("\n")
        if line.startswith("| ") and not line.startswith(("| --", "| Field", "| Name"))
    ]


EXPECTED_ROWS = {
    "docs-go": (
        "models/operations/body.md",
        [
            "| `ClickID` | *string* | :heavy_check_mark: | A \\| pipe<br/>and a line. | |",
            "| `Mode` | [*operations.Mode](../../models/operations/mode.md) | "
            ":heavy_minus_sign: | N/A | async |",
            "| ~~`Ids`~~ | [*operations.Ids](../../models/operations/ids.md) | :heavy_minus_sign: | "
            ": warning: ** DEPRECATED **: This will be removed in a future release, please "
            "migrate away from it as soon as possible. | |",
            "| `As` | map[string]*string* | :heavy_check_mark: | N/A | |",
            "| `Error` | [*sdkerrors.Error](../../models/sdkerrors/error.md) | :heavy_minus_sign: "
            "| N/A | |",
        ],
    ),
    "docs-python": (
        "models/operations/body.md",
        [
            "| `click_id` | *str* | :heavy_check_mark: | A \\| pipe<br/>and a line. | |",
            "| `mode` | [OptionalNullable[operations.Mode]](../../models/operations/mode.md) | "
            ":heavy_minus_sign: | N/A | async |",
        ],
    ),
    "docs-typescript": (
        "models/operations/body.md",
        [
            "| `clickId` | *string* | :heavy_check_mark: | A \\| pipe<br/>and a line. | |",
            "| `mode` | [operations.Mode](../../models/operations/mode.md) | :heavy_minus_sign: "
            "| N/A | async |",
        ],
    ),
    "docs-php": (
        "Models/Operations/Body.md",
        [
            "| `clickId` | *string* | :heavy_check_mark: | A \\| pipe<br/>and a line. | |",
            "| `mode` | [?Operations\\Mode](../../Models/Operations/Mode.md) | :heavy_minus_sign: "
            "| N/A | async |",
        ],
    ),
    "docs-ruby": (
        "models/operations/body.md",
        [
            "| `click_id` | *::String* | :heavy_check_mark: | A \\| pipe<br/>and a line. | |",
            "| `mode` | [T.nilable(::OpenApiSDK::Operations::Mode)](../../models/operations/mode.md)"
            " | :heavy_minus_sign: | N/A | async |",
        ],
    ),
}


@pytest.mark.parametrize("target", DOCS_TARGETS)
def test_each_target_writes_names_and_types_of_its_language(target: str) -> None:
    files = render(schema(), [target], Options())
    path, expected = EXPECTED_ROWS[target]
    body = files[f"{target}/{path}"]
    assert rows(body)[: len(expected)] == expected
    assert render(schema(), [target], Options()) == files


def test_names_of_each_language() -> None:
    python = render(schema(), ["docs-python"], Options())
    assert "| `as_` " in python["docs-python/models/operations/body.md"]
    assert rows(python["docs-python/models/operations/mode.md"]) == [
        "| `ASYNC` | async |",
        "| `TWENTY_FOURH` | 24h |",
    ]
    go = render(schema(), ["docs-go"], Options())
    assert rows(go["docs-go/models/operations/mode.md"]) == [
        "| `ModeAsync` | async |",
        "| `ModeTwentyFourh` | 24h |",
    ]
    typescript = render(schema(), ["docs-typescript"], Options())
    assert "docs-typescript/models/errors/errort.md" in typescript
    assert "| `error` | [errors.ErrorT](../../models/errors/errort.md) |" in " ".join(
        rows(typescript["docs-typescript/models/operations/body.md"])
    )
    ruby = render(schema(), ["docs-ruby"], Options())
    assert "| ~~`ids`~~ | *T.nilable(::Object)* |" in " ".join(
        rows(ruby["docs-ruby/models/operations/body.md"])
    )


def test_unions_in_each_language() -> None:
    go = render(schema(), ["docs-go"], Options(go_style="new"))["docs-go/models/operations/ids.md"]
    assert "ids := operations.CreateIdsArrayOfStr([]string{/* values here */})" in go
    assert "\tcase operations.IdsTypeArrayOfStr:\n\t\t// ids.ArrayOfStr is populated" in go
    python = render(schema(), ["docs-python"], Options())["docs-python/models/operations/ids.md"]
    assert "### `List[str]`\n\n```python\nvalue: List[str] = /* values here */\n```" in python
    php = render(schema(), ["docs-php"], Options())["docs-php/Models/Operations/Ids.md"]
    assert "### `array`\n\n```php\n/**\n* @var array<string>\n*/\narray $value" in php
    body = render(schema(), ["docs-php"], Options())["docs-php/Models/Operations/Body.md"]
    assert "[string\\|array\\|null](../../Models/Operations/Ids.md)" in body
    typescript = render(schema(), ["docs-typescript"], Options())
    assert typescript["docs-typescript/models/operations/ids.md"].endswith(
        '### `string[]`\n\n```typescript\nconst value: string[] = [\n  "<value 1>",\n'
        '  "<value 2>",\n];\n```\n\n'
    )


def test_go_style_option_and_style_of_the_input() -> None:
    body = "docs-go/models/operations/body.md"
    assert "| `*string` " not in render(schema(), ["docs-go"], Options())[body]
    new = render(schema(), ["docs-go"], Options(go_style="new"))[body]
    assert "| `string` " in new
    assert "map[string]`string`" in new


# --- TypeScript examples, printed from the IR ------------------------------------------------

TS = DocsFlavor("typescript", None, "acme")


def ts_schema(example: object, name: str = "Body") -> Schema:
    model = TypeName("components", name)
    inner = TypeName("components", "Inner")
    return Schema(
        sort_definitions(
            [
                ObjectModel(
                    model,
                    (
                        Field("title", STRING, True, None, HERE),
                        Field(
                            "when", Primitive(PrimitiveKind.STRING, "date-time"), False, None, HERE
                        ),
                        Field("meta", MapType(STRING), False, None, HERE),
                        Field("inner", RefType(inner), False, None, HERE),
                        Field("list", ArrayType(STRING), False, None, HERE),
                    ),
                    HERE,
                    examples=(example,),  # type: ignore[arg-type]
                    docs_flavor=TS,
                ),
                ObjectModel(inner, (Field("x", STRING, True, None, HERE),), HERE, docs_flavor=TS),
            ]
        )
    )


def ts_usage(example: object, name: str = "Body") -> str:
    text = render(ts_schema(example, name), ["docs-typescript"], Options())[
        f"docs-typescript/models/components/{name.lower()}.md"
    ]
    return text.split("```typescript\n", 1)[1].split("\n```", 1)[0]


def test_typescript_example_is_printed_from_the_value_and_types() -> None:
    usage = ts_usage(
        {
            "title": 'say "hi"',
            "when": "2025-01-01T00:00:00Z",
            "meta": {"k": "v"},
            "inner": {"x": "y"},
            "list": [],
        }
    )
    assert usage == (
        'import { Body } from "acme/models/components";\n\n'
        "let value: Body = {\n"
        '  title: "say \\"hi\\"",\n'
        '  when: new Date("2025-01-01T00:00:00Z"),\n'
        "  meta: {\n"
        '    "k": "v",\n'
        "  },\n"
        "  inner: {\n"
        '    x: "y",\n'
        "  },\n"
        "  list: [],\n"
        "};"
    )


def test_a_long_property_breaks_after_its_colon() -> None:
    long = "word " * 14 + "end"
    assert f'  title:\n    "{long}",\n' in ts_usage({"title": long})
    short = "word " * 12
    assert f'  title: "{short}",\n' in ts_usage({"title": short})


@pytest.mark.parametrize(
    ("size", "head"),
    [
        (60, "let value: {name} = {{\n  title"),
        (67, "let value: {name} =\n  {{\n    title"),
        (74, "let value:\n  {name} = {{\n    title"),
        (80, "let value:\n  {name} =\n    {{\n      title"),
    ],
)
def test_a_long_declaration_breaks_like_the_formatter(size: int, head: str) -> None:
    name = "B" * size
    usage = ts_usage({"title": "t"}, name)
    statement = usage.split("\n\n", 1)[1]
    assert statement.startswith(head.format(name=name))
    if size == 80:
        assert usage.startswith(f"import {{\n  {name},\n}} from")


def test_values_pick_the_union_variant_they_fit() -> None:
    printer = ValuePrinter(schema(), lambda field, own: field.name)
    assert printer.lines(["a"], RefType(IDS), 0) == ["[", '  "a",', "]"]
    assert printer.lines("a", RefType(IDS), 0) == ['"a"']


# --- the project's spec in every flavor ------------------------------------------------------


def test_the_project_spec_renders_in_every_docs_flavor(project: Path) -> None:
    files = render(read_inputs([project / "spec"]), list(DOCS_TARGETS), Options())
    assert sorted(path for path in files if path.endswith("trackleadrequestbody.md")) == [
        "docs-go/models/operations/trackleadrequestbody.md",
        "docs-python/models/operations/trackleadrequestbody.md",
        "docs-ruby/models/operations/trackleadrequestbody.md",
        "docs-typescript/models/operations/trackleadrequestbody.md",
    ]
    assert "docs-php/Models/Operations/TrackLeadRequestBody.md" in files
    assert "| `click_id` " in files["docs-python/models/operations/trackleadrequestbody.md"]
