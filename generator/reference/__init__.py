"""The template-context reference page (``docs/template-context.md``), generated from the code.

The IR's classes and attribute docstrings, the ``Options`` every template
gets, what each target's templates receive, and every filter of the
``FILTERS`` registry with examples evaluated live.  Regenerate it with
``python -m generator.reference`` at the project root; a test fails when the
committed page is stale.
"""

from generator.reference.page import page_text

__all__ = ["page_text"]
