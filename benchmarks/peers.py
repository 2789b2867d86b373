"""specloom against other Python code generators on the big specs, measured in one run.

    python benchmarks/peers.py [SPEC...] [--runs N] [--peers-bin DIR] [--timeout S]

For each spec (default: every file of ``../shared/corpus/big``) each tool
runs ``--runs`` times as a separate process; the script prints its median
wall time, its peak resident memory (``ru_maxrss`` of the process and its
children, from ``os.wait4``) and its time relative to specloom:

- ``specloom``: ``python -m generator generate --spec SPEC --out TMP
  --target python --target docs-go`` (request classes, validators, docs);
- ``load``: merely loading the spec file in a fresh interpreter, the way a
  program that needs the data would (``yaml.load`` with libyaml's
  ``CSafeLoader``, ``json.load`` for JSON); ``load(safe_load)``: PyYAML's
  default ``yaml.safe_load``;
- ``specloom(no-cache)``: the same with ``--no-cache`` (no cache record written);
- ``datamodel-codegen`` (``--input SPEC --input-file-type openapi --output
  TMP/dcg_models``), ``datamodel-codegen(ruff)`` (the same with
  ``--formatters ruff-format``, its fastest configuration) and
  ``openapi-python-client`` (``generate --path SPEC --output-path TMP
  --overwrite``), when installed, with their defaults.

Then the regeneration loop, each figure against the load time or the cold run
above (``--no-loop`` leaves it out, ``--loop warm|edit|custom|custom-edit`` picks parts):

- ``warm check`` / ``warm generate``: nothing changed since the last
  ``generate`` into the same out folder (the cache's fast path);
- ``one description changed``: a copy of the spec whose first field
  description changes before every run, regenerated into the same folder
  (only what the change touches is rendered again);
- ``custom template (black)``: ``python/model.py.jinja`` ejected unchanged into
  a custom folder, so every Python module is rendered from a custom template
  and formatted with black (``--no-cache``, a fresh folder each run), against
  the built-in run (``specloom(no-cache)``);
- ``custom, one changed``: the same template, with the cache, one description
  changed before every run (black formats only the pieces that changed), also
  against ``specloom(no-cache)``.

The peers are not dependencies of specloom; install them apart, e.g.::

    python -m venv /tmp/peers
    /tmp/peers/bin/pip install datamodel-code-generator openapi-python-client
    python benchmarks/peers.py --peers-bin /tmp/peers/bin

A peer that is not found (on ``PATH`` or in ``--peers-bin``) is skipped with
a note; a run that fails is reported as failed with its exit code and the
last line it printed.

Every tool runs as an installed program would: with bytecode caching on (a
shared ``PYTHONPYCACHEPREFIX`` under the scratch folder, even when the
caller sets ``PYTHONDONTWRITEBYTECODE``) after one untimed warm-up run per
tool and spec, which also brings the spec into the page cache.  Each run
writes into a fresh folder below ``--scratch`` (default: the system's
temporary folder), and the folders are removed only at the end.

File creation can depend on what the file system went through just before:
on ext4 without a journal, creating files within minutes of deleting
thousands (an earlier benchmark's clean-up, a test suite) is several times
slower, which weighs on the tools that write thousands of files (specloom's
docs).  ``--scratch /dev/shm`` (a tmpfs) keeps that out of the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = ROOT.parent / "shared" / "corpus" / "big"


@dataclass(frozen=True)
class Tool:
    """A command to time: ``command(spec, out_dir)`` gives the argv; ``None`` when not installed."""

    name: str
    command: Callable[[Path, Path], list[str]]
    missing: str | None = None


@dataclass
class Result:
    """The runs of one tool on one spec."""

    times: list[float]
    peaks_kib: list[int]
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def peak_mib(self) -> float:
        return max(self.peaks_kib) / 1024 if self.peaks_kib else float("nan")


def _find(executable: str, peers_bin: Path | None) -> str | None:
    if peers_bin is not None and (peers_bin / executable).exists():
        return str(peers_bin / executable)
    return shutil.which(executable)


def _load_command(pure: bool) -> Callable[[Path, Path], list[str]]:
    def command(spec: Path, _out: Path) -> list[str]:
        if spec.suffix == ".json":
            code = "import json,sys; json.load(open(sys.argv[1], 'rb'))"
        elif pure:
            code = "import yaml,sys; yaml.safe_load(open(sys.argv[1], 'rb'))"
        else:
            code = "import yaml,sys; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
        return [sys.executable, "-c", code, str(spec)]

    return command


def specloom_command(spec: Path, out: Path, *extra: str, command: str = "generate") -> list[str]:
    """``specloom generate`` (python and docs-go) of ``spec`` into ``out``."""
    return [
        sys.executable,
        "-m",
        "generator",
        command,
        "--spec",
        str(spec),
        "--out",
        str(out),
        "--target",
        "python",
        "--target",
        "docs-go",
        *extra,
    ]


def tools(peers_bin: Path | None, pure_load: bool) -> list[Tool]:
    """specloom, the load baselines and the peers."""
    found = [
        Tool("specloom", lambda spec, out: specloom_command(spec, out / "specloom")),
        Tool(
            "specloom(no-cache)",
            lambda spec, out: specloom_command(spec, out / "specloom", "--no-cache"),
        ),
        Tool("load", _load_command(pure=False)),
    ]
    if pure_load:
        found.append(Tool("load(safe_load)", _load_command(pure=True)))
    dcg = _find("datamodel-codegen", peers_bin)
    opc = _find("openapi-python-client", peers_bin)
    hint = "pip install datamodel-code-generator openapi-python-client (see --help)"
    found.append(
        Tool(
            "datamodel-codegen",
            lambda spec, out: [
                str(dcg),
                "--input",
                str(spec),
                "--input-file-type",
                "openapi",
                "--output",
                str(out / "dcg_models"),  # a file, or a package when the spec needs modules
            ],
            None if dcg else f"not installed ({hint})",
        )
    )
    found.append(
        Tool(
            "datamodel-codegen(ruff)",
            lambda spec, out: [
                str(dcg),
                "--input",
                str(spec),
                "--input-file-type",
                "openapi",
                "--output",
                str(out / "dcg_models"),
                "--formatters",
                "ruff-format",
            ],
            None if dcg else f"not installed ({hint})",
        )
    )
    found.append(
        Tool(
            "openapi-python-client",
            lambda spec, out: [
                str(opc),
                "generate",
                "--path",
                str(spec),
                "--output-path",
                str(out / "opc"),
                "--overwrite",
            ],
            None if opc else f"not installed ({hint})",
        )
    )
    return found


def tool_environment(scratch: Path, peers_bin: Path | None = None) -> dict[str, str]:
    """The environment of every measured process: bytecode cached under ``scratch``.

    ``peers_bin`` goes first on ``PATH`` (the peers find their formatters there).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    if peers_bin is not None:
        env["PATH"] = f"{peers_bin.resolve()}{os.pathsep}{env.get('PATH', '')}"
    return env


