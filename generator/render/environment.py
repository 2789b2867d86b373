"""The Jinja environment: user template folders first, then the built-ins."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from generator.render.builtin import builtin_templates
from generator.render.filters import FILTERS
from generator.render.fragments import (
    FragmentExtension,
    Fragments,
    RecordingContext,
    RecordingTemplate,
)

__all__ = [
    "RecordingLoader",
    "TrackingEnvironment",
    "builtin_templates",
    "custom_loaders",
    "make_environment",
]


class RecordingLoader(jinja2.FileSystemLoader):
    """A folder loader that remembers which template names it served."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder
        """The folder templates are loaded from."""
        self.served: set[str] = set()
        """Names of the templates this loader has served so far."""
        self.files: set[str] = set()
        """Files of the templates this loader has served so far."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """Load ``template`` and remember its name."""
        result = super().get_source(environment, template)
        self.served.add(template)
        self.files.add(result[1])
        return result


class TrackingEnvironment(jinja2.Environment):
    """An environment that notes the file of every template a render loads (``used``).

    Clear ``used`` before a render to learn which templates made one file:
    its own, and those it extends, includes or imports.
    """

    used: set[str]
    """Files (``Template.filename``) of the templates loaded since ``used`` was last cleared."""
    fragments: Fragments | None
    """The run's memoised fragments (``{% fragment %}``); ``None``: every fragment is rendered."""
    context_class = RecordingContext
    template_class = RecordingTemplate

    def _load_template(
        self, name: str, globals: MutableMapping[str, Any] | None
    ) -> jinja2.Template:
        template = super()._load_template(name, globals)
        self.used.add(template.filename or name)
        return template


def custom_loaders(env: jinja2.Environment) -> list[RecordingLoader]:
    """The custom folder loaders of an environment made by ``make_environment``, in order."""
    loader = env.loader
    if not isinstance(loader, jinja2.ChoiceLoader):
        return []
    return [item for item in loader.loaders if isinstance(item, RecordingLoader)]


def make_environment(custom: Sequence[Path] = ()) -> TrackingEnvironment:
    """An environment that looks in each ``custom`` folder, in order, before the built-ins.

    Built-ins stay reachable as ``builtin/<name>``, so a custom template can
    ``{% extends "builtin/python/module.py.jinja" %}``.  Undefined names fail.
    Each custom folder's loader records what it served (see ``custom_loaders``).
    """
    builtin = jinja2.FileSystemLoader(builtin_templates())
    loaders: list[jinja2.BaseLoader] = [RecordingLoader(folder) for folder in custom]
    loaders += [jinja2.PrefixLoader({"builtin": builtin}), builtin]
    env = TrackingEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        extensions=[FragmentExtension],
    )
    env.used = set()
    env.fragments = None
    env.filters.update(FILTERS)
    return env
