"""Does the IR of an OpenAPI spec agree with the SDK docs generated from it?

    python benchmarks/spec_conformance.py SPEC DOCS_TREE [--target NAME] [--show N]
    python benchmarks/conformance.py --spec SPEC DOCS_TREE      (same, through the docs script)
    python benchmarks/spec_conformance.py --all ROOT [--report FILE] [--no-upper-bound]

``--all`` compares every ``openapi.yaml`` / ``.yml`` / ``.json`` below ROOT with each models
folder below the spec's folder (one line per tree, then ``TOTAL``); ``--report`` writes the
markdown table committed as ``benchmarks/spec_conformance.md``:
``python benchmarks/spec_conformance.py --all ../shared/corpus --report benchmarks/spec_conformance.md``.

SPEC is an OpenAPI / Swagger file; DOCS_TREE a folder holding ``models/``
(or a folder above one), e.g. ``../shared/corpus/dub-seed-era/go``.  Both are
read into the IR; then:

- naming and style: the naming (``speakeasy-2022/2023/2025``), the single-ref
  ``allOf`` copy, the models an SDK derives from operations (a ``WrapperStyle``,
  ``generator.ir.sdk_wrappers``) and the IR namespace of each docs folder
  (``apierrors`` -> ``errors``) are inferred from the tree
  (``generator.inputs.markdown.sdk_style``: its gen.yaml, else its docs; the spread
  of an ``allOf`` over an inline union into merged variants, from the docs against
  the spec read both ways, ``sdk_style.with_spread``); these
  are the figures reported.  ``--all`` also searches every naming and style for
  the one finding most doc models, then agreeing on most fields: an upper bound
  only, reported in its own column (``--no-upper-bound`` skips it);
- models: every doc model is looked up by name in the spec's IR; a name that
  differs only in case counts as found and is listed;
- fields: each field of a found object model is looked up in the spec model
  (names compared without case and ``_``, as SDK docs rename ``snake_case``
  to ``camelCase``, and as Speakeasy spells a wire name in a field name: ``%`` as
  ``Percent``, ``$`` as ``Dollar``, leading digits in words, other signs dropped;
  ``x-speakeasy-name-override`` names count); a field
  agrees when its type (as far as docs can show it: kinds, containers,
  referenced model names, formats the docs show) and ``required`` agree
  (a required field with a default is optional to SDK callers, and docs say so);
- files: the docs target of the tree's flavor (``docs-go``,
  ``docs-typescript``...) is rendered from the spec's IR in memory and each
  real doc compared byte for byte, and row by row for table rows.

The last line is ``TOTAL models=N matched=N fields=N agree=N identical_files=N``.
Exit code 0, or 2 when the spec or the docs cannot be read at all.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.diagnostics import Collector  # noqa: E402
from generator.inputs.markdown import DocFile, read_docs  # noqa: E402
from generator.inputs.markdown.date_links import swap_dates  # noqa: E402
from generator.inputs.markdown.sdk_style import (  # noqa: E402
    SdkStyle,
    infer_sdk_style,
    with_copies,
    with_date_links,
    with_flat_names,
    with_spread,
    with_unused_schemas,
)
from generator.inputs.openapi import NAMINGS  # noqa: E402
from generator.inputs.openapi.namings import SPEAKEASY_2025  # noqa: E402
from generator.inputs.openapi.reader import OpenAPIRead, read_openapi_spec  # noqa: E402
from generator.ir import (  # noqa: E402
    ArrayType,
    Definition,
    Field,
    LiteralType,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    TypeNode,
    UnionType,
    sort_definitions,
)
from generator.ir.operations import Operation  # noqa: E402
from generator.ir.retarget import rename  # noqa: E402
from generator.ir.sdk_wrappers import (  # noqa: E402
    NAMED_SCHEMA_POINTERS,
    STYLE_CHOICES,
    WrapperStyle,
    canonical,
    derive_wrappers,
    drop_unused,
    with_fact,
    wrapper_styles,
)
from generator.naming import number_words  # noqa: E402

TARGET_OF_LANGUAGE = {
    "go": "docs-go",
    "python": "docs-python",
    "typescript": "docs-typescript",
    "php": "docs-php",
    "ruby": "docs-ruby",
    "java": "docs-java",
    "csharp": "docs-csharp",
}
"""The docs target that writes each docs flavor."""

EXTRA_ROW = "additionalProperties"
"""The row TypeScript docs give the properties an object allows besides its fields."""

DOC_FORMATS = frozenset({"date", "date-time", "binary", "http-response", "http-request"})
"""Formats SDK docs show (as a date, time or stream type, or the raw HTTP exchange an SDK model
carries); other formats are not compared."""


@dataclass
class Report:
    """Figures of one comparison."""

    models: int = 0
    matched: int = 0
    case_only: list[str] = field(default_factory=list)
    other_namespace: list[str] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)
    fields: int = 0
    agree: int = 0
    disagreements: list[str] = field(default_factory=list)
    files: int = 0
    identical_files: int = 0
    rows: int = 0
    identical_rows: int = 0
    differing_files: list[str] = field(default_factory=list)
    spec_models: int = 0
    spec_found: int = 0


MODELS_PLACES = ("", "docs", "docs/pkg", "pkg")
"""Where a docs tree keeps its models folder, relative to the folder given (in this order)."""


def find_models_folder(tree: Path) -> Path | None:
    """The models folder of a docs tree in every layout: ``models/`` or ``Models/`` in ``tree``,
    ``tree/docs/``, ``tree/docs/pkg/`` (Go, 2024), else the first one below ``tree``."""
    if tree.name.lower() == "models" and tree.is_dir():
        return tree
    for place in MODELS_PLACES:
        for name in ("models", "Models"):
            candidate = tree / place / name if place else tree / name
            if candidate.is_dir():
                return candidate
    found = sorted(
        path
        for path in tree.rglob("*")
        if path.is_dir() and path.name.lower() == "models" and not path.name.startswith(".")
    )
    return found[0] if found else None


def doc_files(models: Path) -> list[DocFile]:
    """Every model doc below the models folder: ``models/<namespace>/`` or flat ``models/``."""
    return [
        DocFile(path, path.relative_to(models.parent).as_posix(), path.parent.name)
        for path in sorted(models.rglob("*.md"))
    ]


def ir_namespace(namespace: str, roles: dict[str, str] | None = None) -> str:
    """The IR namespace of a docs folder name (``roles``: the folders the tree's style names,
    ``generator.inputs.markdown.sdk_style.namespace_roles``)."""
    lowered = namespace.lower()
    return (roles or {}).get(lowered, lowered)


def in_ir_namespaces(docs: list[Definition], roles: dict[str, str]) -> list[Definition]:
    """``docs`` moved from their folders into the IR namespaces ``roles`` names (references
    followed)."""
    renamed = {
        d.name: TypeName(roles[d.name.namespace.lower()], d.name.name)
        for d in docs
        if d.name.namespace.lower() in roles
    }
    return [rename(d, renamed) for d in docs] if renamed else docs


def key(name: TypeName) -> tuple[str, str]:
    """Identity of a definition for matching: namespace (aliased) and name."""
    return ir_namespace(name.namespace), name.name


def field_key(field: Field) -> str:
    """Field identity across docs flavors: the SDK name or wire name as Speakeasy spells it in a
    field name (``%`` as ``percent``, ``$`` as ``dollar``, leading digits in words:
    ``1_Minute%`` -> ``oneminutepercent``, ``$limit`` -> ``dollarlimit``), lower case, letters
    and digits only (``parameters[date_to]`` -> ``parametersdateto``)."""
    text = (field.sdk_name or field.name).replace("%", " percent ").replace("$", " dollar ")
    leading = _LEADING_DIGITS.match(text)
    if leading is not None and len(leading.group(1)) <= 15:
        text = f"{number_words(int(leading.group(1)))} {leading.group(2)}"
    return _NOT_ALNUM.sub("", text.lower())


_LEADING_DIGITS = re.compile(r"\W*([0-9]+)(.*)", re.DOTALL)
_NOT_ALNUM = re.compile(r"[^0-9a-z]")


RefKey = tuple[str, str]
"""A definition's identity in a shape: IR namespace (aliased) and lower-case name."""


