"""The schemas under ``components/schemas``: their raw data, pointers and definition names."""

from __future__ import annotations

from urllib.parse import unquote

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join, unescape
from generator.inputs.openapi.metadata import NAME_OVERRIDE
from generator.ir import TypeName
from generator.naming import pascal_case

NAMESPACE = "components"
"""Namespace of the definitions made from ``components/schemas``."""

PREFIX = "#/components/schemas/"
"""How a ``$ref`` to a component schema starts."""

POINTER = "/components/schemas"
"""JSON pointer of the component schemas."""


class ComponentIndex:
    """Component schemas by key, each with a reserved ``TypeName``.

    The name is the key (or its ``x-speakeasy-name-override``) in PascalCase,
    as Speakeasy names them: ``linkGeoTargeting`` -> ``LinkGeoTargeting``.
    """

    def __init__(self, ctx: Context, root: dict[str, object]) -> None:
        self.schemas: dict[str, object] = {}
        """Raw schema of each component, in document order."""
        self.names: dict[str, TypeName] = {}
        """Definition name of each component."""
        components = kw.mapping(ctx, root, "", "components") or {}
        schemas = kw.mapping(ctx, components, "/components", "schemas") or {}
        self._mapping = schemas
        for key, schema in schemas.items():
            self.schemas[key] = schema
            self.names[key] = self._reserve(ctx, key, schema)

    def _reserve(self, ctx: Context, key: str, schema: object) -> TypeName:
        """Reserve a unique name for component ``key``."""
        wanted = key
        if isinstance(schema, dict) and isinstance(schema.get(NAME_OVERRIDE), str):
            wanted = str(schema[NAME_OVERRIDE])
        base = pascal_case(wanted) or pascal_case(key) or "Schema"
        if base[0].isdigit():
            base = "Schema" + base
        name = TypeName(NAMESPACE, base)
        number = 2
        while ctx.names.is_taken(name):
            name = TypeName(NAMESPACE, f"{base}{number}")
            number += 1
        ctx.names.reserve(name)
        return name

    def key_of(self, ref: str) -> str | None:
        """The component key a ``$ref`` names (``#/components/schemas/X`` -> ``X``), else ``None``."""
        if not ref.startswith(PREFIX):
            return None
        rest = unquote(ref[len(PREFIX) :])
        if "/" in rest:
            return None
        return unescape(rest)

    def pointer(self, key: str) -> str:
        """JSON pointer of component ``key``."""
        return join(POINTER, key)

    def line(self, ctx: Context, key: str) -> int | None:
        """Line of component ``key``."""
        return ctx.document.key_line(self._mapping, key)
