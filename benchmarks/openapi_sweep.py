"""Every OpenAPI spec of the shared corpus through ``specloom generate``, with the package gates.

    python benchmarks/openapi_sweep.py [--corpus DIR] [--jobs N] [--timeout S]
                                       [--no-gates] [--report FILE] [--keep DIR]

Each spec (every ``.json``/``.yaml``/``.yml`` file below the corpus that
declares ``openapi:`` or ``swagger:`` at its top level, hidden folders
skipped) is generated with ``python -m generator generate --spec SPEC
--target python --target docs-go`` in its own process (``--timeout``
seconds at most, ``--jobs`` at once), from a folder without a
``pyproject.toml`` so no project configuration applies.  The script prints

- the outcome table: exit 0, exit 0 with warnings, exit 2 (bad input),
  exit 70 (internal error), a traceback on stderr, timeout;
- the warning kinds met, with how many warnings and specs each (a kind is
  the warning's message with quoted names and numbers taken out);
- wall time, CPU time and peak resident memory per spec (median, p90,
  max) and the slowest specs by name; the peak is each child's own
  (``VmHWM`` at its exit, read by a small wrapper around the command line),
  not ``wait4``'s ``ru_maxrss``, which starts at the sweep process's size;
- named schemas lost: each name under ``components/schemas`` (Swagger
  ``definitions``) that is neither a definition of ``specloom ir`` nor named
  in a warning;
- models missing from a target: each IR definition of the manifest without
  a class or alias in the ``python`` package or a doc in ``docs-go``;
- the gates on every generated python package (each under its own package
  name, so one tool run checks many): every module imports with the
  standard library; one ``black --check --fast`` over each distinct module
  text (the runtime modules are the same in most packages); one ``ruff
  check`` with this project's rules (``[tool.ruff.lint]`` of
  ``pyproject.toml``) over all packages; ``mypy --strict`` once per package
  (``--jobs`` at a time, one shared cache folder); all under ``nice``.

``--report FILE`` also writes the tables as markdown (the committed report
is ``benchmarks/openapi_sweep.md``).  Exit code 0 when every spec exits 0
within the limits and every package passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("SPECLOOM_CORPUS", ROOT.parent / "shared" / "corpus"))
SPEC_SUFFIXES = {".json", ".yaml", ".yml"}
TOP_LEVEL = re.compile(rb'^(?:\{\s*)?(?:  )?["\']?(openapi|swagger)["\']?\s*:', re.MULTILINE)
WARNING = re.compile(r"^(?P<place>.+?:\d*): warning: (?P<message>.*)$")
LIMIT_SECONDS = 10.0
LIMIT_BYTES = 2 * 2**30


@dataclass
class Run:
    """What one spec's ``generate`` did."""

    spec: Path
    package: str
    out: Path
    code: int | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_bytes: int = 0
    peak_own: bool = False
    """``peak_bytes`` is the child's own peak (else ``wait4``'s upper bound)."""
    warnings: list[str] = field(default_factory=list)
    last_error: str = ""
    traceback: bool = False
    lost: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)
    """Definitions of the IR without their class/alias (``python``) or doc (``docs-go``)."""
    gate_failures: dict[str, list[str]] = field(default_factory=dict)

    @property
    def outcome(self) -> str:
        """The outcome table's row of this run."""
        if self.code is None:
            return "timeout"
        if self.traceback:
            return "traceback"
        if self.code == 0:
            return "exit 0 with warnings" if self.warnings else "exit 0"
        return f"exit {self.code}"


def find_specs(corpus: Path) -> list[Path]:
    """Every OpenAPI / Swagger document below ``corpus``: a top-level ``openapi``/``swagger``
    key (at the start of a line, or indented two spaces in JSON; sorted keys put it late)."""
    found = []
    for path in sorted(corpus.rglob("*")):
        relative = path.relative_to(corpus)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() not in SPEC_SUFFIXES or not path.is_file():
            continue
        if TOP_LEVEL.search(path.read_bytes()):
            found.append(path)
    return found


def run_process(
    argv: list[str], cwd: Path, timeout: float
) -> tuple[int | None, float, float, int, str]:
    """(exit code or None on timeout, wall seconds, CPU seconds, peak RSS bytes, stderr)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = started + timeout
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                timed_out = True
                break
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    code = None if timed_out else process.returncode
    return code, elapsed, cpu, usage.ru_maxrss * 1024, text


PEAK_WRAPPER = """
import atexit, resource, sys

