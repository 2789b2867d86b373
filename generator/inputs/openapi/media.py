"""Which media type of a ``content`` mapping is read: JSON first, then forms, then anything."""

from __future__ import annotations

from collections.abc import Callable

from generator.inputs.openapi import keywords as kw
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import join

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


def content_schema(
    ctx: Context,
    owner: dict[str, object],
    ptr: str,
    choose: Callable[[dict[str, object]], str | None],
) -> tuple[object, str, int | None] | None:
    """(schema, pointer, line) of the media type ``choose`` picks from ``owner``'s ``content``.

    ``None`` when there is no content, no such media type or no schema; a
    media type entry that is not a mapping is also a problem.
    """
    content = kw.mapping(ctx, owner, ptr, "content")
    if not content:
        return None
    media_type = choose(content)
    if media_type is None:
        return None
    media = content[media_type]
    if not isinstance(media, dict):
        ctx.key_problem(
            content,
            join(ptr, "content"),
            media_type,
            f"{media_type} is {kw.describe(media)}; expected a mapping",
        )
        return None
    if "schema" not in media:
        return None
    media_ptr = join(ptr, "content", media_type)
    return media["schema"], join(media_ptr, "schema"), ctx.document.key_line(media, "schema")
