"""CPU time of reading each big spec into the IR, by phase (median of several runs).

    python benchmarks/read_speed.py [SPEC...] [--runs N]

Each run is a fresh interpreter (``PYTHONPATH`` picks the generator version, so
two versions compare side by side) that reads one spec the way ``generate``
does (``read_schema``) and prints the CPU seconds of: ``load`` (the text into
values and lines), ``rules`` (the validation rules, ``collect_rules``), ``read``
(the whole OpenAPI read, both included) and ``total`` (with the merge into one
schema).  Default specs: every file of ``../shared/corpus/big``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = Path(os.environ.get("SPECLOOM_CORPUS", ROOT.parent / "shared" / "corpus")) / "big"

_CHILD = """
import json, sys, time
from pathlib import Path
import generator.inputs.openapi.reader as reader
spent = {}
def timed(name, label):
    function = getattr(reader, name)
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - started
    setattr(reader, name, wrapper)
timed("load_document", "load")
timed("collect_rules", "rules")
timed("read_openapi_spec", "read")
from generator.commands.common import read_schema
started = time.process_time()
read_schema([Path(sys.argv[1])], None)
spent["total"] = time.process_time() - started
print(json.dumps(spent))
"""


def measure(spec: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds per phase of ``runs`` fresh reads of ``spec``."""
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(spec.resolve())],
            capture_output=True,
            text=True,
            check=True,
            cwd=tempfile.gettempdir(),  # not a tree: ``-c`` puts the working folder first on the path
        )
        samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def main(argv: list[str] | None = None) -> int:
    """Command line entry point: one line per spec."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    specs = args.specs or sorted(path for path in BIG.iterdir() if path.is_file())
    for spec in specs:
        phases = measure(spec, args.runs)
        shown = ", ".join(f"{key} {value:.3f} s" for key, value in phases.items())
        print(f"{spec.name}: {shown} (CPU, median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
