"""How inline definitions are named when names collide: two Speakeasy generations.

``speakeasy-2023`` (the default; Speakeasy's naming before its
``nameResolutionFeb2025`` fix, as in SDK docs generated before 2025): the first schema
met keeps the short name, later ones get their owner's name in front (see
``names``).  Names are given while reading.

``speakeasy-2022`` (as in SDK docs generated before Speakeasy's ``nameResolutionDec2023``
fix): as ``speakeasy-2023``, except that a schema nested in a model, named from its
context or its title, always has the model's name in front (``AppscopeTransportBuffer``,
``ConfigTags``, ``OutputAzureEventhubAcknowledgments`` for a property titled
``Acknowledgments``), free short name or not (``names.NameRegistry``).

``speakeasy-2025`` (as in SDK docs generated since February 2025), applied after
reading, from what each inline definition asked for (``NameFact``):

- the items of an array property are named in the singular
  (``messages`` -> ``Message``);
- a name asked for by several inline definitions is given to none: each gets
  the name of its top-level owner (the component or operation it is read in) in
  front, however deep it is nested (``ChatCompletionRequestStop``,
  ``FimCompletionRequestStop``; the ``type`` of ``ClientActivity.performed_by``
  is ``ClientActivityType``, not ``ClientActivityPerformedByType``); when several ask
  for that too, the owning model's name (``AuditEventSearchContainsMeta`` beside
  ``AuditEventSearchEqualsMeta``);
- the variants of a union are named after it and their position
  (``ChatModerationRequestInputs1``);
- a name that is a named schema's already (case aside) gets the kind of the
  definition after it (``DocumentUnion``, ``TypeEnum``);
- the inline definitions of per-variant copies (``variant_copies``) are named after
  every other one: the name asked for when free and asked once; else the owner's
  name in front when no other copy of that owner asks (``OutputResponseFacility``);
  else the copied variant's discriminator value after it when that tells every copy
  asking apart (``FormatSentinel``); else both (``OutputResponseTypeSyslog``);
- a copy of a named schema (``copies``) whose name is the copied schema's is that schema
  (no second definition, nor of what is read inside it);
- an inline enum of a single value is a constant (``LiteralType``), where the
  SDK makes such enums constants (``Context.single_value_constants``; TypeScript
  docs showing ``"value"`` types do, Go, PHP or Java docs showing one-value enum
  models do not);
- an object schema that lists no properties and says nothing of others
  (``type: object``) is a model without fields, not a map (``models``).

Under every naming, an SDK that keeps all its models in one package (a flat
``models/`` docs folder) tells names apart across namespaces
(``NameRegistry.one_namespace``): an inline ``network`` of an operation and one of
a component ask for the same name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from generator.inputs.openapi.context import Context
from generator.inputs.openapi.names import NameFact
from generator.ir import Definition, EnumModel, JsonObject, LiteralType, TypeName
from generator.ir.retarget import rename, retype, retype_operation


def singular(word: str) -> str:
    """An English plural made singular, for the items of an array (``Entries`` -> ``Entry``)."""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def resolve_names_2025(ctx: Context) -> None:
    """Rename ``ctx.definitions`` by the ``speakeasy-2025`` rules (see the module docstring)."""
    index = {definition.name: definition for definition in ctx.definitions}
    facts = {name: fact for name, fact in ctx.names.facts.items() if name in index}
    literals = _single_values(facts, index) if ctx.single_value_constants else {}
    facts = {name: fact for name, fact in facts.items() if name not in literals}
    space = _space(ctx)
    fixed = {(space(name), name.name.lower()) for name in index if name not in ctx.names.facts}
    wanted = {name: _wanted(fact) for name, fact in facts.items()}
    plain = [name for name, fact in facts.items() if not fact.qualifier]
    asked = Counter((space(name), wanted[name].lower()) for name in plain)
    owned_asked = Counter(
        (space(name), ((facts[name].root or facts[name].parent) + wanted[name]).lower())
        for name in plain
        if asked[(space(name), wanted[name].lower())] > 1
    )
    copied = [name for name, fact in facts.items() if fact.qualifier]
    in_copies = _copies_asking(copied, facts, wanted, space)
    renamed: dict[TypeName, TypeName] = {}
    dropped: set[TypeName] = set()
    used = set(fixed)
    for name in plain + copied:  # the copies' names after every other name is given
        fact = facts[name]
        if fact.within in dropped:  # read inside a copy that is the named schema itself
            dropped.add(name)
            continue
        parent_name = TypeName(name.namespace, fact.parent)
        parent = renamed.get(parent_name, parent_name).name
        want = wanted[name]
        if fact.variant:
            want = f"{parent}{fact.variant}"
        elif fact.qualifier:
            want = in_copies(name, used)
        elif asked[(space(name), want.lower())] > 1:
            owned = (fact.root or fact.parent) + want
            want = parent + want if owned_asked[(space(name), owned.lower())] > 1 else owned
        copy_of = fact.copy_of
        if copy_of is not None and (space(name), want.lower()) == (
            space(copy_of),
            copy_of.name.lower(),
        ):  # a copy named as the schema it copies is that schema
            dropped.add(name)
            renamed[name] = copy_of
            continue
        if (space(name), want.lower()) in fixed:
            want += _SUFFIXES.get(index[name].kind, "")
        final, number = want, 2
        while (space(name), final.lower()) in used:
            final, number = f"{want}{number}", number + 1
        used.add((space(name), final.lower()))
        if final != name.name:
            renamed[name] = TypeName(name.namespace, final)
    ctx.copies = {
        renamed.get(name, name): source
        for name, source in ctx.copies.items()
        if name not in dropped and name not in literals
    }
    if renamed or literals:
        ctx.definitions[:] = [
            rename(definition, renamed, literals)
            for definition in ctx.definitions
            if definition.name not in literals and definition.name not in dropped
        ]
        ctx.request_roots[:] = [retype(root, renamed, literals) for root in ctx.request_roots]
        ctx.operations[:] = [retype_operation(op, renamed, literals) for op in ctx.operations]


_SUFFIXES = {"union": "Union", "enum": "Enum"}


def _copies_asking(
    copied: list[TypeName],
    facts: dict[TypeName, NameFact],
    wanted: dict[TypeName, str],
    space: Callable[[TypeName], str],
) -> Callable[[TypeName, set[tuple[str, str]]], str]:
    """How the inline definitions read inside per-variant copies (``NameFact.qualifier``) are
    named, after every other name is given (``used``): the name asked for when no one else
    has it; else the owner's name in front when no other copy of that owner asks for it
    (``OutputResponseFacility``); else the copied variant's discriminator value after it
    (``FormatSentinel``), when that tells apart every copy asking for the name; else both
    (``OutputResponseTypeSyslog``, as ``TypeSyslog`` is asked by two owners' copies)."""
    by_root = Counter((space(n), facts[n].root, wanted[n].lower()) for n in copied)
    asked = Counter((space(n), wanted[n].lower()) for n in copied)
    qualified = Counter((space(n), (wanted[n] + facts[n].qualifier).lower()) for n in copied)
    both = {
        (space(n), wanted[n].lower())
        for n in copied
        if by_root[(space(n), facts[n].root, wanted[n].lower())] > 1
        and qualified[(space(n), (wanted[n] + facts[n].qualifier).lower())] > 1
    }

    def name_of(name: TypeName, used: set[tuple[str, str]]) -> str:
        fact, want, where = facts[name], wanted[name], space(name)
        if asked[(where, want.lower())] == 1 and (where, want.lower()) not in used:
            return want
        if by_root[(where, fact.root, want.lower())] == 1:
            return fact.root + want
        if (where, want.lower()) not in both:
            return want + fact.qualifier
        return fact.root + want + fact.qualifier

    return name_of


def _space(ctx: Context) -> Callable[[TypeName], str]:
    """The namespace a name is told apart in: its own, or one for all (``one_namespace``)."""
    if ctx.names.one_namespace:
        return lambda name: ""
    return lambda name: name.namespace


def _wanted(fact: NameFact) -> str:
    return singular(fact.wanted) if fact.items else fact.wanted


def _single_values(
    facts: dict[TypeName, NameFact], index: dict[TypeName, Definition]
) -> dict[TypeName, LiteralType]:
    """Inline enums of one value: a constant, not a definition."""
    found: dict[TypeName, LiteralType] = {}
    for name in facts:
        definition = index[name]
        if isinstance(definition, EnumModel) and len(definition.values) == 1:
            value = definition.values[0].value
            if not isinstance(value, tuple | JsonObject):  # no literal of a list or mapping
                found[name] = LiteralType(value)
    return found
