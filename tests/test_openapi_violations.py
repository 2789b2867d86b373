"""The spec-violation policy of the README: one small spec of our own per row.

A violation that leaves a well-defined model is a warning naming what was
done, the run exits 0 and writes everything; ``--strict`` makes the same
spec an error with nothing written.  A violation with no sensible model is
an error either way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Collector
from generator.inputs.collect import read_inputs
from generator.inputs.openapi import read_openapi
from generator.ir import (
    AliasModel,
    ArrayType,
    Definition,
    EnumModel,
    JsonObject,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    UnionModel,
)

FIXTURES = Path(__file__).parent / "fixtures" / "violations"
ANY = Primitive(PrimitiveKind.ANY)

WARNINGS = [
    (
        "exclusive_without_bound.yaml",
        "warning: exclusiveMinimum is true but there is no minimum to exclude; exclusiveMinimum "
        "is ignored (at /components/schemas/Key/properties/prefix/exclusiveMinimum)",
    ),
    (
        "duplicate_operation_id.yaml",
        "warning: operationId 'listItems' is used by another operation; this one is named "
        "ListItems2 (at /paths/~1things/get/operationId)",
    ),
    (
        "empty_one_of.yaml",
        "warning: oneOf is empty; read as no constraint (at /components/schemas/Site/oneOf)",
    ),
    (
        "unknown_type.yaml",
        "warning: type 'int' is not a JSON Schema type (expected one of string, integer, number, "
        "boolean, object, array, null); read as any value "
        "(at /components/schemas/Counter/properties/count/type)",
    ),
    (
        "yaml_null_type.yaml",
        "warning: type is the null value, not the name 'null'; read as 'null' "
        "(at /components/schemas/Nothing/type)",
    ),
    (
        "container_enum_items.yaml",
        "warning: enum item 0 is a list; kept as a JSON value (a member of the enum) "
        "(at /components/schemas/Shape/properties/corners/enum)",
    ),
    (
        "parameter_without_name.yaml",
        "warning: parameter has no name (expected name and in); the parameter is skipped "
        "(at /paths/~1search/get/parameters/0)",
    ),
    (
        "x_keys_in_schema_maps.yaml",
        "warning: x-generated-by is a string (\"our tool\"), not a schema (an extension key); "
        "skipped (at /components/schemas/x-generated-by)",
    ),
    (
        "ref_only_self_loop.yaml",
        "warning: schema 'Anything' is only a $ref to itself; read as any value "
        "(at /components/schemas/Anything)",
    ),
    (
        "discriminator_to_array.yaml",
        "warning: discriminator mapping 'cats' -> '#/components/schemas/Cats' is not an object "
        "schema; the entry is ignored (at /components/schemas/Pet/discriminator/mapping/cats)",
    ),
]

CLEAN = ["x_key_under_paths.yaml", "recursive_array_through_object.yaml", "named_aliases.yaml"]

ERRORS = [
    (
        "cycle_without_object.yaml",
        "schema 'Nested' refers to itself without an object, enum or union in between",
    ),
    ("dangling_ref.yaml", "$ref '#/components/schemas/Missing' does not resolve"),
]


def generate(
    capsys: pytest.CaptureFixture[str], spec: Path, out: Path, *extra: str
) -> tuple[int, str]:
    code = main(
        [
            *["generate", "--spec", str(spec), "--out", str(out), "--package", "models"],
            *["--target", "python", "--target", "docs-go", "--target", "jsonschema", *extra],
        ]
    )
    return code, capsys.readouterr().err


def read(name: str) -> tuple[dict[TypeName, Definition], list[str], list[str]]:
    collector = Collector()
    definitions = read_openapi(FIXTURES / name, name, collector)
    return (
        {d.name: d for d in definitions},
        [str(p) for p in collector.problems],
        [str(w) for w in collector.warnings],
    )


def comps(name: str) -> TypeName:
    return TypeName("components", name)


@pytest.mark.parametrize(("name", "warning"), WARNINGS, ids=[w[0] for w in WARNINGS])
def test_violation_with_a_model_is_a_warning_and_strict_rejects_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, warning: str
) -> None:
    code, err = generate(capsys, FIXTURES / name, tmp_path / "out")
    assert code == 0, err
    assert warning in err
    assert (tmp_path / "out" / "python" / "models" / "__init__.py").is_file()
    code, err = generate(capsys, FIXTURES / name, tmp_path / "strict", "--strict")
    assert code == 2
    message, pointer = warning.removeprefix("warning: ").rsplit(" (at ", 1)
    assert f"{message} (an error with --strict) (at {pointer}" in err
    assert not (tmp_path / "strict").exists()


@pytest.mark.parametrize("name", CLEAN)
def test_valid_specs_that_were_refused_generate_without_a_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    code, err = generate(capsys, FIXTURES / name, tmp_path / "out", "--strict")
    assert (code, err) == (0, err)
    assert "warning" not in err


@pytest.mark.parametrize(("name", "message"), ERRORS, ids=[e[0] for e in ERRORS])
def test_violation_without_a_model_stays_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, message: str
) -> None:
    code, err = generate(capsys, FIXTURES / name, tmp_path / "out")
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


# -- what was done, in the IR ------------------------------------------------------------


def test_what_each_warning_did_to_the_model() -> None:
    got, _, _ = read("exclusive_without_bound.yaml")
    prefix = got[comps("Key")].fields[0].type  # type: ignore[union-attr]
    assert isinstance(prefix, Primitive) and prefix.constraints.exclusive_minimum is None
    assert prefix.constraints.max_length == 8

    got, _, _ = read("duplicate_operation_id.yaml")
    assert {
        TypeName("operations", "ListItemsRequest"),
        TypeName("operations", "ListItems2Request"),
    } <= set(got)

    got, _, _ = read("empty_one_of.yaml")
    site = got[comps("Site")]
    assert isinstance(site, ObjectModel) and [f.name for f in site.fields] == ["name"]
    extra = got[comps("Extra")]
    assert isinstance(extra, AliasModel) and extra.type == Primitive(PrimitiveKind.STRING)

    got, _, _ = read("unknown_type.yaml")
    assert got[comps("Counter")].fields[0].type == ANY  # type: ignore[union-attr]

    got, _, _ = read("container_enum_items.yaml")
    corners, style = got[comps("Shape")].fields  # type: ignore[union-attr]
    assert corners.type == RefType(comps("Corners")) and style.type == RefType(comps("Style"))
    kept = got[comps("Corners")]
    assert isinstance(kept, EnumModel) and [v.value for v in kept.values] == [(0, 0), (1, 1)]
    kept = got[comps("Style")]
    assert isinstance(kept, EnumModel)
    assert [v.value for v in kept.values] == [JsonObject((("color", "red"),))]

    got, _, _ = read("parameter_without_name.yaml")
    request = got[TypeName("operations", "SearchRequest")]
    assert isinstance(request, ObjectModel)
    assert {f.name: f.type for f in request.fields} == {
        "q": ANY,
        "limit": Primitive(PrimitiveKind.INTEGER),
    }

    got, _, _ = read("ref_only_self_loop.yaml")
    assert got[comps("Anything")] == AliasModel(
        comps("Anything"), ANY, got[comps("Anything")].location
    )

    got, _, _ = read("discriminator_to_array.yaml")
    pet = got[comps("Pet")]
    assert isinstance(pet, UnionModel) and pet.mapping == (("cat", comps("Cat")),)
    assert [v.type for v in pet.variants] == [RefType(comps("Cat")), RefType(comps("Cats"))]


def test_recursion_through_an_object_is_a_recursive_alias() -> None:
    got, problems, warnings = read("recursive_array_through_object.yaml")
    assert (problems, warnings) == ([], [])
    tree = got[comps("Tree")]  # the inline object took the schema's name
    assert isinstance(tree, ObjectModel)
    alias = got[comps("TreeAlias")]
    assert isinstance(alias, AliasModel) and alias.type == ArrayType(RefType(comps("Tree")))
    assert tree.fields[1].type == RefType(comps("TreeAlias"))
    forest = got[comps("Forest")]
    assert isinstance(forest, AliasModel) and forest.type == ArrayType(RefType(comps("Node")))
    assert got[comps("Node")].fields[0].type == RefType(comps("Forest"))  # type: ignore[union-attr]


def test_every_named_schema_is_a_definition_with_its_constraints() -> None:
    got, problems, warnings = read("named_aliases.yaml")
    assert (problems, warnings) == ([], [])
    slug = got[comps("Slug")]
    assert isinstance(slug, AliasModel)
    assert slug.constraints.pattern == "^[a-z0-9-]+$" and slug.constraints.max_length == 20
    assert slug.description == "A link's short name."
    kinds = {
        name.name: type(d.type).__name__ for name, d in got.items() if isinstance(d, AliasModel)
    }
    assert kinds == {
        "Slug": "Primitive",
        "Tags": "ArrayType",
        "Labels": "MapType",
        "Owner": "RefType",
        "Extra": "MapType",
    }
    link = got[comps("Link")]
    assert isinstance(link, ObjectModel)
    assert [f.type for f in link.fields] == [
        RefType(comps(name)) for name in ("Slug", "Tags", "Labels", "Owner", "Extra")
    ]


def test_diff_sees_a_change_to_a_named_alias(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = FIXTURES / "named_aliases.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("maxLength: 20", "maxLength: 10"))
    code = main(["diff", str(old), str(new)])
    out = capsys.readouterr().out
    assert code == 3
    slug = out[out.index("components.Slug") :].splitlines()
    assert slug[1].startswith("  breaking      maxLength tightened: 20 -> 10  [")


def test_a_path_and_a_query_parameter_of_one_name_are_two_fields() -> None:
    got, problems, warnings = read("path_and_query_same_name.yaml")
    assert (problems, warnings) == ([], [])
    request = got[TypeName("operations", "GetARequest")]
    assert isinstance(request, ObjectModel)
    assert [(f.name, f.type, f.required) for f in request.fields] == [
        ("scheme", Primitive(PrimitiveKind.STRING), True),
        ("schemeQuery", Primitive(PrimitiveKind.INTEGER), False),
    ]
    schema = read_inputs([FIXTURES / "path_and_query_same_name.yaml"])
    assert schema.operations is not None
    wires = [(p.name, p.where, p.field) for p in schema.operations[0].parameters]
    assert wires == [("scheme", "path", "scheme"), ("scheme", "query", "schemeQuery")]


def test_bodies_of_every_media_type_are_read_and_non_object_bodies_are_models() -> None:
    got, problems, warnings = read("media_types.yaml")
    assert (problems, warnings) == ([], [])
    ops = {name.name: d for name, d in got.items() if name.namespace == "operations"}
    assert isinstance(ops["SendXmlRequestBody"], ObjectModel)  # application/xml
    assert isinstance(ops["SendXmlResponseBody"], ObjectModel)  # */*
    assert isinstance(ops["SendFormRequestBody"], ObjectModel)  # multipart/form-data
    text = ops["SendTextRequestBody"]  # text/plain: a bare string is a model too
    assert isinstance(text, AliasModel) and text.constraints.max_length == 140
    listed = ops["SendTextResponseBody"]  # vendor +json array
    assert isinstance(listed, AliasModel)
    assert listed.type == ArrayType(Primitive(PrimitiveKind.STRING))
    assert isinstance(ops["SendFormResponseBody"], AliasModel)


def test_long_names_give_file_names_within_the_file_systems_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long = "Very" * 70  # 280 characters: a 284-byte file name, over the 255 bytes allowed
    spec = tmp_path / "long.yaml"
    spec.write_text(
        'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n'
        f"    {long}:\n      type: object\n      properties:\n        id: {{type: string}}\n"
        "    Holder:\n      type: object\n      properties:\n"
        f"        inner: {{$ref: '#/components/schemas/{long}'}}\n",
        encoding="utf-8",
    )
    code, err = generate(capsys, spec, tmp_path / "out")
    assert code == 0, err
    folder = tmp_path / "out" / "docs-go" / "models" / "components"
    shortened = next(p.name for p in folder.iterdir() if p.name != "holder.md")
    assert len(shortened.encode()) == 200
    assert shortened == f"{long.lower()[:186]}-{shortened[-13:-3]}.md"
    assert f"(../../models/components/{shortened})" in (folder / "holder.md").read_text()


def test_ambiguous_python_names_are_renamed() -> None:
    from generator.render.filters.python_code import attribute_names, enum_members

    got, _, _ = read("ambiguous_names.yaml")
    box = got[comps("Box")]
    assert isinstance(box, ObjectModel)
    assert list(attribute_names(box).values()) == ["l_", "i", "o", "side"]
    side = got[comps("Side")]
    assert [name for name, _ in enum_members(side)] == ["I_", "O_", "L"]  # type: ignore[arg-type]
