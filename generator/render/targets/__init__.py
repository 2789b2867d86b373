"""Registered output targets, by name."""

from __future__ import annotations

from generator.render.targets import (
    docs_csharp,
    docs_go,
    docs_java,
    docs_php,
    docs_python,
    docs_ruby,
    docs_typescript,
    jsonschema,
    openapi,
    pydantic,
    python,
)
from generator.render.targets.base import Options, OutputFile, Target

TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        python.TARGET,
        docs_go.TARGET,
        docs_python.TARGET,
        docs_typescript.TARGET,
        docs_php.TARGET,
        docs_ruby.TARGET,
        docs_java.TARGET,
        docs_csharp.TARGET,
        pydantic.TARGET,
        jsonschema.TARGET,
        openapi.TARGET,
    )
}
"""Every built-in target, by ``--target`` name."""

__all__ = ["TARGETS", "Options", "OutputFile", "Target"]
