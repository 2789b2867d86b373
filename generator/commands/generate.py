"""``specloom generate``: render the targets into the out folder, all files or none."""

from __future__ import annotations

import argparse

from generator.commands.common import (
    EXIT_OK,
    add_run_options,
    read_and_render,
    report_warnings,
    settings_from,
)
from generator.diagnostics import Problem
from generator.inputs.collect import display_path
from generator.ir import Location
from generator.output.manifest import hand_edits
from generator.output.snapshot import schema_snapshot
from generator.output.writer import write_output
from generator.terminal import escape


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser("generate", help="render the targets into the out folder")
    add_run_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render, warn about hand edits it replaces, write all files or none."""
    settings = settings_from(args)
    result = read_and_render(settings, args.strict)
    out = display_path(settings.out)
    replaced = [
        path
        for path, data in hand_edits(settings.out).items()
        if path in result.files and data != result.files[path].encode("utf-8")
    ]
    report_warnings(
        [
            Problem(
                Location(f"{out}/{path}"),
                "was edited by hand since specloom wrote it; replaced by the generated "
                "version (change the spec or a custom template to keep such edits)",
            )
            for path in replaced
        ],
        args.strict,
    )
    changed = write_output(settings.out, result.files, schema_snapshot(result.schema))
    print(f"specloom: {len(result.files)} files in {escape(out)}/, {len(changed)} changed")
    for path in changed:
        print(f"  {escape(out)}/{escape(path)}")
    return EXIT_OK
