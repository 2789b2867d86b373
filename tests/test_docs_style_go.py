"""Go docs facts read from the tree and written back: open unions, the optional-nullable
wrapper, ``int`` as int32, raw HTTP pointers, links through ``docs/pkg/models``, a
description's final newline.  The docs are our own, written with the project's table helper."""

from __future__ import annotations

from pathlib import Path

from generator.inputs.collect import read_inputs
from generator.ir import ObjectModel, Primitive, PrimitiveKind, UnionModel
from generator.render.filters.markdown import md_table
from generator.render.renderer import render
from generator.render.targets import Options

RESPONSE = "[*http.Response](https://pkg.go.dev/net/http#Response)"
HEADER = ["Field", "Type", "Required", "Description"]


def _object(title: str, rows: list[list[str]], description: str | None = None) -> str:
    head = f"# {title}\n\n" + (f"{description}\n\n" if description else "")
    return head + "\n## Fields\n\n" + md_table(HEADER, rows)


CIRCLE = _object(
    "Circle",
    [
        ["`Radius`", "`*int`", ":heavy_minus_sign:", "Radius, in whole units."],
        [
            "`Label`",
            "optionalnullable.OptionalNullable[`string`]",
            ":heavy_minus_sign:",
            "May be left out or null.\n",
        ],
        ["`RawResponse`", RESPONSE, ":heavy_check_mark:", "The raw response."],
    ],
    description="A round shape.\n",
)
SQUARE = _object(
    "Square",
    [
        ["`Side`", "`int64`", ":heavy_check_mark:", "N/A"],
        [
            "`Inner`",
            "[*components.Circle](../../../pkg/models/components/circle.md)",
            ":heavy_minus_sign:",
            "N/A",
        ],
    ],
)
SHAPE = """# Shape


## Supported Types

### Circle

```go
shape := components.CreateShapeCircle(components.Circle{/* values here */})
```

### Square

```go
shape := components.CreateShapeSquare(components.Square{/* values here */})
```

## Union Discrimination

Use the `Type` field to determine which variant is active, then access the corresponding field:

```go
switch shape.Type {
	case components.ShapeTypeCircle:
		// shape.Circle is populated
	case components.ShapeTypeSquare:
		// shape.Square is populated
	default:
		// Unknown type - use shape.GetUnknownRaw() for raw JSON
}
```
"""
DOCS = {"circle.md": CIRCLE, "square.md": SQUARE, "shape.md": SHAPE}


def _tree(tmp_path: Path, shape: str = SHAPE) -> Path:
    folder = tmp_path / "docs" / "pkg" / "models" / "components"
    folder.mkdir(parents=True)
    for name, text in {**DOCS, "shape.md": shape}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "docs" / "pkg"


def test_the_facts_are_read_from_the_docs(tmp_path: Path) -> None:
    schema = read_inputs([_tree(tmp_path) / "models"])
    by_name = {d.name.name: d for d in schema.definitions}
    circle, shape = by_name["Circle"], by_name["Shape"]
    assert isinstance(circle, ObjectModel) and isinstance(shape, UnionModel)
    radius, label, raw = circle.fields
    assert radius.type == Primitive(PrimitiveKind.INTEGER, "int32")
    assert (label.required, label.nullable, label.description) == (
        False,
        True,
        "May be left out or null.\n",
    )
    assert raw.type == Primitive(PrimitiveKind.ANY, "http-response")
    assert circle.description == "A round shape.\n"
    assert shape.open is True
    flavor = circle.docs_flavor
    assert flavor is not None
    assert flavor.models_parent == "pkg"
    assert "optional-nullable-wrapper" in flavor.facts


def test_the_docs_come_back_byte_for_byte(tmp_path: Path) -> None:
    schema = read_inputs([_tree(tmp_path) / "models"])
    files = render(schema, ["docs-go"], Options())
    for name, text in DOCS.items():
        assert files[f"docs-go/models/components/{name}"] == text


def test_a_switch_without_default_reads_as_a_closed_union(tmp_path: Path) -> None:
    closed = SHAPE.replace(
        "\tdefault:\n\t\t// Unknown type - use shape.GetUnknownRaw() for raw JSON\n", ""
    )
    schema = read_inputs([_tree(tmp_path, closed) / "models"])
    (shape,) = [d for d in schema.definitions if d.name.name == "Shape"]
    assert isinstance(shape, UnionModel) and shape.open is False
    files = render(schema, ["docs-go"], Options())
    assert files["docs-go/models/components/shape.md"] == closed


def test_compact_examples_come_back_compact(tmp_path: Path) -> None:
    """A tree that prints array and object examples on one line (``examples-compact``)."""
    header = [*HEADER, "Example"]
    rows = [
        ["`Tags`", "[]*string*", ":heavy_minus_sign:", "N/A", '["a","b"]'],
        ["`Size`", "**int64*", ":heavy_minus_sign:", "N/A", "3"],
    ]
    text = "# Label\n\n\n## Fields\n\n" + md_table(header, rows)
    folder = tmp_path / "docs" / "models" / "shared"
    folder.mkdir(parents=True)
    (folder / "label.md").write_text(text, encoding="utf-8")
    schema = read_inputs([tmp_path / "docs" / "models"], flavor="go")
    (label,) = schema.definitions
    assert label.docs_flavor is not None and "examples-compact" in label.docs_flavor.facts
    assert render(schema, ["docs-go"], Options())["docs-go/models/shared/label.md"] == text