def ref_key(name: TypeName) -> RefKey:
    """Identity of a referenced definition in a shape."""
    return ir_namespace(name.namespace), name.name.lower()


def shape(
    node: TypeNode,
    doc: TypeNode | None = None,
    numbers_only: bool = False,
    refs: dict[RefKey, RefKey] | None = None,
) -> object:
    """What SDK docs can show of a type.

    ``doc`` (the doc's own type) decides which formats count; ``numbers_only``
    when the docs' language has one number type (TypeScript: ``number``);
    ``refs`` maps a doc model to the spec model it was found as (a reference
    agrees with a reference to the model found for it).
    """
    if isinstance(node, Primitive):
        fmt = node.format if node.format in DOC_FORMATS else None
        if isinstance(doc, Primitive) and doc.format is None:
            fmt = None
        if node.kind is PrimitiveKind.STRING and fmt == "binary":
            return ("binary",)
        kind = node.kind
        if numbers_only and kind is PrimitiveKind.INTEGER:
            kind = PrimitiveKind.NUMBER
        return ("primitive", kind.value, fmt)
    if isinstance(node, ArrayType):
        inner = doc.items if isinstance(doc, ArrayType) else None
        return ("array", shape(node.items, inner, numbers_only, refs))
    if isinstance(node, MapType):
        inner = doc.values if isinstance(doc, MapType) else None
        return ("map", shape(node.values, inner, numbers_only, refs))
    if isinstance(node, RefType):
        target = ref_key(node.target)
        if refs is not None:
            target = refs.get(target, target)
        return ("ref", *target)
    if isinstance(node, LiteralType):
        if isinstance(doc, Primitive):  # docs show a constant by its type
            return ("primitive", literal_kind(node.value, numbers_only), None)
        return ("literal", node.value)
    assert isinstance(node, UnionType)
    variants = sorted({repr(shape(variant, None, numbers_only, refs)) for variant in node.variants})
    if len(variants) == 1:  # e.g. two string schemas with different patterns: docs show one
        return shape(node.variants[0], None, numbers_only, refs)
    return ("union", tuple(variants))


