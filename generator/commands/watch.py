"""``specloom generate --watch``: regenerate whenever a spec, a template or the config changes.

Each change is followed by what it did to the models (the semantic diff of
the IR before and after) and the files it changed.  Bad input is reported
(``path:line: message``) with nothing written, and watching goes on; Ctrl-C
stops it (exit 0).  Files are watched with ``watchfiles``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.commands.common import EXIT_OK, check_settings, settings_from
from generator.config import Settings
from generator.diagnostics import SpecloomError
from generator.display import display_path

if TYPE_CHECKING:
    from generator.ir import Schema


def watched_paths(settings: Settings, extra: Iterable[Path] = ()) -> list[Path]:
    """The folders to watch: the inputs', the template folders and the config file's."""
    found: set[Path] = set()
    for path in [*settings.spec, *settings.templates, *extra]:
        path = path.resolve()
        found.add(path if path.is_dir() else path.parent)
    if settings.config is not None:
        found.add(settings.config.resolve().parent)
    return sorted(p for p in found if p.exists())


def _relevant(settings: Settings, extra: set[Path]) -> object:
    """A ``watchfiles`` filter: inputs, templates and the config; never the out folder."""
    out = settings.out.resolve()
    roots = [p.resolve() for p in [*settings.spec, *settings.templates]]
    files = {p for p in roots if not p.is_dir()} | extra
    if settings.config is not None:
        files.add(settings.config.resolve())
    folders = [p for p in roots if p.is_dir()]

    def accept(_change: object, name: str) -> bool:
        path = Path(name)
        if path == out or out in path.parents:
            return False
        if any(part.startswith(".") for part in path.parts[-1:]):
            return False
        return path in files or any(folder in path.parents for folder in folders)

    return accept


READY_AFTER_MS = 100
"""The watch says it is watching after this long a quiet interval (its folders are watched by then)."""


def watch(args: argparse.Namespace, stop_event: object = None) -> int:
    """Generate, then regenerate on every relevant change until Ctrl-C (or ``stop_event``)."""
    import watchfiles

    from generator.render import workers

    workers.FORK_ALLOWED = False  # the watcher runs threads: forking now is not safe
    previous: Schema | None = None
    settings = settings_from(args)
    previous = _cycle(args, previous, first=True)
    try:
        while True:
            settings = _settings_or_none(args) or settings
            from generator.inputs.openapi.loader import FILES_READ

            extra = {p.resolve() for p in FILES_READ}
            paths = watched_paths(settings, extra)
            announced = False
            for changes in watchfiles.watch(
                *paths,
                watch_filter=_relevant(settings, extra),  # type: ignore[arg-type]
                stop_event=stop_event,  # type: ignore[arg-type]
                debounce=200,
                step=50,
                rust_timeout=READY_AFTER_MS,
                yield_on_timeout=True,
            ):
                if not announced:  # the folders are watched from here on: say so
                    _say(f"specloom: watching {_folders(len(paths))} for changes (Ctrl-C stops)")
                    announced = True
                if not changes:  # a quiet interval
                    continue
                previous = _cycle(args, previous)
                settings = _settings_or_none(args) or settings
                extra = {p.resolve() for p in FILES_READ}
                if watched_paths(settings, extra) != paths:
                    break  # other folders to watch (a new template folder, a new $ref)
                _say("specloom: waiting for changes")
            else:  # stop_event set
                return EXIT_OK
    except KeyboardInterrupt:
        _say("specloom: stopped watching")
        return EXIT_OK


def _folders(count: int) -> str:
    return "1 folder" if count == 1 else f"{count} folders"


def _say(line: str) -> None:
    """Print ``line`` in one write, so that Ctrl-C never cuts it from its newline."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _settings_or_none(args: argparse.Namespace) -> Settings | None:
    try:
        return settings_from(args)
    except SpecloomError:
        return None


def _cycle(args: argparse.Namespace, previous: Schema | None, first: bool = False) -> Schema | None:
    """One generation: print what changed (models, then files); report bad input and go on."""
    from generator.commands.generate import generate

    try:
        settings = settings_from(args)
        check_settings(settings)
        result, changed = generate(settings, args.strict, not args.no_cache)
    except SpecloomError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr, flush=True)
        print("specloom: nothing written", file=sys.stderr, flush=True)
        return previous
    except OSError as error:
        print(f"specloom: {error}", file=sys.stderr, flush=True)
        return previous
    out = display_path(settings.out)
    if previous is not None:
        from generator.diff import diff_schemas
        from generator.diff.report import summary_line, text_report

        changes = diff_schemas(previous, result.schema)
        sys.stdout.write(text_report(changes, indent="  "))
        print(f"specloom: {summary_line(changes)}")
    elif not first:
        print("specloom: regenerated")
    print(f"specloom: {len(result.files)} files in {out}/, {len(changed)} changed", flush=True)
    for path in changed:
        print(f"  {out}/{path}", flush=True)
    return result.schema
