"""``specloom ir``: print the intermediate representation as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator import limits
from generator.commands.common import (
    EXIT_OK,
    add_flavor_option,
    add_naming_option,
    add_ref_option,
    read_schema,
)
from generator.config import load_settings
from generator.limits import Limits


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser("ir", help="print the intermediate representation as JSON")
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="input files or folders"
    )
    add_flavor_option(parser)
    add_naming_option(parser)
    add_ref_option(parser)
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="pyproject.toml whose [tool.specloom.handwritten] house style to read with",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the inputs and print their IR."""
    with limits.using(Limits(allow_ref_outside=args.allow_ref_outside)):
        handwritten = load_settings(args.config).handwritten if args.config else None
        schema = read_schema(args.paths, args.flavor, naming=args.naming, handwritten=handwritten)
    from generator.ir.serialize import schema_to_data

    json.dump(schema_to_data(schema), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK
