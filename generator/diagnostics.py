"""Problems found in inputs or templates, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.location import Location


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input or template."""

    location: Location
    """Where it is."""
    message: str
    """What is wrong and what was expected."""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.location.pointer is not None and self.location.line is not None:
            text += f" (at {self.location.pointer})"
        return text


class SpecloomError(Exception):
    """Raised with every problem found; the CLI prints one line each and exits 2."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
        """The problems, in the order found."""


class Collector:
    """Gathers problems while reading, so one run reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        """Problems found so far."""
        self.warnings: list[Problem] = []
        """Things read but not fully represented (unsupported features); they do not fail a run."""

    def add(self, location: Location, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(location, message))

    def warn(self, location: Location, message: str) -> None:
        """Record a warning."""
        self.warnings.append(Problem(location, message))

    def raise_if_any(self) -> None:
        """Raise ``SpecloomError`` when a problem was recorded."""
        if self.problems:
            raise SpecloomError(list(self.problems))
