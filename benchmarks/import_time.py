"""Import time of the generated package for the biggest corpus specs, against its peer.

    python benchmarks/import_time.py [SPEC...]

For each spec (default: ``../shared/corpus/big/openai.yaml`` and
``big/stripe-spec3.yaml``) the ``python`` target and, when
datamodel-code-generator is installed, the ``pydantic`` target are
generated into a temporary folder; each package is imported in fresh
interpreters, first without bytecode (cold: compiles the source) and then
with it (warm: what users see after the first import).  Prints the median of
``--runs`` imports in milliseconds and the ratio python / pydantic.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
DEFAULT_SPECS = [CORPUS / "big" / "openai.yaml", CORPUS / "big" / "stripe-spec3.yaml"]


def generate(spec: Path, target: str, out: Path) -> str | None:
    """Generate ``target`` for ``spec`` into ``out``; the error text when it fails."""
    command = [sys.executable, "-m", "generator", "generate", "--spec", str(spec)]
    command += ["--target", target, "--out", str(out), "--package", "models"]
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr.strip().splitlines() or ["?"])[-1]


def import_ms(folder: Path, statement: str, *, bytecode: bool) -> float:
    """Wall time of one fresh interpreter importing the package, minus an empty interpreter's."""
    flags = [] if bytecode else ["-B"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, *flags, "-c", code], cwd=folder, check=True, env=env)
        return (time.perf_counter() - started) * 1000

    prefix = "import sys; sys.path.insert(0, '.'); import pydantic; "
    return run(prefix + statement) - run(prefix + "pass")


def measure(folder: Path, statement: str, runs: int) -> tuple[float, float]:
    """(cold, warm) median import times in milliseconds."""
    for cache in folder.rglob("__pycache__"):
        for file in cache.iterdir():
            file.unlink()
    cold = statistics.median(import_ms(folder, statement, bytecode=False) for _ in range(runs))
    import_ms(folder, statement, bytecode=True)  # writes the bytecode
    warm = statistics.median(import_ms(folder, statement, bytecode=True) for _ in range(runs))
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("specs", nargs="*", type=Path, default=DEFAULT_SPECS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    peers = importlib.util.find_spec("datamodel_code_generator") is not None
    for spec in args.specs:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            error = generate(spec, "python", out)
            if error:
                print(f"{spec.name}: cannot generate: {error}")
                continue
            modules = sorted(p.stem for p in (out / "python" / "models").glob("[!_]*.py"))
            statement = "; ".join(f"import models.{name}" for name in modules)
            lines = (out / "python" / "models").glob("*.py")
            size = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in lines)
            cold, warm = measure(out / "python", statement, args.runs)
            print(
                f"{spec.name}: python target {size} lines: cold {cold:.0f} ms, warm {warm:.0f} ms"
            )
            if not peers:
                print("  (pydantic peer skipped: datamodel-code-generator is not installed)")
                continue
            error = generate(spec, "pydantic", out)
            if error:
                print(f"  pydantic peer: cannot generate: {error}")
                continue
            peer_cold, peer_warm = measure(out / "pydantic", "import models", args.runs)
            print(f"  pydantic peer: cold {peer_cold:.0f} ms, warm {peer_warm:.0f} ms")
            print(
                f"  ratio python/pydantic: cold {cold / peer_cold:.2f}, warm {warm / peer_warm:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
