"""What one rendered file was made from: the definitions and templates it read.

Templates and filters reach the schema through ``schema.get(name)``,
``schema.namespaces`` or the whole ``schema.definitions``; a
``RecordingSchema`` handed to the templates in place of the schema notes each
of these per file, so a later run can tell which files a spec change touches
(see ``generator.cache``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.ir import Definition, Schema, TypeName

WHOLE = "*"
"""A file that read the schema's definitions as a whole (it depends on every one)."""
NAMESPACES = "namespaces"
"""A file that read the list of namespaces."""
OPERATIONS = "operations"
"""A file that read the operations (``Schema.operations``): it depends on them, not on every definition."""
RULES = "rules"
"""A file that read the validation rules or validators (``Schema.rules``, ``validator_of``...)."""
_RULES_ATTRIBUTES = frozenset({"rules", "validators", "rules_of", "validator_of"})


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What one output file was rendered from."""

    templates: tuple[str, ...]
    """Files of the templates its render loaded (its own, and those it extends or includes)."""
    names: tuple[str, ...]
    """Definitions it looked up by name (``namespace.Name``), or ``WHOLE`` / ``NAMESPACES`` /
    ``OPERATIONS`` / ``RULES``."""
    formatted: bool
    """It went through the formatter (a Python file from a custom template)."""


_PUBLIC_FIELDS = tuple(f.name for f in dataclasses.fields(Schema) if f.init)
_WHOLE_ATTRIBUTES = frozenset({*_PUBLIC_FIELDS, "in_namespace"}) - _RULES_ATTRIBUTES - {OPERATIONS}


def schema_fields(schema: Schema) -> dict[str, Any]:
    """The schema's fields (``definitions``, ``sources`` and whatever else it carries), by name."""
    return {name: getattr(schema, name) for name in _PUBLIC_FIELDS}


class RecordingSchema(Schema):
    """The schema, noting which definitions are looked up (``take`` returns and resets them)."""

    __slots__ = ("_looked_up",)

    _looked_up: set[str]

    def __init__(self, schema: Schema) -> None:
        object.__setattr__(self, "_looked_up", set())
        Schema.__init__(self, **schema_fields(schema))
        self._looked_up.clear()

    def __getattribute__(self, name: str) -> Any:
        if name in _WHOLE_ATTRIBUTES:
            object.__getattribute__(self, "_looked_up").add(WHOLE)
        elif name == "namespaces":
            object.__getattribute__(self, "_looked_up").add(NAMESPACES)
        elif name == OPERATIONS:
            object.__getattribute__(self, "_looked_up").add(OPERATIONS)
        elif name in _RULES_ATTRIBUTES:
            object.__getattribute__(self, "_looked_up").add(RULES)
        return object.__getattribute__(self, name)

    def get(self, name: TypeName) -> Definition | None:
        """The definition called ``name``, or ``None``; noted either way."""
        self._looked_up.add(f"{name.namespace}.{name.name}")
        return Schema.get(self, name)

    def take(self) -> tuple[str, ...]:
        """The names looked up since the last ``take``, sorted; the record starts afresh."""
        names = tuple(sorted(self._looked_up))
        self._looked_up.clear()
        return names

    def note(self, names: Iterable[str]) -> None:
        """Note ``names`` as looked up (what a memoised part of the file read)."""
        self._looked_up.update(names)

    def part(self) -> set[str]:
        """Start noting a part of the file on its own; give the names noted so far."""
        noted = self._looked_up
        object.__setattr__(self, "_looked_up", set())
        return noted

    def end_part(self, noted: set[str]) -> tuple[str, ...]:
        """The names the part begun by ``part`` looked up, sorted; ``noted`` gets them too."""
        names = tuple(sorted(self._looked_up))
        noted.update(self._looked_up)
        object.__setattr__(self, "_looked_up", noted)
        return names

    def __reduce__(self) -> Any:  # pickled (a worker's result) as the plain schema
        return (_plain, (schema_fields(self),))


def _plain(fields: dict[str, Any]) -> Schema:
    return Schema(**fields)
