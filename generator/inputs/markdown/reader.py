"""Read Speakeasy ``docs/models`` markdown into IR definitions.

Two passes: every doc is split and named first (links may point forward),
then each is turned into an ``ObjectModel``, ``EnumModel`` or ``UnionModel``.
Problems go to the ``Collector``; a broken row or doc is skipped, the rest is read.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.markdown.detect import detect_flavor, language_names
from generator.inputs.markdown.document import Document, Section, Table, parse_document
from generator.inputs.markdown.flavor import (
    LINK_FOLDERS,
    LINK_INTO,
    REFERENCE,
    RESERVED,
    Flavor,
    collecting_unions,
)
from generator.inputs.markdown.generation import Generation
from generator.inputs.markdown.links import DocIndex
from generator.inputs.markdown.models import ModelBuilder
from generator.ir import (
    DOCS_FACTS,
    Definition,
    DocsFlavor,
    Location,
    ObjectModel,
    TypeName,
    TypeNode,
    UnionModel,
    UnionVariant,
)

FIELDS = "Fields"
VALUES = "Values"
SUPPORTED_TYPES = "Supported Types"
EXAMPLE_USAGE = "Example Usage"
MODEL_SECTIONS = (FIELDS, VALUES, SUPPORTED_TYPES)
UNION_DISCRIMINATION = "Union Discrimination"
"""Go's variant switch: written from the rest of the doc, but for whether a ``default:``
branch takes a value of no known variant (``UnionModel.open``)."""
_MODEL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class DocFile:
    """One input doc."""

    path: Path
    """Real path of the file, used to read it and to resolve its links."""
    display: str
    """Path to show in locations (POSIX)."""
    namespace: str
    """Folder the doc is in, e.g. ``operations``; the flavor turns it into the namespace."""


@dataclass(slots=True)
class TreeRead:
    """Everything read from one tree of docs."""

    definitions: list[Definition]
    """The definitions, in input order."""
    flavor: DocsFlavor | None
    """The flavor the docs were read in; ``None`` when it could not be told."""
    skipped: list[tuple[Location, str]] = field(default_factory=list)
    """SDK pages that are not models (Go's call options), with what they are."""
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)
    """For each style fact (``DOCS_FACTS``) some cell or doc told: how many showed it and how
    many showed otherwise; ``flavor.facts`` holds those ``fact_holds`` decides for."""


@dataclass(frozen=True, slots=True)
class _Named:
    """A split doc and the definition name it declares."""

    file: DocFile
    document: Document
    name: TypeName


def read_docs(
    files: Sequence[DocFile],
    collector: Collector,
    *,
    flavor: Flavor | str | None = None,
    generation: Generation | None = None,
) -> list[Definition]:
    """Read one tree of docs into definitions, in input order; problems go to ``collector``.

    ``flavor`` forces a flavor (an instance, or a language name such as ``go``);
    ``None`` tells it from the docs.  ``generation`` is the SDK's generation record
    (``find_generation``), whose versions go into ``DocsFlavor``.  Problems are reported
    grouped by file, in input order.
    """
    return read_tree(files, collector, flavor=flavor, generation=generation).definitions


def read_tree(
    files: Sequence[DocFile],
    collector: Collector,
    *,
    flavor: Flavor | str | None = None,
    generation: Generation | None = None,
) -> TreeRead:
    """Like ``read_docs``, also telling the flavor and the SDK pages that are not models."""
    per_file = {file.display: Collector() for file in files}
    loaded: list[tuple[DocFile, Document]] = []
    for file in files:
        document = _load(file, per_file[file.display])
        if document is not None:
            loaded.append((file, document))
    chosen = _choose_flavor(flavor, [document for _, document in loaded])
    result = TreeRead([], None)
    if chosen is None:
        if loaded:
            collector.add(
                Location(loaded[0][0].display),
                "cannot tell which SDK's docs these are; expected Speakeasy model docs of "
                f"{', '.join(language_names())} (force one with --flavor)",
            )
    else:
        _read_models(loaded, chosen, per_file, result, generation)
    for location, what in result.skipped:
        collector.warn(location, f"{what}; it is left out")
    for file_collector in per_file.values():
        for problem in sorted(file_collector.problems, key=lambda p: p.location.line or 0):
            collector.add(problem.location, problem.message)
        for warning in file_collector.warnings:
            collector.warn(warning.location, warning.message)
    return result


