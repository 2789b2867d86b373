"""The ``docs-python`` target: Speakeasy-format Python SDK model docs (``models/<ns>/<model>.md``)."""

from __future__ import annotations

from generator.ir import Schema
from generator.render.filters.docs_python import py_reserved
from generator.render.filters.go_docs import doc_path, layout_of
from generator.render.targets.base import Options, OutputFile, Target


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One doc per definition, at the path Speakeasy uses."""
    return [
        OutputFile(
            doc_path(definition.name, layout_of(definition), py_reserved(definition)),
            f"docs-python/{definition.kind}.md.jinja",
            {"model": definition},
        )
        for definition in schema.definitions
    ]


TARGET = Target(
    name="docs-python",
    description="Speakeasy Python SDK model docs (markdown field tables)",
    plan=plan,
)
