"""The semantic diff on real trees: a change only in how docs were written is no change."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.diff import Change, Impact, diff_schemas
from generator.inputs.collect import read_inputs
from generator.ir import Schema

STYLE_KINDS = {"nullable-changed", "format-changed", "description-changed", "field-renamed"}
"""Kinds a writing-style difference would show up as, had it leaked into the IR."""


@pytest.fixture(scope="module")
def seed_era(corpus: Path) -> dict[str, Schema]:
    """The dub spec and the Go docs (old type style) generated from it."""
    return {
        "openapi": read_inputs([corpus / "dub-seed-era" / "openapi.yaml"]),
        "go": read_inputs([corpus / "dub-seed-era" / "go" / "docs"]),
    }


def by_model(
    changes: list[Change], model: str, semantic: bool = False
) -> set[tuple[str, str, str]]:
    return {
        (c.subject, c.kind, c.impact.value)
        for c in changes
        if str(c.model) == model and not (semantic and c.impact is Impact.NON_SEMANTIC)
    }


def test_spec_and_the_go_docs_made_from_it_agree_on_every_fact(seed_era: dict[str, Schema]) -> None:
    changes = diff_schemas(seed_era["openapi"], seed_era["go"])
    kinds = Counter(change.kind for change in changes)
    assert not STYLE_KINDS & set(kinds), kinds
    assert kinds["required-changed"] == 0  # required-with-default shows optional in docs
    assert by_model(changes, "operations.TrackLeadRequestBody") == set()
    assert by_model(changes, "components.LinkSchema") == set()


def test_old_and_new_go_type_style_compare_by_facts(
    corpus: Path, seed_era: dict[str, Schema]
) -> None:
    latest = read_inputs([corpus / "dub-go-latest" / "docs"])
    changes = diff_schemas(seed_era["go"], latest)
    assert not {"nullable-changed", "format-changed", "field-renamed"} & {c.kind for c in changes}
    assert by_model(changes, "operations.TrackLeadRequestBody", semantic=True) == {
        ("field `customerExternalId`", "field-added", "breaking"),
        ("field `eventQuantity`", "type-changed", "breaking"),
        ("field `externalId`", "field-removed", "breaking"),
    }
    customer = by_model(changes, "components.Customer", semantic=True)
    # required in the old docs, optional in the new ones: docs carry no operations, so the
    # stricter verdict (a response field that became optional can break a client)
    assert ("field `name`", "required-changed", "breaking") in customer
    assert ("field `firstSaleAt`", "field-added", "non-breaking") in customer
