"""Format Python files rendered from custom templates, in memory, before writing or comparing.

Built-in templates emit black's layout themselves (a test keeps them so), so
their output is left alone; a custom template cannot be asked to, so what it
renders goes through the chosen formatter: ``black`` (its Python API, with the
``[tool.black]`` options of the config file), ``ruff`` (``ruff format -`` on
standard input, with the config ruff finds for the file) or ``none``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.render.formatter_names import FORMATTERS as FORMATTERS  # its home was here

_POSITION = re.compile(r"(?:^|[\s:])(\d+):(\d+)(?=:|\s|$)")


class FormatFailure(Exception):
    """The formatter rejected a file: its 1-based line (when known) and the reason."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        """Line of the rendered file the formatter stopped at."""
        self.message = message
        """What the formatter said."""


@dataclass(frozen=True)
class Formatter:
    """A formatter for Python source, with the config file whose options it honours."""

    name: str = "black"
    """``black``, ``ruff`` or ``none``."""
    config: Path | None = None
    """The ``pyproject.toml`` of the run (``[tool.black]`` options), when there is one."""
    memo: Path | None = field(default=None, compare=False)
    """The cache folder, where black's output is remembered piece by piece (``None``: not at all).

    See ``generator.render.black_pieces``: a re-run formats only the pieces of
    a long module that changed, to the same bytes as formatting it whole.
    """
    scope: str = field(default="", compare=False)
    """What the memo files are named by beside each file's path: the out folder, so two out
    folders under one cache folder keep a memo each."""

    @property
    def active(self) -> bool:
        """Whether this formatter changes anything (``none`` does not)."""
        return self.name != "none"

    def fingerprint(self) -> str:
        """What the output depends on: the formatter, its version and its options."""
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        if self.name == "black":
            from importlib.metadata import version

            return f"black {version('black')} {sorted(self._black_options.items())!r}"
        if self.name == "ruff":
            return f"ruff {self._ruff_version}"
        return "none"

    def format(self, text: str, path: str) -> str:
        """``text`` (Python source to be written at ``path``) formatted; ``FormatFailure`` when it is not Python."""
        if self.name == "black":
            from generator.render.black_pieces import format_in_pieces

            remembered = format_in_pieces(
                text, self._black_mode, self._fingerprint, self.memo, f"{self.scope}\0{path}"
            )
            return self._black(text) if remembered is None else remembered
        if self.name == "ruff":
            formatted: str = self._ruff(text, path)
            return formatted
        return text

    def _black(self, text: str) -> str:
        import black
        from black.parsing import InvalidInput

        try:
            formatted: str = black.format_str(text, mode=self._black_mode)
            return formatted
        except InvalidInput as error:
            raise FormatFailure(_syntax_error_line(text, str(error)), _first_line(error)) from None
        except Exception as error:  # black's own checks (e.g. an unstable result)
            raise FormatFailure(_syntax_error_line(text, ""), _first_line(error)) from None

    @cached_property
    def _black_options(self) -> dict[str, Any]:
        """``[tool.black]`` of the config file, as black parses it (``{}`` without one)."""
        if self.config is None or not self.config.is_file():
            return {}
        from black.files import parse_pyproject_toml

        try:
            return dict(parse_pyproject_toml(str(self.config)))
        except (OSError, ValueError):
            return {}

    @cached_property
    def _black_mode(self) -> Any:
        from black.const import DEFAULT_LINE_LENGTH
        from black.mode import Mode, TargetVersion

        options = self._black_options
        targets = {
            TargetVersion[str(version).upper()]
            for version in options.get("target_version", ())
            if str(version).upper() in TargetVersion.__members__
        }
        return Mode(
            target_versions=targets,
            line_length=int(options.get("line_length", DEFAULT_LINE_LENGTH)),
            string_normalization=not options.get("skip_string_normalization", False),
            magic_trailing_comma=not options.get("skip_magic_trailing_comma", False),
            preview=bool(options.get("preview", False)),
        )

    @cached_property
    def _ruff(self) -> Any:
        executable = shutil.which("ruff")
        if executable is None:
            raise FormatFailure(
                None, "formatter 'ruff' is not installed; expected `pip install ruff`"
            )

        import subprocess  # here: only a run that formats starts processes

        def run(text: str, path: str) -> str:
            result = subprocess.run(
                [executable, "format", "--stdin-filename", path, "-"],
                input=text.encode("utf-8"),
                capture_output=True,
                check=False,
            )
            if result.returncode != 0:
                message = result.stderr.decode("utf-8", "replace").strip()
                raise FormatFailure(_syntax_error_line(text, message), _first_line(message))
            return result.stdout.decode("utf-8")

        return run

    @cached_property
    def _ruff_version(self) -> str:
        executable = shutil.which("ruff")
        if executable is None:
            return "missing"
        import subprocess

        result = subprocess.run([executable, "--version"], capture_output=True, check=False)
        return result.stdout.decode("utf-8", "replace").strip()


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "the formatter failed"


def _syntax_error_line(text: str, message: str) -> int | None:
    """The line Python's own parser stops at; else the first ``line:column`` in ``message``."""
    try:
        compile(text, "<rendered>", "exec", dont_inherit=True)
    except SyntaxError as error:
        if error.lineno:
            return error.lineno
    except ValueError:
        pass
    match = _POSITION.search(message)
    return int(match.group(1)) if match else None
