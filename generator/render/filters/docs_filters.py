"""The filters of the markdown docs targets (``docs-go``, ``docs-python``, ``docs-typescript``,
``docs-php``, ``docs-ruby``, ``docs-java``, ``docs-csharp``), registered with every other filter in ``FILTERS``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.render.filters import (
    docs_csharp,
    docs_java,
    docs_php,
    docs_python,
    docs_ruby,
    docs_typescript,
    go_docs,
    markdown,
)

DOCS_FILTERS: dict[str, Callable[..., Any]] = {
    "md_cell": markdown.md_cell,
    "md_table": markdown.md_table,
    "doc_header": markdown.doc_header,
    "docs_fact": markdown.docs_fact,
    "doc_path": go_docs.doc_path,
    "doc_link": go_docs.doc_link,
    "go_style": go_docs.go_style,
    "go_field_name": go_docs.go_field_name,
    "go_field_type": go_docs.go_field_type,
    "go_type": go_docs.go_type,
    "go_enum_constant": go_docs.go_enum_constant,
    "go_example": go_docs.go_example,
    "go_fields_table": go_docs.go_fields_table,
    "go_values_table": go_docs.go_values_table,
    "go_variants": go_docs.go_variants,
    "go_discrimination": go_docs.go_discrimination,
    "go_enum_usage": go_docs.go_enum_usage,
    "py_fields_table": docs_python.py_fields_table,
    "py_values_table": docs_python.py_values_table,
    "py_values_list": docs_python.py_values_list,
    "py_values": docs_python.py_values,
    "py_variants": docs_python.py_variants,
    "py_enum_usage": docs_python.py_enum_usage,
    "php_fields_table": docs_php.php_fields_table,
    "php_values_table": docs_php.php_values_table,
    "php_variants": docs_php.php_variants,
    "ruby_fields_table": docs_ruby.ruby_fields_table,
    "ruby_values_table": docs_ruby.ruby_values_table,
    "ruby_enum_usage": docs_ruby.ruby_enum_usage,
    "java_fields_table": docs_java.java_fields_table,
    "java_values_table": docs_java.java_values_table,
    "java_enum_usage": docs_java.java_enum_usage,
    "csharp_fields_table": docs_csharp.csharp_fields_table,
    "csharp_values_table": docs_csharp.csharp_values_table,
    "csharp_enum_usage": docs_csharp.csharp_enum_usage,
    "csharp_variants": docs_csharp.csharp_variants,
    "ts_name": docs_typescript.ts_name,
    "ts_fields_table": docs_typescript.ts_fields_table,
    "ts_values": docs_typescript.ts_values,
    "ts_values_table": docs_typescript.ts_values_table,
    "ts_usage": docs_typescript.ts_usage,
    "ts_variants": docs_typescript.ts_variants,
}
"""Filters of the docs targets, by name."""
