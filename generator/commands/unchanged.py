"""The unchanged run's front door: ``check`` and ``generate`` answered from the cache, before argparse.

A pre-commit hook runs ``specloom check`` on every commit, mostly with nothing
changed; most of such a run used to go to building the whole command line
(argparse and every option of the command).  ``answer`` reads a command line
of the plain shape (the command first, then long options spelled in full, as
``--name value`` or ``--name=value``) with a small table of the options, looks
the run up in the cache (``generator.cache.fast``) and reports a hit the way
the command does.

It answers only what it reads exactly as argparse would; anything else (help,
an abbreviated or unknown option, a value that looks like an option, a choice
argparse would refuse, ``--watch``, ``--no-cache``, ``--format json``) gives
``None``, and so does a cache miss: the command then runs in full and decides
(including the error message).  A test parses command lines both ways and
keeps the table equal to the commands' parsers.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from generator.config import FORMATS
from generator.diagnostics import SpecloomError
from generator.inputs.openapi.namings import NAMINGS
from generator.render.formatter_names import FORMATTERS
from generator.terminal import COLOR_CHOICES, escape

if TYPE_CHECKING:
    from generator.cache.fast import Hit
    from generator.config import Settings

APPEND = "append"
"""The option may be repeated; its values are collected in a list."""
FLAG = "flag"
"""The option takes no value (``store_true``)."""
VALUE = "value"
"""The option takes one value; the last one given counts."""

_RUN_OPTIONS: dict[str, tuple[str, str, bool, tuple[str, ...] | None]] = {
    # option: (destination, kind, a path, choices)
    "--spec": ("spec", APPEND, True, None),
    "--target": ("target", APPEND, False, None),
    "--out": ("out", VALUE, True, None),
    "--package": ("package", VALUE, False, None),
    "--flavor": ("flavor", VALUE, False, None),
    "--naming": ("naming", VALUE, False, NAMINGS),
    "--allow-ref-outside": ("allow_ref_outside", FLAG, False, None),
    "--go-style": ("go_style", VALUE, False, ("old", "new")),
    "--formatter": ("formatter", VALUE, False, FORMATTERS),
    "--no-cache": ("no_cache", FLAG, False, None),
    "--formats": ("formats", VALUE, False, FORMATS),
    "--strict": ("strict", FLAG, False, None),
    "--templates": ("templates", APPEND, True, None),
    "--config": ("config", VALUE, True, None),
}
OPTIONS: dict[str, dict[str, tuple[str, str, bool, tuple[str, ...] | None]]] = {
    "check": {
        **_RUN_OPTIONS,
        "--format": ("format", VALUE, False, ("text", "json")),
        "--color": ("color", VALUE, False, COLOR_CHOICES),
    },
    "generate": {**_RUN_OPTIONS, "--watch": ("watch", FLAG, False, None)},
}
"""Each command's options: destination, kind, whether the value is a path, and its choices."""
DEFAULTS: dict[str, object] = {
    "config": Path("pyproject.toml"),
    "format": "text",
    "color": "auto",
}
"""Defaults other than ``None`` (lists) and ``False`` (flags)."""


def read_arguments(command: str, arguments: list[str]) -> SimpleNamespace | None:
    """``arguments`` (after the command) as argparse's namespace would hold them; ``None`` when unsure."""
    table = OPTIONS.get(command)
    if table is None:
        return None
    values: dict[str, object] = {
        dest: False if kind == FLAG else DEFAULTS.get(dest) for dest, kind, _, _ in table.values()
    }
    position = 0
    while position < len(arguments):
        token = arguments[position]
        position += 1
        name, equals, inline = token.partition("=")
        option = table.get(name)
        if option is None or not name.startswith("--"):
            return None  # help, an abbreviation, a positional: argparse decides
        dest, kind, is_path, choices = option
        if kind == FLAG:
            if equals:
                return None
            values[dest] = True
            continue
        if equals:
            value = inline
        elif position < len(arguments):
            value = arguments[position]
            position += 1
        else:
            return None
        if not value or value.startswith("-") or (choices is not None and value not in choices):
            return None
        typed: object = Path(value) if is_path else value
        if kind == APPEND:
            found = values[dest]
            values[dest] = [*found, typed] if isinstance(found, list) else [typed]
        else:
            values[dest] = typed
    return SimpleNamespace(**values)


def answer(arguments: list[str]) -> int | None:
    """The exit code of an unchanged ``check``/``generate`` run (reported); ``None`` to run it in full."""
    if not arguments:
        return None
    command = arguments[0]
    args = read_arguments(command, arguments[1:])
    if args is None or args.no_cache or getattr(args, "watch", False):
        return None
    if getattr(args, "format", "text") != "text":
        return None
    from generator.cache.fast import lookup
    from generator.commands.common import settings_from

    try:
        settings = settings_from(args, validate=False, memo=True)
    except SpecloomError:
        return None  # the full run reports it
    hit = lookup(settings)
    if hit is None:
        return None
    return report_hit(command, settings, hit, args.strict)


def report_hit(command: str, settings: Settings, hit: Hit, strict: bool) -> int:
    """Replay the hit's warnings (errors with ``strict``) and say the out folder is up to date."""
    from generator.commands.common import EXIT_OK, report_warnings
    from generator.display import display_path

    report_warnings(hit.warnings, strict)
    out = escape(display_path(settings.out))
    if command == "check":
        print(f"specloom check: {out}/ is up to date")
    else:
        print(f"specloom: {hit.files} files in {out}/, 0 changed")
    return EXIT_OK
