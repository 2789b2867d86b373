"""Do the five docs flavors of one API say the same thing, and how far does one translate to another?

    python benchmarks/flavor_agreement.py [CORPUS]      (default ../shared/corpus)

Agreement: the IRs read from ``dub-seed-era/{go,python,typescript,php,ruby}``
(one spec, five SDK generators) are compared.  Models are matched by
namespace and name (Ruby's ``shared`` is the others' ``components``), or by
name alone when a flavor has one model of that name elsewhere (Ruby keeps
the error models in ``shared`` too); fields by wire name; on three facts,
each only where both flavors carry it:

- type: kinds, containers, literal values and referenced model names;
  integer vs number only when neither side is TypeScript (whose ``number``
  is both); a format only when both show one;
- required;
- nullable, when neither side says "cannot tell" (``None``).

A field agrees when every pair of flavors showing it agrees on all three.

Translation: the Go tree's IR is rendered with ``docs-python`` and
``docs-typescript`` and compared with the real Python and TypeScript trees:
the share of files identical byte for byte, and of table rows (field and
value rows) identical.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from conformance import read, tree_files  # noqa: E402

from generator.diagnostics import Collector  # noqa: E402
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
    TypeNode,
    UnionType,
)
from generator.ir.merge import merge_schema  # noqa: E402
from generator.render.renderer import render  # noqa: E402
from generator.render.targets import Options  # noqa: E402

FLAVORS = ("go", "python", "typescript", "php", "ruby")
"""The ``dub-seed-era`` trees, in the order they are compared."""
NAMESPACES = {"sdkerrors": "errors", "shared": "components"}
"""Folder names that mean the same namespace as another flavor's."""


@dataclass(slots=True)
class Agreement:
    """Cross-flavor figures."""

    fields: int = 0
    """Fields shown by at least two flavors."""
    agreeing: int = 0
    """Of those, fields on which every pair of flavors agrees."""
    models: int = 0
    """Models shown by at least two flavors."""
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Field comparisons per pair of flavors."""
    pair_agreeing: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Agreeing field comparisons per pair."""
    reasons: Counter[str] = field(default_factory=Counter)
    """Disagreements by kind (``python~ruby type: ref vs any``)."""
    examples: dict[str, str] = field(default_factory=dict)
    """One field per disagreement kind."""

    @property
    def share(self) -> float:
        """Agreeing fields / compared fields."""
        return self.agreeing / self.fields if self.fields else 1.0


@dataclass(slots=True)
class Translation:
    """Figures of one rendered-from-another-flavor comparison."""

    source: str
    """Flavor read."""
    target: str
    """Docs target rendered and the flavor compared with."""
    files: int = 0
    """Real files of the target flavor (models only)."""
    identical_files: int = 0
    """Rendered byte for byte."""
    rows: int = 0
    """Table rows (fields and values) of the real files."""
    identical_rows: int = 0
    """Rendered exactly."""


def _namespace(name: str) -> str:
    return NAMESPACES.get(name, name)


def models_by_key(definitions: Sequence[Definition]) -> dict[tuple[str, str], Definition]:
    """Definitions by (namespace, name), with folder aliases resolved."""
    return {(_namespace(d.name.namespace), d.name.name): d for d in definitions}


def canonical_keys(
    indexed: dict[str, dict[tuple[str, str], Definition]],
) -> dict[str, dict[tuple[str, str], Definition]]:
    """Re-key each flavor's models: a key no other flavor has moves to the one other key of
    the same name, if there is exactly one (Ruby keeps the error models in ``shared``)."""
    result: dict[str, dict[tuple[str, str], Definition]] = {}
    for flavor, models in indexed.items():
        others = {key for f, m in indexed.items() if f != flavor for key in m}
        moved: dict[tuple[str, str], Definition] = {}
        for key, definition in models.items():
            same_name = [other for other in others if other[1] == key[1]]
            if key not in others and len(same_name) == 1 and same_name[0] not in models:
                key = same_name[0]
            moved[key] = definition
        result[flavor] = moved
    return result


def _shape(node: TypeNode, typescript: bool) -> object:
    """What two flavors can both say about a type."""
    if isinstance(node, Primitive):
        kind = node.kind
        if typescript and kind is PrimitiveKind.INTEGER:
            kind = PrimitiveKind.NUMBER
        return ("prim", kind.value)
    if isinstance(node, ArrayType):
        return ("array", _shape(node.items, typescript))
    if isinstance(node, MapType):
        return ("map", _shape(node.values, typescript))
    if isinstance(node, RefType):
        return ("ref", node.target.name)
    if isinstance(node, LiteralType):
        return ("literal", node.value)
    assert isinstance(node, UnionType)
    return ("union", tuple(_shape(v, typescript) for v in node.variants))


