"""Java and C# docs, the flat and Pascal-case layouts, style facts and the generation record."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.markdown import DocFile, TreeRead, find_generation, read_tree
from generator.ir import (
    ArrayType,
    EnumModel,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    UnionModel,
)
from generator.ir.merge import merge_schema
from generator.render.renderer import render
from generator.render.targets import Options

SEP = "| ------------------ | ------------------ | ------------------ | ------------------ |"


def table(*rows: str) -> str:
    """A Fields table whose cells fit 18 characters (one shared width, as Speakeasy pads)."""
    header = "| Field              | Type               | Required           | Description        |"
    return "\n".join([header, SEP, *rows])


JAVA = {
    "models/components/Pet.md": "# Pet\n\nA pet.\n\n## Fields\n\n"
    + table(
        "| `name`             | *String*           | :heavy_check_mark: | N/A                |",
        "| `age`              | *Optional\\<Long>*  | :heavy_minus_sign: | N/A                |",
        "| `tags`             | List\\<*String*>    | :heavy_minus_sign: | N/A                |",
        "| `kind`             | [Kind](../../models/components/Kind.md) | :heavy_check_mark: | N/A                |",
    ),
    "models/components/Kind.md": "# Kind\n\n## Example Usage\n\n```java\n"
    "import com.acme.models.components.Kind;\n\nKind value = Kind.CAT;\n\n"
    "// Open enum: use .of() to create instances from custom string values\n"
    'Kind custom = Kind.of("custom_value");\n```\n\n\n## Values\n\n'
    "| Name  | Value |\n| ----- | ----- |\n| `CAT` | cat   |\n| `DOG` | dog   |",
    "models/components/Shape.md": "# Shape\n\n",
}
CSHARP = {
    "Models/Components/Pet.md": "# Pet\n\n\n## Fields\n\n"
    + table(
        "| `Name`             | *string*           | :heavy_check_mark: | N/A                |",
        "| `Tags`             | List<*string*>     | :heavy_minus_sign: | N/A                |",
        "| `Kind`             | [Kind](../../Models/Components/Kind.md) | :heavy_minus_sign: | N/A                |",
    ),
    "Models/Components/Kind.md": "# Kind\n\n## Example Usage\n\n```csharp\n"
    "using Acme.Models.Components;\n\nvar value = Kind.Cat;\n```\n\n\n## Values\n\n"
    "| Name  | Value |\n| ----- | ----- |\n| `Cat` | cat   |\n| `Dog` | dog   |",
    "Models/Components/Choice.md": "# Choice\n\n\n## Supported Types\n\n### Str\n\n```csharp\n"
    "Choice.CreateStr(/* values here */);\n```\n\n### Pet\n\n```csharp\n"
    "Choice.CreatePet(/* values here */);\n```\n",
}


def write_tree(root: Path, docs: dict[str, str]) -> list[DocFile]:
    files = []
    for relative, text in docs.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(DocFile(path, relative, path.parent.name))
    return files


def round_trip(
    root: Path, docs: dict[str, str], flavor: str | None = None
) -> tuple[dict[str, str], Collector, TreeRead]:
    collector = Collector()
    read = read_tree(write_tree(root, docs), collector, flavor=flavor)
    assert read.flavor is not None
    target = f"docs-{read.flavor.language}"
    rendered = render(merge_schema(read.definitions, (), Collector()), [target], Options())
    return {k.removeprefix(target + "/"): v for k, v in rendered.items()}, collector, read


def test_java_docs_are_read_and_written_back(tmp_path: Path) -> None:
    out, collector, read = round_trip(tmp_path, JAVA)
    assert read.flavor is not None and read.flavor.language == "java"
    assert collector.problems == []
    # A title-only doc (how Java writes unions) is a model with no fields, and says so.
    assert [str(w) for w in collector.warnings] == [
        "models/components/Shape.md:1: no model section (## Fields, ## Values or ## Supported "
        "Types); read as a model with no fields"
    ]
    pet = next(d for d in read.definitions if d.name.name == "Pet")
    assert isinstance(pet, ObjectModel)
    assert [(f.name, f.type, f.required) for f in pet.fields] == [
        ("name", Primitive(PrimitiveKind.STRING), True),
        ("age", Primitive(PrimitiveKind.INTEGER), False),
        ("tags", ArrayType(Primitive(PrimitiveKind.STRING), items_nullable=None), False),
        ("kind", RefType(next(d.name for d in read.definitions if d.name.name == "Kind")), True),
    ]
    kind = next(d for d in read.definitions if d.name.name == "Kind")
    assert isinstance(kind, EnumModel) and kind.open is True
    assert read.flavor.package == "com.acme"
    assert out["models/components/Kind.md"] == JAVA["models/components/Kind.md"]
    assert out["models/components/Shape.md"] == JAVA["models/components/Shape.md"]


def test_csharp_docs_are_read_and_written_back(tmp_path: Path) -> None:
    out, collector, read = round_trip(tmp_path, CSHARP)
    assert read.flavor is not None and read.flavor.language == "csharp"
    assert (read.flavor.folders, read.flavor.layout) == ("pascal", "nested")
    assert collector.problems == [] and collector.warnings == []
    for path in ("Models/Components/Kind.md", "Models/Components/Choice.md"):
        assert out[path] == CSHARP[path], path
    pet = next(d for d in read.definitions if d.name.name == "Pet")
    assert isinstance(pet, ObjectModel)
    assert [f.name for f in pet.fields] == ["name", "tags", "kind"]


def test_a_flat_python_tree_keeps_its_layout(tmp_path: Path) -> None:
    docs = {
        "models/pet.md": "# Pet\n\n\n## Fields\n\n"
        + table(
            "| `kind`             | [models.Kind](../models/kind.md) | :heavy_check_mark: | N/A                |",
        ),
        "models/kind.md": "# Kind\n\n\n## Values\n\n| Name  | Value |\n| ----- | ----- |\n"
        "| `CAT` | cat   |",
    }
    out, collector, read = round_trip(tmp_path, docs, "python")
    assert read.flavor is not None and read.flavor.layout == "flat"
    assert collector.problems == []
    assert sorted(out) == ["models/kind.md", "models/pet.md"]
    assert out["models/kind.md"] == docs["models/kind.md"]


def test_style_facts_are_read_from_the_tree_and_followed(tmp_path: Path) -> None:
    # A 2023 Go tree: same-namespace links without the package, untyped values as interface{}.
    docs = {
        "models/shared/pet.md": "# Pet\n\n\n## Fields\n\n"
        + table(
            "| `Kind`             | [*Kind](../../models/shared/kind.md) | :heavy_minus_sign: | N/A                |",
            "| `Extra`            | *interface{}*      | :heavy_check_mark: | N/A                |",
        ),
        "models/shared/kind.md": "# Kind\n\n\n## Values\n\n| Name      | Value     |\n"
        "| --------- | --------- |\n| `KindCat` | cat       |",
    }
    out, _, read = round_trip(tmp_path, docs, "go")
    assert read.flavor is not None
    assert {"links-unqualified", "any-as-interface"} <= set(read.flavor.facts)
    assert "[*Kind](../../models/shared/kind.md)" in out["models/shared/pet.md"]
    assert "*interface{}*" in out["models/shared/pet.md"]


def test_the_generation_record_beside_a_tree(tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    (sdk / ".speakeasy").mkdir(parents=True)
    (sdk / "docs").mkdir()
    (sdk / ".speakeasy" / "gen.lock").write_text(
        "lockVersion: 2.0.0\nmanagement:\n  docChecksum: abc\n  speakeasyVersion: 1.761.1\n"
        "  generationVersion: 2.879.6\nfeatures:\n  go:\n    core: 3.0.0\n",
        encoding="utf-8",
    )
    found = find_generation(sdk / "docs", within=sdk)
    assert found is not None
    assert (found.speakeasy_version, found.generation_version) == ("1.761.1", "2.879.6")
    # Never above the folder the user named.
    assert find_generation(sdk / "docs", within=sdk / "docs") is None
    # 2023: no lock, the versions are in gen.yaml at the SDK root.
    old = tmp_path / "old"
    (old / "docs").mkdir(parents=True)
    (old / "gen.yaml").write_text(
        "configVersion: 1.0.0\nmanagement:\n  speakeasyVersion: 1.47.3\n"
        "  generationVersion: 2.40.1\n",
        encoding="utf-8",
    )
    found = find_generation(old / "docs", within=old)
    assert found is not None and found.speakeasy_version == "1.47.3"


def _wide_table(*rows: list[str]) -> str:
    """A Fields table padded to one shared width, as Speakeasy writes it."""
    header = ["Field", "Type", "Required", "Description"]
    width = max(len(cell) for row in (header, *rows) for cell in row)
    lines = [header, ["-" * width] * 4, *rows]
    return "\n".join("| " + " | ".join(c.ljust(width) for c in row) + " |" for row in lines)


def test_php_and_ruby_dates_are_links_to_the_standard_library(tmp_path: Path) -> None:
    """Every PHP and Ruby generator links date-times (and Ruby dates), with no optional mark."""
    php_link = "[\\DateTime](https://www.php.net/manual/en/class.datetime.php)"
    php = {
        "Models/Components/Event.md": "# Event\n\n\n## Fields\n\n"
        + _wide_table(
            ["`at`", php_link, ":heavy_check_mark:", "N/A"],
            ["`until`", php_link, ":heavy_minus_sign:", "N/A"],
            ["`name`", "*?string*", ":heavy_minus_sign:", "N/A"],
        )
    }
    out, collector, read = round_trip(tmp_path / "php", php, "php")
    assert collector.problems == []
    assert out == php
    event = read.definitions[0]
    assert isinstance(event, ObjectModel)
    assert [f.type for f in event.fields][:2] == [Primitive(PrimitiveKind.STRING, "date-time")] * 2
    date = "[Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html)"
    ruby = {
        "models/components/event.md": "# Event\n\n\n## Fields\n\n"
        + _wide_table(
            ["`on`", date, ":heavy_minus_sign:", "N/A"],
            ["`name`", "*T.nilable(::String)*", ":heavy_minus_sign:", "N/A"],
        )
    }
    out, collector, read = round_trip(tmp_path / "ruby", ruby, "ruby")
    assert collector.problems == []
    assert out == ruby
    event = read.definitions[0]
    assert isinstance(event, ObjectModel)
    assert event.fields[0].type == Primitive(PrimitiveKind.STRING, "date")


JAVA_RESPONSE_LINK = (
    "[HttpResponse<byte[]>](https://docs.oracle.com/en/java/javase/11/docs/api/"
    "java.net.http/java/net/http/HttpResponse.html)"
)


def test_java_2023_style_is_read_as_facts_and_written_back(tmp_path: Path) -> None:
    """Plain ``<``, boxed scalars and no wrappers, models of other namespaces fully qualified,
    ``HttpResponse<byte[]>``: each a style fact of the tree, followed when writing."""
    response = JAVA_RESPONSE_LINK
    docs = {
        "models/operations/GetPetResponse.md": "# GetPetResponse\n\n\n## Fields\n\n"
        + _wide_table(
            ["`statusCode`", "*Integer*", ":heavy_check_mark:", "N/A"],
            ["`count`", "*Long*", ":heavy_minus_sign:", "N/A"],
            [
                "`pet`",
                "[com.acme.models.shared.Pet](../../models/shared/Pet.md)",
                ":heavy_minus_sign:",
                "N/A",
            ],
            ["`rawResponse`", response, ":heavy_minus_sign:", "N/A"],
        ),
        "models/shared/Pet.md": "# Pet\n\n\n## Fields\n\n"
        + _wide_table(
            ["`tags`", "List<*String*>", ":heavy_minus_sign:", "N/A"],
            ["`owner`", "[Owner](../../models/shared/Owner.md)", ":heavy_check_mark:", "N/A"],
        ),
        "models/shared/Owner.md": "# Owner\n\n\n## Fields\n\n"
        + _wide_table(["`name`", "*String*", ":heavy_check_mark:", "N/A"]),
    }
    out, collector, read = round_trip(tmp_path, docs, "java")
    assert collector.problems == []
    assert read.flavor is not None and read.flavor.package == "com.acme"
    assert {"generics-unescaped", "java-unwrapped", "java-qualified", "response-bytes"} <= set(
        read.flavor.facts
    )
    assert out == docs


def test_java_marks_nullable_values_by_wrapper_and_requiredness(tmp_path: Path) -> None:
    """``Optional`` on a required field says nullable; ``JsonNullable`` on an optional one."""
    docs = {
        "models/components/Amount.md": "# Amount\n\n\n## Fields\n\n"
        + _wide_table(
            ["`min`", "*Optional\\<String>*", ":heavy_check_mark:", "N/A"],
            ["`max`", "*JsonNullable\\<String>*", ":heavy_minus_sign:", "N/A"],
            ["`unit`", "*Optional\\<String>*", ":heavy_minus_sign:", "N/A"],
            [
                "`raw`",
                JAVA_RESPONSE_LINK.replace("byte[]", "InputStream").replace("<", "\\<"),
                ":heavy_check_mark:",
                "N/A",
            ],
        ),
    }
    out, collector, read = round_trip(tmp_path, docs, "java")
    assert collector.problems == []
    amount = read.definitions[0]
    assert isinstance(amount, ObjectModel)
    assert [(f.required, f.nullable) for f in amount.fields][:3] == [
        (True, True),
        (False, True),
        (False, None),
    ]
    assert read.flavor is not None and "response-stream" in read.flavor.facts
    assert out == docs


def test_csharp_names_dates_and_same_named_models_as_the_tree_does(tmp_path: Path) -> None:
    """``DateOnly`` is a style fact (``date-only``); a model named like the doc's own model is
    labelled fully qualified; a field's description keeps the spaces it starts with."""
    date_only = (
        "[DateOnly](https://learn.microsoft.com/en-us/dotnet/api/system.dateonly?view=net-6.0)"
    )
    docs = {
        "Models/Requests/SearchResponse.md": "# SearchResponse\n\n\n## Fields\n\n"
        + _wide_table(
            [
                "`Result`",
                "[Models.Components.SearchResponse](../../Models/Components/SearchResponse.md)",
                ":heavy_minus_sign:",
                " Indented.",
            ],
        ),
        "Models/Components/SearchResponse.md": "# SearchResponse\n\n\n## Fields\n\n"
        + _wide_table(
            ["`Day`", date_only, ":heavy_check_mark:", "N/A"],
            [
                "`Next`",
                "[SearchResponse](../../Models/Components/SearchResponse.md)",
                ":heavy_minus_sign:",
                "N/A",
            ],
        ),
    }
    out, collector, read = round_trip(tmp_path, docs, "csharp")
    assert collector.problems == []
    assert read.flavor is not None and "date-only" in read.flavor.facts
    assert out == docs
    response = next(d for d in read.definitions if d.name.namespace == "requests")
    assert isinstance(response, ObjectModel) and response.fields[0].description == " Indented."


