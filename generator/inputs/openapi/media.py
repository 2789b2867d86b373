"""Which media type of a ``content`` mapping is read: JSON first, then forms, then anything."""

from __future__ import annotations

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
"""Form media types, in order of preference after JSON."""


def _essence(media_type: str) -> str:
    """``application/json; charset=utf-8`` -> ``application/json``."""
    return media_type.split(";", 1)[0].strip().lower()


def json_media_type(content: dict[str, object]) -> str | None:
    """The JSON media type of a content mapping (``application/json`` first), if any."""
    if "application/json" in content:
        return "application/json"
    for media_type in content:
        essence = _essence(media_type)
        if essence in ("application/json", "text/json") or essence.endswith("+json"):
            return media_type
    return None


def body_media_type(content: dict[str, object]) -> str | None:
    """The media type whose schema describes a body: JSON, a form, else the first listed."""
    found = json_media_type(content)
    if found is not None:
        return found
    for wanted in FORM_TYPES:
        for media_type in content:
            if _essence(media_type) == wanted:
                return media_type
    return next(iter(content), None)
