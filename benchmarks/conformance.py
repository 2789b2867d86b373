"""Read every SDK docs tree below some folders and write each back: how much comes back byte for byte?

    python benchmarks/conformance.py [--flavor NAME] [--show N] [--report FILE] PATH...
    python benchmarks/conformance.py --spec SPEC DOCS_TREE   (spec vs docs: spec_conformance.py)

Each PATH is a docs folder (one that holds ``models/`` or ``Models/``) or a
folder with such folders below it.  For each docs tree the script prints the
flavor it detected (or was forced to with ``--flavor``), the number of
``.md`` files below ``models/``, how many were read without a problem
(``parsed``), the problems (``errors``, each listed as ``path:line:
message``), the warnings (pages that are not models, cells read as an unknown
type...), how many files the docs target of that flavor renders back byte
for byte from the IR (``identical``), the evidence of each style fact
(``facts: name shown/otherwise``, ``(no)`` after one that does not hold; see
``reader.fact_holds``), each file that differs with the reason
when one is known, and the time taken.  The last line is
``TOTAL files=N parsed=N errors=N identical=N``.

``--report FILE`` also writes the markdown report committed as
``benchmarks/conformance.md`` (with the cross-flavor and translation figures
of ``flavor_agreement.py`` when the five ``dub-seed-era`` trees are among the paths).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.diagnostics import Collector, Problem  # noqa: E402
from generator.inputs.markdown import DocFile, TreeRead, find_generation, read_tree  # noqa: E402
from generator.inputs.resolve import resolve_all  # noqa: E402
from generator.ir.merge import merge_schema  # noqa: E402
from generator.render.renderer import render  # noqa: E402
from generator.render.targets import Options  # noqa: E402

MODELS_FOLDERS = ("models", "Models")
"""Folder names a docs tree keeps its model docs in."""


@dataclass(slots=True)
class TreeResult:
    """What reading and writing back one docs tree gave."""

    path: Path
    """The tree (the folder holding ``models/``)."""
    display: str
    """How the tree is named in the output."""
    flavor: str
    """``language`` or ``language/style``; ``?`` when it could not be told."""
    files: int = 0
    """``.md`` files below ``models/``."""
    parsed: int = 0
    """Files read without a problem."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem, as ``path:line: message``."""
    warnings: list[Problem] = field(default_factory=list)
    """Every warning (pages that are not models, cells read as unknown ``any``...)."""
    identical: int = 0
    """Files rendered back byte for byte."""
    differences: list[tuple[str, str]] = field(default_factory=list)
    """``(file, reason)`` of each file not rendered back identically."""
    read_seconds: float = 0.0
    read_cpu_seconds: float = 0.0
    """CPU time of the read (this process), which load from other processes does not inflate."""
    """Time to read the tree into the IR."""
    write_seconds: float = 0.0
    """Time to render the docs target."""
    tree: TreeRead | None = None
    """The definitions read, for further comparisons."""
    layout: str = "nested"
    """``nested`` or ``flat`` (``DocsFlavor.layout``)."""
    generator: str | None = None
    """``speakeasyVersion/generationVersion`` of the generation record beside the tree."""


def find_trees(paths: Sequence[Path]) -> list[Path]:
    """Docs trees at or below ``paths``: folders holding a ``models`` folder, in path order."""
    found: list[Path] = []
    for path in paths:
        if _is_tree(path):
            found.append(path)
            continue
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if candidate.is_dir() and _is_tree(candidate) and not _inside_models(candidate):
                    found.append(candidate)
    return found


def _is_tree(path: Path) -> bool:
    return any((path / name).is_dir() for name in MODELS_FOLDERS)


def _inside_models(path: Path) -> bool:
    return any(part in MODELS_FOLDERS for part in path.parts[:-1])


def tree_files(tree: Path) -> list[Path]:
    """Every ``.md`` file below the tree's ``models`` folder, sorted."""
    files: list[Path] = []
    for name in MODELS_FOLDERS:
        if (tree / name).is_dir():
            files += (tree / name).rglob("*.md")
    return sorted(files)


def read(tree: Path, display: str, flavor: str | None = None) -> tuple[TreeRead, Collector]:
    """Read one docs tree into definitions; problems are in the collector."""
    paths = tree_files(tree)
    files = [
        DocFile(real, f"{display}/{path.relative_to(tree).as_posix()}", path.parent.name)
        for path, real in zip(paths, resolve_all(paths), strict=True)
    ]
    collector = Collector()
    generation = find_generation(tree)
    return read_tree(files, collector, flavor=flavor, generation=generation), collector


def target_for(language: str) -> str:
    """The docs target that writes a flavor: ``docs-go``, ``docs-python``..."""
    return f"docs-{language}"


