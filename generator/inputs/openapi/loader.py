"""Load YAML or JSON text into a ``Document`` that remembers the line of every key and item.

Strict JSON is read by the standard library's ``json`` with a line index
(``json_lines``); other text (and JSON that needs YAML's warnings or errors)
is parsed into events by PyYAML's C parser (``CSafeLoader``; the
pure-Python ``SafeLoader`` when libyaml is missing) and plain ``dict``/``list``
values are built straight from the events, recording lines in the document's
side table.  Skipping PyYAML's node graph and tag resolver keeps the cost per
value low.  Plain scalars follow the YAML 1.2 core schema (``scalars``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]
from yaml.events import (  # type: ignore[import-untyped, unused-ignore]
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from generator import limits
from generator.diagnostics import Collector
from generator.inputs.openapi.document import Document, LineTable
from generator.inputs.openapi.json_lines import parse_json
from generator.inputs.openapi.scalars import (
    NUMBER_START,
    SPECIAL_PLAIN,
    resolve_plain,
    resolve_tagged,
    scalar_is_integer,
)
from generator.inputs.values import SURROGATE, integer_problem, json_value_problem, value_problem
from generator.ir import Location

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_SURROGATE_PAIR = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_DIGITS = re.compile(r"\\u([dD][89a-fA-F][0-9a-fA-F]{2})")
_LOW_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_JSON_START = re.compile(r"\s*[{\[]")
_LEADING_TABS = re.compile(r"^[ \t]+", re.MULTILINE)


class _Merge:
    """Marks the YAML merge key ``<<`` while its mapping is being built."""


_MERGE = _Merge()
_NO_KEY = object()

FILES_READ: set[Path] = set()
"""Every file ``load_document`` was asked to read in this process (``$ref`` targets too):
the cache keys a run by their bytes (see ``generator.cache``)."""


def load_document(path: Path, display: str, collector: Collector) -> Document | None:
    """Read ``path`` (YAML or JSON); ``None`` (with a problem recorded) when it cannot be parsed."""
    FILES_READ.add(path)
    limit = limits.current().max_document_bytes
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        collector.add(
            Location(display), f"cannot read the file ({reason}); expected a readable file"
        )
        return None
    if len(data) > limit:
        collector.add(
            Location(display),
            f"the file is larger than {limit} bytes; expected a smaller document "
            "(raise [tool.specloom.limits] max-document-bytes)",
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        collector.add(
            Location(display, line), "the file is not valid UTF-8; expected UTF-8 encoded text"
        )
        return None
    return parse_text(text, display, collector, json_text=_looks_like_json(path, text))


def parse_text(text: str, display: str, collector: Collector, json_text: bool) -> Document | None:
    """Parse YAML (or JSON, when ``json_text``) text; ``None`` when it is not well-formed."""
    yaml_text = text
    if json_text:
        lone = _lone_surrogate(text) if _has_surrogate_escapes(text) else None
        if lone is not None:
            line = text.count("\n", 0, lone[0]) + 1
            collector.add(
                Location(display, line),
                f"invalid JSON: lone UTF-16 surrogate \\u{lone[1]} is not a character; "
                "expected a surrogate pair or the character itself",
            )
            return None
        parsed = parse_json(text, limits.current().max_depth)
        if parsed is not None:  # strict JSON, read as the YAML parser would (``json_lines``)
            return Document(*parsed)
        yaml_text = _json_for_yaml(text)
    problems = Collector()
    try:
        root, lines = _build(_Loader(yaml_text), display, problems, json_text)
    except _TooBig:
        collector.problems.extend(problems.problems)
        return None
    except yaml.MarkedYAMLError as error:
        if json_text:
            return _parse_json(text, display, collector)
        collector.add(Location(display, _error_line(error)), _yaml_complaint(error))
        return None
    except yaml.reader.ReaderError as error:
        if json_text:
            return _parse_json(text, display, collector)
        line = yaml_text.count("\n", 0, error.position) + 1
        collector.add(Location(display, line), f"invalid YAML: {error.reason}")
        return None
    except yaml.YAMLError as error:
        if json_text:
            return _parse_json(text, display, collector)
        collector.add(Location(display), f"invalid YAML: {error}")
        return None
    collector.problems.extend(problems.problems)
    return Document(root, lines)


def _error_line(error: yaml.MarkedYAMLError) -> int | None:
    """1-based line where the parser noticed the error."""
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark is not None else None


_PARSER_DEPTH = 1000
"""How deep PyYAML's own parser (6.0.4 and later) lets flow collections nest."""