def _read_models(
    loaded: list[tuple[DocFile, Document]],
    flavor: Flavor,
    per_file: dict[str, Collector],
    result: TreeRead,
    generation: Generation | None,
) -> None:
    """Name every doc (links may point forward), then build each; fill ``result``."""
    index = DocIndex()
    named: list[_Named] = []
    defined_at: dict[TypeName, Location] = {}
    for file, document in loaded:
        file_collector = per_file[file.display]
        page = flavor.support_page(document)
        if page is not None:
            result.skipped.append((Location(file.display, 1), f"not a model doc: {page}"))
            index.add(file.path, None)
            continue
        name = _model_name(file, document, flavor, file_collector)
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
    packages: list[str] = []
    votes: Counter[str] = Counter()
    unions: dict[TypeName, tuple[TypeNode, ...]] = {}
    with collecting_unions(unions):
        for item in named:
            built = _build(item, index, flavor, per_file[item.file.display], votes)
            if built is None:
                continue
            if built[0] is not None:
                definitions.append(built[0])
            if built[1]:
                packages.append(built[1])
    definitions = [_as_union(definition, unions) for definition in definitions]
    error_types = _error_types(votes)
    if error_types:
        definitions = [
            dataclasses.replace(definition, error=True)
            if isinstance(definition, ObjectModel) and definition.name in error_types
            else definition
            for definition in definitions
        ]
    if not packages:
        packages = [p for _, document in loaded[:50] if (p := flavor.package(document))]
    layout, folders = _layout([file for file, _ in loaded])
    evidence = _evidence(votes)
    result.flavor = DocsFlavor(
        flavor.language,
        flavor.style,
        packages[0] if packages else None,
        layout=layout,
        folders=folders,
        models_parent=_models_parent(votes, layout),
        link_folders=_link_folders(votes),
        sdk_classes=generation.sdk_pages if generation else (),
        speakeasy_version=generation.speakeasy_version if generation else None,
        generation_version=generation.generation_version if generation else None,
        reserved_names=_reserved_names(votes, [file for file, _ in loaded]),
        facts=tuple(
            sorted(fact for fact, (yes, no) in evidence.items() if fact_holds(fact, yes, no))
        ),
    )
    result.evidence = evidence
    result.definitions = [
        dataclasses.replace(definition, docs_flavor=result.flavor) for definition in definitions
    ]


ERRORS_NAMESPACE = "errors"
"""The namespace of the SDK's error types (Go's ``sdkerrors`` package, the ``errors`` folder)."""


def _error_types(votes: Counter[str]) -> frozenset[TypeName]:
    """Models of the errors namespace that cells name without a link, and never with one: the
    SDK's error types (``ObjectModel.error``), which Go docs of 2023 do not link."""
    linked: set[str] = set()
    unlinked: set[str] = set()
    for key in votes:
        if key.startswith(REFERENCE):
            how, name = key[len(REFERENCE) :].split("\n", 1)
            (linked if how == "linked" else unlinked).add(name)
    found = set()
    for name in unlinked - linked:
        namespace, _, model = name.rpartition(".")
        if namespace == ERRORS_NAMESPACE:
            found.add(TypeName(namespace, model))
    return frozenset(found)


def _models_parent(votes: Counter[str], layout: str) -> str | None:
    """``DocsFlavor.models_parent``: what most links between model docs go down through
    before the models folder (and, nested, the namespace folder); ``None`` for nothing."""
    drop = 1 if layout == "flat" else 2
    counts: Counter[str] = Counter()
    for key, count in votes.items():
        if key.startswith(LINK_FOLDERS):
            folders = key[len(LINK_FOLDERS) :].split("/")
            if len(folders) >= drop:
                counts["/".join(folders[:-drop])] += count
    if not counts:
        return None
    best = min(counts, key=lambda parent: (-counts[parent], parent))
    return best or None


