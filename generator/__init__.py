"""specloom: read OpenAPI specs and SDK markdown docs into one IR, render code and docs from it."""

__version__ = "0.1.0"
