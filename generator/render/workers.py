"""Run independent jobs on two cores: this process and one forked worker share them.

The worker is a ``fork`` of this process, so it starts with every object the
jobs need (schema, templates) without copying or pickling them; only the
results travel back, pickled through a pipe.  Jobs are handed out in index
order from a pipe both processes read (small chunks, so neither waits for
the other while jobs remain); the results come back in index order, so the
outcome is the same as running the jobs one after the other.  Where ``fork``
is missing or unsafe, on one core, or for a few jobs, they simply run here.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Result = TypeVar("Result")

FORK_ALLOWED = True
"""Cleared by a process that runs threads of its own (watch mode's file watcher): no fork then."""
MIN_JOBS = 64
"""Fewer jobs than this run in this process alone (a fork is not worth it)."""
_TOKENS = 4096
"""At most this many chunks, so every 4-byte token fits in a pipe's buffer at once."""


def run_jobs(
    job: Callable[[int], Result],
    count: int,
    worker_state: Callable[[], Any] = lambda: None,
    min_jobs: int | None = None,
) -> tuple[list[Result], Any]:
    """``[job(0), ..., job(count - 1)]``, and ``worker_state()`` as the worker left it.

    ``job`` should report failures in its result rather than raise; an
    exception in the worker becomes a ``RuntimeError`` with its traceback.
    ``worker_state`` (something picklable, e.g. what templates the worker
    loaded) is called in the worker after its last job; it is ``None`` when
    every job ran here.  Fewer than ``min_jobs`` (default ``MIN_JOBS``) jobs all run here.
    """
    if count < max(MIN_JOBS if min_jobs is None else min_jobs, 2) or not can_fork():
        return [job(index) for index in range(count)], None
    chunk = -(-count // _TOKENS)
    queue_read, queue_write = os.pipe()
    os.write(queue_write, b"".join(start.to_bytes(4, "little") for start in range(0, count, chunk)))
    os.close(queue_write)
    result_read, result_write = os.pipe()
    gc.freeze()  # the worker's collections would otherwise touch, and so copy, every page
    try:
        try:
            pid = os.fork()
        except OSError:  # no process to be had: do it all here
            os.close(result_read)
            os.close(result_write)
            return [job(index) for index in range(count)], None
        if pid == 0:  # the worker
            os.close(result_read)
            _work_in_child(job, count, chunk, queue_read, result_write, worker_state)
        os.close(result_write)
        finished = False
        try:
            mine = _take_jobs(job, count, chunk, queue_read)
            with os.fdopen(result_read, "rb") as stream:
                outcome = pickle.load(stream)
            finished = True
        finally:
            if not finished:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        os.close(queue_read)
        gc.unfreeze()
    if outcome[0] != "ok":
        raise RuntimeError(f"the render worker failed:\n{outcome[1]}")
    theirs: dict[int, Result] = outcome[1]
    mine.update(theirs)
    return [mine[index] for index in range(count)], outcome[2]


def will_fork(count: int, min_jobs: int | None = None) -> bool:
    """Whether ``run_jobs`` of ``count`` jobs will share them with a worker."""
    return count >= max(MIN_JOBS if min_jobs is None else min_jobs, 2) and can_fork()


def can_fork() -> bool:
    """A worker can help: ``fork`` is safe here (one thread, not macOS) and a second core is free."""
    if (
        not FORK_ALLOWED
        or not hasattr(os, "fork")
        or sys.platform == "darwin"
        or threading.active_count() > 1
    ):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) > 1


def _take_jobs(
    job: Callable[[int], Result], count: int, chunk: int, queue: int
) -> dict[int, Result]:
    """Run chunks of jobs taken from the queue until it is empty."""
    done: dict[int, Result] = {}
    while token := os.read(queue, 4):
        start = int.from_bytes(token, "little")
        for index in range(start, min(count, start + chunk)):
            done[index] = job(index)
    return done


def _work_in_child(
    job: Callable[[int], Any],
    count: int,
    chunk: int,
    queue: int,
    results: int,
    worker_state: Callable[[], Any],
) -> None:
    """The worker: take jobs, send back ``("ok", results, state)`` or ``("failed", traceback)``."""
    code = 0
    try:
        outcome: Sequence[Any] = ("ok", _take_jobs(job, count, chunk, queue), worker_state())
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # reported to the parent, which raises it
        data = pickle.dumps(("failed", traceback.format_exc()))
    try:
        with os.fdopen(results, "wb") as stream:
            stream.write(data)
    except BaseException:  # the parent is gone: nothing to tell
        code = 1
    finally:
        os._exit(code)
