"""Tell which SDK flavor a tree of docs is written in, from the docs themselves.

Each flavor counts the cells and code blocks of a doc that only it writes
(``**string*``, `` `*string` ``, ``Optional[str]``, ``*number*``, ``*?string*``,
``T.nilable(...)``, ```` ```go ````...); the flavor with the highest total over
the tree wins.  Folder and file names are never looked at.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.inputs.markdown.csharp_types import CSHARP
from generator.inputs.markdown.document import Document
from generator.inputs.markdown.flavor import Flavor
from generator.inputs.markdown.go_types import GO_NEW, GO_OLD
from generator.inputs.markdown.java_types import JAVA
from generator.inputs.markdown.php_types import PHP
from generator.inputs.markdown.python_types import PYTHON
from generator.inputs.markdown.ruby_types import RUBY
from generator.inputs.markdown.typescript_types import TYPESCRIPT

FLAVORS: dict[str, tuple[Flavor, ...]] = {
    "go": (GO_OLD, GO_NEW),
    "python": (PYTHON,),
    "typescript": (TYPESCRIPT,),
    "php": (PHP,),
    "ruby": (RUBY,),
    "java": (JAVA,),
    "csharp": (CSHARP,),
}
"""Every flavor, by the language name ``--flavor`` takes; Go has one per type style.

A new flavor registers here with ``register_flavor`` (it then takes part in detection)."""


def register_flavor(language: str, flavor: Flavor) -> None:
    """Add a flavor to detection and ``--flavor`` (a language may have several styles)."""
    FLAVORS[language] = (*FLAVORS.get(language, ()), flavor)


SAMPLE = 60
"""How many docs are enough to tell (the first ones in path order)."""


def language_names() -> tuple[str, ...]:
    """The values ``--flavor`` accepts."""
    return tuple(FLAVORS)


def detect_flavor(documents: Iterable[Document], language: str | None = None) -> Flavor | None:
    """The flavor scoring highest over ``documents``; ``None`` when nothing is recognized.

    ``language`` limits the candidates to one language (``--flavor``); the
    style of that language is still read from the docs.
    """
    candidates = FLAVORS[language] if language else tuple(f for fs in FLAVORS.values() for f in fs)
    scores = [0] * len(candidates)
    for count, document in enumerate(documents):
        if count >= SAMPLE:
            break
        for index, flavor in enumerate(candidates):
            scores[index] += flavor.sniff(document)
    best = max(range(len(candidates)), key=lambda index: scores[index])
    if scores[best] == 0:
        return candidates[0] if language else None
    return candidates[best]