def check_tree(tree: Path, display: str, flavor: str | None = None) -> TreeResult:
    """Read a tree, render it back with its flavor's target and compare every file."""
    files = tree_files(tree)
    started, started_cpu = time.perf_counter(), time.process_time()
    read_result, collector = read(tree, display, flavor)
    read_seconds = time.perf_counter() - started
    read_cpu_seconds = time.process_time() - started_cpu
    docs_flavor = read_result.flavor
    label = "?"
    if docs_flavor is not None:
        label = docs_flavor.language + (f"/{docs_flavor.style}" if docs_flavor.style else "")
    result = TreeResult(tree, display, label, files=len(files), tree=read_result)
    if docs_flavor is not None:
        result.layout = docs_flavor.layout
        if docs_flavor.speakeasy_version or docs_flavor.generation_version:
            result.generator = (
                f"{docs_flavor.speakeasy_version or '?'}/{docs_flavor.generation_version or '?'}"
            )
    result.problems = list(collector.problems)
    result.warnings = list(collector.warnings)
    result.read_seconds = read_seconds
    result.read_cpu_seconds = read_cpu_seconds
    failing = {problem.location.file for problem in collector.problems}
    result.parsed = sum(
        f"{display}/{path.relative_to(tree).as_posix()}" not in failing for path in files
    )
    if docs_flavor is None:
        result.differences = [(str(path), "not read") for path in files]
        return result
    started = time.perf_counter()
    schema = merge_schema(read_result.definitions, (), Collector())
    rendered = render(schema, [target_for(docs_flavor.language)], Options())
    result.write_seconds = time.perf_counter() - started
    prefix = target_for(docs_flavor.language) + "/"
    by_path = {key.removeprefix(prefix): text for key, text in rendered.items()}
    skipped = {location.file: why for location, why in read_result.skipped}
    for path in files:
        relative = path.relative_to(tree).as_posix()
        text = by_path.get(relative)
        if text is not None and text.encode("utf-8") == path.read_bytes():
            result.identical += 1
            continue
        shown = f"{display}/{relative}"
        reason = skipped.get(shown) or (
            "not rendered" if text is None else first_difference(path, text)
        )
        if shown in failing:
            reason = "has problems; " + reason
        result.differences.append((shown, reason))
    return result


def first_difference(path: Path, text: str) -> str:
    """Where a rendered doc first differs from the real one."""
    real = path.read_text(encoding="utf-8").split("\n")
    mine = text.split("\n")
    for number, (a, b) in enumerate(zip(real, mine, strict=False), 1):
        if a != b:
            return f"line {number} differs: {a[:60]!r} became {b[:60]!r}"
    if len(real) != len(mine):
        return f"{len(real)} lines became {len(mine)}"
    return "line endings differ"


def unified(path: Path, text: str) -> str:
    """A unified diff of the real doc and the rendered one."""
    real = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(real, text.splitlines(keepends=True), "real", "rendered"))


def format_result(result: TreeResult, show: int) -> list[str]:
    """The lines printed for one tree."""
    seconds = result.read_seconds + result.write_seconds
    lines = [
        f"{result.display}: flavor={result.flavor}"
        + (f" layout={result.layout}" if result.layout != "nested" else "")
        + (f" generator={result.generator}" if result.generator else "")
        + f" files={result.files} parsed={result.parsed} "
        f"errors={len(result.problems)} warnings={len(result.warnings)} "
        f"identical={result.identical} time={seconds:.2f}s (read {result.read_seconds:.2f}s, write {result.write_seconds:.2f}s)"
    ]
    if result.tree is not None and result.tree.evidence:
        lines.append(
            "  facts: "
            + ", ".join(
                f"{fact}{'' if fact in facts else ' (no)'} {yes}/{no}"
                for fact, (yes, no) in sorted(result.tree.evidence.items())
                for facts in [result.tree.flavor.facts if result.tree.flavor else ()]
            )
        )
    lines += [f"  {problem}" for problem in result.problems[:show]]
    if len(result.problems) > show:
        lines.append(f"  ... {len(result.problems) - show} more problems")
    lines += [f"  warning: {warning}" for warning in result.warnings[:show]]
    if len(result.warnings) > show:
        lines.append(f"  ... {len(result.warnings) - show} more warnings")
    lines += [f"  differs: {name}: {reason}" for name, reason in result.differences[:show]]
    if len(result.differences) > show:
        lines.append(f"  ... {len(result.differences) - show} more differing files")
    return lines


