"""``specloom generate --watch``: regenerates on a spec, template or config change, prints what the
change did to the models, keeps watching after bad input, stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

SPEC = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Link:
      type: object
      required: [url]
      properties:
        url: {type: string}
"""

WAIT = 60.0
"""Seconds to wait for one event at most (a busy machine is slow; a passing run takes ~1 s)."""


def _ctrl_c_reaches_it() -> None:
    """In the child: SIGINT as on a terminal, even when this suite runs where it is ignored (a
    shell's background job inherits SIGINT ignored, and Python then installs no handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Watcher:
    """A ``generate --watch`` process and the lines it prints."""

    def __init__(self, folder: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "CI"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "generate", "--watch"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            preexec_fn=_ctrl_c_reaches_it,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> list[str]:
        """The lines up to the first one containing ``text``; fails after ``WAIT`` seconds."""
        deadline = time.monotonic() + WAIT
        got: list[str] = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        raise AssertionError(f"never printed {text!r}; printed:\n" + "\n".join(self.seen))

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.specloom]\nspec = ["spec"]\ntargets = ["python", "docs-go"]\nout = "out"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_watch_regenerates_reports_bad_input_and_stops_on_ctrl_c(project: Path) -> None:
    watcher = Watcher(project)
    try:
        # "watching" comes once the folders are watched: an edit from here on is seen
        first = watcher.wait_for("watching")
        assert any("files in out/" in line for line in first)
        doc = project / "out" / "docs-go" / "models" / "components" / "link.md"
        assert doc.is_file()

        spec = project / "spec" / "openapi.yaml"
        spec.write_text(SPEC + "        title: {type: string}\n", encoding="utf-8")
        change = watcher.wait_for("waiting for changes")
        assert any("field `title`: added (optional)" in line for line in change), change
        assert any("1 non-breaking change" in line for line in change), change
        assert "`Title`" in doc.read_text(encoding="utf-8")

        before = doc.read_bytes()
        spec.write_text(SPEC + "        title: [unclosed\n", encoding="utf-8")
        bad = watcher.wait_for("waiting for changes")
        assert any("openapi.yaml:" in line and "invalid YAML" in line for line in bad), bad
        assert any("nothing written" in line for line in bad), bad
        assert doc.read_bytes() == before

        house = project / "house" / "docs-go"
        house.mkdir(parents=True)
        (house / "object.md.jinja").write_text("# {{ model.name.name }}\n", encoding="utf-8")
        config = project / "pyproject.toml"
        config.write_text(
            config.read_text(encoding="utf-8") + 'templates = ["house"]\n', encoding="utf-8"
        )
        spec.write_text(SPEC, encoding="utf-8")
        deadline = time.monotonic() + WAIT
        while doc.read_text(encoding="utf-8") != "# Link\n" and time.monotonic() < deadline:
            watcher.wait_for("files in out/")
        assert doc.read_text(encoding="utf-8") == "# Link\n"
    finally:
        code = watcher.stop()
    assert code == 0
    rest = []
    while not watcher.lines.empty():
        rest.append(watcher.lines.get())
    assert "specloom: stopped watching" in watcher.seen + rest
    assert not any("Traceback" in line for line in watcher.seen + rest)
