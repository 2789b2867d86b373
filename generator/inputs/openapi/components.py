"""The named schemas (``components/schemas``, Swagger ``definitions``) and their definition names."""

from __future__ import annotations

from urllib.parse import unquote

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join, unescape
from generator.inputs.openapi.metadata import NAME_OVERRIDE
from generator.inputs.openapi.names import spelled_leading_digits
from generator.inputs.openapi.reach import reached_keys
from generator.ir import TypeName
from generator.naming import pascal_case

NAMESPACE = "components"
"""Namespace of the definitions made from named schemas."""

ERRORS_NAMESPACE = "errors"
"""Namespace of the definitions made for error responses (4xx, 5xx, ``default``)."""


class ComponentIndex:
    """Named schemas of the main document by key, each with a reserved ``TypeName``.

    The name is the key (or its ``x-speakeasy-name-override``) in PascalCase,
    as Speakeasy names them: ``linkGeoTargeting`` -> ``LinkGeoTargeting``.
    A schema whose key is in ``error_keys`` (the body of an error response)
    is named in the ``errors`` namespace instead of ``components``.  Unless
    ``Context.unused_schemas``, a schema that no operation reaches and that is merged
    into none reached (``reach``) is left out before any name is given.
    """

    def __init__(self, ctx: Context, error_keys: set[str]) -> None:
        self.pointer = ctx.dialect.schemas_pointer
        """JSON pointer of the named schemas."""
        self.schemas: dict[str, object] = {}
        """Raw schema of each component, in document order."""
        self.names: dict[str, TypeName] = {}
        """Definition name of each component."""
        self.reached: set[str] = set()
        """Keys of the components an operation reaches (``reach``); computed only when
        asked (``Context.reach``) or needed (not ``Context.unused_schemas``), else empty."""
        self._mapping: dict[str, object] = {}
        found = ctx.main.resolve_pointer(self.pointer)
        if found is None:
            return
        node, parent, token = found
        if not isinstance(node, dict):
            parent_ptr = self.pointer.rsplit("/", 1)[0]
            ctx.key_problem(
                parent,
                parent_ptr,
                token,
                f"{token} is {kw.describe(node)}; expected a mapping of schema names to schemas",
            )
            return
        self._mapping = node
        walked: set[str] | None = None
        if ctx.reach or not ctx.unused_schemas:
            self.reached, walked = reached_keys(ctx.main, self.pointer, node)
        for key, schema in node.items():
            if not ctx.unused_schemas and walked is not None and key not in walked:
                continue
            if str(key).startswith("x-") and not isinstance(schema, dict | bool):
                ctx.key_warning(
                    node,
                    self.pointer,
                    key,
                    f"{key} is {kw.describe(schema)}, not a schema (an extension key); skipped",
                )
                continue
            self.schemas[key] = schema
            namespace = ERRORS_NAMESPACE if key in error_keys else NAMESPACE
            self.names[key] = self._reserve(ctx, key, schema, namespace)

    def _reserve(self, ctx: Context, key: str, schema: object, namespace: str) -> TypeName:
        """Reserve a unique name for component ``key``."""
        wanted = key
        if isinstance(schema, dict) and isinstance(schema.get(NAME_OVERRIDE), str):
            wanted = str(schema[NAME_OVERRIDE])
        base = pascal_case(wanted) or pascal_case(key) or "Schema"
        if base[0].isdigit():  # Speakeasy spells the leading number: 54ab -> FiftyFourab
            base = spelled_leading_digits(wanted.strip()) or "Schema" + base
        name = ctx.names.unique(namespace, base)
        ctx.names.reserve(name)
        return name

    def key_of_pointer(self, pointer: str) -> str | None:
        """The component key of a JSON pointer (``/components/schemas/X`` -> ``X``), else ``None``."""
        prefix = self.pointer + "/"
        if not pointer.startswith(prefix):
            return None
        rest = pointer[len(prefix) :]
        if "/" in rest:
            return None
        key = unescape(rest)
        return key if key in self.schemas else None

    def key_of(self, ref: str) -> str | None:
        """The component key a local ``$ref`` names (``#/components/schemas/X`` -> ``X``)."""
        if not ref.startswith("#"):
            return None
        return self.key_of_pointer(unquote(ref[1:]))

    def pointer_of(self, key: str) -> str:
        """JSON pointer of component ``key``."""
        return join(self.pointer, key)

    def line(self, ctx: Context, key: str) -> int | None:
        """Line of component ``key``."""
        return ctx.main.key_line(self._mapping, key)
