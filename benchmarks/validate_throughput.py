"""Throughput of payload validation: specloom's ``validate``/``from_dict`` against its peers, one run.

For three real request models -- the seed's ``TrackLeadRequestBody`` (``spec/``),
dub's ``LinkSchema`` and stripe's ``Invoice`` -- a valid payload is built from
the model's schema (every optional property filled in, nested objects too,
to a depth), and validated 10,000 times with

- specloom's ``python`` target: ``Model.validate(payload)`` (every problem, with
  JSON pointers) and ``Model.from_dict(payload)`` (validate and build the instance),
- pydantic-core: ``Model.model_validate(payload)`` of the ``pydantic`` target's model made from
  the schema's types alone (no schema rules, so no JSON Schema check bound: what
  datamodel-code-generator's model costs), and, in its own column, the ``pydantic`` target's
  model as users get it (bound to its schema: the JSON Schema check, then pydantic),
- ``fastjsonschema`` (generated Python code; stops at the first error) and
- ``jsonschema-rs`` (Rust), both given the very same JSON Schema specloom validates
  (its rules as a ``$defs`` document).

Ratios > 1 mean specloom is faster.  Every validator must accept the payload,
or the row says which does not.

    python benchmarks/validate_throughput.py [--corpus ../shared/corpus] [-n 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.export.jsonschema import closure  # noqa: E402
from generator.inputs.collect import read_inputs  # noqa: E402
from generator.ir import Schema, TypeName  # noqa: E402
from generator.render.filters.python_code import class_name, module_name  # noqa: E402
from generator.render.filters.python_rules import rules_data  # noqa: E402
from generator.render.renderer import render  # noqa: E402
from generator.render.targets import Options  # noqa: E402

MODELS = (
    ("seed TrackLeadRequestBody", "spec", TypeName("operations", "TrackLeadRequestBody")),
    ("dub LinkSchema", "dub-seed-era/openapi.yaml", TypeName("components", "LinkSchema")),
    ("stripe Invoice", "big/stripe-spec3.yaml", TypeName("components", "Invoice")),
)


def json_schema(schema: Schema, key: str) -> dict[str, Any]:
    """The rules of ``key`` and everything they refer to, as one 2020-12 JSON Schema document."""
    names = {entry.key: f"s{index}" for index, entry in enumerate(schema.rules)}

    def _escape(key: str) -> str:
        return names[key]

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for name, value in node.items():
            if name == "$pattern" or name == "$resource" or name == "$dynamicAnchors":
                continue
            if name == "$ref":
                out["$ref"] = f"#/$defs/{_escape(value)}"
            elif name == "$dynamicRef":
                out["$ref"] = f"#/$defs/{_escape(value['fallback'])}"
            elif name == "patternProperties":
                out[name] = {pattern: convert(sub) for pattern, _, sub in value}
            elif name in ("properties", "dependentSchemas"):
                out[name] = {k: convert(v) for k, v in value.items()}
            elif name in ("enum", "const", "dependentRequired", "required", "type"):
                out[name] = value
            else:
                out[name] = convert(value)
        return out

    definitions = {_escape(entry.key): convert(rules_data(entry.rules)) for entry in schema.rules}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": definitions,
        "$ref": f"#/$defs/{_escape(key)}",
    }


_FORMAT_EXAMPLES = {
    "date-time": "2024-05-01T12:30:00Z",
    "date": "2024-05-01",
    "time": "12:30:00Z",
    "email": "ada@example.com",
    "uri": "https://example.com/a",
    "url": "https://example.com/a",
    "uri-reference": "https://example.com/a",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "hostname": "example.com",
    "byte": "aGVsbG8=",
    "duration": "P1D",
}


class Filler:
    """Builds a valid payload from a JSON Schema document (checked by a validator)."""

    def __init__(self, document: dict[str, Any], valid: Callable[[Any, Any], bool], depth: int) -> None:
        self.document = document
        self.valid = valid
        self.depth = depth

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and set(node) == {"$ref"}:
            node = self.document["$defs"][node["$ref"][len("#/$defs/") :]]
        return node

    def subschema(self, node: Any) -> dict[str, Any]:
        """``node`` as a standalone document (for the validity checks)."""
        if not isinstance(node, dict):
            return node
        return {**{k: v for k, v in self.document.items() if k != "$ref"}, **node}

    def fill(self, node: Any, depth: int) -> Any:
        node = self.resolve(node)
        if node is True or node is False or not isinstance(node, dict):
            return "x"
        if "const" in node:
            return node["const"]
        if "enum" in node:
            return node["enum"][0]
        if "$ref" in node:
            target = self.resolve({"$ref": node["$ref"]})
            return self.fill({**target, **{k: v for k, v in node.items() if k != "$ref"}}, depth)
        for keyword in ("anyOf", "oneOf"):
            if keyword in node:
                for option in node[keyword]:
                    value = self.fill(option, depth)
                    if self.valid(self.subschema(node), value):
                        return value
                return self.fill(node[keyword][0], depth)
        if "allOf" in node:
            merged: dict[str, Any] = {}
            for part in node["allOf"]:
                part = self.resolve(part)
                if isinstance(part, dict):
                    value = self.fill(part, depth)
                    if isinstance(value, dict):
                        merged.update(value)
            if merged:
                return merged
        types = [t for t in node.get("type", ["object" if "properties" in node else "string"]) if t != "null"]
        kind = types[0] if types else "null"
        if kind == "null":
            return None
        if kind == "string":
            text = _FORMAT_EXAMPLES.get(node.get("format", ""), "text")
            low = node.get("minLength", 0)
            return text + "x" * max(0, low - len(text))
        if kind in ("integer", "number"):
            low = node.get("minimum", node.get("exclusiveMinimum", 0) + 1 if "exclusiveMinimum" in node else 1)
            high = node.get("maximum")
            value = low if high is None else min(low, high)
            return int(value) if kind == "integer" else float(value) + 0.5 if high is None else value
        if kind == "boolean":
            return True
        if kind == "array":
            if depth >= self.depth or "items" not in node:
                return [] if node.get("minItems", 0) == 0 else ["x"] * node["minItems"]
            return [self.fill(node["items"], depth + 1) for _ in range(max(1, node.get("minItems", 1)))]
        payload: dict[str, Any] = {}
        required = set(node.get("required", ()))
        for name, sub in node.get("properties", {}).items():
            if depth >= self.depth and name not in required:
                continue
            value = self.fill(sub, depth + 1)
            candidate = {**payload, name: value}
            payload[name] = value
            if name not in required and not self.valid(self.subschema(sub), value):
                del payload[name]
            del candidate
        return payload


def _generate(schema: Schema, root: Path, target: str, package: str) -> Any:
    with contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = render(schema, [target], Options(package=package))
    for path, text in files.items():
        destination = root / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root / target))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(root / target))


def timed(function: Callable[[], Any], count: int) -> float:
    """Seconds for ``count`` calls (best of three rounds)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(count):
            function()
        best = min(best, time.perf_counter() - start)
    return best


