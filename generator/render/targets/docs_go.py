"""The ``docs-go`` target: Speakeasy-format Go SDK model docs (``models/<namespace>/<model>.md``)."""

from __future__ import annotations

from generator.ir import Schema
from generator.render.filters.go_docs import go_doc_path
from generator.render.targets.base import Options, OutputFile, Target


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One doc per definition, at the path Speakeasy uses."""
    return [
        OutputFile(
            go_doc_path(definition.name),
            f"docs-go/{definition.kind}.md.jinja",
            {"model": definition},
        )
        for definition in schema.definitions
    ]


TARGET = Target(
    name="docs-go",
    description="Speakeasy Go SDK model docs (markdown field tables)",
    plan=plan,
)
