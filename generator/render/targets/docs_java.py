"""The ``docs-java`` target: Speakeasy-format Java SDK model docs."""

from __future__ import annotations

from generator.render.filters.docs_java import java_doc_path
from generator.render.targets.base import Target
from generator.render.targets.docs_plan import one_doc_each

plan = one_doc_each("docs-java", lambda definition: java_doc_path(definition.name))
"""One doc per definition, at the path Speakeasy uses (PascalCase files)."""

TARGET = Target(
    name="docs-java",
    description="Speakeasy Java SDK model docs (markdown field tables)",
    plan=plan,
)
