"""Case conversions: remembered per name, with the results they always gave."""

from __future__ import annotations

import pytest

from generator.naming import camel_case, go_name, pascal_case, snake_case


@pytest.mark.parametrize(
    ("convert", "name", "expected"),
    [
        (snake_case, "clickId", "click_id"),
        (snake_case, "HTTPStatus", "http_status"),
        (pascal_case, "track_lead", "TrackLead"),
        (camel_case, "ClickID", "clickId"),
        (go_name, "clickId", "ClickID"),
        (go_name, "3dSecure", "N3DSecure"),
    ],
)
def test_a_conversion_is_remembered_and_unchanged(convert, name, expected) -> None:  # type: ignore[no-untyped-def]
    first = convert("".join(name))  # a fresh string object each call
    assert first == expected
    assert convert("".join(name)) is first  # the second call is the remembered result


def test_a_name_that_is_no_string_still_fails_as_before() -> None:
    with pytest.raises(TypeError):
        snake_case(["click", "id"])  # type: ignore[arg-type]
