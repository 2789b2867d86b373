"""The rule catalogue of the semantic diff: a stable kebab-case id and a level per change.

A model change is judged for each direction it reaches (``usage``):

- **request**: breaking when a payload that was valid may now be rejected;
- **response**: breaking when a response that may now be sent can break a
  client built for the old one (a field became nullable or optional, a type
  widened, an enum value or a union variant added unless the enum is open, a
  required field removed).

Used both ways, the stricter verdict wins; where no operation says (docs,
or a definition no operation reaches) the stricter of the two is used too,
and the change says so (direction ``unknown``).  Operation-level rules
(``endpoint-removed``, ``request-parameter-added-required``, ...) have one
direction of their own.  ``docs/diff-rules.md`` is generated from ``RULES``.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.changes import Change, Impact

B, M, N, S = Impact.BREAKING, Impact.MAY_BREAK, Impact.NON_BREAKING, Impact.NON_SEMANTIC


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of change, with its direction and level."""

    id: str
    """Stable kebab-case id (what suppressions name)."""
    direction: str
    """``request``, ``response``, ``endpoint`` (operation-level) or ``any``."""
    level: Impact
    """Breaking, may break, non-breaking or non-semantic."""
    summary: str
    """What the change is."""
    example: str
    """A small example: old -> new."""


# (stem, request level, response level, summary, example): a rule per direction
_MODEL_RULES: tuple[tuple[str, Impact, Impact, str, str], ...] = (
    ("model-removed", B, B, "a definition was removed", "components.Link -> (none)"),
    ("model-kind-changed", B, B, "an object became an enum or a union", "object -> enum"),
    (
        "property-removed",
        B,
        M,
        "a property was removed (response: optional one)",
        "`title` -> (none)",
    ),
    (
        "required-property-removed",
        B,
        B,
        "a required property was removed",
        "`id` (required) -> (none)",
    ),
    (
        "property-added-required",
        B,
        N,
        "a required property was added",
        "(none) -> `tenant` (required)",
    ),
    ("property-added-optional", N, N, "an optional property was added", "(none) -> `note`"),
    (
        "property-renamed",
        B,
        B,
        "a property's wire name changed (case or separators)",
        "`tagIds` -> `tag_ids`",
    ),
    ("property-became-required", B, N, "a property became required", "optional -> required"),
    ("property-became-optional", N, B, "a property became optional", "required -> optional"),
    ("property-became-nullable", N, B, "a value may now be null", "string -> string | null"),
    (
        "property-became-non-nullable",
        B,
        N,
        "a value may no longer be null",
        "string | null -> string",
    ),
    ("property-became-read-only", B, N, "a property became read-only", "readOnly: false -> true"),
    (
        "property-no-longer-read-only",
        N,
        N,
        "a property is no longer read-only",
        "readOnly: true -> false",
    ),
    (
        "property-became-write-only",
        N,
        M,
        "a property became write-only",
        "writeOnly: false -> true",
    ),
    (
        "property-no-longer-write-only",
        N,
        N,
        "a property is no longer write-only",
        "writeOnly: true -> false",
    ),
    (
        "additional-properties-rejected",
        B,
        N,
        "unknown properties are now rejected",
        "additionalProperties: true -> false",
    ),
    (
        "additional-properties-allowed",
        N,
        N,
        "unknown properties are now accepted",
        "additionalProperties: false -> true",
    ),
    ("type-widened", N, B, "a type accepts more values", "integer -> number"),
    ("type-narrowed", B, N, "a type accepts fewer values", "number -> integer"),
    ("type-changed", B, B, "a type changed to an incompatible one", "string -> integer"),
    ("format-widened", N, M, "a format became more general", "int32 -> int64"),
    ("format-changed", B, B, "a format changed", "date -> date-time"),
    ("constraint-tightened", B, N, "a constraint was added or tightened", "maxLength 100 -> 50"),
    ("constraint-loosened", N, M, "a constraint was removed or loosened", "maxLength 50 -> 100"),
    (
        "default-changed",
        N,
        N,
        "a default value was added, removed or changed",
        "default 'async' -> 'wait'",
    ),
    ("enum-value-removed", B, N, "an enum value was removed", "[a, b] -> [a]"),
    ("enum-value-added", N, B, "a value was added to a closed enum", "[a] -> [a, b]"),
    ("open-enum-value-added", N, N, "a value was added to an open enum", "[a] -> [a, b] (open)"),
    ("enum-became-open", N, M, "an enum now accepts unknown values", "closed -> open"),
    ("enum-became-closed", B, N, "an enum no longer accepts unknown values", "open -> closed"),
    ("union-variant-removed", B, N, "a union lost a variant", "Card | Transfer -> Card"),
    ("union-variant-added", N, B, "a union gained a variant", "Card -> Card | Transfer"),
    ("discriminator-added", M, N, "a union got a discriminator", "(none) -> `type`"),
    ("discriminator-removed", N, M, "a union lost its discriminator", "`type` -> (none)"),
    ("discriminator-changed", B, B, "a union's discriminator property changed", "`type` -> `kind`"),
    (
        "discriminator-mapping-added",
        N,
        M,
        "a discriminator value was mapped",
        "(none) -> card: Card",
    ),
    (
        "discriminator-mapping-changed",
        B,
        B,
        "a discriminator value was unmapped or remapped",
        "card: Card -> card: Payment",
    ),
)