def total_line(results: Sequence[TreeResult]) -> str:
    """``TOTAL files=N parsed=N errors=N warnings=N identical=N``."""
    return (
        f"TOTAL files={sum(r.files for r in results)} parsed={sum(r.parsed for r in results)} "
        f"errors={sum(len(r.problems) for r in results)} "
        f"warnings={sum(len(r.warnings) for r in results)} "
        f"identical={sum(r.identical for r in results)}"
    )


def speed_line(results: Sequence[TreeResult]) -> str:
    """``READ N docs in Ss: M ms per 1,000 docs (write W ms per 1,000; read C ms CPU per
    1,000; load L)``: the time the reader and the writers take, per 1,000 docs over every tree
    (wall clock, this run), the reader's CPU time, and the one-minute load average at the end,
    so that a figure taken on a busy machine shows as such."""
    docs = sum(r.files for r in results)
    read = sum(r.read_seconds for r in results)
    read_cpu = sum(r.read_cpu_seconds for r in results)
    write = sum(r.write_seconds for r in results)
    per = 1000 / docs if docs else 0.0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"READ {docs} docs in {read:.2f}s: {read * per * 1000:.0f} ms per 1,000 docs "
        f"(write {write * per * 1000:.0f} ms per 1,000; read {read_cpu * per * 1000:.0f} ms CPU "
        f"per 1,000; load {load:.1f})"
    )


def display_of(tree: Path) -> str:
    """The tree's path relative to the working directory when below it."""
    try:
        return tree.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return tree.as_posix()


REASONS = {
    "the SDK's call-options page": (
        "Go's `operations/option.md` documents the SDK's call options (`WithServerURL`, "
        "`WithRetries`...), not an API model: which options it lists and the package alias come "
        "from the generator's settings, which no input of specloom describes. The reader "
        "recognizes it and warns that it is left out; echoing its text back would be a stub."
    ),
    "the SDK's retry-configuration page": (
        "Python's `utils/retryconfig.md` documents the SDK's retry settings (a "
        "`Name | Type | Description | Example` table with no Required column), not an API "
        "model. The reader recognizes it and warns that it is left out."
    ),
}
"""Why a known kind of file cannot come back, for the report."""


def report(results: Sequence[TreeResult], argv: Sequence[str], paths: Sequence[Path]) -> str:
    """The markdown report: the script's output, the differences with reasons, cross-flavor figures."""
    lines = [
        "# Docs conformance",
        "",
        "Generated by `python benchmarks/conformance.py " + " ".join(argv) + "`; do not edit.",
        "Each docs tree is read into the IR (flavor told from the docs), then written back by",
        "the docs target of its flavor and compared byte for byte with the real files.",
        "",
        "```text",
        *(line for result in results for line in format_result(result, 50)),
        speed_line(results),
        total_line(results),
        "```",
        "",
        "## Files that do not come back, and why",
        "",
    ]
    differing = [(name, why) for result in results for name, why in result.differences]
    if not differing:
        lines.append("None.")
    for name, why in differing:
        explained = next((text for key, text in REASONS.items() if key in why), why)
        lines.append(f"- `{name}`: {explained}")
    corpus = next((p for p in paths if (p / "dub-seed-era").is_dir()), None)
    if corpus is not None:
        from flavor_agreement import explain, format_figures, measure

        agreement, translations = measure(corpus)
        lines += [
            "",
            "## Cross-flavor agreement and translation (`python benchmarks/flavor_agreement.py`)",
            "",
            "```text",
            *format_figures(agreement, translations),
            "```",
            "",
            *explain(agreement, translations),
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str]) -> int:
    """Run the script; exit 0, or 2 when no docs tree was found."""
    if "--spec" in argv:
        try:
            import spec_conformance
        except ImportError:
            print(
                "--spec compares a spec with docs through benchmarks/spec_conformance.py, "
                "which is not there",
                file=sys.stderr,
            )
            return 2
        code: int = spec_conformance.main(list(argv))
        return code
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="docs trees or folders above them")
    parser.add_argument("--flavor", help="force the docs flavor (go, python, typescript, ...)")
    parser.add_argument("--show", type=int, default=20, help="problems and differences listed")
    parser.add_argument("--report", type=Path, help="also write the markdown report here")
    args = parser.parse_args(list(argv))
    trees = find_trees(args.paths)
    if not trees:
        print(
            f"{', '.join(str(p) for p in args.paths)}: no docs tree found; expected a folder "
            "holding models/ (or Models/), or folders with one below them",
            file=sys.stderr,
        )
        return 2
    results = [check_tree(tree, display_of(tree), args.flavor) for tree in trees]
    for result in results:
        print("\n".join(format_result(result, args.show)))
    print(speed_line(results))
    print(total_line(results))
    if args.report is not None:
        args.report.write_text(report(results, list(argv), args.paths), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main(sys.argv[1:]))
