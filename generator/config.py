"""Settings from ``[tool.specloom]`` in ``pyproject.toml``, overridden by command-line options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Problem, SpecloomError
from generator.ir import Location
from generator.limits import KEYS, Limits

if TYPE_CHECKING:
    from generator.inputs.handwritten.config import HandwrittenConfig

FORMATS = ("assert", "annotate")
"""Values of ``--formats`` / ``[tool.specloom] formats``."""

DEFAULT_TARGETS = ("python", "docs-go")
"""Targets generated when neither the command line nor the config names any."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a ``generate`` or ``check`` run needs."""

    spec: tuple[Path, ...] = ()
    """Input files and folders."""
    targets: tuple[str, ...] = DEFAULT_TARGETS
    """Targets to render."""
    out: Path = Path("generated")
    """The out folder."""
    package: str = "models"
    """Python package name of the ``python`` target."""
    templates: tuple[Path, ...] = field(default_factory=tuple)
    """Custom template folders, searched before the built-ins."""
    flavor: str | None = None
    """Docs flavor of markdown inputs; ``None`` detects it from the docs themselves."""
    naming: str | None = None
    """How OpenAPI inline schemas are named (``speakeasy-2023`` or ``speakeasy-2025``)."""
    go_style: str | None = None
    """Type style of the ``docs-go`` target (``old`` or ``new``); ``None``: as the input docs."""
    limits: Limits = field(default_factory=Limits)
    """Bounds of the run and the folders ``$ref`` may reach (``[tool.specloom.limits]``, ``ref-roots``)."""
    handwritten: HandwrittenConfig | None = None
    """``[tool.specloom.handwritten]``: house words and naming of hand-written docs."""
    formatter: str = "black"
    """Formatter of Python files rendered from custom templates: ``black``, ``ruff`` or ``none``."""
    config: Path | None = None
    """The ``pyproject.toml`` the settings came from (its ``[tool.black]`` options the formatter's)."""
    diff_accept: Path | None = None
    """The suppressions file of ``specloom diff`` (accepted changes); ``None``: none."""
    formats: str = "assert"
    """``assert``: the python target's validators check string formats; ``annotate``: they do not."""


def key_root(settings: Settings) -> Path:
    """The folder generated output names spec files from (validation-rule keys): the config's
    folder; without a config, the common folder of the ``--spec`` inputs (a folder input itself,
    a file input's folder).  Never the working folder, so output does not depend on where
    specloom runs."""
    if settings.config is not None:
        return settings.config.parent
    folders = [os.path.abspath(p if p.is_dir() else p.parent) for p in settings.spec]
    try:
        return Path(os.path.commonpath(folders)) if folders else Path.cwd()
    except ValueError:  # inputs on different drives
        return Path.cwd()


def _strings(value: object, key: str, where: Location) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise SpecloomError(
        [Problem(where, f"[tool.specloom] {key}: expected a string or a list of strings")]
    )