_DIRECTIONLESS: tuple[tuple[str, Impact, str, str], ...] = (
    ("model-added", N, "a definition was added", "(none) -> components.Tag"),
    ("model-moved", S, "a definition moved to another namespace", "errors.Code -> sdkerrors.Code"),
    (
        "model-renamed",
        S,
        "a definition from the same place got another name, or an inline schema moved to a $ref of the same shape",
        "operations.GetLinkResponseBody -> components.Link",
    ),
    (
        "ref-renamed",
        S,
        "a reference points at a differently named definition of the same shape",
        "$ref: A -> $ref: B (same shape)",
    ),
    ("description-changed", S, "a description changed", "'A link.' -> 'A short link.'"),
    (
        "deprecation-changed",
        S,
        "a definition or property was (un)deprecated",
        "deprecated: false -> true",
    ),
)

_ENDPOINT_RULES: tuple[tuple[str, Impact, str, str], ...] = (
    ("endpoint-added", N, "an operation was added", "(none) -> GET /tags"),
    ("endpoint-removed", B, "an operation was removed", "DELETE /links/{id} -> (none)"),
    (
        "endpoint-deprecation-changed",
        S,
        "an operation was (un)deprecated",
        "deprecated: false -> true",
    ),
    (
        "endpoint-operation-id-changed",
        M,
        "an operationId changed (SDK method names follow it)",
        "getLink -> retrieveLink",
    ),
    ("endpoint-tags-changed", S, "an operation's tags changed", "[links] -> [links, read]"),
    (
        "endpoint-description-changed",
        S,
        "an operation's summary or description changed",
        "'Get' -> 'Get a link'",
    ),
    (
        "request-parameter-added-required",
        B,
        "a required parameter was added",
        "(none) -> query `tenant` (required)",
    ),
    (
        "request-parameter-added-optional",
        N,
        "an optional parameter was added",
        "(none) -> query `page`",
    ),
    (
        "request-parameter-removed",
        M,
        "a parameter was removed (the server may reject or ignore it)",
        "query `page` -> (none)",
    ),
    (
        "request-parameter-renamed",
        B,
        "a parameter's name changed (same place and type)",
        "query `q` -> query `query`",
    ),
    (
        "request-parameter-location-changed",
        B,
        "a parameter moved between path, query, header and cookie",
        "query `id` -> header `id`",
    ),
    ("request-parameter-became-required", B, "a parameter became required", "optional -> required"),
    ("request-parameter-became-optional", N, "a parameter became optional", "required -> optional"),
    (
        "request-parameter-style-changed",
        B,
        "a parameter's style or explode changed",
        "form, explode -> pipeDelimited",
    ),
    (
        "request-body-added-required",
        B,
        "a required request body was added",
        "(none) -> required body",
    ),
    (
        "request-body-added-optional",
        N,
        "an optional request body was added",
        "(none) -> optional body",
    ),
    ("request-body-removed", B, "the request body was removed", "body -> (none)"),
    ("request-body-became-required", B, "the request body became required", "optional -> required"),
    ("request-body-became-optional", N, "the request body became optional", "required -> optional"),
    ("request-media-type-added", N, "a request media type was added", "json -> json, form"),
    ("request-media-type-removed", B, "a request media type was removed", "json, form -> json"),
    ("response-status-added", N, "a response status was added", "200 -> 200, 404"),
    (
        "response-success-status-removed",
        B,
        "a success (2XX) response status was removed",
        "200, 201 -> 201",
    ),
    ("response-status-removed", N, "a non-success response status was removed", "200, 404 -> 200"),
    ("response-media-type-added", N, "a response media type was added", "json -> json, xml"),
    ("response-media-type-removed", B, "a response media type was removed", "json, xml -> xml"),
    ("response-header-added", N, "a response header was added", "(none) -> X-Rate-Limit"),
    ("response-header-removed", M, "an optional response header was removed", "X-Trace -> (none)"),
    (
        "response-required-header-removed",
        B,
        "a required response header was removed",
        "X-Rate-Limit (required) -> (none)",
    ),
    (
        "response-header-became-optional",
        B,
        "a response header became optional",
        "required -> optional",
    ),
    (
        "response-header-became-required",
        N,
        "a response header became required",
        "optional -> required",
    ),
    ("security-added", B, "security is required where none was", "[] -> [token]"),
    (
        "security-alternative-added",
        N,
        "another way to authenticate was added",
        "[token] -> [token] or [basic]",
    ),
    (
        "security-alternative-removed",
        B,
        "a way to authenticate was removed",
        "[token] or [basic] -> [token]",
    ),
    (
        "security-scope-added",
        B,
        "a security alternative asks for more scopes",
        "token: [read] -> [read, write]",
    ),
    (
        "security-scope-removed",
        N,
        "a security alternative asks for fewer scopes",
        "token: [read, write] -> [read]",
    ),
)


