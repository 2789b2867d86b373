"""The ``specloom`` command line: ``generate``, ``check`` and ``ir``.

Exit codes: 0 success (``check``: no drift), 1 drift found by ``check``,
2 bad input, options or templates (one ``path:line: message`` line each).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.config import Settings, load_settings
from generator.diagnostics import Problem, SpecloomError
from generator.inputs.collect import display_path, read_inputs
from generator.ir import Location
from generator.ir.serialize import schema_to_data
from generator.output.drift import Drift, find_drift
from generator.output.writer import write_output
from generator.render.renderer import render
from generator.render.targets import TARGETS, Options

EXIT_OK = 0
EXIT_DRIFT = 1
EXIT_BAD_INPUT = 2


def _add_flavor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--flavor",
        metavar="NAME",
        help="docs flavor of markdown inputs (default: detected from the docs themselves)",
    )


def _add_run_options(parser: argparse.ArgumentParser) -> None:
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
        help=f"target to render (repeatable; one of {', '.join(TARGETS)}; default: all configured)",
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="out folder (default: generated)")
    parser.add_argument("--package", metavar="NAME", help="Python package name (default: models)")
    parser.add_argument(
        "--templates",
        action="append",
        type=Path,
        metavar="DIR",
        help="custom template folder searched before the built-ins (repeatable)",
    )
    _add_flavor_option(parser)
    parser.add_argument(
        "--go-style",
        choices=("old", "new"),
        help="type style of the docs-go target (default: the style of the input docs, else old)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        metavar="FILE",
        help="pyproject.toml holding [tool.specloom] (default: ./pyproject.toml)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="specloom",
        description="Generate request classes, validators and docs from OpenAPI specs and model docs.",
    )
    parser.add_argument("--version", action="version", version=f"specloom {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    generate = commands.add_parser("generate", help="render the targets into the out folder")
    _add_run_options(generate)
    check = commands.add_parser(
        "check", help="exit 1 with a diff when the out folder differs from what the specs generate"
    )
    _add_run_options(check)
    ir = commands.add_parser("ir", help="print the intermediate representation as JSON")
    ir.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="input files or folders")
    _add_flavor_option(ir)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config)
    settings = dataclasses.replace(
        settings,
        spec=tuple(args.spec) if args.spec else settings.spec,
        targets=tuple(args.target) if args.target else settings.targets,
        out=args.out if args.out is not None else settings.out,
        package=args.package if args.package is not None else settings.package,
        templates=tuple(args.templates) if args.templates else settings.templates,
        flavor=args.flavor if args.flavor is not None else settings.flavor,
        go_style=args.go_style if args.go_style is not None else settings.go_style,
    )
    problems = []
    where = Location("command line")
    if not settings.spec:
        problems.append(Problem(where, "no input: pass --spec PATH or set [tool.specloom] spec"))
    for target in settings.targets:
        if target not in TARGETS:
            problems.append(
                Problem(where, f"unknown target {target!r}; expected one of {', '.join(TARGETS)}")
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
    return settings


def _render(settings: Settings) -> dict[str, str]:
    schema = read_inputs(settings.spec, flavor=settings.flavor)
    options = Options(package=settings.package, go_style=settings.go_style)
    return render(schema, settings.targets, options, settings.templates)


def run_generate(args: argparse.Namespace) -> int:
    """``specloom generate``."""
    settings = _settings(args)
    files = _render(settings)
    changed = write_output(settings.out, files)
    out = display_path(settings.out)
    print(f"specloom: {len(files)} files in {out}/, {len(changed)} changed")
    for path in changed:
        print(f"  {out}/{path}")
    return EXIT_OK


def report_drift(drift: Drift, out: str) -> None:
    """Print what ``check`` found: a diff per changed file, then added and removed files."""
    for diff in drift.changed.values():
        sys.stdout.write(diff)
    for path in drift.added:
        print(f"would add {out}/{path}")
    for path in drift.removed:
        print(f"would remove {out}/{path}")
    counts = (
        f"{len(drift.changed)} changed, {len(drift.added)} to add, {len(drift.removed)} to remove"
    )
    print(f"specloom check: {out}/ is out of date ({counts}); run `specloom generate` to update it")


def run_check(args: argparse.Namespace) -> int:
    """``specloom check``."""
    settings = _settings(args)
    drift = find_drift(settings.out, _render(settings))
    out = display_path(settings.out)
    if drift.clean:
        print(f"specloom check: {out}/ is up to date")
        return EXIT_OK
    report_drift(drift, out)
    return EXIT_DRIFT


def run_ir(args: argparse.Namespace) -> int:
    """``specloom ir``."""
    schema = read_inputs(args.paths, flavor=args.flavor)
    json.dump(schema_to_data(schema), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK


COMMANDS = {"generate": run_generate, "check": run_check, "ir": run_ir}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except SpecloomError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"specloom: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        if os.environ.get("SPECLOOM_DEBUG"):
            raise
        print(
            f"specloom: internal error: {type(error).__name__}: {error}\n"
            "Please report it; set SPECLOOM_DEBUG=1 for the traceback.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
