"""Proof by disagreement: three validators of one schema must agree on every payload.

For real specs of the corpus, payloads are generated per request model with
hypothesis (valid ones built from the exported JSON Schema, then mutated:
missing required, wrong type, out of range, unknown enum value, extra
properties, nulls) and judged by

- the ``python`` target's ``Model.validate``,
- the ``pydantic`` target's models (datamodel-code-generator), and
- the ``jsonschema`` library on the ``jsonschema`` export.

Every disagreement must be one of ``DELIBERATE`` (the one list of known
differences, each explained), else the test fails with the payload.  A payload
the python target accepts must also survive ``to_dict(from_dict(x)) == x``.

Examples per spec: ``SPECLOOM_DIFFERENTIAL_EXAMPLES`` (default 150); run with
``-s`` to see the counts.
"""

from __future__ import annotations

import decimal
import importlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
jsonschema = pytest.importorskip("jsonschema")
pytest.importorskip("datamodel_code_generator")
pydantic = pytest.importorskip("pydantic")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.export.jsonschema import (  # noqa: E402
    closure,
    definition_keys,
    export_schema,
    validator_schema,
)
from generator.inputs.collect import read_inputs  # noqa: E402
from generator.ir import ObjectModel, Schema, TypeName  # noqa: E402
from generator.render.filters.python_code import class_name  # noqa: E402
from generator.render.renderer import render  # noqa: E402
from generator.render.targets import Options  # noqa: E402

EXAMPLES = int(os.environ.get("SPECLOOM_DIFFERENTIAL_EXAMPLES", "150"))
"""Payloads per spec (hypothesis examples)."""

BIG_SPEC_MODELS = int(os.environ.get("SPECLOOM_DIFFERENTIAL_BIG_MODELS", "40"))
"""Request models sampled from a big spec (all of their references come along)."""

DELIBERATE: dict[str, str] = {
    "pydantic-null-for-optional": (
        "datamodel-code-generator types an optional, non-nullable property as `X | None = None`, "
        "so the pydantic models accept an explicit null there; the JSON Schema and the python "
        "target reject it (absent and null are different states)."
    ),
    "format-assertion": (
        "The python target asserts formats by default (date, date-time, byte, email, uri, uuid, "
        "hostname, ipv4/ipv6, ...: `--formats assert`), so it rejects a malformed one; JSON "
        "Schema 2020-12 treats `format` as an annotation, so the jsonschema library accepts it "
        "(pydantic parses some formats with its own grammar)."
    ),
    "boolean-enum": (
        "`type: boolean` with `enum: [false]`: the python target's validators check the schema's "
        "enum; the IR's type layer (read as a boolean), hence the JSON Schema export and the "
        "pydantic models, keep only the type and accept the other boolean."
    ),
    "keywords-beyond-the-type-layer": (
        "The python target's validators check the schema itself (propertyNames, "
        "patternProperties, not, contains, dependentRequired, oneOf exclusivity...); the IR's "
        "type layer, hence the JSON Schema export and the pydantic models, does not carry these "
        "keywords and accepts what they reject."
    ),
    "decimal-multiple-of": (
        "multipleOf with a fractional step: the python target decides on the decimal text of the "
        "numbers (0.3 is a multiple of 0.1); the jsonschema library and pydantic divide binary "
        "floats and may disagree."
    ),
    "integral-float-integer": (
        "JSON Schema counts 1.0 as an integer (so do the python target and jsonschema); "
        "pydantic's StrictInt rejects a float even when it is integral."
    ),
    "pydantic-datetime-from-number": (
        "pydantic reads a number as a Unix timestamp for a date or date-time field; the schema "
        "(and so the python target and jsonschema) wants an RFC 3339 string there."
    ),
    "regex-dialect": (
        "pattern is ECMA-262: the python target and the jsonschema library run it with Python's "
        "re, pydantic with Rust's regex crate, which differ on some constructs (\\d on non-ASCII "
        "digits, look-around)."
    ),
}
"""Every known difference between the three validators, with its reason (the only list)."""

