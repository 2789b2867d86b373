"""Which facts a definition carries, so a fact one source cannot express is never a change.

OpenAPI inputs carry validation facts (constraints, defaults, formats,
read-only); markdown model docs do not, and a docs reader that shows only a
language name (Go ``ClickID``) derives the wire name from it.
"""

from __future__ import annotations

import re

from generator.ir import Definition, Field

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]")


def carries_validation(definition: Definition) -> bool:
    """True when the definition comes from an OpenAPI document (its location has a JSON pointer)."""
    return definition.location.pointer is not None


def name_is_fact(field: Field, definition: Definition) -> bool:
    """True unless the wire name was derived from a docs name (``ClickID`` -> ``clickId``)."""
    if carries_validation(definition):
        return True
    return field.source_name is None or field.source_name == field.name


def name_key(name: str) -> str:
    """Names equal but for case and separators share a key: ``click_id``, ``clickID`` -> ``clickid``."""
    return _NOT_ALPHANUMERIC.sub("", name.lower())


def same_text(old: str | None, new: str | None) -> bool:
    """Descriptions are the same when either is unknown or they differ only in white space."""
    if old is None or new is None:
        return True
    return " ".join(old.split()) == " ".join(new.split())
