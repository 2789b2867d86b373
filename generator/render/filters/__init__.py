"""Every filter and global the built-in templates use, registered on the Jinja environment.

Filters that depend on where code lands read ``schema`` and ``namespace``
from the template context; ``docs/template-context.md`` lists them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from generator.ir import Definition, EnumModel, Field, ObjectModel, TypeName, TypeNode, thaw
from generator.naming import camel_case, pascal_case, snake_case
from generator.render.filters import python_code, python_layout
from generator.render.filters.python_literals import (
    docstring_text,
    py_docstring,
    py_repr,
    py_str,
    wrap,
)


@pass_context
def py_annotation(context: Context, node: TypeNode) -> str:
    """Python annotation of a type node, qualified relative to the current ``namespace``."""
    return python_code.annotation(node, context["schema"], context["namespace"])


@pass_context
def py_field(context: Context, field: Field, attribute: str, indent: int = 4) -> str:
    """The attribute line of a field: ``name: annotation`` plus ``= _rt.UNSET`` when optional."""
    text = python_code.field_annotation(field, context["schema"], context["namespace"])
    default = None if field.required else "_rt.UNSET"
    return python_layout.annotated_line(attribute, text, default, indent)


@pass_context
def py_field_descriptor(context: Context, field: Field, attribute: str, indent: int = 8) -> str:
    """The ``_rt.Field(...),`` entry of a ``_fields_`` table, laid out as black keeps it."""
    call = python_code.field_descriptor(field, attribute, context["schema"], context["namespace"])
    return python_layout.layout(call, indent, suffix=",")


@pass_context
def py_reference(context: Context, name: TypeName) -> str:
    """How the current module names a definition (``Mode`` or ``components.Mode``)."""
    if name.namespace == context["namespace"]:
        return python_code.class_name(name)
    return f"{python_code.module_name(name.namespace)}.{python_code.class_name(name)}"


@pass_context
def py_imports(context: Context, definitions: list[Definition]) -> list[str]:
    """Modules of other namespaces the given definitions refer to."""
    names = python_code.referenced_namespaces(tuple(definitions), context["namespace"])
    return [python_code.module_name(name) for name in names]


@pass_context
def py_typing_imports(context: Context, definitions: list[Definition]) -> list[str]:
    """Names the annotations of ``definitions`` need from ``typing`` (``Any``, ``Literal``)."""
    return python_code.typing_imports(tuple(definitions), context["schema"], context["namespace"])


def py_attributes(model: ObjectModel) -> dict[str, str]:
    """Python attribute name of each field, keyed by wire name."""
    return python_code.attribute_names(model)


def py_enum_members(model: EnumModel) -> list[tuple[str, str]]:
    """``(member name, value literal)`` pairs of an enum."""
    return python_code.enum_members(model)


FILTERS: dict[str, Callable[..., Any]] = {
    "snake_case": snake_case,
    "pascal_case": pascal_case,
    "camel_case": camel_case,
    "py_str": py_str,
    "py_repr": py_repr,
    "py_docstring": py_docstring,
    "docstring_text": docstring_text,
    "wrap": wrap,
    "py_class": python_code.class_name,
    "py_module": python_code.module_name,
    "py_enum_base": python_code.enum_base,
    "thaw": thaw,
    "py_enum_members": py_enum_members,
    "py_enum_assignments": python_code.enum_assignments,
    "py_uses_read_only_mappings": python_code.uses_read_only_mappings,
    "py_attributes": py_attributes,
    "py_annotation": py_annotation,
    "py_field": py_field,
    "py_field_descriptor": py_field_descriptor,
    "py_reference": py_reference,
    "py_imports": py_imports,
    "py_typing_imports": py_typing_imports,
}
"""Filters available to every template, by name."""

from generator.render.filters.python_filters import PYTHON_FILTERS  # noqa: E402

FILTERS.update(PYTHON_FILTERS)

from generator.render.filters.docs_filters import DOCS_FILTERS  # noqa: E402

FILTERS.update(DOCS_FILTERS)
