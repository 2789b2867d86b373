"""The ``docs-ruby`` target: Speakeasy-format Ruby SDK model docs (``models/<ns>/<model>.md``)."""

from __future__ import annotations

from generator.render.filters.go_docs import doc_path
from generator.render.filters.markdown import own_reserved
from generator.render.targets.base import Target
from generator.render.targets.docs_plan import one_doc_each

plan = one_doc_each(
    "docs-ruby",
    lambda definition: doc_path(definition.name, reserved=own_reserved(definition, "ruby")),
)
"""One doc per definition, at the path Speakeasy uses."""

TARGET = Target(
    name="docs-ruby",
    description="Speakeasy Ruby SDK model docs (markdown field tables)",
    plan=plan,
)
