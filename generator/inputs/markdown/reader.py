"""Read Speakeasy ``docs/models`` markdown into IR definitions.

Two passes: every doc is split and named first (links may point forward),
then each is turned into an ``ObjectModel``, ``EnumModel`` or ``UnionModel``.
Problems go to the ``Collector``; a broken row or doc is skipped, the rest is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.markdown.document import Document, Section, Table, parse_document
from generator.inputs.markdown.flavor import Flavor
from generator.inputs.markdown.go_types import GO_OLD
from generator.inputs.markdown.links import DocIndex
from generator.inputs.markdown.models import ModelBuilder
from generator.ir import Definition, Location, TypeName

FIELDS = "Fields"
VALUES = "Values"
SUPPORTED_TYPES = "Supported Types"
MODEL_SECTIONS = (FIELDS, VALUES, SUPPORTED_TYPES)
IGNORED_SECTIONS = frozenset({"Example Usage"})
_MODEL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class DocFile:
    """One input doc."""

    path: Path
    """Real path of the file, used to read it and to resolve its links."""
    display: str
    """Path to show in locations (POSIX)."""
    namespace: str
    """Namespace of the definition, e.g. ``operations`` (the doc's folder name)."""


@dataclass(frozen=True, slots=True)
class _Named:
    """A split doc and the definition name it declares."""

    file: DocFile
    document: Document
    name: TypeName


def read_docs(
    files: Sequence[DocFile], collector: Collector, *, flavor: Flavor = GO_OLD
) -> list[Definition]:
    """Read ``files`` into definitions, in input order; problems go to ``collector``.

    Problems are reported grouped by file, in input order.
    """
    index = DocIndex()
    named: list[_Named] = []
    defined_at: dict[TypeName, Location] = {}
    per_file = {file.display: Collector() for file in files}
    for file in files:
        file_collector = per_file[file.display]
        document = _load(file, file_collector)
        if document is None:
            continue
        name = _model_name(file, document, file_collector)
        index.add(file.path, name)
        if name is None:
            continue
        location = Location(file.display, document.title_line)
        if name in defined_at:
            file_collector.add(location, f"model '{name}' is already defined at {defined_at[name]}")
            continue
        defined_at[name] = location
        named.append(_Named(file, document, name))
    definitions: list[Definition] = []
    for item in named:
        definition = _build(item, index, flavor, per_file[item.file.display])
        if definition is not None:
            definitions.append(definition)
    for file_collector in per_file.values():
        for problem in file_collector.problems:
            collector.add(problem.location, problem.message)
    return definitions


def _load(file: DocFile, collector: Collector) -> Document | None:
    """Read and split one doc; ``None`` (with a problem) when it cannot be read."""
    try:
        text = file.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not valid UTF-8"
        collector.add(
            Location(file.display),
            f"cannot read the doc ({reason}); expected a UTF-8 markdown file",
        )
        return None
    return parse_document(text)


def _model_name(file: DocFile, document: Document, collector: Collector) -> TypeName | None:
    """The name the doc's title declares; ``None`` (with a problem) when it has no usable title.

    Title-less docs (Go ``operations/option.md``) are reported here; a flavor
    that names models from the file name would plug in at this point.
    """
    for line in document.extra_titles:
        collector.add(
            Location(file.display, line), "second '# ' heading; expected one '# Title' per doc"
        )
    if document.title is None:
        collector.add(
            Location(file.display, 1),
            "no '# Title' heading; expected the model name as title, e.g. '# TrackLeadRequestBody'",
        )
        return None
    if not _MODEL_NAME.fullmatch(document.title):
        collector.add(
            Location(file.display, document.title_line),
            f"title '{document.title}' is not a model name; expected a PascalCase identifier",
        )
        return None
    return TypeName(file.namespace, document.title)


def _build(
    item: _Named, index: DocIndex, flavor: Flavor, collector: Collector
) -> Definition | None:
    """Turn one named doc into a definition, or ``None`` when its model section is unusable."""
    display = item.file.display
    document = item.document
    model_sections: list[Section] = []
    for section in document.sections:
        if section.heading in MODEL_SECTIONS:
            model_sections.append(section)
        elif section.heading not in IGNORED_SECTIONS:
            collector.add(
                Location(display, section.line),
                f"unknown section '## {section.heading}'; expected ## Fields, ## Values "
                "or ## Supported Types (## Example Usage is ignored)",
            )
    if not model_sections:
        collector.add(
            Location(display, document.title_line),
            "no model section; expected ## Fields (object), ## Values (enum) "
            "or ## Supported Types (union)",
        )
        return None
    for extra in model_sections[1:]:
        collector.add(
            Location(display, extra.line),
            f"second model section '## {extra.heading}'; expected only "
            f"'## {model_sections[0].heading}' in this doc",
        )
    section = model_sections[0]
    builder = ModelBuilder(
        item.name, document, display, flavor, index.refs_for(item.file.path), collector
    )
    if section.heading == SUPPORTED_TYPES:
        return builder.union(section)
    table = _single_table(section, display, collector)
    if table is None:
        return None
    if section.heading == FIELDS:
        return builder.object(table)
    return builder.enum(table)


def _single_table(section: Section, display: str, collector: Collector) -> Table | None:
    """The one table of a ``## Fields`` / ``## Values`` section."""
    if not section.tables:
        expected = (
            "| Field | Type | Required | Description |"
            if section.heading == FIELDS
            else "| Name | Value |"
        )
        collector.add(
            Location(display, section.line),
            f"'## {section.heading}' has no table; expected a {expected} table",
        )
        return None
    for extra in section.tables[1:]:
        collector.add(
            Location(display, extra.header.line),
            f"second table in '## {section.heading}'; expected one table",
        )
    return section.tables[0]
