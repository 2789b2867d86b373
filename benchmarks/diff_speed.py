"""Speed of ``specloom diff`` on the big corpus specs against a copy with random edits.

    python benchmarks/diff_speed.py [SPEC...] [--edits 100] [--seed 12] [--runs 3]

For each spec (default: every file of ``../shared/corpus/big``) a copy is
written with ``--edits`` random schema edits (seeded: a property made
required or optional, removed, added, retyped, a ``maxLength`` set, an enum
value added or removed, a description changed).  Prints, as the median of
``--runs`` runs in one process: the time to read both specs, the time of the
whole diff (reading both + comparing), their ratio (goal: within 2x), and
how many changes were found.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.diff import diff_schemas  # noqa: E402
from generator.inputs.collect import read_inputs  # noqa: E402

CORPUS = PROJECT.parent / "shared" / "corpus"
EDITS = ("required", "remove", "add", "retype", "max-length", "enum-add", "enum-remove", "describe")


def load(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def schemas_of(document: dict[str, Any]) -> dict[str, Any]:
    found = document.get("components", {}).get("schemas") or document.get("definitions") or {}
    return found if isinstance(found, dict) else {}


def edit(document: dict[str, Any], count: int, rng: random.Random) -> list[str]:
    """Apply ``count`` random edits to the object schemas' properties; what was done."""
    schemas = schemas_of(document)
    objects = [
        (name, schema)
        for name, schema in sorted(schemas.items())
        if isinstance(schema, dict)
        and isinstance(schema.get("properties"), dict)
        and schema["properties"]
    ]
    done: list[str] = []
    while len(done) < count and objects:
        name, schema = rng.choice(objects)
        properties = schema["properties"]
        key = rng.choice(sorted(properties))
        prop = properties[key]
        kind = rng.choice(EDITS)
        if kind == "required":
            required = list(schema.get("required") or [])
            schema["required"] = (
                [k for k in required if k != key] if key in required else [*required, key]
            )
        elif kind == "remove":
            del properties[key]
            schema["required"] = [k for k in schema.get("required") or [] if k != key]
            if not properties:
                objects.remove((name, schema))
        elif kind == "add":
            properties[f"added{len(done)}"] = {"type": "string"}
        elif kind == "retype" and isinstance(prop, dict) and "type" in prop:
            prop["type"] = "integer" if prop["type"] == "string" else "string"
            prop.pop("format", None)
            prop.pop("enum", None)
        elif kind == "max-length" and isinstance(prop, dict) and prop.get("type") == "string":
            prop["maxLength"] = rng.randint(1, 500)
        elif kind == "enum-add" and isinstance(prop, dict) and isinstance(prop.get("enum"), list):
            prop["enum"] = [*prop["enum"], f"added{len(done)}"]
        elif kind == "enum-remove" and isinstance(prop, dict) and len(prop.get("enum") or []) > 1:
            prop["enum"] = prop["enum"][:-1]
        elif kind == "describe" and isinstance(prop, dict):
            prop["description"] = f"edited {len(done)}"
        else:
            continue
        done.append(f"{kind} {name}.{key}")
    return done


def measure(old: Path, new: Path, runs: int) -> tuple[float, float, int]:
    reads, diffs, found = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        read_inputs([old])
        read_inputs([new])
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        before, after = read_inputs([old]), read_inputs([new])
        found = len(diff_schemas(before, after))
        diffs.append(time.perf_counter() - start)
    return statistics.median(reads), statistics.median(diffs), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    specs = args.specs or sorted((CORPUS / "big").glob("*"))
    print("| spec | edits | read both (s) | diff (s) | diff / read | changes |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        for spec in specs:
            document = load(spec)
            done = edit(document, args.edits, random.Random(args.seed))
            copy = Path(scratch) / f"edited-{spec.stem}.json"
            copy.write_text(json.dumps(document, default=str), encoding="utf-8")
            read, whole, found = measure(spec, copy, args.runs)
            print(
                f"| {spec.name} | {len(done)} | {read:.2f} | {whole:.2f} | "
                f"{whole / read:.2f}x | {found} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
