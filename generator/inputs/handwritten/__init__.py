"""Hand-written markdown field tables (REST references, config and env-var tables, action inputs).

One module per job: ``blocks`` finds the tables (markdown-it), ``columns``
tells column roles, ``lexicon`` holds the words, ``markers`` reads required
and nullable marks, ``type_words`` the type grammar, ``prose`` defaults and
allowed values, ``structure`` nesting, ``naming`` model names, ``rows`` and
``reader`` put them together.  ``sniff`` tells a hand-written doc from an
SDK's generated model doc.
"""

from generator.inputs.handwritten.config import HandwrittenConfig, config_from_table
from generator.inputs.handwritten.reader import HandwrittenFile, read_handwritten

FLAVOR = "handwritten"
"""The ``--flavor`` name of these docs."""

__all__ = [
    "FLAVOR",
    "HandwrittenConfig",
    "HandwrittenFile",
    "config_from_table",
    "read_handwritten",
]
