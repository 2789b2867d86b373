"""The content key of a run: specloom itself, every input file's bytes, the templates, the options.

Computed before anything is parsed, with nothing heavier than ``hashlib``
imported, so an unchanged run can stop here (see ``generator.cache.fast``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from generator import __version__
from generator.config import Settings, key_root

INPUT_SUFFIXES = frozenset({".md", ".yaml", ".yml", ".json"})
"""Files below a ``--spec`` folder that can be an input (all of them are keyed)."""

_PACKAGE = Path(__file__).resolve().parent.parent


def _tree_files(folder: Path, suffixes: frozenset[str] | None) -> list[Path]:
    """Files below ``folder`` (hidden ones skipped), sorted; only ``suffixes`` when given."""
    found: list[Path] = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            if suffixes is None or os.path.splitext(name)[1] in suffixes:
                found.append(Path(root, name))
    return found


def input_files(settings: Settings, extra: Iterable[str] = ()) -> list[Path]:
    """Every file the inputs may be read from: the ``--spec`` files and folders, and ``extra``."""
    files: set[Path] = {Path(path) for path in extra}
    for path in settings.spec:
        if path.is_dir():
            files.update(_tree_files(path, INPUT_SUFFIXES))
        else:
            files.add(path)
    return sorted(files)


def code_fingerprint() -> str:
    """specloom's version and the size and time of each of its modules and built-in templates.

    A changed source checkout (an editable install) is a different specloom.
    """
    from generator.render.builtin import builtin_templates

    lines = [__version__]
    for folder in (_PACKAGE, builtin_templates()):
        _stamp_tree(os.fspath(folder), lines)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _stamp_tree(folder: str, lines: list[str]) -> None:
    """``path\0size\0mtime`` of each file below ``folder`` (sorted; hidden files, bytecode skipped)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name == "__pycache__":
            continue
        try:
            if entry.is_dir():
                folders.append(entry.path)
                continue
            if name.endswith(".pyc"):
                continue
            info = entry.stat()
        except OSError:
            continue
        lines.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}")
    for path in folders:
        _stamp_tree(path, lines)


def file_digest(path: Path | str) -> str:
    """SHA-256 of a file's bytes, hex; ``missing`` when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return "missing"


def custom_files(settings: Settings) -> list[Path]:
    """Every file of the custom template folders, in search order."""
    return [path for folder in settings.templates for path in _tree_files(folder, None)]


def template_listing(settings: Settings) -> str:
    """The names in the custom template folders (which file serves which template)."""
    digest = hashlib.sha256()
    for folder in settings.templates:
        digest.update(f"{folder}\n".encode())
        for path in _tree_files(folder, None):
            digest.update(f"{path.relative_to(folder).as_posix()}\n".encode())
    return digest.hexdigest()


def options_key(settings: Settings) -> str:
    """Everything but the inputs and the templates' contents that the output depends on."""
    parts = [
        code_fingerprint(),
        repr(settings.targets),
        settings.package,
        repr(settings.flavor),
        repr(settings.naming),
        repr(settings.go_style),
        settings.formats,
        settings.formatter,
        repr(settings.limits),
        repr(settings.handwritten),
        template_listing(settings),
        os.path.realpath(key_root(settings)),  # the folder rule keys name spec files from
    ]
    if settings.templates and settings.formatter != "none":  # formatting can happen
        from generator.render.formatting import Formatter

        parts.append(Formatter(settings.formatter, settings.config).fingerprint())
    if "pydantic" in settings.targets:  # its module is datamodel-code-generator's, laid out by black
        parts.append(_versions("datamodel-code-generator", "black"))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _versions(*distributions: str) -> str:
    """``name version`` of each installed distribution (``name -`` when absent)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in distributions:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} -")
    return " ".join(found)


def run_key(
    settings: Settings, extra_inputs: Iterable[str] = (), options: str | None = None
) -> str:
    """The key of a run: options, config file, every input file and every custom template file.

    ``options`` is ``options_key(settings)`` when already computed.
    """
    digest = hashlib.sha256((options or options_key(settings)).encode())
    if settings.config is not None:
        digest.update(f"config {file_digest(settings.config)}\n".encode())
    for path in input_files(settings, extra_inputs):
        digest.update(f"input {path}\0{file_digest(path)}\n".encode())
    for folder in settings.templates:
        for path in _tree_files(folder, None):
            digest.update(f"template {path}\0{file_digest(path)}\n".encode())
    return digest.hexdigest()
