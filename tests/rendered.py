"""Render a small OpenAPI spec of our own into a folder, as ``specloom generate`` would write it.

Shared by the tests that import or gate a generated package.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.inputs.collect import read_inputs
from generator.render.renderer import render
from generator.render.targets import Options


def render_schemas(root: Path, schemas: dict[str, Any], target: str, package: str) -> Path:
    """Write ``schemas`` (``components/schemas``) as ``root/openapi.json``, render ``target`` with
    ``package`` below ``root/out``, and return ``root/out/<target>`` (the folder to import from)."""
    spec = root / "openapi.json"
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    spec.write_text(json.dumps(document), encoding="utf-8")
    files = render(read_inputs([spec]), [target], Options(package=package))
    for path, text in files.items():
        written = root / "out" / path
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_text(text, encoding="utf-8")
    return root / "out" / target
