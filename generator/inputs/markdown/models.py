"""Build one IR definition from the sections of a split doc."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from generator import limits
from generator.diagnostics import Collector
from generator.go_json import has_html_chars, shows_html_escapes
from generator.inputs.markdown.cells import (
    OPTIONAL_MARK,
    REQUIRED_MARK,
    parse_description,
    parse_example,
    parse_name,
    parse_required,
)
from generator.inputs.markdown.document import CodeBlock, Document, Row, Section, Table
from generator.inputs.markdown.flavor import (
    RESERVED,
    CellError,
    CellType,
    EnumEntry,
    EnumValues,
    Flavor,
    RefResolver,
    Usage,
    Variant,
    observing,
)
from generator.ir import (
    EnumModel,
    EnumValue,
    Field,
    JsonScalar,
    JsonValue,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    TypeName,
    UnionModel,
    UnionVariant,
    thaw,
)
from generator.numbers import float_spellings_differ, go_float, json_number
from generator.textwidth import text_width

FIELD_HEADER = ("Field", "Type", "Required", "Description")
EXAMPLE_HEADER = "Example"
ENUM_HEADER = ("Name", "Value")
FIELD_HEADER_TEXT = "Field | Type | Required | Description [| Example]"
ENUM_HEADER_TEXT = "Name | Value"
_DEFAULT_BRANCH = re.compile(r"^\s*default\s*:", re.MULTILINE)
"""The ``default:`` branch of a switch over a union's variants."""
_NUMBER_TOKEN = re.compile(r"-?[0-9][0-9.]*(?:[eE][+-]?[0-9]+)?")
"""A number as an Example cell may spell it (``1705895805.4919229``, ``1.7058958054919229e+09``)."""

_NULL_EXAMPLE = re.compile(r"(?:^|:\*\* )(null|<nil>)(?=$|<br/>)")
UNREAD = "unread"
"""``CellType.wrapper`` of a type cell no grammar could read (kept as ``any``)."""


def type_nesting_problem(cell: str) -> str | None:
    """Why a type cell nests too deeply to read (past ``max-depth``), or ``None``.

    The depth counted is the bracket nesting plus the ``[]`` array markers
    (Go's ``[][]T``, TypeScript's ``T[][]``), each a level of the type.
    """
    limit = limits.current().max_depth
    if len(cell) <= limit:
        return None
    depth = deepest = 0
    for char in cell:
        if char in "[<({":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]>)}":
            depth = max(depth - 1, 0)
    levels = deepest + cell.count("[]") + cell.count("map[")
    if levels <= limit:
        return None
    return (
        f"type nested deeper than {limit} levels; expected a shallower type "
        "(raise [tool.specloom.limits] max-depth)"
    )


