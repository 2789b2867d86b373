"""The ``docs-csharp`` target: Speakeasy-format C# SDK model docs."""

from __future__ import annotations

from generator.ir import Schema
from generator.render.filters.docs_csharp import csharp_doc_path
from generator.render.targets.base import Options, OutputFile, Target


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One doc per definition, at the path Speakeasy uses (PascalCase files)."""
    return [
        OutputFile(
            csharp_doc_path(
                definition.name,
                definition.docs_flavor.folders
                if definition.docs_flavor and definition.docs_flavor.language == "csharp"
                else None,
            ),
            f"docs-csharp/{definition.kind}.md.jinja",
            {"model": definition},
        )
        for definition in schema.definitions
    ]


TARGET = Target(
    name="docs-csharp",
    description="Speakeasy C# SDK model docs (markdown field tables)",
    plan=plan,
)
