"""The official JSON Schema Test Suite (draft 2020-12) through specloom's validators and its peers.

Each test group's schema becomes a schema file of one OpenAPI 3.1 document
(``components/schemas/T0001: {$ref: schemas/T0001.json}``); the whole suite is
read and the ``python`` (and ``pydantic``) target generated in-process, once,
into a temporary folder.  Every test's data is then validated with the
generated validator and compared with the expected verdict.  ``remotes/`` is
served from the suite's files and the 2020-12 meta-schemas from the
``jsonschema-specifications`` package: nothing is fetched over the network.

Per keyword file: pass, fail and *fail-silent* (a failure the generator gave
no warning for, the worst kind).  Side by side in the same run:
``jsonschema``, ``fastjsonschema`` and ``jsonschema-rs``.

    python benchmarks/json_schema_suite.py ../shared/corpus/json-schema-test-suite
    python benchmarks/json_schema_suite.py SUITE --write-baseline tests/fixtures/json_schema_suite/baseline.json

The core suite runs with formats as annotations (as the suite expects);
``optional/format`` with formats asserted (``--formats assert``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.diagnostics import Problem, SpecloomError  # noqa: E402
from generator.inputs.collect import read_inputs  # noqa: E402
from generator.render.filters.python_rules import validator_name  # noqa: E402
from generator.render.renderer import render  # noqa: E402
from generator.render.targets import Options  # noqa: E402

REMOTE = "http://localhost:1234/"
META = "https://json-schema.org/draft/2020-12/"
DRAFT = "draft2020-12"


@dataclass(frozen=True, slots=True)
class Group:
    """One test group of a keyword file."""

    file: str
    """The keyword file, relative to the draft folder (``optional/format/email.json``)."""
    ident: str
    """Component name in the generated spec (``T0001``)."""
    description: str
    schema: Any
    tests: tuple[tuple[str, Any, bool], ...]
    """(description, data, valid)."""


@dataclass(slots=True)
class Tally:
    """Counts of one keyword file for one validator."""

    passed: int = 0
    failed: int = 0
    silent: int = 0
    failures: list[str] = field(default_factory=list)
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)
    """(passed, tests) of each group the validator has a verdict function for."""
    objects: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The same over the tests whose data is a JSON object."""


def load_groups(suite: Path, section: str) -> list[Group]:
    """Groups of ``section``: ``core`` (the draft folder), ``optional`` or ``format``."""
    base = suite / "tests" / DRAFT
    if section == "core":
        files = sorted(base.glob("*.json"))
    elif section == "optional":
        files = sorted((base / "optional").glob("*.json"))
    else:
        files = sorted((base / "optional" / "format").glob("*.json"))
    groups: list[Group] = []
    prefix = {"core": "C", "optional": "O", "format": "F"}[section]
    for path in files:
        for entry in json.loads(path.read_text(encoding="utf-8")):
            tests = tuple((t["description"], t["data"], t["valid"]) for t in entry["tests"])
            ident = f"{prefix}{len(groups) + 1:04d}"
            rel = path.relative_to(base).as_posix()
            groups.append(Group(rel, ident, entry["description"], entry["schema"], tests))
    return groups


def _meta_folder(root: Path) -> Path:
    """The 2020-12 meta-schemas written from ``jsonschema-specifications`` (no network)."""
    folder = root / "meta"
    try:
        from jsonschema_specifications import REGISTRY
    except ImportError:
        return folder
    for uri in REGISTRY:
        if uri.startswith(META):
            target = folder / uri[len(META) :]
            if target.name == "":
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(REGISTRY.contents(uri)), encoding="utf-8")
    return folder


def remotes_of(suite: Path, root: Path) -> dict[str, Path]:
    """URI prefixes served from files: the suite's remotes and the meta-schemas."""
    return {REMOTE: suite / "remotes", META: _meta_folder(root)}


def write_spec(groups: list[Group], root: Path) -> Path:
    """One OpenAPI 3.1 document with one component per group; returns its folder."""
    spec = root / "spec"
    (spec / "schemas").mkdir(parents=True, exist_ok=True)
    components = {}
    for group in groups:
        (spec / "schemas" / f"{group.ident}.json").write_text(
            json.dumps(group.schema), encoding="utf-8"
        )
        components[group.ident] = {"$ref": f"schemas/{group.ident}.json"}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "JSON Schema Test Suite", "version": "1"},
        "paths": {},
        "components": {"schemas": components},
    }
    (spec / "openapi.json").write_text(json.dumps(document, indent=1), encoding="utf-8")
    return spec


