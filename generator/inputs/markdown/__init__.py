"""Speakeasy-style markdown model docs (``docs/models/<namespace>/<model>.md``).

``read_docs`` reads one tree of docs into IR definitions.  The flavor (which
SDK language wrote them) is told from the docs themselves or forced; one
module per flavor reads the language-specific cells (``go_types``,
``python_types``, ``typescript_types``, ``php_types``, ``ruby_types``).
"""

from generator.inputs.markdown.detect import FLAVORS, detect_flavor, language_names
from generator.inputs.markdown.reader import DocFile, TreeRead, read_docs, read_tree

__all__ = [
    "FLAVORS",
    "DocFile",
    "TreeRead",
    "detect_flavor",
    "language_names",
    "read_docs",
    "read_tree",
]
