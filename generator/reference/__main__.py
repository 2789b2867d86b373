"""``python -m generator.reference [PATH]``: rewrite the template-context reference page."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.reference.page import page_text

DEFAULT_PATH = Path("docs/template-context.md")
"""Where the page lives, relative to the project root."""


def main(argv: list[str]) -> int:
    """Write the page to ``argv[0]`` (default ``docs/template-context.md``)."""
    path = Path(argv[0]) if argv else DEFAULT_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_text(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
