"""Model and namespace names for tables, from the headings above them, unique per run."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[A-Za-z0-9]+")
_NOISE = re.compile(r"<[^<>]*>|\{#[^}]*\}|\[([^\]]*)\]\([^)]*\)")


def pascal_words(text: str) -> str:
    """``Create a coupon`` -> ``CreateACoupon``; ``KubernetesLifecycleHTTPGet`` kept as written.

    Markup, emoji and words in other scripts are dropped; ``""`` when nothing is left.
    """
    text = _NOISE.sub(lambda m: m.group(1) or " ", text)
    text = unicodedata.normalize("NFKD", text)
    words = _WORD.findall(text.replace("'", ""))
    return "".join(word[:1].upper() + word[1:] for word in words)


def model_name(text: str, fallback: str) -> str:
    """A PascalCase identifier for a heading (``fallback`` when the heading has no usable words)."""
    name = pascal_words(text)
    if not name:
        return fallback
    if name[0].isdigit():
        name = "T" + name
    return name


def namespace_from(parts: tuple[str, ...]) -> str:
    """A snake_case namespace from path parts (``("kibana", "README.md")`` -> ``kibana_readme``)."""
    words: list[str] = []
    for part in parts:
        stem = re.sub(r"\.(md|mdx|markdown)$", "", part, flags=re.I)
        stem = re.sub(r"^[\d.]+", "", stem)
        words += [w.lower() for w in re.findall(r"[A-Za-z0-9]+", stem)]
    name = "_".join(words)
    if not name or name[0].isdigit():
        name = "docs_" + name if name else "docs"
    return name


class UniqueNames:
    """Hands out names, making each unique deterministically (``Name``, ``Name2``, ...)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, *candidates: str) -> str:
        """The first free candidate; else the first with the lowest free number appended."""
        for candidate in candidates:
            if candidate and candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        base = candidates[0]
        number = 2
        while f"{base}{number}" in self.taken:
            number += 1
        self.taken.add(f"{base}{number}")
        return f"{base}{number}"
