"""The IR and the warnings of every corpus spec, dumped so two versions of the reader compare.

    python benchmarks/read_differential.py dump OUT [--corpus DIR]
    python benchmarks/read_differential.py compare OLD NEW

``dump`` reads each OpenAPI document below the corpus (the sweep's ``find_specs``)
with the generator importable from the working directory (``PYTHONPATH`` picks the
version), and writes ``OUT/index.json`` (a digest per spec) and one gzipped file
per spec: the ``repr`` of the whole ``Schema`` (definitions, operations, rules,
validators, every location with its line) and every warning, or the problems
of a refused read.  ``compare`` lists the specs whose digests differ and prints
the first differing line of each; exit 1 when any differs.  Run both dumps with
the same ``PYTHONHASHSEED`` (the command sets 0 when it is unset) so that set
reprs are in one order.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("SPECLOOM_CORPUS", ROOT.parent / "shared" / "corpus"))


def _specs(corpus: Path) -> list[Path]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from openapi_sweep import find_specs

    return find_specs(corpus)


def _read(spec: Path) -> str:
    """The text that stands for one read: the schema's repr and the warnings, or the problems."""
    from generator.diagnostics import SpecloomError
    from generator.inputs.collect import read_inputs

    warnings: list[object] = []
    try:
        schema = read_inputs([spec], warnings=warnings)  # type: ignore[arg-type]
    except SpecloomError as error:
        return "refused\n" + "\n".join(str(problem) for problem in error.problems)
    lines = ["warnings", *(str(warning) for warning in warnings), "schema", repr(schema)]
    return "\n".join(lines)


def dump(out: Path, corpus: Path) -> int:
    """Write the digests and texts of every spec below ``corpus`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    index: dict[str, str] = {}
    started = time.process_time()
    for spec in _specs(corpus):
        name = spec.relative_to(corpus).as_posix()
        text = _read(spec)
        index[name] = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        target = out / (hashlib.sha256(name.encode()).hexdigest()[:16] + ".txt.gz")
        target.write_bytes(gzip.compress(text.encode("utf-8", "surrogatepass"), 1))
    (out / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True))
    seconds = time.process_time() - started
    print(f"{len(index)} specs dumped to {out} in {seconds:.1f} s CPU")
    return 0


def _first_difference(old: str, new: str) -> str:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
            return f"line {number}: old {a[max(0, at - 80) : at + 80]!r}\n  new {b[max(0, at - 80) : at + 80]!r}"
    return f"{len(old_lines)} lines against {len(new_lines)}"


def compare(old: Path, new: Path) -> int:
    """Print the specs whose reads differ between the dumps; 1 when any differs."""
    old_index = json.loads((old / "index.json").read_text())
    new_index = json.loads((new / "index.json").read_text())
    differing = 0
    for name in sorted(set(old_index) | set(new_index)):
        if old_index.get(name) == new_index.get(name):
            continue
        differing += 1
        if name not in old_index or name not in new_index:
            print(f"{name}: only in {'new' if name in new_index else 'old'}")
            continue
        file = hashlib.sha256(name.encode()).hexdigest()[:16] + ".txt.gz"
        texts = [gzip.decompress((folder / file).read_bytes()).decode() for folder in (old, new)]
        print(f"{name}: differs, {_first_difference(*texts)}")
    total = len(set(old_index) | set(new_index))
    print(f"{total - differing} of {total} specs read identically")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--corpus", type=Path, default=CORPUS)
    comparing = sub.add_parser("compare")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        if os.environ.get("PYTHONHASHSEED") != "0":  # set reprs in one order for both dumps
            os.environ["PYTHONHASHSEED"] = "0"
            os.execv(sys.executable, [sys.executable, *sys.argv])
        return dump(args.out, args.corpus.resolve())
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