def test_an_empty_object_keeps_its_table_and_a_title_only_doc_stays_title_only(
    tmp_path: Path,
) -> None:
    """An empty ``## Fields`` table is an object with no properties; a title-only doc (how Java
    and Ruby write unions) a value whose shape is not shown: each comes back as it was."""
    for language, empty, either in (
        ("java", "models/shared/Empty.md", "models/shared/Either.md"),
        ("ruby", "models/shared/empty.md", "models/shared/either.md"),
    ):
        docs = {
            empty: "# Empty\n\n\n## Fields\n\n" + _wide_table(),
            either: "# Either\n\nOne or the other.\n\n",
        }
        out, collector, read = round_trip(tmp_path / language, docs, language)
        assert collector.problems == []
        assert out == docs, language
        shapes = {d.name.name: d for d in read.definitions}
        assert isinstance(shapes["Empty"], ObjectModel)
        assert shapes["Empty"].additional_properties is None
        assert isinstance(shapes["Either"], ObjectModel)
        assert shapes["Either"].additional_properties == Primitive(PrimitiveKind.ANY)


def test_ruby_union_links_name_the_variants_of_a_title_only_doc(tmp_path: Path) -> None:
    """``[T.any(A, B)](link)`` names the variants the union's title-only doc does not list."""
    docs = {
        "models/shared/pet.md": "# Pet\n\n\n## Fields\n\n"
        + _wide_table(
            [
                "`owner`",
                "[T.nilable(T.any(Models::Shared::Person, ::String))](../../models/shared/owner.md)",
                ":heavy_minus_sign:",
                "N/A",
            ],
        ),
        "models/shared/owner.md": "# Owner\n\n",
        "models/shared/person.md": "# Person\n\n\n## Fields\n\n"
        + _wide_table(["`name`", "*::String*", ":heavy_check_mark:", "N/A"]),
    }
    out, collector, read = round_trip(tmp_path, docs, "ruby")
    assert collector.problems == []
    assert read.flavor is not None and "ruby-union-links" in read.flavor.facts
    owner = next(d for d in read.definitions if d.name.name == "Owner")
    assert isinstance(owner, UnionModel)
    person = next(d.name for d in read.definitions if d.name.name == "Person")
    assert [v.type for v in owner.variants] == [RefType(person), Primitive(PrimitiveKind.STRING)]
    assert out == docs


def test_spaces_a_description_ends_with_come_back(tmp_path: Path) -> None:
    """The widest cell sets every column's width: when no cell reaches it, the widest one (a
    description) ends with the spaces it lacks; a doc's description keeps its last spaces."""
    text = "The name of the pet, ok. "
    docs = {
        "models/shared/pet.md": "# Pet\n\nA pet. \n\n\n## Fields\n\n"
        + _wide_table(
            ["`name`", "*::String*", ":heavy_check_mark:", text],
            ["`age`", "*T.nilable(::Integer)*", ":heavy_minus_sign:", "Its age."],
        ),
    }
    out, collector, read = round_trip(tmp_path, docs, "ruby")
    assert collector.problems == []
    pet = read.definitions[0]
    assert isinstance(pet, ObjectModel)
    assert pet.description == "A pet. "
    assert [f.description for f in pet.fields] == [text, "Its age."]
    assert out == docs
