"""``read_openapi``: one OpenAPI 3.0/3.1 document -> IR definitions."""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.loader import load_document
from generator.inputs.openapi.operations import list_operations, read_request_bodies
from generator.inputs.openapi.schemas import SchemaReader
from generator.ir import Definition, Location, sort_definitions

_VERSION = re.compile(r"3\.[01](\.\d+)?([-+].*)?")
_EXPECTED = "expected an OpenAPI 3.0 or 3.1 document (openapi: 3.0.x or 3.1.x)"


def read_openapi(path: Path, display: str, collector: Collector) -> list[Definition]:
    """Definitions of ``path``: component schemas and inline request bodies.

    ``display`` is the file name put in locations.  Problems go to
    ``collector`` (the reading goes on to find them all); nothing is raised.
    The definitions are sorted by namespace and name.
    """
    document = load_document(path, display, collector)
    if document is None:
        return []
    ctx = Context(document, display, collector)
    root = document.root
    if not isinstance(root, dict):
        ctx.problem(
            Location(display, document.line(root) or 1),
            f"the document is {kw.describe(root)}; {_EXPECTED}",
        )
        return []
    if not _check_version(ctx, root):
        return []
    try:
        reader = SchemaReader(ctx, root)
        reader.read_components()
        read_request_bodies(reader, list_operations(ctx, root))
    except RecursionError:
        ctx.problem(
            Location(display), "schemas are nested too deeply to read; expected less nesting"
        )
        return []
    return list(sort_definitions(ctx.definitions))


def _check_version(ctx: Context, root: dict[str, object]) -> bool:
    """The document says ``openapi: 3.0.x`` or ``3.1.x``; a problem otherwise."""
    version = root.get("openapi")
    if isinstance(version, str) and _VERSION.fullmatch(version.strip()):
        return True
    if isinstance(version, float) and version in (3.0, 3.1):
        return True  # ``openapi: 3.1`` unquoted reads as a number
    if "openapi" in root:
        found = f"openapi is {kw.describe(version)}"
        ctx.key_problem(root, "", "openapi", f"{found}; {_EXPECTED}")
    elif "swagger" in root:
        ctx.key_problem(root, "", "swagger", f"this is a Swagger (OpenAPI 2) document; {_EXPECTED}")
    else:
        ctx.problem(
            Location(ctx.display, ctx.document.line(root)), f"no openapi version; {_EXPECTED}"
        )
    return False
