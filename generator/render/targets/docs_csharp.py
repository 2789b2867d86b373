"""The ``docs-csharp`` target: Speakeasy-format C# SDK model docs."""

from __future__ import annotations

from generator.render.filters.docs_csharp import csharp_doc_path
from generator.render.targets.base import Target
from generator.render.targets.docs_plan import one_doc_each, own_folders

plan = one_doc_each(
    "docs-csharp",
    lambda definition: csharp_doc_path(definition.name, own_folders(definition, "csharp")),
)
"""One doc per definition, at the path Speakeasy uses (PascalCase files)."""

TARGET = Target(
    name="docs-csharp",
    description="Speakeasy C# SDK model docs (markdown field tables)",
    plan=plan,
)
