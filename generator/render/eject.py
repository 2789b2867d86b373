"""Copy built-in templates into a custom folder to start a house style from them."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Sequence
from pathlib import Path

from generator.diagnostics import Problem, SpecloomError
from generator.display import display_path
from generator.ir import Location
from generator.render.catalog import builtin_names
from generator.render.environment import builtin_templates


def resolve_names(names: Sequence[str]) -> list[str]:
    """Built-in template names for ``names``: a template name, or a folder such as ``python``."""
    known = builtin_names()
    chosen: list[str] = []
    problems = []
    for name in names:
        prefix = name.rstrip("/") + "/"
        matches = [name] if name in known else [n for n in known if n.startswith(prefix)]
        if not matches:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
            hint = f"did you mean {', '.join(close)}?" if close else "see `specloom templates list`"
            problems.append(
                Problem(Location(name), f"no built-in template or folder of that name; {hint}")
            )
        chosen += [match for match in matches if match not in chosen]
    if problems:
        raise SpecloomError(problems)
    return chosen


def eject(names: Sequence[str], to: Path, force: bool = False) -> list[tuple[str, Path]]:
    """Copy the built-ins ``names`` stands for below ``to``; returns (name, copy) pairs.

    The copies keep their names, so ``--templates TO`` makes them override the
    built-ins.  An existing file is an error (nothing is copied) unless ``force``.
    """
    chosen = resolve_names(names)
    copies = [(name, to / name) for name in chosen]
    existing = [copy for _, copy in copies if copy.exists()]
    if existing and not force:
        raise SpecloomError(
            [
                Problem(Location(display_path(copy)), "exists; nothing was copied (use --force)")
                for copy in existing
            ]
        )
    source = builtin_templates()
    for name, copy in copies:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, copy)
    return copies
