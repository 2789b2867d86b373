"""The names of the naming conventions ``read_openapi`` offers (``--naming``), importable alone.

The command line lists them without importing the OpenAPI reader.
"""

OWNER_FIRST_NAMING = "speakeasy-2022"
"""The naming (``name_resolution.NAMINGS``) where a nested inline schema named from its context
always has its owner's name in front: Speakeasy before its ``nameResolutionDec2023`` fix."""

SPEAKEASY_2025 = "speakeasy-2025"
"""Speakeasy's naming with its ``nameResolutionFeb2025`` fix."""

NAMINGS = ("speakeasy-2023", SPEAKEASY_2025, OWNER_FIRST_NAMING)
"""The naming conventions ``read_openapi`` offers."""

DEFAULT_NAMING = NAMINGS[0]
"""Naming used unless another is asked for."""