def type_cause(doc: object, spec: object) -> str:
    """The kind of a type disagreement between two shapes (for the report's cause table)."""
    while (
        isinstance(doc, tuple)
        and isinstance(spec, tuple)
        and doc[0] == spec[0]
        and doc[0] in ("array", "map")
    ):
        doc, spec = doc[1], spec[1]
    if not (isinstance(doc, tuple) and isinstance(spec, tuple)):
        return "type differs"
    if doc == ("primitive", "any", None):
        return "docs show any where the spec has a type"
    if spec == ("primitive", "any", None):
        return "spec has any where docs show a type"
    if doc[0] == spec[0] == "ref":
        return "referenced model named differently"
    if doc[0] == spec[0] == "primitive" and doc[1] == spec[1]:
        return "format differs (date, date-time, http)"
    if doc[0] == spec[0] == "primitive":
        return "primitive kind differs"
    if "ref" in (doc[0], spec[0]) and "literal" in (doc[0], spec[0]):
        return "enum of one value: a model in docs, a constant in the spec"
    if doc[0] == "ref" or spec[0] == "ref":
        return "a model on one side, an inline type on the other"
    if "array" in (doc[0], spec[0]) or "map" in (doc[0], spec[0]):
        return "container differs (array, map)"
    return f"type differs ({doc[0]} in docs, {spec[0]} in spec)"


def literal_kind(value: object, numbers_only: bool) -> str:
    """The primitive kind of a constant's value."""
    if isinstance(value, bool):
        return PrimitiveKind.BOOLEAN.value
    if isinstance(value, int):
        return (PrimitiveKind.NUMBER if numbers_only else PrimitiveKind.INTEGER).value
    if isinstance(value, float):
        return PrimitiveKind.NUMBER.value
    if isinstance(value, str):
        return PrimitiveKind.STRING.value
    return PrimitiveKind.ANY.value


def shown_required(field: Field) -> bool:
    """Required as SDK docs show it: a required field with a default is optional to callers."""
    return field.required and field.default is None


def compare_fields(
    doc: ObjectModel, spec: ObjectModel, report: Report, refs: dict[RefKey, RefKey]
) -> None:
    """Count the doc model's fields and those the spec model agrees with."""
    by_key = {field_key(field): field for field in spec.fields}
    numbers_only = getattr(getattr(doc, "docs_flavor", None), "language", None) == "typescript"
    for doc_field in doc.fields:
        report.fields += 1
        spec_field = by_key.get(field_key(doc_field))
        where = f"{doc.name}.{doc_field.source_name or doc_field.name}"
        if spec_field is None and doc_field.name == EXTRA_ROW and spec.additional_properties:
            # TypeScript docs list the type of other properties as a field row
            spec_field = Field(
                EXTRA_ROW, MapType(spec.additional_properties), False, None, spec.location
            )
        if spec_field is None:
            report.disagreements.append(f"{where}: not in the spec model")
            report.causes["field not in the spec model (by name)"] += 1
            continue
        doc_shape = shape(doc_field.type, None, numbers_only, refs)
        spec_shape = shape(spec_field.type, doc_field.type, numbers_only)
        if doc_shape != spec_shape:
            report.disagreements.append(f"{where}: type {doc_shape} in docs, {spec_shape} in spec")
            report.causes[type_cause(doc_shape, spec_shape)] += 1
        elif doc_field.required != shown_required(spec_field):
            report.causes[
                "required with a default in the spec, shown required in docs"
                if spec_field.required and doc_field.required
                else "required differs"
            ] += 1
            report.disagreements.append(
                f"{where}: required {doc_field.required} in docs, {shown_required(spec_field)} "
                f"in spec{' (required with a default)' if spec_field.default is not None else ''}"
            )
        else:
            report.agree += 1