def load_settings(pyproject: Path, memo: Path | None = None) -> Settings:
    """Settings from ``pyproject``'s ``[tool.specloom]`` (defaults when absent); paths resolved from its folder.

    With ``memo`` (a folder: the cache's), the table parsed last time from the
    same bytes is taken from there instead of parsing the TOML again (see
    ``specloom_table``).
    """
    if not pyproject.is_file():
        return Settings()
    where = Location(pyproject.as_posix())
    table = specloom_table(pyproject, where, memo)
    known = {
        "spec",
        "targets",
        "out",
        "package",
        "templates",
        "flavor",
        "go-style",
        "naming",
        "limits",
        "ref-roots",
        "handwritten",
        "formatter",
        "diff-accept",
        "formats",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise SpecloomError(
            [
                Problem(
                    where,
                    f"[tool.specloom] unknown keys {unknown}; expected some of {sorted(known)}",
                )
            ]
        )
    handwritten = None
    if "handwritten" in table:
        from generator.inputs.handwritten.config import config_from_table

        handwritten, problems = config_from_table(table["handwritten"])
        if problems:
            raise SpecloomError([Problem(where, message) for message in problems])
    base = pyproject.parent
    settings = Settings()
    return Settings(
        spec=tuple(base / p for p in _strings(table.get("spec", []), "spec", where)),
        targets=_strings(table["targets"], "targets", where)
        if "targets" in table
        else settings.targets,
        out=base / _strings(table.get("out", "generated"), "out", where)[0],
        package=_strings(table.get("package", "models"), "package", where)[0],
        templates=tuple(base / p for p in _strings(table.get("templates", []), "templates", where)),
        flavor=_strings(table["flavor"], "flavor", where)[0] if "flavor" in table else None,
        naming=_strings(table["naming"], "naming", where)[0] if "naming" in table else None,
        go_style=_strings(table["go-style"], "go-style", where)[0] if "go-style" in table else None,
        limits=_limits(table, base, where),
        handwritten=handwritten,
        formatter=_strings(table["formatter"], "formatter", where)[0]
        if "formatter" in table
        else settings.formatter,
        config=pyproject,
        diff_accept=base / _strings(table["diff-accept"], "diff-accept", where)[0]
        if "diff-accept" in table
        else None,
        formats=_strings(table["formats"], "formats", where)[0] if "formats" in table else "assert",
    )


TABLE_MEMO = "config-table.json"
"""The file of ``load_settings``'s memo in its folder."""


def specloom_table(pyproject: Path, where: Location, memo: Path | None = None) -> dict[str, Any]:
    """``[tool.specloom]`` of ``pyproject`` (empty when absent); ``SpecloomError`` on invalid TOML.

    With ``memo``, ``memo/config-table.json`` holds the table with the
    SHA-256 of the bytes it was parsed from: the same bytes give the table
    without importing or running the TOML parser (an unchanged run's start).
    Other bytes are parsed, and the memo is rewritten when its folder exists.
    """
    data = pyproject.read_bytes()
    digest = ""
    if memo is not None:
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
        remembered = _read_memo(memo / TABLE_MEMO)
        if isinstance(remembered, dict) and remembered.get("digest") == digest:
            table = remembered.get("table")
            if isinstance(table, dict):
                return table
    import tomllib  # here: an unchanged run's start never parses TOML

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SpecloomError([Problem(where, f"invalid TOML: not UTF-8 ({error})")]) from None
    except tomllib.TOMLDecodeError as error:
        raise SpecloomError([Problem(where, f"invalid TOML: {error}")]) from None
    tool = parsed.get("tool", {})
    table = tool.get("specloom", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise SpecloomError([Problem(where, "[tool.specloom] must be a table")])
    if memo is not None:
        _write_memo(memo / TABLE_MEMO, {"digest": digest, "table": table})
    return table


def _read_memo(path: Path) -> object:
    """The JSON of ``path`` when it is a regular file in a real folder, sealed and unaltered
    (``generator.sealed``), else ``None``."""
    from generator.sealed import unseal

    try:
        if path.is_symlink() or path.parent.is_symlink():
            return None
        return unseal(path.read_bytes())
    except (OSError, ValueError):
        return None


def _write_memo(path: Path, content: dict[str, Any]) -> None:
    """Write ``content`` to ``path`` when it comes back the same from JSON (best effort; no folder, no memo)."""
    import contextlib
    import json
    import os

    try:
        text = json.dumps(content, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):  # a TOML date or time, a non-finite float: no memo
        return
    if json.loads(text) != content or not path.parent.is_dir() or path.parent.is_symlink():
        return
    from generator.sealed import seal

    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        temporary.write_bytes(seal(content))
        os.replace(temporary, path)


def _limits(table: dict[str, object], base: Path, where: Location) -> Limits:
    """``[tool.specloom.limits]`` and ``ref-roots``; unknown keys and non-integers are errors."""
    values: dict[str, object] = {}
    raw = table.get("limits", {})
    if not isinstance(raw, dict):
        raise SpecloomError([Problem(where, "[tool.specloom.limits] must be a table")])
    for key, value in raw.items():
        if key not in KEYS:
            raise SpecloomError(
                [
                    Problem(
                        where,
                        f"[tool.specloom.limits] unknown key {key!r}; expected some of {sorted(KEYS)}",
                    )
                ]
            )
        if type(value) is not int or value < 1:
            raise SpecloomError(
                [Problem(where, f"[tool.specloom.limits] {key}: expected a positive integer")]
            )
        values[KEYS[key]] = value
    roots = tuple(base / p for p in _strings(table.get("ref-roots", []), "ref-roots", where))
    return Limits(**values, ref_roots=roots)  # type: ignore[arg-type]
