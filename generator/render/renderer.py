"""Render targets over a schema into file contents, with template errors as ``path:line``."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location, Schema
from generator.ir.aliases import inline_aliases
from generator.render.catalog import unused_custom_templates
from generator.render.environment import custom_loaders, make_environment
from generator.render.targets import TARGETS, Options, Target
from generator.render.workers import run_jobs


@dataclass(frozen=True, slots=True)
class Rendering:
    """What a render produced: the files, and warnings about the templates."""

    files: dict[str, str]
    """``"<target>/<path>"`` to its text, sorted by path."""
    warnings: list[Problem] = field(default_factory=list)
    """Custom template files that had no effect (see ``unused_custom_templates``)."""


def render(
    schema: Schema,
    targets: Sequence[str | Target],
    options: Options,
    template_dirs: Sequence[Path] = (),
) -> dict[str, str]:
    """Every output file of ``targets``: ``"<target>/<path>"`` to its text, sorted by path."""
    return render_files(schema, targets, options, template_dirs).files


def render_files(
    schema: Schema,
    targets: Sequence[str | Target],
    options: Options,
    template_dirs: Sequence[Path] = (),
) -> Rendering:
    """Render ``targets`` (registered names or ``Target`` objects) and check the custom folders.

    The files are rendered on two cores when there are many (see ``workers``).
    """
    env = make_environment(template_dirs)
    jobs: list[tuple[str, str, dict[str, object]]] = []
    for item in targets:
        target = TARGETS[item] if isinstance(item, str) else item
        seen = schema if target.aliases else inline_aliases(schema)
        for output in target.plan(seen, options):
            context = {"schema": seen, "options": options, **output.context}
            jobs.append((f"{target.name}/{output.path}", output.template, context))
    loaders = custom_loaders(env)

    def render_job(index: int) -> str | list[Problem]:
        _, template, context = jobs[index]
        try:
            return _render_one(env, template, context)
        except SpecloomError as error:
            return error.problems  # raised below, in the order of the files

    texts, served_by_worker = run_jobs(
        render_job, len(jobs), lambda: [loader.served for loader in loaders]
    )
    for loader, served in zip(loaders, served_by_worker or (), strict=False):
        loader.served.update(served)
    files: dict[str, str] = {}
    for (path, _, _), text in zip(jobs, texts, strict=True):
        if not isinstance(text, str):
            raise SpecloomError(text)
        files[path] = text
    served = set().union(*(loader.served for loader in loaders))
    warnings = unused_custom_templates(env, template_dirs, served)
    return Rendering(dict(sorted(files.items())), warnings)


def _render_one(env: jinja2.Environment, name: str, context: dict[str, object]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        where = Location(error.filename or error.name or name, error.lineno)
        raise SpecloomError([Problem(where, f"template syntax error: {error.message}")]) from None
    except jinja2.TemplateNotFound as error:
        where = Location(name)
        raise SpecloomError([Problem(where, f"template not found: {error.name}")]) from None
    except Exception as error:  # a template's runtime error: point at the template line
        raise SpecloomError([Problem(_template_location(error, name), _message(error))]) from None


def _message(error: Exception) -> str:
    if isinstance(error, jinja2.UndefinedError):
        return f"undefined name: {error.message}"
    return f"{type(error).__name__}: {error}"


def _template_location(error: Exception, name: str) -> Location:
    """The innermost template frame of the error's traceback (Jinja rewrites frames to templates)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".jinja"):
            return Location(frame.filename, frame.lineno)
    return Location(name)