def measure(label: str, spec: Path, name: TypeName, root: Path, count: int) -> dict[str, Any]:
    import fastjsonschema
    import jsonschema
    import jsonschema_rs

    schema = read_inputs([spec])
    validator = schema.validator_of(name)
    assert validator is not None, f"{name} has no validator"
    document = json_schema(schema, validator.rules)
    checker = jsonschema.Draft202012Validator

    defs = {k: v for k, v in document.items() if k != "$ref"}
    cache: dict[str, Any] = {}

    def valid(doc: Any, value: Any) -> bool:
        body = {k: v for k, v in doc.items() if k not in defs} if isinstance(doc, dict) else doc
        key = json.dumps(body, sort_keys=True)
        compiled = cache.get(key)
        if compiled is None:
            compiled = cache[key] = checker(doc)
        return compiled.is_valid(value)

    payload = Filler(document, valid, depth=3).fill(document, 0)
    tag = label.split()[0]
    _generate(schema, root / tag, "python", f"tp_{tag}")
    model = getattr(importlib.import_module(f"tp_{tag}.{module_name(name.namespace)}"), class_name(name))
    results: dict[str, Any] = {"label": label, "fields": len(payload) if isinstance(payload, dict) else 0}
    problems = model.validate(payload)
    results["specloom accepts"] = not problems
    if problems:
        results["problems"] = [str(p) for p in problems[:3]]
    fast = fastjsonschema.compile(document)
    rust = jsonschema_rs.Draft202012Validator(document)
    results["fastjsonschema accepts"] = rust.is_valid(payload) and _fast_ok(fast, payload)
    times = {
        "specloom validate": timed(lambda: model.validate(payload), count),
        "specloom from_dict": timed(lambda: model.from_dict(payload), count) if not problems else None,
        "fastjsonschema": timed(lambda: _fast_ok(fast, payload), count),
        "jsonschema-rs": timed(lambda: rust.is_valid(payload), count),
        "jsonschema-rs (errors)": timed(lambda: list(rust.iter_errors(payload)), count),
    }
    try:
        keep = set(closure(schema, [name]))
        subset = Schema(tuple(d for d in schema.definitions if d.name in keep), schema.sources)
        pydantic_module = _generate(subset, root / (tag + "_pyd"), "pydantic", f"tpp_{tag}")
        pyd = getattr(pydantic_module, class_name(name), None) or getattr(pydantic_module, name.name)
        try:
            pyd.model_validate(payload)
            results["pydantic accepts"] = True
        except Exception as error:
            results["pydantic accepts"] = False
            results["pydantic error"] = str(error).splitlines()[0:3]
        times["pydantic model_validate"] = timed(lambda: _pyd_ok(pyd, payload), count)
        bound = Schema(
            subset.definitions,
            schema.sources,
            rules=schema.rules,
            validators=tuple(v for v in schema.validators if v.name in keep),
        )
        checked_module = _generate(bound, root / (tag + "_pydc"), "pydantic", f"tppc_{tag}")
        checked = getattr(checked_module, class_name(name), None) or getattr(checked_module, name.name)
        results["pydantic target accepts"] = _pyd_ok(checked, payload)
        times["pydantic target"] = timed(lambda: _pyd_ok(checked, payload), count)
    except Exception as error:
        results["pydantic"] = f"unavailable: {error}"
    results["times"] = times
    return results