@dataclass(slots=True)
class Generated:
    """A generated package, its validators per group and the warnings per group."""

    validators: dict[str, Callable[[Any], bool]]
    warned: set[str]
    problems: dict[str, str]


def _group_of(problem: Problem) -> str | None:
    name = Path(problem.location.file).name
    return name[: -len(".json")] if name.endswith(".json") and name[0] in "COF" else None


def _read(spec: Path, remotes: dict[str, Path], groups: list[Group]) -> tuple[Any, list[Problem], dict[str, str]]:
    """Read the spec; groups whose files are bad input are dropped (and reported) until it reads."""
    excluded: dict[str, str] = {}
    while True:
        found: list[Problem] = []
        try:
            schema = read_inputs([spec / "openapi.json"], warnings=found, remotes=remotes)
        except SpecloomError as error:
            bad = {g: str(p) for p in error.problems if (g := _group_of(p))}
            if not bad or set(bad) <= set(excluded):
                raise
            excluded.update(bad)
            keep = [group for group in groups if group.ident not in excluded]
            write_spec_only(keep, spec)
            continue
        return schema, found, excluded


def write_spec_only(groups: list[Group], spec: Path) -> None:
    """Rewrite the document with only ``groups`` (their schema files stay)."""
    document = json.loads((spec / "openapi.json").read_text(encoding="utf-8"))
    document["components"]["schemas"] = {g.ident: {"$ref": f"schemas/{g.ident}.json"} for g in groups}
    (spec / "openapi.json").write_text(json.dumps(document, indent=1), encoding="utf-8")


def generate(groups: list[Group], root: Path, suite: Path, formats: str, package: str) -> tuple[Generated, Any]:
    """Generate the ``python`` target for ``groups``; the validator of each group."""
    spec = write_spec(groups, root)
    schema, found, excluded = _read(spec, remotes_of(suite, root), groups)
    files = render(schema, ["python"], Options(package=package, formats=formats))
    out = root / "out"
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(out / "python"))
    try:
        module = importlib.import_module(f"{package}.components")
    finally:
        sys.path.remove(str(out / "python"))
    validators: dict[str, Callable[[Any], bool]] = {}
    for group in groups:
        if group.ident in excluded:
            continue
        from generator.ir import TypeName

        name = TypeName("components", group.ident)
        holder = getattr(module, validator_name(name, frozenset()), None)
        if holder is not None:
            validators[group.ident] = _verdict(holder.validate)
    warned = {g for p in found if (g := _group_of(p))}
    return Generated(validators, warned, excluded), schema


def _verdict(validate: Callable[[Any], list[Any]]) -> Callable[[Any], bool]:
    def run(data: Any) -> bool:
        return not validate(data)

    return run


