"""The docs flavors: type cells, names, nullability, unions, enums and examples of each language."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from generator.diagnostics import Collector
from generator.inputs.markdown import DocFile, detect_flavor, read_tree
from generator.inputs.markdown.document import parse_document
from generator.inputs.markdown.flavor import CellError, CellType, Flavor
from generator.inputs.markdown.go_types import GO_NEW, GO_OLD
from generator.inputs.markdown.php_types import PHP
from generator.inputs.markdown.python_types import PYTHON
from generator.inputs.markdown.ruby_types import RUBY
from generator.inputs.markdown.typescript_types import TYPESCRIPT
from generator.inputs.markdown.typescript_values import read_all
from generator.ir import (
    ArrayType,
    EnumModel,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionModel,
    UnionType,
)

STRING = Primitive(PrimitiveKind.STRING)
INTEGER = Primitive(PrimitiveKind.INTEGER)
NUMBER = Primitive(PrimitiveKind.NUMBER)
BOOLEAN = Primitive(PrimitiveKind.BOOLEAN)
ANY = Primitive(PrimitiveKind.ANY)
BINARY = Primitive(PrimitiveKind.STRING, "binary")
RESPONSE = Primitive(PrimitiveKind.ANY, "http-response")
MODE = TypeName("operations", "Mode")
TAG = TypeName("components", "Tag")
UNION = TypeName("operations", "TagNames")


class Refs:
    """A ``RefResolver`` over a few known docs."""

    links: ClassVar[dict[str, TypeName]] = {
        "../../models/operations/mode.md": MODE,
        "../../Models/Operations/Mode.md": MODE,
        "../../models/components/tag.md": TAG,
        "../../Models/Components/Tag.md": TAG,
        "../../Models/Operations/TagNames.md": UNION,
    }

    def link(self, target: str) -> TypeName:
        if target not in self.links:
            raise CellError(f"link to '{target}' does not resolve to any input doc")
        return self.links[target]

    def link_or_name(self, target: str, namespace: str, name: str) -> TypeName:
        try:
            return self.link(target)
        except CellError:
            return self.name(namespace, name)

    def name(self, namespace: str, name: str) -> TypeName:
        known = {*self.links.values(), TypeName("errors", "Error")}
        if TypeName(namespace, name) not in known:
            raise CellError(f"type '{namespace}.{name}' does not match any input doc's model")
        return TypeName(namespace, name)


REFS = Refs()


def arr(node: TypeNode, nullable: bool | None = None) -> ArrayType:
    return ArrayType(node, items_nullable=nullable)


def dct(node: TypeNode, nullable: bool | None = None) -> MapType:
    return MapType(node, values_nullable=nullable)


def cell(flavor: Flavor, text: str) -> CellType:
    return flavor.parse_type_cell(text, REFS)


# --- type cells, one table per flavor --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "node", "wrapper"),
    [
        ("*str*", STRING, None),
        ("*Optional[str]*", STRING, "Optional"),
        ("*Nullable[float]*", NUMBER, "Nullable"),
        ("*OptionalNullable[int]*", INTEGER, "OptionalNullable"),
        ("*Optional[Any]*", ANY, "Optional"),
        ('*Literal["text"]*', LiteralType("text"), None),
        ("*Optional[Literal[True]]*", LiteralType(True), "Optional"),
        ("*Union[bytes, IO[bytes], io.IOBase]*", BINARY, None),
        ("List[*str*]", arr(STRING), None),
        ("List[Dict[str, *Any*]]", arr(dct(ANY)), None),
        ("Dict[str, *Nullable[str]*]", dct(STRING, True), None),
        ("[Optional[operations.Mode]](../../models/operations/mode.md)", RefType(MODE), "Optional"),
        ("List[[components.Tag](../../models/components/tag.md)]", arr(RefType(TAG)), None),
        ("[httpx.Response](https://www.python-httpx.org/api/#response)", RESPONSE, None),
    ],
)
def test_python_cells(text: str, node: TypeNode, wrapper: str | None) -> None:
    assert cell(PYTHON, text) == CellType(node, wrapper)


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("*string*", STRING),
        ("*number*", NUMBER),
        ("*boolean*", BOOLEAN),
        ("*string*[]", arr(STRING)),
        ("Record<string, *any*>", dct(ANY)),
        ("Record<string, *any*>[]", arr(dct(ANY))),
        ('*"audio_url"*', LiteralType("audio_url")),
        ("*true*", LiteralType(True)),
        ("[operations.Mode](../../models/operations/mode.md)", RefType(MODE)),
        ("[components.Tag](../../models/components/tag.md)[]", arr(RefType(TAG))),
        ("*operations.TagNames*", RefType(UNION)),
        ("*errors.ErrorT*", RefType(TypeName("errors", "Error"))),
        (
            "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
            Primitive(PrimitiveKind.STRING, "date-time"),
        ),
        ("*ReadableStream<Uint8Array>*", BINARY),
        (
            "[File](https://developer.mozilla.org/en-US/docs/Web/API/File) | "
            "[Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) | "
            "[components.Tag](../../models/components/tag.md)",
            UnionType((BINARY, RefType(TAG))),
        ),
    ],
)
def test_typescript_cells(text: str, node: TypeNode) -> None:
    parsed = cell(TYPESCRIPT, text)
    assert parsed.node == node
    assert TYPESCRIPT.nullable(parsed, True) is None


@pytest.mark.parametrize(
    ("text", "node", "marked"),
    [
        ("*string*", STRING, False),
        ("*?string*", STRING, True),
        ("*?float*", NUMBER, True),
        ("*int*", INTEGER, False),
        ("*mixed*", ANY, False),
        ("array<*string*>", arr(STRING), False),
        ("array<string, *mixed*>", dct(ANY), False),
        ("[?Operations\\Mode](../../Models/Operations/Mode.md)", RefType(MODE), True),
        ("array<[Components\\Tag](../../Models/Components/Tag.md)>", arr(RefType(TAG)), False),
        ("[string|array|null](../../Models/Operations/TagNames.md)", RefType(UNION), True),
        ("[string|array](../../Models/Operations/TagNames.md)", RefType(UNION), False),
        (
            "[\\Psr\\Http\\Message\\ResponseInterface]"
            "(https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface)",
            RESPONSE,
            False,
        ),
    ],
)
def test_php_cells(text: str, node: TypeNode, marked: bool) -> None:
    parsed = cell(PHP, text)
    assert parsed.node == node
    assert PHP.nullable(parsed, True) is (True if marked else None)
    assert PHP.nullable(parsed, False) is None


@pytest.mark.parametrize(
    ("text", "node", "nilable"),
    [
        ("*::String*", STRING, False),
        ("*T.nilable(::String)*", STRING, True),
        ("*::Integer*", INTEGER, False),
        ("*T.nilable(T::Boolean)*", BOOLEAN, True),
        ("*::Object*", ANY, False),
        ("T::Array<*::String*>", arr(STRING), False),
        ("T::Hash[Symbol, *::Object*]", dct(ANY), False),
        (
            "[T.nilable(::OpenApiSDK::Operations::Mode)](../../models/operations/mode.md)",
            RefType(MODE),
            True,
        ),
        (
            "T::Array<[::OpenApiSDK::Shared::Tag](../../models/components/tag.md)>",
            arr(RefType(TAG)),
            False,
        ),
        (
            "[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)",
            RESPONSE,
            False,
        ),
    ],
)
def test_ruby_cells(text: str, node: TypeNode, nilable: bool) -> None:
    parsed = cell(RUBY, text)
    assert parsed.node == node
    assert RUBY.nullable(parsed, True) is (True if nilable else None)


@pytest.mark.parametrize(
    ("flavor", "text", "hint"),
    [
        (PYTHON, "*string*", "expected a Python type"),
        (PYTHON, "List[*str*", "expected a Python type"),
        (TYPESCRIPT, "*str*", "expected a TypeScript type"),
        (PHP, "*?str*", "expected a PHP type"),
        (RUBY, "*str*", "expected a Sorbet type"),
        (GO_NEW, "*string*", "expected a Go type such as `"),
    ],
)
def test_foreign_cells_are_reported(flavor: Flavor, text: str, hint: str) -> None:
    with pytest.raises(CellError, match=hint):
        cell(flavor, text)


def test_python_wrappers_must_agree_with_required() -> None:
    assert PYTHON.nullable(cell(PYTHON, "*Optional[str]*"), False) is False
    assert PYTHON.nullable(cell(PYTHON, "*OptionalNullable[str]*"), False) is True
    assert PYTHON.nullable(cell(PYTHON, "*Nullable[str]*"), True) is True
    assert PYTHON.nullable(cell(PYTHON, "*str*"), True) is False
    assert PYTHON.nullable(cell(PYTHON, "List[*str*]"), False) is None
    with pytest.raises(CellError, match="type shows Optional"):
        PYTHON.nullable(cell(PYTHON, "*Optional[str]*"), True)
    with pytest.raises(CellError, match="shows no Optional"):
        PYTHON.nullable(cell(PYTHON, "*str*"), False)
    # Since 2024 a field linked to a standard-library type shows no wrapper even when optional.
    date_link = "[date](https://docs.python.org/3/library/datetime.html#date-objects)"
    assert PYTHON.nullable(cell(PYTHON, date_link), False) is None


def test_wire_names_are_the_same_from_every_flavor() -> None:
    assert GO_OLD.wire_name("UtmSource") == "utmSource"
    assert PYTHON.wire_name("utm_source") == "utmSource"
    assert RUBY.wire_name("utm_source") == "utmSource"
    assert TYPESCRIPT.wire_name("utmSource") == "utmSource"
    assert PHP.wire_name("utmSource") == "utmSource"
    assert PYTHON.wire_name("as_") == "as"
    assert PHP.namespace("Components") == "components"
    assert GO_OLD.namespace("sdkerrors") == "errors"
    assert TYPESCRIPT.model_name("ErrorT") == "Error"
    assert TYPESCRIPT.model_name("FormatT") == "FormatT"


# --- TypeScript example values ---------------------------------------------------------------


def test_typescript_values_read_as_json() -> None:
    text = (
        '{\n  id: "<id>",\n  "a-b": 1.5,\n  when: new Date("2025-01-01T00:00:00Z"),\n'
        "  tags: [\n    true,\n    null,\n  ],\n  none: {},\n  n: -.5,\n}"
    )
    assert read_all(text) == {
        "id": "<id>",
        "a-b": 1.5,
        "when": "2025-01-01T00:00:00Z",
        "tags": [True, None],
        "none": {},
        "n": -0.5,
    }
    assert read_all("'it\\'s'") == "it's"
    for bad in ("{ a: }", "[1 2]", "new Thing()", "{ a: 1 } extra", "undefined"):
        with pytest.raises(CellError):
            read_all(bad)


# --- whole docs of each flavor ---------------------------------------------------------------


def write(root: Path, files: dict[str, str]) -> list[DocFile]:
    docs = []
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        docs.append(DocFile(path.resolve(), relative, path.parent.name))
    return docs


TS_DOCS = {
    "models/operations/mode.md": (
        "# Mode\n\n## Example Usage\n\n```typescript\n"
        'import { Mode } from "@acme/sdk/models/operations";\n\nlet value: Mode = "wait";\n\n'
        "// Open enum: unrecognized values are captured as Unrecognized<string>\n```\n\n"
        '## Values\n\n```typescript\n"async" | "wait" | Unrecognized<string>\n```'
    ),
    "models/operations/body.md": (
        "# Body\n\n## Example Usage\n\n```typescript\n"
        'import { Body } from "@acme/sdk/models/operations";\n\n'
        'let value: Body = {\n  mode: "wait",\n  ids: [\n    "<value 1>",\n  ],\n};\n```\n\n'
        "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        "| `mode` | [operations.Mode](../../models/operations/mode.md) | :heavy_check_mark: | N/A |\n"
        "| `ids` | *operations.Ids* | :heavy_minus_sign: | N/A |"
    ),
    "models/operations/ids.md": (
        "# Ids\n\n\n## Supported Types\n\n### `string`\n\n```typescript\n"
        'const value: string = "<value>";\n```\n\n### `string[]`\n\n```typescript\n'
        'const value: string[] = [\n  "<value 1>",\n];\n```\n\n'
    ),
}


def test_typescript_docs_give_examples_open_enums_and_the_package(tmp_path: Path) -> None:
    collector = Collector()
    read = read_tree(write(tmp_path, TS_DOCS), collector)
    assert collector.problems == []
    assert read.flavor is not None
    assert (read.flavor.language, read.flavor.package) == ("typescript", "@acme/sdk")
    models = {str(d.name): d for d in read.definitions}
    mode = models["operations.Mode"]
    assert isinstance(mode, EnumModel)
    assert (mode.open, mode.examples, [v.value for v in mode.values]) == (
        True,
        ("wait",),
        ["async", "wait"],
    )
    body = models["operations.Body"]
    assert isinstance(body, ObjectModel)
    assert body.examples == ({"mode": "wait", "ids": ["<value 1>"]},)
    ids = models["operations.Ids"]
    assert isinstance(ids, UnionModel)
    assert [(v.type, v.examples) for v in ids.variants] == [
        (STRING, ("<value>",)),
        (arr(STRING), (["<value 1>"],)),
    ]
    assert all(d.docs_flavor == read.flavor for d in read.definitions)


def test_go_new_enum_example_names_a_constant(tmp_path: Path) -> None:
    docs = {
        "models/operations/mode.md": (
            "# Mode\n\n## Example Usage\n\n```go\nimport (\n"
            '\t"github.com/acme/sdk-go/models/operations"\n)\n\n'
            "value := operations.ModeWait\n```\n\n\n## Values\n\n| Name | Value |\n| -- | -- |\n"
            "| `ModeAsync` | async |\n| `ModeWait` | wait |"
        ),
        "models/operations/body.md": (
            "# Body\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
            "| `Name` | `*string` | :heavy_check_mark: | N/A |"
        ),
    }
    collector = Collector()
    read = read_tree(write(tmp_path, docs), collector)
    assert collector.problems == []
    assert read.flavor is not None
    assert (read.flavor.style, read.flavor.package) == ("new", "github.com/acme/sdk-go")
    mode = next(d for d in read.definitions if isinstance(d, EnumModel))
    assert mode.examples == ("wait",)
    body = next(d for d in read.definitions if isinstance(d, ObjectModel))
    assert body.fields[0].nullable is True


def test_python_open_enum_bullets(tmp_path: Path) -> None:
    docs = {
        "models/mode.md": (
            "# Mode\n\n## Example Usage\n\n```python\nfrom acme.models import Mode\n\n"
            "# Open enum: unrecognized values are captured as UnrecognizedStr\n"
            'value: Mode = "wait"\n```\n\n\n## Values\n\n'
            "This is an open enum. Unrecognized values will not fail type checks.\n\n"
            '- `"async"`\n- `"wait"`\n'
        ),
        "models/body.md": (
            "# Body\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
            "| `mode` | [Optional[models.Mode]](mode.md) | :heavy_minus_sign: | N/A |"
        ),
    }
    collector = Collector()
    read = read_tree(write(tmp_path, docs), collector)
    assert collector.problems == []
    mode = next(d for d in read.definitions if isinstance(d, EnumModel))
    assert (mode.open, mode.examples, mode.values[1].location.line) == (True, ("wait",), 18)
    assert read.flavor is not None and read.flavor.package == "acme"


def test_unreadable_example_is_a_warning_and_the_model_is_kept(tmp_path: Path) -> None:
    docs = dict(TS_DOCS)
    docs["models/operations/mode.md"] = docs["models/operations/mode.md"].replace(
        'let value: Mode = "wait";', "let value: Mode = Mode.Wait;"
    )
    collector = Collector()
    read = read_tree(write(tmp_path, docs), collector)
    assert collector.problems == []
    assert [str(w) for w in collector.warnings] == [
        "models/operations/mode.md:3: example left out: cannot read 'Mode' in the example; "
        "expected a JSON-like value"
    ]
    assert len(read.definitions) == 3


# --- detection -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tree", "language", "style", "package"),
    [
        ("dub-seed-era/go", "go", "old", None),
        ("dub-go-latest", "go", "new", "github.com/dubinc/dub-go"),
        ("dub-seed-era/python", "python", None, None),
        ("dub-seed-era/typescript", "typescript", None, "dub"),
        ("dub-seed-era/php", "php", None, None),
        ("dub-seed-era/ruby", "ruby", None, "OpenApiSDK"),
        ("mistral-ts", "typescript", None, "@mistralai/mistralai"),
    ],
)
def test_each_corpus_tree_is_recognized_from_its_docs(
    corpus: Path, tree: str, language: str, style: str | None, package: str | None
) -> None:
    root = corpus / tree / "docs"
    documents = [parse_document(p.read_text(encoding="utf-8")) for p in sorted(root.rglob("*.md"))]
    flavor = detect_flavor(documents)
    assert flavor is not None
    assert (flavor.language, flavor.style) == (language, style)
    files = [
        DocFile(p.resolve(), p.relative_to(root).as_posix(), p.parent.name)
        for p in sorted(root.rglob("*.md"))
    ]
    collector = Collector()
    read = read_tree(files, collector)
    assert collector.problems == []
    assert read.flavor is not None and read.flavor.package == package


def test_a_forced_flavor_wins_and_unknown_docs_are_reported(tmp_path: Path) -> None:
    files = write(tmp_path, {"models/operations/body.md": TS_DOCS["models/operations/body.md"]})
    collector = Collector()
    read_tree(files, collector, flavor="php")
    assert any("expected a PHP type" in str(p) for p in collector.warnings)
    plain = write(tmp_path, {"models/x/plain.md": "# Plain\n\nJust text.\n"})
    latin = tmp_path / "models" / "x" / "latin.md"
    latin.write_bytes(b"# Caf\xe9\n")
    collector = Collector()
    files = [DocFile(latin, "models/x/latin.md", "x"), *plain]
    assert read_tree(files, collector).definitions == []
    assert [str(p) for p in collector.problems] == [
        "models/x/plain.md: cannot tell which SDK's docs these are; expected Speakeasy model "
        "docs of go, python, typescript, php, ruby, java, csharp (force one with --flavor)",
        "models/x/latin.md: cannot read the doc (not valid UTF-8); expected a UTF-8 markdown file",
    ]
