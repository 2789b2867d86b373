"""Turn raw cell source (markdown and HTML) into the text and parts the readers look at."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_CODE = re.compile(r"(?<!\\)(`+)(?P<code>.+?)(?<!`)\1(?!`)", re.S)
_LINK = re.compile(
    r"(?<![\w\\])!?\[(?P<text>(?:[^\[\]]|\[[^\]]*\])+)\](?:\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)|\[(?P<ref>[^\]]*)\])?"
)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|em|strong|span|code|sup|sub|br|p|ul|ol|li|div|kbd|small|u|s|del)\b[^<>]*>", re.I
)
_SUP = re.compile(r"<sup>.*?</sup>", re.I | re.S)
_BR = re.compile(r"<br\s*/?>(?:\s*</br>)?", re.I)
_LIST_ITEM = re.compile(r"<li>", re.I)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Link:
    """A markdown link in a cell."""

    text: str
    """The visible text, markup removed."""
    target: str | None
    """Where it points (``#objectmeta``); ``None`` for a reference link (``[x][]``)."""


def unescape(text: str) -> str:
    """HTML entities and markdown backslash escapes resolved (``&#124;`` -> ``|``, ``\\*`` -> ``*``)."""
    return html.unescape(re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])", r"\1", text))


def code_spans(text: str) -> list[str]:
    """The contents of the code spans (backticks or ``<code>``) of ``text``, in order."""
    found: list[tuple[int, str]] = [
        (m.start(), m.group("code").strip()) for m in _CODE.finditer(text)
    ]
    for match in re.finditer(r"<code>(.*?)</code>", text, re.I | re.S):
        found.append((match.start(), unescape(_HTML_TAG.sub("", match.group(1))).strip()))
    return [code for _, code in sorted(found)]


def links(text: str) -> list[Link]:
    """The markdown links of ``text``."""
    result = []
    for match in _LINK.finditer(text):
        target = match.group("target")
        result.append(Link(plain(match.group("text")), target))
    return result


def protect_links(text: str) -> tuple[str, list[Link]]:
    """``text`` with each link replaced by a ``\ue000n\ue001`` marker, and the links."""
    found: list[Link] = []

    def mark(match: re.Match[str]) -> str:
        found.append(Link(plain(match.group("text")), match.group("target")))
        return f"\ue000{len(found) - 1}\ue001"

    return _LINK.sub(mark, text), found


def plain(text: str) -> str:
    """Readable text: HTML tags, emphasis, code backticks and link syntax removed; ``<br>`` is a newline."""
    text = _BR.sub("\n", text)
    text = _LIST_ITEM.sub("\n- ", text)
    text = _TAG.sub("", text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _CODE.sub(lambda m: m.group("code").strip(), text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def description_text(text: str) -> str:
    """A description cell as IR text: tags dropped, ``<br>`` and list items on their own lines,
    markdown (code, links, emphasis) kept."""
    text = _BR.sub("\n", text)
    text = _LIST_ITEM.sub("\n- ", text)
    text = re.sub(r"<code>(.*?)</code>", lambda m: f"`{m.group(1)}`", text, flags=re.I | re.S)
    text = re.sub(r"<(b|strong)>(.*?)</\1>", r"**\2**", text, flags=re.I | re.S)
    text = re.sub(r"<(i|em)>(.*?)</\1>", r"*\2*", text, flags=re.I | re.S)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def name_text(cell: str) -> tuple[str, bool]:
    """The name written in a name cell and whether a trailing ``*`` marks it.

    Anchors, links, ``<sup>`` footnotes, backticks and emphasis are removed.
    """
    text = _SUP.sub("", cell)
    text = _BR.sub(" ", text)
    text = _HTML_TAG.sub("", text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = text.strip()
    starred = False
    while text.endswith(("\\*", "*")) and not text.endswith("**"):
        text = text[:-2] if text.endswith("\\*") else text[:-1]
        text = text.rstrip()
        starred = True
    text = _CODE.sub(lambda m: m.group("code").strip(), text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = text.strip().strip("*").strip()
    if text.endswith("*") and not text.endswith("**"):
        text = text[:-1].rstrip()
        starred = True
    return unescape(text).strip(), starred


def word(cell: str) -> str:
    """A marker cell reduced to its word: markup removed, lower case (``**Yes**`` -> ``yes``)."""
    text = plain(cell).strip().lower()
    return text.strip(" .,;:")