def _formats(node: TypeNode) -> list[str | None]:
    if isinstance(node, Primitive):
        return [node.format]
    if isinstance(node, ArrayType):
        return _formats(node.items)
    if isinstance(node, MapType):
        return _formats(node.values)
    return []


def compare_fields(a: str, fa: Field, b: str, fb: Field) -> list[str]:
    """The facts two flavors disagree on for one field (empty when they agree)."""
    typescript = "typescript" in (a, b)
    wrong: list[str] = []
    if _shape(fa.type, typescript) != _shape(fb.type, typescript):
        wrong.append(f"type: {_brief(fa.type)} vs {_brief(fb.type)}")
    else:
        for x, y in zip(_formats(fa.type), _formats(fb.type), strict=False):
            if x is not None and y is not None and x != y:
                wrong.append(f"format: {x} vs {y}")
    if fa.required != fb.required:
        wrong.append(f"required: {fa.required} vs {fb.required}")
    if fa.nullable is not None and fb.nullable is not None and fa.nullable != fb.nullable:
        wrong.append(f"nullable: {fa.nullable} vs {fb.nullable}")
    return wrong


def _brief(node: TypeNode) -> str:
    if isinstance(node, Primitive):
        return node.kind.value + (f"({node.format})" if node.format else "")
    if isinstance(node, ArrayType):
        return f"array<{_brief(node.items)}>"
    if isinstance(node, MapType):
        return f"map<{_brief(node.values)}>"
    if isinstance(node, RefType):
        return "ref"
    if isinstance(node, LiteralType):
        return f"literal {node.value!r}"
    return "union"


def agreement(trees: dict[str, Sequence[Definition]]) -> Agreement:
    """Compare the IRs of the flavors in ``trees``."""
    result = Agreement()
    indexed = canonical_keys({flavor: models_by_key(defs) for flavor, defs in trees.items()})
    keys = sorted({key for models in indexed.values() for key in models})
    for key in keys:
        shown = {f: models[key] for f, models in indexed.items() if key in models}
        objects = {f: d for f, d in shown.items() if isinstance(d, ObjectModel)}
        if len(shown) < 2:
            continue
        result.models += 1
        if len(objects) < 2:
            continue
        wires = sorted({fl.name for d in objects.values() for fl in d.fields})
        for wire in wires:
            having = {
                f: next(fl for fl in d.fields if fl.name == wire)
                for f, d in objects.items()
                if any(fl.name == wire for fl in d.fields)
            }
            if len(having) < 2:
                continue
            result.fields += 1
            ok = True
            for a, b in combinations(having, 2):
                result.pairs[(a, b)] += 1
                wrong = compare_fields(a, having[a], b, having[b])
                if not wrong:
                    result.pair_agreeing[(a, b)] += 1
                    continue
                ok = False
                for what in wrong:
                    kind = f"{a}~{b} {what}"
                    result.reasons[kind] += 1
                    result.examples.setdefault(kind, f"{key[0]}.{key[1]}.{wire}")
            result.agreeing += ok
    return result


def table_rows(text: str) -> list[str]:
    """Body rows of every table of a doc (header and separator rows left out)."""
    rows: list[str] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.startswith("| ") or line.startswith("| --"):
            continue
        if index + 1 < len(lines) and lines[index + 1].startswith("| --"):
            continue
        rows.append(line)
    return rows


def translation(
    source: Sequence[Definition], target: str, real_tree: Path, real: Sequence[Definition]
) -> Translation:
    """Render ``source`` with the ``target`` docs target; compare with the real tree."""
    language = target.removeprefix("docs-")
    result = Translation("go", language)
    schema = merge_schema(list(source), (), Collector())
    rendered = {
        key.removeprefix(target + "/"): text
        for key, text in render(schema, [target], Options()).items()
    }
    model_files = {d.location.file.split("/", 1)[1] for d in real}
    for path in tree_files(real_tree):
        relative = path.relative_to(real_tree).as_posix()
        if relative not in model_files:
            continue
        result.files += 1
        actual = path.read_text(encoding="utf-8")
        mine = rendered.get(relative, "")
        result.identical_files += mine == actual
        real_rows = table_rows(actual)
        left = Counter(table_rows(mine))
        result.rows += len(real_rows)
        for row in real_rows:
            if left[row] > 0:
                left[row] -= 1
                result.identical_rows += 1
    return result


