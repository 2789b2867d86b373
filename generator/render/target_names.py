"""Names of the built-in targets, without importing them (the command line's help needs only these)."""

BUILTIN_TARGET_NAMES = (
    "python",
    "docs-go",
    "docs-python",
    "docs-typescript",
    "docs-php",
    "docs-ruby",
    "docs-java",
    "docs-csharp",
    "pydantic",
    "jsonschema",
    "openapi",
)
"""The keys of ``generator.render.targets.TARGETS``, in order (a test keeps them equal)."""