def _fast_ok(fast: Callable[[Any], Any], payload: Any) -> bool:
    try:
        fast(payload)
    except Exception:
        return False
    return True


def _pyd_ok(model: Any, payload: Any) -> bool:
    try:
        model.model_validate(payload)
    except Exception:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=PROJECT.parent / "shared" / "corpus")
    parser.add_argument("-n", type=int, default=10_000, help="validations per model and validator")
    args = parser.parse_args(argv)
    print("# Validation throughput\n")
    print(
        f"Written by `python benchmarks/validate_throughput.py -n {args.n} > benchmarks/validate_throughput.md` "
        "on a shared 2-core machine (other jobs running: absolute times are noisy, the ratios are "
        "measured in the same run). \"pydantic model_validate\" is pydantic-core on "
        "datamodel-code-generator's model of the schema's types; \"pydantic target (checked)\" is "
        "the pydantic target's model as generated, which checks the JSON Schema first.\n"
    )
    print(f"{args.n} validations per model and validator (best of 3); ratio = peer time / specloom time\n")
    print("| model | payload fields | specloom validate | from_dict | pydantic model_validate | pydantic target (checked) | fastjsonschema | jsonschema-rs | jsonschema-rs (all errors) | validate vs fastjsonschema | validate vs pydantic | from_dict vs pydantic |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="specloom-throughput-") as folder:
        for label, where, name in MODELS:
            spec = PROJECT / where if where == "spec" else args.corpus / where
            if not spec.exists():
                print(f"| {label} | (missing {spec}) |")
                continue
            r = measure(label, spec, name, Path(folder), args.n)
            t = r["times"]

            def ms(key: str, t: dict[str, Any] = t) -> str:
                value = t.get(key)
                return "-" if value is None else f"{value * 1000:.0f} ms"

            def ratio(peer: str, ours: str, t: dict[str, Any] = t) -> str:
                if t.get(peer) is None or t.get(ours) is None:
                    return "-"
                return f"{t[peer] / t[ours]:.2f}x"

            print(
                f"| {label} | {r['fields']} | {ms('specloom validate')} | {ms('specloom from_dict')} | "
                f"{ms('pydantic model_validate')} | {ms('pydantic target')} | {ms('fastjsonschema')} | {ms('jsonschema-rs')} | "
                f"{ms('jsonschema-rs (errors)')} | {ratio('fastjsonschema', 'specloom validate')} | "
                f"{ratio('pydantic model_validate', 'specloom validate')} | "
                f"{ratio('pydantic model_validate', 'specloom from_dict')} |"
            )
            notes = {k: v for k, v in r.items() if k not in ("times", "label", "fields")}
            print(f"<!-- {label}: {json.dumps(notes)} -->", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