def _link_folders(votes: Counter[str]) -> tuple[tuple[str, str], ...]:
    """``DocsFlavor.link_folders``: for each folder of docs that links name, the other folder
    they name for it when all of them name that one folder; mixed links record nothing."""
    named: dict[str, set[str]] = {}
    for key in votes:
        if key.startswith(LINK_INTO):
            folder, linked = key[len(LINK_INTO) :].split("\n", 1)
            named.setdefault(folder, set()).add(linked)
    pairs: set[tuple[str, str]] = set()
    for folder, linked_set in named.items():
        if len(linked_set) != 1:
            continue
        (linked,) = linked_set
        if linked == folder:
            continue
        ours, theirs = Path(folder).parts, Path(linked).parts
        shared = 0
        while shared < min(len(ours), len(theirs)) and ours[shared] == theirs[shared]:
            shared += 1
        if shared < len(ours) and shared < len(theirs):
            pairs.add(("/".join(ours[shared:]), "/".join(theirs[shared:])))
    return tuple(sorted(pairs))


def _as_union(definition: Definition, unions: dict[TypeName, tuple[TypeNode, ...]]) -> Definition:
    """A title-only doc's model (no fields, any properties) as the union that cells linking to
    it name (Ruby's ``[T.any(A, B)](link)``); any other definition as it is."""
    variants = unions.get(definition.name)
    if (
        variants is None
        or not isinstance(definition, ObjectModel)
        or definition.fields
        or definition.additional_properties is None
    ):
        return definition
    return UnionModel(
        definition.name,
        tuple(UnionVariant(node, definition.location) for node in variants),
        definition.location,
        description=definition.description,
        deprecated=definition.deprecated,
    )


WHOLE_DOC_FACTS = frozenset({"no-example-usage"})
"""Facts told by whole docs, not cells: a generator writes such a section for every doc of a
tree or for none, so one doc showing otherwise is enough against (consistent evidence)."""


def fact_holds(fact: str, showing: int, against: int) -> bool:
    """The evidence rule of the style facts read from a tree's cells and docs: a fact holds
    when some show it and at least as many show it as show otherwise (what most of those that
    can tell show); one of ``WHOLE_DOC_FACTS`` only when none shows otherwise.  A cell that
    cannot tell either way (a Go pointer on an optional field, whose nullability it does not
    show) is no evidence."""
    if fact in WHOLE_DOC_FACTS:
        return showing > 0 and against == 0
    return showing > 0 and showing >= against


def _evidence(votes: Counter[str]) -> dict[str, tuple[int, int]]:
    """``TreeRead.evidence``: for each fact, the cells (or docs) showing it and otherwise
    (``no-example-usage``: the docs without an ``## Example Usage`` and those with one)."""
    found: dict[str, tuple[int, int]] = {}
    for fact in DOCS_FACTS:
        counts = (votes[fact], votes["not-" + fact])
        if fact == "no-example-usage":
            counts = (votes["no-example-usage-seen"], votes["not-no-example-usage"])
        if any(counts):
            found[fact] = counts
    return found


def _reserved_names(votes: Counter[str], files: Sequence[DocFile]) -> tuple[str, ...]:
    """``DocsFlavor.reserved_names``: the names fields show reserved (``filter_`` for wire
    ``filter``), less those a doc of the tree has as its plain file name (``type.md``): the
    generator reserves a name for doc files only where no doc shows it unreserved."""
    plain = {os.path.splitext(os.path.basename(str(file.path)))[0].lower() for file in files}
    return tuple(
        sorted(
            name
            for key in votes
            if key.startswith(RESERVED) and (name := key[len(RESERVED) :]) not in plain
        )
    )