def _peak(path):
    own = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    own = int(line.split()[1])
    except OSError:
        return
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(path, "w", encoding="ascii") as out:
        out.write(str(max(own, children) * 1024))

atexit.register(_peak, sys.argv.pop(1))
sys.argv[0] = "specloom"
from generator.cli import run
run()
"""
"""``python -m generator`` with one more first argument: a file that gets the process's own
peak resident bytes at exit.  ``VmHWM`` is the high-water mark of this process's memory since
its ``exec`` (``ru_maxrss`` from ``wait4`` starts at the size of the sweep process that
started it); ``RUSAGE_CHILDREN`` adds the render worker it forks, if any."""


def child_peak(peak_file: Path) -> int | None:
    """The peak resident bytes a child wrote at its exit (``None`` when it wrote none)."""
    try:
        return int(peak_file.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def generate(run: Run, timeout: float, cwd: Path) -> None:
    """Run ``specloom generate`` for one spec and record what it did."""
    peak_file = run.out.with_name(run.out.name + ".peak")
    argv = [
        *[sys.executable, "-c", PEAK_WRAPPER, str(peak_file), "generate"],
        *["--spec", str(run.spec), "--out", str(run.out), "--package", run.package],
        *["--target", "python", "--target", "docs-go"],
    ]
    code, run.seconds, run.cpu_seconds, waited_peak, stderr = run_process(argv, cwd, timeout)
    own_peak = child_peak(peak_file)
    run.peak_bytes = own_peak if own_peak is not None else waited_peak
    run.peak_own = own_peak is not None
    run.code = code
    run.traceback = "Traceback (most recent call last)" in stderr
    lines = stderr.splitlines()
    run.warnings = [m.group("message") for line in lines if (m := WARNING.match(line))]
    errors = [line for line in lines if not WARNING.match(line)]
    run.last_error = errors[-1] if errors else ""


def warning_kind(message: str) -> str:
    """A warning's message with what varies (quoted names, numbers, pointers) taken out."""
    text = re.sub(r"\(at [^)]*\)$", "", message).strip()
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "…", text)
    text = re.sub(r"#?/[\w~./{}%-]+", "…", text)
    text = re.sub(r"\b\d+(\.\d+)?\b", "N", text)
    return text[:110]


def schema_names(spec: Path) -> list[tuple[str, str]]:
    """(key, definition base name) of each schema under ``components/schemas`` (Swagger
    ``definitions``), named the way specloom names them (override, else the key, PascalCase)."""
    from generator.naming import pascal_case

    text = spec.read_text(encoding="utf-8", errors="replace")
    if spec.suffix.lower() == ".json":
        data = json.loads(text)
    else:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            data = yaml.load(text, Loader=loader)
        except yaml.YAMLError:  # a tag the safe loader refuses: names are all we need
            data = yaml.load(text, Loader=yaml.BaseLoader)
    if not isinstance(data, dict):
        return []
    components = data.get("components")
    schemas = (components.get("schemas") if isinstance(components, dict) else None) or data.get(
        "definitions"
    )
    if not isinstance(schemas, dict):
        return []
    found = []
    for key, schema in schemas.items():
        wanted = str(key)
        if isinstance(schema, dict) and isinstance(schema.get("x-speakeasy-name-override"), str):
            wanted = schema["x-speakeasy-name-override"]
        base = pascal_case(wanted) or pascal_case(str(key)) or "Schema"
        found.append((str(key), "Schema" + base if base[0].isdigit() else base))
    return found


