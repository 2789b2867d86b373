"""The ``pydantic`` target: pydantic v2 models made by datamodel-code-generator.

specloom does not template these models itself: it exports the IR's request
view as JSON Schema (``generator.export.jsonschema``) and hands it to
datamodel-code-generator's Python API (see ``generator.render.filters.python_pydantic``).
datamodel-code-generator is an optional dependency: ``pip install 'specloom[pydantic]'``.
"""

from __future__ import annotations

import importlib.util
import json

from generator.diagnostics import Problem, SpecloomError
from generator.ecma_regex import translate
from generator.export.jsonschema import export_schema
from generator.ir import Location, Schema
from generator.render.filters.python_pydantic import CONVERTED_FORMATS
from generator.render.targets.base import Options, OutputFile, Target

MISSING = (
    "the pydantic target needs datamodel-code-generator, which is not installed; "
    "expected it installed with: pip install 'specloom[pydantic]'"
)
"""The problem reported when datamodel-code-generator is absent."""


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """``<package>/__init__.py`` (the models) and ``<package>/py.typed``."""
    if importlib.util.find_spec("datamodel_code_generator") is None:
        raise SpecloomError([Problem(Location("--target pydantic"), MISSING)])
    document = export_schema(schema, request=True, formats=CONVERTED_FORMATS)
    _rust_patterns(document)
    source = json.dumps(document, sort_keys=False, ensure_ascii=False)
    return [
        OutputFile(
            f"{options.package}/__init__.py", "pydantic/models.py.jinja", {"json_schema": source}
        ),
        OutputFile(f"{options.package}/py.typed", "python/py.typed.jinja"),
    ]


def _rust_patterns(node: object) -> None:
    """ECMA-262 ``pattern`` values rewritten for pydantic-core's Rust regex engine, in place.

    A pattern that engine cannot run (look-around, back-references) is left out, so that
    the module imports; the python target checks it.
    """
    if isinstance(node, list):
        for item in node:
            _rust_patterns(item)
        return
    if not isinstance(node, dict):
        return
    pattern = node.get("pattern")
    if isinstance(pattern, str):
        translated = translate(pattern, "rust").pattern
        if translated is None:
            del node["pattern"]
        else:
            node["pattern"] = translated
    for value in node.values():
        if isinstance(value, dict | list):
            _rust_patterns(value)


TARGET = Target(
    name="pydantic",
    description="pydantic v2 models made by datamodel-code-generator from the JSON Schema export",
    plan=plan,
)
