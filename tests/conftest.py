"""Shared fixtures: project paths, the real-world corpus and the seed."""

from __future__ import annotations

import os
from importlib.metadata import entry_points
from pathlib import Path

import pytest

_PLUGIN = "generator.pytest_plugin"
# The snapshot plugin loads through its pytest11 entry point once specloom is installed;
# from a bare checkout (or with plugin autoloading off) load it here instead, never twice.
_PLUGIN_INSTALLED = not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD") and any(
    ep.value == _PLUGIN for ep in entry_points(group="pytest11")
)
pytest_plugins = ["pytester", *([] if _PLUGIN_INSTALLED else [_PLUGIN])]

PROJECT = Path(__file__).resolve().parent.parent
"""The project root."""
SHARED = PROJECT.parent / "shared"
"""Read-only data beside the project (seed and corpus)."""


@pytest.fixture(scope="session")
def project() -> Path:
    """The project root."""
    return PROJECT


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-world corpus: ``$SPECLOOM_CORPUS`` or ``../shared/corpus``; skips when absent."""
    path = Path(os.environ.get("SPECLOOM_CORPUS", SHARED / "corpus"))
    if not path.is_dir():
        pytest.skip(f"corpus folder {path} is absent (set SPECLOOM_CORPUS to its location)")
    return path


@pytest.fixture(scope="session")
def seed() -> Path:
    """The seed docs folder (``../shared/seed/docs``); skips when absent."""
    path = SHARED / "seed" / "docs"
    if not path.is_dir():
        pytest.skip(f"seed folder {path} is absent")
    return path
