"""The unchanged run's front door (``generator.commands.unchanged``): it reads a command line the way
argparse does or not at all, it answers a hit without building the command line or parsing TOML,
and the config memo it keeps never outlives a change of the config."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

import generator
from generator.cache.store import CACHE_DIR
from generator.cli import build_parser, main
from generator.commands.unchanged import APPEND, FLAG, OPTIONS, VALUE, read_arguments
from generator.config import TABLE_MEMO
from generator.sealed import unseal

SPEC = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Tag:
      type: object
      description: A tag.
      properties:
        label: {type: string, description: The label.}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.specloom]\nspec = ["spec"]\nout = "out"\ntargets = ["python"]\n',
        encoding="utf-8",
    )
    return tmp_path


def _config(project: Path) -> list[str]:
    return ["--config", str(project / "pyproject.toml")]


def _subparser(command: str) -> argparse.ArgumentParser:
    parser = build_parser(command)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    raise AssertionError(f"no {command} parser")


@pytest.mark.parametrize("command", ["check", "generate"])
def test_the_table_is_the_commands_parser(command: str) -> None:
    expected = {}
    for action in _subparser(command)._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._StoreTrueAction):
            kind = FLAG
        elif isinstance(action, argparse._AppendAction):
            kind = APPEND
        else:
            assert type(action) is argparse._StoreAction, action
            kind = VALUE
        choices = tuple(action.choices) if action.choices is not None else None
        for option in action.option_strings:
            if option.startswith("--"):
                expected[option] = (action.dest, kind, action.type is Path, choices)
    assert OPTIONS[command] == expected


LINES = [
    [],
    [
        "--spec",
        "a.yaml",
        "--spec=b",
        "--out",
        "o",
        "--target",
        "python",
        "--target=docs-go",
    ],
    ["--out", "first", "--out", "second", "--strict", "--no-cache"],
    [
        "--naming",
        "speakeasy-2025",
        "--go-style=new",
        "--formatter",
        "none",
        "--formats",
        "annotate",
    ],
    [
        "--templates",
        "t1",
        "--templates",
        "t2",
        "--config",
        "x.toml",
        "--allow-ref-outside",
    ],
    ["--package", "pkg", "--flavor", "go"],
]
"""Command lines the front door reads: it must read them exactly as argparse does."""
DECLINED = [
    ["--sp", "a.yaml"],  # an abbreviation argparse accepts
    ["-h"],
    ["--help"],
    ["--out"],  # a value missing
    ["--out", "-o"],  # a value that looks like an option
    ["--out="],
    ["--strict=yes"],
    ["--formatter", "yapf"],  # a choice argparse refuses
    ["--naming=unknown"],
    ["positional"],
    ["--", "--out", "x"],
    ["--unknown", "x"],
]


@pytest.mark.parametrize("command", ["check", "generate"])
@pytest.mark.parametrize("line", LINES)
def test_a_plain_command_line_is_read_as_argparse_reads_it(
    command: str, line: list[str]
) -> None:
    ours = read_arguments(command, line)
    assert ours is not None
    theirs = vars(build_parser(command).parse_args([command, *line]))
    assert {key: theirs[key] for key in vars(ours)} == vars(ours)
    assert set(theirs) - set(vars(ours)) == {"command", "run"}


@pytest.mark.parametrize("line", DECLINED)
def test_anything_else_is_left_to_argparse(line: list[str]) -> None:
    assert read_arguments("check", line) is None
    assert read_arguments("diff", []) is None


def _imported_by(command: list[str], project: Path) -> tuple[str, list[str]]:
    """The last output line and which of argparse/tomllib a run in a fresh process imports."""
    code = (
        "import sys\nfrom generator.cli import main\n"
        f"code = main({command!r})\n"
        "print(code, *sorted(n for n in ('argparse', 'tomllib') if n in sys.modules))\n"
    )
    # the child imports the very package this process runs (a source checkout shadows an
    # installed copy here, not in the child's working folder), so both key the cache alike
    package_root = str(Path(generator.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": package_root}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=project,
        check=True,
        env=env,
    )
    words = result.stdout.splitlines()[-1].split()
    return result.stdout, words


@pytest.mark.parametrize("command", ["check", "generate"])
def test_a_hit_builds_no_command_line_and_parses_no_toml(
    project: Path, command: str
) -> None:
    assert main(["generate", *_config(project)]) == 0
    line = [command, *_config(project)]
    _imported_by(line, project)  # the first hit remembers the config's table
    output, words = _imported_by(line, project)
    assert words == ["0"], output
    assert "0 changed" in output or "is up to date" in output
    # a miss (the spec edited) runs the full command line
    (project / "spec" / "openapi.yaml").write_text(
        SPEC.replace("The label", "A label"), "utf-8"
    )
    output, words = _imported_by(line, project)
    assert "argparse" in words, output


def test_the_config_memo_follows_the_config(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", *_config(project)]) == 0
    assert main(["check", *_config(project)]) == 0
    memo = project / CACHE_DIR / TABLE_MEMO
    assert unseal(memo.read_bytes())["table"]["targets"] == ["python"]
    capsys.readouterr()
    # another target in the config: the memo is not taken for it, and check sees the drift
    config = project / "pyproject.toml"
    config.write_text(
        config.read_text("utf-8").replace('["python"]', '["python", "docs-go"]')
    )
    assert main(["check", *_config(project)]) == 1
    assert "docs-go/" in capsys.readouterr().out
    assert main(["generate", *_config(project)]) == 0
    assert main(["check", *_config(project)]) == 0
    assert unseal(memo.read_bytes())["table"]["targets"] == [
        "python",
        "docs-go",
    ]


def test_a_memo_is_never_written_for_a_table_json_cannot_hold(project: Path) -> None:
    from generator.config import load_settings

    (project / CACHE_DIR).mkdir()
    config = project / "pyproject.toml"
    config.write_text('[tool.specloom]\nout = "out"\n', encoding="utf-8")
    load_settings(config, project / CACHE_DIR)
    assert (project / CACHE_DIR / TABLE_MEMO).is_file()
    config.write_text(
        '[tool.specloom]\nout = "out"\nflavor = 1979-05-27\n', encoding="utf-8"
    )
    with pytest.raises(Exception, match="flavor"):
        load_settings(config, project / CACHE_DIR)
    memo = unseal((project / CACHE_DIR / TABLE_MEMO).read_bytes())
    assert (
        "flavor" not in memo["table"]
    )  # the old table stays, under the old bytes' digest
