"""Which template line produced a given line of rendered output.

Used only when something downstream of rendering rejects a line (the formatter
finding a syntax error): the file is rendered again with a tracer that notes,
for every chunk of text a template yields, the template and line it came
from (Jinja keeps a map from its generated Python lines to template lines).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Mapping
from types import FrameType
from typing import Any

import jinja2

from generator.ir import Location
from generator.render.fragments import inline_fragments


def output_line_origin(
    env: jinja2.Environment, name: str, context: Mapping[str, Any], line: int
) -> Location | None:
    """``template-file:line`` of the template that produced output line ``line`` (1-based).

    Fragment blocks render inline here, so each piece of text comes from its own line.
    """
    env = inline_fragments(env)
    template = env.get_template(name)
    pending: list[tuple[jinja2.Template, int] | None] = [None]

    def local(frame: FrameType, event: str, arg: object) -> Any:
        if (
            event == "return"
            and isinstance(arg, str)
            and pending[0] is None
            and frame.f_code.co_flags & inspect.CO_GENERATOR
        ):
            owner = frame.f_globals.get("__jinja_template__")
            if isinstance(owner, jinja2.Template):
                pending[0] = (owner, frame.f_lineno)
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        return local if "__jinja_template__" in frame.f_globals else None

    current = 1
    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        for chunk in template.root_render_func(template.new_context(dict(context))):
            origin, pending[0] = pending[0], None
            lines = chunk.count("\n")
            if origin is not None and current <= line <= current + lines:
                return _location(origin, chunk, line - current)
            current += lines
    except Exception:  # the render failing again: the line cannot be placed
        return None
    finally:
        sys.settrace(previous)
    return None


def _location(origin: tuple[jinja2.Template, int], chunk: str, offset: int) -> Location:
    """The template line of ``chunk``'s ``offset``-th line (literal text keeps its own lines)."""
    template, code_line = origin
    filename = template.filename or template.name or "<template>"
    try:
        with open(filename, encoding="utf-8") as handle:
            source = handle.read()
    except OSError:
        source = ""
    if chunk.strip() and source.count(chunk) == 1:  # literal template text, found once
        return Location(filename, source.count("\n", 0, source.index(chunk)) + 1 + offset)
    return Location(filename, template.get_corresponding_lineno(code_line))
