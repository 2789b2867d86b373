"""The python target's quality gates on big specs: import, ruff, black, mypy --strict, timed.

    python benchmarks/quality_gates.py [SPEC...] [--keep DIR] [--skip black]

For each spec (default: every file of ``../shared/corpus/big``) the
``python`` target is generated into a temporary folder (or ``--keep DIR``)
and checked the way a user of the generated package would:

- ``import``: the package and each module import with the standard library;
- ``ruff``: ``ruff check`` with ruff's default rules, then with this
  project's rules (``pyproject.toml``) for the stricter view;
- ``black``: ``black --check`` (default line length) changes nothing;
- ``mypy``: ``mypy --strict`` on the package.

Each gate prints ok/FAILED, its time and the first lines of what it found.
Big packages make black and mypy slow (minutes for stripe), which is why
these gates run here and not in the test suite.  Exit code 0 when every gate
passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = ROOT.parent / "shared" / "corpus" / "big"
PACKAGE = "models"


def run(argv: list[str], cwd: Path) -> tuple[bool, float, str]:
    """(passed, seconds, first lines of output) of one command."""
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    lines = (done.stdout + done.stderr).strip().splitlines()
    return done.returncode == 0, elapsed, "\n".join(f"      {line}" for line in lines[-4:])


def gates(package_root: Path) -> list[tuple[str, list[str], Path]]:
    """(name, argv, working folder) of each gate for a generated package."""
    python = sys.executable
    modules = sorted(p.stem for p in (package_root / PACKAGE).glob("*.py") if p.stem != "__init__")
    imports = "; ".join([f"import {PACKAGE}"] + [f"import {PACKAGE}.{m}" for m in modules])
    neutral = package_root.parent  # outside this project: ruff and black use their defaults
    return [
        ("import", [python, "-c", imports], package_root),
        ("ruff (default rules)", ["ruff", "check", "--no-cache", "--isolated", "."], package_root),
        (
            "ruff (project rules)",
            ["ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), "."],
            package_root,
        ),
        ("black --check", [python, "-m", "black", "--check", "-q", str(package_root)], neutral),
        (
            "mypy --strict",
            [
                python,
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--cache-dir",
                "/dev/null",
                PACKAGE,
            ],
            package_root,
        ),
    ]


def check_spec(spec: Path, out: Path, skip: set[str]) -> bool:
    """Generate the python target of ``spec`` into ``out`` and run every gate."""
    ok, elapsed, tail = run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            "--spec",
            str(spec),
            "--out",
            str(out),
            "--target",
            "python",
            "--package",
            PACKAGE,
        ],
        ROOT,
    )
    size = sum(p.stat().st_size for p in (out / "python").rglob("*.py")) / 2**20 if ok else 0
    print(
        f"\n{spec.name}: generate {'ok' if ok else 'FAILED'} {elapsed:.2f} s, {size:.1f} MiB of Python"
    )
    if not ok:
        print(tail)
        return False
    passed = True
    for name, argv, cwd in gates(out / "python"):
        if name.split()[0] in skip:
            print(f"  {name:<22} skipped")
            continue
        gate_ok, gate_time, gate_tail = run(argv, cwd)
        passed = passed and gate_ok
        print(f"  {name:<22} {'ok' if gate_ok else 'FAILED':<7} {gate_time:7.2f} s")
        if not gate_ok:
            print(gate_tail)
    return passed


def main(argv: list[str] | None = None) -> int:
    """Check each spec's generated package."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("specs", nargs="*", type=Path, help="specs (default: corpus big/*)")
    parser.add_argument("--keep", type=Path, help="generate into DIR/<spec name> and keep it")
    parser.add_argument(
        "--skip", action="append", default=[], help="gate to skip: import, ruff, black, mypy"
    )
    args = parser.parse_args(argv)
    specs = args.specs or sorted(BIG.glob("*"))
    passed = True
    with tempfile.TemporaryDirectory(prefix="specloom-gates-") as temporary:
        base = args.keep or Path(temporary)
        for spec in specs:
            passed = check_spec(spec.resolve(), base / spec.name, set(args.skip)) and passed
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
