"""The line-oriented block splitter finds what markdown-it finds, at the same lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from generator.inputs.markdown.document import (
    CodeBlock,
    Document,
    Paragraph,
    Table,
    count_raw_cells,
    parse_document,
)

Item = tuple[object, ...]


def ours(document: Document) -> list[Item]:
    """Headings, fences and table rows of a split doc, as comparable tuples."""
    found: list[Item] = []
    if document.title_line:
        found.append(("h1", document.title_line))
    found += [("h1", line) for line in document.extra_titles]

    def blocks(items: list[Table | CodeBlock | Paragraph]) -> None:
        for block in items:
            if isinstance(block, Table):
                found.append(("tr", block.header.line, block.header.cells))
                found.extend(("tr", row.line, row.cells) for row in block.rows)
            elif isinstance(block, CodeBlock):
                found.append(("fence", block.line, block.info, block.text))

    blocks(document.orphans)
    for section in document.sections:
        found.append(("h2", section.line, section.heading))
        blocks(section.blocks)
        for sub in section.subsections:
            found.append(("h3", sub.line, sub.heading))
            blocks(sub.blocks)
    return sorted(found, key=lambda item: (item[1], str(item[0])))


def theirs(text: str) -> list[Item]:
    """The same from markdown-it's block tokens."""
    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("inline")
    tokens = parser.parse(text)
    found: list[Item] = []
    cells: list[str] = []
    line = 0
    for index, token in enumerate(tokens):
        start = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            if token.tag == "h1":
                found.append(("h1", start))
            else:
                level = "h2" if token.tag == "h2" else "h3"
                found.append((level, start, tokens[index + 1].content.strip()))
        elif token.type == "fence":
            found.append(("fence", start, token.info.strip(), token.content))
        elif token.type == "tr_open":
            cells, line = [], start
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            cells.append(token.content.strip())
        elif token.type == "tr_close":
            found.append(("tr", line, tuple(cells)))
    return sorted(found, key=lambda item: (item[1], str(item[0])))


ZOO_SAMPLE = 30
"""One zoo doc in this many is split (18,410 docs; the sample keeps the test short)."""


def _model_docs(corpus: Path) -> list[Path]:
    """The Speakeasy model docs of the corpus (below a ``models``/``Models`` folder), sorted;
    of the zoo, a fixed sample.  Hand-written markdown (``handwritten/``, READMEs) has its own
    reader and is not split by this splitter."""
    found = []
    for path in sorted(corpus.rglob("*.md")):
        relative = path.relative_to(corpus).parts
        if not {"models", "Models"} & set(relative[:-1]):
            continue
        found.append(path)
    zoo = [path for path in found if path.relative_to(corpus).parts[0] == "zoo"]
    rest = [path for path in found if path.relative_to(corpus).parts[0] != "zoo"]
    return rest + zoo[::ZOO_SAMPLE]


def test_every_corpus_doc_splits_as_markdown_it_does(corpus: Path, seed: Path) -> None:
    docs = _model_docs(corpus) + sorted(seed.rglob("*.md"))
    docs += sorted((Path(__file__).parent / "fixtures" / "markdown").rglob("*.md"))
    assert len(docs) > 2500
    differing = []
    for path in docs:
        text = path.read_text(encoding="utf-8")
        if ours(parse_document(text)) != theirs(text):
            differing.append(path.name)
    assert differing == []


TRICKY = [
    "# T\n\n## Fields\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\nnot a row\n",
    "# T\n\n## S\n\n```go\nx\n\n```\n| a | b |\n| - | - |\n",
    "# T\n\n## S\n\n  ```\nindented\n    more\n  ```\n",
    "# T\n\n## S\n\n````\n```\n````\n\n```\nnever closed\n",
    "# T\n\n## S\n\n| a \\| b | c |\n| --- | --- |\n| 1 \\| 2 | 3 | 4 |\n| x |\n",
    "# T\n\n## S\n\ntext\n| a | b |\n| - | - |\n",
    "#No heading\n## S #\n### \n#### deeper\n",
    "# T\r\n\r\n## S\r\n\r\n| a |\r\n| - |\r\n| 1 |",
    "a | b\n--|--\n1 | 2\n\n# T",
    "# T\n\n## S\n\n| a | b |\n| - |\n\n> quote\n| x | y |\n| - | - |\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_blocks_split_as_markdown_it_does(text: str) -> None:
    assert ours(parse_document(text)) == theirs(text)


def test_title_description_deprecation_and_lines() -> None:
    document = parse_document(
        "# ~~Sort~~\n\nDEPRECATED. Use `sortBy` instead.\n\n"
        "> :warning: **DEPRECATED**: This will be removed.\n\n\n## Values\n\n"
        "| Name | Value |\n| -- | -- |\n| `SortA` | a \\| b |"
    )
    assert (document.title, document.title_line, document.struck_title) == ("Sort", 1, True)
    assert document.deprecated is True
    assert document.description == "DEPRECATED. Use `sortBy` instead."
    assert document.line_count == 12
    [section] = document.sections
    assert (section.heading, section.line) == ("Values", 8)
    [table] = section.tables
    assert [(row.cells, row.line, row.raw_cell_count) for row in table.rows] == [
        (("`SortA`", "a | b"), 12, 2)
    ]


def test_paragraphs_are_kept_with_their_lines() -> None:
    document = parse_document("# T\n\n## Values\n\nNote line.\n\n- `a`\n- `b`\n")
    assert [(p.text, p.line) for p in document.sections[0].paragraphs] == [
        ("Note line.", 5),
        ("- `a`\n- `b`", 7),
    ]


def test_raw_cell_count_ignores_escaped_pipes() -> None:
    assert count_raw_cells("| a | b \\| c | d |") == 3
    assert count_raw_cells("a | b") == 2
    assert count_raw_cells("| a | b | c \\|") == 3
