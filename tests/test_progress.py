"""The progress bar: on stderr, for runs longer than the delay, only on a terminal, never in CI
logs or with ``--format json``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator import progress
from generator.cli import main

SPEC = Path(__file__).resolve().parent.parent / "spec"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """A terminal as stderr (set in the test: pytest's capture replaces stderr after fixtures)."""
    stream = Terminal()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    return stream


def _run(command: str, tmp_path: Path, *extra: str) -> int:
    return main(
        [
            command,
            "--spec",
            str(SPEC / "openapi.yaml"),
            "--out",
            str(tmp_path / "out"),
            "--target",
            "docs-go",
            "--no-cache",
            *extra,
        ]
    )


def test_a_long_run_on_a_terminal_shows_a_bar(
    terminal: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stderr", terminal)
    assert _run("generate", tmp_path) == 0
    text = terminal.getvalue()
    assert "specloom generate" in text and "file" in text, text
    assert "100%" in text or "/" in text


def test_a_short_run_shows_none(
    terminal: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress, "DELAY", 3600.0)
    assert _run("generate", tmp_path) == 0
    assert terminal.getvalue() == ""


def test_no_bar_in_ci_logs_off_a_terminal_or_with_json(
    terminal: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stderr", terminal)
    assert _run("generate", tmp_path) == 0
    assert terminal.getvalue() != ""
    terminal.truncate(0)
    terminal.seek(0)
    assert _run("check", tmp_path, "--format", "json") == 0
    assert terminal.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    assert _run("check", tmp_path) == 0
    assert terminal.getvalue() == ""
    monkeypatch.delenv("CI")
    monkeypatch.setattr(Terminal, "isatty", lambda self: False)
    assert _run("check", tmp_path) == 0
    assert terminal.getvalue() == ""


def test_wanted_follows_the_stream_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert progress.wanted(Terminal())
    assert not progress.wanted(io.StringIO())
    assert not progress.wanted(Terminal(), json_output=True)
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wanted(Terminal())
