"""Exports of the IR to other schema languages (JSON Schema, OpenAPI)."""
