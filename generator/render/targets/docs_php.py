"""The ``docs-php`` target: Speakeasy-format PHP SDK model docs (``Models/<Ns>/<Model>.md``)."""

from __future__ import annotations

from generator.render.filters.docs_php import php_doc_path
from generator.render.targets.base import Target
from generator.render.targets.docs_plan import one_doc_each, own_folders

plan = one_doc_each(
    "docs-php", lambda definition: php_doc_path(definition.name, own_folders(definition, "php"))
)
"""One doc per definition, at the path Speakeasy uses (PascalCase folders and files)."""

TARGET = Target(
    name="docs-php",
    description="Speakeasy PHP SDK model docs (markdown field tables)",
    plan=plan,
)