SPECS = [
    ("dub", "dub-seed-era/openapi.yaml", None),
    ("mistral", "mistral-ts/openapi.yaml", None),
    ("stripe", "big/stripe-spec3.yaml", BIG_SPEC_MODELS),
]
"""(package suffix, corpus path, sample of request models or ``None`` for all)."""


@dataclass
class Subject:
    """One spec made ready: its request models, their three validators and the counts."""

    name: str
    keys: list[str]
    """``$defs`` keys of the request models."""
    defs: dict[str, Any]
    """``$defs`` of the request view of the JSON Schema export."""
    python: dict[str, Any]
    """``python`` target class by key."""
    pydantic_models: dict[str, Any]
    """``pydantic`` target class by key (a model datamodel-code-generator renamed is absent)."""
    validators: dict[str, Any]
    """``jsonschema`` validator by key."""
    stats: Counter[str] = field(default_factory=Counter)


def _sample(schema: Schema, limit: int | None) -> list[TypeName]:
    names = [d.name for d in schema.definitions if isinstance(d, ObjectModel) and d.fields]
    if limit is None or len(names) <= limit:
        return names
    step = len(names) / limit
    return [names[int(index * step)] for index in range(limit)]


def _subset(schema: Schema, roots: list[TypeName]) -> Schema:
    keep = set(closure(schema, roots))
    return Schema(
        tuple(d for d in schema.definitions if d.name in keep),
        schema.sources,
        rules=schema.rules,
        validators=tuple(v for v in schema.validators if v.name in keep),
    )


def _generate(schema: Schema, target: str, package: str, root: Path) -> ModuleType:
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


def _prepare(suffix: str, spec: Path, limit: int | None, root: Path) -> Subject:
    full = read_inputs([spec])
    roots = _sample(full, limit)
    schema = _subset(full, roots)
    keys = definition_keys(schema)
    document = export_schema(schema, request=True)
    _generate(schema, "python", f"diff_{suffix}", root)
    python = {
        keys[name]: getattr(
            importlib.import_module(f"diff_{suffix}.{name.namespace}"), class_name(name)
        )
        for name in roots
    }
    models = _generate(schema, "pydantic", f"diff_{suffix}_pydantic", root)
    found = {keys[name]: getattr(models, keys[name], None) for name in roots}
    subject = Subject(
        name=suffix,
        keys=[keys[name] for name in roots],
        defs=document["$defs"],
        python=python,
        pydantic_models={
            key: model
            for key, model in found.items()
            if isinstance(model, type) and issubclass(model, pydantic.BaseModel)
        },
        validators={
            keys[name]: jsonschema.Draft202012Validator(validator_schema(document, keys[name]))
            for name in roots
        },
    )
    subject.stats.update(models=len(subject.keys), pydantic_models=len(subject.pydantic_models))
    return subject


@pytest.fixture(scope="module")
def subjects(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Subject]]:
    root = tmp_path_factory.mktemp("differential")
    dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    made: dict[str, Subject] = {}
    try:
        for suffix, relative, limit in SPECS:
            made[suffix] = _prepare(suffix, corpus / relative, limit, root)
        yield made
    finally:
        sys.dont_write_bytecode = dont_write
        for name in [name for name in sys.modules if name.startswith("diff_")]:
            del sys.modules[name]
        for subject in made.values():
            print(f"\ndifferential {subject.name}: {dict(sorted(subject.stats.items()))}")


