"""``specloom diff OLD NEW``: what changed between two specs, at the level of the IR."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator import limits
from generator.commands.common import (
    add_color_option,
    add_flavor_option,
    add_naming_option,
    add_ref_option,
    read_schema,
)
from generator.diff import diff_schemas
from generator.diff.report import exit_code, json_report, summary_line, text_report
from generator.inputs.collect import display_path
from generator.limits import Limits
from generator.terminal import Style, escape, wants_colour

EPILOG = """\
exit codes: 0 no semantic change (descriptions, deprecation and namespaces do not count),
1 non-breaking changes only, 2 bad input, 3 at least one breaking change.
A change is breaking when a payload valid for the old request model may be
rejected by the new one (new required field, removed field or enum value,
narrower type, tighter constraint)."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser(
        "diff",
        help="compare two specs (any input formats) model by model; exit 3 on breaking changes",
        description="Compare the request models of two specs at the level of the IR.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", type=Path, metavar="OLD", help="old spec: a file or a folder")
    parser.add_argument("new", type=Path, metavar="NEW", help="new spec: a file or a folder")
    add_flavor_option(parser, "--old-flavor")
    add_flavor_option(parser, "--new-flavor")
    add_naming_option(parser)
    add_ref_option(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    add_color_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read both sides, compare, print; the exit code tells none / non-breaking / breaking."""
    with limits.using(Limits(allow_ref_outside=args.allow_ref_outside)):
        old = read_schema([args.old], args.old_flavor, naming=args.naming)
        new = read_schema([args.new], args.new_flavor, naming=args.naming)
    changes = diff_schemas(old, new)
    if args.format == "json":
        data = {
            "old": display_path(args.old),
            "new": display_path(args.new),
            **json_report(changes),
        }
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return exit_code(changes)
    style = Style(wants_colour(sys.stdout, args.color))
    sys.stdout.write(text_report(changes, style))
    print(
        escape(f"specloom diff: {display_path(args.old)} -> {display_path(args.new)}: ")
        + summary_line(changes)
    )
    return exit_code(changes)
