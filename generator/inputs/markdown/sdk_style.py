"""Which naming and wrapper style a Speakeasy docs tree was generated under, from evidence.

``infer_sdk_style`` decides, for one docs tree, the facts the spec reader and
``generator.ir.sdk_wrappers`` need to make the models the SDK has: the naming
(``speakeasy-2022/2023/2025``), whether a single-``$ref`` ``allOf`` is read as
a copy, and each fact of a ``WrapperStyle``.  The SDK's ``gen.yaml`` decides
where it states a fact; otherwise the docs themselves do:

- naming: ``nameResolutionFeb2025: true`` gives ``speakeasy-2025``,
  ``nameResolutionDec2023: true`` ``speakeasy-2023``, ``false`` ``speakeasy-2022``;
  without the flags, docs models named by status and media type
  (``Get200ApplicationJSON``) give ``speakeasy-2022``, a union or enum doc named
  ``<Name>Union`` / ``<Name>Enum`` beside a doc ``<Name>`` of another kind (the
  2025 naming's kind suffix) ``speakeasy-2025``, else ``speakeasy-2023``;
- ``single_value_constants``: doc fields of a constant type (``"value"``) at least as many as
  one-value enum docs (``reader.fact_holds``), or neither shown;
- ``one_namespace``: the docs' layout is ``flat`` (``DocsFlavor.layout``: every model in
  ``models/``; the SDK keeps its models in one package, so its names are unique across
  namespaces);
- ``copy_single_all_of``: ``allOfMergeStrategy`` is stated and not ``shallowMerge``; else
  (``with_copies``, given the spec's IR read with the copies) the docs show the copies by
  their names, with the copied schema's fields, at least as often as they show the copied
  schema where its copy is not shown (``reader.fact_holds``);
- wrappers and metadata: ``responseFormat`` (``envelope-http``: ``HTTPMeta``,
  ``envelope``: metadata fields, ``flat``: no wrappers); else ``*Response`` docs
  with an ``HTTPMeta`` row (envelope), with ``StatusCode``/``RawResponse`` rows
  (fields), or none (no wrappers);
- ``raw_required``: most ``RawResponse`` rows are required;
- ``errors``: the tree has no errors folder (the SDK raises no typed errors, so
  its responses carry the error bodies);
- ``body_field``: ``requestBodyFieldName`` when not empty, else the name most
  ``*Request`` docs give their body (``body`` or ``requestBody``);
- ``error_suffix``: ``sharedErrorComponentsApr2025: true``, or (without the flag)
  every error doc named ``...Error``;
- ``aliases_inlined``: no doc is an alias of an array, a map or a scalar;
- ``status_media_names``: the naming is ``speakeasy-2022``;
- ``unused_schemas``: the docs alone cannot tell; with the spec beside them,
  ``with_unused_schemas`` decides from the named schemas no operation reaches
  (``generator.inputs.openapi.reach``): left out when the docs show fewer than
  half of them by name (else, and when every schema is reached, kept).
- ``flat_names`` (``with_flat_names``, given the spec's IR; without wrappers only): the docs
  show more of the names ``generator.ir.flat_names`` gives the bodies (``AddAddressResponse``,
  ``CreateWebhookRequest``, header models) than of the names it replaces
  (``AddAddressResponseBody``); Speakeasy's 2023 SDKs keep the latter, its 2025 ones the former.
- ``dates_swapped`` (``with_date_links``, given the spec's IR): more date fields of the docs
  show the other kind of date than the spec's (Speakeasy's 2025 Python and 2026 Ruby docs
  link a ``date-time`` as a date); the docs are then read with the two swapped (``date_links``).
- ``spread_union_all_of`` (``with_spread``, given the spec's IR read both ways): the docs of
  the variants of an ``allOf`` over an inline union hold every property beside the union
  (the merged models), and the docs of an ``allOf`` over a union whose variants are used
  elsewhere are unions (of per-variant copies), at least as often as they hold none of those
  properties or are objects (``reader.fact_holds``).

The roles of namespace folders (``errors: models/apierrors``) come from
gen.yaml's ``imports``; without them the folder ``errors``, ``sdkerrors`` or
``apierrors`` is none the reader can name, and an errors folder is one whose
models are all ``...Error`` or named as such by ``imports``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.inputs.markdown.date_links import dates_swapped
from generator.inputs.markdown.reader import fact_holds
from generator.inputs.openapi.namings import NAMINGS
from generator.ir import (
    AliasModel,
    ArrayType,
    Definition,
    EnumModel,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    TypeName,
    UnionModel,
)
from generator.ir.flat_names import flat_renames
from generator.ir.operations import Operation
from generator.ir.sdk_wrappers import WrapperStyle
from generator.ir.types import walk_types

CONFIG_LOCATIONS = (".speakeasy/gen.yaml", "gen.yaml")
"""Where an SDK root keeps its generation configuration."""

STATUS_MEDIA_NAME = re.compile(r"[a-z0-9][1-5](?:\d\d|XX)(?:Application|Text|Multipart|Image)")
"""A model name holding a status code and the first word of a media type (2022 naming)."""

ROLES = {"errors": "errors", "shared": "components", "operations": "operations"}
"""gen.yaml ``imports`` keys and the IR namespace each names."""


@dataclass(frozen=True, slots=True)
class SdkStyle:
    """The facts a docs tree was generated under, and why each was decided."""

    naming: str
    """One of ``NAMINGS``."""
    copy_single_all_of: bool
    """An ``allOf`` of one ``$ref`` with keywords beside it is read as a copy."""
    wrappers: WrapperStyle
    """The models derived from operations."""
    namespaces: dict[str, str]
    """Docs folder names (lower case) and the IR namespace each is (``apierrors`` -> ``errors``)."""
    evidence: tuple[str, ...]
    """One line per fact: what decided it."""
    single_value_constants: bool = True
    """Under ``speakeasy-2025``: an inline enum of one value is a constant, not an enum model."""
    one_namespace: bool = False
    """The SDK keeps all its models in one package: names are told apart across namespaces."""
    spread_union_all_of: bool = False
    """An ``allOf`` over an inline union is one merged model per variant
    (``generator.inputs.openapi.spread``)."""
    dates_swapped: bool = False
    """The docs link a ``date-time`` as a date and a ``date`` as a date-time
    (``generator.inputs.markdown.date_links``)."""

    def describe(self) -> str:
        """``speakeasy-2023 + fields, raw required, ...`` (as the benchmark prints a style)."""
        reading = (
            f"{self.naming} (single-ref allOf copied)" if self.copy_single_all_of else self.naming
        )
        if self.spread_union_all_of:
            reading += " (allOf over unions spread)"
        described = f"{reading} + {self.wrappers.describe()}"
        return described + ", date links swapped" if self.dates_swapped else described


def read_config(tree: Path, within: Path | None = None) -> dict[str, Any]:
    """The gen.yaml of the SDK holding the docs ``tree`` (its folder and up to two above it,
    none above ``within``); ``{}`` when there is none or it is no YAML mapping."""
    folder = tree.resolve()
    limit = within.resolve() if within is not None else None
    for _ in range(3):
        if limit is not None and not folder.is_relative_to(limit):
            return {}
        for name in CONFIG_LOCATIONS:
            path = folder / name
            if limit is not None and not path.resolve().is_relative_to(limit):
                continue
            try:
                loaded = (
                    yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
                )
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                loaded = None
            if isinstance(loaded, dict):
                return loaded
        if folder.parent == folder:
            break
        folder = folder.parent
    return {}


def find_key(config: object, key: str) -> object:
    """The value of the first ``key`` found in ``config`` (depth first); ``None`` if absent."""
    if isinstance(config, dict):
        if key in config:
            return config[key]
        for value in config.values():
            found = find_key(value, key)
            if found is not None:
                return found
    return None


def namespace_roles(config: dict[str, Any], docs: list[Definition]) -> dict[str, str]:
    """Docs folder names (lower case) that are an IR namespace under another name: from
    ``imports`` (``errors: models/apierrors``); else the one folder named ``...errors`` holds
    the errors, the folder with most ``...Request``/``...Response`` docs the operations, and
    the one folder left the named schemas (``components``)."""
    roles: dict[str, str] = {}
    imports = find_key(config, "imports")
    if isinstance(imports, dict) and isinstance(imports.get("paths"), dict):
        imports = imports["paths"]  # gen.yaml of 2024 on: imports.paths.errors
    if isinstance(imports, dict):
        for role, namespace in ROLES.items():
            value = imports.get(role)
            if isinstance(value, str) and value.strip("/"):
                roles[value.strip("/").rsplit("/", 1)[-1].lower()] = namespace
    folders = Counter(d.name.namespace.lower() for d in docs)
    if len(folders) < 2:  # a flat tree: one folder, no roles to tell apart
        return {folder: ns for folder, ns in roles.items() if folder != ns}
    if "errors" not in roles.values():
        errors = [f for f in folders if f.endswith("errors")]
        if len(errors) == 1:
            roles[errors[0]] = "errors"
    if "operations" not in roles.values():
        wrappers = Counter(
            d.name.namespace.lower()
            for d in docs
            if d.name.name.endswith(("Request", "Response"))
            and d.name.namespace.lower() not in roles
        )
        if wrappers:
            roles[wrappers.most_common(1)[0][0]] = "operations"
    left = [f for f in folders if f not in roles]
    if "components" not in roles.values() and len(left) == 1:
        roles[left[0]] = "components"
    return {folder: ns for folder, ns in roles.items() if folder != ns}


def infer_sdk_style(docs: list[Definition], tree: Path, within: Path | None = None) -> SdkStyle:
    """The style the docs ``tree`` (read into ``docs``) was generated under (module docstring)."""
    config = read_config(tree, within)
    namespaces = namespace_roles(config, docs)
    evidence: list[str] = []

    def flag(name: str) -> object:
        return find_key(config, name)

    naming = _naming(docs, flag, evidence)
    merge = flag("allOfMergeStrategy")
    copy = isinstance(merge, str) and merge != "shallowMerge"
    evidence.append(f"single-ref allOf copied: {copy} (allOfMergeStrategy {merge!r})")
    responses = [
        d
        for d in docs
        if isinstance(d, ObjectModel)
        and d.name.name.endswith("Response")
        and namespaces.get(d.name.namespace.lower(), d.name.namespace.lower()) != "errors"
    ]
    fields = Counter(_plain(f.name) for r in responses for f in r.fields)
    wrappers, metadata = _metadata(flag("responseFormat"), fields, evidence)
    raw = [
        f.required is True
        for r in responses
        for f in r.fields
        if _plain(f.name) == "rawresponse" and f.required is not None
    ]
    raw_required = not raw or 2 * sum(raw) >= len(raw)
    error_names = [
        d.name.name
        for d in docs
        if namespaces.get(d.name.namespace.lower(), d.name.namespace.lower()) == "errors"
    ]
    errors = not error_names
    evidence.append(f"error bodies in responses: {errors} ({len(error_names)} error docs)")
    style = WrapperStyle(
        wrappers=wrappers,
        metadata=metadata,
        raw_required=raw_required,
        errors=errors,
        body_field=_body_field(docs, flag("requestBodyFieldName"), evidence),
        error_suffix=_error_suffix(error_names, flag("sharedErrorComponentsApr2025"), evidence),
        aliases_inlined=not any(
            isinstance(d, AliasModel) and isinstance(d.type, (ArrayType, MapType, Primitive))
            for d in docs
        ),
        status_media_names=naming == "speakeasy-2022",
    )
    constants = _single_value_constants(docs, evidence)
    layouts = Counter(d.docs_flavor.layout for d in docs if d.docs_flavor is not None)
    layout = layouts.most_common(1)[0][0] if layouts else None
    one_namespace = layout == "flat"
    evidence.append(
        f"names told apart across namespaces: {one_namespace} (docs layout {layout or 'unknown'})"
    )
    return SdkStyle(naming, copy, style, namespaces, tuple(evidence), constants, one_namespace)


def with_spread(
    style: SdkStyle, docs: list[Definition], plain: list[Definition], spread: list[Definition]
) -> SdkStyle:
    """``style`` with ``spread_union_all_of`` decided by what the docs show of the structure:
    ``plain`` and ``spread`` are the spec's IR read without and with the spread.  Each variant
    the spread merges (an object model that gains fields, the properties beside the union)
    and that the docs show is a doc that can tell: one holding every gained name shows the
    merged model, one holding none of them the variant alone; one holding some tells
    nothing.  A schema the spread makes a union of per-variant copies
    (``generator.inputs.openapi.variant_copies``; read otherwise as no union) and that the
    docs show tells too: a union doc is one for, an object doc one against.  The fact is
    decided by ``reader.fact_holds`` (most docs that can tell)."""
    kinds = {(d.name.namespace, d.name.name.lower()): d for d in docs}
    not_unions = {
        (d.name.namespace, d.name.name.lower()) for d in plain if not isinstance(d, UnionModel)
    }
    owners = [
        kinds[key]
        for d in spread
        if isinstance(d, UnionModel)
        and (key := (d.name.namespace, d.name.name.lower())) in not_unions
        and key in kinds
    ]
    owners_for = sum(1 for d in owners if isinstance(d, UnionModel))
    owners_against = sum(1 for d in owners if isinstance(d, ObjectModel))
    shown = {
        (d.name.namespace, d.name.name.lower()): {_plain(f.name) for f in d.fields}
        for d in docs
        if isinstance(d, ObjectModel)
    }
    before = {
        (d.name.namespace, d.name.name.lower()): {_plain(f.name) for f in d.fields}
        for d in plain
        if isinstance(d, ObjectModel)
    }
    showing = against = 0
    for d in spread:
        key = (d.name.namespace, d.name.name.lower())
        if not isinstance(d, ObjectModel) or key not in before or key not in shown:
            continue
        beside = {_plain(f.name) for f in d.fields} - before[key]
        if not beside:
            continue
        if beside <= shown[key]:
            showing += 1
        elif not beside & shown[key]:
            against += 1
    result = fact_holds(SPREAD_FACT, showing + owners_for, against + owners_against)
    line = (
        f"allOf over a union spread into merged variants: {result} ({showing} variant docs "
        f"hold every property beside the union, {against} none of them; {owners_for} docs "
        f"of an allOf over a union whose variants are used elsewhere are unions, "
        f"{owners_against} objects)"
    )
    return replace(style, spread_union_all_of=result, evidence=(*style.evidence, line))


def with_copies(
    style: SdkStyle,
    docs: list[Definition],
    copied: list[Definition],
    copies: tuple[tuple[TypeName, TypeName], ...],
) -> SdkStyle:
    """``style`` with ``copy_single_all_of`` decided by the docs where gen.yaml does not state
    a merge strategy that copies: ``copied`` is the spec's IR read with the copies, ``copies``
    each copy and the named schema it copies (``OpenAPIRead.copies``).  A copy the docs show
    by its name, as a model of the same kind holding the copied schema's fields (or values),
    is one for; a copy the docs do not show while they show the schema it copies is one
    against (the SDK refers to that schema itself).  Decided by ``reader.fact_holds``."""
    if style.copy_single_all_of:
        return style
    shown = {(d.name.namespace, d.name.name.lower()): d for d in docs}
    anywhere = {d.name.name.lower(): d for d in docs}  # a flat tree's models: one namespace

    def doc_of(name: TypeName) -> Definition | None:
        found = shown.get((name.namespace, name.name.lower()))
        return found if found is not None else anywhere.get(name.name.lower())

    spec = {d.name: d for d in copied}
    showing = against = 0
    for copy, source in copies:
        doc = doc_of(copy)
        original = spec.get(source)
        if original is None:
            continue
        if doc is not None and _holds(doc, original):
            showing += 1
        elif doc is None and doc_of(source) is not None:
            against += 1
    result = fact_holds(COPIES_FACT, showing, against)
    line = (
        f"single-ref allOf copied: {result} ({showing} copies shown by their name with the "
        f"copied schema's fields, {against} not shown where the copied schema is)"
    )
    return replace(style, copy_single_all_of=result, evidence=(*style.evidence, line))


def _holds(doc: Definition, original: Definition) -> bool:
    """The doc model shows what ``original`` holds: its field names, or its enum values."""
    if isinstance(original, ObjectModel) and isinstance(doc, ObjectModel):
        return {_plain(f.name) for f in original.fields} <= {_plain(f.name) for f in doc.fields}
    if isinstance(original, EnumModel) and isinstance(doc, EnumModel):
        return {str(v.value) for v in original.values} <= {str(v.value) for v in doc.values}
    return False


COPIES_FACT = "single-ref-all-of-copies"
"""The name ``with_copies`` decides its fact under (``reader.fact_holds``)."""


SPREAD_FACT = "spread-union-all-of"
"""The name ``with_spread`` decides its fact under (``reader.fact_holds``)."""


def with_date_links(
    style: SdkStyle, docs: list[Definition], spec: list[Definition]
) -> SdkStyle:
    """``style`` with ``dates_swapped`` decided by the docs against the spec's IR: more fields
    of the models both describe show the other kind of date than the spec's
    (``generator.inputs.markdown.date_links``)."""
    same, other = dates_swapped(docs, spec)
    swapped = other > same
    evidence = (
        f"date links swapped: {swapped} ({other} date fields show the other kind, {same} "
        "the spec's)"
    )
    return replace(style, dates_swapped=swapped, evidence=(*style.evidence, evidence))


def with_flat_names(
    style: SdkStyle,
    docs: list[Definition],
    definitions: list[Definition],
    operations: list[Operation],
) -> SdkStyle:
    """``style`` with ``flat_names`` decided by the docs (module docstring): of the bodies the
    spec's IR (``definitions``, ``operations``) would rename and the header models it would add
    (``generator.ir.flat_names``), do the docs show more of the new names than of the old?"""
    if style.wrappers.wrappers:
        return style
    renamed, wrappers = flat_renames(definitions, operations)
    if not renamed and not wrappers:
        return style
    shown = {d.name.name.lower() for d in docs}
    new = sum(1 for name in renamed.values() if name.name.lower() in shown)
    new += sum(1 for model in wrappers if model.name.name.lower() in shown)
    old = sum(1 for name in renamed if name.name.lower() in shown)
    holds = new > old
    evidence = (
        f"bodies named after the method: {holds} (the docs show {new} of the "
        f"{len(renamed) + len(wrappers)} names, {old} of the names they replace)"
    )
    wrapper_style = replace(style.wrappers, flat_names=holds)
    return replace(style, wrappers=wrapper_style, evidence=(*style.evidence, evidence))


def with_unused_schemas(
    style: SdkStyle, docs: list[Definition], unreached: list[TypeName]
) -> SdkStyle:
    """``style`` with ``unused_schemas`` decided by the docs' own evidence: of the spec's named
    schemas no operation reaches (``unreached``, as the spec reader names them), do the docs
    show most by name (any namespace, case aside)?  Fewer than half: the SDK makes only what its
    methods reach, and they are left out; none unreached: nothing tells, the default (kept)."""
    if not unreached:
        evidence = "unused schemas kept: every named schema is reached by an operation"
        return replace(style, evidence=(*style.evidence, evidence))
    shown_names = {d.name.name.lower() for d in docs}
    shown = sum(1 for name in unreached if name.name.lower() in shown_names)
    kept = 2 * shown >= len(unreached)
    evidence = (
        f"unused schemas {'kept' if kept else 'left out'}: the docs show {shown} of the "
        f"{len(unreached)} named schemas no operation reaches"
    )
    wrappers = replace(style.wrappers, unused_schemas=kept)
    return replace(style, wrappers=wrappers, evidence=(*style.evidence, evidence))


def _naming(docs: list[Definition], flag: Any, evidence: list[str]) -> str:
    feb2025, dec2023 = flag("nameResolutionFeb2025"), flag("nameResolutionDec2023")
    if feb2025 is True:
        naming = "speakeasy-2025"
        evidence.append("naming speakeasy-2025: gen.yaml nameResolutionFeb2025")
    elif isinstance(dec2023, bool):
        naming = "speakeasy-2023" if dec2023 else "speakeasy-2022"
        evidence.append(f"naming {naming}: gen.yaml nameResolutionDec2023 {dec2023}")
    else:
        named = sum(1 for d in docs if STATUS_MEDIA_NAME.search(d.name.name))
        suffixed = _kind_suffixed(docs)
        naming = "speakeasy-2022" if named else ("speakeasy-2025" if suffixed else "speakeasy-2023")
        evidence.append(
            f"naming {naming}: {named} docs named by status and media type, "
            f"{len(suffixed)} named with their kind beside a model of the plain name"
            + (f" ({', '.join(suffixed[:3])})" if suffixed else "")
        )
    assert naming in NAMINGS
    return naming


KIND_SUFFIXES = {"Union": UnionModel, "Enum": EnumModel}
"""The suffix ``speakeasy-2025`` gives an inline union or enum whose name a named schema has."""


def _kind_suffixed(docs: list[Definition]) -> list[str]:
    """Doc models named ``<Name>Union`` / ``<Name>Enum``, a union / enum, beside a doc model
    ``<Name>`` of another kind in the same folder: the 2025 naming's answer to an inline
    definition asking for a named schema's name (``DocumentUnion`` beside ``Document``)."""
    kinds = {(d.name.namespace, d.name.name): type(d) for d in docs}
    found = []
    for d in docs:
        for suffix, kind in KIND_SUFFIXES.items():
            plain = d.name.name.removesuffix(suffix)
            if (
                plain != d.name.name
                and plain
                and isinstance(d, kind)
                and kinds.get((d.name.namespace, plain), kind) is not kind
            ):
                found.append(d.name.name)
    return sorted(found)