# --- payloads ---------------------------------------------------------------------------

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _deref(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in node and seen < 20:
        node = defs[node["$ref"].split("/")[-1].replace("~1", "/").replace("~0", "~")]
        seen += 1
    return node


def _strings(node: dict[str, Any]) -> st.SearchStrategy[str]:
    least, most = node.get("minLength", 0), node.get("maxLength")
    fmt = node.get("format")
    if fmt == "date":
        base: st.SearchStrategy[str] = st.dates().map(lambda d: d.isoformat())
    elif fmt == "date-time":
        base = st.datetimes().map(lambda d: d.isoformat(timespec="seconds") + "Z")
    elif fmt == "byte":
        base = st.binary(max_size=12).map(lambda b: __import__("base64").b64encode(b).decode())
    elif "pattern" in node:
        try:
            re.compile(node["pattern"])
        except re.error:
            return st.nothing()
        base = st.from_regex(node["pattern"], fullmatch=False)
    else:
        return st.text(min_size=least, max_size=least + 8 if most is None else min(most, least + 8))
    return base.filter(lambda s: least <= len(s) <= (most if most is not None else 10**9))


def _numbers(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    integer = node.get("type") == "integer"
    low = node.get("minimum", node.get("exclusiveMinimum"))
    high = node.get("maximum", node.get("exclusiveMaximum"))
    low = -1000 if low is None else low
    high = low + 1000 if high is None else high
    step = node.get("multipleOf")
    if step is not None:
        exact = decimal.Decimal(repr(step))
        first, last = (
            int(decimal.Decimal(repr(low)) / exact) - 1,
            int(decimal.Decimal(repr(high)) / exact) + 1,
        )
        values: st.SearchStrategy[Any] = st.integers(first, last).map(
            lambda k: int(k * exact) if integer else float(k * exact)
        )
    elif integer:
        values = st.integers(int(low) - 1, int(high) + 1)
    else:
        values = st.floats(low, high, allow_nan=False, allow_infinity=False)
    return values.filter(lambda v: _in_range(v, node))


def _in_range(value: float, node: dict[str, Any]) -> bool:
    return (
        ("minimum" not in node or value >= node["minimum"])
        and ("maximum" not in node or value <= node["maximum"])
        and ("exclusiveMinimum" not in node or value > node["exclusiveMinimum"])
        and ("exclusiveMaximum" not in node or value < node["exclusiveMaximum"])
    )


def valid(node: dict[str, Any], defs: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values the schema ``node`` allows (best effort: a few may still be invalid)."""
    node = _deref(node, defs)
    if depth > 6:
        return st.nothing()
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "anyOf" in node:
        return st.one_of([valid(branch, defs, depth + 1) for branch in node["anyOf"]])
    kind = node.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        return _strings(node)
    if kind in ("integer", "number"):
        return _numbers(node)
    if kind == "array":
        least = node.get("minItems", 0)
        most = min(node.get("maxItems", least + 2), least + (2 if depth < 3 else 0))
        items = valid(node.get("items", {}), defs, depth + 1)
        if items.is_empty:  # too deep to build an item: only an empty array, if allowed
            return st.just([]) if least == 0 else st.nothing()
        return st.lists(
            items,
            min_size=least,
            max_size=most,
            unique_by=json.dumps if node.get("uniqueItems") else None,
        )
    if kind == "object":
        return _objects(node, defs, depth)
    return JSON_VALUES


def _objects(node: dict[str, Any], defs: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    properties: dict[str, Any] = node.get("properties", {})
    required = set(node.get("required", []))
    fixed = {
        name: valid(schema, defs, depth + 1)
        for name, schema in properties.items()
        if name in required
    }
    optional = (
        {
            name: valid(schema, defs, depth + 1)
            for name, schema in properties.items()
            if name not in required
        }
        if depth < 4
        else {}
    )
    objects = st.fixed_dictionaries(fixed, optional=optional)
    extra = node.get("additionalProperties")
    if extra is not False and "minProperties" not in node and "maxProperties" not in node:
        values = JSON_VALUES if extra is None else valid(extra, defs, depth + 1)
        keys = st.text(min_size=1, max_size=6).filter(lambda k: k not in properties)
        extras = st.dictionaries(keys, values, max_size=1 if depth < 3 else 0)
        objects = st.tuples(objects, extras).map(lambda pair: {**pair[1], **pair[0]})
    least, most = node.get("minProperties", 0), node.get("maxProperties", 10**9)
    return objects.filter(lambda value: least <= len(value) <= most)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(value))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    if new is _REMOVE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return copy


_REMOVE = object()


@st.composite
def mutated(
    draw: st.DrawFn, payload: Any, node: dict[str, Any], defs: dict[str, Any]
) -> tuple[str, Any]:
    """``payload`` changed in one place, with the kind of change."""
    kind = draw(st.sampled_from(["missing", "type", "range", "enum", "extra", "null"]))
    root = _deref(node, defs)
    properties = root.get("properties", {})
    if kind == "missing" and root.get("required"):
        key = draw(st.sampled_from(root["required"]))
        return kind, {k: v for k, v in payload.items() if k != key}
    if kind in ("range", "enum") and properties:
        key = draw(st.sampled_from(sorted(properties)))
        schema = _deref(properties[key], defs)
        for branch in schema.get("anyOf", [schema]):
            branch = _deref(branch, defs)
            if kind == "enum" and "enum" in branch:
                return kind, {**payload, key: "specloom-unknown-value"}
            if kind == "range":
                bad = _out_of_range(branch)
                if bad is not None:
                    return kind, {**payload, key: bad}
    paths = _paths(payload)
    if kind == "extra":
        objects = [p for p in paths if isinstance(_get(payload, p), dict)]
        path = draw(st.sampled_from(objects))
        return kind, _replace(
            payload, path, {**_get(payload, path), "specloomExtra": draw(JSON_SCALARS)}
        )
    path = draw(st.sampled_from(paths[1:] or paths))
    if kind == "null":
        return kind, _replace(payload, path, None)
    current = _get(payload, path)
    other = draw(JSON_VALUES.filter(lambda v: type(v) is not type(current)))
    return "type", _replace(payload, path, other)


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _out_of_range(node: dict[str, Any]) -> Any:
    if "maxLength" in node:
        return "x" * (node["maxLength"] + 1)
    if node.get("minLength", 0) > 0:
        return ""
    if "maximum" in node:
        return node["maximum"] + 1
    if "exclusiveMaximum" in node:
        return node["exclusiveMaximum"]
    if "minimum" in node:
        return node["minimum"] - 1
    if "exclusiveMinimum" in node:
        return node["exclusiveMinimum"]
    if "maxItems" in node:
        return [None] * (node["maxItems"] + 1)
    return None


# --- judging ----------------------------------------------------------------------------


def _pydantic_accepts(model: Any, payload: Any) -> tuple[bool, list[dict[str, Any]]]:
    try:
        model.model_validate_json(json.dumps(payload))
    except pydantic.ValidationError as error:
        return False, list(error.errors())
    return True, []


def schema_formats(defs: dict[str, Any], key: str, pointer: str) -> set[str]:
    """Formats the schemas at a JSON pointer of a payload of model ``key`` may declare."""
    nodes: list[dict[str, Any]] = [{"$ref": f"#/$defs/{key}"}]
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
        following = []
        for node in _flatten(nodes, defs):
            if token in node.get("properties", {}):
                following.append(node["properties"][token])
            elif "items" in node and token.isdigit():
                following.append(node["items"])
            elif isinstance(node.get("additionalProperties"), dict):
                following.append(node["additionalProperties"])
        nodes = following
    return {node["format"] for node in _flatten(nodes, defs) if "format" in node}


def _flatten(nodes: list[dict[str, Any]], defs: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for node in nodes:
        node = _deref(node, defs)
        found += _flatten(node["anyOf"], defs) if "anyOf" in node else [node]
    return found


def _format_message(message: str) -> bool:
    """Whether a python issue is a format assertion (``DELIBERATE['format-assertion']``)."""
    return message.startswith(
        ("expected a date", "expected an RFC 3339", "expected base64", "is not a valid ")
    )


def deliberate(
    python_issues: list[Any],
    pydantic_errors: list[dict[str, Any]],
    verdicts: dict[str, bool],
    formats: Callable[[str], set[str]],
) -> str | None:
    """The ``DELIBERATE`` entry that explains a disagreement, or ``None``."""
    messages = [issue.message for issue in python_issues]
    if messages and all(_format_message(m) for m in messages):
        return "format-assertion"
    if (
        messages
        and verdicts["jsonschema"]
        and all(re.fullmatch(r"must be one of (True|False)(, (True|False))*; got (True|False)", m) for m in messages)
    ):
        return "boolean-enum"
    beyond = (
        "is not an allowed property name",
        "must not match the schema in 'not'",
        "must contain at",
        "is required when",
        "expected exactly one",
    )
    if messages and verdicts["jsonschema"] and all(any(b in m for b in beyond) for m in messages):
        return "keywords-beyond-the-type-layer"
    if any("multiple of" in m for m in messages) or any(
        e["type"] == "multiple_of" for e in pydantic_errors
    ):
        return "decimal-multiple-of"
    if any("pattern" in m for m in messages) or any(
        e["type"] == "string_pattern_mismatch" for e in pydantic_errors
    ):
        return "regex-dialect"
    if (
        verdicts["pydantic"]
        and not verdicts["jsonschema"]
        and python_issues
        and all(
            issue.message == "expected a string, got number"
            and formats(issue.path) & {"date", "date-time"}
            for issue in python_issues
        )
    ):
        return "pydantic-datetime-from-number"
    if (
        verdicts["pydantic"]
        and not verdicts["jsonschema"]
        and messages
        and all(m == "must not be null" or _format_message(m) for m in messages)
    ):
        return "pydantic-null-for-optional"  # each issue has its own deliberate reason
    if not verdicts["pydantic"] and all(
        e["type"] == "int_type" and isinstance(e.get("input"), float) and e["input"].is_integer()
        for e in pydantic_errors
    ):
        return "integral-float-integer"
    return None


def judge(subject: Subject, key: str, payload: Any, kind: str) -> None:
    """Run the three validators on ``payload``; fail on an unexplained disagreement."""
    python_model = subject.python[key]
    issues = python_model.validate(payload)
    verdicts = {"python": not issues, "jsonschema": subject.validators[key].is_valid(payload)}
    errors: list[dict[str, Any]] = []
    if key in subject.pydantic_models:
        verdicts["pydantic"], errors = _pydantic_accepts(subject.pydantic_models[key], payload)
    subject.stats["payloads"] += 1
    subject.stats[f"{kind}-{'accepted' if verdicts['python'] else 'rejected'}"] += 1
    if verdicts["python"]:
        assert python_model.from_dict(payload).to_dict() == payload, payload
    if len(set(verdicts.values())) == 1:
        return
    if "pydantic" not in verdicts:
        verdicts["pydantic"] = verdicts["python"]
    reason = deliberate(
        issues, errors, verdicts, lambda pointer: schema_formats(subject.defs, key, pointer)
    )
    subject.stats[f"deliberate:{reason}" if reason else "disagreements"] += 1
    assert reason is not None, (
        f"{subject.name} {key}: validators disagree on {json.dumps(payload)[:2000]}\n"
        f"verdicts={verdicts}\npython={issues[:5]}\npydantic={errors[:5]}"
    )


@pytest.mark.parametrize("spec", [suffix for suffix, _, _ in SPECS])
def test_validators_agree(subjects: dict[str, Subject], spec: str) -> None:
    subject = subjects[spec]
    assert subject.keys, "no request models"

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def check(data: st.DataObject) -> None:
        key = data.draw(st.sampled_from(subject.keys), label="model")
        schema = {"$ref": f"#/$defs/{key}"}
        payload = data.draw(valid(schema, subject.defs), label="payload")
        judge(subject, key, payload, "valid")
        kind, changed = data.draw(mutated(payload, schema, subject.defs), label="mutation")
        judge(subject, key, changed, kind)

    check()
    assert subject.stats["payloads"] > 0


def test_every_deliberate_difference_is_explained() -> None:
    assert all(len(reason) > 40 for reason in DELIBERATE.values())
    assert set(DELIBERATE) >= {
        "pydantic-null-for-optional",
        "format-assertion",
        "decimal-multiple-of",
        "integral-float-integer",
        "regex-dialect",
        "pydantic-datetime-from-number",
    }
