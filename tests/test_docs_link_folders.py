"""Links that name another folder than the one their docs sit in (``DocsFlavor.link_folders``),
and models named like one of the SDK's own classes (``DocsFlavor.sdk_classes``).

A tree whose every link to the docs of one folder names another folder (Speakeasy wrote
``../../models/shared/x.md`` for docs in ``models/components/``) keeps doing so when written
back; a tree with mixed links records nothing, and its odd links do not come back.  The docs
are our own.  A C# model named like one of the SDK's classes (a ``docs/sdks/<name>/`` page
its generation record lists) is labelled fully qualified."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.collect import read_inputs
from generator.inputs.markdown import find_generation, read_tree
from generator.ir import ObjectModel, RefType
from generator.ir.merge import merge_schema
from generator.render.renderer import render
from generator.render.targets import Options
from tests.test_docs_languages import _wide_table, round_trip, write_tree


def _ruby(owner_link: str, tag_link: str) -> dict[str, str]:
    """A Ruby tree in ``models/components/`` whose Pet links to its Owner and its Tag."""
    return {
        "models/components/pet.md": "# Pet\n\n\n## Fields\n\n"
        + _wide_table(
            ["`owner`", f"[Models::Components::Owner]({owner_link})", ":heavy_check_mark:", "N/A"],
            [
                "`tag`",
                f"[T.nilable(Models::Components::Tag)]({tag_link})",
                ":heavy_minus_sign:",
                "N/A",
            ],
        ),
        "models/components/owner.md": "# Owner\n\n\n## Fields\n\n"
        + _wide_table(["`name`", "*::String*", ":heavy_check_mark:", "N/A"]),
        "models/components/tag.md": "# Tag\n\n\n## Fields\n\n"
        + _wide_table(["`label`", "*::String*", ":heavy_check_mark:", "N/A"]),
    }


def _typescript(link: str) -> dict[str, str]:
    """A TypeScript tree in ``models/components/`` whose Pet links to its Owner."""
    return {
        "models/components/pet.md": "# Pet\n\n## Example Usage\n\n```typescript\n"
        'import { Pet } from "acme/models/components";\n\nlet value: Pet = {\n'
        '  owner: {\n    name: "<value>",\n  },\n};\n```\n\n## Fields\n\n'
        + _wide_table(["`owner`", f"[components.Owner]({link})", ":heavy_check_mark:", "N/A"]),
        "models/components/owner.md": "# Owner\n\n## Example Usage\n\n```typescript\n"
        'import { Owner } from "acme/models/components";\n\nlet value: Owner = {\n'
        '  name: "<value>",\n};\n```\n\n## Fields\n\n'
        + _wide_table(["`name`", "*string*", ":heavy_check_mark:", "N/A"]),
    }


def test_links_that_all_name_another_folder_come_back_so(tmp_path: Path) -> None:
    docs = _ruby("../../models/shared/owner.md", "../../models/shared/tag.md")
    out, collector, read = round_trip(tmp_path, docs, "ruby")
    assert collector.problems == []
    assert len(collector.warnings) == 2  # each link is read by its text, with a warning
    assert read.flavor is not None and read.flavor.link_folders == (("components", "shared"),)
    pet = next(d for d in read.definitions if d.name.name == "Pet")
    assert isinstance(pet, ObjectModel)
    assert [f.type for f in pet.fields] == [
        RefType(next(d.name for d in read.definitions if d.name.name == name))
        for name in ("Owner", "Tag")
    ]
    assert out == docs


def test_links_to_their_own_folder_record_nothing(tmp_path: Path) -> None:
    docs = _ruby("../../models/components/owner.md", "../../models/components/tag.md")
    out, collector, read = round_trip(tmp_path, docs, "ruby")
    assert collector.warnings == [] and collector.problems == []
    assert read.flavor is not None and read.flavor.link_folders == ()
    assert out == docs


def test_mixed_links_record_nothing_and_the_odd_one_differs(tmp_path: Path) -> None:
    docs = _ruby("../../models/shared/owner.md", "../../models/components/tag.md")
    out, collector, read = round_trip(tmp_path, docs, "ruby")
    assert collector.problems == [] and len(collector.warnings) == 1
    assert read.flavor is not None and read.flavor.link_folders == ()
    pet = "models/components/pet.md"
    assert "(../../models/components/owner.md)" in out[pet] and "shared" not in out[pet]
    assert {k: v for k, v in out.items() if k != pet} == {k: v for k, v in docs.items() if k != pet}


def test_every_writer_through_models_link_follows_the_record(tmp_path: Path) -> None:
    """Only the Ruby, Java and C# readers read a broken link by its text; the writers of every
    language link through ``models_link``, which follows ``link_folders`` (TypeScript here)."""
    docs = _typescript("../../models/components/owner.md")
    collector = Collector()
    read = read_tree(write_tree(tmp_path, docs), collector)
    assert collector.problems == [] and read.flavor is not None
    assert read.flavor.link_folders == ()
    flavor = dataclasses.replace(read.flavor, link_folders=(("components", "shared"),))
    definitions = [dataclasses.replace(d, docs_flavor=flavor) for d in read.definitions]
    rendered = render(merge_schema(definitions, (), Collector()), ["docs-typescript"], Options())
    pet = "docs-typescript/models/components/pet.md"
    assert rendered[pet] == _typescript("../../models/shared/owner.md")["models/components/pet.md"]


def _csharp(pets_label: str) -> dict[str, str]:
    """A C# tree whose ListPetsResponse links to the model Pets, labelled ``pets_label``."""
    link = f"[{pets_label}](../../Models/Components/Pets.md)"
    return {
        "Models/Components/Pets.md": "# Pets\n\n\n## Fields\n\n"
        + _wide_table(["`Count`", "*long*", ":heavy_check_mark:", "N/A"]),
        "Models/Requests/ListPetsResponse.md": "# ListPetsResponse\n\n\n## Fields\n\n"
        + _wide_table(["`Result`", link, ":heavy_check_mark:", "N/A"]),
    }


