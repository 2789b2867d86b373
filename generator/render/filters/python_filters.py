"""Filters of the ``python`` target's templates, on top of the shared ones in ``FILTERS``.

Filters that depend on where code lands read ``schema`` and ``namespace``
from the template context.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from generator.ir import AliasModel, Definition, Field, JsonObject, ObjectModel, UnionModel, thaw
from generator.render.filters import python_code, python_hints, python_layout, python_rules
from generator.render.filters.python_hints import LINE_LENGTH
from generator.render.filters.python_http import HTTP_FILTERS
from generator.render.filters.python_literals import py_repr
from generator.render.filters.python_pydantic import pydantic_models


def _modules(context: Context) -> frozenset[str]:
    schema = context["schema"]
    return frozenset(python_code.module_name(namespace) for namespace in schema.namespaces)


@pass_context
def py_attributes(context: Context, model: ObjectModel) -> dict[str, str]:
    """Python attribute name of each request field, keyed by wire name."""
    return python_code.attribute_names(model, _modules(context))


def py_request_fields(model: ObjectModel) -> tuple[Field, ...]:
    """The fields of a request class (read-only fields left out)."""
    return python_code.request_fields(model)


@pass_context
def py_field(context: Context, field: Field, attribute: str, indent: int = 4) -> str:
    """The attribute line of a field: ``name: annotation`` plus ``= _rt.UNSET`` when optional."""
    text = python_code.field_annotation(field, context["schema"], context["namespace"])
    default = None if field.required else "_rt.UNSET"
    return python_layout.annotated_line(attribute, text, default, indent)


@pass_context
def py_model_options(context: Context, model: ObjectModel, indent: int = 4) -> list[str]:
    """Class-level settings lines of a model (``_closed_``, ``_extra_``, property counts)."""
    options = python_code.model_options(model, context["schema"], context["namespace"])
    lines = []
    for declaration, value in options:
        name, annotation = declaration.split(": ", 1)
        lines.append(python_layout.annotated_assignment(name, annotation, value, indent))
    return lines


@pass_context
def py_union_codec(context: Context, union: UnionModel) -> str:
    """The module-level ``_codec_<Union> = _rt.OneOf(...)`` statement of a named union."""
    name = python_code.union_codec_name(union.name, union.name.namespace)
    call = python_code.union_codec(union, context["schema"], context["namespace"])
    return python_layout.annotated_assignment(name, "_rt.Codec", call, 0)


@pass_context
def py_alias_codec(context: Context, alias: AliasModel) -> str:
    """The module-level ``_codec_<Alias> = ...`` statement of a named alias."""
    name = python_code.union_codec_name(alias.name, alias.name.namespace)
    call = python_code.alias_codec(alias, context["schema"], context["namespace"])
    return python_layout.annotated_assignment(name, "_rt.Codec", call, 0)


@pass_context
def py_uses_datetime(context: Context, definitions: list[Definition]) -> bool:
    """The annotations of ``definitions`` need ``import datetime``."""
    return python_code.uses_datetime(tuple(definitions), context["schema"], context["namespace"])


def py_assignment(target: str, value: object, indent: int = 0) -> str:
    """``target = <value literal>`` laid out as black keeps it."""
    return python_layout.assignment(target, py_repr(value), indent)


def py_assignment_source(target: str, source: str, indent: int = 0) -> str:
    """``target = source`` (source already Python) laid out as black keeps it."""
    return python_layout.assignment(target, source, indent)


def py_class_header(name: str, base: str) -> str:
    """``class Name(Base):`` as black writes it (the base on its own line when too long)."""
    line = f"class {name}({base}):"
    if len(line) <= python_hints.LINE_LENGTH:
        return line
    return f"class {name}(\n    {base}\n):"


def json_text(value: object) -> str:
    """``value`` as compact JSON text (for docstrings; escaping is left to ``py_docstring``); a
    frozen JSON value (``FrozenJson``) is written as the JSON it stands for."""
    if isinstance(value, tuple | JsonObject):
        value = thaw(value)
    return json.dumps(value, ensure_ascii=False)


def py_sibling_imports(modules: list[str]) -> str:
    """``from . import a, b`` as black lays it out (one name a line, trailing comma, when long)."""
    line = "from . import " + ", ".join(modules)
    if len(line) <= LINE_LENGTH:
        return line
    return "from . import (\n" + "".join(f"    {module},\n" for module in modules) + ")"


def py_alias(target: str, text: str) -> str:
    """``target = "<text>"`` (a type alias as a string) laid out as black keeps it."""
    value = py_repr(python_code.union_text([text]))
    if ": " not in target:
        return python_layout.assignment(target, value, 0)
    name, annotation = target.split(": ", 1)
    return python_layout.annotated_assignment(name, annotation, value, 0)


@pass_context
def py_module_validators(context: Context, classes: list[Definition]) -> list[str]:
    """``<Name>Validator = _v.Validator(...)`` of each named schema of the module that is no model class."""
    schema = context["schema"]
    taken = frozenset(python_code.class_name(d.name) for d in classes)
    lines = []
    for validator in python_rules.module_validators(schema, context["namespace"], taken):
        name = python_rules.validator_name(validator.name, taken)
        call = python_layout.Call(
            "_v.Validator", (py_repr(validator.rules), py_repr(str(validator.name)))
        )
        lines.append(python_layout.layout(call, 0, prefix=f"{name} = "))
    return lines


@pass_context
def py_uses_validation(context: Context, models: list[ObjectModel]) -> bool:
    """Some of ``models`` are checked by compiled rules (the module imports ``_validation``)."""
    schema = context["schema"]
    return any(schema.validator_of(model.name) is not None for model in models)


def py_rules_table(schema: Any) -> list[tuple[str, str]]:
    """``(key literal, JSON text literal)`` of every rules entry, for ``_schemas.py``."""
    return [(py_repr(key), py_repr(text)) for key, text in python_rules.rules_table(schema)]


PYTHON_FILTERS: dict[str, Callable[..., Any]] = {
    "py_module_validators": py_module_validators,
    "py_rules_table": py_rules_table,
    "py_uses_validation": py_uses_validation,
    "py_attributes": py_attributes,
    "py_request_fields": py_request_fields,
    "py_field": py_field,
    "py_model_options": py_model_options,
    "py_union_codec": py_union_codec,
    "py_alias_codec": py_alias_codec,
    "py_uses_datetime": py_uses_datetime,
    "py_assignment": py_assignment,
    "py_alias": py_alias,
    "py_sibling_imports": py_sibling_imports,
    "py_assignment_source": py_assignment_source,
    "json_text": json_text,
    "py_class_header": py_class_header,
    "pydantic_models": pydantic_models,
    **HTTP_FILTERS,
}
"""The ``python`` target's filters, by name (they replace shared filters of the same name)."""
