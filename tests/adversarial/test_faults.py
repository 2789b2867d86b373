"""All or nothing under faults: a full disk, a refused rename, a run killed at any step,
two runs at once.  The out folder ends exactly as before or as after, with nothing left behind."""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

import pytest

from adversarial.helpers import tree
from generator.diagnostics import SpecloomError
from generator.output import tree as tree_module
from generator.output import writer
from generator.output.tree import locked, open_tree
from generator.output.writer import recover, write_output

BEFORE = {
    "python/models/__init__.py": "",
    "python/models/components.py": "X = 1\n",
    "docs-go/models/components/mode.md": "# Mode\n",
    "docs-go/models/old/gone.md": "# Gone\n",
}
AFTER = {
    "python/models/__init__.py": "",
    "python/models/components.py": "X = 2\n",
    "docs-go/models/components/mode.md": "# Mode, changed\n",
    "docs-go/models/new/fresh.md": "# Fresh\n",
    "pydantic/models/__init__.py": "y = 1\n",
}


@pytest.fixture()
def states(tmp_path: Path) -> tuple[Path, dict[str, bytes | str], dict[str, bytes | str]]:
    """An out folder holding BEFORE, and what it holds before and after writing AFTER."""
    scratch = tmp_path / "scratch"
    write_output(scratch, BEFORE)
    before = tree(scratch)
    write_output(scratch, AFTER)
    after = tree(scratch)
    out = tmp_path / "out"
    write_output(out, BEFORE)
    assert tree(out) == before
    return out, before, after


def test_a_full_disk_names_the_path_and_leaves_the_folder_as_before(
    monkeypatch: pytest.MonkeyPatch, states: tuple[Path, dict, dict]
) -> None:
    out, before, _ = states
    real = os.write
    calls = []

    def full(descriptor: int, data: object) -> int:
        calls.append(descriptor)
        if len(calls) >= 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(descriptor, data)  # type: ignore[arg-type]

    monkeypatch.setattr(tree_module.os, "write", full)
    with pytest.raises(SpecloomError) as raised:
        write_output(out, AFTER)
    message = str(raised.value)
    assert "No space left on device" in message and f"{out}/" in message
    assert "nothing was written" in message
    monkeypatch.undo()
    assert tree(out) == before  # no stage, no temporary, no empty folder


@pytest.mark.parametrize("failing_call", [1, 2, 3, 4, 5, 6])
def test_a_refused_move_rolls_every_move_back(
    monkeypatch: pytest.MonkeyPatch, states: tuple[Path, dict, dict], failing_call: int
) -> None:
    out, before, _ = states
    real = os.rename
    calls = []

    def refusing(*args: object, **kwargs: object) -> None:
        calls.append(args)
        if len(calls) == failing_call + 1:  # the first rename commits the journal
            raise PermissionError(errno.EACCES, "Permission denied")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(writer.os, "rename", refusing)
    with pytest.raises(SpecloomError, match="Permission denied"):
        write_output(out, AFTER)
    monkeypatch.undo()
    assert tree(out) == before


def _killed_run(out: Path, steps: int) -> int:
    """Fork a child that writes AFTER and dies (``os._exit``, no clean-up) at system call ``steps``."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        count = [0]
        real_rename, real_write, real_mkdir = os.rename, os.write, os.mkdir

        def step() -> None:
            count[0] += 1
            if count[0] == steps:
                os._exit(9)

        def rename(*args: object, **kwargs: object) -> None:
            step()
            real_rename(*args, **kwargs)  # type: ignore[arg-type]
            step()

        def write(descriptor: int, data: object) -> int:
            step()
            return real_write(descriptor, data)  # type: ignore[arg-type]

        def mkdir(*args: object, **kwargs: object) -> None:
            step()
            real_mkdir(*args, **kwargs)  # type: ignore[arg-type]

        os.rename, os.write, os.mkdir = rename, write, mkdir  # type: ignore[assignment]
        try:
            write_output(out, AFTER)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_a_run_killed_at_any_step_is_finished_or_undone_by_the_next(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    out, before, after = states
    outcomes = set()
    steps = 1
    while True:
        code = _killed_run(out, steps)
        assert code in (0, 9)
        recover(out)
        state = tree(out)
        assert state in (before, after), f"killed at step {steps}: {sorted(state)}"
        outcomes.add("after" if state == after else "before")
        if code == 0:  # the run got through every step
            assert state == after
            break
        write_output(out, BEFORE)  # back to the start for the next step
        assert tree(out) == before
        steps += 1
        assert steps < 500
    assert outcomes == {"before", "after"} and steps > 20


def test_a_second_run_waits_for_the_lock(states: tuple[Path, dict, dict]) -> None:
    out, _, after = states
    done = threading.Event()

    def second() -> None:
        write_output(out, AFTER)
        done.set()

    with open_tree(out) as held, locked(held):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        assert not done.is_set()  # waiting, nothing mixed in
    thread.join(10)
    assert done.is_set() and tree(out) == after