def _catalogue() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for stem, request, response, summary, example in _MODEL_RULES:
        rules.append(Rule(f"request-{stem}", "request", request, summary, example))
        rules.append(Rule(f"response-{stem}", "response", response, summary, example))
    rules += [
        Rule(i, "any", level, summary, example) for i, level, summary, example in _DIRECTIONLESS
    ]
    rules += [
        Rule(i, "endpoint", level, summary, example)
        for i, level, summary, example in _ENDPOINT_RULES
    ]
    return tuple(sorted(rules, key=lambda rule: rule.id))


RULES: tuple[Rule, ...] = _catalogue()
"""Every rule, sorted by id."""

RULE_INDEX: dict[str, Rule] = {rule.id: rule for rule in RULES}
"""Rules by id."""

_KIND_STEMS = {
    "model-removed": "model-removed",
    "kind-changed": "model-kind-changed",
    "field-renamed": "property-renamed",
    "type-widened": "type-widened",
    "format-widened": "format-widened",
    "format-changed": "format-changed",
    "constraint-tightened": "constraint-tightened",
    "constraint-loosened": "constraint-loosened",
    "default-changed": "default-changed",
    "enum-value-removed": "enum-value-removed",
    "variant-removed": "union-variant-removed",
    "variant-added": "union-variant-added",
    "discriminator-changed": "discriminator-changed",
    "discriminator-added": "discriminator-added",
    "discriminator-removed": "discriminator-removed",
}
_DIRECTIONLESS_KINDS = {
    "model-added": "model-added",
    "model-moved": "model-moved",
    "model-renamed": "model-renamed",
    "ref-renamed": "ref-renamed",
    "description-changed": "description-changed",
    "deprecated-changed": "deprecation-changed",
}


def stem(change: Change) -> str:
    """The direction-free part of the rule id of a model change."""
    kind, facts = change.kind, change.facts
    if kind in _KIND_STEMS:
        return _KIND_STEMS[kind]
    breaking = change.impact is Impact.BREAKING
    if kind == "field-removed":
        return "required-property-removed" if "required" in facts else "property-removed"
    if kind == "field-added":
        return "property-added-required" if breaking else "property-added-optional"
    if kind == "required-changed":
        return "property-became-required" if breaking else "property-became-optional"
    if kind == "nullable-changed":
        return "property-became-non-nullable" if breaking else "property-became-nullable"
    if kind == "read-only-changed":
        return "property-became-read-only" if breaking else "property-no-longer-read-only"
    if kind == "write-only-changed":
        return "property-became-write-only" if change.new else "property-no-longer-write-only"
    if kind == "closed-changed":
        return "additional-properties-rejected" if breaking else "additional-properties-allowed"
    if kind == "type-changed":
        return "type-narrowed" if "narrowed" in facts else "type-changed"
    if kind == "enum-value-added":
        return "open-enum-value-added" if "open" in facts else "enum-value-added"
    if kind == "enum-open-changed":
        return "enum-became-open" if change.new else "enum-became-closed"
    if kind == "mapping-changed":
        return (
            "discriminator-mapping-added" if "added" in facts else "discriminator-mapping-changed"
        )
    raise KeyError(f"no rule for change kind {kind!r}")


def judge(change: Change, directions: frozenset[str] | None) -> Rule:
    """The rule of a model change used in ``directions`` (``None``/empty: unknown, stricter)."""
    directionless = _DIRECTIONLESS_KINDS.get(change.kind)
    if directionless is not None:
        return RULE_INDEX[directionless]
    base = stem(change)
    wanted = sorted(directions) if directions else ["request", "response"]
    rules = [RULE_INDEX[f"{direction}-{base}"] for direction in wanted]
    return max(rules, key=lambda rule: rule.level.rank)  # first (request) on a tie


def direction_label(directions: frozenset[str] | None) -> str:
    """``request``, ``response``, ``both`` or ``unknown``."""
    if not directions:
        return "unknown"
    return "both" if len(directions) == 2 else next(iter(directions))
