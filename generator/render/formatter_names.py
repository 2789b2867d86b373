"""Names of the formatters ``--formatter`` offers, without importing ``generator.render.formatting``."""

FORMATTERS = ("black", "ruff", "none")
"""The ``--formatter`` choices; ``black`` is the default."""