def generate_pydantic(schema: Any, groups: list[Group], root: Path, package: str) -> dict[str, Callable[[Any], bool]]:
    """The ``pydantic`` target's model (or root model) of each group, as a verdict function."""
    try:
        import pydantic
    except ImportError:
        return {}
    try:
        with contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            files = render(schema, ["pydantic"], Options(package=package))
    except SpecloomError:
        return {}
    out = root / "pyd"
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(out / "pydantic"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = importlib.import_module(package)
    except Exception:
        return {}
    finally:
        sys.path.remove(str(out / "pydantic"))
    verdicts: dict[str, Callable[[Any], bool]] = {}
    names = sorted(name for name in vars(module) if name[:1] in "COF")
    bound: dict[str, Any] = {}  # group -> the class bound to the group's own schema
    for value in vars(module).values():
        validator = getattr(value, "__specloom_validator__", None)
        if isinstance(value, type) and validator is not None:
            match = re.search(r"(?:/schemas/(\w+)\.json#|#/components/schemas/(\w+))$", validator.key)
            if match:
                bound.setdefault(match[1] or match[2], value)
    for group in groups:
        model = bound.get(group.ident) or getattr(module, group.ident, None)
        if model is None:  # datamodel-code-generator numbers names that collide: C00012
            found = [n for n in names if re.fullmatch(rf"{group.ident}\d*", n)]
            model = getattr(module, found[0]) if found else None
            if getattr(model, "__specloom_validator__", None) is not None:
                model = None  # a class of another schema (a branch of the group's schema)
        if model is None or not isinstance(model, type):
            continue
        adapter = pydantic.TypeAdapter(model)

        def run(data: Any, adapter: Any = adapter) -> bool:
            try:
                adapter.validate_python(data, strict=None)
            except pydantic.ValidationError:
                return False
            except Exception:
                return False
            return True

        verdicts[group.ident] = run
    return verdicts


def peers(groups: list[Group], suite: Path, formats: bool) -> dict[str, dict[str, Callable[[Any], bool]]]:
    """jsonschema, fastjsonschema and jsonschema-rs validators of each group (those installed)."""
    found: dict[str, dict[str, Callable[[Any], bool]]] = {}
    documents = _remote_documents(suite)
    try:
        import jsonschema
        import referencing
        from jsonschema_specifications import REGISTRY

        resources = [(uri, referencing.Resource.from_contents(doc, default_specification=referencing.jsonschema.DRAFT202012)) for uri, doc in documents.items()]
        registry = REGISTRY.with_resources(resources)
        checker = jsonschema.Draft202012Validator.FORMAT_CHECKER if formats else None
        table = {}
        for group in groups:
            try:
                validator = jsonschema.Draft202012Validator(group.schema, registry=registry, format_checker=checker)
                table[group.ident] = lambda data, v=validator: v.is_valid(data)
            except Exception:
                pass
        found["jsonschema"] = table
    except ImportError:
        pass
    try:
        import fastjsonschema

        handlers = {"http": lambda uri: documents[uri], "https": lambda uri: documents[uri]}
        table = {}
        for group in groups:
            try:
                compiled = fastjsonschema.compile(group.schema, handlers=handlers, use_formats=formats)
            except Exception:
                continue

            def run(data: Any, compiled: Any = compiled) -> bool:
                try:
                    compiled(data)
                except fastjsonschema.JsonSchemaException:
                    return False
                except Exception:
                    return False
                return True

            table[group.ident] = run
        found["fastjsonschema"] = table
    except ImportError:
        pass
    try:
        import jsonschema_rs

        table = {}
        retriever = lambda uri: documents[uri]  # noqa: E731
        for group in groups:
            try:
                validator = jsonschema_rs.Draft202012Validator(group.schema, validate_formats=formats, retriever=retriever)
                table[group.ident] = lambda data, v=validator: v.is_valid(data)
            except Exception:
                pass
        found["jsonschema-rs"] = table
    except ImportError:
        pass
    return found


def _remote_documents(suite: Path) -> dict[str, Any]:
    documents = {}
    remotes = suite / "remotes"
    for path in remotes.rglob("*.json"):
        documents[REMOTE + path.relative_to(remotes).as_posix()] = json.loads(path.read_text(encoding="utf-8"))
    try:
        from jsonschema_specifications import REGISTRY

        for uri in REGISTRY:
            documents.setdefault(uri, REGISTRY.contents(uri))
    except ImportError:
        pass
    return documents


def tally(groups: list[Group], verdicts: dict[str, Callable[[Any], bool]], warned: set[str] | None = None) -> dict[str, Tally]:
    """Pass/fail (and fail-silent, with ``warned``) per keyword file."""
    table: dict[str, Tally] = {}
    for group in groups:
        counts = table.setdefault(group.file, Tally())
        check = verdicts.get(group.ident)
        before = counts.passed
        on_objects = [0, 0]
        for description, data, valid in group.tests:
            try:
                got = check(data) if check is not None else None
            except RecursionError:
                got = None
            except Exception:
                got = None
            if isinstance(data, dict):
                on_objects[0] += got is valid
                on_objects[1] += 1
            if got is valid:
                counts.passed += 1
                continue
            counts.failed += 1
            counts.failures.append(f"{group.ident} {group.description} / {description}")
            if warned is not None and group.ident not in warned:
                counts.silent += 1
        if check is not None:
            counts.groups[group.ident] = (counts.passed - before, len(group.tests))
            counts.objects[group.ident] = (on_objects[0], on_objects[1])
    return table


def verdicts_of(groups: list[Group], check: Callable[[Any], bool] | None) -> list[bool | None]:
    return []


def outcomes(groups: list[Group], verdicts: dict[str, Callable[[Any], bool]]) -> dict[str, bool]:
    """``"<file> :: <group> :: <test>"`` -> whether the validator got it right (for the baseline)."""
    result = {}
    for group in groups:
        check = verdicts.get(group.ident)
        for description, data, valid in group.tests:
            try:
                got = check(data) if check is not None else None
            except Exception:
                got = None
            result[f"{group.file} :: {group.description} :: {description}"] = got is valid
    return result


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="specloom-suite-") as folder:
        yield Path(folder)


