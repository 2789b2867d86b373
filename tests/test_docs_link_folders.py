"""Links that name another folder than the one their docs sit in (``DocsFlavor.link_folders``).

A tree whose every link to the docs of one folder names another folder (Speakeasy wrote
``../../models/shared/x.md`` for docs in ``models/components/``) keeps doing so when written
back; a tree with mixed links records nothing, and its odd links do not come back.  The docs
are our own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.markdown import read_tree
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
