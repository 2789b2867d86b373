"""Links of every docs writer climb through ``DocsFlavor.models_parent``: a tree kept in
``docs/pkg/models/`` (models below a parent folder) is written back with its own
``../../../pkg/...`` links, both between model docs and to the SDK runtime's ``types/``
pages.  The docs are our own, written with the project's table helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.markdown import DocFile, read_tree
from generator.ir.merge import merge_schema
from generator.render.filters.markdown import md_table
from generator.render.renderer import render
from generator.render.targets import Options

HEADER = ["Field", "Type", "Required", "Description"]
UP = "../../../pkg/"
"""From ``docs/pkg/models/<namespace>/`` up to the docs folder, then down through ``pkg``."""


def _object(title: str, rows: list[list[str]]) -> str:
    return f"# {title}\n\n\n## Fields\n\n" + md_table(HEADER, rows)


TREES: dict[str, dict[str, str]] = {
    "java": {
        "models/components/Pet.md": _object(
            "Pet",
            [
                ["`name`", "*String*", ":heavy_check_mark:", "N/A"],
                ["`owner`", f"[Owner]({UP}models/components/Owner.md)", ":heavy_check_mark:", "N/A"],
            ],
        ),
        "models/components/Owner.md": _object(
            "Owner", [["`name`", "*String*", ":heavy_check_mark:", "N/A"]]
        ),
    },
    "csharp": {
        "Models/Components/Pet.md": _object(
            "Pet",
            [
                ["`Name`", "*string*", ":heavy_check_mark:", "N/A"],
                ["`Owner`", f"[Owner]({UP}Models/Components/Owner.md)", ":heavy_check_mark:", "N/A"],
            ],
        ),
        "Models/Components/Owner.md": _object(
            "Owner", [["`Name`", "*string*", ":heavy_check_mark:", "N/A"]]
        ),
    },
    "php": {
        "Models/Components/Pet.md": _object(
            "Pet",
            [
                ["`name`", "*string*", ":heavy_check_mark:", "N/A"],
                [
                    "`owner`",
                    f"[Components\\Owner]({UP}Models/Components/Owner.md)",
                    ":heavy_check_mark:",
                    "N/A",
                ],
            ],
        ),
        "Models/Components/Owner.md": _object(
            "Owner", [["`name`", "*string*", ":heavy_check_mark:", "N/A"]]
        ),
    },
    "typescript": {
        "models/components/pet.md": _object(
            "Pet",
            [
                ["`born`", f"[RFCDate]({UP}types/rfcdate.md)", ":heavy_check_mark:", "N/A"],
                [
                    "`owner`",
                    f"[components.Owner]({UP}models/components/owner.md)",
                    ":heavy_check_mark:",
                    "N/A",
                ],
            ],
        ),
        "models/components/owner.md": _object(
            "Owner", [["`name`", "*string*", ":heavy_check_mark:", "N/A"]]
        ),
    },
    "go": {
        "models/components/pet.md": _object(
            "Pet",
            [
                ["`Born`", f"[types.Date]({UP}types/date.md)", ":heavy_check_mark:", "N/A"],
                [
                    "`Owner`",
                    f"[components.Owner]({UP}models/components/owner.md)",
                    ":heavy_check_mark:",
                    "N/A",
                ],
            ],
        ),
        "models/components/owner.md": _object(
            "Owner", [["`Name`", "*string*", ":heavy_check_mark:", "N/A"]]
        ),
    },
}


@pytest.mark.parametrize("language", sorted(TREES))
def test_a_tree_below_a_parent_folder_keeps_its_links(tmp_path: Path, language: str) -> None:
    docs = TREES[language]
    files = []
    for relative, text in docs.items():
        path = tmp_path / "docs" / "pkg" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(DocFile(path, "pkg/" + relative, path.parent.name))
    collector = Collector()
    read = read_tree(files, collector, flavor=language)
    assert collector.problems == []
    assert read.flavor is not None and read.flavor.models_parent == "pkg"
    target = f"docs-{language}"
    schema = merge_schema(read.definitions, (), Collector())
    rendered = render(schema, [target], Options())
    assert {k.removeprefix(target + "/"): v for k, v in rendered.items()} == docs
