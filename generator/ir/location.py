"""Where an IR node came from, so every message can say ``file:line``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file."""

    file: str
    """Path of the input file, as given on the command line (POSIX separators)."""
    line: int | None = None
    """1-based line number, when the input format has lines."""
    pointer: str | None = None
    """JSON pointer inside the document (OpenAPI inputs), e.g. ``/components/schemas/Mode``."""

    def __str__(self) -> str:
        text = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.pointer is not None and self.line is None:
            text += f"#{self.pointer}"
        return text
