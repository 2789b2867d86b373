"""A progress bar on stderr (tqdm) for runs longer than about a second, on a terminal only.

Never in a CI log (``CI`` set), with ``TERM=dumb``, when stderr is not a
terminal, or with ``--format json``.  A run goes through phases: a named
phase without a count (``reading spec.yaml``, with the time it has taken,
redrawn by a small thread), then the render (files done on either core:
both add to a ``SharedCount``, and whichever finishes a file redraws the
bar, so it moves while the other core is busy with a long file), then the
write.  The thread
runs only before the render starts and is joined there, so the render
worker (a ``fork``) is never made while it runs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

DELAY = 1.0
"""Seconds a run goes without a bar (short runs never show one)."""
TICK = 0.2
"""Seconds between redraws of a phase without a count."""
INTERVAL = 0.1
"""Seconds at least between redraws of the count (``Progress`` takes another)."""


def wanted(stream: TextIO, json_output: bool = False) -> bool:
    """Whether a bar belongs on ``stream``: a terminal, not CI, not JSON output."""
    if json_output or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class SharedCount:
    """A count that this process and one fork of it add to (anonymous shared memory).

    Each process writes only its own slot, so no update is lost; ``value`` is their sum.
    """

    def __init__(self) -> None:
        import mmap

        self._memory = mmap.mmap(-1, 16)
        self._owner = os.getpid()

    def add(self, count: int = 1) -> None:
        """``count`` more done by the calling process."""
        start = 0 if os.getpid() == self._owner else 8
        value = int.from_bytes(self._memory[start : start + 8], "little") + count
        self._memory[start : start + 8] = value.to_bytes(8, "little")

    @property
    def value(self) -> int:
        """What both processes have added so far."""
        memory = self._memory
        return int.from_bytes(memory[0:8], "little") + int.from_bytes(memory[8:16], "little")


class Progress:
    """The phases and file counts of a run, drawn as a bar once the run is longer than ``DELAY``."""

    def __init__(
        self,
        enabled: bool,
        label: str = "specloom",
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        interval: float | None = None,
    ) -> None:
        self.enabled = enabled
        """Whether a bar may be drawn at all."""
        self._label = label
        self._stream = stream
        self._clock = clock
        self._interval = INTERVAL if interval is None else interval
        self._started = clock()
        self._phase = ""
        self._total = 0
        self._done = 0
        self._bar: Any = None
        self._ticker: Any = None
        self._stop: Any = None
        self._lock: Any = None

    # -- phases -----------------------------------------------------------------

    def phase(self, name: str) -> None:
        """A phase without a count begins (``reading spec.yaml``); redrawn until ``start``."""
        if not self.enabled:
            return
        self._phase = name
        self.tick()
        if self._ticker is None:
            import threading

            self._lock = self._lock or threading.Lock()
            self._stop = threading.Event()
            self._ticker = threading.Thread(target=self._tick_until_stopped, daemon=True)
            self._ticker.start()

    def start(self, total: int) -> None:
        """The render begins: ``total`` files are to be made (stops the phase's redraws)."""
        self._stop_ticker()
        self._total = total
        self._done = 0
        if not self.enabled:
            return
        self._phase = "rendering"
        if self._bar is not None:
            self._bar.bar_format = None
            self._bar.set_description_str(self._description(), refresh=False)
            started = self._bar.start_t
            self._bar.reset(total=total or None)
            self._bar.start_t = started
            self._bar.refresh()

    def advance(self, count: int = 1) -> None:
        """``count`` more files are done."""
        self.advance_to(self._done + count)

    def advance_to(self, done: int) -> None:
        """``done`` files are done in all (on either core)."""
        if not self.enabled:
            return
        done = min(done, self._total) if self._total else done
        if done <= self._done and self._bar is not None:
            return
        step = done - self._done
        self._done = done
        if self._bar is None:
            self._draw()
        elif step:
            self._bar.update(step)

    def writing(self, count: int) -> None:
        """The render is done; ``count`` files are being written."""
        if not self.enabled:
            return
        self._phase = f"writing {count} files"
        self._done = self._total
        self._draw(force=True)

    def interrupt(self) -> None:
        """Take the bar off (something is printed); the next phase draws a new one."""
        self._stop_ticker()
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def close(self) -> None:
        """Remove the bar (the run's own output follows)."""
        self.interrupt()

    # -- drawing ----------------------------------------------------------------

    def tick(self) -> None:
        """Draw the current phase (with the time it has taken) if the run is past ``DELAY``."""
        if self._lock is None:
            self._draw(force=True)
            return
        with self._lock:
            self._draw(force=True)

    def _tick_until_stopped(self) -> None:
        wait = max(DELAY - (self._clock() - self._started), 0.0)
        while not self._stop.wait(wait):
            self.tick()
            wait = TICK

    def _stop_ticker(self) -> None:
        if self._ticker is not None:
            self._stop.set()
            self._ticker.join()
            self._ticker = None

    def _description(self) -> str:
        return f"{self._label}: {self._phase}" if self._phase else self._label

    def _draw(self, force: bool = False) -> None:
        if self._bar is None:
            if self._clock() - self._started < DELAY:
                return
            import tqdm  # type: ignore[import-untyped, unused-ignore]

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: the render worker is a fork
            counted = bool(self._total)
            self._bar = tqdm.tqdm(
                total=self._total or None,
                initial=self._done,
                desc=self._description(),
                unit="file",
                file=self._stream or sys.stderr,
                leave=False,
                dynamic_ncols=True,
                mininterval=self._interval,
                miniters=1,  # the time alone spaces the redraws (steps differ: two cores count)
                bar_format=None if counted else "{desc} [{elapsed}]",
            )
            shape = self._bar.dynamic_ncols
            if shape:  # a terminal reporting 0 rows or columns (``script``) would hide the bar
                self._bar.dynamic_ncols = lambda stream: _known(*shape(stream))
                self._bar.ncols, self._bar.nrows = self._bar.dynamic_ncols(self._bar.fp)
            self._bar.start_t -= self._clock() - self._started  # the run's time, not the bar's
            self._bar.refresh()
            return
        bar = self._bar
        bar.n = self._done
        bar.set_description_str(self._description(), refresh=False)
        if force:
            bar.refresh()


def _known(columns: int | None, rows: int | None) -> tuple[int | None, int | None]:
    """A terminal's size as tqdm takes it, with a size of 0 (or less) as unknown."""
    return (columns if columns and columns > 0 else None, rows if rows and rows > 0 else None)
