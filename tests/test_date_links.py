"""Docs whose date links say the other kind of date (``generator.inputs.markdown.date_links``)."""

from __future__ import annotations

from generator.inputs.markdown.date_links import dates_swapped, swap_dates
from generator.inputs.markdown.sdk_style import SdkStyle, with_date_links
from generator.ir import (
    ArrayType,
    Field,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    TypeName,
)
from generator.ir.sdk_wrappers import WrapperStyle

HERE = Location("x.md", 1)


def date(fmt: str) -> Primitive:
    return Primitive(PrimitiveKind.STRING, fmt)


def model(namespace: str, *fields: tuple[str, object]) -> ObjectModel:
    return ObjectModel(
        TypeName(namespace, "Event"),
        tuple(Field(name, node, True, False, HERE) for name, node in fields),  # type: ignore[arg-type]
        HERE,
    )


SPEC = [model("components", ("createdAt", date("date-time")), ("born", date("date")),
              ("days", ArrayType(date("date"))), ("name", Primitive(PrimitiveKind.STRING)))]


def test_swapped_links_are_counted_and_read_back() -> None:
    docs = [model("models", ("created_at", date("date")), ("born", date("date-time")),
                  ("days", ArrayType(date("date-time"))), ("name", Primitive(PrimitiveKind.STRING)))]
    assert dates_swapped(docs, SPEC) == (0, 3)
    fixed = swap_dates(docs)
    assert dates_swapped(fixed, SPEC) == (3, 0)
    style = SdkStyle("speakeasy-2025", False, WrapperStyle(), {}, ())
    decided = with_date_links(style, docs, SPEC)
    assert decided.dates_swapped and decided.describe().endswith("date links swapped")


def test_links_that_agree_are_kept() -> None:
    docs = [model("models", ("created_at", date("date-time")), ("born", date("date")))]
    style = SdkStyle("speakeasy-2025", False, WrapperStyle(), {}, ())
    assert dates_swapped(docs, SPEC) == (2, 0)
    assert not with_date_links(style, docs, SPEC).dates_swapped
