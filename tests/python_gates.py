"""The quality gates generated Python must pass: black-stable, ruff-clean, ``mypy --strict``-clean.

Shared by the tests of the ``python`` and ``pydantic`` targets; each gate runs in the folder
that holds the generated package, as a user would run it there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RUFF_WIDE = ("--select", "E,F,W,I,B,UP,SIM", "--ignore", "E501")
"""A wider ruff rule set than its defaults; line length is black's business (it keeps long
words whole)."""


def tool(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m <args>`` run in ``folder``."""
    return subprocess.run([sys.executable, "-m", *args], cwd=folder, capture_output=True, text=True)


def gate_commands(package: str = "models") -> list[list[str]]:
    """black --check, ruff (its defaults, then ``RUFF_WIDE``) and mypy --strict over ``package``."""
    ruff = ["ruff", "check", "--no-cache", "--isolated"]
    return [
        ["black", "--check", "--diff", "."],
        [*ruff, "."],
        [*ruff, *RUFF_WIDE, "."],
        ["mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "-p", package],
    ]


def gate_failures(folder: Path, package: str = "models") -> list[str]:
    """What each failing gate said over the package ``package`` in ``folder``; empty when all pass."""
    failures = []
    for command in gate_commands(package):
        result = tool(folder, *command)
        if result.returncode != 0:
            failures.append(f"{' '.join(command)}:\n{result.stdout[-3000:]}{result.stderr[-1000:]}")
    return failures
