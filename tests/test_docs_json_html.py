"""JSON examples with ``&``, ``<``, ``>`` spelled as the tree spells them: Go's ``json.Marshal``
escapes (``json-html-escaped``: ``\\u0026``) or the characters as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.go_json import escape_html, has_html_chars, shows_html_escapes
from generator.inputs.collect import read_inputs
from generator.render.filters.markdown import md_table
from generator.render.renderer import render
from generator.render.targets import Options

HEADER = ["Field", "Type", "Required", "Description", "Example"]


def test_only_the_three_characters_are_escaped() -> None:
    assert escape_html('{"q":"a&b","t":"<i>"}') == '{"q":"a\\u0026b","t":"\\u003ci\\u003e"}'
    assert has_html_chars({"k": ["x", {"a>b": 1}]}) and not has_html_chars({"k": ["x", 1]})
    assert shows_html_escapes("a\\u003cb") and not shows_html_escapes("a<b \\u00e9")


def _tree(tmp_path: Path, link: str, plain: str) -> tuple[Path, str]:
    rows = [
        ["`link`", "Dict[str, *Any*]", ":heavy_minus_sign:", "N/A", link],
        ["`tags`", "List[*str*]", ":heavy_minus_sign:", "N/A", '["a","b"]'],
        ["`title`", "*Optional[str]*", ":heavy_minus_sign:", "N/A", plain],
    ]
    text = "# Page\n\n\n## Fields\n\n" + md_table(HEADER, rows)
    folder = tmp_path / "docs" / "models" / "components"
    folder.mkdir(parents=True)
    (folder / "page.md").write_text(text, encoding="utf-8")
    return tmp_path / "docs" / "models", text


@pytest.mark.parametrize(
    ("link", "holds"),
    [
        ('{"key":"/all?type=15\\u0026sort=desc","tag":"\\u003cb\\u003e"}', True),
        ('{"key":"/all?type=15&sort=desc","tag":"<b>"}', False),
    ],
)
def test_escaping_is_read_and_written_back(tmp_path: Path, link: str, holds: bool) -> None:
    models, text = _tree(tmp_path, link, "Tom & Jerry")
    schema = read_inputs([models], flavor="python")
    (page,) = schema.definitions
    assert page.docs_flavor is not None
    assert ("json-html-escaped" in page.docs_flavor.facts) is holds
    files = render(schema, ["docs-python"], Options())
    assert files["docs-python/models/components/page.md"] == text


def test_examples_without_the_characters_leave_the_default(tmp_path: Path) -> None:
    """Containers whose strings hold none of ``&<>`` are no evidence; plain strings never are."""
    models, text = _tree(tmp_path, '{"key":"/all"}', "Tom & Jerry")
    schema = read_inputs([models], flavor="python")
    (page,) = schema.definitions
    assert page.docs_flavor is not None and "json-html-escaped" not in page.docs_flavor.facts
    assert render(schema, ["docs-python"], Options())["docs-python/models/components/page.md"] == text
