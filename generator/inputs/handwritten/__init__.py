"""Hand-written markdown field tables (REST references, config and env-var tables, action inputs).

One module per job: ``blocks`` finds the tables (markdown-it), ``columns``
tells column roles, ``lexicon`` holds the words, ``markers`` reads required
and nullable marks, ``type_words`` the type grammar, ``prose`` defaults and
allowed values, ``structure`` nesting, ``naming`` model names, ``rows`` and
``reader`` put them together.  ``sniff`` tells a hand-written doc from an
SDK's generated model doc.  Import from the modules (``reader.read_handwritten``,
``config.HandwrittenConfig``): this package stays cheap to import.
"""

FLAVOR = "handwritten"
"""The ``--flavor`` name of these docs."""

__all__ = ["FLAVOR"]
