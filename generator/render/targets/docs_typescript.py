"""The ``docs-typescript`` target: Speakeasy-format TypeScript SDK model docs (``models/<ns>/<model>.md``)."""

from __future__ import annotations

from generator.ir import Schema
from generator.render.filters.docs_typescript import ts_doc_path
from generator.render.targets.base import Options, OutputFile, Target


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One doc per definition, at the path Speakeasy uses."""
    return [
        OutputFile(
            ts_doc_path(definition.name),
            f"docs-typescript/{definition.kind}.md.jinja",
            {"model": definition},
        )
        for definition in schema.definitions
    ]


TARGET = Target(
    name="docs-typescript",
    description="Speakeasy TypeScript SDK model docs (markdown field tables)",
    plan=plan,
)
