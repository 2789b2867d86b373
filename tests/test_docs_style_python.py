"""Python enums listed as bullets (gen.yaml ``enumFormat: union``) are written back as bullets;
a tree that lists them in tables keeps its tables.  The docs are our own."""

from __future__ import annotations

from pathlib import Path

from generator.inputs.collect import read_inputs
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