def _yaml_complaint(error: yaml.MarkedYAMLError) -> str:
    """The message for a parser error; the parser's own depth limit reads as ours does."""
    if "maximum nesting depth" in str(error.problem or ""):
        limit = limits.current().max_depth
        if limit <= _PARSER_DEPTH:
            return (
                f"nested deeper than {limit} levels; expected a shallower document "
                "(raise [tool.specloom.limits] max-depth)"
            )
        return f"nested deeper than the YAML parser allows ({_PARSER_DEPTH} levels)"
    return f"invalid YAML: {_explain(error)}"


def _explain(error: yaml.MarkedYAMLError) -> str:
    """The parser's complaint, with the construct it was in (``while parsing a flow sequence``)."""
    text = str(error.problem or error.context or "not well-formed")
    if error.problem and error.context:
        text += f" ({error.context}"
        if error.context_mark is not None:
            text += f" that starts on line {error.context_mark.line + 1}"
        text += ")"
    return text


def _looks_like_json(path: Path, text: str) -> bool:
    """``.json`` files, and any file whose first character opens a JSON object or array."""
    if path.suffix.lower() == ".json":
        return True
    return _JSON_START.match(text) is not None


def _json_for_yaml(text: str) -> str:
    """Rewrite the two JSON spellings YAML rejects: UTF-16 surrogate escapes and tab indentation."""
    if _has_surrogate_escapes(text):
        text = _SURROGATE_PAIR.sub(_combine_surrogates, text)
    if "\t" in text:
        text = _LEADING_TABS.sub(lambda match: match.group(0).replace("\t", " "), text)
    return text


def _has_surrogate_escapes(text: str) -> bool:
    """``text`` may hold a ``\\uD800``-``\\uDFFF`` escape (the slower, exact patterns look then)."""
    return "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None


def _lone_surrogate(text: str) -> tuple[int, str] | None:
    """(offset, hex digits) of the first ``\\uD800``-``\\uDFFF`` escape not in a high-low pair.

    Pairs are taken from the left, as ``_SURROGATE_PAIR`` substitutes them; an escape
    after an odd number of backslashes is text (``\\\\ud800``), not an escape.
    """
    paired_until = 0
    for match in _SURROGATE_DIGITS.finditer(text):
        start = match.start()
        if start < paired_until:
            continue
        before = start
        while before and text[before - 1] == "\\":
            before -= 1
        if (start - before) % 2:
            continue
        digits = match.group(1)
        low = text[start + 6 : start + 12]
        if digits[1] in "89abAB" and _LOW_SURROGATE.fullmatch(low):
            paired_until = start + 12
            continue
        return start, digits
    return None


def _combine_surrogates(match: re.Match[str]) -> str:
    """``\\ud83d\\udc4d`` -> ``\\U0001f44d``."""
    high = int(match.group(2), 16) - 0xD800
    low = int(match.group(3), 16) - 0xDC00
    return f"{match.group(1)}\\U{0x10000 + (high << 10) + low:08x}"


def _parse_json(text: str, display: str, collector: Collector) -> Document | None:
    """Fallback for JSON that YAML cannot read: the data without line numbers."""
    try:
        data = json.loads(text, parse_constant=_not_json, parse_int=_json_int)
    except json.JSONDecodeError as error:
        collector.add(Location(display, error.lineno), f"invalid JSON: {error.msg}")
        return None
    except _BadValue as error:
        collector.add(Location(display), f"invalid JSON: {error}")
        return None
    except RecursionError:
        collector.add(
            Location(display),
            "invalid JSON: nested too deeply; expected at most "
            f"{limits.current().max_depth} levels (raise [tool.specloom.limits] max-depth)",
        )
        return None
    problem = json_value_problem(data)
    if problem is not None:
        collector.add(Location(display), f"invalid JSON: {problem}")
        return None
    return Document(data)


