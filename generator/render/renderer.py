"""Render targets over a schema into file contents, with template errors as ``path:line``."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from pathlib import Path

import jinja2

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location, Schema
from generator.render.environment import make_environment
from generator.render.targets import TARGETS, Options


def render(
    schema: Schema,
    targets: Sequence[str],
    options: Options,
    template_dirs: Sequence[Path] = (),
) -> dict[str, str]:
    """Every output file of ``targets``: ``"<target>/<path>"`` to its text, sorted by path."""
    env = make_environment(template_dirs)
    files: dict[str, str] = {}
    for target_name in targets:
        target = TARGETS[target_name]
        for output in target.plan(schema, options):
            context = {"schema": schema, "options": options, **output.context}
            files[f"{target.name}/{output.path}"] = _render_one(env, output.template, context)
    return dict(sorted(files.items()))


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