def find_in_spec(
    docs: list[Definition], spec: list[Definition], report: Report
) -> list[tuple[Definition, Definition]]:
    """Each doc model with the spec model of its name: in the same namespace, else (case aside)
    in the same namespace, else the one spec model of that name in another namespace (SDK
    generations place error models in ``shared``, ``components`` or ``errors``).

    A flat tree names no namespace (its models' namespace is the models folder's own name): its
    models are looked up by name alone.  Names found case aside or in another namespace are
    listed in the report.
    """
    exact = {key(definition.name): definition for definition in spec}
    folded = {
        (namespace, name.lower()): definition for (namespace, name), definition in exact.items()
    }
    by_name: dict[str, list[Definition]] = {}
    for definition in spec:
        by_name.setdefault(definition.name.name.lower(), []).append(definition)
    pairs: list[tuple[Definition, Definition]] = []
    for doc in docs:
        report.models += 1
        namespace, name = key(doc.name)
        found = exact.get((namespace, name))
        if found is None:
            found = folded.get((namespace, name.lower()))
            if found is not None:
                report.case_only.append(f"{doc.name} is {found.name} in the spec")
        if found is None and len(by_name.get(name.lower(), ())) == 1:
            found = by_name[name.lower()][0]
            if namespace != "models":
                report.other_namespace.append(f"{doc.name} is {found.name} in the spec")
        if found is None:
            report.missing.append(str(doc.name))
            continue
        pairs.append((doc, found))
    return pairs


def compare_models(docs: list[Definition], spec: list[Definition], report: Report) -> None:
    """Look every doc model up in the spec's IR (``find_in_spec``); compare the fields of object
    models, a reference to a doc model agreeing with a reference to the spec model found for it."""
    pairs = find_in_spec(docs, spec, report)
    refs = {ref_key(doc.name): ref_key(found.name) for doc, found in pairs}
    found_in_spec: set[tuple[str, str]] = set()
    for doc, found in pairs:
        report.matched += 1
        found_in_spec.add(key(found.name))
        if isinstance(doc, ObjectModel) and isinstance(found, ObjectModel):
            compare_fields(doc, found, report, refs)
    report.spec_models = len({key(definition.name) for definition in spec})
    report.spec_found = len(found_in_spec)


def docs_language(docs: list[Definition]) -> tuple[str, str | None]:
    """(language, style) of the docs flavor the markdown reader recorded; Go old style if none."""
    flavors = Counter(
        (flavor.language, flavor.style)
        for definition in docs
        if (flavor := getattr(definition, "docs_flavor", None)) is not None
    )
    if not flavors:
        return "go", "old"
    return flavors.most_common(1)[0][0]


def compare_files(
    spec: list[Definition],
    models: Path,
    language: str,
    style: str | None,
    report: Report,
    roles: dict[str, str],
) -> str | None:
    """Render the docs target from the spec's IR and compare with the real docs; the target used."""
    from generator.render.renderer import render
    from generator.render.targets import TARGETS, Options

    target = TARGET_OF_LANGUAGE.get(language)
    if target not in TARGETS:
        return None
    schema = Schema(sort_definitions(list(spec)))
    options = Options(go_style=style) if language == "go" else Options()
    rendered = render(schema, [target], options)
    by_path: dict[str, str] = {}
    for path, text in rendered.items():
        relative = path.split("/", 1)[1]  # "<target>/models/<ns>/<file>"
        parts = relative.split("/")
        if len(parts) >= 3 and parts[0].lower() == "models":
            by_path[f"{ir_namespace(parts[1], roles)}/{parts[-1].lower()}"] = text
    for real in sorted(models.rglob("*.md")):
        report.files += 1
        text = real.read_text(encoding="utf-8")
        mine = by_path.get(f"{ir_namespace(real.parent.name, roles)}/{real.name.lower()}")
        real_rows = [line for line in text.splitlines() if line.startswith("|")]
        report.rows += len(real_rows)
        if mine is None:
            report.differing_files.append(f"{real.parent.name}/{real.name}: not rendered")
            continue
        if mine == text:
            report.identical_files += 1
            report.identical_rows += len(real_rows)
            continue
        report.differing_files.append(f"{real.parent.name}/{real.name}")
        mine_rows = Counter(line for line in mine.splitlines() if line.startswith("|"))
        for row in real_rows:
            if mine_rows[row] > 0:
                mine_rows[row] -= 1
                report.identical_rows += 1
    return target


