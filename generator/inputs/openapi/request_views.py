"""Request views: what a client sends never holds ``readOnly`` fields.

OpenAPI marks fields the server sets (``readOnly``) and fields only a
client sends (``writeOnly``) on one schema used both ways.  The IR keeps
each definition as the spec writes it (every field, with ``read_only`` and
``write_only`` set) and adds, as Speakeasy's SDKs do, a request view of the
definitions a request uses:

- a named definition (``components``, ``errors``) used by a request that
  has ``readOnly`` fields, or uses such a definition, gets a copy
  ``<Name>Input`` without them, whose references point at the other views;
- a definition of the ``operations`` namespace used by a request (the
  ``<Operation>Request`` and ``<Operation>RequestBody`` models and what is
  inline in them) is request-only, so its ``readOnly`` fields are dropped
  in place.

``writeOnly`` fields stay everywhere: they are what requests carry, and a
reader of responses can tell them by ``Field.write_only``.
"""

from __future__ import annotations

from dataclasses import replace

from generator.inputs.openapi.context import Context
from generator.ir import (
    AliasModel,
    Definition,
    EnumModel,
    ObjectModel,
    TypeName,
    TypeNode,
    UnionModel,
)
from generator.ir.retarget import rename
from generator.ir.types import referenced_names

OPERATIONS = "operations"
"""Namespace whose definitions are changed in place."""

SUFFIX = "Input"
"""Suffix of the request view of a named definition."""


def add_request_views(ctx: Context) -> None:
    """Make the request views of ``ctx.definitions`` (see the module docstring)."""
    if not ctx.request_roots:
        return
    index = {definition.name: definition for definition in ctx.definitions}
    used = _reachable(ctx.request_roots, index)
    changing = _needing_views(used, index)
    if not changing:
        return
    renamed: dict[TypeName, TypeName] = {}
    for name in sorted(changing, key=lambda n: (n.namespace, n.name)):
        if name.namespace != OPERATIONS:
            view_name = ctx.names.unique(name.namespace, name.name + SUFFIX)
            ctx.names.reserve(view_name)
            renamed[name] = view_name
    made: list[Definition] = []
    for position, definition in enumerate(ctx.definitions):
        if definition.name not in changing:
            continue
        view = _view(definition, renamed)
        if definition.name in renamed:
            made.append(view)
        else:
            ctx.definitions[position] = view
    ctx.definitions.extend(made)


def _references(definition: Definition) -> list[TypeName]:
    """Names a definition refers to."""
    if isinstance(definition, ObjectModel):
        nodes = [field.type for field in definition.fields]
        if definition.additional_properties is not None:
            nodes.append(definition.additional_properties)
        return referenced_names(nodes)
    if isinstance(definition, UnionModel):
        return referenced_names([variant.type for variant in definition.variants])
    if isinstance(definition, AliasModel):
        return referenced_names([definition.type])
    return []


def _reachable(roots: list[TypeNode], index: dict[TypeName, Definition]) -> set[TypeName]:
    """Definitions reachable from the request roots."""
    pending = referenced_names(roots)
    seen: set[TypeName] = set()
    while pending:
        name = pending.pop()
        if name in seen or name not in index:
            continue
        seen.add(name)
        pending.extend(_references(index[name]))
    return seen


def _needing_views(used: set[TypeName], index: dict[TypeName, Definition]) -> set[TypeName]:
    """Used definitions with ``readOnly`` fields, and those referring to them (a fixed point)."""
    changing = {
        name
        for name in used
        if isinstance(index[name], ObjectModel)
        and any(field.read_only for field in index[name].fields)  # type: ignore[union-attr]
    }
    grew = True
    while grew:
        grew = False
        for name in used - changing:
            if isinstance(index[name], EnumModel):
                continue
            if any(target in changing for target in _references(index[name])):
                changing.add(name)
                grew = True
    return changing


def _view(definition: Definition, renamed: dict[TypeName, TypeName]) -> Definition:
    """The request view of ``definition``: renamed if named, ``readOnly`` fields dropped."""
    if isinstance(definition, ObjectModel):
        kept = tuple(field for field in definition.fields if not field.read_only)
        definition = replace(definition, fields=kept)
    return rename(definition, renamed)
