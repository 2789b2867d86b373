"""The progress bar: on stderr, for runs longer than the delay, only on a terminal, never in CI
logs or with ``--format json``."""

from __future__ import annotations

import io
import os
import re
import sys
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


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _frames(text: str, label: str) -> list[str]:
    """The bar's states as drawn, in order (each redraw starts with a carriage return)."""
    frames = [part.strip() for part in re.split(r"[\r\n]", text)]
    return [frame for frame in frames if frame.startswith(label)]


def _phases(frames: list[str], label: str) -> list[str]:
    """The phase of each frame, repeats dropped."""
    phases: list[str] = []
    for frame in frames:
        name = frame[len(label) + 2 :].split(":")[0].split(" [")[0]
        if not phases or phases[-1] != name:
            phases.append(name)
    return phases


def test_the_phases_and_counts_are_drawn_in_order_once_past_the_delay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress, "DELAY", 1.0)
    clock = Clock()
    stream = Terminal()
    bar = progress.Progress(True, "run", stream, clock, interval=0)
    bar.phase("reading a.yaml")
    bar.tick()
    assert stream.getvalue() == ""  # not past the delay yet
    clock.now = 1.5
    bar.tick()
    bar.phase("preparing")
    bar.start(3)
    bar.advance_to(1)
    bar.advance_to(1)
    bar.advance_to(3)
    bar.advance_to(7)  # more than the files: held at the total
    bar.writing(3)
    bar.close()
    frames = _frames(stream.getvalue(), "run")
    assert _phases(frames, "run") == ["reading a.yaml", "preparing", "rendering", "writing 3 files"]
    counts = [m.group(1) for f in frames if (m := re.search(r"(\d+/\d+)", f))]
    assert counts[0] == "0/3" and counts[-1] == "3/3", counts
    assert "1/3" in counts and "7/3" not in counts and "7/7" not in counts
    assert counts == sorted(counts), counts
    assert "reading a.yaml [00:01]" in stream.getvalue()  # the run's time, not the bar's


def test_a_run_shorter_than_the_delay_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 1.0)
    stream = Terminal()
    bar = progress.Progress(True, "run", stream, Clock(), interval=0)
    bar.phase("reading a.yaml")
    bar.start(3)
    bar.advance_to(3)
    bar.writing(3)
    bar.close()
    assert stream.getvalue() == ""


def test_a_disabled_bar_starts_no_thread_and_imports_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    bar = progress.Progress(False, "run", Terminal())
    bar.phase("reading a.yaml")
    assert bar._ticker is None
    bar.start(2)
    bar.advance(2)
    bar.writing(2)
    bar.close()
    assert bar._bar is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_shared_count_adds_what_a_fork_counts() -> None:
    count = progress.SharedCount()
    count.add(2)
    pid = os.fork()
    if pid == 0:  # the fork
        for _ in range(5):
            count.add()
        os._exit(0)
    os.waitpid(pid, 0)
    count.add()
    assert count.value == 8


_UNDER_A_TERMINAL = """
import sys
from generator import progress
progress.DELAY = 0.0
progress.INTERVAL = 0.0
from generator.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")
def test_a_run_on_a_terminal_shows_the_read_then_every_file_rendered(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    spec = tmp_path / "many.yaml"  # enough files to be shared with the render worker
    models = "".join(
        f"    Model{n}:\n      type: object\n      properties:\n        id: {{type: string}}\n"
        for n in range(200)
    )
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
        f"components:\n  schemas:\n{models}",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "TERM")}
    argv = [sys.executable, "-c", _UNDER_A_TERMINAL, "generate", "--spec", str(spec), "--out"]
    argv += [str(tmp_path / "out"), "--target", "docs-go", "--no-cache"]
    pid, fd = pty.fork()
    if pid == 0:  # the run, on the terminal
        # 100 columns, rows unknown (0), as `script` leaves a terminal: the bar must still show
        fcntl.ioctl(2, termios.TIOCSWINSZ, struct.pack("HHHH", 0, 100, 0, 0))
        os.execve(sys.executable, argv, env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the run closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    files = int(re.search(r"specloom: (\d+) files in", text).group(1))  # type: ignore[union-attr]
    frames = _frames(text, "specloom generate")
    phases = _phases(frames, "specloom generate")
    assert phases[0] == "reading many.yaml" and phases[-1] == f"writing {files} files", phases
    assert "rendering" in phases
    rendered = [
        int(m.group(1)) for f in frames if "rendering" in f and (m := re.search(r"(\d+)/(\d+)", f))
    ]
    assert max(rendered) == files, (rendered[-5:], files)  # the worker's files counted too
