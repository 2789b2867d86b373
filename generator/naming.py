"""Case conversions shared by readers and renderers.

Every function is pure and deterministic.  Words are split at case changes,
digits-to-letters boundaries and any non-alphanumeric character.
"""

from __future__ import annotations

import functools
import keyword
import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

GO_INITIALISMS = frozenset(
    [
        "ACL",
        "API",
        "ASCII",
        "CPU",
        "CSS",
        "DNS",
        "EOF",
        "GUID",
        "HTML",
        "HTTP",
        "HTTPS",
        "ID",
        "IP",
        "JSON",
        "LHS",
        "QPS",
        "RAM",
        "RHS",
        "RPC",
        "SLA",
        "SMTP",
        "SQL",
        "SSH",
        "TCP",
        "TLS",
        "TTL",
        "UDP",
        "UI",
        "UID",
        "UUID",
        "URI",
        "URL",
        "UTF8",
        "VM",
        "XML",
        "XMPP",
        "XSRF",
        "XSS",
    ]
)
"""Words Go writes in capitals (``ClickID``, ``DocURL``), as golint does."""


_MEMO = 1 << 16
"""Names each case conversion remembers: a big spec converts the same field and model names
for many files (tens of thousands of calls), and a conversion is a regular expression."""


def split_words(name: str) -> list[str]:
    """Split an identifier into words: ``ExternalID`` -> ``["External", "ID"]``."""
    return _WORD.findall(name)


@functools.lru_cache(maxsize=_MEMO)
def pascal_case(name: str) -> str:
    """``track_lead`` / ``trackLead`` -> ``TrackLead``."""
    return "".join(word[:1].upper() + word[1:] for word in split_words(name))


@functools.lru_cache(maxsize=_MEMO)
def camel_case(name: str) -> str:
    """``ClickID`` -> ``clickId``: words lower-cased then capitalized, the first one all lower.

    Memoised: a tree's docs spell the same field names again and again."""
    words = [word.lower() for word in split_words(name)]
    if not words:
        return ""
    return words[0] + "".join(word.capitalize() for word in words[1:])


@functools.lru_cache(maxsize=_MEMO)
def snake_case(name: str) -> str:
    """``clickId`` -> ``click_id``; ``HTTPStatus`` -> ``http_status``."""
    return "_".join(word.lower() for word in split_words(name))


@functools.lru_cache(maxsize=_MEMO)
def go_name(wire_name: str) -> str:
    """The Go identifier Speakeasy writes for a wire name: ``clickId`` -> ``ClickID``."""
    words = split_words(wire_name)
    out = []
    for word in words:
        upper = word.upper()
        out.append(upper if upper in GO_INITIALISMS else word[:1].upper() + word[1:].lower())
    name = "".join(out)
    if name[:1].isdigit():
        name = "N" + name
    return name


def wire_name_from_go(go_identifier: str) -> str:
    """Derive a camelCase wire name from a Go identifier: ``ClickID`` -> ``clickId``."""
    return camel_case(go_identifier)


_PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)


def python_identifier(name: str, reserved: frozenset[str] = frozenset()) -> str:
    """A safe snake_case Python identifier for ``name``.

    Keywords and names in ``reserved`` get a trailing underscore; names that
    start with a digit or have no letters get a ``field_`` prefix.
    """
    ident = snake_case(name)
    if not ident or ident[0].isdigit():
        ident = "field_" + ident
    if ident in _PYTHON_RESERVED or ident in reserved:
        ident += "_"
    return ident


FILE_NAME_BYTES = 200
"""Longest file name specloom writes, in UTF-8 bytes: file systems allow 255, and writing
goes through a temporary name a little longer than the final one."""


def file_name(stem: str, suffix: str) -> str:
    """``stem + suffix``, shortened deterministically to ``FILE_NAME_BYTES`` when longer: the
    stem is cut (at a character boundary) and the first 10 hex digits of its SHA-256 added."""
    whole = stem + suffix
    if len(whole.encode("utf-8")) <= FILE_NAME_BYTES:
        return whole
    import hashlib

    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:10]
    budget = FILE_NAME_BYTES - len(suffix.encode("utf-8")) - len(digest) - 1
    cut = stem.encode("utf-8")[:budget].decode("utf-8", "ignore")
    return f"{cut}-{digest}{suffix}"


_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def number_word_list(number: int, british: bool = True) -> list[str]:
    """``number`` (``>= 0``) in lower-case English words: ``24`` -> ``["twenty", "four"]``.
    ``british`` puts ``and`` before the tens and units that follow a hundred or a scale
    (``4091`` -> ``four thousand and ninety one``), as Speakeasy spells a name's leading
    digits and status codes; without it none (enum constant names: ``one hundred ten``)."""
    if number < 20:
        return [_ONES[number]]
    if number < 100:
        tens, units = divmod(number, 10)
        return [_TENS[tens]] + ([_ONES[units]] if units else [])
    joint = ["and"] if british else []
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = [_ONES[hundreds], "hundred"]
        return head + (joint + number_word_list(rest, british) if rest else [])
    for scale, word in _SCALES:
        if number >= scale:
            count, rest = divmod(number, scale)
            head = [*number_word_list(count, british), word]
            if not rest:
                return head
            return head + (joint if rest < 100 else []) + number_word_list(rest, british)
    raise AssertionError("unreachable")  # pragma: no cover


def number_words(number: int) -> str:
    """``number`` in English words, PascalCase, British style (``number_word_list``):
    ``54`` -> ``FiftyFour``, ``4091`` -> ``FourThousandAndNinetyOne``, ``7996`` ->
    ``SevenThousandNineHundredAndNinetySix``."""
    return "".join(word.capitalize() for word in number_word_list(number))
