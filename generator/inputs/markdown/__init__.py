"""Speakeasy-style markdown model docs (``docs/models/<namespace>/<model>.md``).

``read_docs`` reads a set of docs into IR definitions; one module per SDK
flavor (``go_types`` for the old Go style) reads the language-specific cells.
"""

from generator.inputs.markdown.reader import DocFile, read_docs

__all__ = ["DocFile", "read_docs"]