def names_in_subprocess(spec: Path) -> list[tuple[str, str]]:
    """``schema_names`` worked out in a child process: this one stays small, so the peak
    memory ``wait4`` reports for the next ``generate`` (which starts as a copy of it) is its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--names", str(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [tuple(pair) for pair in json.loads(done.stdout)] if done.returncode == 0 else []


def check_lost(run: Run, cwd: Path, timeout: float) -> None:
    """Named schemas of the spec that are neither IR definitions nor named in a warning."""
    manifest = run.out / ".specloom-manifest.json"
    if not manifest.is_file():
        return
    data = json.loads(manifest.read_text(encoding="utf-8"))
    defined: set[str] = set()
    for entry in (data.get("ir") or {}).get("definitions", []):
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, dict) and isinstance(name.get("name"), str):
            defined.add(name["name"])
    claimed: set[str] = set()
    for name, base in names_in_subprocess(run.spec):
        escaped = name.replace("~", "~0").replace("/", "~1")
        places = ("/components/schemas/" + escaped, "/definitions/" + escaped)
        if any(f"'{name}'" in w or any(p in w for p in places) for w in run.warnings):
            continue
        candidates = [base] + [f"{base}{number}" for number in range(2, 50)]
        match = next((c for c in candidates if c in defined and c not in claimed), None)
        if match is not None:
            claimed.add(match)
            continue
        run.lost.append(name)


def python_names(package: Path) -> Counter[str]:
    """Top-level classes and assigned names of each public module of a generated package."""
    found: Counter[str] = Counter()
    for module in sorted(package.glob("*.py")):
        if module.stem.startswith("_"):
            continue
        tree = ast.parse(module.read_bytes())
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                found[node.name] += 1
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                found[node.target.id] += 1
            elif isinstance(node, ast.Assign):
                found.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return found


def doc_headings(docs: Path) -> Counter[str]:
    """The ``# Name`` first line of each doc of a docs target (``# ~~Name~~`` if deprecated)."""
    found: Counter[str] = Counter()
    for doc in sorted(docs.rglob("*.md")):
        with doc.open(encoding="utf-8") as text:
            first = text.readline().rstrip("\n")
        if first.startswith("# "):
            found[first[2:].strip().removeprefix("~~").removesuffix("~~")] += 1
    return found


def check_missing(run: Run) -> None:
    """Definitions of the manifest's IR that a target does not show: the ``python`` package
    has a class or alias for each one, ``docs-go`` a doc for each one but aliases (a docs
    target shows an alias inlined where it is used)."""
    from generator.ir import TypeName
    from generator.render.filters.python_code import class_name

    manifest = run.out / ".specloom-manifest.json"
    if not manifest.is_file():
        return
    data = json.loads(manifest.read_text(encoding="utf-8"))
    definitions = [
        (entry.get("node"), TypeName(entry["name"]["namespace"], entry["name"]["name"]))
        for entry in (data.get("ir") or {}).get("definitions", [])
    ]
    wanted = {
        "python": (
            Counter(class_name(name) for _, name in definitions),
            python_names(package_dir(run)),
        ),
        "docs-go": (
            Counter(name.name for node, name in definitions if node != "AliasModel"),
            doc_headings(run.out / "docs-go"),
        ),
    }
    for target, (needed, shown) in wanted.items():
        lacking = needed - shown
        if lacking:
            run.missing[target] = sorted(lacking)


def gate_batches(runs: list[Run], jobs: int) -> list[list[Run]]:
    """The packages in ``jobs`` batches of about equal size (by file count)."""
    batches: list[list[Run]] = [[] for _ in range(max(1, jobs))]
    sizes = [0] * len(batches)
    ordered = sorted(runs, key=lambda r: -package_size(r))
    for run in ordered:
        smallest = sizes.index(min(sizes))
        batches[smallest].append(run)
        sizes[smallest] += package_size(run)
    return [batch for batch in batches if batch]


def package_dir(run: Run) -> Path:
    """Folder of a run's generated python package."""
    return run.out / "python" / run.package


def package_size(run: Run) -> int:
    """Bytes of python a run generated."""
    return sum(p.stat().st_size for p in package_dir(run).glob("*.py"))


IMPORT_SCRIPT = """
import importlib, sys, traceback
for root, package, modules in __import__("json").loads(sys.argv[1]):
    sys.path.insert(0, root)
    for module in [package] + [package + "." + m for m in modules]:
        try:
            importlib.import_module(module)
        except BaseException:
            line = traceback.format_exc().strip().splitlines()[-1]
            print(package + "\\t" + module + ": " + line)
    sys.path.remove(root)
"""


NICE = ["nice", "-n", "5"] if shutil.which("nice") else []
"""The gates run at a lower priority: the machine is shared."""


def _tool(argv: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NICE, *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=tempfile.gettempdir(),  # no project configuration there
        env=env,
    )


def distinct_modules(packages: list[Run]) -> dict[Path, list[Run]]:
    """One path per distinct module text, with the packages holding that text: black's verdict
    depends on the text alone, and the runtime modules are the same in most packages."""
    by_digest: dict[str, tuple[Path, list[Run]]] = {}
    for run in packages:
        for module in sorted(package_dir(run).glob("*.py")):
            digest = hashlib.sha256(module.read_bytes()).hexdigest()
            by_digest.setdefault(digest, (module, []))[1].append(run)
    return dict(by_digest.values())


