"""``read_openapi``: one OpenAPI 3.0/3.1 or Swagger 2.0 document -> IR definitions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import OPENAPI_30, OPENAPI_31, SWAGGER_20, Context, Dialect
from generator.inputs.openapi.loader import load_document
from generator.inputs.openapi.name_resolution import resolve_names_2025
from generator.inputs.openapi.namings import DEFAULT_NAMING, NAMINGS, SPEAKEASY_2025
from generator.inputs.openapi.operation_ir import read_operation_ir
from generator.inputs.openapi.operations import list_operations
from generator.inputs.openapi.request_views import add_request_views
from generator.inputs.openapi.requests import read_body, read_parameters
from generator.inputs.openapi.responses import error_schema_keys, read_responses
from generator.inputs.openapi.rules_reader import RulesSink, collect_rules
from generator.inputs.openapi.schemas import SchemaReader
from generator.inputs.openapi.security import read_security
from generator.ir import Definition, Location, Operation, TypeName, sort_definitions

_VERSION = re.compile(r"3\.([01])(\.\d+)?([-+].*)?")
_EXPECTED = (
    "expected an OpenAPI 3.0 or 3.1 document (openapi: 3.0.x or 3.1.x) or Swagger 2.0 "
    "(swagger: '2.0')"
)


def read_openapi(
    path: Path,
    display: str,
    collector: Collector,
    naming: str = DEFAULT_NAMING,
    rules: RulesSink | None = None,
    remotes: dict[str, Path] | None = None,
) -> list[Definition]:
    """The definitions of ``path`` (see ``read_openapi_spec``)."""
    return read_openapi_spec(path, display, collector, naming, rules, remotes).definitions


@dataclass(frozen=True, slots=True)
class OpenAPIRead:
    """What one OpenAPI document gives: its definitions and its operations."""

    definitions: list[Definition]
    """Named schemas, request and response models, security; sorted by namespace and name."""
    operations: list[Operation]
    """The operations, in document order."""
    reached: frozenset[TypeName] = frozenset()
    """Definitions made from the named schemas an operation reaches in the document as
    written, or marked ``x-speakeasy-include`` (``reach``): an SDK that makes only what its
    methods reach makes these (``generator.ir.sdk_wrappers.drop_unused`` keeps them).
    Filled only when asked (``read_openapi_spec(reach=True)``) or when ``unused_schemas=False``."""
    copies: tuple[tuple[TypeName, TypeName], ...] = ()
    """Each copy of a named schema (``copy_single_all_of``) and the named schema it copies."""


def read_openapi_spec(
    path: Path,
    display: str,
    collector: Collector,
    naming: str = DEFAULT_NAMING,
    rules: RulesSink | None = None,
    remotes: dict[str, Path] | None = None,
    copy_single_all_of: bool = False,
    single_value_constants: bool = True,
    one_namespace: bool = False,
    spread_union_all_of: bool = False,
    unused_schemas: bool = True,
    reach: bool = False,
) -> OpenAPIRead:
    """Definitions of ``path``: named schemas, operations' request and response models, security.

    ``display`` is the file name put in locations.  Problems and warnings go
    to ``collector`` (the reading goes on to find them all); nothing is
    raised.  ``naming`` is one of ``NAMINGS`` (see ``name_resolution``).
    ``rules``, when given, receives the validation rules and public validators
    (``rules_reader``); ``remotes`` maps URI prefixes to folders that serve them.
    ``copy_single_all_of``: an ``allOf`` of one ``$ref`` with keywords beside it is a copy of the
    referenced model or enum named from its context (``Context.copy_single_all_of``,
    ``copies``; listed in ``OpenAPIRead.copies``).
    ``single_value_constants``: under ``speakeasy-2025`` an inline enum of one value is a
    constant (``Context.single_value_constants``).
    ``one_namespace``: names are told apart across namespaces, as in an SDK keeping all its
    models in one package (``NameRegistry.one_namespace``).
    ``spread_union_all_of``: an ``allOf`` of one union and object schemas is a union of
    merged models, one per variant (``Context.spread_union_all_of``): the variant components
    themselves where nothing else uses them (``spread``), else copies named after the owner
    and the variant (``variant_copies``).
    ``unused_schemas=False``: named schemas no operation reaches are left out before naming
    (``Context.unused_schemas``, ``reach``).
    ``reach``: fill ``OpenAPIRead.reached`` (else it is empty unless ``unused_schemas=False``
    needed the walk anyway); the raw-document walk is skipped when nothing uses it.
    The definitions are sorted by namespace and name.
    """
    if naming not in NAMINGS:
        collector.add(
            Location("--naming"), f"unknown naming {naming!r}; expected one of {', '.join(NAMINGS)}"
        )
        return OpenAPIRead([], [])
    document = load_document(path, display, collector)
    if document is None:
        return OpenAPIRead([], [])
    root = document.root
    if not isinstance(root, dict):
        collector.add(
            Location(display, document.line(root) or 1),
            f"the document is {kw.describe(root)}; {_EXPECTED}",
        )
        return OpenAPIRead([], [])
    probe = Context(document, display, collector, path=path)
    dialect = _dialect(probe, root)
    if dialect is None:
        return OpenAPIRead([], [])
    ctx = Context(document, display, collector, dialect, path, naming, one_namespace)
    ctx.copy_single_all_of = copy_single_all_of
    ctx.single_value_constants = single_value_constants
    ctx.spread_union_all_of = spread_union_all_of
    ctx.unused_schemas = unused_schemas
    ctx.reach = reach
    if "components" in root:
        kw.mapping(ctx, root, "", "components")
    try:
        operations = list_operations(ctx, root)
        reader = SchemaReader(
            ctx, error_schema_keys(ctx, operations, dialect.schemas_pointer), remotes
        )
        reader.read_components()
        requests = [read_body(reader, operation) for operation in operations]
        request_models = [read_parameters(reader, parts) for parts in requests]
        for operation in operations:
            read_responses(reader, operation)
        read_security(ctx, root, operations)
        ctx.operations = [
            read_operation_ir(reader, root, parts, request)
            for parts, request in zip(requests, request_models, strict=True)
        ]
        if naming == SPEAKEASY_2025:
            resolve_names_2025(ctx)
        add_request_views(ctx)
        if rules is not None:
            collect_rules(reader, rules)
    except RecursionError:
        collector.add(
            Location(display), "schemas are nested too deeply to read; expected less nesting"
        )
        return OpenAPIRead([], [])
    components = reader.components
    pointers = {components.pointer_of(key) for key in components.reached}
    reached = frozenset(d.name for d in ctx.definitions if d.location.pointer in pointers)
    names = {d.name for d in ctx.definitions}
    copies = tuple(
        sorted(((n, s) for n, s in ctx.copies.items() if n in names), key=lambda c: str(c[0]))
    )
    return OpenAPIRead(list(sort_definitions(ctx.definitions)), ctx.operations, reached, copies)


def _dialect(ctx: Context, root: dict[str, object]) -> Dialect | None:
    """The document's version: ``openapi: 3.0.x``/``3.1.x`` or ``swagger: '2.0'``; else a problem."""
    version = root.get("openapi")
    if isinstance(version, str):
        match = _VERSION.fullmatch(version.strip())
        if match:
            return OPENAPI_31 if match.group(1) == "1" else OPENAPI_30
    if isinstance(version, float) and version in (3.0, 3.1):
        return OPENAPI_31 if version == 3.1 else OPENAPI_30  # ``openapi: 3.1`` unquoted
    swagger = root.get("swagger")
    if "openapi" not in root and (swagger == "2.0" or swagger == 2.0):
        return SWAGGER_20
    if "openapi" in root:
        ctx.key_problem(root, "", "openapi", f"openapi is {kw.describe(version)}; {_EXPECTED}")
    elif "swagger" in root:
        ctx.key_problem(root, "", "swagger", f"swagger is {kw.describe(swagger)}; {_EXPECTED}")
    else:
        ctx.problem(
            Location(ctx.display, ctx.document.line(root)), f"no openapi version; {_EXPECTED}"
        )
    return None