def share(part: int, whole: int) -> str:
    """``part/whole (p %)``."""
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else f"{part}/0"


def print_report(report: Report, target: str | None, show: int) -> None:
    """The figures, then up to ``show`` examples of each kind of difference."""
    print(f"models found by name: {share(report.matched, report.models)}")
    print(f"spec models found in the docs: {share(report.spec_found, report.spec_models)}")
    print(f"fields agreeing (wire name, type, required): {share(report.agree, report.fields)}")
    if target is None:
        print("files: no docs target for this flavor")
    else:
        print(f"files byte-identical ({target}): {share(report.identical_files, report.files)}")
        print(f"table rows identical: {share(report.identical_rows, report.rows)}")
    for title, items in (
        ("missing models", report.missing),
        ("names differing in case", report.case_only),
        ("names found in another namespace", report.other_namespace),
        ("field disagreements", report.disagreements),
        ("differing files", report.differing_files),
    ):
        if items and show:
            print(f"{title} ({len(items)}):")
            for item in items[:show]:
                print(f"  {item}")


READINGS = [
    (naming, copy, constants)
    for naming in NAMINGS
    for copy in (False, True)  # copy: an allOf of one $ref with keywords beside it
    for constants in ((True, False) if naming == SPEAKEASY_2025 else (True,))
]
"""The spec readings the upper bound tries: (naming, single-ref ``allOf`` copied, one-value
enums constants); the last matters under ``speakeasy-2025`` only."""

STYLES_TRIED = len(READINGS) * len(wrapper_styles())
"""The styles the upper bound chooses among: each reading x each wrapper style (searched one
fact at a time, ``best_style``)."""


def best_style(
    definitions: list[Definition],
    operations: list[Operation],
    docs: list[Definition],
    keep: frozenset[TypeName] = frozenset(),
) -> tuple[tuple[int, int, int], WrapperStyle, list[Definition]]:
    """The wrapper style (``generator.ir.sdk_wrappers``) under which the spec agrees most with the
    docs: most doc models found, then most fields agreeing, then fewest spec models.

    Each fact of the style is chosen in turn, the others held (two rounds).
    """

    def score(style: WrapperStyle) -> tuple[tuple[int, int, int], list[Definition]]:
        spec = derive_wrappers(definitions, operations, style, keep)
        trial = Report()
        compare_models(docs, spec, trial)
        return (trial.matched, trial.agree, -trial.spec_models), spec

    style = WrapperStyle()
    best, spec = score(style)
    for _ in range(2):
        for attribute, values in STYLE_CHOICES:
            for value in values:
                trial_style = canonical(with_fact(style, attribute, value))
                if trial_style == style:
                    continue
                trial, trial_spec = score(trial_style)
                if trial > best:
                    best, style, spec = trial, trial_style, trial_spec
    return best, style, spec


def read_inferred(
    spec_path: Path, style: SdkStyle, docs: list[Definition] | None = None
) -> tuple[Collector, list[Definition], str, SdkStyle]:
    """The spec's IR under the naming and wrapper style inferred from the docs tree
    (``generator.inputs.markdown.sdk_style``), that style described, and the style.  With
    ``docs``, the single-ref ``allOf`` copies are decided by them (``sdk_style.with_copies``;
    the spec is then read both ways), the spread of an ``allOf`` over a union too
    (``sdk_style.with_spread``; the spec is then read both ways), and whether the SDK makes
    the named schemas no operation reaches (``with_unused_schemas``); when they are not made,
    the spec is read again without them, so that they take no name an inline schema has in
    the SDK; and whether an SDK without wrappers names its bodies after the method
    (``with_flat_names``); last, whether the docs' date links say the other kind of date
    (``with_date_links``; the caller then reads them swapped, ``date_links.swap_dates``)."""

    def read(
        spread: bool, unused: bool = True, copy: bool | None = None
    ) -> tuple[Collector, OpenAPIRead]:
        problems = Collector()
        return problems, read_openapi_spec(
            spec_path.resolve(),
            spec_path.as_posix(),
            problems,
            style.naming,
            copy_single_all_of=style.copy_single_all_of if copy is None else copy,
            single_value_constants=style.single_value_constants,
            one_namespace=style.one_namespace,
            spread_union_all_of=spread,
            unused_schemas=unused,
            reach=True,
        )

    problems, plain = read(False)
    if docs is not None and not style.copy_single_all_of:
        copy_problems, copied = read(False, copy=True)
        style = with_copies(style, docs, copied.definitions, copied.copies)
        if style.copy_single_all_of:
            problems, plain = copy_problems, copied
    if docs is not None:
        spread_problems, spread = read(True)
        style = with_spread(style, docs, plain.definitions, spread.definitions)
        if style.spread_union_all_of:
            problems, plain = spread_problems, spread
        used = {
            d.name for d in drop_unused(plain.definitions, plain.operations, None, plain.reached)
        }
        unreached = [d.name for d in plain.definitions if d.name not in used and is_named_schema(d)]
        style = with_unused_schemas(style, docs, unreached)
        if not style.wrappers.unused_schemas:  # left out before they take a name
            problems, plain = read(style.spread_union_all_of, False)
        style = with_flat_names(style, docs, plain.definitions, plain.operations)
    spec = derive_wrappers(plain.definitions, plain.operations, style.wrappers, plain.reached)
    if docs is not None:
        style = with_date_links(style, docs, spec)
    return problems, spec, style.describe(), style