class ModelBuilder:
    """Builds the definition of one doc, reporting problems as it goes."""

    def __init__(
        self,
        name: TypeName,
        document: Document,
        display: str,
        flavor: Flavor,
        refs: RefResolver,
        collector: Collector,
    ) -> None:
        self._name = name
        self._document = document
        self._display = display
        self._flavor = flavor
        self._refs = refs
        self._collector = collector
        self._notes: list[str] | None = getattr(refs, "notes", None)
        self._depth_limit = limits.current().max_depth
        self.votes: Counter[str] = Counter()
        """Style observations of this doc (``fact`` or ``not-fact``) toward ``DocsFlavor.facts``."""
        self.usage: Usage | None = None
        """What the doc's ``## Example Usage`` says, once ``read_usage`` has run."""

    def read_usage(self, section: Section) -> None:
        """Read ``## Example Usage``; one that cannot be read is a warning, the example left out."""
        try:
            self.usage = self._flavor.parse_usage(section, self._name)
        except CellError as error:
            self._collector.warn(
                Location(self._display, section.line), f"example left out: {error}"
            )

    def object(self, table: Table) -> ObjectModel | None:
        """An object model from the ``## Fields`` table."""
        header = table.header.cells
        if header not in (FIELD_HEADER, (*FIELD_HEADER, EXAMPLE_HEADER)):
            self._bad_header(table.header, FIELD_HEADER_TEXT)
            return None
        fields: list[Field] = []
        seen: dict[str, int] = {}
        # one observing context per doc: the type cells' style observations go to self.votes
        with observing(self.votes, self._name.namespace):
            rows = [
                (row, self._field(row))
                for row in table.rows
                if self._row_fits(row, len(header), FIELD_HEADER_TEXT)
            ]
        for row, field in rows:
            if field is None:
                continue
            if field.name in seen:
                self._problem(
                    row.line,
                    f"field '{field.source_name}' (wire name '{field.name}') is already "
                    f"defined at line {seen[field.name]}",
                )
                continue
            seen[field.name] = row.line
            fields.append(field)
        fields = _widest_spaces(table, fields)
        for field in fields:
            source = field.source_name or ""
            if source.endswith("_") and not field.name.endswith("_") and source.strip("_"):
                self.votes[RESERVED + source[:-1].lower()] += 1
        return ObjectModel(
            name=self._name,
            fields=tuple(fields),
            location=self._location(),
            description=self._document.description,
            deprecated=self._document.deprecated,
            examples=self.usage.examples if self.usage else (),
        )

    def empty(self) -> ObjectModel:
        """The model of a doc with a title and no model section: a value whose shape the doc
        does not show (Java and Ruby write unions so), read as an object with no fields open
        to any properties; an empty ``## Fields`` table is an object with no properties."""
        return ObjectModel(
            name=self._name,
            fields=(),
            location=self._location(),
            description=self._document.description,
            deprecated=self._document.deprecated,
            additional_properties=Primitive(PrimitiveKind.ANY),
        )

    def enum(self, section: Section) -> EnumModel | None:
        """An enum from the ``## Values`` table, or from the flavor's own blocks (TypeScript)."""
        if section.tables:
            self.votes["enum-table"] += 1
            read = self._enum_table(section.tables[0])
            if read is None:
                return None
        else:
            try:
                read = self._flavor.parse_enum_blocks(section)
            except CellError as error:
                self._problem(section.line, str(error))
                return None
            if not read.open:
                # an open enum's blocks say nothing of how the tree lists closed ones
                self.votes["not-enum-table"] += 1
        if not read.entries:
            self._problem(section.line, "'## Values' lists no values; expected at least one")
            return None
        entries = read.entries
        if self.usage is not None and self.usage.integer_values:
            entries = tuple(_as_integer(entry) for entry in entries)
        values: list[EnumValue] = []
        seen: dict[JsonScalar, int] = {}
        for entry in entries:
            if entry.value in seen:
                self._problem(
                    entry.line,
                    f"value '{entry.value}' is already listed at line {seen[entry.value]}",
                )
                continue
            seen[entry.value] = entry.line
            values.append(
                EnumValue(entry.value, Location(self._display, entry.line), entry.source_name)
            )
        open_ = read.open
        if self.usage is not None and self.usage.open is not None:
            open_ = self.usage.open
        return EnumModel(
            name=self._name,
            values=tuple(values),
            location=self._location(),
            description=self._document.description,
            deprecated=self._document.deprecated,
            open=open_,
            examples=self._enum_examples(values),
        )

    def union(self, section: Section, discrimination: Section | None = None) -> UnionModel | None:
        """A union from the ``###`` entries of ``## Supported Types``; ``open`` from the code of
        ``## Union Discrimination`` when the doc has one (a ``default:`` branch handles a value
        of no known variant)."""
        if not section.subsections:
            self._problem(
                section.line,
                "'## Supported Types' has no '### ' entries; expected one per variant",
            )
            return None
        variants: list[UnionVariant] = []
        for subsection in section.subsections:
            try:
                variant = self._flavor.parse_variant(subsection, self._name, self._refs)
            except CellError as error:
                self._collector.warn(
                    Location(self._display, subsection.line),
                    f"union variant '### {subsection.heading}' cannot be read ({error}); "
                    "it is kept with an unknown type (any)",
                )
                variant = Variant(Primitive(PrimitiveKind.ANY), subsection.heading or None)
            location = Location(self._display, subsection.line)
            variants.append(
                UnionVariant(variant.node, location, variant.source_name, variant.examples)
            )
        open_ = None
        if discrimination is not None:
            codes = [block.text for block in discrimination.blocks if isinstance(block, CodeBlock)]
            open_ = any(_DEFAULT_BRANCH.search(code) for code in codes) if codes else None
        return UnionModel(
            name=self._name,
            variants=tuple(variants),
            location=self._location(),
            description=self._document.description,
            deprecated=self._document.deprecated,
            open=open_,
            examples=self.usage.examples if self.usage else (),
        )

    def _enum_table(self, table: Table) -> EnumValues | None:
        """Values of a ``Name | Value`` table; they stay strings (a table cannot tell ``1`` from ``"1"``)."""
        if table.header.cells != ENUM_HEADER:
            self._bad_header(table.header, ENUM_HEADER_TEXT)
            return None
        entries: list[EnumEntry] = []
        for row in table.rows:
            if not self._row_fits(row, len(ENUM_HEADER), ENUM_HEADER_TEXT):
                continue
            name_cell, value = row.cells
            parsed = parse_name(name_cell)
            if parsed is None:
                self._problem(
                    row.line,
                    f"value name '{name_cell}' is not in backticks; expected e.g. `ModeAsync`",
                )
                continue
            entries.append(EnumEntry(value, parsed[0], row.line))
        return EnumValues(tuple(entries), None)

    def _enum_examples(self, values: list[EnumValue]) -> tuple[JsonValue, ...]:
        """The enum's examples, with examples written as constant names mapped to their values."""
        if self.usage is None:
            return ()
        found: list[JsonValue] = [v for v in self.usage.examples if not isinstance(v, dict | list)]
        by_constant = {value.source_name: value.value for value in values if value.source_name}
        for constant in self.usage.constants:
            if constant not in by_constant:
                self._problem(
                    self._document.title_line or 1,
                    f"example constant '{constant}' is not one of the values; expected one of "
                    f"{', '.join(sorted(by_constant))}",
                )
                continue
            found.append(thaw(by_constant[constant]))
        return tuple(found)

    def _field(self, row: Row) -> Field | None:
        """One field from a row of the ``## Fields`` table; ``None`` after reporting problems."""
        name_cell, type_cell, required_cell, description_cell = row.cells[:4]
        ok = True
        parsed_name = parse_name(name_cell)
        wire_name = ""
        if parsed_name is None:
            self._problem(
                row.line,
                f"field name '{name_cell}' is not in backticks; "
                "expected e.g. `ClickID` (or ~~`ClickID`~~ when deprecated)",
            )
            ok = False
        else:
            try:
                wire_name = self._flavor.wire_name(parsed_name[0])
            except CellError as error:
                self._problem(row.line, str(error))
                ok = False
        # a cell no longer than the depth limit cannot nest past it
        too_deep = type_nesting_problem(type_cell) if len(type_cell) > self._depth_limit else None
        if too_deep is not None:
            # A limit, not an odd cell: refused, as every input past a limit is.
            self._problem(row.line, too_deep)
            return None
        try:
            cell_type = self._flavor.parse_type_cell(type_cell, self._refs)
        except CellError as error:
            shown = parsed_name[0] if parsed_name else name_cell
            self._collector.warn(
                Location(self._display, row.line),
                f"type cell '{type_cell}' of field '{shown}' cannot be read ({error}); "
                "the field is kept with an unknown type (any)",
            )
            cell_type = CellType(Primitive(PrimitiveKind.ANY), UNREAD)
        if self._notes:
            self._drain_notes(row.line)
        required = parse_required(required_cell)
        if required is None:
            self._problem(
                row.line,
                f"Required cell '{required_cell}'; expected {REQUIRED_MARK} or {OPTIONAL_MARK}",
            )
        if not ok or required is None or parsed_name is None:
            return None
        nullable = None
        if cell_type.wrapper != UNREAD:
            try:
                nullable = self._flavor.nullable(cell_type, required)
            except CellError as error:
                self._collector.warn(
                    Location(self._display, row.line),
                    f"{error}; field '{parsed_name[0]}' is read as written, nullability unknown",
                )
        indent = row.indents[3] if len(row.indents) > 3 else 0
        description, deprecated_text = parse_description(description_cell, indent)
        examples: tuple[JsonValue, ...] = ()
        if len(row.cells) > 4:
            example_cell = row.cells[4]
            if example_cell:
                examples = parse_example(example_cell, cell_type.node)
                containers = [v for v in examples if isinstance(v, dict | list) and v]
                if containers:
                    compact = "<br/>" not in example_cell
                    self.votes["examples-compact" if compact else "not-examples-compact"] += 1
                    if any(has_html_chars(value) for value in containers):
                        escaped = shows_html_escapes(example_cell)
                        self.votes[("" if escaped else "not-") + "json-html-escaped"] += 1
                self._vote_float_spelling(example_cell, examples)
                if "null" in example_cell or "<nil>" in example_cell:
                    for null in _NULL_EXAMPLE.findall(example_cell):
                        vote = "null-example-json" if null == "null" else "not-null-example-json"
                        self.votes[vote] += 1
                unshown = self._flavor.unshown_null_fact()
                if unshown and not required and nullable is None and None in examples:
                    self.votes["not-" + unshown] += 1
        return Field(
            name=wire_name,
            type=cell_type.node,
            required=required,
            nullable=nullable,
            location=Location(self._display, row.line),
            description=description,
            examples=examples,
            deprecated=parsed_name[1] or deprecated_text,
            source_name=parsed_name[0],
        )

    def _vote_float_spelling(self, cell: str, examples: tuple[JsonValue, ...]) -> None:
        """Count ``float-exponent`` evidence: each float example whose Go and JavaScript
        spellings differ votes for the spelling the cell shows (neither shown: no vote)."""
        tokens: set[str] | None = None
        for value in examples:
            if not isinstance(value, float) or not float_spellings_differ(value):
                continue
            if tokens is None:
                tokens = set(_NUMBER_TOKEN.findall(cell))
            if go_float(value) in tokens:
                self.votes["float-exponent"] += 1
            elif json_number(value) in tokens:
                self.votes["not-float-exponent"] += 1

    def _drain_notes(self, line: int) -> None:
        """Warn about what the resolver did for links that did not resolve."""
        notes = self._notes
        if notes:
            for note in notes:
                self._collector.warn(Location(self._display, line), note)
            notes.clear()

    def _row_fits(self, row: Row, expected: int, header_text: str) -> bool:
        """Report a ragged row (markdown pads or cuts it silently)."""
        if row.raw_cell_count == expected:
            return True
        self._problem(
            row.line, f"row has {row.raw_cell_count} cells, expected {expected} ({header_text})"
        )
        return False

    def _bad_header(self, header: Row, expected: str) -> None:
        """Report a table header that is not the one the section needs."""
        self._problem(
            header.line, f"table header is '{' | '.join(header.cells)}'; expected '{expected}'"
        )

    def _problem(self, line: int, message: str) -> None:
        """Record a problem at ``line`` of this doc."""
        self._collector.add(Location(self._display, line), message)

    def _location(self) -> Location:
        """Where the model is defined: its title line."""
        return Location(self._display, self._document.title_line)


