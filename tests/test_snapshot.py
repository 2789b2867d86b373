"""Snapshot test: the committed ``generated/`` is exactly what the built-in targets make from ``spec/``.

After an intended change, update it with ``specloom generate`` (run at the project root) and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import load_settings
from generator.inputs.collect import read_inputs
from generator.output.drift import find_drift
from generator.render.renderer import render
from generator.render.targets import Options


def test_generated_matches_spec(project: Path) -> None:
    settings = load_settings(project / "pyproject.toml")
    files = render(read_inputs(settings.spec), settings.targets, Options(package=settings.package))
    drift = find_drift(settings.out, files)
    report = "".join(drift.changed.values())
    report += "".join(f"missing: {path}\n" for path in drift.added)
    report += "".join(f"stale: {path}\n" for path in drift.removed)
    assert drift.clean, f"generated/ is out of date; run `specloom generate` and review:\n{report}"
    assert sorted(files) == sorted(
        p.relative_to(settings.out).as_posix()
        for p in settings.out.rglob("*")
        if p.is_file() and p.name != ".specloom-manifest.json"
    )


def test_the_ir_tables_hold_every_ir_class_whatever_was_imported_first() -> None:
    # the IR package imports its classes on first use: the snapshot (and the cache's hashes)
    # must not depend on what a command happened to import before
    import subprocess
    import sys

    code = (
        "import generator.cli, generator.commands.generate\n"
        "from generator.ir.serialize import IR_FIELDS\n"
        "import dataclasses, generator.ir as ir\n"
        "every = [getattr(ir, n) for n in ir.__all__]\n"
        "print(sorted(c.__name__ for c in every if isinstance(c, type)"
        " and dataclasses.is_dataclass(c) and c not in IR_FIELDS))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