def is_named_schema(definition: Definition) -> bool:
    """Made from a named schema itself (``/components/schemas/X``), not from a part of one."""
    pointer = definition.location.pointer or ""
    return any(
        pointer.startswith(prefix) and "/" not in pointer[len(prefix) :]
        for prefix in NAMED_SCHEMA_POINTERS
    )


def read_spec_as_docs_name(
    spec_path: Path,
    docs: list[Definition],
    one_namespace: bool = False,
    spread_union_all_of: bool = False,
) -> tuple[Collector, list[Definition], str]:
    """Upper bound: the spec's IR under the naming (Speakeasy generation) and the wrapper style
    that agree most with the docs (``best_style``), a best-of fit, not an inference.

    The naming returned names both: ``speakeasy-2025 + fields, raw required, errors``.
    ``one_namespace`` is the tree's layout (a flat models folder), not searched; nor is
    ``spread_union_all_of``, the inferred spread (``sdk_style.with_spread``).
    """
    best: tuple[tuple[int, int, int], Collector, list[Definition], str] | None = None
    for naming, copy, constants in READINGS:
        problems = Collector()
        read = read_openapi_spec(
            spec_path.resolve(),
            spec_path.as_posix(),
            problems,
            naming,
            copy_single_all_of=copy,
            single_value_constants=constants,
            one_namespace=one_namespace,
            spread_union_all_of=spread_union_all_of,
            reach=True,
        )
        score, style, spec = best_style(read.definitions, read.operations, docs, read.reached)
        if best is None or score > best[0]:
            reading = f"{naming} (single-ref allOf copied)" if copy else naming
            if not constants:
                reading += " (one-value enums kept)"
            if spread_union_all_of:
                reading += " (allOf over unions spread)"
            best = (score, problems, spec, f"{reading} + {style.describe()}")
    assert best is not None
    return best[1], best[2], best[3]


def run(spec_path: Path, tree: Path, show: int) -> int:
    """Compare one spec with one docs tree; print the report."""
    models = find_models_folder(tree)
    if models is None:
        print(
            f"{tree}: no models folder found; expected DOCS_TREE/models (or Models), "
            "DOCS_TREE/docs/models or DOCS_TREE/docs/pkg/models"
        )
        return 2
    started = time.perf_counter()
    doc_problems = Collector()
    docs = read_docs(doc_files(models), doc_problems)
    style = infer_sdk_style(docs, models.parent, spec_path.parent)
    docs = in_ir_namespaces(docs, style.namespaces)
    spec_problems, spec, naming, style = read_inferred(spec_path, style, docs)
    if style.dates_swapped:
        docs = swap_dates(docs)
    elapsed = time.perf_counter() - started
    print(
        f"spec {spec_path}: {len(spec)} definitions, {len(spec_problems.problems)} errors, "
        f"{len(spec_problems.warnings)} warnings (naming {naming})"
    )
    for problem in spec_problems.problems[:show]:
        print(f"  {problem}")
    print(
        f"docs {models}: {len(docs)} definitions, {len(doc_problems.problems)} errors "
        f"({elapsed:.2f} s to read both)"
    )
    if not spec and spec_problems.problems:
        return 2
    report = Report()
    compare_models(docs, spec, report)
    language, flavor_style = docs_language(docs)
    target = compare_files(spec, models, language, flavor_style, report, style.namespaces)
    print_report(report, target, show)
    print(
        f"TOTAL models={report.models} matched={report.matched} fields={report.fields} "
        f"agree={report.agree} identical_files={report.identical_files} "
        f"spec_models={report.spec_models} spec_found={report.spec_found}"
    )
    return 0


SPEC_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json")
"""File names a corpus folder keeps the spec of the docs beside it under."""


