"""Render targets over a schema into file contents, with template errors as ``path:line``."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

import jinja2

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location, Schema
from generator.ir.aliases import inline_aliases
from generator.progress import Progress, SharedCount
from generator.render.catalog import unused_custom_templates
from generator.render.dependencies import WHOLE, FileRecord, RecordingSchema
from generator.render.distinct import prepare
from generator.render.environment import (
    RecordingLoader,
    TrackingEnvironment,
    custom_loaders,
    make_environment,
)
from generator.render.formatting import FormatFailure, Formatter
from generator.render.fragments import FileFragments, Fragments
from generator.render.origins import output_line_origin
from generator.render.targets import TARGETS, Options, Target
from generator.render.workers import run_jobs

SideResult = TypeVar("SideResult")
"""What the ``side`` tasks of one ``render_files`` call give."""


@dataclass(frozen=True, slots=True)
class Job:
    """One file to render: its path below the out folder, its template and its variables."""

    path: str
    """``"<target>/<path>"``."""
    template: str
    """Template name."""
    context: dict[str, object]
    """Variables (``schema`` and ``options`` included)."""


@dataclass(frozen=True, slots=True)
class Rendering(Generic[SideResult]):
    """What a render produced: the files, warnings about the templates, the side results."""

    files: dict[str, str]
    """``"<target>/<path>"`` to its text, sorted by path."""
    warnings: list[Problem] = field(default_factory=list)
    """Custom template files that had no effect (see ``unused_custom_templates``)."""
    records: dict[str, FileRecord] = field(default_factory=dict)
    """What each file was rendered from (files taken from ``reuse`` have none)."""
    side: list[SideResult] = field(default_factory=list)
    """The results of the ``side`` tasks given to ``render_files``, in their order."""
    fragments: dict[str, FileFragments] = field(default_factory=dict)
    """The memoised fragments of each rendered file (with ``fragments`` given to ``render_files``)."""


Reuse = Callable[[Job], "str | None"]
"""Gives the text of a file that need not be rendered again (see ``generator.cache``), else ``None``.

It must take the numbered names into account (``distinct.tables_digest``): a
file that shows a name changes when that name's number does."""


def render(
    schema: Schema,
    targets: Sequence[str | Target],
    options: Options,
    template_dirs: Sequence[Path] = (),
) -> dict[str, str]:
    """Every output file of ``targets``: ``"<target>/<path>"`` to its text, sorted by path."""
    return render_files(schema, targets, options, template_dirs).files


def plan_jobs(schema: Schema, targets: Sequence[str | Target], options: Options) -> list[Job]:
    """The files ``targets`` write for ``schema``, in plan order (two at one path are an error)."""
    prepare(schema)
    views: dict[bool, tuple[Schema, RecordingSchema]] = {}
    jobs: list[Job] = []
    for item in targets:
        target = TARGETS[item] if isinstance(item, str) else item
        if target.aliases not in views:  # a target that cannot show aliases sees them inlined
            seen = schema if target.aliases else inline_aliases(schema)
            views[target.aliases] = seen, RecordingSchema(seen)
        seen, recording = views[target.aliases]
        for output in target.plan(seen, options):
            context = {"schema": recording, "options": options, **output.context}
            jobs.append(Job(f"{target.name}/{output.path}", output.template, context))
    _refuse_clashes(jobs)
    return jobs


def _refuse_clashes(jobs: list[Job]) -> None:
    """Two files at one path (ignoring case) would lose one: an error naming both."""
    seen: dict[str, tuple[str, dict[str, object]]] = {}
    problems = []
    for job in jobs:
        path, context = job.path, job.context
        folded = path.casefold()
        if folded in seen:
            first, first_context = seen[folded]
            problems.append(
                Problem(
                    Location(path),
                    f"two outputs map to one file ({_what(first_context)} -> {first}, "
                    f"{_what(context)} -> {path}); rename one of them",
                )
            )
        else:
            seen[folded] = (path, context)
    if problems:
        raise SpecloomError(problems)


def _what(context: dict[str, object]) -> str:
    model = context.get("model")
    name = getattr(model, "name", None)
    if name is not None:
        return str(name)
    return str(context.get("namespace", "a file"))