def _single_value_constants(docs: list[Definition], evidence: list[str]) -> bool:
    """Inline enums of one value are constants when doc fields show constant types
    (TypeScript's ``"value"``); SDKs that keep them as enums show one-value enum models and
    no constant types.  Decided by ``reader.fact_holds`` (each constant field and each
    one-value enum doc is one that can tell); a tree showing neither keeps the default
    (constants)."""
    constants = sum(
        1
        for d in docs
        if isinstance(d, ObjectModel)
        for f in d.fields
        if any(isinstance(node, LiteralType) for node in walk_types(f.type))
    )
    enums = sum(1 for d in docs if isinstance(d, EnumModel) and len(d.values) == 1)
    result = fact_holds(CONSTANTS_FACT, constants, enums) if constants or enums else True
    evidence.append(
        f"one-value enums constants: {result} ({constants} constant fields, "
        f"{enums} one-value enum docs)"
    )
    return result


CONSTANTS_FACT = "single-value-constants"
"""The name ``_single_value_constants`` decides its fact under (``reader.fact_holds``)."""


def _metadata(fmt: object, fields: Counter[str], evidence: list[str]) -> tuple[bool, str]:
    """Wrappers and their metadata: the ``*Response`` docs' rows decide; gen.yaml's
    ``responseFormat`` only when no such doc shows metadata (not every language follows it:
    Ruby SDKs under ``flat`` still have ``StatusCode`` rows)."""
    if fields["httpmeta"]:
        result, source = (True, "envelope"), f"{fields['httpmeta']} HTTPMeta rows"
    elif fields["statuscode"] or fields["rawresponse"]:
        result = (True, "fields")
        source = f"{fields['statuscode']} StatusCode, {fields['rawresponse']} RawResponse rows"
    elif fmt == "envelope-http":
        result, source = (True, "envelope"), "gen.yaml responseFormat envelope-http"
    elif fmt == "envelope":
        result, source = (True, "fields"), "gen.yaml responseFormat envelope"
    else:
        result, source = (False, "fields"), f"no metadata rows, responseFormat {fmt}"
    evidence.append(f"wrappers {result[0]}, metadata {result[1]}: {source}")
    return result