class _BadValue(ValueError):
    """A JSON value specloom refuses (``NaN``, a huge integer)."""


class _TooBig(Exception):
    """A document past a limit; the problem is already recorded."""


def _not_json(name: str) -> object:
    raise _BadValue(f"{name} is not a JSON value; expected a finite number or a string")


def _json_int(text: str) -> int:
    problem = integer_problem(text)
    if problem is not None:
        raise _BadValue(problem)
    return int(text)


def _build(
    parser: Any, display: str, collector: Collector, json_text: bool = False
) -> tuple[object, LineTable]:
    """Build plain values from the parser's events, recording lines in a table.

    Raises ``_TooBig`` (with the problem recorded) past a nesting or alias limit.
    """
    bounds = limits.current()
    max_depth = bounds.max_depth
    alias_budget = bounds.max_alias_nodes
    lines: LineTable = {}
    anchors: dict[str, object] = {}
    # Values each anchored node stands for, expanded (an alias adds them again).
    sizes: dict[str, int] = {}
    open_sizes: list[int] = []
    open_anchors: set[str] = set()
    root: object = None
    # Frame: [container, key lines or item lines, pending key, anchor, merges]
    stack: list[list[Any]] = []
    documents = 0
    get_event = parser.get_event

    def problem(line: int, message: str) -> None:
        collector.add(Location(display, line), message)

    def add(value: object, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            container.append(value)
            frame[1].append(line)
            return
        key = frame[2]
        if key is _NO_KEY:
            if not isinstance(value, str):
                problem(line, "a mapping key is not a string; expected a string key")
                value = json.dumps(value, default=str)
            _add_key(frame, value, line)
        elif key is _MERGE:
            frame[2] = _NO_KEY
            if frame[4] is None:
                frame[4] = []
            frame[4].append((value, line))
        else:
            frame[2] = _NO_KEY
            container[key] = value

    def _add_key(frame: list[Any], key: object, line: int) -> None:
        keys = frame[1]
        if key in keys:
            problem(line, f"duplicate key {key!r}; expected each key once in a mapping")
        keys[key] = line
        frame[2] = key

    try:
        while True:
            event = get_event()
            cls = type(event)
            if cls is ScalarEvent:
                line = event.start_mark.line + 1
                text = event.value
                frame = stack[-1] if stack else None
                if frame is not None and frame[2] is _NO_KEY and type(frame[0]) is dict:
                    if text == "<<" and not event.style and event.tag is None:
                        frame[2] = _MERGE
                        continue
                    if not text.isascii() and SURROGATE.search(text):
                        problem(
                            line,
                            "a lone UTF-16 surrogate is not a character; expected valid Unicode text",
                        )
                    keys = frame[1]
                    if text in keys:
                        problem(
                            line, f"duplicate key {text!r}; expected each key once in a mapping"
                        )
                    keys[text] = line
                    frame[2] = text
                    continue
                tag = event.tag
                if tag is None:
                    if event.style:
                        value: object = text
                    elif json_text and text in _JSON_CONSTANTS:
                        problem(
                            line,
                            f"{text} is not a JSON value; expected a finite number or a string",
                        )
                        value = None
                    elif text and text[0] not in NUMBER_START and text not in SPECIAL_PLAIN:
                        value = text  # a plain string (what ``_plain`` would say, sooner)
                    else:
                        value = _plain(text, line, problem)
                elif tag == "!":
                    value = text
                else:
                    value = resolve_tagged(text, tag)
                kind = type(value)
                if (kind is str and not value.isascii()) or kind is float:  # type: ignore[attr-defined]
                    bad = value_problem(value)
                    if bad is not None:
                        problem(line, bad)
                        value = None
                if event.anchor is not None:
                    anchors[event.anchor] = value
                    sizes[event.anchor] = 1
                if open_sizes:
                    open_sizes[-1] += 1
                if frame is None:
                    root = value
                elif type(frame[0]) is list:
                    frame[0].append(value)
                    frame[1].append(line)
                elif frame[2] is _MERGE:
                    frame[2] = _NO_KEY
                    if frame[4] is None:
                        frame[4] = []
                    frame[4].append((value, line))
                else:
                    frame[0][frame[2]] = value
                    frame[2] = _NO_KEY
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                line = event.start_mark.line + 1
                container: dict[str, object] | list[object]
                sub: dict[str, int] | list[int]
                if cls is MappingStartEvent:
                    container, sub = {}, {}
                else:
                    container, sub = [], []
                if len(stack) >= max_depth:
                    problem(
                        line,
                        f"nested deeper than {max_depth} levels; expected a shallower document "
                        "(raise [tool.specloom.limits] max-depth)",
                    )
                    raise _TooBig
                lines[id(container)] = (line, sub)
                add(container, line)
                open_sizes.append(1)
                if event.anchor is not None:
                    anchors[event.anchor] = container
                    open_anchors.add(event.anchor)
                stack.append([container, sub, _NO_KEY, event.anchor, None])
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                size = open_sizes.pop()
                if open_sizes:
                    open_sizes[-1] += size
                if frame[3] is not None:
                    open_anchors.discard(frame[3])
                    sizes[frame[3]] = size
                if frame[4] is not None:
                    _apply_merges(frame, lines, problem)
            elif cls is AliasEvent:
                line = event.start_mark.line + 1
                name = event.anchor
                if name in open_anchors:
                    problem(
                        line, f"alias *{name} refers to a node that contains it; expected no cycles"
                    )
                    add(None, line)
                elif name not in anchors:
                    problem(
                        line,
                        f"alias *{name} has no anchor &{name} before it; expected a defined anchor",
                    )
                    add(None, line)
                else:
                    size = sizes.get(name, 1)
                    alias_budget -= size
                    if alias_budget < 0:
                        problem(
                            line,
                            f"YAML aliases expand to more than {bounds.max_alias_nodes} values; "
                            "expected a document without an alias bomb "
                            "(raise [tool.specloom.limits] max-alias-nodes)",
                        )
                        raise _TooBig
                    if open_sizes:
                        open_sizes[-1] += size
                    add(anchors[name], line)
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem(
                        event.start_mark.line + 1,
                        "a second YAML document; expected one document per file",
                    )
                    break
            elif cls is StreamEndEvent or event is None:
                break
    finally:
        parser.dispose()
    return root, lines


_JSON_CONSTANTS = frozenset({"NaN", "Infinity", "-Infinity", "+Infinity"})


def _plain(text: str, line: int, problem: Any) -> object:
    """``resolve_plain``, refusing integers with too many digits."""
    if len(text) > 18 and text[0] in "+-0123456789":
        digits = integer_problem(text)
        if digits is not None and scalar_is_integer(text):
            problem(line, digits)
            return None
    try:
        return resolve_plain(text)
    except ValueError as error:  # past Python's own int/str conversion limit
        problem(line, f"a number that cannot be read ({error})")
        return None


def _apply_merges(frame: list[Any], lines: LineTable, problem: Any) -> None:
    """Apply ``<<`` merge keys: merged entries first, explicit keys win (as PyYAML does)."""
    mapping: dict[str, object] = frame[0]
    key_lines: dict[str, int] = frame[1]
    merged: dict[str, object] = {}
    merged_lines: dict[str, int] = {}
    for value, line in frame[4]:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                problem(
                    line, "merge key '<<' needs a mapping or a list of mappings; expected a mapping"
                )
                continue
            entry = lines.get(id(source))
            source_lines = entry[1] if entry is not None else {}
            for key, item in source.items():
                if key not in merged and key not in mapping:
                    merged[key] = item
                    merged_lines[key] = (
                        source_lines.get(key, line) if isinstance(source_lines, dict) else line
                    )
    if not merged:
        return
    own = list(mapping.items())
    own_lines = dict(key_lines)
    mapping.clear()
    mapping.update(merged)
    mapping.update(own)
    key_lines.clear()
    key_lines.update(merged_lines)
    key_lines.update(own_lines)