def render_files(
    schema: Schema,
    targets: Sequence[str | Target],
    options: Options,
    template_dirs: Sequence[Path] = (),
    formatter: Formatter | None = None,
    reuse: Reuse | None = None,
    jobs: list[Job] | None = None,
    progress: Progress | None = None,
    side: Sequence[Callable[[], SideResult]] = (),
    fragments: Fragments | None = None,
) -> Rendering[SideResult]:
    """Render ``targets`` (registered names or ``Target`` objects) and check the custom folders.

    Python files rendered from a custom template go through ``formatter``
    (``None``: none).  ``reuse`` may hand over the text of files that need
    no render (their record is then left out).  The files are rendered on two
    cores when there are many (see ``workers``); ``progress`` is told of
    each file done on either core.  ``side`` tasks (picklable results, no
    output of their own) are queued after the files, so whichever core is
    free first runs them; their results are in ``Rendering.side``.  ``fragments``
    memoises the templates' ``{% fragment %}`` blocks (see ``generator.render.fragments``).
    """
    env = make_environment(template_dirs)
    env.fragments = fragments
    if jobs is None:
        jobs = plan_jobs(schema, targets, options)
    loaders = custom_loaders(env)
    reused = (
        {}
        if reuse is None
        else {i: t for i, job in enumerate(jobs) if (t := reuse(job)) is not None}
    )
    todo = [index for index in range(len(jobs)) if index not in reused]
    # A few files can be worth a worker when they hold many models (a changed module).
    heavy = sum(_weight(jobs[index]) for index in todo) >= HEAVY
    min_jobs = 2 if heavy else None
    counted = None
    if progress is not None:
        progress.start(len(jobs))
        progress.advance(len(reused))
        if progress.enabled:  # files done on either core, as the worker renders them
            counted = SharedCount()

    def render_job(position: int) -> _Rendered | _Failed | _Side[SideResult]:
        if position >= len(todo):
            return _Side(side[position - len(todo)]())
        job = jobs[todo[position]]
        outcome: _Rendered | _Failed
        try:
            outcome = _Rendered(*_render_job(env, job, loaders, formatter))
        except SpecloomError as error:
            outcome = _Failed(error.problems)  # raised below, in the order of the files
        if counted is not None and progress is not None:  # either core draws (tqdm locks writes)
            counted.add()
            progress.advance_to(len(reused) + counted.value)
        return outcome

    def worker_state() -> tuple[list[set[str]], object]:
        shared = fragments.fingerprints.shared() if fragments is not None else None
        return [loader.served for loader in loaders], shared

    texts, state = run_jobs(render_job, len(todo) + len(side), worker_state, min_jobs)
    served_by_worker = None
    if state is not None:  # the worker's: the templates it loaded, the hashes it made
        served_by_worker, hashes = state
        if fragments is not None:
            fragments.fingerprints.adopt(hashes)
    side_results = [result.value for result in texts[len(todo) :] if isinstance(result, _Side)]
    del texts[len(todo) :]
    for loader, served in zip(loaders, served_by_worker or (), strict=False):
        loader.served.update(served)
    results = dict(zip(todo, texts, strict=True))
    files: dict[str, str] = {}
    records: dict[str, FileRecord] = {}
    memos: dict[str, FileFragments] = {}
    for index, job in enumerate(jobs):
        if index in reused:
            files[job.path] = reused[index]
            continue
        outcome = results[index]
        if isinstance(outcome, _Failed):
            raise SpecloomError(outcome.problems)
        if not isinstance(outcome, _Rendered):
            raise AssertionError(f"a side result came back as file {job.path}")
        files[job.path] = outcome.text
        records[job.path] = outcome.record
        if outcome.fragments:
            memos[job.path] = outcome.fragments
    served = set().union(*(loader.served for loader in loaders))
    warnings = unused_custom_templates(env, template_dirs, served)
    return Rendering(dict(sorted(files.items())), warnings, records, side_results, memos)


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A file rendered by a job (on either core): its text and record."""

    text: str
    record: FileRecord
    fragments: FileFragments


@dataclass(frozen=True, slots=True)
class _Failed:
    """A file whose render failed: the problems, raised once the files are back in order."""

    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class _Side(Generic[SideResult]):
    """The result of a ``side`` task."""

    value: SideResult


HEAVY = 1024
"""Files to render weighing this much (see ``_weight``) are shared with a worker, however few."""


def _weight(job: Job) -> int:
    """A rough cost of a file: one, plus the models (and other items) its variables list."""
    return 1 + sum(len(value) for value in job.context.values() if isinstance(value, list | tuple))


def _render_job(
    env: TrackingEnvironment,
    job: Job,
    loaders: Sequence[RecordingLoader],
    formatter: Formatter | None,
) -> tuple[str, FileRecord, FileFragments]:
    """Render one file (formatted when it is Python from a custom template), its record and
    its memoised fragments."""
    schema = job.context["schema"]
    if isinstance(schema, RecordingSchema):
        schema.take()
    env.used.clear()
    if env.fragments is not None:
        env.fragments.begin(job.path)
    text = _render_one(env, job.template, job.context)
    fragments = env.fragments.finish() if env.fragments is not None else {}
    used = tuple(sorted(env.used))
    custom = _from_custom_folder(used, loaders)
    formatted = bool(
        custom and formatter is not None and formatter.active and job.path.endswith(".py")
    )
    if formatted and formatter is not None:
        try:
            text = formatter.format(text, job.path)
        except FormatFailure as failure:
            raise SpecloomError([_format_problem(env, job, failure)]) from None
    names = schema.take() if isinstance(schema, RecordingSchema) else (WHOLE,)
    return text, FileRecord(used, names, formatted), fragments


def _from_custom_folder(used: Sequence[str], loaders: Sequence[RecordingLoader]) -> bool:
    """Whether one of the template files a render used lies in a custom folder.  Told from the
    files' paths, not from what the loaders served this run: a memoised fragment of a custom
    template is used without loading it again."""
    folders = [os.path.join(os.path.normpath(loader.folder), "") for loader in loaders]
    return any(
        os.path.normpath(name).startswith(folder) for name in used for folder in folders
    ) or any(name in loader.files for loader in loaders for name in used)


def _format_problem(env: TrackingEnvironment, job: Job, failure: FormatFailure) -> Problem:
    """``template:line: the formatter ...`` for the template line that made the offending line."""
    where = None
    if failure.line is not None:
        where = output_line_origin(env, job.template, job.context, failure.line)
    if where is None:
        where = Location(job.template)
    at = f" (line {failure.line} of {job.path})" if failure.line is not None else f" ({job.path})"
    message = f"the formatter cannot format this template's output{at}: {failure.message}"
    return Problem(where, message)


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
