"""``specloom diff OLD NEW``: what changed between two specs, at the level of the IR."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from generator import limits
from generator.commands.common import (
    add_color_option,
    add_flavor_option,
    add_naming_option,
    add_ref_option,
    read_schema,
    report_warnings,
)
from generator.config import load_settings
from generator.diagnostics import Problem, SpecloomError
from generator.display import display_path
from generator.ir import Location
from generator.limits import Limits
from generator.terminal import Style, wants_colour

if TYPE_CHECKING:
    from generator.ir import Schema

EPILOG = """\
exit codes: 0 no semantic change (descriptions, deprecation and namespaces do not count),
1 non-breaking (or may-break) changes only, 2 bad input, 3 at least one breaking change.
Each change is judged for the direction it reaches: requests (breaking when a payload
that was valid may now be rejected) and responses (breaking when a response that may
now be sent can break a client built for the old one); a model no operation uses gets
the stricter verdict.  OLD and NEW may be REV:PATH (read with git show).
Rule ids and levels: docs/diff-rules.md."""

FORMATS = ("text", "json", "markdown", "github")
"""Values of ``--format``."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser(
        "diff",
        help="compare two specs (any input formats) model by model; exit 3 on breaking changes",
        description="Compare two specs at the level of the IR: models and operations.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="old spec: a file, a folder or REV:PATH")
    parser.add_argument("new", metavar="NEW", help="new spec: a file, a folder or REV:PATH")
    add_flavor_option(parser, "--old-flavor")
    add_flavor_option(parser, "--new-flavor")
    add_naming_option(parser)
    add_ref_option(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--accept",
        type=Path,
        metavar="FILE",
        help="accepted changes (YAML; default: diff-accept in [tool.specloom])",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        help="pyproject.toml holding [tool.specloom] (default: ./pyproject.toml)",
    )
    add_color_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read both sides, compare, print; the exit code tells none / non-breaking / breaking."""
    from generator.diff import diff_schemas  # imported here: other commands never need it
    from generator.diff.accept import apply_acceptances, load_acceptances
    from generator.diff.report import (
        exit_code,
        github_report,
        json_report,
        markdown_report,
        printable,
        summary_line,
        text_report,
    )

    confinement = limits.using(Limits(allow_ref_outside=args.allow_ref_outside))
    with confinement, tempfile.TemporaryDirectory(prefix="specloom-diff-") as scratch:
        old, old_name = _read_side(args.old, args.old_flavor, args.naming, Path(scratch, "old"))
        new, new_name = _read_side(args.new, args.new_flavor, args.naming, Path(scratch, "new"))
    changes = diff_schemas(old, new)
    accept = args.accept
    if accept is None:
        accept = load_settings(args.config).diff_accept
    if accept is not None:
        entries = load_acceptances(accept, display_path(accept))
        changes, warnings = apply_acceptances(changes, entries, datetime.date.today())
        report_warnings(warnings, strict=False)
    code = exit_code(changes)
    if args.format == "json":
        data = {"old": old_name, "new": new_name, **json_report(changes)}
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        title = f"specloom diff: {old_name} -> {new_name}"
        sys.stdout.write(markdown_report(changes, title))
    elif args.format == "github":
        sys.stdout.write(github_report(changes, new_name, new.sources))
        print(printable(f"specloom diff: {old_name} -> {new_name}: {summary_line(changes)}"))
    else:
        style = Style(wants_colour(sys.stdout, args.color))
        sys.stdout.write(text_report(changes, style))
        print(printable(f"specloom diff: {old_name} -> {new_name}: {summary_line(changes)}"))
    return code


def _read_side(
    given: str, flavor: str | None, naming: str | None, scratch: Path
) -> tuple[Schema, str]:
    """The schema of one side, and its name; ``REV:PATH`` is read from git (``git show``)."""
    path = Path(given)
    revision = None if path.exists() else split_revision(given)
    if revision is None:
        return read_schema([path], flavor, naming=naming), display_path(path)
    rev, inner = revision
    text = git_show(rev, inner, given)
    target = scratch / inner
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text)
    with _working_directory(scratch):
        schema = read_schema([Path(inner)], flavor, naming=naming)
    return schema, given


def split_revision(given: str) -> tuple[str, str] | None:
    """``("origin/main", "spec/openapi.yaml")`` for ``origin/main:spec/openapi.yaml``, else ``None``."""
    rev, colon, inner = given.partition(":")
    if not colon or not rev or not inner or Path(inner).is_absolute() or ".." in Path(inner).parts:
        return None
    return rev, inner


def git_show(rev: str, inner: str, given: str) -> bytes:
    """The file ``inner`` at revision ``rev``; ``SpecloomError`` when git cannot give it."""
    try:
        result = subprocess.run(
            ["git", "show", f"{rev}:{inner}"], capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpecloomError([Problem(Location(given), f"cannot run git show: {error}")]) from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = reason[0] if reason else f"git exited with {result.returncode}"
        raise SpecloomError(
            [Problem(Location(given), f"no such file or folder, nor a git revision: {detail}")]
        )
    return result.stdout


@contextlib.contextmanager
def _working_directory(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)
