"""Python from custom templates is formatted in memory (black, ruff or none) before writing and
comparing; a formatter failure points at the template line that made the offending line."""

from __future__ import annotations

import shutil
from pathlib import Path

import black
import pytest

from generator.cli import main
from generator.render.formatting import Formatter

DOCS = Path(__file__).resolve().parent.parent / "spec" / "docs"

CARELESS = """
    def summary(self)->str:
        return   repr( self )
"""


def _eject(tmp_path: Path, addition: str) -> Path:
    house = tmp_path / "house"
    assert main(["templates", "eject", "python/model.py.jinja", "--to", str(house)]) == 0
    template = house / "python" / "model.py.jinja"
    template.write_text(template.read_text(encoding="utf-8") + addition, encoding="utf-8")
    return house


def _run(command: str, tmp_path: Path, house: Path, *extra: str) -> int:
    return main(
        [
            command,
            "--spec",
            str(DOCS),
            "--out",
            str(tmp_path / "out"),
            "--templates",
            str(house),
            "--target",
            "python",
            "--config",
            str(tmp_path / "pyproject.toml"),
            *extra,
        ]
    )


def _modules(tmp_path: Path) -> dict[str, str]:
    package = tmp_path / "out" / "python" / "models"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py"))}


def test_a_careless_custom_template_gives_black_clean_output_and_a_clean_check(
    tmp_path: Path,
) -> None:
    house = _eject(tmp_path, CARELESS)
    assert _run("generate", tmp_path, house) == 0
    modules = _modules(tmp_path)
    assert "    def summary(self) -> str:\n        return repr(self)\n" in modules["operations.py"]
    for name, text in modules.items():
        assert black.format_str(text, mode=black.Mode()) == text, name
    assert _run("check", tmp_path, house) == 0


def test_formatter_none_leaves_the_render_as_it_is(tmp_path: Path) -> None:
    house = _eject(tmp_path, CARELESS)
    assert _run("generate", tmp_path, house, "--formatter", "none") == 0
    assert "def summary(self)->str:" in _modules(tmp_path)["operations.py"]
    assert _run("check", tmp_path, house, "--formatter", "none") == 0
    # the formatted render differs from the unformatted file: that is drift
    assert _run("check", tmp_path, house, "--formatter", "black") == 1


def test_the_config_chooses_the_formatter_and_black_takes_its_options(tmp_path: Path) -> None:
    long_line = "\n    def names(self) -> list[str]:\n        return ['" + "a" * 70 + "', 'b']\n"
    house = _eject(tmp_path, long_line)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.specloom]\nformatter = "black"\n\n[tool.black]\nline-length = 120\n',
        encoding="utf-8",
    )
    assert _run("generate", tmp_path, house) == 0
    text = _modules(tmp_path)["operations.py"]
    assert '        return ["' + "a" * 70 + '", "b"]\n' in text  # fits in 120 columns
    (tmp_path / "pyproject.toml").write_text(
        '[tool.specloom]\nformatter = "none"\n', encoding="utf-8"
    )
    assert _run("generate", tmp_path, house) == 0
    assert "['" + "a" * 70 in _modules(tmp_path)["operations.py"]


def test_an_unknown_formatter_in_the_config_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.specloom]\nformatter = "yapf"\n', encoding="utf-8"
    )
    assert _run("generate", tmp_path, _eject(tmp_path, "")) == 2
    assert (
        "formatter 'yapf' is unknown; expected one of black, ruff, none" in capsys.readouterr().err
    )


def test_a_syntax_error_is_reported_at_the_template_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = _eject(tmp_path, "\n    def broken(self) -> str\n        return 'x'\n")
    template = house / "python" / "model.py.jinja"
    line = (
        template.read_text(encoding="utf-8").splitlines().index("    def broken(self) -> str") + 1
    )
    assert _run("generate", tmp_path, house) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{template}:{line}: the formatter cannot format"), err
    assert "python/models/operations.py" in err
    assert not (tmp_path / "out").exists()


def test_a_syntax_error_in_an_included_template_names_that_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = tmp_path / "house"
    (house / "python").mkdir(parents=True)
    (house / "python" / "extra.py.jinja").write_text("# extra\n\nx = (1,\n", encoding="utf-8")
    (house / "python" / "module.py.jinja").write_text(
        '{% include "builtin/python/module.py.jinja" %}\n{% include "python/extra.py.jinja" %}\n',
        encoding="utf-8",
    )
    assert _run("generate", tmp_path, house) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{house / 'python' / 'extra.py.jinja'}:3: "), err


def test_built_in_templates_are_not_reformatted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Formatter, text: str, path: str) -> str:
        raise AssertionError(f"formatted {path}")

    monkeypatch.setattr(Formatter, "format", refuse)
    house = tmp_path / "house"
    (house / "docs-go").mkdir(parents=True)
    (house / "docs-go" / "enum.md.jinja").write_text("custom {{ model.name.name }}\n")
    assert _run("generate", tmp_path, house, "--target", "docs-go") == 0


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_formats_on_standard_input(tmp_path: Path) -> None:
    house = _eject(tmp_path, CARELESS)
    assert _run("generate", tmp_path, house, "--formatter", "ruff") == 0
    assert (
        "    def summary(self) -> str:\n        return repr(self)\n"
        in (_modules(tmp_path)["operations.py"])
    )
    assert _run("check", tmp_path, house, "--formatter", "ruff") == 0


def test_a_module_whose_custom_parts_all_come_from_the_cache_is_still_formatted(
    tmp_path: Path,
) -> None:
    """An edit that re-renders only a built-in part of a module (an enum's description) while
    its model, rendered from the custom template, is a memoised fragment: the module is
    formatted all the same, byte for byte as a run without the cache formats it."""
    house = _eject(tmp_path, CARELESS)
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir()
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Link:\n      type: object\n      properties:\n        url: {type: string}\n"
        "    Colour:\n      type: string\n      description: A colour.\n      enum: [red, blue]\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text("[tool.specloom]\n", encoding="utf-8")

    def run(out: str, *extra: str) -> int:
        return main(
            [
                "generate",
                "--spec",
                str(spec.parent),
                "--out",
                str(tmp_path / out),
                "--templates",
                str(house),
                "--target",
                "python",
                "--config",
                str(tmp_path / "pyproject.toml"),
                *extra,
            ]
        )

    assert run("out") == 0
    spec.write_text(spec.read_text("utf-8").replace("A colour.", "The colour."), "utf-8")
    assert run("out") == 0
    assert run("fresh", "--no-cache") == 0
    written = (tmp_path / "out" / "python" / "models" / "components.py").read_text("utf-8")
    fresh = (tmp_path / "fresh" / "python" / "models" / "components.py").read_text("utf-8")
    assert "The colour." in written
    assert written == fresh
    assert black.format_str(written, mode=black.Mode()) == written
