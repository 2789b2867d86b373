"""OpenAPI 3.0 / 3.1 and Swagger 2.0 documents (YAML or JSON, possibly in several files).

``read_openapi(path, display, collector, naming=...)`` reads the named schemas,
the operations' request, response and error models and the security schemes
into IR definitions, named the way Speakeasy names them (``NAMINGS``).
"""

from typing import TYPE_CHECKING, Any

from generator.inputs.openapi.namings import NAMINGS

if TYPE_CHECKING:
    from generator.inputs.openapi.reader import read_openapi

__all__ = ["NAMINGS", "read_openapi"]


def __getattr__(name: str) -> Any:
    """``read_openapi`` is imported on first use (the command line needs only ``NAMINGS``)."""
    if name == "read_openapi":
        from generator.inputs.openapi.reader import read_openapi

        return read_openapi
    raise AttributeError(name)
