"""``specloom check``: exit 1 when the out folder differs from what the inputs generate.

Above the file diffs it says what the spec change does: the IR snapshot in the
manifest (the IR the out folder was generated from) is diffed against the IR
of the current inputs.  Files edited by hand since specloom wrote them are
named (the manifest holds each file's hash).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from generator.commands.common import (
    EXIT_OK,
    add_color_option,
    add_run_options,
    read_and_render,
    settings_from,
)
from generator.diff import Change, diff_schemas
from generator.diff.report import json_report, summary_line, text_report
from generator.inputs.collect import display_path
from generator.ir import Schema
from generator.output.drift import Drift, find_drift
from generator.output.manifest import MANIFEST_NAME, edited_by_hand, read_snapshot
from generator.output.snapshot import SnapshotError, load_snapshot
from generator.terminal import Style, escape, escape_lines, wants_colour

EXIT_DRIFT = 1
"""The out folder is out of date."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser(
        "check",
        help="exit 1 with a summary and a diff when the out folder differs from what the specs generate",
    )
    add_run_options(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    add_color_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render in memory, compare with the out folder, report."""
    settings = settings_from(args)
    result = read_and_render(settings, args.strict)
    drift = find_drift(settings.out, result.files)
    out = display_path(settings.out)
    edited = [
        path
        for path in edited_by_hand(settings.out)
        if path in drift.changed or path in drift.removed
    ]
    changes = _semantic_changes(settings.out, result.schema) if not drift.clean else []
    code = EXIT_OK if drift.clean else EXIT_DRIFT
    if args.format == "json":
        json.dump(
            _json(out, drift, edited, changes, code), sys.stdout, indent=2, ensure_ascii=False
        )
        sys.stdout.write("\n")
        return code
    if drift.clean:
        print(f"specloom check: {escape(out)}/ is up to date")
        return code
    style = Style(wants_colour(sys.stdout, args.color))
    manifest_found = (settings.out / MANIFEST_NAME).is_file()
    _print_text(out, drift, edited, changes, style, manifest_found)
    return code


def _semantic_changes(out: Path, schema: Schema) -> list[Change] | None:
    """Changes from the IR the out folder was generated from; ``None`` when it has no snapshot."""
    data = read_snapshot(out)
    if data is None:
        return None
    try:
        return diff_schemas(load_snapshot(data), schema)
    except SnapshotError:
        return None


def _print_text(
    out: str,
    drift: Drift,
    edited: list[str],
    changes: list[Change] | None,
    style: Style,
    manifest_found: bool,
) -> None:
    write = sys.stdout.write
    out = escape(out)
    write(
        style.paint(
            f"What the spec change does to the models (IR of {out}/ -> current inputs):", "bold"
        )
        + "\n"
    )
    if changes is None and not manifest_found:
        write(f"  unknown: {out}/ was never generated (no {MANIFEST_NAME})\n")
    elif changes is None:
        write(
            f"  unknown: {out}/{MANIFEST_NAME} holds no IR snapshot (written by an older "
            "specloom); `specloom generate` adds one\n"
        )
    elif not [c for c in changes if c.impact.value != "non-semantic"]:
        write(text_report(changes, style, indent="  "))
        write(
            "  no semantic change: the differences below come from templates, options, descriptions or examples\n"
        )
    else:
        write(text_report(changes, style, indent="  "))
        write(f"  {summary_line(changes)}\n")
    for path in map(escape, edited):
        message = (
            f"{out}/{path}: edited by hand since specloom wrote it (its hash differs from "
            f"{MANIFEST_NAME}); `specloom generate` would undo the edit, so make it in the "
            "spec or a custom template instead"
        )
        write(style.paint(message, "yellow") + "\n")
    for diff in drift.changed.values():
        write(
            "".join(style.diff_line(escape_lines(line)) for line in diff.splitlines(keepends=True))
        )
    for path in drift.added:
        write(style.paint(f"would add {out}/{escape(path)}", "green") + "\n")
    for path in drift.removed:
        write(style.paint(f"would remove {out}/{escape(path)}", "red") + "\n")
    counts = (
        f"{len(drift.changed)} changed, {len(drift.added)} to add, {len(drift.removed)} to remove"
    )
    write(
        f"specloom check: {out}/ is out of date ({counts}); run `specloom generate` to update it\n"
    )


def _json(
    out: str, drift: Drift, edited: list[str], changes: list[Change] | None, code: int
) -> dict[str, Any]:
    return {
        "out": out,
        "up_to_date": drift.clean,
        "exit_code": code,
        "semantic": None if changes is None else json_report(changes),
        "edited_by_hand": edited,
        "changed": [{"path": path, "diff": diff} for path, diff in drift.changed.items()],
        "added": drift.added,
        "removed": drift.removed,
    }
