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
