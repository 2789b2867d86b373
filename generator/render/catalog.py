"""Which templates exist, which file serves each name, and custom files that serve nothing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.meta

from generator.diagnostics import Problem
from generator.display import display_path
from generator.ir import Location
from generator.render.environment import builtin_templates


def template_names(folder: Path) -> list[str]:
    """Every file below ``folder`` as a template name (POSIX path), hidden files skipped, sorted."""
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts)
    )


def builtin_names() -> list[str]:
    """Names of all built-in templates, e.g. ``python/model.py.jinja``."""
    return template_names(builtin_templates())


@dataclass(frozen=True, slots=True)
class Entry:
    """One template name and the file that serves it."""

    name: str
    """Template name, as templates refer to it."""
    path: Path
    """The file that serves it: the first custom folder that has it, else the built-in."""
    custom: bool
    """Served from a custom folder."""
    overrides: bool
    """A built-in of this name exists (so the custom file replaces it)."""


def catalog(custom: Sequence[Path], prefix: str = "") -> list[Entry]:
    """Every template name (built-in or custom) starting with ``prefix``, with its serving file."""
    builtin = set(builtin_names())
    names = set(builtin)
    for folder in custom:
        names.update(template_names(folder))
    entries = []
    for name in sorted(n for n in names if n.startswith(prefix)):
        serving = next((f for f in custom if (f / name).is_file()), None)
        path = (serving if serving is not None else builtin_templates()) / name
        entries.append(
            Entry(name, path, serving is not None, serving is not None and name in builtin)
        )
    return entries


def referenced_templates(env: jinja2.Environment, folders: Iterable[Path]) -> set[str]:
    """Names every template in ``folders`` includes, imports or extends (literal names only)."""
    found: set[str] = set()
    for folder in folders:
        for name in template_names(folder):
            try:
                source = (folder / name).read_text(encoding="utf-8")
                tree = env.parse(source)
            except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
                continue  # rendering reports broken templates that matter
            found.update(n for n in jinja2.meta.find_referenced_templates(tree) if n)
    return found


def unused_custom_templates(
    env: jinja2.Environment, custom: Sequence[Path], served: set[str]
) -> list[Problem]:
    """A warning for each custom file that overrides no built-in and nothing uses.

    A file is used when its name is a built-in template's (an override, even
    if this run did not need it), when a template names it in ``include``,
    ``import`` or ``extends``, or when rendering loaded it (``served``).
    """
    if not custom:  # only custom files can go unused: nothing to parse
        return []
    builtin = builtin_names()
    used = set(builtin) | served | referenced_templates(env, [builtin_templates(), *custom])
    warnings = []
    for folder in custom:
        for name in template_names(folder):
            if name in used:
                continue
            message = (
                f"custom template '{name}' overrides no built-in template and no template "
                "includes, imports or extends it, so it has no effect"
            )
            close = difflib.get_close_matches(name, builtin, n=1, cutoff=0.8)
            message += (
                f"; did you mean '{close[0]}'?"
                if close
                else "; expected a built-in name (see `specloom templates list`)"
            )
            warnings.append(Problem(Location(display_path(folder / name)), message))
    return warnings
