"""``[tool.specloom.handwritten]``: a house style's extra words and naming rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.inputs.handwritten.lexicon import ROLES, Lexicon, parse_type_meaning

NAMING_RULES = ("heading", "path")
"""``heading``: the nearest heading (parent heading, then a number, on a clash);
``path``: every enclosing heading joined."""

KEYS = ("columns", "required", "optional", "types", "naming", "namespace")
"""The keys ``[tool.specloom.handwritten]`` takes."""


@dataclass(frozen=True, slots=True)
class HandwrittenConfig:
    """House words added to the built-in lexicon, and how models are named."""

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Extra header words per column role (``{"name": ["Knob"]}``)."""
    required: tuple[str, ...] = ()
    """Extra Required-cell words meaning required."""
    optional: tuple[str, ...] = ()
    """Extra Required-cell words meaning optional."""
    types: dict[str, str] = field(default_factory=dict)
    """Extra type words: word -> ``kind`` or ``kind(format)`` (``{"Money": "number"}``)."""
    naming: str = "heading"
    """Model naming rule, one of ``NAMING_RULES``."""
    namespace: str | None = None
    """One namespace for every hand-written model; ``None``: one per file, from its name."""

    def lexicon(self) -> Lexicon:
        """The built-in lexicon with this house style's words added."""
        return Lexicon().extended(
            {role: list(words) for role, words in self.columns.items()},
            list(self.required),
            list(self.optional),
            dict(self.types),
        )


def config_from_table(table: object) -> tuple[HandwrittenConfig, list[str]]:
    """A config from the TOML table, and the problems found in it (messages)."""
    problems: list[str] = []
    if not isinstance(table, dict):
        return HandwrittenConfig(), ["[tool.specloom.handwritten] must be a table"]
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        problems.append(
            f"[tool.specloom.handwritten] unknown keys {unknown}; expected some of {list(KEYS)}"
        )

    def strings(key: str, value: object) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        problems.append(
            f"[tool.specloom.handwritten] {key}: expected a string or a list of strings"
        )
        return ()

    columns: dict[str, tuple[str, ...]] = {}
    raw_columns = table.get("columns", {})
    if isinstance(raw_columns, dict):
        for role, words in raw_columns.items():
            if role not in ROLES:
                problems.append(
                    f"[tool.specloom.handwritten] columns: unknown role {role!r}; expected one of {list(ROLES)}"
                )
                continue
            columns[role] = strings(f"columns.{role}", words)
    else:
        problems.append("[tool.specloom.handwritten] columns: expected a table of role = [words]")
    types: dict[str, str] = {}
    raw_types = table.get("types", {})
    if isinstance(raw_types, dict):
        for word, meaning in raw_types.items():
            if not isinstance(meaning, str):
                problems.append(
                    f'[tool.specloom.handwritten] types.{word}: expected a string such as "integer"'
                )
                continue
            try:
                parse_type_meaning(meaning)
            except ValueError as error:
                problems.append(f"[tool.specloom.handwritten] types.{word}: {error}")
                continue
            types[word] = meaning
    else:
        problems.append('[tool.specloom.handwritten] types: expected a table of word = "kind"')
    naming = table.get("naming", "heading")
    if naming not in NAMING_RULES:
        problems.append(f"[tool.specloom.handwritten] naming: expected one of {list(NAMING_RULES)}")
        naming = "heading"
    namespace = table.get("namespace")
    if namespace is not None and not (isinstance(namespace, str) and namespace.isidentifier()):
        problems.append("[tool.specloom.handwritten] namespace: expected an identifier")
        namespace = None
    config = HandwrittenConfig(
        columns=columns,
        required=strings("required", table.get("required", [])),
        optional=strings("optional", table.get("optional", [])),
        types=types,
        naming=str(naming),
        namespace=namespace,
    )
    return config, problems