def _layout(files: Sequence[DocFile]) -> tuple[str, str | None]:
    """``(layout, folders)`` of ``DocsFlavor``, from where most docs of the tree sit."""
    flat = nested = lower = pascal = 0
    per_folder = Counter(os.path.dirname(str(file.path)) for file in files)
    for name, count in per_folder.items():
        folder = Path(name)
        models = folder if folder.name.lower() == "models" else folder.parent
        if models.name.lower() != "models":
            continue
        if models == folder:
            flat += count
        else:
            nested += count
        spelled = (models.name, folder.name) if models != folder else (models.name,)
        if all(name[:1].isupper() for name in spelled):
            pascal += count
        elif all(name[:1].islower() for name in spelled):
            lower += count
    layout = "flat" if flat > nested else "nested"
    if not lower and not pascal:
        return layout, None
    return layout, "pascal" if pascal > lower else "lower"


def _choose_flavor(flavor: Flavor | str | None, documents: list[Document]) -> Flavor | None:
    """The forced flavor, or the one the documents are written in."""
    if flavor is None or isinstance(flavor, str):
        return detect_flavor(documents, flavor)
    return flavor


def _load(file: DocFile, collector: Collector) -> Document | None:
    """Read and split one doc; ``None`` (with a problem) when it cannot be read."""
    try:
        with open(file.path, "rb") as handle:
            text = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not valid UTF-8"
        collector.add(
            Location(file.display),
            f"cannot read the doc ({reason}); expected a UTF-8 markdown file",
        )
        return None
    return parse_document(text)


def _model_name(
    file: DocFile, document: Document, flavor: Flavor, collector: Collector
) -> TypeName | None:
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
    return TypeName(flavor.namespace(file.namespace), flavor.model_name(document.title))


def _build(
    item: _Named, index: DocIndex, flavor: Flavor, collector: Collector, votes: Counter[str]
) -> tuple[Definition | None, str | None] | None:
    """One named doc's definition (``None`` when its model section is unusable) and package."""
    display = item.file.display
    document = item.document
    model_sections: list[Section] = []
    usage: Section | None = None
    discrimination: Section | None = None
    for section in document.sections:
        if section.heading in MODEL_SECTIONS:
            model_sections.append(section)
        elif section.heading == EXAMPLE_USAGE and usage is None:
            usage = section
        elif section.heading == UNION_DISCRIMINATION:
            discrimination = discrimination or section
        else:
            collector.add(
                Location(display, section.line),
                f"unknown section '## {section.heading}'; expected ## Fields, ## Values "
                "or ## Supported Types (and ## Example Usage)",
            )
    for block in document.orphans:
        line = block.header.line if isinstance(block, Table) else block.line
        collector.warn(
            Location(display, line),
            "table or code before the first '## ' section; it is kept in the description",
        )
    if not model_sections:
        collector.warn(
            Location(display, document.title_line),
            "no model section (## Fields, ## Values or ## Supported Types); "
            "read as a model with no fields",
        )
        builder = ModelBuilder(
            item.name, document, display, flavor, index.refs_for(item.file.path), collector
        )
        return builder.empty(), None
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
    votes["not-no-example-usage" if usage is not None else "no-example-usage-seen"] += 1
    if usage is not None:
        builder.read_usage(usage)
        if builder.usage is not None:
            votes.update(builder.usage.facts)
    try:
        return _build_model(builder, section, display, collector, discrimination)
    finally:
        votes.update(builder.votes)


def _build_model(
    builder: ModelBuilder,
    section: Section,
    display: str,
    collector: Collector,
    discrimination: Section | None = None,
) -> tuple[Definition | None, str | None]:
    """The definition of the doc's model section."""
    package = builder.usage.package if builder.usage else None
    if section.heading == SUPPORTED_TYPES:
        return builder.union(section, discrimination), package
    if section.heading == VALUES:
        _extra_tables(section, display, collector)
        return builder.enum(section), package
    if not section.tables:
        collector.add(
            Location(display, section.line),
            "'## Fields' has no table; expected a | Field | Type | Required | Description | table",
        )
        return None, package
    _extra_tables(section, display, collector)
    return builder.object(section.tables[0]), package


def _extra_tables(section: Section, display: str, collector: Collector) -> None:
    """Report tables after the first one of a ``## Fields`` / ``## Values`` section."""
    for extra in section.tables[1:]:
        collector.add(
            Location(display, extra.header.line),
            f"second table in '## {section.heading}'; expected one table",
        )