def find_pairs(root: Path) -> list[tuple[Path, Path]]:
    """Every (spec, docs tree) below ``root``: a spec file and each models folder below its folder.

    A models folder inside another one (``models/models/``) is not a tree of its own.
    """
    pairs: list[tuple[Path, Path]] = []
    specs = sorted(path for name in SPEC_NAMES for path in root.rglob(name) if path.is_file())
    for spec in specs:
        folders = sorted(
            path
            for path in spec.parent.rglob("*")
            if path.is_dir() and path.name.lower() == "models"
        )
        outer = [
            path
            for path in folders
            if not any(other != path and other in path.parents for other in folders)
        ]
        pairs.extend((spec, folder) for folder in outer)
    return pairs


@dataclass
class TreeFigures:
    """One row of the all-trees table: the figures under the inferred style, and the upper
    bound (best of every naming and style, ``None`` when not searched)."""

    spec: Path
    models: Path
    naming: str
    report: Report
    causes: Counter[str]
    evidence: tuple[str, ...] = ()
    best_naming: str | None = None
    best: Report | None = None


def measure(spec_path: Path, models: Path, upper_bound: bool = True) -> TreeFigures:
    """Read one docs tree and its spec and compare them (no file rendering): under the style
    inferred from the tree, and (``upper_bound``) under the best of every style."""
    docs = read_docs(doc_files(models), Collector())
    style = infer_sdk_style(docs, models.parent, spec_path.parent)
    docs = in_ir_namespaces(docs, style.namespaces)
    _, spec, naming, style = read_inferred(spec_path, style, docs)
    if style.dates_swapped:
        docs = swap_dates(docs)
    report = Report()
    compare_models(docs, spec, report)
    figures = TreeFigures(spec_path, models, naming, report, report.causes, style.evidence)
    if upper_bound:
        _, best_spec, figures.best_naming = read_spec_as_docs_name(
            spec_path, docs, style.one_namespace, style.spread_union_all_of
        )
        figures.best = Report()
        compare_models(docs, best_spec, figures.best)
    return figures


def percent(part: int, whole: int) -> str:
    """``p %`` with one decimal, rounded down (99.0 % is at least 99 %); ``-`` when there is
    nothing to count."""
    return f"{1000 * part // whole / 10:.1f} %" if whole else "-"


def tree_name(models: Path, root: Path) -> str:
    """The docs tree (the folder holding the models folder) relative to ``root``."""
    try:
        return models.parent.relative_to(root).as_posix()
    except ValueError:
        return models.parent.as_posix()


def per_tree_row(row: TreeFigures, root: Path) -> str:
    """One row of the report's per-tree table of misses."""
    r = row.report
    spaces = Counter(name.split(".", 1)[0] for name in r.missing)
    missing = ", ".join(f"{space} {count}" for space, count in sorted(spaces.items())) or "0"
    largest = "; ".join(f"{cause} {count}" for cause, count in r.causes.most_common(2)) or "-"
    return (
        f"| `{tree_name(row.models, root)}` | {missing} | {r.spec_models - r.spec_found} "
        f"| {largest} |"
    )


def upper_cell(best: Report | None) -> str:
    """The upper-bound cell: doc models found / fields agreeing under the best of every style."""
    if best is None:
        return "not searched"
    return f"{percent(best.matched, best.models)} / {percent(best.agree, best.fields)}"


