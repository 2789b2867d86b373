"""Markdown decorations every flavor's type cells use: links, italics, backticks, nesting."""

from __future__ import annotations

import re

_CODE_SPAN = re.compile(r"(?P<fence>`+)(?P<text>.+?)(?P=fence)")
_TICKS = re.compile("`+")


def code_span_text(text: str) -> str | None:
    """The content of ``text`` when it is exactly one CommonMark code span (`` `x` ``,
    ``` `` a`b `` ```): one space stripped each side when both sides have one and the content
    is not all spaces; ``None`` when ``text`` is not one code span."""
    match = _CODE_SPAN.fullmatch(text)
    if match is None:
        return None
    inner, width = match["text"], len(match["fence"])
    if inner[0] == "`" or inner[-1] == "`" or width in map(len, _TICKS.findall(inner)):
        return None  # the fences are not maximal runs, or a run inside closes the span early
    if inner[0] == " " and inner[-1] == " " and inner.strip(" "):
        return inner[1:-1]
    return inner


_OPENERS = {"[": "]", "(": ")", "<": ">", "{": "}"}


def matching(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``text[start]``; -1 when it is not closed."""
    stack: list[str] = []
    for index in range(start, len(text)):
        char = text[index]
        if char in _OPENERS:
            stack.append(_OPENERS[char])
        elif stack and char == stack[-1]:
            stack.pop()
            if not stack:
                return index
    return -1


def link_at(text: str, start: int = 0) -> tuple[str, str, int] | None:
    """The link ``[label](target)`` starting at ``start``: label, target and the index after it.

    Labels may hold brackets (``[Optional[operations.Mode]](...)``); targets hold none.
    """
    if not text.startswith("[", start):
        return None
    close = _label_end(text, start)
    if close < 0 or not text.startswith("(", close + 1):
        return None
    end = text.find(")", close + 2)
    if end < 0:
        return None
    return text[start + 1 : close], text[close + 2 : end], end + 1


def _label_end(text: str, start: int) -> int:
    """The ``]`` closing a link label, counting only square brackets."""
    depth = 0
    index = start
    while True:  # from one ``]`` to the next: the depth only falls to 0 at one
        close = text.find("]", index)
        if close < 0:
            return -1
        depth += text.count("[", index, close) - 1
        if depth == 0:
            return close
        index = close + 1


def whole_link(text: str) -> tuple[str, str] | None:
    """``(label, target)`` when ``text`` is exactly one link."""
    found = link_at(text)
    if found is None or found[2] != len(text):
        return None
    return found[0], found[1]


def wrapped(text: str, mark: str) -> str | None:
    """The inside of ``text`` when it is ``mark...mark`` with something inside, else ``None``."""
    size = len(mark)
    if len(text) > 2 * size and text.startswith(mark) and text.endswith(mark):
        return text[size:-size]
    return None


def split_top_level(text: str, separator: str) -> list[str]:
    """Split at ``separator`` where it is outside any bracket."""
    if separator not in text:
        return [text]
    parts: list[str] = []
    depth = 0
    last = 0
    index = 0
    size = len(separator)
    while index < len(text):
        char = text[index]
        if char in "[(<{":
            depth += 1
        elif char in "])>}":
            depth -= 1
        elif depth == 0 and text.startswith(separator, index):
            parts.append(text[last:index])
            index += size
            last = index
            continue
        index += 1
    parts.append(text[last:])
    return parts


def is_external(target: str) -> bool:
    """The link leaves the docs (``https://...``)."""
    return target.startswith(("http://", "https://"))
