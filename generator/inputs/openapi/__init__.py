"""OpenAPI 3.0 / 3.1 documents (YAML or JSON).

``read_openapi(path, display, collector)`` reads component schemas and inline
JSON request bodies into IR definitions, named the way Speakeasy names them.
"""

from generator.inputs.openapi.reader import read_openapi

__all__ = ["read_openapi"]
