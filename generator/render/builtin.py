"""Where the built-in templates are (a light module: no Jinja import)."""

from __future__ import annotations

from pathlib import Path


def builtin_templates() -> Path:
    """Folder of the built-in templates: inside the installed wheel, or the source checkout's."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("specloom's built-in templates are missing from the installation")