def run_section(suite: Path, section: str, formats: str, root: Path, with_peers: bool) -> tuple[list[Group], dict[str, dict[str, Tally]], float]:
    groups = load_groups(suite, section)
    start = time.perf_counter()
    generated, schema = generate(groups, root / section, suite, formats, f"suite_{section}")
    elapsed = time.perf_counter() - start
    columns = {"python": tally(groups, generated.validators, generated.warned)}
    if with_peers:
        columns["pydantic"] = tally(groups, generate_pydantic(schema, groups, root / section, f"suite_{section}_pyd"))
        for name, verdicts in peers(groups, suite, formats == "assert").items():
            columns[name] = tally(groups, verdicts)
    return groups, columns, elapsed


def print_table(section: str, columns: dict[str, dict[str, Tally]]) -> None:
    names = list(columns)
    files = sorted(next(iter(columns.values())))
    header = "| file | " + " | ".join(f"{n} pass/fail" + (" (silent)" if n == "python" else "") for n in names) + " |"
    print(f"\n### {section}\n")
    print(header)
    print("|" + " --- |" * (len(names) + 1))
    totals = {name: Tally() for name in names}
    for file in files:
        cells = []
        for name in names:
            t = columns[name][file]
            totals[name].passed += t.passed
            totals[name].failed += t.failed
            totals[name].silent += t.silent
            cells.append(f"{t.passed}/{t.failed}" + (f" ({t.silent})" if name == "python" else ""))
        print(f"| {file} | " + " | ".join(cells) + " |")
    cells = []
    for name in names:
        t = totals[name]
        share = 100 * t.passed / max(1, t.passed + t.failed)
        cells.append(f"**{t.passed}/{t.failed} {share:.1f} %**" + (f" ({t.silent})" if name == "python" else ""))
    print("| total | " + " | ".join(cells) + " |")
    if "pydantic" in columns and "python" in columns:
        modelled = {g for t in columns["pydantic"].values() for g in t.groups}
        pyd, total = _covered(columns["pydantic"], modelled)
        ours, _ = _covered(columns["python"], modelled)
        print(
            f"\nOn the {len(modelled)} groups the pydantic target makes a model for ({total} tests): "
            f"pydantic {pyd}/{total}, python {ours}/{total}."
        )
        pyd, total = _covered(columns["pydantic"], modelled, objects=True)
        ours, _ = _covered(columns["python"], modelled, objects=True)
        print(
            f"Of those, the {total} tests whose data is a JSON object (what a model holds): "
            f"pydantic {pyd}/{total}, python {ours}/{total}."
        )


def _covered(table: dict[str, Tally], groups: set[str], objects: bool = False) -> tuple[int, int]:
    """(passed, total) over the tests of ``groups`` (``objects``: those whose data is an object)."""
    passed = total = 0
    for counts in table.values():
        for ident, (ok, count) in (counts.objects if objects else counts.groups).items():
            if ident in groups:
                passed, total = passed + ok, total + count
    return passed, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suite", type=Path, help="the json-schema-test-suite folder")
    parser.add_argument("--sections", default="core,optional,format")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--failures", action="store_true", help="list the python target's failures")
    parser.add_argument("--write-baseline", type=Path, help="write the core verdicts of the python target")
    args = parser.parse_args(argv)
    print("# JSON Schema Test Suite (draft 2020-12) through specloom and its peers\n")
    print(
        "Written by `python benchmarks/json_schema_suite.py ../shared/corpus/json-schema-test-suite "
        "> benchmarks/json_schema_suite.md`. Cells: pass/fail per keyword file; for the python "
        "target, in parentheses, failures the generator gave no warning for. The pydantic column "
        "has a verdict only where the pydantic target makes a class for the group's own schema "
        "(a model, or a root model such as a union); the other groups count as failures."
    )
    with scratch() as root:
        for section in args.sections.split(","):
            formats = "assert" if section == "format" else "annotate"
            groups, columns, elapsed = run_section(args.suite, section, formats, root, not args.no_peers)
            print_table(f"{section} (formats {formats}; generated in {elapsed:.1f} s)", columns)
            if args.failures:
                for file, t in sorted(columns["python"].items()):
                    for failure in t.failures:
                        print(f"  FAIL {file}: {failure}")
            if args.write_baseline and section == "core":
                generated, _ = generate(groups, root / "baseline", args.suite, formats, "suite_baseline")
                verdicts = outcomes(groups, generated.validators)
                args.write_baseline.parent.mkdir(parents=True, exist_ok=True)
                args.write_baseline.write_text(json.dumps(verdicts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
