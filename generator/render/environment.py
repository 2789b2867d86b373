"""The Jinja environment: user template folders first, then the built-ins."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from generator.render.filters import FILTERS


def builtin_templates() -> Path:
    """Folder of the built-in templates: inside the installed wheel, or the source checkout's."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("specloom's built-in templates are missing from the installation")


def make_environment(custom: Sequence[Path] = ()) -> jinja2.Environment:
    """An environment that looks in each ``custom`` folder, in order, before the built-ins.

    Built-ins stay reachable as ``builtin/<name>``, so a custom template can
    ``{% extends "builtin/python/module.py.jinja" %}``.  Undefined names fail.
    """
    builtin = jinja2.FileSystemLoader(builtin_templates())
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(folder)) for folder in custom]
    loaders += [jinja2.PrefixLoader({"builtin": builtin}), builtin]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env