def run_gates(runs: list[Run], jobs: int, cache: Path) -> dict[str, float]:
    """Import, black, ruff (project rules) and mypy --strict over every package.

    One interpreter per batch imports every module; one ``black --check --fast`` sees each
    distinct module text once (``--fast`` skips the AST comparison black makes before it
    writes; the check itself is the same); one ``ruff check`` sees every package; ``mypy --strict`` runs once per package
    (``jobs`` at a time) with one cache folder for all, so the standard library's
    stubs are read once.  Returns the wall seconds of each gate."""
    packages = [r for r in runs if r.code == 0 and package_dir(r).is_dir()]
    by_name = {r.package: r for r in packages}
    seconds: dict[str, float] = {}

    def attribute(gate: str, output: str) -> None:
        for line in output.splitlines():
            match = re.search(r"\b(p\d{4})\b", line)
            if match and match.group(1) in by_name:
                by_name[match.group(1)].gate_failures.setdefault(gate, []).append(line.strip())

    def imports(batch: list[Run]) -> None:
        payload = json.dumps(
            [
                [
                    str(r.out / "python"),
                    r.package,
                    sorted(p.stem for p in package_dir(r).glob("*.py") if p.stem != "__init__"),
                ]
                for r in batch
            ]
        )
        done = _tool([sys.executable, "-I", "-c", IMPORT_SCRIPT, payload])
        attribute("import", done.stdout + done.stderr)

    def mypy(run: Run) -> None:
        env = {**os.environ, "MYPYPATH": str(run.out / "python")}
        done = _tool(
            [
                *[sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache)],
                *["--no-error-summary", "-p", run.package],
            ],
            env,
        )
        if done.returncode != 0:
            errors = [ln for ln in done.stdout.splitlines() if ": error:" in ln]
            run.gate_failures["mypy"] = errors or (done.stdout + done.stderr).splitlines()[-3:]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(imports, gate_batches(packages, jobs)))
    seconds["import"] = time.perf_counter() - started
    dirs = [str(package_dir(r)) for r in packages]
    started = time.perf_counter()
    distinct = distinct_modules(packages)
    done = _tool(
        [sys.executable, "-m", "black", "--check", "--fast", "--workers", str(jobs)]
        + [str(path) for path in distinct]
    )
    for line in done.stderr.splitlines():
        found = re.match(r"(?:would reformat|error: cannot format) (.+?\.py)\b", line)
        for run in distinct.get(Path(found.group(1)), []) if found else []:
            run.gate_failures.setdefault("black", []).append(line.strip())
    seconds["black"] = time.perf_counter() - started
    started = time.perf_counter()
    done = _tool(
        [
            *["ruff", "check", "--no-cache", "--output-format", "concise"],
            *["--config", str(ROOT / "pyproject.toml"), *dirs],
        ]
    )
    attribute("ruff", done.stdout)
    seconds["ruff"] = time.perf_counter() - started
    started = time.perf_counter()
    ordered = sorted(packages, key=lambda r: -package_size(r))  # the longest start first
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(mypy, ordered))
    seconds["mypy"] = time.perf_counter() - started
    return seconds


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def report(
    runs: list[Run],
    corpus: Path,
    gate_seconds: dict[str, float] | None,
    wall: float,
    jobs: int,
    cpu_total: float = 0.0,
) -> list[str]:
    """The report as markdown lines (``gate_seconds`` is ``None`` when the gates did not run)."""
    gates = gate_seconds is not None
    lines = [f"# OpenAPI sweep: {len(runs)} specs of the shared corpus", ""]
    own = sum(1 for run in runs if run.peak_own)
    lines += [
        f"Generated by `python benchmarks/openapi_sweep.py {' '.join(sys.argv[1:])}`"
        f" ({jobs} jobs, {wall:.0f} s wall and {cpu_total:.0f} s CPU in all, load average"
        f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end).",
        f"Peak memory is each child's own (`VmHWM` at its exit, with its forked worker's"
        f" `ru_maxrss`) for {own} of {len(runs)} specs; the others' is `wait4`'s upper bound.",
        "",
        "## Outcomes",
        "",
        "| outcome | specs | share |",
        "| --- | ---: | ---: |",
    ]
    outcomes = Counter(run.outcome for run in runs)
    for name in ("exit 0", "exit 0 with warnings", "exit 2", "exit 70", "traceback", "timeout"):
        count = outcomes.pop(name, 0)
        lines.append(f"| {name} | {count} | {100 * count / max(1, len(runs)):.1f} % |")
    for name, count in sorted(outcomes.items()):
        lines.append(f"| {name} | {count} | {100 * count / max(1, len(runs)):.1f} % |")
    failed = [run for run in runs if run.outcome not in ("exit 0", "exit 0 with warnings")]
    if failed:
        lines += ["", "Not exit 0:", ""]
        for run in failed:
            lines.append(
                f"- `{run.spec.relative_to(corpus)}`: {run.outcome}: `{run.last_error[:200]}`"
            )
    kinds: Counter[str] = Counter()
    spec_kinds: dict[str, set[Path]] = defaultdict(set)
    for run in runs:
        for message in run.warnings:
            kind = warning_kind(message)
            kinds[kind] += 1
            spec_kinds[kind].add(run.spec)
    lines += [
        "",
        "## Warning kinds",
        "",
        "| warning kind | warnings | specs |",
        "| --- | ---: | ---: |",
    ]
    for kind, count in kinds.most_common():
        lines.append(f"| {kind.replace('|', '/')} | {count} | {len(spec_kinds[kind])} |")
    seconds = [run.seconds for run in runs]
    cpu = [run.cpu_seconds for run in runs]
    peaks = [run.peak_bytes / 2**20 for run in runs]
    lines += [
        "",
        "## Time and memory per spec",
        "",
        "| | median | p90 | max |",
        "| --- | ---: | ---: | ---: |",
        f"| wall time (s) | {statistics.median(seconds):.2f} | {percentile(seconds, 0.9):.2f} "
        f"| {max(seconds):.2f} |",
        f"| CPU time, user + system (s) | {statistics.median(cpu):.2f} | {percentile(cpu, 0.9):.2f} "
        f"| {max(cpu):.2f} |",
        f"| peak memory (MiB) | {statistics.median(peaks):.0f} | {percentile(peaks, 0.9):.0f} "
        f"| {max(peaks):.0f} |",
        "",
        "Slowest:",
        "",
    ]
    for run in sorted(runs, key=lambda r: -r.seconds)[:5]:
        lines.append(
            f"- `{run.spec.relative_to(corpus)}`: {run.seconds:.2f} s wall,"
            f" {run.cpu_seconds:.2f} s CPU, {run.peak_bytes / 2**20:.0f} MiB"
        )
    lines += ["", "Most CPU time:", ""]
    for run in sorted(runs, key=lambda r: -r.cpu_seconds)[:5]:
        lines.append(
            f"- `{run.spec.relative_to(corpus)}`: {run.cpu_seconds:.2f} s CPU,"
            f" {run.seconds:.2f} s wall, {run.peak_bytes / 2**20:.0f} MiB"
        )
    lines += ["", "Most memory:", ""]
    for run in sorted(runs, key=lambda r: -r.peak_bytes)[:3]:
        lines.append(
            f"- `{run.spec.relative_to(corpus)}`: {run.peak_bytes / 2**20:.0f} MiB,"
            f" {run.cpu_seconds:.2f} s CPU"
        )
    over = [r for r in runs if r.seconds > LIMIT_SECONDS or r.peak_bytes > LIMIT_BYTES]
    over_cpu = [r for r in runs if r.cpu_seconds > LIMIT_SECONDS]
    lines += [
        "",
        f"Specs over {LIMIT_SECONDS:.0f} s wall or 2 GiB: {len(over)};"
        f" over {LIMIT_SECONDS:.0f} s of CPU: {len(over_cpu)}"
        f" (load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;"
        " wall time grows with the machine's load, CPU time much less).",
    ]
    lost = [run for run in runs if run.lost]
    lines += [
        "",
        "## Named schemas lost without a warning",
        "",
        f"{sum(len(r.lost) for r in runs)} names in {len(lost)} specs.",
    ]
    for run in lost:
        lines.append(f"- `{run.spec.relative_to(corpus)}`: {', '.join(run.lost[:10])}")
    missing = [run for run in runs if run.missing]
    total = sum(len(names) for run in runs for names in run.missing.values())
    lines += [
        "",
        "## Models missing from a target",
        "",
        "Each IR definition (manifest) needs a class or alias in the `python` package and a"
        " doc (`# Name`) in `docs-go` (aliases are shown inlined there):"
        f" {total} missing in {len(missing)} specs.",
    ]
    for run in missing:
        for target, names in sorted(run.missing.items()):
            lines.append(f"- `{run.spec.relative_to(corpus)}` {target}: {', '.join(names[:10])}")
    if gates:
        checked = [r for r in runs if r.code == 0]
        lines += [
            "",
            "## Generated python packages",
            "",
            "| gate | packages passing | of | wall (s) |",
            "| --- | ---: | ---: | ---: |",
        ]
        titles = {
            "import": "import (every module, standard library only)",
            "black": "`black --check` (each distinct module text)",
            "ruff": "`ruff check`, this project's rules",
            "mypy": "`mypy --strict`",
        }
        for gate, title in titles.items():
            passing = sum(1 for r in checked if gate not in r.gate_failures)
            took = (gate_seconds or {}).get(gate, 0.0)
            lines.append(f"| {title} | {passing} | {len(checked)} | {took:.0f} |")
        all_ok = sum(1 for r in checked if not r.gate_failures)
        lines.append(f"| all four | {all_ok} | {len(checked)} | |")
        for run in checked:
            for gate, found in sorted(run.gate_failures.items()):
                lines.append(
                    f"- `{run.spec.relative_to(corpus)}` {gate}: {len(found)}: `{found[0][:160]}`"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Sweep the corpus."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--no-gates", action="store_true", help="skip import/black/ruff/mypy")
    parser.add_argument("--report", type=Path, help="also write the report as markdown here")
    parser.add_argument("--keep", type=Path, help="generate below DIR and keep it")
    parser.add_argument("--only", help="only specs whose corpus path contains this text")
    parser.add_argument("--names", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.names is not None:
        print(json.dumps(schema_names(args.names)))
        return 0
    corpus = args.corpus.resolve()
    specs = find_specs(corpus)
    if args.only:
        specs = [s for s in specs if args.only in str(s.relative_to(corpus))]
    if not specs:
        print(f"no OpenAPI spec found below {corpus} (see --corpus)", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="specloom-sweep-", dir=args.keep))
    env_cwd = scratch / "cwd"
    env_cwd.mkdir()
    os.environ["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    sys.path.insert(0, str(ROOT))  # the checks name models with this checkout's code
    runs = [
        Run(spec, f"p{number:04d}", scratch / f"p{number:04d}") for number, spec in enumerate(specs)
    ]
    started = time.perf_counter()
    cpu_started = os.times()

    def one(run: Run) -> None:
        generate(run, args.timeout, env_cwd)
        if run.code == 0:
            check_lost(run, env_cwd, args.timeout)
            check_missing(run)
        mark = run.outcome if run.outcome != "exit 0" else "ok"
        print(
            f"{run.seconds:6.2f} s {run.peak_bytes / 2**20:6.0f} MiB  {mark:<21}"
            f" {run.spec.relative_to(corpus)}",
            flush=True,
        )

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(one, sorted(runs, key=lambda r: -r.spec.stat().st_size)))
    gate_seconds: dict[str, float] | None = None

    def cpu_so_far() -> float:
        now = os.times()
        return (now.children_user - cpu_started.children_user) + (
            now.children_system - cpu_started.children_system
        )

    if not args.no_gates:
        if args.report:  # the generation figures first, in case the gates take too long
            partial = report(
                runs, corpus, None, time.perf_counter() - started, args.jobs, cpu_so_far()
            )
            args.report.write_text("\n".join(partial) + "\n\n(gates running)\n", encoding="utf-8")
        print("gates ...", flush=True)
        gate_seconds = run_gates(runs, args.jobs, scratch / "mypy-cache")
    wall = time.perf_counter() - started
    lines = report(runs, corpus, gate_seconds, wall, args.jobs, cpu_so_far())
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.keep is None:
        shutil.rmtree(scratch, ignore_errors=True)
    good = all(
        r.outcome in ("exit 0", "exit 0 with warnings")
        and not r.lost
        and not r.missing
        and not r.gate_failures
        and r.seconds <= LIMIT_SECONDS
        and r.peak_bytes <= LIMIT_BYTES
        for r in runs
    )
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