LOCK = (
    "lockVersion: 2.0.0\nmanagement:\n  speakeasyVersion: 1.790.3\n  generationVersion: 2.918.4\n"
    "generatedFiles:\n  - docs/sdks/owners/README.md\n  - docs/Models/Components/Pets.md\n"
    "trackedFiles:\n  docs/sdks/pets/README.md:\n    id: 0f1e\n"
)


def _sdk(root: Path, docs: dict[str, str], lock: str | None) -> Path:
    """``docs`` below ``root/docs``, with ``lock`` as the SDK's generation record."""
    for relative, text in docs.items():
        path = root / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if lock is not None:
        (root / ".speakeasy").mkdir()
        (root / ".speakeasy" / "gen.lock").write_text(lock, encoding="utf-8")
    return root


def test_the_generation_record_names_the_sdk_classes(tmp_path: Path) -> None:
    found = find_generation(_sdk(tmp_path, {}, LOCK) / "docs", within=tmp_path)
    assert found is not None and found.sdk_pages == ("owners", "pets")


def test_a_model_named_like_an_sdk_class_is_labelled_qualified(tmp_path: Path) -> None:
    """The record lists ``docs/sdks/pets/``: the C# SDK has a class Pets, so a link to the
    model Pets names it ``Models.Components.Pets``; without the record it is ``Pets``."""
    for lock, label in ((LOCK, "Models.Components.Pets"), (None, "Pets")):
        root = _sdk(tmp_path / label, _csharp(label), lock)
        schema = read_inputs([root])
        flavors = {d.docs_flavor for d in schema.definitions}
        assert [f.sdk_classes for f in flavors if f] == [("owners", "pets") if lock else ()]
        rendered = render(schema, ["docs-csharp"], Options())
        assert {k.removeprefix("docs-csharp/"): v for k, v in rendered.items()} == _csharp(label)
