"""Every filter of the ``FILTERS`` registry: signature, docstring and live examples.

An example is a template expression evaluated in the real environment over
the example schema (``reference.example``), so the page shows what the filter
does today.  A filter without an entry in ``EXAMPLES`` is listed without one.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.reference.classes import first_paragraph
from generator.reference.example import example_schema
from generator.render.environment import make_environment
from generator.render.filters import FILTERS

EXAMPLES: dict[str, tuple[str, ...]] = {
    "snake_case": ('{{ "clickId" | snake_case }}', '{{ "HTTPStatus" | snake_case }}'),
    "pascal_case": ('{{ "track_lead" | pascal_case }}',),
    "camel_case": ('{{ "ClickID" | camel_case }}',),
    "py_str": ("{{ field.description | py_str }}",),
    "py_repr": ('{{ {"ids": [1, 2], "on": true, "off": none} | py_repr }}',),
    "py_docstring": ("{{ field.description | py_docstring(4) }}",),
    "docstring_text": ('{{ "Line one.\\n\\n    Line two.  " | docstring_text }}',),
    "wrap": ('{{ "one two three four five six" | wrap(12) }}',),
    "py_class": ("{{ model.name | py_class }}",),
    "py_module": ("{{ namespace | py_module }}",),
    "py_enum_base": ("{{ enum | py_enum_base }}",),
    "thaw": ("{{ enum.values[0].value | thaw }}",),
    "py_enum_members": ("{{ enum | py_enum_members }}",),
    "py_enum_assignments": ("{{ enum | py_enum_assignments }}",),
    "py_uses_read_only_mappings": ("{{ [enum] | py_uses_read_only_mappings }}",),
    "py_attributes": ("{{ model | py_attributes }}",),
    "py_annotation": (
        "{{ model.fields[2].type | py_annotation }}",
        "{{ model.fields[4].type | py_annotation }}",
    ),
    "py_field": ('{{ field | py_field("click_id") }}', '{{ model.fields[1] | py_field("mode") }}'),
    "py_field_descriptor": ('{{ field | py_field_descriptor("click_id") }}',),
    "py_reference": ("{{ enum.name | py_reference }}", "{{ link.name | py_reference }}"),
    "py_imports": ("{{ schema.in_namespace(namespace) | list | py_imports }}",),
    "py_typing_imports": ("{{ schema.in_namespace(namespace) | list | py_typing_imports }}",),
    "py_request_fields": ('{{ model | py_request_fields | map(attribute="name") | list }}',),
    "py_model_options": ("{{ model | py_model_options }}",),
    "py_union_codec": ("{{ union | py_union_codec }}",),
    "py_alias_codec": ("{{ alias | py_alias_codec }}",),
    "py_sibling_imports": ('{{ ["components", "errors"] | py_sibling_imports }}',),
    "py_uses_datetime": ("{{ schema.in_namespace(namespace) | list | py_uses_datetime }}",),
    "py_assignment": ('{{ "DEFAULTS" | py_assignment({"mode": "async"}) }}',),
    "py_alias": ('{{ "Destination" | py_alias("str | components.Link") }}',),
    "py_assignment_source": ('{{ "value" | py_assignment_source("_rt.UNSET") }}',),
    "json_text": ('{{ {"tags": ["a", "b"], "on": true} | json_text }}',),
    "md_cell": ("{{ enum.description | md_cell }}", '{{ "two\\nlines" | md_cell }}'),
    "md_table": ('{{ ["Name", "Value"] | md_table([["ModeAsync", "async"]]) }}',),
    "go_field_name": ("{{ field | go_field_name }}", "{{ model.fields[1] | go_field_name }}"),
    "go_field_type": ("{{ field | go_field_type }}", "{{ model.fields[1] | go_field_type }}"),
    "go_type": (
        "{{ model.fields[2].type | go_type }}",
        "{{ model.fields[1].type | go_type(true) }}",
    ),
    "go_enum_constant": ("{{ enum | go_enum_constant(enum.values[1]) }}",),
    "go_example": ('{{ ["a", "b"] | go_example }}',),
    "doc_path": ("{{ enum.name | doc_path }}",),
    "doc_link": ("{{ link.name | doc_link }}",),
}
"""Example expressions per filter name."""


@dataclass(frozen=True, slots=True)
class Example:
    """One evaluated example."""

    expression: str
    """The template expression."""
    output: str
    """What it renders to, or the error it raised."""
    failed: bool = False
    """The expression raised instead of rendering."""


@dataclass(frozen=True, slots=True)
class FilterDoc:
    """What the reference says about one filter."""

    name: str
    """Name templates use."""
    signature: str
    """Parameters after the filtered value's, e.g. ``(value: str, indent: int = 0) -> str``."""
    doc: str
    """First paragraph of its docstring."""
    examples: tuple[Example, ...]
    """Evaluated examples (may be empty)."""
    context: bool = False
    """The filter reads ``schema`` and ``namespace`` from the template context."""


def example_context() -> dict[str, Any]:
    """Variables the examples use: ``schema``, ``namespace``, ``model``, ``field``, ``enum``,
    ``union``, ``link``, ``alias``."""
    schema = example_schema()
    by_name = {definition.name.name: definition for definition in schema.definitions}
    model = by_name["TrackLeadRequestBody"]
    return {
        "schema": schema,
        "namespace": "operations",
        "model": model,
        "field": model.fields[0],  # type: ignore[union-attr]
        "enum": by_name["Mode"],
        "union": by_name["Destination"],
        "link": by_name["Link"],
        "alias": by_name["Slug"],
    }


def _signature(function: Callable[..., Any]) -> str:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return "(...)"
    parameters = list(signature.parameters.values())
    if getattr(function, "jinja_pass_arg", None) is not None and parameters:
        parameters = parameters[1:]  # the template context, passed by Jinja
    text = str(signature.replace(parameters=parameters))
    return text.replace("'", "")


def evaluate(expression: str) -> Example:
    """Render ``expression`` with the example context."""
    env = make_environment()
    try:
        output = env.from_string(expression).render(example_context())
    except Exception as error:  # shown on the page, and a test fails on it
        return Example(expression, f"{type(error).__name__}: {error}", failed=True)
    return Example(expression, output)


def filter_docs() -> list[FilterDoc]:
    """Every registered filter, sorted by name."""
    return [
        FilterDoc(
            name,
            _signature(function),
            first_paragraph(inspect.getdoc(function)),
            tuple(evaluate(expression) for expression in EXAMPLES.get(name, ())),
            getattr(function, "jinja_pass_arg", None) is not None,
        )
        for name, function in sorted(FILTERS.items())
    ]
