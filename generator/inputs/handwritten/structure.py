"""Nesting: dotted and bracketed names (``a.b``, ``a[].b``, ``map.<key>``) and ``>`` prefixes
become nested object models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator import limits

_SEGMENT = re.compile(r"(?:[A-Za-z_$@][\w$@-]*|<[^<>]+>|\{[^{}]+\}|\*)(?:\[\d*\*?\])*")
_PREFIX = re.compile(r"^((?:&gt;|>)\s*)+")


@dataclass(frozen=True, slots=True)
class Segment:
    """One step of a field path."""

    name: str
    """The key (``tls``), or the placeholder for a map key (``<input_field>``)."""
    array: bool = False
    """Written ``name[]``: the value is an array of objects."""

    @property
    def is_placeholder(self) -> bool:
        """``<key>`` / ``{key}`` / ``*``: any key of a map."""
        return self.name[:1] in "<{*"


def prefix_depth(name: str) -> tuple[int, str]:
    """``>> coin`` -> ``(2, "coin")``: how many ``>`` prefix the name, and the rest."""
    match = _PREFIX.match(name)
    if not match:
        return 0, name
    depth = min(match.group(0).replace("&gt;", ">").count(">"), limits.current().max_depth)
    return depth, name[match.end() :].strip()


def split_path(name: str) -> list[Segment] | None:
    """The path a dotted name writes, or ``None`` when the name is one literal key."""
    if "." not in name and "[" not in name:
        return None
    parts = name.split(".")
    if (len(parts) < 2 and "[]" not in name) or len(parts) > limits.current().max_depth:
        return None
    if not all(_SEGMENT.fullmatch(part) for part in parts):
        return None
    segments = []
    for part in parts:
        array = "[" in part and not part.startswith("[")
        segments.append(Segment(re.sub(r"\[\d*\*?\]", "", part), array))
    if len(segments) == 1 and not segments[0].array:
        return None
    return segments


@dataclass
class Node:
    """A field in the tree being built: its row (if the doc has one) and its children."""

    name: str
    row: object | None = None
    children: dict[str, Node] = field(default_factory=dict)
    array: bool = False
    map_of: bool = False
    line: int = 0

    def child(self, name: str, line: int) -> Node:
        """The child called ``name``, created on first use."""
        if name not in self.children:
            self.children[name] = Node(name, line=line)
        return self.children[name]
