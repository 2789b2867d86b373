"""How long Speakeasy measures text: in UTF-16 code units, as JavaScript's ``length`` counts."""

from __future__ import annotations


def text_width(text: str) -> int:
    """``len`` in UTF-16 code units: a character beyond U+FFFF (most emoji) counts two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)
