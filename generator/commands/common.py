"""What several commands share: run options, settings, reading, rendering and warnings."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator import limits
from generator.config import FORMATS, Settings, key_root, load_settings
from generator.diagnostics import Problem, SpecloomError
from generator.display import display_path
from generator.ir import Location
from generator.render.formatter_names import FORMATTERS
from generator.render.target_names import BUILTIN_TARGET_NAMES
from generator.terminal import COLOR_CHOICES, escape

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from generator.cache.session import Session
    from generator.inputs.handwritten.config import HandwrittenConfig
    from generator.ir import Schema
    from generator.output.snapshot import EncodedSnapshot
    from generator.progress import Progress

EXIT_OK = 0
"""Success."""
EXIT_BAD_INPUT = 2
"""Bad input, options or templates: one ``path:line: message`` line per problem on stderr."""
EXIT_DRIFT = 1
"""``check``: the out folder is out of date."""


def add_flavor_option(parser: argparse.ArgumentParser, name: str = "--flavor") -> None:
    """``--flavor NAME``: the docs flavor of markdown inputs."""
    parser.add_argument(
        name,
        metavar="NAME",
        help="docs flavor of markdown inputs: an SDK language (go, python, ...) or handwritten "
        "(default: detected from the docs themselves)",
    )


def add_naming_option(parser: argparse.ArgumentParser) -> None:
    """``--naming``: how OpenAPI inline schemas are named."""
    from generator.inputs.openapi import NAMINGS

    parser.add_argument(
        "--naming",
        choices=NAMINGS,
        help=f"names of inline OpenAPI schemas, as Speakeasy's conventions (default: {NAMINGS[0]})",
    )


def add_ref_option(parser: argparse.ArgumentParser) -> None:
    """``--allow-ref-outside``: a file ``$ref`` may name a file outside the spec's folder."""
    parser.add_argument(
        "--allow-ref-outside",
        action="store_true",
        help="let a file $ref name files outside the folder of the spec that names it "
        "(default: refused; [tool.specloom] ref-roots lists extra folders)",
    )


