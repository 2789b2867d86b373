"""How fast is a tree of model docs read?  Compared with markdown-it on the same docs, same run.

    python benchmarks/parse_docs.py [DOCS_TREE] [--repeat N]

DOCS_TREE defaults to ``../shared/corpus/mistral-ts/docs`` (520 docs).  Timed,
best of N interleaved rounds, with the files already in memory where noted:

- ``split``: specloom's block splitter on every doc (text in memory);
- ``markdown-it``: markdown-it-py's block parser (tables enabled, inline off)
  on the same texts -- what the reader used before, and the peer of ``split``;
- ``read``: the whole read, from the files to IR definitions (flavor
  detection, splitting, cells, links, examples).

The ratio line says how many times faster the splitter is than markdown-it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.diagnostics import Collector  # noqa: E402
from generator.inputs.markdown import DocFile, read_tree  # noqa: E402
from generator.inputs.markdown.document import parse_document  # noqa: E402
from generator.inputs.resolve import resolve_all  # noqa: E402


def best_of(repeat: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The fastest of ``repeat`` runs of each work, in seconds.

    The works take turns within each round, so a burst of load on a shared
    machine slows all of them alike and the ratios stay comparable.
    """
    best = dict.fromkeys(works, float("inf"))
    for _ in range(repeat):
        for name, work in works.items():
            started = time.process_time()
            work()
            best[name] = min(best[name], time.process_time() - started)
    return best


def main(argv: list[str]) -> int:
    """Print the timings and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "tree", nargs="?", type=Path, default=ROOT.parent / "shared/corpus/mistral-ts/docs"
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    paths = sorted(args.tree.rglob("*.md"))
    if not paths:
        print(f"{args.tree}: no .md files", file=sys.stderr)
        return 2
    texts = [path.read_text(encoding="utf-8") for path in paths]
    files = [
        DocFile(real, path.relative_to(args.tree).as_posix(), path.parent.name)
        for path, real in zip(paths, resolve_all(paths), strict=True)
    ]

    def split() -> None:
        for text in texts:
            parse_document(text)

    def read() -> None:
        collector = Collector()
        read_tree(files, collector)

    works: dict[str, Callable[[], object]] = {"split": split, "read": read}
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        md = None
    else:
        md = MarkdownIt("commonmark").enable("table")
        md.disable("inline")

        def peer_parse() -> None:
            for text in texts:
                md.parse(text)

        works["markdown-it"] = peer_parse
    best = best_of(args.repeat, works)
    print(f"docs={len(paths)} tree={args.tree} rounds={args.repeat}")
    print(f"split        {best['split'] * 1000:8.1f} ms")
    if md is None:
        print("markdown-it  (not installed: pip install markdown-it-py)")
    else:
        print(f"markdown-it  {best['markdown-it'] * 1000:8.1f} ms")
    print(f"read         {best['read'] * 1000:8.1f} ms  (files -> IR, everything included)")
    print(f"read per 1,000 docs {best['read'] * 1e6 / len(paths):8.1f} ms")
    if md is not None:
        peer = best["markdown-it"]
        print(
            f"RATIO markdown-it/split={peer / best['split']:.1f}x  read/markdown-it={best['read'] / peer:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
