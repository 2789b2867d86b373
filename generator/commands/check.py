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
from typing import TYPE_CHECKING, Any

from generator import limits
from generator.commands.common import (
    EXIT_DRIFT,
    EXIT_OK,
    add_color_option,
    add_run_options,
    check_settings,
    read_and_render,
    report_warnings,
    settings_from,
)
from generator.commands.unchanged import report_hit
from generator.display import display_path
from generator.output.manifest import MANIFEST_NAME
from generator.progress import Progress, wanted
from generator.terminal import Style, escape, escape_lines, wants_colour

if TYPE_CHECKING:
    from generator.diff import Change
    from generator.ir import Schema
    from generator.output.drift import Drift


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
    """``_run`` under the limits of ``[tool.specloom.limits]`` (the whole run: reading, rendering, writing)."""
    with limits.using(settings_from(args, validate=False).limits):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Render in memory, compare with the out folder, report (no render when nothing changed)."""
    settings = settings_from(args, validate=False)
    if not args.no_cache:
        from generator.cache.fast import lookup

        hit = lookup(settings)
        if hit is not None:
            if args.format != "json":
                return report_hit("check", settings, hit, args.strict)
            report_warnings(hit.warnings, args.strict)
            return _up_to_date_json(display_path(settings.out))
    check_settings(settings)
    from generator.cache.session import Session, read_manifest_bytes
    from generator.output.drift import find_drift
    from generator.output.manifest import edited_by_hand

    session = Session(settings, enabled=not args.no_cache)
    progress = Progress(wanted(sys.stderr, args.format == "json"), "specloom check")
    try:
        result = read_and_render(settings, args.strict, session, progress)
    finally:
        progress.close()
    drift = find_drift(settings.out, result.files)
    if drift.clean:
        manifest = read_manifest_bytes(settings.out)
        with limits.using(settings.limits):
            expected = _manifest_of(result.files, result.schema)
        if manifest == expected:
            session.save(expected, result.warnings)  # what generate would leave: a cache hit next
        else:
            _manifest_drift(drift, manifest, expected)
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


def _up_to_date_json(out: str) -> int:
    """Report an out folder that is up to date, in JSON."""
    from generator.diff.report import json_report
    from generator.output.drift import Drift

    report = _json(out, Drift(), [], [], EXIT_OK)
    report["semantic"] = json_report([])
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK


def _manifest_drift(drift: Drift, manifest: bytes | None, expected: bytes) -> None:
    """Count the manifest in the drift when it is not the one ``generate`` would write: the
    files match, yet ``generate`` would rewrite (or add) the committed manifest, whose listing
    and IR snapshot were edited by hand or written by another version."""
    from generator.output.drift import unified_diff

    if manifest is None:
        drift.added.append(MANIFEST_NAME)
        return
    current = manifest.decode("utf-8", errors="replace")
    drift.changed[MANIFEST_NAME] = unified_diff(MANIFEST_NAME, current, expected.decode("utf-8"))


def _manifest_of(files: dict[str, str], schema: Schema) -> bytes:
    """The manifest ``generate`` would write for these files."""
    from generator.output.manifest import manifest_text
    from generator.output.snapshot import schema_snapshot

    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    return manifest_text(encoded, schema_snapshot(schema)).encode("utf-8")


def _semantic_changes(out: Path, schema: Schema) -> list[Change] | None:
    """Changes from the IR the out folder was generated from; ``None`` when it has no snapshot."""
    from generator.diff import diff_schemas
    from generator.output.manifest import read_snapshot
    from generator.output.snapshot import SnapshotError, load_snapshot

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
    from generator.diff.report import summary_line, text_report

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
    from generator.diff.report import json_report

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
