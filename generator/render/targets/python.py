"""The ``python`` target: a standard-library package of request classes and validators."""

from __future__ import annotations

from pathlib import Path

from generator import ecma_regex
from generator.ir import AliasModel, EnumModel, ObjectModel, Schema, UnionModel
from generator.render.filters.python_code import module_name
from generator.render.filters.python_http import schema_uses_http
from generator.render.targets.base import Options, OutputFile, Target

ECMA_SOURCE = Path(ecma_regex.__file__).read_text(encoding="utf-8")
"""The ECMA-262 -> Python pattern translator, copied into the package (the ``regex`` format)."""


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """``<package>/__init__.py``, ``_runtime.py``, ``py.typed``, one module per namespace, and
    ``_http.py`` when some request class belongs to an operation."""
    package = options.package
    namespaces = sorted({*schema.namespaces, *(v.name.namespace for v in schema.validators)})
    modules = [module_name(namespace) for namespace in namespaces]
    files = [
        OutputFile(f"{package}/__init__.py", "python/__init__.py.jinja", {"modules": modules}),
        OutputFile(f"{package}/_runtime.py", "python/_runtime.py.jinja"),
        OutputFile(f"{package}/py.typed", "python/py.typed.jinja"),
        OutputFile(f"{package}/_validation.py", "python/_validation.py.jinja"),
        OutputFile(f"{package}/_schemas.py", "python/_schemas.py.jinja"),
        OutputFile(f"{package}/_ecma.py", "python/_ecma.py.jinja", {"source": ECMA_SOURCE}),
    ]
    if schema_uses_http(schema):
        files.append(OutputFile(f"{package}/_http.py", "python/_http.py.jinja"))
    for namespace in namespaces:
        definitions = schema.in_namespace(namespace)
        files.append(
            OutputFile(
                f"{package}/{module_name(namespace)}.py",
                "python/module.py.jinja",
                {
                    "namespace": namespace,
                    "enums": [d for d in definitions if isinstance(d, EnumModel)],
                    "unions": [d for d in definitions if isinstance(d, UnionModel)],
                    "models": [d for d in definitions if isinstance(d, ObjectModel)],
                    "aliases": [d for d in definitions if isinstance(d, AliasModel)],
                },
            )
        )
    return files


TARGET = Target(
    name="python",
    description="Python request classes with from_dict/validate/to_dict (standard library only)",
    plan=plan,
    aliases=True,
)
