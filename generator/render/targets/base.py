"""What a target is: a template folder plus a plan of which files to render from the IR."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.ir import Schema


@dataclass(frozen=True, slots=True)
class Options:
    """Output choices of a run; they never live in the IR."""

    package: str = "models"
    """Name of the generated Python package (``python`` target)."""
    go_style: str | None = None
    """Type style of ``docs-go`` (``old``: ``**string*``, ``new``: `` `*string` ``); ``None``: as read."""
    formats: str = "assert"
    """``assert``: validators check ``format`` (email, uuid, date-time...); ``annotate``: they
    treat it as an annotation only (``python`` target)."""


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file a target writes: its path below ``OUT/<target>/``, template and context."""

    path: str
    """POSIX path relative to the target's output folder."""
    template: str
    """Template name, e.g. ``python/module.py.jinja``."""
    context: Mapping[str, Any] = field(default_factory=dict)
    """Variables for this file, on top of ``schema`` and ``options`` which every template gets."""


@dataclass(frozen=True, slots=True)
class Target:
    """A registered output target."""

    name: str
    """Name used with ``--target`` and as the output folder (``OUT/<name>/``)."""
    description: str
    """One line for ``--help`` and the docs."""
    plan: Callable[[Schema, Options], list[OutputFile]]
    """Which files to render for a schema."""
    aliases: bool = False
    """The templates render ``AliasModel`` definitions; when ``False`` they get the schema with
    every alias seen through (``generator.ir.aliases.inline_aliases``)."""
