"""Every rule of the diff catalogue, on small spec pairs of our own, in each direction it has.

A model rule is checked with the model used only in a request body and only in
a response body (``{direction}-{stem}``); an endpoint rule on a pair of path
items.  Each row names the level expected, so a rule whose level changes fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff import diff_schemas
from generator.diff.changes import Change, Impact
from generator.diff.rules import RULE_INDEX, RULES
from generator.inputs.collect import read_inputs

B, M, N, S = Impact.BREAKING, Impact.MAY_BREAK, Impact.NON_BREAKING, Impact.NON_SEMANTIC
REF = "$ref: '#/components/schemas/{}'"


def thing(properties: str, required: str = "[]", extra: str = "") -> str:
    """``components/schemas`` with ``Thing`` (and ``extra`` schemas), in YAML flow style."""
    more = f", {extra}" if extra else ""
    return f"{{Thing: {{type: object, required: {required}, properties: {properties}}}{more}}}"


OTHER = "{o: {" + REF.format("Other") + "}}"
PET = "{pet: {" + REF.format("Pet") + "}}"
ANIMALS = (
    "Cat: {type: object, properties: {kind: {type: string}, purrs: {type: boolean}}}, "
    "Dog: {type: object, properties: {kind: {type: string}, barks: {type: boolean}}}"
)


def pet(discriminator: str) -> str:
    variants = f"[{{{REF.format('Cat')}}}, {{{REF.format('Dog')}}}]"
    return thing(PET, extra=f"Pet: {{oneOf: {variants}{discriminator}}}, {ANIMALS}")


def mapping(cat: str, dog: str = "") -> str:
    entries = f"cat: '#/components/schemas/{cat}'" + (
        f", dog: '#/components/schemas/{dog}'" if dog else ""
    )
    return f", discriminator: {{propertyName: kind, mapping: {{{entries}}}}}"


S1 = "{a: {type: string}}"
S2 = "{a: {type: string}, b: {type: string}}"

# stem, old schemas, new schemas, level for requests, level for responses
MODEL_RULES: list[tuple[str, str, str, Impact, Impact]] = [
    (
        "model-removed",
        thing(OTHER, extra="Other: {type: object, properties: {x: {type: string}}}"),
        thing("{}"),
        B,
        B,
    ),
    (
        "model-kind-changed",
        thing(OTHER, extra="Other: {type: object, properties: {x: {type: string}}}"),
        thing(OTHER, extra="Other: {type: string, enum: [x]}"),
        B,
        B,
    ),
    ("property-removed", thing(S2), thing(S1), B, M),
    ("required-property-removed", thing(S2, "[b]"), thing(S1), B, B),
    ("property-added-required", thing(S1), thing(S2, "[b]"), B, N),
    ("property-added-optional", thing(S1), thing(S2), N, N),
    (
        "property-renamed",
        thing("{tagIds: {type: string}}"),
        thing("{tag_ids: {type: string}}"),
        B,
        B,
    ),
    ("property-became-required", thing(S1), thing(S1, "[a]"), B, N),
    ("property-became-optional", thing(S1, "[a]"), thing(S1), N, B),
    ("property-became-nullable", thing(S1), thing("{a: {type: string, nullable: true}}"), N, B),
    ("property-became-non-nullable", thing("{a: {type: string, nullable: true}}"), thing(S1), B, N),
    (
        "property-became-read-only",
        thing(S2),
        thing("{a: {type: string}, b: {type: string, readOnly: true}}"),
        B,
        N,
    ),
    (
        "property-no-longer-read-only",
        thing("{a: {type: string}, b: {type: string, readOnly: true}}"),
        thing(S2),
        N,
        N,
    ),
    ("property-became-write-only", thing(S1), thing("{a: {type: string, writeOnly: true}}"), N, M),
    (
        "property-no-longer-write-only",
        thing("{a: {type: string, writeOnly: true}}"),
        thing(S1),
        N,
        N,
    ),
    (
        "additional-properties-rejected",
        thing(S1),
        thing(S1).replace("type: object,", "type: object, additionalProperties: false,", 1),
        B,
        N,
    ),
    (
        "additional-properties-allowed",
        thing(S1).replace("type: object,", "type: object, additionalProperties: false,", 1),
        thing(S1),
        N,
        N,
    ),
    ("type-widened", thing("{a: {type: integer}}"), thing("{a: {type: number}}"), N, B),
    ("type-narrowed", thing("{a: {type: number}}"), thing("{a: {type: integer}}"), B, N),
    ("type-changed", thing("{a: {type: string}}"), thing("{a: {type: boolean}}"), B, B),
    (
        "format-widened",
        thing("{a: {type: integer, format: int32}}"),
        thing("{a: {type: integer, format: int64}}"),
        N,
        M,
    ),
    (
        "format-changed",
        thing("{a: {type: string, format: email}}"),
        thing("{a: {type: string, format: uri}}"),
        B,
        B,
    ),
    (
        "constraint-tightened",
        thing("{a: {type: string, maxLength: 10}}"),
        thing("{a: {type: string, maxLength: 5}}"),
        B,
        N,
    ),
    (
        "constraint-loosened",
        thing("{a: {type: string, maxLength: 5}}"),
        thing("{a: {type: string, maxLength: 10}}"),
        N,
        M,
    ),
    (
        "default-changed",
        thing("{a: {type: string, default: x}}"),
        thing("{a: {type: string, default: y}}"),
        N,
        N,
    ),
    (
        "enum-value-removed",
        thing("{mode: {type: string, enum: [a, b]}}"),
        thing("{mode: {type: string, enum: [a]}}"),
        B,
        N,
    ),
    (
        "enum-value-added",
        thing("{mode: {type: string, enum: [a]}}"),
        thing("{mode: {type: string, enum: [a, b]}}"),
        N,
        B,
    ),
    (
        "open-enum-value-added",
        thing("{mode: {type: string, enum: [a], x-speakeasy-unknown-values: allow}}"),
        thing("{mode: {type: string, enum: [a, b], x-speakeasy-unknown-values: allow}}"),
        N,
        N,
    ),
    (
        "enum-became-open",
        thing("{mode: {type: string, enum: [a]}}"),
        thing("{mode: {type: string, enum: [a], x-speakeasy-unknown-values: allow}}"),
        N,
        M,
    ),
    (
        "enum-became-closed",
        thing("{mode: {type: string, enum: [a], x-speakeasy-unknown-values: allow}}"),
        thing("{mode: {type: string, enum: [a]}}"),
        B,
        N,
    ),
    (
        "union-variant-removed",
        thing("{u: {oneOf: [{type: string}, {type: integer}]}}"),
        thing("{u: {oneOf: [{type: string}, {type: boolean}]}}"),
        B,
        N,
    ),
    (
        "union-variant-added",
        thing("{u: {oneOf: [{type: string}, {type: integer}]}}"),
        thing("{u: {oneOf: [{type: string}, {type: integer}, {type: boolean}]}}"),
        N,
        B,
    ),
    ("discriminator-added", pet(""), pet(", discriminator: {propertyName: kind}"), M, N),
    ("discriminator-removed", pet(", discriminator: {propertyName: kind}"), pet(""), N, M),
    (
        "discriminator-changed",
        pet(", discriminator: {propertyName: kind}"),
        pet(", discriminator: {propertyName: type}"),
        B,
        B,
    ),
    ("discriminator-mapping-added", pet(mapping("Cat")), pet(mapping("Cat", "Dog")), N, M),
    ("discriminator-mapping-changed", pet(mapping("Cat", "Dog")), pet(mapping("Dog", "Cat")), B, B),
]

USES = {
    "request": "post: {{operationId: make, requestBody: {{required: true, content: "
    "{{application/json: {{schema: {{{ref}}}}}}}}}, responses: {{'204': {{description: ok}}}}}}",
    "response": "get: {{operationId: fetch, responses: {{'200': {{description: ok, content: "
    "{{application/json: {{schema: {{{ref}}}}}}}}}}}}}",
}


def spec(tmp: Path, name: str, schemas: str, paths: str) -> Path:
    path = tmp / name
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
        f"paths:\n{paths}\ncomponents:\n  schemas: {schemas}\n",
        encoding="utf-8",
    )
    return path


def diff(tmp: Path, old: tuple[str, str], new: tuple[str, str]) -> list[Change]:
    before = read_inputs([spec(tmp, "old.yaml", *old)])
    after = read_inputs([spec(tmp, "new.yaml", *new)])
    return diff_schemas(before, after)


def rules_found(changes: list[Change]) -> dict[str, Impact]:
    return {change.rule: change.impact for change in changes}


@pytest.mark.parametrize("direction", ["request", "response"])
@pytest.mark.parametrize(
    ("stem", "old", "new", "for_request", "for_response"),
    MODEL_RULES,
    ids=[r[0] for r in MODEL_RULES],
)
def test_model_rule_in_each_direction(
    tmp_path: Path,
    direction: str,
    stem: str,
    old: str,
    new: str,
    for_request: Impact,
    for_response: Impact,
) -> None:
    paths = "  /things: {" + USES[direction].format(ref=REF.format("Thing")) + "}"
    changes = diff(tmp_path, (old, paths), (new, paths))
    rule = f"{direction}-{stem}"
    expected = for_request if direction == "request" else for_response
    assert RULE_INDEX[rule].level is expected
    found = rules_found(changes)
    assert found.get(rule) is expected, changes
    assert all(c.direction == direction for c in changes if c.rule == rule)


def test_a_model_no_operation_uses_gets_the_stricter_verdict(tmp_path: Path) -> None:
    changes = diff(
        tmp_path, (thing(S1, "[a]"), "  {}"), (thing(S1), "  {}")
    )  # became optional: harmless for requests, breaking for responses
    [change] = [c for c in changes if c.impact is not S]
    assert (change.rule, change.impact, change.direction) == (
        "response-property-became-optional",
        B,
        "unknown",
    )


def test_a_model_used_both_ways_is_breaking_if_either_direction_is(tmp_path: Path) -> None:
    ref = REF.format("Thing")
    both = (
        "  /things: {"
        + USES["request"].format(ref=ref)
        + ", "
        + USES["response"].format(ref=ref)
        + "}"
    )
    changes = diff(tmp_path, (thing(S1), both), (thing("{a: {type: number}}"), both))
    [change] = [c for c in changes if c.impact is not S]
    assert (change.direction, change.impact) == ("both", B)


# rule, old schemas, new schemas (directionless rules; Thing used in a response)
ANY_RULES: list[tuple[str, str, str, Impact]] = [
    (
        "model-added",
        thing(S1),
        thing(S1, extra="Tag: {type: object, properties: {x: {type: string}}}"),
        N,
    ),
    (
        "description-changed",
        thing(S1).replace("type: object,", "type: object, description: A,", 1),
        thing(S1).replace("type: object,", "type: object, description: B,", 1),
        S,
    ),
    ("deprecation-changed", thing(S1), thing("{a: {type: string, deprecated: true}}"), S),
]


@pytest.mark.parametrize(("rule", "old", "new", "level"), ANY_RULES, ids=[r[0] for r in ANY_RULES])
def test_directionless_rules(tmp_path: Path, rule: str, old: str, new: str, level: Impact) -> None:
    paths = "  /things: {" + USES["response"].format(ref=REF.format("Thing")) + "}"
    assert RULE_INDEX[rule].level is level
    assert rules_found(diff(tmp_path, (old, paths), (new, paths))).get(rule) is level


def test_inline_and_ref_of_the_same_shape_is_no_change(tmp_path: Path) -> None:
    """``model-renamed``: an inline body moved to a component, the same shape."""
    inline = "{type: object, properties: {a: {type: string}}}"
    old = "  /things: {" + USES["response"].format(ref=inline[1:-1]) + "}"
    new = "  /things: {" + USES["response"].format(ref=REF.format("Thing")) + "}"
    changes = diff(tmp_path, (thing(S1), old), (thing(S1), new))
    assert {c.impact for c in changes} == {S}, changes
    assert "model-renamed" in rules_found(changes)
    moved = diff(tmp_path, ("{Other: {type: integer}}", old), (thing(S1), new))
    assert {c.impact for c in moved if c.rule != "request-model-removed"} <= {S}, moved


def test_pairing_by_place_not_by_derived_name(tmp_path: Path) -> None:
    """A new schema takes the derived name of an unchanged inline one (``Meta``, now
    ``ThingMeta``): the inline one is paired by its place, not reported as fields removed."""
    meta = "{meta: {type: object, properties: {%s: {type: string}}}}"
    old = "{Thing: {type: object, properties: %s}}" % (meta % "x")
    alpha = "Alpha: {type: object, properties: %s}" % (meta % "y")
    new = old.replace("{Thing:", "{" + alpha + ", Thing:", 1)
    paths = "  /things: {" + USES["response"].format(ref=REF.format("Thing")) + "}"
    before, after = (
        read_inputs([spec(tmp_path, "old.yaml", old, paths)]),
        read_inputs([spec(tmp_path, "new.yaml", new, paths)]),
    )
    assert {str(d.name) for d in after.definitions} >= {"components.Meta", "components.ThingMeta"}
    changes = diff_schemas(before, after)
    assert sorted((str(c.model), c.rule, c.message) for c in changes) == [
        ("components.Alpha", "model-added", "object model added"),
        ("components.Meta", "model-added", "object model added"),  # Alpha's, new
        ("components.Meta", "model-renamed", "now named components.ThingMeta"),  # Thing's
    ]
    assert not [c for c in changes if c.kind in ("field-removed", "field-added")]


def test_a_non_object_body_changes_visibly(tmp_path: Path) -> None:
    old = "  /things: {" + USES["request"].format(ref="type: string, maxLength: 10") + "}"
    new = "  /things: {" + USES["request"].format(ref="type: string, maxLength: 5") + "}"
    found = rules_found(diff(tmp_path, (thing(S1), old), (thing(S1), new)))
    assert found == {"request-constraint-tightened": B}


def op(body: str, method: str = "get") -> str:
    return "  /things/{id}: {" + f"{method}: {{{body}}}" + "}"


OK = "responses: {'200': {description: ok}}"
ID = "{name: id, in: path, required: true, schema: {type: string}}"

# rule, old paths, new paths, level, rule of the reverse change (new -> old)
ENDPOINT_RULES: list[tuple[str, str, str, Impact, str | None]] = [
    ("endpoint-added", "  {}", op(f"parameters: [{ID}], {OK}"), N, "endpoint-removed"),
    ("endpoint-removed", op(f"parameters: [{ID}], {OK}"), "  {}", B, "endpoint-added"),
    (
        "endpoint-deprecation-changed",
        op(f"parameters: [{ID}], {OK}"),
        op(f"deprecated: true, parameters: [{ID}], {OK}"),
        S,
        "endpoint-deprecation-changed",
    ),
    (
        "endpoint-operation-id-changed",
        op(f"operationId: a, parameters: [{ID}], {OK}"),
        op(f"operationId: b, parameters: [{ID}], {OK}"),
        M,
        "endpoint-operation-id-changed",
    ),
    (
        "endpoint-tags-changed",
        op(f"tags: [a], parameters: [{ID}], {OK}"),
        op(f"tags: [b], parameters: [{ID}], {OK}"),
        S,
        "endpoint-tags-changed",
    ),
    (
        "endpoint-description-changed",
        op(f"summary: a, parameters: [{ID}], {OK}"),
        op(f"summary: b, parameters: [{ID}], {OK}"),
        S,
        "endpoint-description-changed",
    ),
    (
        "request-parameter-added-required",
        op(f"parameters: [{ID}], {OK}"),
        op(
            f"parameters: [{ID}, {{name: t, in: query, required: true, schema: {{type: string}}}}], {OK}"
        ),
        B,
        "request-parameter-removed",
    ),
    (
        "request-parameter-added-optional",
        op(f"parameters: [{ID}], {OK}"),
        op(f"parameters: [{ID}, {{name: t, in: query, schema: {{type: string}}}}], {OK}"),
        N,
        "request-parameter-removed",
    ),
    (
        "request-parameter-renamed",
        op(f"parameters: [{ID}, {{name: q, in: query, schema: {{type: string}}}}], {OK}"),
        op(f"parameters: [{ID}, {{name: query, in: query, schema: {{type: string}}}}], {OK}"),
        B,
        "request-parameter-renamed",
    ),
    (
        "request-parameter-location-changed",
        op(f"parameters: [{ID}, {{name: t, in: query, schema: {{type: string}}}}], {OK}"),
        op(f"parameters: [{ID}, {{name: t, in: header, schema: {{type: string}}}}], {OK}"),
        B,
        "request-parameter-location-changed",
    ),
    (
        "request-parameter-became-required",
        op(f"parameters: [{ID}, {{name: t, in: query, schema: {{type: string}}}}], {OK}"),
        op(
            f"parameters: [{ID}, {{name: t, in: query, required: true, schema: {{type: string}}}}], {OK}"
        ),
        B,
        "request-parameter-became-optional",
    ),
    (
        "request-parameter-style-changed",
        op(
            f"parameters: [{ID}, {{name: t, in: query, schema: {{type: array, items: {{type: string}}}}}}], {OK}"
        ),
        op(
            f"parameters: [{ID}, {{name: t, in: query, style: pipeDelimited, schema: {{type: array, items: {{type: string}}}}}}], {OK}"
        ),
        B,
        "request-parameter-style-changed",
    ),
    (
        "request-type-changed",
        op(f"parameters: [{ID}], {OK}"),
        op(
            f"parameters: [{{name: id, in: path, required: true, schema: {{type: integer}}}}], {OK}"
        ),
        B,
        "request-type-changed",
    ),
    (
        "request-body-added-required",
        op(OK, "post"),
        op(
            f"requestBody: {{required: true, content: {{application/json: {{schema: {{type: string}}}}}}}}, {OK}",
            "post",
        ),
        B,
        "request-body-removed",
    ),
    (
        "request-body-added-optional",
        op(OK, "post"),
        op(
            f"requestBody: {{content: {{application/json: {{schema: {{type: string}}}}}}}}, {OK}",
            "post",
        ),
        N,
        "request-body-removed",
    ),
    (
        "request-body-became-required",
        op(
            f"requestBody: {{content: {{application/json: {{schema: {{type: string}}}}}}}}, {OK}",
            "post",
        ),
        op(
            f"requestBody: {{required: true, content: {{application/json: {{schema: {{type: string}}}}}}}}, {OK}",
            "post",
        ),
        B,
        "request-body-became-optional",
    ),
    (
        "request-media-type-added",
        op(
            f"requestBody: {{content: {{application/json: {{schema: {{type: string}}}}}}}}, {OK}",
            "post",
        ),
        op(
            f"requestBody: {{content: {{application/json: {{schema: {{type: string}}}}, text/plain: {{schema: {{type: string}}}}}}}}, {OK}",
            "post",
        ),
        N,
        "request-media-type-removed",
    ),
    (
        "response-status-added",
        op(OK),
        op("responses: {'200': {description: ok}, '404': {description: gone}}"),
        N,
        "response-status-removed",
    ),
    (
        "response-success-status-removed",
        op("responses: {'200': {description: ok}, '201': {description: made}}"),
        op("responses: {'201': {description: made}}"),
        B,
        "response-status-added",
    ),
    (
        "response-media-type-added",
        op(
            "responses: {'200': {description: ok, content: {application/json: {schema: {type: string}}}}}"
        ),
        op(
            "responses: {'200': {description: ok, content: {application/json: {schema: {type: string}}, application/xml: {schema: {type: string}}}}}"
        ),
        N,
        "response-media-type-removed",
    ),
    (
        "response-type-widened",
        op(
            "responses: {'200': {description: ok, content: {application/json: {schema: {type: integer}}}}}"
        ),
        op(
            "responses: {'200': {description: ok, content: {application/json: {schema: {type: number}}}}}"
        ),
        B,
        "response-type-narrowed",
    ),
    (
        "response-header-added",
        op(OK),
        op("responses: {'200': {description: ok, headers: {X-A: {schema: {type: string}}}}}"),
        N,
        "response-header-removed",
    ),
    (
        "response-required-header-removed",
        op(
            "responses: {'200': {description: ok, headers: {X-A: {required: true, schema: {type: string}}}}}"
        ),
        op(OK),
        B,
        "response-header-added",
    ),
    (
        "response-header-became-optional",
        op(
            "responses: {'200': {description: ok, headers: {X-A: {required: true, schema: {type: string}}}}}"
        ),
        op("responses: {'200': {description: ok, headers: {X-A: {schema: {type: string}}}}}"),
        B,
        "response-header-became-required",
    ),
    ("security-added", op(f"security: [], {OK}"), op(f"security: [{{token: []}}], {OK}"), B, None),
    (
        "security-alternative-added",
        op(f"security: [{{token: []}}], {OK}"),
        op(f"security: [{{token: []}}, {{basic: []}}], {OK}"),
        N,
        "security-alternative-removed",
    ),
    (
        "security-scope-added",
        op(f"security: [{{token: [read]}}], {OK}"),
        op(f"security: [{{token: [read, write]}}], {OK}"),
        B,
        "security-scope-removed",
    ),
]


@pytest.mark.parametrize(
    ("rule", "old", "new", "level", "reverse"), ENDPOINT_RULES, ids=[r[0] for r in ENDPOINT_RULES]
)
def test_endpoint_rule_and_its_reverse(
    tmp_path: Path, rule: str, old: str, new: str, level: Impact, reverse: str | None
) -> None:
    assert RULE_INDEX[rule].level is level
    changes = diff(tmp_path, (thing(S1), old), (thing(S1), new))
    assert rules_found(changes).get(rule) is level, changes
    endpoints = {c.endpoint for c in changes if c.rule == rule}
    assert endpoints & {"GET /things/{id}", "POST /things/{id}"}, changes
    if reverse is not None:
        back = rules_found(diff(tmp_path, (thing(S1), new), (thing(S1), old)))
        assert reverse in back, back


def test_every_rule_of_the_catalogue_is_tested() -> None:
    tested = {f"{d}-{row[0]}" for row in MODEL_RULES for d in ("request", "response")}
    tested |= {row[0] for row in ANY_RULES} | {"model-renamed"}
    tested |= {row[0] for row in ENDPOINT_RULES} | {row[4] for row in ENDPOINT_RULES if row[4]}
    tested |= {"model-moved", "ref-renamed"}  # tests/test_diff.py
    missing = {rule.id for rule in RULES} - tested
    assert not missing, sorted(missing)


def test_the_committed_rule_catalogue_is_up_to_date() -> None:
    from generator.diff.catalogue import PAGE, REGENERATE, page_text

    page = Path(__file__).resolve().parent.parent / PAGE
    assert page.read_text(encoding="utf-8") == page_text(), (
        f"{PAGE} is stale; run `{REGENERATE}` at the project root and commit it"
    )
    for rule in RULES:
        assert f"| `{rule.id}` | {rule.level.value} |" in page_text()
