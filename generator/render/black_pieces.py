"""Black on a long module, piece by piece, each piece remembered by its text (a re-run formats only what changed).

A custom template renders a whole module (``components.py`` of a big spec is
hundreds of kilobytes), one changed definition changes one part of it, and
black costs seconds on such a file.  Here the module's top-level statements
(found by ``ast``) are grouped into pieces, cut where a statement's text
hashes to a cut mark (so an edit moves no cut but its own), and the memo (a
JSON file per output path in the cache folder) holds each piece's formatted
text, keyed by its text, the text of the ``CONTEXT`` statements before it,
the target versions and the formatter's fingerprint:

- when most pieces are new, the module is formatted whole (black's own
  result, as without the memo) and its output is cut at the same statements
  to fill the memo;
- otherwise the pieces the memo does not hold are formatted alone, each after
  its context (black lays out a top-level statement the same whatever follows
  it; what comes before matters through the blank lines above it, which
  depend on the statements just before); the formatted context must be a
  prefix of the result and is cut off, else the module is formatted whole;
- black infers the Python versions to target from the features the whole
  module uses: the union of the pieces' features (black's own parser and
  function, remembered per piece) gives them, and a piece is formatted for
  them.

The memo keeps the entries of the last format of that path only.
``format_in_pieces`` gives ``None`` (format the module whole, remember
nothing) when the module is short, has ``fmt:`` directives, carriage returns
or form feeds, does not parse, or black fails on a piece.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import hashlib
import itertools
import os
import zlib
from pathlib import Path
from typing import Any

from generator.sealed import seal, unseal

SHORTEST = 32 * 1024
"""Modules shorter than this are formatted whole (black is quick on them)."""
PIECE_MIN = 8 * 1024
"""A piece is cut only once it holds this many characters..."""
PIECE_MAX = 64 * 1024
"""...and always once it holds this many."""
CUT_ONE_IN = 4
"""Past ``PIECE_MIN``, about one statement in this many starts a piece (by its text's hash)."""
CONTEXT = 2
"""Statements before a piece that it is formatted after."""
WHOLE_WHEN_NEW = 0.4
"""The module is formatted whole when the pieces to format hold more than this share of it."""
FORMAT_VERSION = 2
"""Layout of the memo files."""
MEMO_DIR = "formatted"
"""The memo's folder in the cache folder."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Layout:
    """Where each top-level statement of a text owns its lines (see ``_layout``)."""

    text: str
    starts: list[int]
    """Offset where each statement's lines begin (after the statement before it)."""
    cuttable: list[bool]
    """Whether a piece may start at each statement (not on the line of the one before)."""

    def span(self, first: int, end: int) -> tuple[int, int]:
        """Offsets of statements ``first`` up to ``end`` (excluded), with the lines they own."""
        stop = self.starts[end] if end < len(self.starts) else len(self.text)
        return self.starts[first], stop


def _layout(text: str) -> _Layout | None:
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError):
        return None
    if not body:
        return None
    offsets = [0]
    position = text.find("\n")
    while position != -1:
        offsets.append(position + 1)
        position = text.find("\n", position + 1)
    starts, cuttable = [0], [True]
    for before, statement in itertools.pairwise(body):
        end = before.end_lineno or before.lineno
        starts.append(offsets[min(end, len(offsets) - 1)])
        first_line = min([statement.lineno, *(d.lineno for d in _decorators(statement))])
        cuttable.append(first_line > end)
    return _Layout(text, starts, cuttable)


def _decorators(statement: ast.stmt) -> list[ast.expr]:
    found: list[ast.expr] = getattr(statement, "decorator_list", [])
    return found


def _firsts(layout: _Layout) -> list[int]:
    """The first statement of each piece."""
    firsts = [0]
    text, starts = layout.text, layout.starts
    for index in range(1, len(starts)):
        if not layout.cuttable[index]:
            continue
        size = starts[index] - starts[firsts[-1]]
        statement = text[starts[index] : layout.span(index, index + 1)[1]]
        mark = zlib.crc32(statement.encode("utf-8", "surrogatepass")) % CUT_ONE_IN == 0
        if size >= PIECE_MAX or (size >= PIECE_MIN and mark):
            firsts.append(index)
    return firsts


