"""Helpers of the adversarial corpus: run the command line in-process, snapshot folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main

CASES = Path(__file__).resolve().parent / "cases"
"""The committed hostile inputs (small files); symbolic links are made by the tests."""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``specloom ARGS`` in-process: exit code, stdout, stderr (no config file read)."""
    default_config = args[0] in ("generate", "check") and "--config" not in args
    code = main([*args, "--config", os.devnull] if default_config else list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry below ``folder`` (links as ``-> target``, folders as ``/``), by relative path."""
    found: dict[str, bytes | str] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[key] = "/"
        else:
            found[key] = path.read_bytes()
    return found
