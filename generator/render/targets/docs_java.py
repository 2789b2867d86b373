"""The ``docs-java`` target: Speakeasy-format Java SDK model docs."""

from __future__ import annotations

from generator.ir import Schema
from generator.render.filters.docs_java import java_doc_path
from generator.render.targets.base import Options, OutputFile, Target


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One doc per definition, at the path Speakeasy uses (PascalCase files)."""
    return [
        OutputFile(
            java_doc_path(definition.name),
            f"docs-java/{definition.kind}.md.jinja",
            {"model": definition},
        )
        for definition in schema.definitions
    ]


TARGET = Target(
    name="docs-java",
    description="Speakeasy Java SDK model docs (markdown field tables)",
    plan=plan,
)
