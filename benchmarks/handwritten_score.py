"""Score the handwritten reader on ``corpus/handwritten`` against its hand labels (``expected.json``).

Each corpus file is read the way ``specloom ir FILE`` reads it (flavor told
from the doc), the IR is serialized as ``specloom ir`` prints it, and each
labelled row is found by its file and line (the field whose wire name is the
label's leaf key).  Per fact (type, required, nullable, default, enum):

- **right**: the IR states what the label states (both unknown counts as right);
- **wrong**: the IR states something else;
- **unknown, warned**: the IR leaves the fact unknown and a warning names the row's line
  (or its table's header line);
- **unknown, silent**: left unknown without such a warning;
- **missing**: the row's field is not in the IR at all.

Label vocabulary (see SOURCES.md): a string format counts only where the
labels write one (``date-time``, ``duration``, ``date``); integer widths
(``int32``) are not part of the labels' type.  A model nested from the rows
below a field (``a.b``, ``> child``) is the inline ``object`` the labels name;
a reference to another table is ``ref(Heading)`` compared with the model's
name, words only.  Run: ``python benchmarks/handwritten_score.py [CORPUS]``;
writes ``benchmarks/handwritten_score.md``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.diagnostics import Problem, SpecloomError  # noqa: E402
from generator.inputs.collect import read_inputs  # noqa: E402
from generator.inputs.handwritten.blocks import read_page  # noqa: E402
from generator.ir.serialize import schema_to_data  # noqa: E402

FACTS = ("type", "required", "nullable", "default", "enum")
OUTCOMES = ("right", "wrong", "warned", "silent", "missing")
LABEL_FORMATS = frozenset({"date-time", "duration", "date"})
REPORT = ROOT / "benchmarks" / "handwritten_score.md"


def corpus_folder(argv: list[str]) -> Path:
    """The ``handwritten`` folder of the corpus (argument, ``$SPECLOOM_CORPUS`` or ../shared)."""
    if len(argv) > 1:
        base = Path(argv[1])
    else:
        base = Path(os.environ.get("SPECLOOM_CORPUS", ROOT.parent / "shared" / "corpus"))
    return base / "handwritten" if (base / "handwritten").is_dir() else base


def _words(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


class IrIndex:
    """The serialized IR of one file, searchable by line."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.definitions = {
            (d["name"]["namespace"], d["name"]["name"]): d for d in data["definitions"]
        }
        self.by_line: dict[int, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
        for definition in data["definitions"]:
            for field in definition.get("fields", []):
                self.by_line[field["location"].get("line", 0)].append((field, definition))

    def find(self, line: int, wire: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        candidates = self.by_line.get(line, [])
        leaf = re.sub(r"^[>\s]+", "", wire).split(".")[-1]
        for field, model in candidates:
            if field["name"] in (leaf, wire):
                return field, model
        return candidates[-1] if len(candidates) == 1 else None

    def target(self, node: dict[str, Any]) -> dict[str, Any] | None:
        name = node["target"]
        return self.definitions.get((name["namespace"], name["name"]))

    def type_text(self, node: dict[str, Any], line: int) -> str:
        kind = node["node"]
        if kind == "Primitive":
            fmt = node.get("format")
            if fmt in LABEL_FORMATS:
                return f"{node['kind']}({fmt})"
            return str(node["kind"])
        if kind == "ArrayType":
            return f"array<{self.type_text(node['items'], line)}>"
        if kind == "MapType":
            values = self.type_text(node["values"], line)
            return "object" if values == "any" else f"map<string,{values}>"
        if kind == "RefType":
            target = self.target(node)
            if target is None:
                return "ref(?)"
            if target["node"] == "EnumModel":
                return _value_kind([v["value"] for v in target["values"]])
            if target["location"].get("line") == line:
                return "object"
            return f"ref({target['name']['name']})"
        if kind in ("LiteralType", "UnionType") and self.literals(node) is not None:
            return "any"
        if kind == "UnionType":
            return "|".join(self.type_text(v, line) for v in node["variants"])
        return "any"

    def literals(self, node: dict[str, Any]) -> list[Any] | None:
        if node["node"] == "LiteralType":
            return [node.get("value")]
        if node["node"] == "UnionType" and all(
            v["node"] == "LiteralType" for v in node["variants"]
        ):
            return [v.get("value") for v in node["variants"]]
        return None

    def enum(self, node: dict[str, Any]) -> list[Any] | None:
        if node["node"] == "RefType":
            target = self.target(node)
            if target is not None and target["node"] == "EnumModel":
                return [v["value"] for v in target["values"]]
            return None
        return self.literals(node)


def _value_kind(values: list[Any]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "number"
    return "string"


def _same(expected: Any, actual: Any) -> bool:
    return json.dumps(expected, sort_keys=True) == json.dumps(actual, sort_keys=True)


def _same_type(expected: str, actual: str) -> bool:
    if expected == actual:
        return True
    refs = re.fullmatch(r"(.*)ref\((.+)\)(.*)", expected)
    found = re.fullmatch(r"(.*)ref\((.+)\)(.*)", actual)
    if refs and found and refs.group(1) == found.group(1) and refs.group(3) == found.group(3):
        return _words(refs.group(2)) == _words(found.group(2))
    return False


def _same_enum(expected: list[Any] | None, actual: list[Any] | None) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return sorted(json.dumps(v) for v in expected) == sorted(json.dumps(v) for v in actual)


def score_row(
    label: dict[str, Any], index: IrIndex | None, warned_lines: set[int]
) -> tuple[dict[str, str], list[str]]:
    """The outcome of each fact of one labelled row, and notes on the wrong ones."""
    found = index.find(label["line"], label["wire_name"]) if index is not None else None
    if found is None or index is None:
        return dict.fromkeys(FACTS, "missing"), [f"{label['field']}: not found"]
    field, model = found
    line = label["line"]
    actual = {
        "type": index.type_text(field["type"], line),
        "required": field.get("required"),
        "nullable": field.get("nullable"),
        "default": field["default"].get("value") if "default" in field else None,
        "enum": index.enum(field["type"]),
    }
    unknown = {
        "type": actual["type"] == "any",
        "required": actual["required"] is None,
        "nullable": actual["nullable"] is None,
        "default": "default" not in field,
        "enum": actual["enum"] is None,
    }
    warned = line in warned_lines or model["location"].get("line") in warned_lines
    outcomes: dict[str, str] = {}
    notes: list[str] = []
    for fact in FACTS:
        expected = label[fact]
        if fact == "type":
            right = _same_type(expected, actual["type"])
        elif fact == "enum":
            right = _same_enum(expected, actual["enum"])
        else:
            right = _same(expected, actual[fact])
        if right:
            outcomes[fact] = "right"
        elif unknown[fact]:
            outcomes[fact] = "warned" if warned else "silent"
        else:
            outcomes[fact] = "wrong"
        if outcomes[fact] not in ("right",):
            notes.append(
                f"{label['file']}:{line} `{label['field']}` {fact}: expected "
                f"`{json.dumps(expected, ensure_ascii=False)}`, IR "
                f"`{json.dumps(actual[fact], ensure_ascii=False)}` ({outcomes[fact]})"
            )
    return outcomes, notes


def read_file(path: Path) -> tuple[IrIndex | None, set[int], str | None]:
    """The IR of one corpus file, the lines that have warnings, and a crash or error, if any."""
    warnings: list[Problem] = []
    try:
        schema = read_inputs([path], warnings=warnings)
    except SpecloomError as error:
        return None, set(), f"error: {error}"
    except Exception:  # a crash is what the benchmark counts
        return None, set(), "crash: " + traceback.format_exc(limit=3)
    lines = {w.location.line for w in warnings if w.location.line is not None}
    return IrIndex(schema_to_data(schema)), lines, None


@dataclass
class Scores:
    """Outcome counts per project (``right``, ``wrong``, ``type:right`` ... and ``fields``)."""

    per_project: dict[str, Counter[str]] = dataclasses.field(default_factory=lambda: defaultdict(Counter))
    tables: dict[str, set[str]] = dataclasses.field(default_factory=lambda: defaultdict(set))
    tables_found: dict[str, set[str]] = dataclasses.field(default_factory=lambda: defaultdict(set))
    gfm_tables: int = 0
    """GFM tables in the corpus files (as markdown-it finds them)."""
    model_tables: int = 0
    """Of them, the tables read as models (field or transposed tables)."""
    crashes: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)


def score(folder: Path) -> Scores:
    """Read every corpus file under ``folder`` and score the labelled rows."""
    labels = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for label in labels:
        by_file[label["file"]].append(label)
    scores = Scores()
    every_file = sorted(
        p for p in folder.rglob("*") if p.suffix in (".md", ".mdx") and p.name != "SOURCES.md"
    )
    for path in every_file:
        relative = path.relative_to(folder).as_posix()
        index, warned, failure = read_file(path)
        headers = {t.header.line for t in read_page(path.read_text(encoding="utf-8")).tables}
        scores.gfm_tables += len(headers)
        if index is not None:
            scores.model_tables += len(
                {d["location"].get("line") for d in index.definitions.values()} & headers
            )
        if failure is not None:
            scores.crashes.append(f"{relative}: {failure.splitlines()[0]}")
        for label in by_file.get(relative, []):
            project = label["project"]
            outcomes, row_notes = score_row(label, index, warned)
            for fact, outcome in outcomes.items():
                scores.per_project[project][f"{fact}:{outcome}"] += 1
                scores.per_project[project][outcome] += 1
            scores.per_project[project]["fields"] += 1
            scores.tables[project].add(f"{relative}#{label['table']}")
            if any(o != "missing" for o in outcomes.values()):
                scores.tables_found[project].add(f"{relative}#{label['table']}")
            scores.notes += row_notes
    return scores


def main(argv: list[str]) -> int:
    scores = score(corpus_folder(argv))
    lines = _report(
        scores.per_project, scores.tables, scores.tables_found, scores.crashes, scores.notes
    )
    lines.insert(
        lines.index("## Crashes and errors"),
        f"GFM tables in the files: {scores.gfm_tables}; read as models: {scores.model_tables}; "
        f"the other {scores.gfm_tables - scores.model_tables} have no name column or no type, "
        "required, default or description column (weights, examples, comparisons).\n",
    )
    text = "\n".join(lines) + "\n"
    REPORT.write_text(text, encoding="utf-8")
    print("\n".join(line for line in lines if not line.startswith("- ")))
    return 0


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def _report(
    per_project: dict[str, Counter[str]],
    tables: dict[str, set[str]],
    tables_found: dict[str, set[str]],
    crashes: list[str],
    notes: list[str],
) -> list[str]:
    lines = [
        "# Hand-written field tables: labelled facts read right",
        "",
        "Generated by `python benchmarks/handwritten_score.py` over `corpus/handwritten` "
        "(`expected.json`). Facts per field: type, required, nullable, default, enum. "
        "`warned` = left unknown with a warning at the row; `silent` = left unknown without one.",
        "",
        "| project | fields | tables found | facts | right | wrong | warned | silent | missing |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    total: Counter[str] = Counter()
    all_tables = 0
    all_found = 0
    for project in sorted(per_project):
        counts = per_project[project]
        total.update(counts)
        facts = counts["fields"] * len(FACTS)
        all_tables += len(tables[project])
        all_found += len(tables_found[project])
        lines.append(
            f"| {project} | {counts['fields']} | {len(tables_found[project])}/{len(tables[project])} "
            f"| {facts} | {counts['right']} ({_percent(counts['right'], facts)}) | {counts['wrong']} "
            f"| {counts['warned']} | {counts['silent']} | {counts['missing']} |"
        )
    facts = total["fields"] * len(FACTS)
    lines += [
        "",
        "| fact | right | wrong | warned | silent | missing |",
        "|---|---|---|---|---|---|",
    ]
    for fact in FACTS:
        lines.append(
            f"| {fact} | {total[f'{fact}:right']} | {total[f'{fact}:wrong']} | "
            f"{total[f'{fact}:warned']} | {total[f'{fact}:silent']} | {total[f'{fact}:missing']} |"
        )
    lines += [
        "",
        f"TOTAL: {total['right']}/{facts} facts right ({_percent(total['right'], facts)}), "
        f"{total['wrong']} wrong ({_percent(total['wrong'], facts)}), {total['warned']} unknown with a "
        f"warning, {total['silent']} unknown without, {total['missing']} missing; "
        f"tables found {all_found}/{all_tables}; crashes {len(crashes)}",
        "",
        "## Crashes and errors",
        "",
        *(f"- {crash}" for crash in crashes),
        *([] if crashes else ["none"]),
        "",
        "## Facts not right",
        "",
        *(f"- {note}" for note in notes),
    ]
    return lines


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
