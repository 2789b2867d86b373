"""Names of inline definitions, following Speakeasy's conventions.

An inline schema that becomes a definition (object, enum, union) is named,
in order of preference, by its ``x-speakeasy-name-override``, its ``title``,
or its context (the property name; ``One``, ``Two``... for union variants).
When that name is taken in the namespace, the name of the top-level owner
(operation or component) is put in front, then the owning model's name,
then a number is added: the first schema met keeps the short name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.ir import TypeName
from generator.naming import number_words, pascal_case

_ORDINALS = ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")


@dataclass(frozen=True, slots=True)
class Hint:
    """What a schema would be called if it becomes a definition."""

    namespace: str
    """Namespace of the definitions made here (``components``, ``operations``)."""
    root: str
    """Name of the top-level owner: the operation or component (PascalCase)."""
    base: str
    """Preferred name (PascalCase, or as written when ``raw``), e.g. the property name."""
    parent: str | None = None
    """Name of the owning model, if any."""
    exact: TypeName | None = None
    """A name reserved for this schema (components, request bodies): used as it is."""
    description: str | None = None
    """Description of a wrapper (``anyOf: [X, null]``) for the definition made from ``X``."""
    prefix: str = ""
    """Tried before the owner's name on a collision: ``QueryParam`` for a query parameter."""
    exact_first: bool = True
    """``exact`` wins over a ``title``; when ``False`` the title names the schema if it has one."""
    raw: bool = False
    """``base`` is a property name as written, made PascalCase only if a name is needed."""
    items: bool = False
    """The schema is the items of the array property ``base`` (``messages`` -> ``Message``)."""
    variant: int = 0
    """1-based position of the schema among the variants of a union; 0 when it is none."""
    qualifier: str = ""
    """The schema is read inside a per-variant copy (``variant_copies``): the copied variant's
    discriminator value in PascalCase (``Syslog``), told apart by under ``speakeasy-2025``."""
    copy_of: TypeName | None = None
    """The schema is a copy of this named schema (``copies``: a single-``$ref`` ``allOf``)."""
    within: TypeName | None = None
    """The schema is read inside the copy claimed under this name (``copies``)."""

    def child(self, base: str, parent: str, raw: bool = False) -> Hint:
        """Hint for a schema nested in the model ``parent`` (a property or a union variant)."""
        return Hint(
            self.namespace,
            self.root,
            base,
            parent,
            raw=raw,
            qualifier=self.qualifier,
            within=self.within,
        )

    def inside_copy(self, name: TypeName) -> Hint:
        """This hint for the fields of the copy named ``name`` (they are read inside it)."""
        if self.copy_of is None:
            return self
        return replace(self, within=name, copy_of=None)

    def through(self, title: str | None, description: str | None) -> Hint:
        """Hint for the single schema a wrapper stands for, inheriting its title and description."""
        hint = self
        if self.exact is None and title:
            base = type_name_part(title)
            if base:
                hint = replace(self, base=base, raw=False)
        if description is None:
            description = self.description
        return replace(hint, description=description)


def ordinal(index: int) -> str:
    """Name of the union variant at ``index`` (0-based): ``One``, ``Two``..."""
    return _ORDINALS[index] if index < len(_ORDINALS) else f"Variant{index + 1}"


def type_name_part(text: str) -> str:
    """``text`` as a PascalCase name part; empty when it has no letters or digits."""
    return pascal_case(text)


@dataclass(frozen=True, slots=True)
class NameFact:
    """Why an inline definition got its name: what it asked for and who owns it."""

    wanted: str
    """The name it asked for (PascalCase): title, override or the property name."""
    parent: str
    """Name of the owning model (or operation / component) when it was claimed."""
    items: bool
    """It is the items of an array property (``wanted`` is that property's name)."""
    variant: int = 0
    """1-based position among the variants of the union ``parent``; 0 when it is none."""
    root: str = ""
    """Name of the top-level owner (operation or component) it was read in."""
    qualifier: str = ""
    """``Hint.qualifier``: read inside a per-variant copy, the copied variant's discriminator
    value (PascalCase); empty elsewhere."""
    copy_of: TypeName | None = None
    """``Hint.copy_of``: the definition is a copy of this named schema."""
    within: TypeName | None = None
    """``Hint.within``: read inside the copy claimed under this name."""