def add_color_option(parser: argparse.ArgumentParser) -> None:
    """``--color auto|always|never``."""
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the output (default: auto = on a terminal, unless NO_COLOR is set)",
    )


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """``--templates DIR`` (repeatable) and ``--config FILE``."""
    parser.add_argument(
        "--templates",
        action="append",
        type=Path,
        metavar="DIR",
        help="custom template folder searched before the built-ins (repeatable)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        metavar="FILE",
        help="pyproject.toml holding [tool.specloom] (default: ./pyproject.toml)",
    )


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``generate`` and ``check``; each defaults to ``[tool.specloom]``."""
    parser.add_argument(
        "--spec",
        action="append",
        type=Path,
        metavar="PATH",
        help="input file or folder (repeatable; default: [tool.specloom] spec)",
    )
    parser.add_argument(
        "--target",
        action="append",
        metavar="NAME",
        help=f"target to render (repeatable; one of {', '.join(BUILTIN_TARGET_NAMES)}; default: all configured)",
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="out folder (default: generated)")
    parser.add_argument("--package", metavar="NAME", help="Python package name (default: models)")
    add_flavor_option(parser)
    add_naming_option(parser)
    add_ref_option(parser)
    parser.add_argument(
        "--go-style",
        choices=("old", "new"),
        help="type style of the docs-go target (default: the style of the input docs, else old)",
    )
    parser.add_argument(
        "--formatter",
        choices=FORMATTERS,
        help="formatter of Python files rendered from custom templates (default: black)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither use nor update the cache in OUT/.specloom-cache (render everything)",
    )
    parser.add_argument(
        "--formats",
        choices=FORMATS,
        help="python target validators: assert string formats (email, uuid, date-time...) "
        "or treat them as annotations only (default: assert)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings as errors: exit 2 and write nothing",
    )
    add_config_options(parser)


def settings_from(
    args: argparse.Namespace | SimpleNamespace, validate: bool = True, memo: bool = False
) -> Settings:
    """``[tool.specloom]`` overridden by the command line; raises ``SpecloomError`` when invalid.

    ``args`` is argparse's namespace, or ``generator.commands.unchanged``'s reading of the same.
    ``validate=False`` skips ``check_settings`` (a cached run's settings were valid when cached).
    ``memo`` takes the config's table from the cache folder when its bytes did not change.
    """
    folder = None
    if memo:
        from generator.cache.store import CACHE_DIR

        folder = args.config.parent / CACHE_DIR
    settings = load_settings(args.config, folder)
    settings = dataclasses.replace(
        settings,
        spec=tuple(args.spec) if getattr(args, "spec", None) else settings.spec,
        targets=tuple(args.target) if getattr(args, "target", None) else settings.targets,
        out=args.out if getattr(args, "out", None) is not None else settings.out,
        package=args.package if getattr(args, "package", None) is not None else settings.package,
        templates=tuple(args.templates) if args.templates else settings.templates,
        flavor=args.flavor if getattr(args, "flavor", None) is not None else settings.flavor,
        naming=args.naming if getattr(args, "naming", None) is not None else settings.naming,
        go_style=args.go_style if getattr(args, "go_style", None) else settings.go_style,
        formatter=args.formatter if getattr(args, "formatter", None) else settings.formatter,
        formats=args.formats if getattr(args, "formats", None) else settings.formats,
    )
    if getattr(args, "allow_ref_outside", False):
        settings = dataclasses.replace(
            settings, limits=dataclasses.replace(settings.limits, allow_ref_outside=True)
        )
    if validate:
        check_settings(settings)
    return settings


def check_settings(settings: Settings) -> None:
    """Raise ``SpecloomError`` when the settings name an unknown target, formatter, package..."""
    import shutil

    from generator.render.targets import TARGETS

    problems = []
    where = Location("command line")
    for target in settings.targets:
        if target not in TARGETS:
            problems.append(
                Problem(where, f"unknown target {target!r}; expected one of {', '.join(TARGETS)}")
            )
    if settings.formatter not in FORMATTERS:
        problems.append(
            Problem(
                Location(display_path(settings.config) if settings.config else "command line"),
                f"[tool.specloom] formatter {settings.formatter!r} is unknown; expected one of "
                + ", ".join(FORMATTERS),
            )
        )
    elif settings.formatter == "ruff" and shutil.which("ruff") is None:
        problems.append(
            Problem(where, "formatter 'ruff' is not installed; expected `pip install ruff`")
        )
    if settings.formats not in FORMATS:
        problems.append(
            Problem(
                where,
                f"formats {settings.formats!r} is unknown; expected one of {', '.join(FORMATS)}",
            )
        )
    if not settings.package.isidentifier():
        problems.append(
            Problem(where, f"--package {settings.package!r} is not a Python identifier")
        )
    for folder in settings.templates:
        if not folder.is_dir():
            problems.append(Problem(Location(display_path(folder)), "template folder not found"))
    if problems:
        raise SpecloomError(problems)


def require_spec(settings: Settings) -> None:
    """Raise ``SpecloomError`` when no input is configured."""
    if not settings.spec:
        where = Location("command line")
        message = "no input: pass --spec PATH or set [tool.specloom] spec"
        raise SpecloomError([Problem(where, message)])


def read_schema(
    paths: tuple[Path, ...] | list[Path],
    flavor: str | None,
    strict: bool = False,
    naming: str | None = None,
    handwritten: HandwrittenConfig | None = None,
    collected: list[Problem] | None = None,
    progress: Progress | None = None,
    key_root: Path | None = None,
) -> Schema:
    """Read inputs into one schema (``SpecloomError`` on bad input); print the read's warnings.

    The warnings are also appended to ``collected`` when given.  ``progress``
    shows the read as a phase (``reading NAME``), then ``preparing``.  ``key_root``: the
    folder validation-rule keys name files from (``read_inputs``).
    """
    from generator.inputs.collect import read_inputs

    warnings: list[Problem] = []
    if progress is not None:
        progress.phase("reading " + ", ".join(path.name or str(path) for path in paths))
    schema = read_inputs(
        paths,
        flavor=flavor,
        warnings=warnings,
        naming=naming,
        handwritten=handwritten,
        key_root=key_root,
    )
    if progress is not None and warnings:
        progress.interrupt()  # the warnings are printed where the bar was
    report_warnings(warnings, strict)
    if progress is not None:
        progress.phase("preparing")
    if collected is not None:
        collected.extend(warnings)
    limit = limits.current().max_models
    if len(schema.definitions) > limit:
        where = Location(", ".join(display_path(path) for path in paths))
        message = (
            f"{len(schema.definitions)} models; expected at most {limit} "
            "(raise [tool.specloom.limits] max-models)"
        )
        raise SpecloomError([Problem(where, message)])
    return schema


@dataclass(frozen=True, slots=True)
class Run:
    """The result of reading and rendering: the schema, the files and the warnings."""

    schema: Schema
    """The IR of the inputs."""
    files: dict[str, str]
    """Rendered files by path below the out folder."""
    warnings: list[Problem] = field(default_factory=list)
    """Warnings to print (and to fail on with ``--strict``)."""
    snapshot: EncodedSnapshot | None = None
    """The schema's IR snapshot for the manifest, when asked for (made alongside the render)."""


def read_and_render(
    settings: Settings,
    strict: bool,
    session: Session | None = None,
    progress: Progress | None = None,
    snapshot: bool = False,
) -> Run:
    """Read the inputs, render the targets; print warnings (raise them with ``strict``).

    With a cache ``session``, files whose inputs did not change are taken from
    the out folder instead of being rendered.  ``progress`` hears of each file.
    With ``snapshot`` the run also holds the IR snapshot, encoded alongside
    the render (on the second core when there is one).
    """
    from generator.inputs.openapi.loader import FILES_READ
    from generator.render.renderer import render_files
    from generator.render.targets import Options

    require_spec(settings)
    with limits.using(settings.limits):
        FILES_READ.clear()
        warnings: list[Problem] = []
        schema = read_schema(
            settings.spec,
            settings.flavor,
            strict,
            settings.naming,
            settings.handwritten,
            collected=warnings,
            progress=progress,
            key_root=key_root(settings),
        )
        options = Options(
            package=settings.package, go_style=settings.go_style, formats=settings.formats
        )
        from generator.render.formatting import Formatter

        memo = None
        if session is not None and session.enabled:  # black remembers pieces in the cache folder
            memo = session.base
        formatter = Formatter(
            settings.formatter, settings.config, memo, str(settings.out.resolve())
        )
        side: list[Callable[[], list[str]]] = []
        assemble = None
        if snapshot:
            from generator.output.snapshot import snapshot_tasks

            tasks, assemble = (
                snapshot_tasks(schema) if session is None else session.snapshot_tasks(schema)
            )
            side += tasks
        if session is None:
            rendering = render_files(
                schema,
                settings.targets,
                options,
                settings.templates,
                formatter,
                progress=progress,
                side=side,
            )
        else:
            rendering = session.render(schema, options, formatter, progress, side)
    if progress is not None and rendering.warnings:
        progress.interrupt()  # the warnings are printed where the bar was
    report_warnings(rendering.warnings, strict)
    encoded = None if assemble is None else assemble(rendering.side)
    return Run(schema, rendering.files, warnings + rendering.warnings, encoded)


def warning_line(problem: Problem) -> str:
    """``path:line: warning: message``, with the JSON pointer where the line alone is not enough."""
    text = f"{problem.location}: warning: {problem.message}"
    if problem.location.pointer is not None and problem.location.line is not None:
        text += f" (at {problem.location.pointer})"
    return text


def report_warnings(warnings: list[Problem], strict: bool) -> None:
    """Print each warning on stderr; with ``strict`` they are errors (``SpecloomError``)."""
    if strict and warnings:
        raise SpecloomError(
            [
                dataclasses.replace(w, message=f"{w.message} (an error with --strict)")
                for w in warnings
            ]
        )
    for problem in warnings:
        print(escape(warning_line(problem)), file=sys.stderr)
