"""The reader's fast paths give what the plain algorithms they replace give.

Each shortcut (resolving a folder once, splitting a row without measuring indents that cannot
be there, finding a link label's end by runs, counting a cell's width without copying it) is
checked against a straightforward version of the same rule, written here, on inputs chosen
to reach every branch.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import random
from pathlib import Path

import pytest

from generator.inputs.markdown.document import Row, Table, _cells, _split_cells
from generator.inputs.markdown.links import DocIndex
from generator.inputs.markdown.models import _cell_width, _widest_spaces
from generator.inputs.markdown.syntax import _label_end
from generator.inputs.resolve import resolve_all
from generator.ir import Field, Location, Primitive, PrimitiveKind
from generator.textwidth import text_width


def plain_cells(line: str, count: int) -> tuple[tuple[str, ...], int, tuple[int, ...]]:
    """The row rule, cell by cell: stripped, unescaped, indents past one space, padded or cut."""
    raw: list[str] = []
    indents: list[int] = []
    for cell in _split_cells(line):
        text = cell.strip()
        raw.append(text.replace("\\|", "|"))
        indents.append(max(len(cell) - len(cell.lstrip(" ")) - 1, 0) if text else 0)
    found = len(raw)
    raw += [""] * (count - found)
    indents += [0] * (count - found)
    return tuple(raw[:count]), found, tuple(indents[:count])


ROWS = [
    "| `a` | *string* | :heavy_check_mark: | text |",
    "| `a` | *string* | :heavy_check_mark: |   indented text |",
    "|  `a`|x|y|z|",
    "| a \\| b | c | d | e |",
    "| a \\|  b |  c\\| | d | e \\|",
    "a | b | c | d",
    "  | a |    | c | d |  ",
    "| a | b |",
    "| a | b | c | d | e | f |",
    "| \t a | \t  b | c | d |",
    "|  | | |  |",
    "| é  | 😀 |  ü | d |",
]


@pytest.mark.parametrize("line", ROWS)
@pytest.mark.parametrize("count", [2, 4, 5])
def test_cells_match_the_plain_rule(line: str, count: int) -> None:
    assert _cells(line, count) == plain_cells(line, count)


def plain_label_end(text: str, start: int) -> int:
    """The ``]`` closing the label at ``start``, one character at a time."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "[":
            depth += 1
        elif text[index] == "]":
            depth -= 1
            if depth == 0:
                return index
    return -1


def test_label_end_matches_the_plain_scan() -> None:
    checked = 0
    for size in range(1, 8):
        for letters in itertools.product("[]x", repeat=size):
            text = "".join(letters)
            for start in range(len(text)):
                assert _label_end(text, start) == plain_label_end(text, start), (text, start)
                checked += 1
    assert checked > 10_000


@pytest.mark.parametrize(
    "text",
    ["", "plain", "a<br/>b", "<br/><br/>", "<br>x<br />", "é<br/>ü", "😀<br/>😀", "a\\|b"],
)
@pytest.mark.parametrize("indent", [0, 3])
def test_cell_width_counts_utf16_units_and_one_per_break(text: str, indent: int) -> None:
    assert _cell_width(text, indent) == indent + text_width(text.replace("<br/>", "\n"))


def test_link_keys_fold_dots_as_paths_do(tmp_path: Path) -> None:
    index = DocIndex()
    folder = str(tmp_path / "models" / "components")
    for relative in ["x.md", "../operations/y.md", "./z.md", "../../models/components/x.md"]:
        expected = os.path.normpath(os.path.join(folder, relative))
        assert index.key_of(folder, relative) == expected
        assert index.key_of(folder, relative) == expected  # the memo gives the same


def test_resolve_all_is_resolve_of_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real" / "models" / "components"
    real.mkdir(parents=True)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (real / "a.md").write_text("# A\n")
    (other / "target.md").write_text("# T\n")
    (tmp_path / "linked").symlink_to(tmp_path / "real")  # a folder link
    (real / "b.md").symlink_to(other / "target.md")  # a file link, out of the folder
    (real / "loop.md").symlink_to(real / "loop.md")
    monkeypatch.chdir(tmp_path)
    paths = [
        real / "a.md",
        real / "b.md",
        real / "missing.md",
        tmp_path / "linked" / "models" / "components" / "a.md",
        tmp_path / "linked" / "models" / "components" / "b.md",
        Path("linked/models/components/a.md"),
        Path("real/models/../models/components/a.md"),
        Path("a.md"),
        Path("real/.."),
    ]
    assert resolve_all(paths) == [path.resolve() for path in paths]
    assert resolve_all(paths)[1] == other / "target.md"
    with pytest.raises(RuntimeError):
        Path(real / "loop.md").resolve()
    with pytest.raises(RuntimeError):
        resolve_all([real / "loop.md"])


def plain_widest_spaces(table: Table, fields: list[Field]) -> list[Field]:
    """The padding rule measured over every cell, then decided once."""
    if table.width is None or any(
        "<br/>" in row.cells[4] for row in table.rows if len(row.cells) > 4
    ):
        return fields
    widths = [_cell_width(cell) for cell in table.header.cells]
    descriptions: list[tuple[int, int]] = []
    for row in table.rows:
        for column, cell in enumerate(row.cells):
            indent = row.indents[column] if column < len(row.indents) else 0
            widths.append(_cell_width(cell, indent))
            if column == 3:
                descriptions.append((row.line, widths[-1]))
    widest = max(widths)
    lacking = table.width - widest
    if lacking <= 0 or widths.count(widest) != 1:
        return fields
    line = next((line for line, width in descriptions if width == widest), None)
    return [
        dataclasses.replace(field, description=(field.description or "") + " " * lacking)
        if line is not None and field.location.line == line and field.description
        else field
        for field in fields
    ]


def test_widest_spaces_matches_the_plain_rule() -> None:
    shuffled = random.Random(9)
    header = Row(("Field", "Type", "Required", "Description"), 1, 4)
    checked = 0
    for _ in range(3000):
        rows: list[Row] = []
        fields: list[Field] = []
        for number in range(shuffled.randint(1, 4)):
            cells = tuple(
                "".join(shuffled.choice(["a", "é", "😀", "<br/>"]) for _ in range(size))
                for size in (shuffled.randint(1, 12) for _ in range(4))
            )
            indents = tuple(shuffled.choice([0, 0, 0, 2]) for _ in range(4))
            line = 3 + number
            rows.append(Row(cells, line, 4, shuffled.choice([indents, ()])))
            fields.append(
                Field(
                    f"f{number}",
                    Primitive(PrimitiveKind.STRING),
                    True,
                    None,
                    Location("x.md", line),
                    description=cells[3] or None,
                )
            )
        table = Table(header, tuple(rows), shuffled.choice([None, *range(8, 30)]))
        expected = plain_widest_spaces(table, fields)
        assert _widest_spaces(table, fields) == expected
        checked += expected != fields
    assert checked > 50  # some tables had spaces to give back
