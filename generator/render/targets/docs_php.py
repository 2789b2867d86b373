"""The ``docs-php`` target: Speakeasy-format PHP SDK model docs (``Models/<Ns>/<Model>.md``)."""

from __future__ import annotations

from generator.ir import Schema
from generator.render.filters.docs_php import php_doc_path
from generator.render.targets.base import Options, OutputFile, Target


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One doc per definition, at the path Speakeasy uses (PascalCase folders and files)."""
    return [
        OutputFile(
            php_doc_path(
                definition.name,
                definition.docs_flavor.folders
                if definition.docs_flavor and definition.docs_flavor.language == "php"
                else None,
            ),
            f"docs-php/{definition.kind}.md.jinja",
            {"model": definition},
        )
        for definition in schema.definitions
    ]


TARGET = Target(
    name="docs-php",
    description="Speakeasy PHP SDK model docs (markdown field tables)",
    plan=plan,
)