def run_all(root: Path, report_path: Path | None, argv: list[str], upper_bound: bool) -> int:
    """Compare every spec below ``root`` with the docs trees beside it; one line per tree."""
    pairs = find_pairs(root)
    if not pairs:
        print(f"{root}: no spec (openapi.yaml / .json) with a models folder below it")
        return 2
    rows = [measure(spec, models, upper_bound) for spec, models in pairs]
    header = (
        "| docs tree | inferred naming and style | spec models | found by name | doc models "
        f"| doc models in spec | fields | agreeing | upper bound (best of {STYLES_TRIED} "
        "styles): doc models / fields |"
    )
    lines = [header, "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    totals = Report()
    best_totals = Report()
    causes: Counter[str] = Counter()
    for row in rows:
        r = row.report
        name = tree_name(row.models, root)
        print(
            f"{name}: naming={row.naming} spec_models={r.spec_models} spec_found={r.spec_found} "
            f"({percent(r.spec_found, r.spec_models)}) models={r.models} matched={r.matched} "
            f"({percent(r.matched, r.models)}) fields={r.fields} agree={r.agree} "
            f"({percent(r.agree, r.fields)})"
        )
        lines.append(
            f"| `{name}` | {row.naming} | {r.spec_models} "
            f"| {r.spec_found} ({percent(r.spec_found, r.spec_models)}) | {r.models} "
            f"| {r.matched} ({percent(r.matched, r.models)}) | {r.fields} "
            f"| {r.agree} ({percent(r.agree, r.fields)}) | {upper_cell(row.best)} |"
        )
        if row.best is not None:
            print(f"  upper bound: {row.best_naming}: {upper_cell(row.best)}")
        for attr in ("spec_models", "spec_found", "models", "matched", "fields", "agree"):
            setattr(totals, attr, getattr(totals, attr) + getattr(r, attr))
            if row.best is not None:
                setattr(best_totals, attr, getattr(best_totals, attr) + getattr(row.best, attr))
        causes.update(row.causes)
    t = totals
    total = (
        f"TOTAL trees={len(rows)} spec_models={t.spec_models} spec_found={t.spec_found} "
        f"models={t.models} matched={t.matched} fields={t.fields} agree={t.agree}"
    )
    print(total)
    best_total = upper_cell(best_totals if upper_bound else None)
    print(f"UPPER BOUND (best of {STYLES_TRIED} styles per tree): doc models / fields {best_total}")
    if report_path is not None:
        text = [
            "# Spec conformance",
            "",
            f"Generated by `python benchmarks/spec_conformance.py {' '.join(argv)}`; do not edit.",
            "Each docs tree that has its OpenAPI spec beside it is read into the IR. The naming,",
            "the single-ref `allOf` copy and the wrapper style (the models an SDK derives from",
            "operations, `generator/ir/sdk_wrappers.py`) are inferred from the tree: its",
            "`gen.yaml` where it states them, else its docs (`generator/inputs/markdown/",
            "sdk_style.py`; column `inferred naming and style`). The two IRs are compared: the",
            "spec's models found by name in the docs, the doc models found in the spec, and the",
            "fields of matched models that agree (wire name, type as far as docs show it,",
            "required). These are the figures of what specloom does.",
            "",
            f"The last column is an **upper bound**, not a measurement: the best of {STYLES_TRIED}",
            "readings per tree (naming x allOf copy x one-value enums as constants or not x",
            "wrapper style, searched one fact at a",
            "time), chosen by the very score it shows (doc models found, then fields agreeing).",
            "It says how far the IR can express a tree, not what specloom infers.",
            "Percentages are rounded down.",
            "",
            *lines,
            f"| **total** | | {t.spec_models} | {t.spec_found} ({percent(t.spec_found, t.spec_models)}) "
            f"| {t.models} | {t.matched} ({percent(t.matched, t.models)}) | {t.fields} "
            f"| {t.agree} ({percent(t.agree, t.fields)}) | {best_total} |",
            "",
            "## Field disagreements by cause",
            "",
            "| cause | fields |",
            "|---|---:|",
            *(
                f"| {cause} | {count} |"
                for cause, count in sorted(causes.items(), key=lambda c: (-c[1], c[0]))
            ),
            "",
            "## Per tree: what is not found, and the largest disagreements",
            "",
            "Doc models not in the spec, by namespace; spec models not in the docs; the two",
            "largest causes of field disagreement.",
            "",
            "| docs tree | doc models not in the spec | spec models not in the docs "
            "| largest causes |",
            "|---|---|---:|---|",
            *(per_tree_row(row, root) for row in rows),
        ]
        report_path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    """Command line entry: ``[--spec] SPEC DOCS_TREE [--show N]`` or ``--all ROOT [--report F]``."""
    if argv and argv[0] == "--all":
        parser = argparse.ArgumentParser(prog="spec_conformance --all")
        parser.add_argument("--all", dest="root", type=Path, required=True)
        parser.add_argument("--report", type=Path, help="also write the markdown report here")
        parser.add_argument(
            "--no-upper-bound",
            action="store_true",
            help="skip the best-of-every-style search (quick runs; the committed report has it)",
        )
        args = parser.parse_args(argv)
        return run_all(args.root, args.report, argv, not args.no_upper_bound)
    parser = argparse.ArgumentParser(
        prog="spec_conformance", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--spec", dest="spec_flag", type=Path, help="the OpenAPI spec")
    parser.add_argument("paths", nargs="+", type=Path, help="[SPEC] DOCS_TREE")
    parser.add_argument("--show", type=int, default=10, help="examples listed per difference kind")
    args = parser.parse_args(argv)
    paths: list[Path] = ([args.spec_flag] if args.spec_flag else []) + list(args.paths)
    if len(paths) != 2:
        parser.error("expected SPEC DOCS_TREE")
    return run(paths[0], paths[1], args.show)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
