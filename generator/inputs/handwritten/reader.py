"""Read hand-written markdown field tables into IR object models.

Per file: find every GFM table (``blocks``), keep those whose header has a
name column and a type, required, default or description column
(``columns``), name each after the heading above it (``naming``), read each
row (``rows``), nest dotted and ``>``-prefixed names (``structure``) and make
enums of listed values.  Problems go to the ``Collector`` as warnings at
``file:line``; nothing is refused that still means something.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import limits
from generator.diagnostics import Collector
from generator.inputs.handwritten.blocks import FoundTable, Page, read_page
from generator.inputs.handwritten.cells import code_spans, plain
from generator.inputs.handwritten.columns import Columns, column_roles
from generator.inputs.handwritten.config import HandwrittenConfig
from generator.inputs.handwritten.lexicon import DEFAULT, NAME, Lexicon
from generator.inputs.handwritten.naming import (
    UniqueNames,
    model_name,
    namespace_from,
    pascal_words,
)
from generator.inputs.handwritten.prose import Value, coerce, read_value
from generator.inputs.handwritten.rows import RowFacts, column_has_types, read_row
from generator.inputs.handwritten.structure import Node
from generator.inputs.handwritten.type_words import ANY, TypeWordError, read_type
from generator.ir import (
    ArrayType,
    Default,
    Definition,
    EnumModel,
    EnumValue,
    Field,
    JsonScalar,
    LiteralType,
    Location,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
    TypeNode,
    UnionType,
)

_SIGNATURE = re.compile(r"^(?P<name>[A-Za-z_$][\w$-]*)\s*:\s*(?P<type>.+)$")


@dataclass(frozen=True, slots=True)
class HandwrittenFile:
    """One input file."""

    path: Path
    """Real path, to read it."""
    display: str
    """Path shown in locations (POSIX)."""


@dataclass
class _Planned:
    table: FoundTable
    columns: Columns | None
    name: TypeName
    transposed: bool = False


@dataclass
class _FileReader:
    file: HandwrittenFile
    page: Page
    namespace: str
    names: UniqueNames
    lexicon: Lexicon
    config: HandwrittenConfig
    collector: Collector
    index: dict[str, TypeName] = field(default_factory=dict)
    definitions: list[Definition] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.collector.warn(Location(self.file.display, line), message)

    # -- planning ---------------------------------------------------------
    def plan(self) -> list[_Planned]:
        planned: list[_Planned] = []
        per_heading: dict[int, int] = {}
        for table in self.page.tables:
            key = table.heading.line if table.heading else 0
            per_heading[key] = per_heading.get(key, 0) + 1
        for table in self.page.tables:
            columns = column_roles(table.header.cells, self.lexicon)
            for note in columns.ambiguous:
                self.warn(table.header.line, note)
            transposed = False
            if not columns.is_field_table:
                if NAME in columns.roles or not self._signature_rows(table):
                    continue
                transposed = True
            name = self._name(table, per_heading)
            planned.append(_Planned(table, columns, TypeName(self.namespace, name), transposed))
            self._index(table, planned[-1].name)
        return planned

    def _name(self, table: FoundTable, per_heading: dict[int, int]) -> str:
        fallback = pascal_words(self.page.title or "") or "Table"
        heading = table.heading
        if self.config.naming == "path" and table.headings:
            joined = "".join(pascal_words(h.text) for h in table.headings)
            return self.names.claim(model_name(joined, fallback))
        candidates: list[str] = []
        if table.label:
            candidates.append(model_name(table.label, fallback))
        if heading is not None:
            own = model_name(heading.text, fallback)
            shared = per_heading.get(heading.line, 0) > 1
            if not shared or not table.label:
                candidates.append(own)
            if len(table.headings) > 1:
                candidates.append(model_name(table.headings[-2].text, "") + own)
        else:
            candidates.append(fallback)
        return self.names.claim(*candidates)

    def _index(self, table: FoundTable, name: TypeName) -> None:
        keys = [name.name]
        if table.heading is not None:
            keys += [table.heading.text, plain(table.heading.text)]
        if table.label:
            keys.append(table.label)
        for key in keys:
            self.index.setdefault(_key(key), name)

    def resolve(self, text: str, target: str | None) -> TypeName | None:
        if target is not None:
            if not target.startswith("#"):
                return None
            found = self.index.get(_key(target[1:]))
            if found is not None:
                return found
        return self.index.get(_key(text)) if text else None

    # -- building ---------------------------------------------------------
    def build(self, planned: _Planned) -> None:
        table = planned.table
        if planned.transposed:
            facts = self._signature_facts(table, planned.columns)
        else:
            assert planned.columns is not None
            facts = self._field_facts(table, planned.columns)
        root = Node("")
        last: dict[int, Node] = {0: root}
        for fact in facts:
            parent = last.get(fact.depth, root)
            if fact.depth and fact.depth not in last:
                self.warn(
                    fact.line,
                    f"row {fact.name!r}: '>' prefix without a parent row above; read at the top level",
                )
            node = parent
            if fact.path:
                for segment in fact.path[:-1]:
                    node = node.child(segment.name, fact.line)
                    node.array = node.array or segment.array
                leaf = node.child(fact.path[-1].name, fact.line)
                leaf.array = leaf.array or fact.path[-1].array
            else:
                leaf = node.child(fact.name, fact.line)
            if leaf.row is not None:
                self.warn(
                    fact.line,
                    f"row {fact.name!r}: a field of that name is listed above; this row is skipped",
                )
                continue
            leaf.row = fact
            leaf.line = fact.line
            last[fact.depth + 1] = leaf
            for deeper in [d for d in last if d > fact.depth + 1]:
                del last[deeper]
        description = (
            plain(table.before)
            if table.before and planned.transposed
            else (table.before.strip() or None)
        )
        self._model(planned.name, root, Location(self.file.display, table.header.line), description)

    def _field_facts(self, table: FoundTable, columns: Columns) -> list[RowFacts]:
        name_index = columns.roles[NAME]
        names = set()
        for row in table.rows:
            if name_index < len(row.cells):
                names.add(plain(row.cells[name_index]).strip())
        usable = True
        if "type" in columns.roles and not column_has_types(
            table, columns, self.lexicon, self.resolve
        ):
            usable = False
            header = columns.headers[columns.roles["type"]]
            self.warn(
                table.header.line,
                f"column {header!r} holds no type words; read as description text, types left unknown",
            )
            columns = Columns(
                {r: i for r, i in columns.roles.items() if r != "type"},
                columns.headers,
                tuple(sorted((*columns.extra, columns.roles["type"]))),
            )
        result = []
        for row in table.rows:
            fact = read_row(
                table, row, columns, self.lexicon, self.resolve, names, self.warn, usable
            )
            if fact is not None:
                result.append(fact)
        return result

    def _signature_rows(self, table: FoundTable) -> list[tuple[str, str]] | None:
        found = []
        for row in table.rows:
            signature = None
            for cell in row.cells:
                for code in code_spans(cell):
                    match = _SIGNATURE.match(code.strip())
                    if match and not code.strip().startswith("-"):
                        signature = (match.group("name"), match.group("type"))
                        break
                if signature:
                    break
            if signature is None:
                return None
            found.append(signature)
        return found or None

    def _signature_facts(self, table: FoundTable, columns: Columns | None) -> list[RowFacts]:
        signatures = self._signature_rows(table) or []
        result = []
        default_index = columns.get(DEFAULT) if columns else None
        for row, (name, written) in zip(table.rows, signatures, strict=True):
            fact = RowFacts(name=name, line=row.line)
            inner = written.strip()
            quoted = len(inner) >= 2 and inner[0] == inner[-1] == '"'
            if quoted:
                inner = inner[1:-1]
            inner = inner.strip()
            if inner.startswith("<") and inner.endswith(">"):
                inner = inner[1:-1]
            kind: PrimitiveKind | None = None
            if "|" in inner and quoted:
                fact.type, fact.type_stated = Primitive(PrimitiveKind.STRING), True
                fact.values = [v.strip() for v in inner.split("|") if v.strip()]
                kind = PrimitiveKind.STRING
            else:
                try:
                    read = read_type(inner, self.lexicon, self.resolve)
                    fact.type, fact.type_stated = read.node, True
                    if isinstance(read.node, Primitive):
                        kind = read.node.kind
                except TypeWordError as error:
                    self.warn(
                        row.line,
                        f"row {name!r}: signature {written!r} not understood ({error}); type left unknown",
                    )
            if default_index is not None and default_index < len(row.cells):
                value = read_value(row.cells[default_index], kind)
                if isinstance(value, Value):
                    fact.default = value
                elif value is not None:
                    self.warn(
                        row.line,
                        f"row {name!r}: Default cell {plain(value.text)!r} is not a value ({value.reason}); default left unknown",
                    )
            others = [
                f"{header}: {plain(cell)}"
                for index, (header, cell) in enumerate(
                    zip(columns.headers if columns else (), row.cells, strict=False)
                )
                if index != default_index and cell.strip()
            ]
            fact.description = "\n".join(others) or None
            result.append(fact)
        return result

    def _model(
        self, name: TypeName, node: Node, location: Location, description: str | None
    ) -> None:
        fields: list[Field] = []
        additional: TypeNode | None = None
        for child in node.children.values():
            if _is_placeholder(child.name):
                additional = self._child_type(name, child)
                continue
            fields.append(self._field(name, child))
        self.definitions.append(
            ObjectModel(
                name=name,
                fields=tuple(fields),
                location=location,
                description=description,
                additional_properties=additional,
            )
        )

    def _child_type(self, owner: TypeName, child: Node) -> TypeNode:
        fact = child.row
        assert fact is None or isinstance(fact, RowFacts)
        if child.children:
            placeholders = [c for c in child.children.values() if _is_placeholder(c.name)]
            if (
                placeholders
                and len(placeholders) == len(child.children)
                and not placeholders[0].children
            ):
                return MapType(self._child_type(owner, placeholders[0]), values_nullable=None)
            nested = TypeName(
                owner.namespace, self.names.claim(owner.name + pascal_words(child.name))
            )
            self._model(nested, child, Location(self.file.display, child.line), None)
            if (
                fact is not None
                and fact.type_stated
                and isinstance(fact.type, Primitive)
                and fact.type.kind is not PrimitiveKind.ANY
            ):
                self.warn(
                    fact.line,
                    f"row {fact.name!r}: type {fact.type.kind.value} has fields listed under it; read as an object",
                )
            array = child.array or (fact is not None and isinstance(fact.type, ArrayType))
            ref = RefType(nested)
            return ArrayType(ref, items_nullable=None) if array else ref
        if fact is None:
            return ANY
        return self._enum_type(owner, fact)

    def _enum_type(self, owner: TypeName, fact: RowFacts) -> TypeNode:
        if not fact.values:
            return fact.type
        node = fact.type
        if isinstance(node, Primitive) and node.kind is not PrimitiveKind.ANY:
            values = [
                coerce(str(v), node.kind)
                if isinstance(v, str) and node.kind is not PrimitiveKind.STRING
                else v
                for v in fact.values
            ]
            if node.kind is PrimitiveKind.STRING:
                values = [v if isinstance(v, str) else _text(v) for v in values]
            enum = TypeName(owner.namespace, self.names.claim(owner.name + pascal_words(fact.name)))
            self.definitions.append(
                EnumModel(
                    name=enum,
                    values=tuple(
                        EnumValue(v, Location(self.file.display, fact.line))
                        for v in _dedupe(values)
                    ),
                    location=Location(self.file.display, fact.line),
                )
            )
            return RefType(enum)
        if node == ANY:
            literals = tuple(LiteralType(v) for v in _dedupe(list(fact.values)))
            return literals[0] if len(literals) == 1 else UnionType(literals)
        self.warn(
            fact.line,
            f"row {fact.name!r}: values listed for a non-scalar type; kept in the description only",
        )
        return node

    def _field(self, owner: TypeName, child: Node) -> Field:
        fact = child.row
        assert fact is None or isinstance(fact, RowFacts)
        node = self._child_type(owner, child)
        if fact is None:
            return Field(
                name=child.name,
                type=node,
                required=None,
                nullable=None,
                location=Location(self.file.display, child.line),
            )
        return Field(
            name=child.name,
            type=node,
            required=fact.required,
            nullable=fact.nullable,
            location=Location(self.file.display, fact.line),
            description=fact.description,
            examples=fact.examples,
            default=Default(fact.default.value) if fact.default is not None else None,
            deprecated=fact.deprecated,
            read_only=fact.read_only,
            write_only=fact.write_only and not fact.read_only,
        )


def _is_placeholder(name: str) -> bool:
    """``<key>``, ``{key}`` or ``*``: a path step standing for any key of a map."""
    return name == "*" or (name[:1] in "<{" and len(name) > 2)


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", plain(text).lower())


def _text(value: JsonScalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _dedupe(values: list[JsonScalar]) -> list[JsonScalar]:
    seen: list[JsonScalar] = []
    for value in values:
        if not any(value == s and type(value) is type(s) for s in seen):
            seen.append(value)
    return seen


def namespaces_for(files: Sequence[HandwrittenFile]) -> dict[str, str]:
    """A namespace per file from its name, parent folders added until every one is unique."""
    parts = {f.display: tuple(Path(f.display).parts) for f in files}
    depth = {display: 1 for display in parts}
    while True:
        names = {d: namespace_from(p[-depth[d] :]) for d, p in parts.items()}
        clashes = {n for n in names.values() if list(names.values()).count(n) > 1}
        grow = [d for d, n in names.items() if n in clashes and depth[d] < len(parts[d])]
        if not grow:
            return names
        for display in grow:
            depth[display] += 1


def read_handwritten(
    files: Sequence[HandwrittenFile],
    collector: Collector,
    config: HandwrittenConfig | None = None,
) -> list[Definition]:
    """Read hand-written docs into object (and enum) models; problems go to ``collector``."""
    config = config or HandwrittenConfig()
    lexicon = config.lexicon()
    namespaces = namespaces_for(files)
    unique: dict[str, UniqueNames] = {}
    definitions: list[Definition] = []
    for file in files:
        try:
            size = file.path.stat().st_size
            if size > limits.current().max_document_bytes:
                collector.add(
                    Location(file.display),
                    f"the doc is {size} bytes; expected at most "
                    f"{limits.current().max_document_bytes} "
                    "(raise [tool.specloom.limits] max-document-bytes)",
                )
                continue
            text = file.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not valid UTF-8"
            collector.add(
                Location(file.display),
                f"cannot read the doc ({reason}); expected a UTF-8 markdown file",
            )
            continue
        namespace = config.namespace or namespaces[file.display]
        reader = _FileReader(
            file,
            read_page(text),
            namespace,
            unique.setdefault(namespace, UniqueNames()),
            lexicon,
            config,
            collector,
        )
        planned = reader.plan()
        if not planned:
            collector.warn(
                Location(file.display, 1),
                "no field table found (a table needs a name column and a type, required, "
                "default or description column); the file is left out",
            )
        for item in planned:
            reader.build(item)
        definitions += reader.definitions
    return definitions


__all__ = ["HandwrittenFile", "namespaces_for", "read_handwritten"]
