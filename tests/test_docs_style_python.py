"""Python enums listed as bullets (gen.yaml ``enumFormat: union``) are written back as bullets,
values holding backticks in longer code-span fences; a tree that lists them in tables keeps its
tables.  The docs are our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.inputs.collect import read_inputs
from generator.inputs.markdown.syntax import code_span_text
from generator.ir import EnumModel
from generator.render.filters.markdown import code_span
from generator.render.renderer import render
from generator.render.targets import Options

BULLETS = """# Size

How big it is.

## Example Usage

```python
from acme.models import Size
value: Size = "Small"
```


## Values

- `"Small"`
- `"Large"`
"""
TABLE = """# Size

How big it is.

## Example Usage

```python
from acme.models import Size
value: Size = "Small"
```


## Values

| Name    | Value   |
| ------- | ------- |
| `SMALL` | Small   |
| `LARGE` | Large   |"""


def _round_trip(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "docs" / "models"
    folder.mkdir(parents=True)
    (folder / "size.md").write_text(text, encoding="utf-8")
    schema = read_inputs([folder], flavor="python")
    return render(schema, ["docs-python"], Options())["docs-python/models/size.md"]


def test_bullets_come_back_as_bullets(tmp_path: Path) -> None:
    assert _round_trip(tmp_path, BULLETS) == BULLETS


def test_a_table_comes_back_as_a_table(tmp_path: Path) -> None:
    assert _round_trip(tmp_path, TABLE) == TABLE


BACKTICKS = BULLETS.replace(
    '- `"Large"`\n', '- `` "a`b" ``\n- ``` "``" ```\n- `` "`" ``\n- `" padded "`\n'
)
"""Values holding backticks are fenced by a longer run of backticks (CommonMark code spans)."""


def test_values_with_backticks_are_fenced_and_read_back(tmp_path: Path) -> None:
    assert _round_trip(tmp_path, BACKTICKS) == BACKTICKS
    schema = read_inputs([tmp_path / "docs" / "models"], flavor="python")
    (size,) = schema.definitions
    assert isinstance(size, EnumModel)
    assert [v.value for v in size.values] == ["Small", "a`b", "``", "`", " padded "]


@pytest.mark.parametrize(
    "text", ["x", "a`b", "``", "`", "a``b`", " ", "  ", " x ", " `", "` ", '"a```b"']
)
def test_a_code_span_reads_back_as_its_text(text: str) -> None:
    span = code_span(text)
    assert code_span_text(span) == text
    runs = [len(run) for run in re.findall("`+", text)]
    assert len(span) - len(span.lstrip("`")) == max(runs, default=0) + 1


@pytest.mark.parametrize("span", ["`a`b`", "``a`", "`a``", "x", "``a``b``", "`"])
def test_text_that_is_not_one_code_span_is_refused(span: str) -> None:
    assert code_span_text(span) is None
