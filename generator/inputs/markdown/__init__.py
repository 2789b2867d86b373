"""Speakeasy-style markdown model docs (``docs/models/<namespace>/<model>.md``).

``read_docs`` reads one tree of docs into IR definitions.  The flavor (which
SDK language wrote them) is told from the docs themselves or forced; one
module per flavor reads the language-specific cells (``go_types``,
``python_types``, ``typescript_types``, ``php_types``, ``ruby_types``, ``java_types``,
``csharp_types``).  ``find_generation`` reads the generator's versions beside a tree.
"""

from generator.inputs.markdown.detect import (
    FLAVORS,
    detect_flavor,
    language_names,
    register_flavor,
)
from generator.inputs.markdown.generation import Generation, find_generation
from generator.inputs.markdown.reader import DocFile, TreeRead, read_docs, read_tree

__all__ = [
    "FLAVORS",
    "DocFile",
    "Generation",
    "TreeRead",
    "detect_flavor",
    "find_generation",
    "language_names",
    "read_docs",
    "read_tree",
    "register_flavor",
]
