"""``specloom generate``: render the targets into the out folder, all files or none.

An unchanged run (same specloom, inputs, templates and options as the last
one, out folder as it left it) stops after hashing them (``generator.cache``);
``--watch`` regenerates on every change (``generator.commands.watch``).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from generator import limits
from generator.commands.common import (
    EXIT_OK,
    Run,
    add_run_options,
    check_settings,
    read_and_render,
    report_warnings,
    settings_from,
)
from generator.commands.unchanged import report_hit
from generator.config import Settings
from generator.diagnostics import Problem
from generator.display import display_path
from generator.ir import Location
from generator.progress import Progress, wanted
from generator.terminal import escape

if TYPE_CHECKING:
    from generator.cache.session import Session


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser("generate", help="render the targets into the out folder")
    add_run_options(parser)
    parser.add_argument(
        "--watch",
        action="store_true",
        help="keep running: regenerate whenever a spec, a template or the config changes",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """``_run`` under the limits of ``[tool.specloom.limits]`` (the whole run: reading, rendering, writing)."""
    with limits.using(settings_from(args, validate=False).limits):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Render, warn about hand edits it replaces, write all files or none (or watch)."""
    if args.watch:
        from generator.commands.watch import watch

        return watch(args)
    settings = settings_from(args, validate=False)
    out = display_path(settings.out)
    if not args.no_cache:
        from generator.cache.fast import lookup

        hit = lookup(settings)
        if hit is not None:
            return report_hit("generate", settings, hit, args.strict)
    check_settings(settings)
    result, changed = generate(settings, args.strict, not args.no_cache)
    print(f"specloom: {len(result.files)} files in {escape(out)}/, {len(changed)} changed")
    for path in changed:
        print(f"  {escape(out)}/{escape(path)}")
    return EXIT_OK


def generate(settings: Settings, strict: bool, cache: bool = True) -> tuple[Run, list[str]]:
    """Read, render (what changed), write; record the run in the cache. Returns the run and the paths changed."""
    from generator.cache.session import Session

    session = Session(settings, enabled=cache)
    progress = Progress(wanted(sys.stderr), "specloom generate")
    try:
        result = read_and_render(settings, strict, session, progress, snapshot=True)
        return _write(settings, strict, session, result, progress)
    finally:
        progress.close()


def _write(
    settings: Settings, strict: bool, session: Session, result: Run, progress: Progress
) -> tuple[Run, list[str]]:
    """Warn of hand edits, write the out folder (shown as the run's last phase), record the run."""
    from generator.output.manifest import hand_edits
    from generator.output.snapshot import schema_snapshot
    from generator.output.writer import write_output

    out = display_path(settings.out)
    replaced = [
        path
        for path, data in hand_edits(settings.out).items()
        if path in result.files and data != result.files[path].encode("utf-8")
    ]
    if replaced:
        progress.interrupt()  # the warnings are printed where the bar was
    report_warnings(
        [
            Problem(
                Location(f"{out}/{path}"),
                "was edited by hand since specloom wrote it; replaced by the generated "
                "version (change the spec or a custom template to keep such edits)",
            )
            for path in replaced
        ],
        strict,
    )

    progress.writing(len(result.files))

    def write() -> list[str]:
        with limits.using(settings.limits):  # the manifest's IR holds the numbers read under them
            snapshot = result.snapshot or schema_snapshot(result.schema)
            return write_output(settings.out, result.files, snapshot)

    return result, session.save_while(write, result.warnings)
