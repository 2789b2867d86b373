"""Find the input files behind ``--spec`` paths and read them all into one schema."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.collector_pause import without_collector
from generator.diagnostics import Collector, Problem
from generator.display import display_path
from generator.inputs.resolve import resolve_all
from generator.ir import Location

if TYPE_CHECKING:
    from generator.inputs.handwritten.config import HandwrittenConfig
    from generator.ir import Definition, Operation, Schema

DOC_SUFFIXES = frozenset({".md", ".mdx", ".markdown"})
"""Markdown docs (SDK model docs or hand-written ones)."""
SPEC_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
"""OpenAPI documents."""

_OPENAPI_MARKER = re.compile(rb'^\s*["\']?(openapi|swagger)["\']?\s*:', re.MULTILINE)


def looks_like_openapi(path: Path) -> bool:
    """True when the file's head declares ``openapi:`` or ``swagger:`` at its top level."""
    with path.open("rb") as handle:
        return bool(_OPENAPI_MARKER.search(handle.read(4096)))


def find_inputs(paths: Sequence[Path], collector: Collector) -> tuple[list[Path], list[Path]]:
    """Split ``--spec`` paths into markdown docs and OpenAPI files, each list sorted and unique.

    A folder contributes every ``.md`` below it and every YAML/JSON file below
    it that declares ``openapi``/``swagger``; a file is taken as it is.
    """
    docs: set[Path] = set()
    specs: set[Path] = set()
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if hidden or not found.is_file():
                    continue
                if not found.resolve().is_relative_to(root):
                    collector.warn(
                        Location(display_path(found)),
                        "is a symbolic link to a file outside the input folder; not read "
                        "(name the file itself with --spec to read it)",
                    )
                    continue
                if found.suffix in DOC_SUFFIXES:
                    docs.add(found)
                elif found.suffix in SPEC_SUFFIXES and looks_like_openapi(found):
                    specs.add(found)
        elif path.is_file() and path.suffix in DOC_SUFFIXES:
            docs.add(path)
        elif path.is_file() and path.suffix in SPEC_SUFFIXES:
            specs.add(path)
        elif path.exists():
            collector.add(
                Location(display_path(path)),
                "unsupported input; expected a .md doc, an OpenAPI .yaml/.yml/.json file or a folder",
            )
        else:
            collector.add(Location(display_path(path)), "no such file or folder")
    return sorted(docs), sorted(specs)


def docs_tree_root(doc: Path) -> Path:
    """The folder holding the ``models`` folder a doc is in (any case); else the doc's folder."""
    for parent in doc.parents:
        if parent.name.lower() == "models":
            return parent.parent
    return doc.parent


def docs_trees(docs: Sequence[Path]) -> dict[Path, list[Path]]:
    """Docs grouped by tree, each read (and its flavor told) on its own; links stay inside one."""
    trees: dict[Path, list[Path]] = {}
    for doc in docs:
        trees.setdefault(docs_tree_root(doc.resolve()), []).append(doc)
    return trees


@without_collector
def read_inputs(
    paths: Sequence[Path],
    flavor: str | None = None,
    warnings: list[Problem] | None = None,
    naming: str | None = None,
    handwritten: HandwrittenConfig | None = None,
    remotes: dict[str, Path] | None = None,
    key_root: Path | None = None,
) -> Schema:
    """Read every input below ``paths`` into one schema; raises ``SpecloomError`` on any problem.

    ``flavor`` forces the docs flavor of markdown inputs (``None``: detect it).
    ``warnings``, when given, receives the warnings of a successful read.
    ``naming`` picks how OpenAPI inline schemas are named (``None``: the default).
    ``handwritten`` is the ``[tool.specloom.handwritten]`` house style.
    ``remotes`` maps URI prefixes (``https://example.com/schemas/``) to folders serving them.
    ``key_root`` is the folder the keys of validation rules name files from (``RulesSink``):
    the config's folder for a run whose output holds them; ``None``: as files are displayed.
    """
    from generator.inputs.handwritten import FLAVOR as HANDWRITTEN
    from generator.inputs.openapi.namings import DEFAULT_NAMING
    from generator.inputs.openapi.reader import read_openapi_spec
    from generator.inputs.openapi.rules_reader import RulesSink

    collector = Collector()
    if flavor is not None:
        from generator.inputs.markdown import language_names

        if flavor not in (*language_names(), HANDWRITTEN):
            collector.add(
                Location("--flavor"),
                f"unknown docs flavor {flavor!r}; expected one of "
                f"{', '.join((*language_names(), HANDWRITTEN))}",
            )
            collector.raise_if_any()
    docs, specs = find_inputs(paths, collector)
    if not docs and not specs and not collector.problems:
        collector.add(
            Location(", ".join(p.as_posix() for p in paths) or "--spec"), "no input files found"
        )
    definitions: list[Definition] = []
    operations: list[Operation] | None = [] if specs else None
    sink = RulesSink(key_root=key_root)
    for spec in specs:
        read = read_openapi_spec(
            spec.resolve(), display_path(spec), collector, naming or DEFAULT_NAMING, sink, remotes
        )
        definitions += read.definitions
        if operations is not None:
            operations += read.operations
    handwritten_docs: list[Path] = []  # read in one go: namespaces are unique over the run
    folders = [path.resolve() for path in paths if path.is_dir()]
    if docs:  # the docs readers are imported only for docs (a run over specs never needs them)
        from generator.inputs.markdown import DocFile, find_generation, read_docs
    for root, tree in docs_trees(docs).items():
        if _handwritten_tree(tree, flavor):
            handwritten_docs += tree
            continue
        files = [
            DocFile(real, display_path(doc), real.parent.name)
            for doc, real in zip(tree, resolve_all(tree), strict=True)
        ]
        # The generation record beside the tree, read only inside the folder the user named.
        within = next((folder for folder in folders if root.is_relative_to(folder)), None)
        generation = find_generation(root, within) if within is not None else None
        definitions += read_docs(files, collector, flavor=flavor, generation=generation)
    if handwritten_docs:
        definitions += _read_handwritten(handwritten_docs, collector, handwritten)
    collector.raise_if_any()  # a broken input would make merging report conflicts that are not real
    sources = tuple(display_path(path) for path in [*specs, *docs])
    from generator.ir.merge import merge_schema

    schema = merge_schema(definitions, sources, collector, operations, sink)
    collector.raise_if_any()
    if warnings is not None:
        warnings.extend(collector.warnings)
    return schema


def _handwritten_tree(tree: list[Path], flavor: str | None) -> bool:
    """Docs read as hand-written: forced, or (undetected) not laid out as SDK model docs."""
    from generator.inputs.handwritten import FLAVOR
    from generator.inputs.handwritten.sniff import looks_handwritten

    if flavor is not None:
        return flavor == FLAVOR
    return looks_handwritten(tree)


def _read_handwritten(
    tree: list[Path], collector: Collector, config: HandwrittenConfig | None
) -> list[Definition]:
    from generator.inputs.handwritten.reader import HandwrittenFile, read_handwritten

    files = [HandwrittenFile(doc.resolve(), display_path(doc)) for doc in tree]
    return read_handwritten(files, collector, config)
