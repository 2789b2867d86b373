"""The Jinja environment: user template folders first, then the built-ins."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


class RecordingLoader(jinja2.FileSystemLoader):
    """A folder loader that remembers which template names it served."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder
        """The folder templates are loaded from."""
        self.served: set[str] = set()
        """Names of the templates this loader has served so far."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """Load ``template`` and remember its name."""
        result = super().get_source(environment, template)
        self.served.add(template)
        return result


def custom_loaders(env: jinja2.Environment) -> list[RecordingLoader]:
    """The custom folder loaders of an environment made by ``make_environment``, in order."""
    loader = env.loader
    if not isinstance(loader, jinja2.ChoiceLoader):
        return []
    return [item for item in loader.loaders if isinstance(item, RecordingLoader)]


def make_environment(custom: Sequence[Path] = ()) -> jinja2.Environment:
    """An environment that looks in each ``custom`` folder, in order, before the built-ins.

    Built-ins stay reachable as ``builtin/<name>``, so a custom template can
    ``{% extends "builtin/python/module.py.jinja" %}``.  Undefined names fail.
    Each custom folder's loader records what it served (see ``custom_loaders``).
    """
    builtin = jinja2.FileSystemLoader(builtin_templates())
    loaders: list[jinja2.BaseLoader] = [RecordingLoader(folder) for folder in custom]
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