def measure(corpus: Path) -> tuple[Agreement, list[Translation]]:
    """Agreement of the five ``dub-seed-era`` trees and the Go -> Python / TypeScript translations."""
    trees: dict[str, Sequence[Definition]] = {}
    paths: dict[str, Path] = {}
    for flavor in FLAVORS:
        path = corpus / "dub-seed-era" / flavor / "docs"
        read_result, _ = read(path, flavor)
        trees[flavor] = read_result.definitions
        paths[flavor] = path
    translations = [
        translation(trees["go"], f"docs-{flavor}", paths[flavor], trees[flavor])
        for flavor in ("python", "typescript")
    ]
    return agreement(trees), translations


def format_figures(result: Agreement, translations: Sequence[Translation]) -> list[str]:
    """The lines printed."""
    lines = [
        f"AGREEMENT models={result.models} fields={result.fields} agreeing={result.agreeing} "
        f"share={result.share:.2%}"
    ]
    for (a, b), count in sorted(result.pairs.items()):
        agreeing = result.pair_agreeing[(a, b)]
        lines.append(f"  {a}~{b}: {agreeing}/{count} ({agreeing / count:.2%})")
    for kind, count in result.reasons.most_common():
        lines.append(f"  disagree {count}x {kind}  (e.g. {result.examples[kind]})")
    for item in translations:
        lines.append(
            f"TRANSLATION {item.source}->{item.target}: files {item.identical_files}/{item.files} "
            f"({item.identical_files / item.files:.2%}), rows {item.identical_rows}/{item.rows} "
            f"({item.identical_rows / item.rows:.2%})"
        )
    return lines


WHY = {
    "required": (
        "The Ruby tree comes from an older generator (2.563.0; the other four from 2.644.1). "
        "For a property the spec lists as required but gives a default "
        "(`DomainSchema.appleAppSiteAssociation`: required, nullable, default null), the newer "
        "generators tell SDK callers it is optional; the older one still says required. "
        "Each doc is read as written."
    ),
    "type: ref vs any": (
        "Ruby SDK docs have no union docs: a union-typed field shows `::Object`, which is all "
        "the doc says, so it is read as any value; the other flavors link the union."
    ),
    "type: ref vs ref": (
        "The older Ruby generator named some inline schemas differently "
        "(`GroupBy` where the others have `QueryParamGroupBy`), so the field points at a model "
        "of another name."
    ),
    "type: array<ref> vs array<ref>": (
        "Same naming difference inside an array (`ResponseBody` vs `CheckDomainStatusResponseBody`)."
    ),
}
"""Why flavors disagree, by the disagreeing fact, for the report."""


def explain(result: Agreement, translations: Sequence[Translation]) -> list[str]:
    """The report's explanation of each kind of disagreement and of the translation figures."""
    lines = [
        f"{result.agreeing} of {result.fields} fields shown by two or more flavors "
        f"({result.share:.2%}) agree on type, required and nullable wherever both sides carry "
        "the fact. Every disagreement involves the Ruby tree:",
        "",
    ]
    seen: set[str] = set()
    for kind in sorted(result.reasons):
        fact = kind.split(" ", 1)[1]
        key = next((k for k in WHY if fact.startswith(k)), fact)
        if key in seen:
            continue
        seen.add(key)
        total = sum(n for k, n in result.reasons.items() if k.split(" ", 1)[1].startswith(key))
        lines.append(f"- `{key}` ({total} pair comparisons): {WHY.get(key, 'unexplained')}")
    lines += [
        "",
        "Translation: the Go tree's IR written as Python and TypeScript docs.",
        "",
    ]
    for item in translations:
        lines.append(
            f"- go -> {item.target}: {item.identical_files}/{item.files} files, "
            f"{item.identical_rows}/{item.rows} table rows identical."
        )
    lines += [
        "",
        "What stands in the way is information the Go docs do not hold: the old Go style never "
        "shows nullability (a pointer means optional *or* nullable, and required fields show "
        "no pointer), so Python's `Optional` vs `OptionalNullable` / `Nullable` cannot be told; "
        "and Go docs hold no model examples and no TypeScript package, so TypeScript's "
        "`## Example Usage` (on every object and enum) cannot be written: those files differ "
        "while all their table rows match. Union variants get Speakeasy's placeholder examples.",
    ]
    return lines


def main(argv: Sequence[str]) -> int:
    """Print the figures for the corpus at ``argv[0]`` (default ``../shared/corpus``)."""
    corpus = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpus"
    if not (corpus / "dub-seed-era").is_dir():
        print(f"{corpus}: no dub-seed-era folder; expected the shared corpus", file=sys.stderr)
        return 2
    result, translations = measure(corpus)
    print("\n".join(format_figures(result, translations)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
