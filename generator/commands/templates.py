"""``specloom templates list|eject``: see which file serves each template; copy built-ins."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import EXIT_OK, add_config_options, settings_from
from generator.diagnostics import Problem, SpecloomError
from generator.display import display_path
from generator.ir import Location


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``templates list`` and ``templates eject``."""
    parser = commands.add_parser(
        "templates",
        help="list the templates, copy built-ins to edit, print the template context reference",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="show each template name and the file that serves it")
    listing.add_argument(
        "--target", dest="list_target", metavar="NAME", help="only this target's templates"
    )
    add_config_options(listing)
    listing.set_defaults(run=run_list)
    ejecting = actions.add_parser("eject", help="copy built-in templates into a folder of yours")
    ejecting.add_argument(
        "names",
        nargs="+",
        metavar="NAME",
        help="template name (python/model.py.jinja) or folder (python)",
    )
    ejecting.add_argument(
        "--to", type=Path, required=True, metavar="DIR", help="destination folder"
    )
    ejecting.add_argument("--force", action="store_true", help="overwrite files already there")
    ejecting.set_defaults(run=run_eject)
    context = actions.add_parser(
        "context", help="print the template context reference (variables, IR classes, filters)"
    )
    context.set_defaults(run=run_context)


def run_list(args: argparse.Namespace) -> int:
    """One line per template: name, where it comes from, the serving file."""
    from generator.render.catalog import catalog
    from generator.render.targets import TARGETS

    settings = settings_from(args)
    prefix = ""
    if args.list_target is not None:
        if args.list_target not in TARGETS:
            message = f"unknown target {args.list_target!r}; expected one of {', '.join(TARGETS)}"
            raise SpecloomError([Problem(Location("--target"), message)])
        prefix = f"{args.list_target}/"
    entries = catalog(settings.templates, prefix)
    width = max((len(entry.name) for entry in entries), default=0)
    for entry in entries:
        origin = (
            "built-in"
            if not entry.custom
            else "custom (overrides)"
            if entry.overrides
            else "custom"
        )
        print(f"{entry.name:<{width}}  {origin:<18}  {display_path(entry.path)}")
    return EXIT_OK


def run_context(args: argparse.Namespace) -> int:
    """Print the reference page (markdown)."""
    from generator.reference import page_text

    sys.stdout.write(page_text())
    return EXIT_OK


def run_eject(args: argparse.Namespace) -> int:
    """Copy the named built-ins below ``--to``."""
    from generator.render.eject import eject

    copies = eject(args.names, args.to, force=args.force)
    for name, copy in copies:
        print(f"ejected {name} -> {display_path(copy)}")
    folder = display_path(args.to)
    print(
        f"edit the copies, then use them with `--templates {folder}` "
        f'or `templates = ["{folder}"]` in [tool.specloom]'
    )
    return EXIT_OK
