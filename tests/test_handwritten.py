"""The handwritten flavor on small docs of our own: tables, columns, markers, types, prose,
nesting, naming, warnings, configuration and the targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.diagnostics import Problem
from generator.inputs.collect import read_inputs
from generator.inputs.handwritten.config import HandwrittenConfig, config_from_table
from generator.inputs.handwritten.lexicon import Lexicon
from generator.inputs.handwritten.prose import (
    NotAValue,
    Value,
    prose_default,
    prose_values,
    read_value,
)
from generator.inputs.handwritten.type_words import TypeWordError, read_type
from generator.ir import (
    ArrayType,
    EnumModel,
    Field,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    UnionType,
)

COUPONS = """\
---
title: Coupons API
---

# Coupons

<!-- | Hidden | Type | -->

### Create a coupon

Creates a coupon.

| Parameter | Type | Required | Description |
|-----------|------|----------|-------------|
| `code` | string | Yes | Coupon code. |
| `amount` | DECIMAL | no | Amount. Defaults to `10`. |
| `kind` | ENUM | NO | One of `percent`, `fixed_cart` or `fixed_product`. |
| `expires_at` | date-time | N | When it expires. |
| `tags` | array of strings | ✗ | Tags. |
| `meta` | [`Meta`](#meta) | false | Extra data. |
| `limits` | map<string,int> | OPTIONAL | Limits per product. |
| `note` | string | Required if `kind` is `percent` | A note. |
| `owner` | frobnicator | REQUIRED | Who owns it. |

### Meta

Name | Type | Description
--- | --- | ---
key | string | The key (optional)
value | string or null | The value.

```markdown
| Not | A | Table |
|-----|---|-------|
| x | y | z |
```
"""


def _write(folder: Path, text: str, name: str = "api.md") -> Path:
    path = folder / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _read(
    folder: Path, text: str, config: HandwrittenConfig | None = None
) -> tuple[Schema, list[Problem]]:
    warnings: list[Problem] = []
    schema = read_inputs([_write(folder, text)], warnings=warnings, handwritten=config)
    return schema, warnings


def _model(schema: Schema, name: str) -> ObjectModel:
    found = [d for d in schema.definitions if d.name.name == name]
    assert found, [d.name.name for d in schema.definitions]
    model = found[0]
    assert isinstance(model, ObjectModel)
    return model


def _field(model: ObjectModel, name: str) -> Field:
    return next(f for f in model.fields if f.name == name)


def test_tables_become_models_named_after_their_headings(tmp_path: Path) -> None:
    schema, _ = _read(tmp_path, COUPONS)
    names = sorted(d.name.name for d in schema.definitions)
    assert names == ["CreateACoupon", "CreateACouponKind", "Meta"]
    coupon = _model(schema, "CreateACoupon")
    assert coupon.name.namespace == "api"
    assert coupon.description == "Creates a coupon."
    assert coupon.location.line == 13
    assert [f.name for f in coupon.fields][:3] == ["code", "amount", "kind"]


def test_required_markers_and_types(tmp_path: Path) -> None:
    coupon = _model(_read(tmp_path, COUPONS)[0], "CreateACoupon")
    required = {f.name: f.required for f in coupon.fields}
    assert required == {
        "code": True,
        "amount": False,
        "kind": False,
        "expires_at": False,
        "tags": False,
        "meta": False,
        "limits": False,
        "note": None,
        "owner": True,
    }
    assert _field(coupon, "amount").type == Primitive(PrimitiveKind.NUMBER)
    assert _field(coupon, "expires_at").type == Primitive(PrimitiveKind.STRING, "date-time")
    assert _field(coupon, "tags").type == ArrayType(
        Primitive(PrimitiveKind.STRING), items_nullable=None
    )
    assert _field(coupon, "meta").type == RefType(TypeName("api", "Meta"))
    limits = _field(coupon, "limits").type
    assert limits == MapType(Primitive(PrimitiveKind.INTEGER), values_nullable=None)


def test_values_and_defaults_in_prose(tmp_path: Path) -> None:
    schema, _ = _read(tmp_path, COUPONS)
    coupon = _model(schema, "CreateACoupon")
    assert _field(coupon, "amount").default is not None
    assert _field(coupon, "amount").default.value == 10  # type: ignore[union-attr]
    kind = schema.get(TypeName("api", "CreateACouponKind"))
    assert isinstance(kind, EnumModel)
    assert [v.value for v in kind.values] == ["percent", "fixed_cart", "fixed_product"]
    assert _field(coupon, "kind").type == RefType(kind.name)


def test_in_description_markers_and_null(tmp_path: Path) -> None:
    meta = _model(_read(tmp_path, COUPONS)[0], "Meta")
    assert _field(meta, "key").required is False
    assert _field(meta, "value").required is None
    assert _field(meta, "value").nullable is True
    assert _field(meta, "key").nullable is None


def test_cells_not_understood_are_warnings_at_their_line(tmp_path: Path) -> None:
    schema, warnings = _read(tmp_path, COUPONS)
    coupon = _model(schema, "CreateACoupon")
    assert _field(coupon, "owner").type == Primitive(PrimitiveKind.ANY)
    messages = {str(w) for w in warnings}
    path = (tmp_path / "docs" / "api.md").as_posix()
    assert any(
        m.startswith(f"{path}:23: row 'owner': Type cell 'frobnicator' not understood")
        for m in messages
    ), messages
    assert any(m.startswith(f"{path}:22: row 'note':") and "condition" in m for m in messages)


def test_nesting_by_paths_and_prefixes(tmp_path: Path) -> None:
    text = """\
## Settings

| Key | Type | Description |
|-----|------|-------------|
| `tls` | object | TLS settings. |
| `tls.ca` | string | CA file. |
| `servers[].url` | string | A server. |
| `field_map.<input_field>` | string | Output field per input field. |
| `list` | array | Object |
| > `orderId` | string | Order ID. |
| > `legs` | array | Legs. |
| >> `leg` | integer | Leg. |
"""
    schema, _ = _read(tmp_path, text)
    settings = _model(schema, "Settings")
    assert _field(settings, "tls").type == RefType(TypeName("api", "SettingsTls"))
    assert [f.name for f in _model(schema, "SettingsTls").fields] == ["ca"]
    servers = _field(settings, "servers")
    assert servers.type == ArrayType(
        RefType(TypeName("api", "SettingsServers")), items_nullable=None
    )
    assert servers.required is None
    field_map = _field(settings, "field_map").type
    assert field_map == MapType(Primitive(PrimitiveKind.STRING), values_nullable=None)
    listed = _field(settings, "list").type
    assert listed == ArrayType(RefType(TypeName("api", "SettingsList")), items_nullable=None)
    assert [f.name for f in _model(schema, "SettingsList").fields] == ["orderId", "legs"]
    assert _field(_model(schema, "SettingsList"), "legs").type == ArrayType(
        RefType(TypeName("api", "SettingsListLegs")), items_nullable=None
    )
    assert [f.name for f in _model(schema, "SettingsListLegs").fields] == ["leg"]


def test_names_are_unique_and_tables_without_headings_are_named(tmp_path: Path) -> None:
    text = """\
| Name | Description |
|------|-------------|
| a | A. |

## Options

| Name | Default | Description |
|------|---------|-------------|
| b | `1` | B. |

**Advanced**

| Name | Default | Description |
|------|---------|-------------|
| c | `2` | C. |

## Options

| Name | Description |
|------|-------------|
| d | D. |
"""
    schema, _ = _read(tmp_path, text)
    names = [d.name.name for d in schema.definitions]
    assert sorted(names) == ["Advanced", "Options", "Options2", "Table"]


def test_defaults_that_are_not_values_are_kept_as_text(tmp_path: Path) -> None:
    text = """\
## Values

| Parameter | Description | Default |
|-----------|-------------|---------|
| `image` | The image. | see [values.yaml][] |
| `port` | The port. | `9200` |
| `mode` | The mode. | `-` |
| `name` | The name. | `""` |
| `tz` | Time zone. | Machine timezone |
| `copy` | Same as port. | `port` |
"""
    schema, warnings = _read(tmp_path, text)
    model = _model(schema, "Values")
    defaults = {f.name: (f.default.value if f.default else "none") for f in model.fields}
    assert defaults == {
        "image": "none",
        "port": 9200,
        "mode": "none",
        "name": "",
        "tz": "none",
        "copy": "none",
    }
    assert "Default: see [values.yaml][]" in (_field(model, "image").description or "")
    assert sum("is not a value" in w.message for w in warnings) == 3


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("STRING", Primitive(PrimitiveKind.STRING)),
        ("`int`", Primitive(PrimitiveKind.INTEGER)),
        ("LONG", Primitive(PrimitiveKind.INTEGER)),
        ("int64", Primitive(PrimitiveKind.INTEGER, "int64")),
        ("bool", Primitive(PrimitiveKind.BOOLEAN)),
        ("timestamp", Primitive(PrimitiveKind.STRING, "date-time")),
        ("ISO 8601 date", Primitive(PrimitiveKind.STRING, "date-time")),
        ("UUID", Primitive(PrimitiveKind.STRING, "uuid")),
        ("`time.Duration`", Primitive(PrimitiveKind.STRING, "duration")),
        ("string[]", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("[]string", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("List<String>", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("ARRAY OF STRING", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("`int` list", ArrayType(Primitive(PrimitiveKind.INTEGER), items_nullable=None)),
        (
            "list(map(string))",
            ArrayType(
                MapType(Primitive(PrimitiveKind.STRING), values_nullable=None), items_nullable=None
            ),
        ),
        ("map[string]string", MapType(Primitive(PrimitiveKind.STRING), values_nullable=None)),
        ("map<string,string>", MapType(Primitive(PrimitiveKind.STRING), values_nullable=None)),
        ("object", MapType(Primitive(PrimitiveKind.ANY), values_nullable=None)),
        ("array", ArrayType(Primitive(PrimitiveKind.ANY), items_nullable=None)),
        ("???", Primitive(PrimitiveKind.ANY)),
        ("Array (String)", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("[String]", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("List[str]", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None)),
        ("Dict[str, int]", MapType(Primitive(PrimitiveKind.INTEGER), values_nullable=None)),
        ("string (optional)", Primitive(PrimitiveKind.STRING)),
        ("array of ???", ArrayType(Primitive(PrimitiveKind.ANY), items_nullable=None)),
        (
            "string or integer",
            UnionType((Primitive(PrimitiveKind.STRING), Primitive(PrimitiveKind.INTEGER))),
        ),
    ],
)
def test_type_words(cell: str, expected: object) -> None:
    assert read_type(cell, Lexicon(), lambda text, target: None).node == expected


def test_type_links_and_unknown_words() -> None:
    target = TypeName("api", "Step")

    def resolve(text: str, anchor: str | None) -> TypeName | None:
        return target if "step" in (anchor or text).lower() else None

    assert read_type("[`Step`](#step)", Lexicon(), resolve).node == RefType(target)
    assert read_type("[][`Step`](#step)", Lexicon(), resolve).node == ArrayType(
        RefType(target), items_nullable=None
    )
    assert read_type("Step list", Lexicon(), resolve).node == ArrayType(
        RefType(target), items_nullable=None
    )
    assert read_type("array or null", Lexicon(), resolve).nullable is True
    for nullable in ("int?", "nullable string", "string, nullable", "Optional[str]"):
        assert read_type(nullable, Lexicon(), resolve).nullable is True, nullable
    assert read_type("???", Lexicon(), resolve).nullable is None
    with pytest.raises(TypeWordError, match="unknown type word"):
        read_type("frobnicator", Lexicon(), resolve)
    with pytest.raises(TypeWordError, match="no table"):
        read_type("[Thing](#thing)", Lexicon(), resolve)


@pytest.mark.parametrize(
    ("text", "values", "default"),
    [
        ("One of `a`, `b`.", ["a", "b"], None),
        ("Possible values: `x`, `y` or `z`.", ["x", "y", "z"], None),
        ("Can be `true`, `false`, or `legacy`.", ["true", "false", "legacy"], None),
        ("Valid values: `wrr` (default), `p2c`.", ["wrr", "p2c"], "wrr"),
        ("`fast`: quick<br>`slow`: careful", ["fast", "slow"], None),
        ("Only `PRICE_LEVEL` is supported.", ["PRICE_LEVEL"], None),
        ("Possible values: ACK, RESULT or FULL.", ["ACK", "RESULT", "FULL"], None),
        ("Valid values are listed below.", None, None),
        ("Can be set from the CLI, GitOps, or directly", None, None),
        ("For example, `main` or `dev`.", None, None),
        ("Keeps `.git`, `.github`, or `.ssh` directories.", None, None),
    ],
)
def test_values_in_prose(text: str, values: list[str] | None, default: str | None) -> None:
    found = prose_values(text, PrimitiveKind.STRING, ())
    if values is None:
        assert found is None
    else:
        assert found == (values, default)


def test_value_names_of_sibling_fields_are_no_enum() -> None:
    assert (
        prose_values(
            "Either `symbol`, `coin` or `base` is required.", None, {"symbol", "coin", "base"}
        )
        is None
    )


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Defaults to `10`.", PrimitiveKind.INTEGER, Value(10)),
        ("Default: `false`", PrimitiveKind.BOOLEAN, Value(False)),
        ("Defaults to false.", PrimitiveKind.BOOLEAN, Value(False)),
        ("It is turned on by default.", None, Value(True)),
        ("(default: 5 seconds)", PrimitiveKind.INTEGER, Value(5)),
        ("Default quality for all sources.", None, None),
        (
            "Defaults to `${{ github.token }}`.",
            PrimitiveKind.STRING,
            NotAValue("${{ github.token }}", "it is an expression, not a value"),
        ),
    ],
)
def test_defaults_in_prose(text: str, kind: PrimitiveKind | None, expected: object) -> None:
    assert prose_default(text, kind, ()) == expected


def test_conditional_defaults_are_not_guessed() -> None:
    found = prose_default("Orders of type A default to `FULL`, others default to `ACK`.", None, ())
    assert isinstance(found, NotAValue)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("`[]`", Value([])),
        ("`{}`", Value({})),
        ("`type: Recreate`", Value({"type": "Recreate"})),
        ("None", None),
        ("`<unset>`", None),
        ("``", Value("")),
        ("1s", Value("1s")),
    ],
)
def test_default_cells(cell: str, expected: object) -> None:
    assert read_value(cell, None) == expected


def test_transposed_signature_tables(tmp_path: Path) -> None:
    text = """\
## Print Width

Line length to wrap on.

| Default | CLI Override | API Override |
| ------- | ------------ | ------------ |
| `80` | `--print-width <int>` | `printWidth: <int>` |

## Quotes

| Default | CLI Override | API Override |
| ------- | ------------ | ------------ |
| `"double"` | `--quotes <single\\|double>` | <code>quotes: "\\<single&#124;double>"</code> |
"""
    schema, _ = _read(tmp_path, text)
    width = _field(_model(schema, "PrintWidth"), "printWidth")
    assert width.type == Primitive(PrimitiveKind.INTEGER)
    assert width.default is not None and width.default.value == 80
    quotes = _field(_model(schema, "Quotes"), "quotes")
    enum = schema.get(quotes.type.target) if isinstance(quotes.type, RefType) else None
    assert isinstance(enum, EnumModel)
    assert [v.value for v in enum.values] == ["single", "double"]


def test_values_without_a_stated_type_are_literals(tmp_path: Path) -> None:
    text = """\
## Chart

| Parameter | Description | Default |
|-----------|-------------|---------|
| `mode` | Possible values: `hard`, `soft`. | `hard` |
"""
    mode = _field(_model(_read(tmp_path, text)[0], "Chart"), "mode")
    assert mode.type == UnionType((LiteralType("hard"), LiteralType("soft")))


def test_house_style_configuration(tmp_path: Path) -> None:
    text = """\
## Knobs

| Knob | Kind | Needed | Blurb |
|------|------|--------|-------|
| speed | Money | please | Fast. |
"""
    table = {
        "columns": {
            "name": ["Knob"],
            "type": ["Kind"],
            "required": ["Needed"],
            "description": ["Blurb"],
        },
        "required": ["please"],
        "types": {"Money": "number"},
        "naming": "path",
    }
    config, problems = config_from_table(table)
    assert problems == []
    schema, warnings = _read(tmp_path, text, config)
    speed = _field(_model(schema, "Knobs"), "speed")
    assert speed.type == Primitive(PrimitiveKind.NUMBER)
    assert speed.required is True
    assert warnings == []
    _, bad = config_from_table(
        {"columns": {"colour": ["x"]}, "types": {"Y": "thing"}, "naming": "z"}
    )
    assert len(bad) == 3


def test_sdk_docs_still_go_to_their_flavor(project: Path) -> None:
    schema = read_inputs([project / "tests" / "fixtures" / "markdown" / "good"])
    assert schema.definitions
    assert all(d.docs_flavor is not None for d in schema.definitions)


def test_sniff_tells_sdk_docs_from_handwritten_ones() -> None:
    from generator.inputs.handwritten.sniff import is_sdk_doc

    assert is_sdk_doc("# Link\n\n## Fields\n\n| Field | Type | Required | Description |\n")
    assert is_sdk_doc("# Mode\n\n## Values\n\n| Name | Value |\n")
    assert not is_sdk_doc("# API\n\n## Fields\n\n| Name | Type | Description |\n")
    assert not is_sdk_doc("# Chart\n\n## Values\n\n| Parameter | Default |\n")
    page = "# Webhook payload\n\n## Fields\n\n| Field | Type | Required | Description |\n"
    assert not is_sdk_doc(page)  # the title is no model name
    page = "# Payload\n\n## Fields\n\n| Field | Type | Required | Description |\n\n## Examples\n"
    assert not is_sdk_doc(page)  # a section no SDK doc has


def test_forced_flavor_and_openapi_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _write(tmp_path, COUPONS)
    out = tmp_path / "out"
    code = main(
        [
            "generate",
            "--spec",
            str(spec),
            "--target",
            "openapi",
            "--target",
            "python",
            "--target",
            "jsonschema",
            "--out",
            str(out),
            "--flavor",
            "handwritten",
            "--config",
            str(tmp_path / "none.toml"),
        ]
    )
    assert code == 0
    openapi = next(out.joinpath("openapi").rglob("*.yaml"))
    document = yaml.safe_load(openapi.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    coupon = next(v for k, v in schemas.items() if k.endswith("CreateACoupon"))
    assert coupon["required"] == ["code", "owner"]
    assert "frobnicator" in capsys.readouterr().err
    assert main(["ir", str(spec)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(d["name"]["name"] == "Meta" for d in data["definitions"])


def test_pyproject_house_style_reaches_the_reader(tmp_path: Path) -> None:
    _write(
        tmp_path, "## Knobs\n\n| Knob | Kind | Blurb |\n|---|---|---|\n| speed | Money | Fast. |\n"
    )
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.specloom]\nspec = ["docs"]\ntargets = ["jsonschema"]\nout = "out"\n\n'
        "[tool.specloom.handwritten]\n"
        'columns = { name = ["Knob"], type = ["Kind"], description = ["Blurb"] }\n'
        'types = { Money = "number" }\nnamespace = "api"\n',
        encoding="utf-8",
    )
    assert main(["generate", "--config", str(pyproject)]) == 0
    schema = json.loads(
        (tmp_path / "out" / "jsonschema" / "schema.json").read_text(encoding="utf-8")
    )
    knobs = schema["$defs"]["Knobs"]["properties"]["speed"]
    assert "number" in json.dumps(knobs)
    pyproject.write_text('[tool.specloom.handwritten]\nnaming = "random"\n', encoding="utf-8")
    assert main(["generate", "--config", str(pyproject), "--spec", "docs"]) == 2


def test_more_marker_forms_and_role_less_columns(tmp_path: Path) -> None:
    text = """\
## List widgets

| Name | In | Type | Required | Valid values | Description |
|------|----|------|----------|--------------|-------------|
| `cursor` | query | string | Conditional | | After the first page. |
| `status` | query | string | RECOMMEDED | active \\| archived | The status. |
| `sort` | `a`, `b`, `c` | string | no | | The order. |

## Widget

| Attribute | Type | Description |
|-----------|------|-------------|
| `id` | string, required | Unique ID. |
| `size` | number (optional) | Size. |
"""
    schema, warnings = _read(tmp_path, text)
    widgets = _model(schema, "ListWidgets")
    assert _field(widgets, "cursor").required is None
    assert _field(widgets, "status").required is False
    status = schema.get(TypeName("api", "ListWidgetsStatus"))
    assert isinstance(status, EnumModel) and [v.value for v in status.values] == [
        "active",
        "archived",
    ]
    assert _field(widgets, "sort").type == Primitive(
        PrimitiveKind.STRING
    )  # `In`-like cells are no prose
    assert "In: query" in (_field(widgets, "cursor").description or "")
    messages = [w.message for w in warnings]
    assert any("'Conditional' is conditional" in m for m in messages)
    assert any("read as 'recommended'" in m for m in messages)
    widget = _model(schema, "Widget")
    assert _field(widget, "id").required is True
    assert _field(widget, "size").required is False
    assert _field(widget, "size").type == Primitive(PrimitiveKind.NUMBER)


def test_files_of_one_run_get_unique_namespaces(tmp_path: Path) -> None:
    table = "## Configuration\n\n| Parameter | Description | Default |\n|---|---|---|\n| `{0}` | x | `1` |\n"
    for chart in ("alpha", "beta"):
        _write(tmp_path, table.format(chart), f"{chart}/README.md")
    schema = read_inputs([tmp_path / "docs"])
    assert sorted(str(d.name) for d in schema.definitions) == [
        "alpha_readme.Configuration",
        "beta_readme.Configuration",
    ]


def test_markers_in_the_name_cell(tmp_path: Path) -> None:
    text = """\
## Inputs

| Input | Description |
|-------|-------------|
| `token` (required) | The token. |
| `path`<br>*optional* | The path. |
| `isRequired` | A flag. |
| `name`* | The name. |
| `label`? | The label. |
"""
    model = _model(_read(tmp_path, text)[0], "Inputs")
    assert {f.name: f.required for f in model.fields} == {
        "token": True,
        "path": False,
        "isRequired": None,
        "name": True,
        "label": False,
    }


def test_ir_command_reads_with_the_house_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _write(tmp_path, "## Knobs\n\n| Knob | Blurb |\n|---|---|\n| speed | Fast. |\n")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.specloom.handwritten]\ncolumns = { name = ["Knob"], description = ["Blurb"] }\n',
        encoding="utf-8",
    )
    assert main(["ir", str(spec), "--config", str(pyproject)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"]["name"] for d in data["definitions"]] == ["Knobs"]
