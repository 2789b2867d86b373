"""A progress bar on stderr (tqdm) for runs longer than about a second, on a terminal only.

Never in a CI log (``CI`` set), with ``TERM=dumb``, when stderr is not a
terminal, or with ``--format json``.  The bar is drawn from the calls the
run makes (no thread: the render worker is a ``fork``, which threads would
make unsafe), so it appears at the first file done after the delay.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

DELAY = 1.0
"""Seconds a run goes without a bar (short runs never show one)."""


def wanted(stream: TextIO, json_output: bool = False) -> bool:
    """Whether a bar belongs on ``stream``: a terminal, not CI, not JSON output."""
    if json_output or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Counts the files of a run and draws a bar once the run is longer than ``DELAY``."""

    def __init__(
        self, enabled: bool, label: str = "specloom", stream: TextIO | None = None
    ) -> None:
        self.enabled = enabled
        """Whether a bar may be drawn at all."""
        self._label = label
        self._stream = stream
        self._started = time.monotonic()
        self._total = 0
        self._done = 0
        self._bar: Any = None

    def start(self, total: int) -> None:
        """``total`` files are to be made."""
        self._total = total
        self._done = 0

    def advance(self, count: int = 1) -> None:
        """``count`` more files are done."""
        if not self.enabled:
            return
        self._done += count
        if self._bar is None:
            if time.monotonic() - self._started < DELAY:
                return
            import tqdm  # type: ignore[import-untyped, unused-ignore]

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: the render worker is a fork
            self._bar = tqdm.tqdm(
                total=self._total or None,
                initial=min(self._done, self._total or self._done),
                desc=self._label,
                unit="file",
                file=self._stream or sys.stderr,
                leave=False,
                dynamic_ncols=True,
            )
        else:
            self._bar.update(
                min(count, max(self._total - self._bar.n, 0)) if self._total else count
            )

    def close(self) -> None:
        """Remove the bar (the run's own output follows)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
