"""OpenAPI 3.0 / 3.1 and Swagger 2.0 documents (YAML or JSON, possibly in several files).

``read_openapi(path, display, collector, naming=...)`` reads the named schemas,
the operations' request, response and error models and the security schemes
into IR definitions, named the way Speakeasy names them (``NAMINGS``).
"""

from generator.inputs.openapi.name_resolution import NAMINGS
from generator.inputs.openapi.reader import read_openapi

__all__ = ["NAMINGS", "read_openapi"]