def format_in_pieces(
    text: str, mode: Any, fingerprint: str, memo: Path | None, path: str
) -> str | None:
    """``text`` formatted by black in ``mode`` with the memo of ``path`` (see the module); ``None``: format it whole.

    ``memo`` is the cache folder (``None``: nothing is remembered), ``path``
    names the memo file (``Formatter`` gives the out folder and the file's path below it).
    """
    if memo is None or len(text) < SHORTEST:
        return None
    if "fmt:" in text or "\r" in text or "\x0c" in text:
        return None
    layout = _layout(text)
    if layout is None:
        return None
    firsts = _firsts(layout)
    if len(firsts) < 2:
        return None
    import black
    from black.mode import VERSION_TO_FEATURES, TargetVersion
    from black.parsing import lib2to3_parse

    memo_file = memo / MEMO_DIR / f"{_digest(path)[:24]}.json"
    known = _load(memo_file, fingerprint)
    used: dict[str, dict[str, Any]] = {"features": {}, "pieces": {}}
    bounds = [
        layout.span(f, e) for f, e in zip(firsts, [*firsts[1:], len(layout.starts)], strict=True)
    ]
    contexts = [
        layout.starts[max([c for c in range(max(0, f - CONTEXT) + 1) if layout.cuttable[c]])]
        if f
        else 0
        for f in firsts
    ]
    texts = [text[start:end] for start, end in bounds]
    keys: list[str] = []
    try:
        versions = set(mode.target_versions)
        if not versions:  # as black infers them from the whole module
            names: set[str] = set()
            for piece in texts:
                key = _digest(piece)
                found = known["features"].get(key)
                if not isinstance(found, list):
                    node = lib2to3_parse(piece.lstrip())
                    future = black.get_future_imports(node)
                    found = sorted(
                        f.name for f in black.get_features_used(node, future_imports=future)
                    )
                used["features"][key] = found
                names.update(found)
            versions = {
                version
                for version in TargetVersion
                if names <= {feature.name for feature in VERSION_TO_FEATURES[version]}
            }
        label = f"{fingerprint}\0{sorted(version.name for version in versions)}"
        for (start, _end), context_start, piece in zip(bounds, contexts, texts, strict=True):
            keys.append(_digest(f"{label}\0{text[context_start:start].lstrip()}\0{piece}"))
        new = sum(len(p) for p, k in zip(texts, keys, strict=True) if k not in known["pieces"])
        if new > WHOLE_WHEN_NEW * len(text):
            result = _whole(text, mode, len(layout.starts), firsts, keys, used)
        else:
            piece_mode = dataclasses.replace(mode, target_versions=versions)
            done = []
            for (start, _end), context_start, piece, key in zip(
                bounds, contexts, texts, keys, strict=True
            ):
                formatted = known["pieces"].get(key)
                if not isinstance(formatted, str):
                    formatted = _format_after(text[context_start:start], piece, piece_mode)
                    if formatted is None:
                        return None
                used["pieces"][key] = formatted
                done.append(formatted)
            result = "".join(done)
    except Exception:  # black's parser or checks: the module formatted whole decides (and reports)
        return None
    _save(memo_file, fingerprint, used)
    return result


def _whole(
    text: str,
    mode: Any,
    count: int,
    firsts: list[int],
    keys: list[str],
    used: dict[str, dict[str, Any]],
) -> str:
    """Black's result for the whole module, its pieces remembered when it cuts at the same statements."""
    import black

    formatted: str = black.format_str(text, mode=mode)
    layout = _layout(formatted)
    if layout is not None and len(layout.starts) == count:
        ends = [*firsts[1:], len(layout.starts)]
        for first, end, key in zip(firsts, ends, keys, strict=True):
            start, stop = layout.span(first, end)
            used["pieces"][key] = formatted[start:stop]
    return formatted


def _format_after(context: str, piece: str, mode: Any) -> str | None:
    """``piece`` formatted after ``context``, the context's own formatting cut off; ``None`` when it is no prefix."""
    import black

    # black drops leading blank lines: dropped here, a text already in black's layout is one pass
    context = context.lstrip()
    if not context:
        formatted: str = black.format_str(piece, mode=mode)
        return formatted
    before: str = black.format_str(context, mode=mode)
    both: str = black.format_str(context + piece, mode=mode)
    if not both.startswith(before):
        return None
    return both[len(before) :]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _load(memo_file: Path, fingerprint: str) -> dict[str, dict[str, Any]]:
    """The memo's entries when it was written for this formatter, else empty ones."""
    empty: dict[str, dict[str, Any]] = {"features": {}, "pieces": {}}
    try:
        if memo_file.is_symlink() or memo_file.parent.is_symlink():
            return empty
        data = unseal(memo_file.read_bytes())
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        return empty
    features, pieces = data.get("features"), data.get("pieces")
    if data.get("formatter") != fingerprint or not isinstance(features, dict):
        return empty
    return {"features": features, "pieces": pieces if isinstance(pieces, dict) else {}}


def _save(memo_file: Path, fingerprint: str, used: dict[str, dict[str, Any]]) -> None:
    """Write the entries of this format (best effort; only into an existing cache folder)."""
    folder = memo_file.parent
    with contextlib.suppress(OSError):
        if not folder.parent.is_dir() or folder.parent.is_symlink() or folder.is_symlink():
            return
        folder.mkdir(exist_ok=True)
        content = {"format": FORMAT_VERSION, "formatter": fingerprint, **used}
        temporary = folder / f".{memo_file.name}.{os.getpid()}.tmp"
        temporary.write_bytes(seal(content))
        os.replace(temporary, memo_file)