def _as_integer(entry: EnumEntry) -> EnumEntry:
    """An entry whose table text is an integer, as that integer (the doc shows integer values)."""
    text = entry.value
    if isinstance(text, str) and text.lstrip("-").isdigit():
        return EnumEntry(int(text), entry.source_name, entry.line)
    return entry


def _cell_width(text: str, indent: int = 0) -> int:
    """A cell's width as Speakeasy measured it: its unescaped text, a line break counting one."""
    if text.isascii():  # one UTF-16 unit a character: each ``<br/>`` counts one, not five
        return indent + len(text) - 4 * text.count("<br/>")
    return indent + text_width(text.replace("<br/>", "\n"))


def _widest_spaces(table: Table, fields: list[Field]) -> list[Field]:
    """Give back the spaces a description ends with, which its padding hides: every column is
    padded to the widest cell's width (``Table.width``), so when no cell reaches it, the widest
    one, if it is a description, ends with the spaces it lacks.  An example of several lines
    (JSON, several examples) was measured indented, wider than it reads: a table holding one is
    left as read."""
    width = table.width
    if width is None or any(
        "<br/>" in row.cells[4:5][0] for row in table.rows if len(row.cells) > 4
    ):
        return fields
    widths = [_cell_width(cell) for cell in table.header.cells]
    if widths and max(widths) >= width:
        return fields  # a cell reaches the width: nothing is hidden (the usual table)
    descriptions: list[tuple[int, int]] = []
    for row in table.rows:
        cells, indents = row.cells, row.indents
        if len(indents) < len(cells):
            indents = (*indents, *(0,) * (len(cells) - len(indents)))
        row_widths = list(map(_cell_width, cells, indents))
        if row_widths and max(row_widths) >= width:
            return fields
        widths += row_widths
        if len(row_widths) > 3:
            descriptions.append((row.line, row_widths[3]))
    if not widths:
        return fields
    widest = max(widths)
    lacking = width - widest
    if widths.count(widest) != 1:
        return fields
    line = next((line for line, cell_width in descriptions if cell_width == widest), None)
    return [
        dataclasses.replace(field, description=field.description + " " * lacking)
        if line is not None and field.location.line == line and field.description
        else field
        for field in fields
    ]
