"""The ``openapi`` target: the IR as an OpenAPI 3.1 document, ``openapi.yaml``."""

from __future__ import annotations

import json

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.export.openapi import export_openapi
from generator.inputs.openapi.scalars import resolve_plain
from generator.ir import Schema
from generator.render.targets.base import Options, OutputFile, Target


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]
    """``SafeDumper`` that quotes every string a YAML 1.2 reader would take for another type.

    PyYAML quotes what YAML 1.1 would resolve (``yes``, ``on``, ``~``, dates);
    YAML 1.2 core also reads ``1e5``, ``0o17`` and ``+.5`` as numbers, so such
    strings are quoted too, and the document reads back the same under both.
    """


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if text and resolve_plain(text) is not text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'")
    return dumper.represent_str(text)


_Dumper.add_representer(str, _represent_str)


def document_text(schema: Schema, options: Options) -> str:
    """The document as deterministic YAML (keys in export order, unicode kept)."""
    document = export_openapi(schema, title=options.package)
    # no shared objects (YAML without anchors); no NaN (the readers refuse it)
    unshared = json.loads(json.dumps(document, allow_nan=False))
    text: str = yaml.dump(unshared, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def plan(schema: Schema, options: Options) -> list[OutputFile]:
    """One file, ``openapi.yaml``."""
    return [
        OutputFile(
            "openapi.yaml", "openapi/openapi.yaml.jinja", {"text": document_text(schema, options)}
        )
    ]


TARGET = Target(
    name="openapi",
    description="OpenAPI 3.1 document: every model under components/schemas",
    plan=plan,
    aliases=True,
)
