"""The ``specloom`` command line: ``generate``, ``check``, ``diff``, ``templates`` and ``ir``.

Exit codes: 0 success (``check``: no drift; ``diff``: no semantic change),
1 drift found by ``check`` / only non-breaking changes found by ``diff``,
2 bad input, options or templates (one ``path:line: message`` line each),
3 breaking changes found by ``diff``, 70 an internal error (a bug).
Warnings are printed as ``path:line: warning: message`` and do not change the
exit code unless ``--strict`` is given.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING

from generator import __version__
from generator.commands.common import EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_OK
from generator.diagnostics import SpecloomError
from generator.terminal import escape

if TYPE_CHECKING:
    import argparse

COMMANDS = ("generate", "check", "diff", "templates", "ir")
"""The commands, each a module of ``generator.commands`` with ``add_parser``."""
FRONT_DOOR = ("check", "generate")
"""Commands an unchanged run of answers before argparse is built (``generator.commands.unchanged``)."""
EXIT_BROKEN_PIPE = 141
"""Standard output was closed early (128 + SIGPIPE, as the shell reports it)."""
EXIT_INTERNAL_ERROR = 70
"""A bug in specloom (``EX_SOFTWARE``); ``SPECLOOM_DEBUG=1`` shows the traceback."""

__all__ = ["EXIT_BAD_INPUT", "EXIT_DRIFT", "EXIT_INTERNAL_ERROR", "EXIT_OK", "build_parser", "main"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of every command, or of the command ``only`` alone.

    A command line that names its command needs only that one: the others
    are neither imported nor built (their options never apply).
    """
    import argparse  # here: an unchanged run is answered without it

    parser = argparse.ArgumentParser(
        prog="specloom",
        description="Generate request classes, validators and docs from OpenAPI specs and model docs.",
    )
    parser.add_argument("--version", action="version", version=f"specloom {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        if only is None or name == only:
            import_module(f"generator.commands.{name}").add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        if arguments and arguments[0] in FRONT_DOOR:
            from generator.commands.unchanged import answer

            code = answer(arguments)
            if code is not None:
                return code
        named = arguments[0] if arguments and arguments[0] in COMMANDS else None
        args = build_parser(named).parse_args(arguments)
        command: Callable[[argparse.Namespace], int] = args.run
        return command(args)
    except BrokenPipeError:  # the reader went away (``specloom diff ... | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except SpecloomError as error:
        for problem in error.problems:
            print(_shorten(escape(str(problem))), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(escape(f"specloom: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        if os.environ.get("SPECLOOM_DEBUG"):
            raise
        print(
            escape(f"specloom: internal error: {type(error).__name__}: {error}") + "\n"
            "Please report it; set SPECLOOM_DEBUG=1 for the traceback.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR


_LONGEST_LINE = 2000
"""Longest problem line printed: a message quoting a huge input is cut (the input stays the user's)."""


def _shorten(line: str) -> str:
    if len(line) <= _LONGEST_LINE:
        return line
    return line[: _LONGEST_LINE - 30] + f"... ({len(line)} characters)"


def run() -> None:
    """Console entry point (``specloom``, ``python -m generator``): ``main`` as a process.

    A run builds a large, mostly acyclic IR and exits; collecting cycles every
    700 allocations only costs time (about 9 % of a big spec's run), so the
    threshold is raised for the process, leaving memory as it was.
    """
    gc.set_threshold(100_000, 50, 100)
    sys.exit(main())


if __name__ == "__main__":
    run()
