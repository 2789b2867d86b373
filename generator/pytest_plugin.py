"""pytest plugin, installed with specloom: snapshot-test templates against golden files.

::

    def test_house_style(specloom_snapshot):
        specloom_snapshot.assert_match(
            "python", spec="spec", templates=["templates"], golden="tests/golden/python"
        )

The fixture renders a target over a spec and compares every file with the
golden folder (paths as below ``OUT/<target>/``); on a difference the test
fails with a unified diff per file.  ``pytest --specloom-update`` writes the
rendered files into the golden folder instead (and removes golden files the
target no longer renders).  Relative paths are taken from pytest's rootdir.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from generator.diagnostics import SpecloomError
from generator.inputs.collect import read_inputs
from generator.render.renderer import Rendering, render_files
from generator.render.targets import Options, Target

UPDATE_OPTION = "--specloom-update"
"""The flag that rewrites golden files instead of comparing."""

PathLike = str | os.PathLike[str]
"""A path given as text or ``Path``."""


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register ``--specloom-update``."""
    group = parser.getgroup("specloom", "specloom template snapshots")
    group.addoption(
        UPDATE_OPTION,
        action="store_true",
        default=False,
        help="write rendered output into the specloom golden folders instead of comparing",
    )


class Snapshot:
    """Renders targets and compares (or, with ``--specloom-update``, rewrites) golden files."""

    def __init__(self, root: Path, update: bool) -> None:
        self.root = root
        """Folder relative paths are resolved from (pytest's rootdir)."""
        self.update = update
        """Rewrite golden files instead of comparing."""

    def _path(self, path: PathLike) -> Path:
        return self.root / Path(path)

    def render(
        self,
        target: str | Target,
        *,
        spec: PathLike | Sequence[PathLike],
        templates: Sequence[PathLike] = (),
        package: str = "models",
        go_style: str | None = None,
        flavor: str | None = None,
    ) -> dict[str, str]:
        """The files ``target`` renders from ``spec``, by path below ``OUT/<target>/``."""
        specs = [spec] if isinstance(spec, str | os.PathLike) else list(spec)
        try:
            schema = read_inputs(
                [self._path(p) for p in specs], flavor=flavor, key_root=self.root
            )
            rendering: Rendering[object] = render_files(
                schema,
                [target],
                Options(package=package, go_style=go_style),
                [self._path(folder) for folder in templates],
            )
        except SpecloomError as error:
            pytest.fail("specloom could not render:\n" + str(error), pytrace=False)
        name = target if isinstance(target, str) else target.name
        return {path.removeprefix(f"{name}/"): text for path, text in rendering.files.items()}

    def assert_match(
        self,
        target: str | Target,
        *,
        spec: PathLike | Sequence[PathLike],
        golden: PathLike,
        templates: Sequence[PathLike] = (),
        package: str = "models",
        go_style: str | None = None,
        flavor: str | None = None,
    ) -> dict[str, str]:
        """Render ``target`` and compare with the ``golden`` folder; returns the rendered files."""
        files = self.render(
            target,
            spec=spec,
            templates=templates,
            package=package,
            go_style=go_style,
            flavor=flavor,
        )
        compare_with_golden(files, self._path(golden), self.update, label=str(golden))
        return files


def golden_files(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (POSIX relative path to bytes)."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def compare_with_golden(
    files: Mapping[str, str], golden: Path, update: bool, label: str | None = None
) -> None:
    """Fail the test with a readable diff when ``files`` differ from ``golden`` (or rewrite it).

    ``label`` names the golden folder in the message (default: its path).
    """
    expected = golden_files(golden)
    rendered = {path: text.encode("utf-8") for path, text in files.items()}
    if update:
        _rewrite(golden, rendered, expected)
        return
    changed = sorted(p for p in rendered if p in expected and expected[p] != rendered[p])
    new = sorted(set(rendered) - set(expected))
    stale = sorted(set(expected) - set(rendered))
    if not (changed or new or stale):
        return
    lines = [
        f"specloom snapshot: the rendered output differs from the golden files in {label or golden} "
        f"({len(changed)} changed, {len(new)} not in golden, {len(stale)} no longer rendered)"
    ]
    for path in changed:
        lines.append(_diff(path, expected[path], rendered[path]))
    lines += [f"not in golden: {path}" for path in new]
    lines += [f"no longer rendered: {path}" for path in stale]
    lines.append(
        f"If the new output is right, run pytest with {UPDATE_OPTION} and review the change."
    )
    pytest.fail("\n".join(lines), pytrace=False)


def _diff(path: str, golden: bytes, rendered: bytes) -> str:
    before = golden.decode("utf-8", errors="replace").splitlines(keepends=True)
    after = rendered.decode("utf-8", errors="replace").splitlines(keepends=True)
    diff = difflib.unified_diff(before, after, f"golden/{path}", f"rendered/{path}")
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff
    ).rstrip("\n")


def _rewrite(golden: Path, rendered: Mapping[str, bytes], expected: Mapping[str, bytes]) -> None:
    for path, data in rendered.items():
        if expected.get(path) != data:
            target = golden / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for path in set(expected) - set(rendered):
        (golden / path).unlink()
    for folder in sorted((p for p in golden.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


@pytest.fixture()
def specloom_snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """Render a target over a spec and compare with golden files (``--specloom-update`` rewrites them)."""
    return Snapshot(request.config.rootpath, bool(request.config.getoption(UPDATE_OPTION)))
