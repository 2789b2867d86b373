"""One table row read into the facts of a field, each cell by the module that knows it.

Every cell that cannot be read becomes a warning naming the cell; the fact
it carries is left unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from generator.inputs.handwritten.blocks import FoundTable, Row
from generator.inputs.handwritten.cells import code_spans, description_text, links, name_text, plain
from generator.inputs.handwritten.columns import Columns
from generator.inputs.handwritten.lexicon import (
    DATE_TIME_HINTS,
    DEFAULT,
    DESCRIPTION,
    EXAMPLE,
    NAME,
    NULLABLE,
    OPTIONAL,
    REQUIRED,
    TYPE,
    VALUES,
    Lexicon,
)
from generator.inputs.handwritten.markers import (
    deprecated_in_description,
    labels,
    nullable_in_description,
    required_cell,
    required_in_description,
)
from generator.inputs.handwritten.prose import (
    NotAValue,
    Value,
    coerce,
    prose_default,
    prose_values,
    read_value,
)
from generator.inputs.handwritten.structure import Segment, prefix_depth, split_path
from generator.inputs.handwritten.type_words import ANY, Resolver, TypeWordError, read_type
from generator.ir import (
    ArrayType,
    JsonScalar,
    JsonValue,
    MapType,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeNode,
)

_NAME_MARKER = re.compile(
    r"(?P<name>\S+?)(?:\s+[(\[]?|\s*[(\[])\s*(?P<marker>required|optional|mandatory)\s*[)\]]?",
    re.I,
)
"""A marker written in the name cell: ``name (required)``, ``name optional``."""

Warn = Callable[[int, str], None]
"""Reports a warning at a line of the file."""


@dataclass
class RowFacts:
    """What one row says about its field."""

    name: str
    """The key as written (last path segment)."""
    line: int
    """Where the row is."""
    depth: int = 0
    """``>`` prefixes before the name (children of the row above)."""
    path: list[Segment] | None = None
    """The path a dotted name writes, if it does."""
    type: TypeNode = ANY
    """The stated type (``ANY`` when none is stated or it is unknown)."""
    type_stated: bool = False
    """The row states a type the reader understood."""
    required: bool | None = None
    """``None``: unknown or conditional."""
    nullable: bool | None = None
    """``True`` when the row says so; else not said."""
    default: Value | None = None
    """The default value, if one is stated."""
    values: list[JsonScalar] = field(default_factory=list)
    """Allowed values."""
    description: str | None = None
    """Description text (markdown)."""
    examples: tuple[JsonValue, ...] = ()
    """Example values."""
    read_only: bool = False
    """Labelled read-only."""
    write_only: bool = False
    """Labelled write-only."""
    deprecated: bool = False
    """Marked deprecated."""


def read_row(
    table: FoundTable,
    row: Row,
    columns: Columns,
    lexicon: Lexicon,
    resolve: Resolver,
    names: Collection[str],
    warn: Warn,
    type_column_usable: bool,
) -> RowFacts | None:
    """The facts of one row; ``None`` (with a warning) when the row has no name."""
    cells = row.cells

    def cell(role: str) -> str | None:
        index = columns.get(role)
        return cells[index] if index is not None and index < len(cells) else None

    written, starred = name_text(cell(NAME) or "")
    depth, written = prefix_depth(written)
    if not written:
        if any(c.strip() for c in cells):
            warn(row.line, "row has an empty name cell; it is skipped")
        return None
    in_name = _NAME_MARKER.fullmatch(written)
    name_marker: bool | None = None
    if in_name:
        written = in_name.group("name")
        name_marker = in_name.group("marker").lower() != "optional"
    label = f"row {written!r}"
    optional_mark = written.endswith("?") and len(written) > 1
    if optional_mark:
        written = written[:-1]
    path = split_path(written)
    if path is None and re.search(r"[^\w$@.\-\[\]<>]", written):
        warn(row.line, f"{label}: name is not a plain key; kept as written")
    elif path is None and re.search(r"<[^>]+>", written):
        warn(row.line, f"{label}: name has a placeholder; kept as one field named as written")
    facts = RowFacts(name=path[-1].name if path else written, line=row.line, depth=depth, path=path)
    full_description, raw_description = _description_source(table, row, columns, starred)
    facts.description = description_text(full_description) or None
    if row.extra:
        warn(
            row.line,
            f"{label}: row has {row.source_cells} cells, the header {len(columns.headers)}; "
            "the cells past the header are kept in the description",
        )
    # type
    type_cell = cell(TYPE)
    kind: PrimitiveKind | None = None
    cell_values: list[JsonScalar] = []
    cell_default: JsonScalar | None = None
    if type_cell is not None and type_cell.strip() and type_column_usable:
        enum_cell = re.match(r"\s*enum\s*:\s*(?P<rest>.*)", type_cell, re.I | re.S)
        if enum_cell:
            facts.type, facts.type_stated = Primitive(PrimitiveKind.STRING), True
            found = prose_values(enum_cell.group("rest"), PrimitiveKind.STRING, ())
            if found:
                cell_values, cell_default = found
        else:
            try:
                read = read_type(type_cell, lexicon, resolve)
                facts.type, facts.type_stated = read.node, True
                facts.nullable = read.nullable
            except TypeWordError as error:
                warn(
                    row.line,
                    f"{label}: Type cell {_shown(type_cell)!r} not understood ({error}); type left unknown",
                )
    if isinstance(facts.type, Primitive):
        kind = facts.type.kind if facts.type_stated else None
    facts.type = _linked_type(facts.type, raw_description, resolve)
    if (
        isinstance(facts.type, Primitive)
        and facts.type.kind is PrimitiveKind.STRING
        and facts.type.format is None
        and any(hint in plain(raw_description).lower() for hint in DATE_TIME_HINTS)
    ):
        facts.type = Primitive(PrimitiveKind.STRING, "date-time")
    # required
    _read_required(
        facts, cell, row, columns, lexicon, raw_description, starred, optional_mark, label, warn
    )
    if name_marker is not None and facts.required is None:
        facts.required = name_marker
    # default
    other_names = set(names) - {written}
    default_cell = cell(DEFAULT)
    stated = read_value(default_cell, kind, other_names) if default_cell is not None else None
    if isinstance(stated, NotAValue):
        warn(
            row.line,
            f"{label}: Default cell {plain(stated.text)!r} is not a value ({stated.reason}); default left unknown, text kept in the description",
        )
        facts.description = _append(facts.description, f"Default: {description_text(stated.text)}")
    elif isinstance(stated, Value):
        facts.default = stated
    if stated is None and facts.default is None:
        prose = prose_default(raw_description, kind, other_names)
        if isinstance(prose, Value):
            facts.default = prose
        elif isinstance(prose, NotAValue):
            warn(
                row.line,
                f"{label}: default in the description {prose.text[:60]!r} is not a value ({prose.reason}); default left unknown",
            )
    # values
    values_cell = cell(VALUES)
    if values_cell and values_cell.strip():
        codes = code_spans(values_cell) or [
            v.strip() for v in re.split(r",|\||\bor\b|\n", plain(values_cell)) if v.strip()
        ]
        facts.values = [coerce(code, kind) for code in codes]
    elif cell_values:
        facts.values = cell_values
        if cell_default is not None and facts.default is None:
            facts.default = Value(cell_default)
    else:
        found_values = prose_values(raw_description, kind, other_names)
        if found_values:
            facts.values, marked = found_values
            if marked is not None and facts.default is None:
                facts.default = Value(marked)
    # nullable, labels, examples
    nullable_cell = cell(NULLABLE)
    if nullable_cell is not None:
        marker = required_cell(nullable_cell, lexicon)
        if marker.required is True:
            facts.nullable = True
    if facts.nullable is None:
        facts.nullable = nullable_in_description(raw_description)
    if facts.default is not None and facts.default.value is None:
        facts.nullable = True
    found_labels = labels(raw_description)
    facts.read_only = bool({"read-only", "readonly", "read only"} & found_labels)
    facts.write_only = bool({"write-only", "writeonly", "write only"} & found_labels)
    facts.deprecated = deprecated_in_description(raw_description)
    example_cell = cell(EXAMPLE)
    if example_cell and example_cell.strip():
        example = read_value(example_cell, kind)
        if isinstance(example, Value):
            facts.examples = (example.value,)
    return facts


def _read_required(
    facts: RowFacts,
    cell: Callable[[str], str | None],
    row: Row,
    columns: Columns,
    lexicon: Lexicon,
    raw_description: str,
    starred: bool,
    optional_mark: bool,
    label: str,
    warn: Warn,
) -> None:
    required = cell(REQUIRED)
    optional = cell(OPTIONAL)
    if required is not None or optional is not None:
        marker = required_cell(
            required if required is not None else optional or "", lexicon, required is None
        )
        facts.required = marker.required
        if marker.warn_only and marker.problem:
            warn(facts.line, f"{label}: {marker.problem}")
        elif marker.problem:
            described = (
                required_in_description(raw_description) if not (required or "").strip() else None
            )
            if described is not None and described.required is not None:
                facts.required = described.required
            else:
                short = ""
                if 0 < row.source_cells < len(columns.headers):
                    short = (
                        f" (the row has {row.source_cells} cells, the header "
                        f"{len(columns.headers)}: a cell may be missing)"
                    )
                warn(facts.line, f"{label}: {marker.problem}{short}")
        return
    type_cell = cell(TYPE) or ""
    in_type = re.search(r"\b(optional|required|mandatory)\b", type_cell, re.I)
    described = required_in_description(raw_description)
    if in_type and described is None:
        facts.required = in_type.group(1).lower() != "optional"
    elif described is not None:
        facts.required = described.required
        if described.problem:
            warn(facts.line, f"{label}: {described.problem}")
    elif starred:
        facts.required = True
    elif optional_mark:
        facts.required = False


def _description_source(
    table: FoundTable, row: Row, columns: Columns, starred: bool
) -> tuple[str, str]:
    """The description source, and the prose to read values and markers from.

    The description is the description cell, the other cells without a role
    (``Header: text``) and the cells GFM dropped; the prose leaves out the
    cells without a role (an ``In: query`` column is no sentence about values).
    """
    index = columns.get(DESCRIPTION)
    own = row.cells[index] if index is not None and index < len(row.cells) else ""
    others = [
        f"{columns.headers[extra]}: {row.cells[extra]}"
        for extra in columns.extra
        if extra < len(row.cells) and row.cells[extra].strip()
    ]
    joiner = " | " if row.extra else "<br>"
    prose = joiner.join(part for part in (own, *row.extra) if part)
    if starred and re.match(r"\s*(\\\*|\*)\s", table.after):
        prose = _append(prose, table.after.lstrip("\\* ")) or ""
    description = joiner.join(part for part in (own, *others, *row.extra) if part)
    if prose != joiner.join(part for part in (own, *row.extra) if part):
        description = _append(description, prose.rsplit("\n", 1)[-1]) or ""
    return description, prose


def _linked_type(node: TypeNode, description: str, resolve: Resolver) -> TypeNode:
    """``object`` / ``array`` whose description links to another table: a reference to it."""
    untyped_object = isinstance(node, MapType) and node.values == ANY
    untyped_array = isinstance(node, ArrayType) and node.items == ANY
    if not (untyped_object or untyped_array):
        return node
    for link in links(description):
        if link.target is not None and not link.target.startswith("#"):
            continue
        target = resolve(link.text, link.target)
        if target is not None:
            return (
                ArrayType(RefType(target), items_nullable=None)
                if untyped_array
                else RefType(target)
            )
    return node


def _shown(cell: str) -> str:
    """A cell as a message quotes it: backticks and emphasis removed, HTML line breaks as spaces."""
    text = re.sub(r"<br\s*/?>", " ", cell, flags=re.I).replace("`", "").replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def _append(text: str | None, more: str) -> str | None:
    if not more:
        return text
    return f"{text}\n{more}" if text else more


def column_has_types(
    table: FoundTable, columns: Columns, lexicon: Lexicon, resolve: Resolver
) -> bool:
    """Whether a Type column holds type words at all (``with`` in every cell: it does not)."""
    index = columns.get(TYPE)
    if index is None:
        return False
    cells = [
        row.cells[index]
        for row in table.rows
        if index < len(row.cells) and row.cells[index].strip()
    ]
    if not cells:
        return True
    for text in cells:
        if re.match(r"\s*enum\s*:", text, re.I):
            return True
        try:
            read_type(text, lexicon, resolve)
            return True
        except TypeWordError:
            continue
    return False


__all__ = ["RowFacts", "column_has_types", "read_row"]
