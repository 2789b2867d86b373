"""``python -m generator.reference [PATH]``: rewrite the template-context reference page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.reference.page import page_text

DEFAULT_PATH = Path("docs/template-context.md")
"""Where the page lives, relative to the project root."""


def main(argv: list[str]) -> int:
    """Write the page to the path given (default ``docs/template-context.md``)."""
    parser = argparse.ArgumentParser(
        prog="python -m generator.reference",
        description="Rewrite the template-context reference page from the IR's own documentation.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_PATH,
        help=f"where to write the page (default: {DEFAULT_PATH})",
    )
    path: Path = parser.parse_args(argv).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_text(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