def _body_field(docs: list[Definition], stated: object, evidence: list[str]) -> str | None:
    """``requestBodyFieldName`` when stated (``""``: the reader's names); else ``body`` when
    request docs have ``body`` rows and no ``requestBody`` ones, else the reader's names."""
    if isinstance(stated, str):
        evidence.append(f"body field {stated or 'kept'}: gen.yaml requestBodyFieldName")
        return stated or None
    names = Counter(
        _plain(f.name)
        for d in docs
        if isinstance(d, ObjectModel) and d.name.name.endswith("Request")
        for f in d.fields
    )
    name = "body" if names["body"] and not names["requestbody"] else None
    evidence.append(
        f"body field {name or 'kept'}: {names['body']} body, {names['requestbody']} "
        "requestBody rows in request docs"
    )
    return name


def _plain(name: str) -> str:
    """A field name compared across languages: lower case, no ``_`` (``raw_response``)."""
    return name.replace("_", "").lower()


def _error_suffix(names: list[str], stated: object, evidence: list[str]) -> str | None:
    if isinstance(stated, bool):
        evidence.append(f"error suffix {stated}: gen.yaml sharedErrorComponentsApr2025")
        return "Error" if stated else None
    suffixed = bool(names) and all(name.endswith("Error") for name in names)
    evidence.append(f"error suffix {suffixed}: error docs named ...Error")
    return "Error" if suffixed else None
