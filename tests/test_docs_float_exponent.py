"""Float examples spelled as the tree spells them: Go's shortest ``%g`` (``float-exponent``)
or JavaScript's, read from the floats whose two spellings differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.inputs.collect import read_inputs
from generator.numbers import float_spellings_differ, go_float, json_number
from generator.render.filters.markdown import md_table
from generator.render.renderer import render
from generator.render.targets import Options

HEADER = ["Field", "Type", "Required", "Description", "Example"]


@pytest.mark.parametrize(
    ("value", "go", "javascript"),
    [
        (1705895805.4919229, "1.7058958054919229e+09", "1705895805.4919229"),
        (1e6, "1e+06", "1000000"),
        (1234567.5, "1.2345675e+06", "1234567.5"),
        (123456.7, "123456.7", "123456.7"),
        (-2.5e-7, "-2.5e-07", "-2.5e-7"),
        (1e-5, "1e-05", "1e-5"),
        (0.0001, "0.0001", "0.0001"),
        (1e21, "1e+21", "1e+21"),
        (1.5e300, "1.5e+300", "1.5e+300"),
        (100.0, "100", "100"),
        (0.0, "0", "0"),
    ],
)
def test_go_and_javascript_spell_floats(value: float, go: str, javascript: str) -> None:
    assert go_float(value) == go
    assert json_number(value) == javascript
    assert float_spellings_differ(value) is (go != javascript)


def _tree(tmp_path: Path, stamp: str, small: str) -> tuple[Path, str]:
    rows = [
        ["`progress`", "*T.nilable(::Float)*", ":heavy_minus_sign:", "N/A", "1.7999999523162842"],
        ["`time_stamp`", "*T.nilable(::Float)*", ":heavy_minus_sign:", "N/A", stamp],
        ["`ratio`", "*T.nilable(::Float)*", ":heavy_minus_sign:", "N/A", small],
        ["`size`", "*T.nilable(::Integer)*", ":heavy_minus_sign:", "N/A", "2000000"],
    ]
    text = "# Session\n\n\n## Fields\n\n" + md_table(HEADER, rows)
    folder = tmp_path / "docs" / "models" / "operations"
    folder.mkdir(parents=True)
    (folder / "session.md").write_text(text, encoding="utf-8")
    return tmp_path / "docs" / "models", text


@pytest.mark.parametrize(
    ("stamp", "small", "holds"),
    [("1.7058958054919229e+09", "2.5e-07", True), ("1705895805.4919229", "2.5e-7", False)],
)
def test_float_spelling_is_read_and_written_back(
    tmp_path: Path, stamp: str, small: str, holds: bool
) -> None:
    models, text = _tree(tmp_path, stamp, small)
    schema = read_inputs([models], flavor="ruby")
    (session,) = schema.definitions
    assert session.docs_flavor is not None
    assert ("float-exponent" in session.docs_flavor.facts) is holds
    files = render(schema, ["docs-ruby"], Options())
    assert files["docs-ruby/models/operations/session.md"] == text


def test_floats_that_cannot_tell_leave_the_default(tmp_path: Path) -> None:
    """Floats spelled alike both ways (and integers) are no evidence: the default stays."""
    models, text = _tree(tmp_path, "1705.5", "0.25")
    schema = read_inputs([models], flavor="ruby")
    (session,) = schema.definitions
    assert session.docs_flavor is not None and "float-exponent" not in session.docs_flavor.facts
    assert (
        render(schema, ["docs-ruby"], Options())["docs-ruby/models/operations/session.md"] == text
    )