def run_once(
    argv: list[str], timeout: float, env: dict[str, str] | None = None
) -> tuple[float, int, int, str]:
    """(wall seconds, peak RSS KiB, exit code, last output line) of one process."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(argv, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=env)
        # a blocking wait (no polling interval in the figure), the timer kills a run past its time
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        lines = output.read().decode("utf-8", "replace").strip().splitlines()
    return elapsed, usage.ru_maxrss, process.returncode, lines[-1] if lines else ""


def measure(
    tool: Tool, spec: Path, runs: int, timeout: float, scratch: Path, peers_bin: Path | None = None
) -> Result:
    """A warm-up run, then ``runs`` timed runs of ``tool`` on ``spec``, each into a fresh folder."""
    result = Result([], [])
    env = tool_environment(scratch, peers_bin)
    for number in range(runs + 1):
        out = Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
        elapsed, peak, code, last = run_once(tool.command(spec, out), timeout, env)
        if code != 0:
            result.failure = f"exit {code}: {last[:120]}"
            return result
        if number:  # the first run is the warm-up
            result.times.append(elapsed)
            result.peaks_kib.append(peak)
    return result


def _timed(argv: list[str], runs: int, timeout: float, env: dict[str, str], before=None) -> Result:  # type: ignore[no-untyped-def]
    """A warm-up run, then ``runs`` timed runs of one command (``before(i)`` runs first, untimed)."""
    result = Result([], [])
    for number in range(runs + 1):
        if before is not None:
            before(number)
        elapsed, peak, code, last = run_once(argv, timeout, env)
        if code != 0:
            result.failure = f"exit {code}: {last[:120]}"
            return result
        if number:
            result.times.append(elapsed)
            result.peaks_kib.append(peak)
    return result


_YAML_DESCRIPTION = re.compile(r"\bdescription: (?=[A-Za-z])")
_JSON_DESCRIPTION = re.compile(r'"description":\s*"(?=[A-Za-z])')


def description_offset(text: str, json_text: bool) -> int:
    """Where the first field description of the named schemas starts (after ``components``'s first ``properties``)."""
    components = max(text.find('"components"' if json_text else "\ncomponents:"), 0)
    start = text.find('"properties"' if json_text else "properties:", components)
    found = (_JSON_DESCRIPTION if json_text else _YAML_DESCRIPTION).search(text, max(start, 0))
    if found is None:
        raise ValueError("no field description found")
    return found.end()


LOOP_PARTS = ("warm", "edit", "custom", "custom-edit")
"""The loop's parts (``--loop``): warm runs, a one-description change, a custom template (cold,
then with one description changed)."""


def measure_loop(
    spec: Path, runs: int, timeout: float, scratch: Path, parts: tuple[str, ...] = LOOP_PARTS
) -> dict[str, Result]:
    """The regeneration loop on ``spec``: warm runs, a one-description change, a custom template."""
    env = tool_environment(scratch)
    folder = Path(tempfile.mkdtemp(prefix="loop-", dir=scratch))
    found: dict[str, Result] = {}
    if "warm" in parts:
        warm = folder / "warm"
        run_once(specloom_command(spec, warm), timeout, env)
        check = specloom_command(spec, warm, command="check")
        found["warm check"] = _timed(check, runs, timeout, env)
        found["warm generate"] = _timed(specloom_command(spec, warm), runs, timeout, env)
    if "edit" in parts:
        found.update(_measure_edit(spec, runs, timeout, env, folder))
    if "custom" in parts:
        found.update(_measure_custom(spec, runs, timeout, env, folder, scratch))
    if "custom-edit" in parts:
        found.update(_measure_edit(spec, runs, timeout, env, folder, _eject(folder, timeout, env)))
    return found


def _eject(folder: Path, timeout: float, env: dict[str, str]) -> Path:
    """A custom template folder holding ``python/model.py.jinja`` as the built-in has it."""
    house = folder / "house"
    if not house.is_dir():
        eject = ["templates", "eject", "python/model.py.jinja", "--to", str(house)]
        run_once([sys.executable, "-m", "generator", *eject], timeout, env)
    return house


def _measure_edit(
    spec: Path,
    runs: int,
    timeout: float,
    env: dict[str, str],
    folder: Path,
    templates: Path | None = None,
) -> dict[str, Result]:
    """A copy of ``spec`` whose first field description changes before every run (with ``templates``)."""
    text = spec.read_text(encoding="utf-8")
    offset = description_offset(text, spec.suffix == ".json")
    name = "edited" if templates is None else "custom-edited"
    copy = folder / f"{name}{spec.suffix}"
    copy.write_text(text, encoding="utf-8")
    edited = folder / f"{name}-out"
    extra = () if templates is None else ("--templates", str(templates))
    run_once(specloom_command(copy, edited, *extra), timeout, env)

    def change(number: int) -> None:
        copy.write_text(f"{text[:offset]}Changed {number}. {text[offset:]}", encoding="utf-8")

    edit = specloom_command(copy, edited, *extra)
    label = "one description changed" if templates is None else "custom, one changed"
    return {label: _timed(edit, runs, timeout, env, before=change)}


def _measure_custom(
    spec: Path, runs: int, timeout: float, env: dict[str, str], folder: Path, scratch: Path
) -> dict[str, Result]:
    """``python/model.py.jinja`` ejected unchanged, formatted with black, into a fresh folder each run."""
    house = _eject(folder, timeout, env)
    fresh: list[Path] = []

    def new_folder(_number: int) -> None:
        fresh.append(Path(tempfile.mkdtemp(prefix="custom-", dir=scratch)))
        argv[argv.index("--out") + 1] = str(fresh[-1] / "out")

    argv = specloom_command(spec, folder / "unused", "--no-cache", "--templates", str(house))
    return {"custom template (black)": _timed(argv, runs, timeout, env, before=new_folder)}


def report_loop(spec: Path, loop: dict[str, Result], results: dict[str, Result]) -> None:
    """The loop's table for one spec, with each figure's ratio to its baseline."""
    load = results.get("load")
    cold = results.get("specloom")
    builtin = results.get("specloom(no-cache)")
    baselines = {
        "warm check": ("load", load),
        "warm generate": ("load", load),
        "one description changed": ("specloom", cold),
        "custom template (black)": ("specloom(no-cache)", builtin),
        "custom, one changed": ("specloom(no-cache)", builtin),
    }
    print(f"  {'regeneration loop':<24} {'median s':>9} {'peak MiB':>9}  ratio")
    for name, result in loop.items():
        if result.failure:
            print(f"  {name:<24} {'failed':>9}   {result.failure}")
            continue
        base_name, base = baselines[name]
        ratio = (
            f"{result.median / base.median:.2f}x {base_name}"
            if base is not None and base.times
            else "n/a"
        )
        print(f"  {name:<24} {result.median:>9.2f} {result.peak_mib:>9.1f}  {ratio}")


def report(spec: Path, results: dict[str, Result], notes: dict[str, str]) -> None:
    """One table for one spec."""
    base = results.get("specloom")
    base_time = base.median if base and base.times else float("nan")
    size = spec.stat().st_size / 2**20
    print(f"\n{spec.name} ({size:.2f} MiB)")
    print(f"  {'tool':<24} {'median s':>9} {'peak MiB':>9} {'x specloom':>11}")
    for name, result in results.items():
        if result.failure:
            print(f"  {name:<24} {'failed':>9}   {result.failure}")
            continue
        ratio = result.median / base_time if base_time == base_time else float("nan")
        print(f"  {name:<24} {result.median:>9.2f} {result.peak_mib:>9.1f} {ratio:>10.2f}x")
    for name, note in notes.items():
        print(f"  {name:<24} skipped: {note}")
    load = results.get("load")
    if base and base.times and load and load.times:
        peers = {
            n: r.median
            for n, r in results.items()
            if not n.startswith(("specloom", "load")) and r.times
        }
        fastest = f"{min(peers.values()) / base_time:.1f}x" if peers else "n/a"
        print(
            f"  specloom: {base_time / load.median:.2f}x the load time, "
            f"{base.peak_mib / load.peak_mib:.2f}x the load memory, "
            f"fastest peer takes {fastest} specloom's time"
            + "".join(f"; {n} {t / base_time:.1f}x" for n, t in peers.items())
        )


def main(argv: list[str] | None = None) -> int:
    """Run every tool over every spec and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("specs", nargs="*", type=Path, help="specs (default: corpus big/*)")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and spec (default 3)")
    parser.add_argument("--peers-bin", type=Path, help="folder holding the peers' executables")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run (default 600)")
    parser.add_argument(
        "--scratch", type=Path, help="folder for the runs' output (default: the temporary folder)"
    )
    parser.add_argument(
        "--only", action="append", help="run only these tools (repeatable: specloom, load, ...)"
    )
    parser.add_argument(
        "--safe-load", action="store_true", help="also time PyYAML's default yaml.safe_load"
    )
    parser.add_argument(
        "--no-loop", action="store_true", help="leave out the regeneration loop's figures"
    )
    parser.add_argument(
        "--loop",
        action="append",
        choices=LOOP_PARTS,
        help="measure only these parts of the loop (repeatable; default: all)",
    )
    args = parser.parse_args(argv)
    specs = args.specs or sorted(BIG.glob("*"))
    if not specs:
        print(f"no specs given and {BIG} is empty or absent")
        return 2
    where = args.scratch or Path(tempfile.gettempdir())
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs per tool, "
        f"output in {where}"
    )
    chosen = [
        t for t in tools(args.peers_bin, args.safe_load) if not args.only or t.name in args.only
    ]
    with tempfile.TemporaryDirectory(prefix="specloom-peers-", dir=args.scratch) as scratch:
        for spec in specs:
            results: dict[str, Result] = {}
            notes: dict[str, str] = {}
            for tool in chosen:
                if tool.missing:
                    notes[tool.name] = tool.missing
                    continue
                results[tool.name] = measure(
                    tool, spec.resolve(), args.runs, args.timeout, Path(scratch), args.peers_bin
                )
                print(f"  ({spec.name}: {tool.name} done)", file=sys.stderr, flush=True)
            report(spec, results, notes)
            if not args.no_loop:
                parts = tuple(args.loop or LOOP_PARTS)
                loop = measure_loop(spec.resolve(), args.runs, args.timeout, Path(scratch), parts)
                report_loop(spec, loop, results)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