class NameRegistry:
    """The definition names taken so far, per namespace.

    ``owner_first``: a schema nested in a model (not a union variant), named from its context
    or its title (not an override or ``$anchor``), gets the owning model's name in front even when the short name is free
    (``Buffer`` of ``AppscopeTransport`` -> ``AppscopeTransportBuffer``; ``ack`` titled
    ``Acknowledgments`` -> ``OutputAzureEventhubAcknowledgments``; the ``mechanism`` titled
    ``SASL mechanism`` of that model's ``sasl`` titled ``Authentication`` ->
    ``OutputAzureEventhubAuthenticationSASLMechanism``).

    ``one_namespace``: the names are taken across namespaces, as in an SDK keeping all its
    models in one package (a flat ``models/`` folder): ``operations.Network`` is taken when
    ``components.Network`` is.
    """

    def __init__(self, owner_first: bool = False, one_namespace: bool = False) -> None:
        self.owner_first = owner_first
        self.one_namespace = one_namespace
        self._taken: set[TypeName] = set()
        self._reserved: set[TypeName] = set()
        self.facts: dict[TypeName, NameFact] = {}
        """Inline definitions named from their context, in claiming order."""

    def key(self, name: TypeName) -> TypeName:
        """What ``name`` is told apart by: itself, or its name alone (``one_namespace``)."""
        return TypeName("", name.name) if self.one_namespace else name

    def is_taken(self, name: TypeName) -> bool:
        """``name`` is reserved or used."""
        return self.key(name) in self._taken

    def is_reserved(self, name: TypeName) -> bool:
        """``name`` is reserved for a schema and no definition has claimed it yet."""
        return self.key(name) in self._reserved

    def take(self, name: TypeName) -> None:
        """Mark the reserved (or free) ``name`` as used by a definition."""
        self._reserved.discard(self.key(name))
        self._taken.add(self.key(name))

    def unique(self, namespace: str, base: str) -> TypeName:
        """``base`` in ``namespace``, else ``base2``, ``base3``... (not reserved yet)."""
        name = TypeName(namespace, base)
        number = 2
        while self.is_taken(name):
            name = TypeName(namespace, f"{base}{number}")
            number += 1
        return name

    def reserve(self, name: TypeName) -> None:
        """Take ``name`` for a schema that will be read with it as ``Hint.exact``."""
        self._taken.add(self.key(name))
        self._reserved.add(self.key(name))

    def claim(self, hint: Hint, preferred: str | None, identifier: bool = False) -> TypeName:
        """A free name for a new inline definition, following the conventions above.

        ``preferred`` is the schema's own name (override, ``$anchor`` or title);
        ``identifier``: it is an override or ``$anchor``, never given the owner in front."""
        wanted = type_name_part(preferred or "")
        exact = hint.exact
        usable = exact is not None and (self.is_reserved(exact) or not self.is_taken(exact))
        if exact is not None and usable and (hint.exact_first or not wanted):
            self.take(exact)
            return exact
        base = wanted or (type_name_part(hint.base) if hint.raw else hint.base)
        parent = hint.parent or hint.root
        nested = self.owner_first and hint.parent is not None and not hint.variant
        nested = nested and not (wanted and identifier)
        if not base or base[0].isdigit() or nested:
            base = parent + base
        if hint.prefix:
            candidates = [base, hint.prefix + base, hint.root + hint.prefix + base]
        else:
            candidates = [base, hint.root + base, parent + base]
        name = self._first_free(hint.namespace, candidates, f"{parent}{base}")
        self._taken.add(self.key(name))
        self.facts[name] = NameFact(
            base,
            parent,
            hint.items and not wanted,
            0 if wanted else hint.variant,
            hint.root,
            hint.qualifier,
            hint.copy_of,
            hint.within,
        )
        return name

    def _first_free(self, namespace: str, candidates: list[str], numbered: str) -> TypeName:
        for candidate in candidates:
            name = TypeName(namespace, candidate)
            if not self.is_taken(name):
                return name
        number = 2
        while self.is_taken(TypeName(namespace, f"{numbered}{number}")):
            number += 1
        return TypeName(namespace, f"{numbered}{number}")


_LEADING_DIGITS = re.compile(r"([0-9]+)(.*)", re.DOTALL)


def spelled_leading_digits(key: str) -> str | None:
    """A component key that begins with digits, named as Speakeasy names it: the number in
    words, the rest as written when it is letters and digits only, else in PascalCase
    (``54a6b2`` -> ``FiftyFoura6b2``); ``None`` when ``key`` does not begin with a digit or
    the number is too long to spell (more than 15 digits)."""
    match = _LEADING_DIGITS.fullmatch(key)
    if match is None or len(match.group(1)) > 15:
        return None
    rest = match.group(2)
    tail = rest if rest.isalnum() or not rest else type_name_part(rest)
    return number_words(int(match.group(1))) + tail
