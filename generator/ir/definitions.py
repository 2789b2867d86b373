"""Named definitions of the IR (object models, enums, unions) and the schema holding them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from generator.ir.location import Location
from generator.ir.operations import Operation
from generator.ir.rules import NamedRules, Rules, Validator
from generator.ir.types import (
    NO_CONSTRAINTS,
    Constraints,
    Default,
    FrozenJson,
    JsonValue,
    TypeName,
    TypeNode,
)


@dataclass(frozen=True, slots=True)
class DocsFlavor:
    """How the SDK model docs a definition was read from are written: a fact about the input."""

    language: str
    """SDK language of the docs: ``go``, ``python``, ``typescript``, ``php``, ``ruby``, ``java`` or
    ``csharp``."""
    style: str | None = None
    """Generator style, where a language has several (Go: ``old`` ``**string*``, ``new`` `` `*string` ``)."""
    package: str | None = None
    """The SDK package the docs name in code (``acme``, ``github.com/acme/acme-go``); ``None`` if none."""
    layout: str = "nested"
    """Where the tree keeps its docs: ``nested`` (``models/<namespace>/<model>.md``) or ``flat``
    (every model directly in ``models/``; the namespace is then the models folder's name)."""
    folders: str | None = None
    """How the tree spells its models and namespace folders: ``lower`` (``models/shared/``) or
    ``pascal`` (``Models/Shared/``); ``None``: the language's usual spelling."""
    models_parent: str | None = None
    """Folders between the SDK's docs folder and its models folder, which links between model
    docs climb through (``pkg`` for ``docs/pkg/models/``: ``../../../pkg/models/shared/x.md``);
    ``None`` when the models folder sits directly in the docs folder (``../../models/...``)."""
    link_folders: tuple[tuple[str, str], ...] = ()
    """Folders links name for docs that sit in another folder, when every link to those docs
    does so (Speakeasy wrote ``../../models/shared/x.md`` for docs in ``models/components/``):
    sorted pairs of the docs' folder and the link's folder, each past the part both share
    (``("components", "shared")``); empty when links name the folders the docs sit in."""
    sdk_classes: tuple[str, ...] = ()
    """The SDK's own classes (its resource groups), as the tree shows them: the
    ``docs/sdks/<name>/`` pages its generation record lists (``buyers``); sorted.  A model named
    like one, letter case aside, is labelled fully qualified where C# must name it so
    (``Models.Components.Buyers``)."""
    speakeasy_version: str | None = None
    """Version of the Speakeasy CLI that wrote the docs (``1.761.1``; early 2024 locks say
    ``internal``), from the ``.speakeasy/gen.lock`` or ``gen.yaml`` beside the tree."""
    generation_version: str | None = None
    """Version of Speakeasy's generator core (``2.879.6``), from the same record."""
    reserved_names: tuple[str, ...] = ()
    """Names the tree's generator reserves, lowercase and sorted: it writes a field so named
    with a ``_`` after it (``filter_``, whose wire name is ``filter``) and puts the doc of a
    model so named at ``<name>_.md`` (``filter_.md`` for ``Filter``).  Read from the field
    names that end in a ``_`` their wire name lacks; the Python target adds Python's keywords
    (a fact of the language, since a module cannot be named so)."""
    facts: tuple[str, ...] = ()
    """Named facts of how the tree lays its docs out, read from the tree and followed by the
    docs targets; sorted names from ``DOCS_FACTS``.  One evidence rule decides each: it holds
    when some cells (or docs) show it and at least as many show it as show otherwise; a fact of
    whole docs (``no-example-usage``) only when none shows otherwise.  The reader keeps the
    counts (``TreeRead.evidence``; the conformance report prints them)."""


DOCS_FACTS: dict[str, str] = {
    "null-example-json": "a null example is written `null` (generators of 2025 on), not `<nil>`",
    "usage-import-joined": (
        "a Python enum's `## Example Usage` has no blank line between the import and the value"
    ),
    "links-unqualified": (
        "links to models of the doc's own namespace name them without it (`[*Mode](...)`, "
        "`[Optional[Mode]](...)`, `[?Mode](...)`; generators of 2023)"
    ),
    "containers-builtin": "Python lists and dicts are written `list[...]` / `dict[str, ...]` (2023)",
    "any-as-interface": "Go writes an untyped value `interface{}`, not `any` (2023)",
    "float-exponent": (
        "a float example is printed as Go's shortest `%g` prints it, with an exponent of two "
        "digits or more when its decimal exponent is < -4 or >= 6 (`1.7058958054919229e+09`, "
        "`1e-05`), not as JavaScript prints it (`1705895805.4919229`); told by floats whose "
        "two spellings differ"
    ),
    "json-html-escaped": (
        "array and object examples write `&`, `<` and `>` in strings as `\\u0026`, `\\u003c` and "
        "`\\u003e`, as Go's `json.Marshal` does, not as they are; told by examples whose strings "
        "hold one of them"
    ),
    "examples-compact": (
        "array and object examples are printed compactly on one line (`[18,21]`, early 2024), "
        "not one value a line"
    ),
    "optional-nullable-wrapper": (
        "Go writes a field that is optional and nullable "
        "`optionalnullable.OptionalNullable[T]` (gen.yaml `nullableOptionalWrapper`), "
        "not a pointer (against: an optional pointer with a null example)"
    ),
    "library-links-unwrapped": (
        "Python links to standard-library types (`[date](...)`) show no `Optional[...]` on "
        "optional fields"
    ),
    "python-requests": (
        "the raw HTTP response of a Python SDK is a `requests.Response` (2023), not an "
        "`httpx.Response`"
    ),
    "no-example-usage": "no doc of the tree has an `## Example Usage` section (2023)",
    "enum-table": (
        "enums list their values in a `| Name | Value |` table: TypeScript's (2023) not in a "
        "code block, Python's not as `- `\"value\"`` bullets (gen.yaml `enumFormat: union`)"
    ),
    "php-qualified": (
        "PHP names models fully qualified, `\\Vendor\\Models\\Shared\\X`, with the vendor "
        "namespace in `DocsFlavor.package` (2023-2024)"
    ),
    "typescript-axios": (
        "the raw HTTP response of a TypeScript SDK is an `AxiosResponse` (2023), not a `Response`"
    ),
    "ruby-models-prefix": (
        "Ruby names models `Models::Components::X`, not `::Module::Components::X`"
    ),
    "generics-unescaped": "Java writes `List<T>` with a plain `<`, not `List\\<T>` (2023)",
    "java-unwrapped": (
        "Java cells show no `Optional<...>` / `JsonNullable<...>` and box every scalar "
        "(`*Long*`, never `*long*`) (2023)"
    ),
    "java-qualified": (
        "Java names models of other namespaces fully qualified, "
        "`com.acme.models.shared.X`, with the package in `DocsFlavor.package` (2023)"
    ),
    "response-stream": "Java types the raw HTTP response `HttpResponse<InputStream>`, not `<?>`",
    "response-bytes": "Java types the raw HTTP response `HttpResponse<byte[]>` (2023), not `<?>`",
    "date-only": "C# dates are `DateOnly` (.NET 6), not NodaTime's `LocalDate`",
    "ruby-union-links": (
        "Ruby links a union-typed field to the union's doc as `[T.any(A, B)](...)`, naming "
        "the variants (2025 on), not `*::Object*`"
    ),
}
"""Every fact ``DocsFlavor.facts`` may hold, with what it means."""


@dataclass(frozen=True, slots=True)
class Field:
    """One property of an object model."""

    name: str
    """Wire (JSON) name, e.g. ``clickId``.  Derived when the source only shows a language name."""
    type: TypeNode
    """Type of the value when present and not null."""
    required: bool | None
    """The property must be present in a payload; ``None`` when the source does not say
    (hand-written docs without a Required column, or a conditional requirement), read as
    not required."""
    nullable: bool | None
    """``null`` is allowed; ``None`` when the source does not say (e.g. an optional Go pointer)."""
    location: Location
    """Where the field is defined."""
    description: str | None = None
    """Plain text; newlines are real newlines (never ``<br/>``)."""
    examples: tuple[JsonValue, ...] = ()
    """Example values, as JSON."""
    default: Default | None = None
    """Default value; ``None`` when there is none or the source cannot say."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    read_only: bool = False
    """Sent by the server only (OpenAPI ``readOnly``)."""
    write_only: bool = False
    """Sent by the client only (OpenAPI ``writeOnly``)."""
    source_name: str | None = None
    """The name as written in a docs source (``ClickID``), kept to reproduce those docs."""
    sdk_name: str | None = None
    """Name an SDK should use instead of the wire name (OpenAPI ``x-speakeasy-name-override``)."""


@dataclass(frozen=True, slots=True)
class ObjectModel:
    """A JSON object with named fields: the request classes are made from these."""

    name: TypeName
    """Qualified name."""
    fields: tuple[Field, ...]
    """Fields in source order."""
    location: Location
    """Where the model is defined."""
    description: str | None = None
    """Plain text description."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    additional_properties: TypeNode | None = None
    """Type of properties not in ``fields``; ``None`` when the source does not describe them."""
    constraints: Constraints = NO_CONSTRAINTS
    """Property counts of the object (``min_properties``, ``max_properties``)."""
    closed: bool = False
    """Properties not in ``fields`` are rejected (OpenAPI ``additionalProperties: false``)."""
    examples: tuple[JsonValue, ...] = ()
    """Example values of the whole model, as JSON (e.g. a TypeScript doc's ``## Example Usage``)."""
    error: bool | None = None
    """The model is one of the SDK's error types (the body of an error response, which the SDK
    raises); ``None`` when the source does not say.  SDK docs tell it for a model of the
    ``errors`` namespace that every cell naming it names without a link to its doc
    (``**sdkerrors.GetRefund*``: Go docs of 2023 link no error type)."""
    docs_flavor: DocsFlavor | None = None
    """The docs flavor the definition was read from; ``None`` when not read from SDK docs."""

    @property
    def kind(self) -> str:
        """``"object"``: lets templates branch without isinstance."""
        return "object"


@dataclass(frozen=True, slots=True)
class EnumValue:
    """One allowed value of an enum."""

    value: FrozenJson
    """The wire value: a scalar, or (OpenAPI ``enum`` items that are lists or mappings) an
    array as a ``tuple`` or an object as a ``JsonObject``; ``thaw`` gives the plain JSON."""
    location: Location
    """Where the value is listed."""
    source_name: str | None = None
    """The constant's name as written in a docs source (``ModeAsync``)."""
    description: str | None = None
    """Plain text description, where the source has one."""


@dataclass(frozen=True, slots=True)
class EnumModel:
    """A named set of allowed values."""

    name: TypeName
    """Qualified name."""
    values: tuple[EnumValue, ...]
    """Allowed values in source order."""
    location: Location
    """Where the enum is defined."""
    description: str | None = None
    """Plain text description."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    open: bool | None = False
    """Unknown values are accepted (kept as they are); ``None`` when the source does not say."""
    examples: tuple[JsonValue, ...] = ()
    """Example values of the whole model, as JSON (e.g. a TypeScript doc's ``## Example Usage``)."""
    docs_flavor: DocsFlavor | None = None
    """The docs flavor the definition was read from; ``None`` when not read from SDK docs."""

    @property
    def kind(self) -> str:
        """``"enum"``: lets templates branch without isinstance."""
        return "enum"


@dataclass(frozen=True, slots=True)
class UnionVariant:
    """One alternative of a union."""

    type: TypeNode
    """The variant's type."""
    location: Location
    """Where the variant is listed."""
    source_name: str | None = None
    """The variant's name as written in a docs source."""
    examples: tuple[JsonValue, ...] = ()
    """Example values of this variant, as JSON (e.g. a TypeScript union doc's code block)."""


@dataclass(frozen=True, slots=True)
class UnionModel:
    """A named union: a value matches one of the variants."""

    name: TypeName
    """Qualified name."""
    variants: tuple[UnionVariant, ...]
    """Alternatives in source order."""
    location: Location
    """Where the union is defined."""
    description: str | None = None
    """Plain text description."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    discriminator: str | None = None
    """Wire name of the property that tells the variants apart, if any."""
    mapping: tuple[tuple[str, TypeName], ...] = ()
    """Discriminator value to variant definition, in source order; empty when not given."""
    open: bool | None = None
    """A value matching no variant is accepted (kept raw: a forward-compatible union, Go docs'
    ``default:`` branch); ``None`` when the source does not say."""
    examples: tuple[JsonValue, ...] = ()
    """Example values of the whole model, as JSON (e.g. a TypeScript doc's ``## Example Usage``)."""
    docs_flavor: DocsFlavor | None = None
    """The docs flavor the definition was read from; ``None`` when not read from SDK docs."""

    @property
    def kind(self) -> str:
        """``"union"``: lets templates branch without isinstance."""
        return "union"


@dataclass(frozen=True, slots=True)
class AliasModel:
    """A named schema that is no object, enum or union: a name for a type (``Tags = list[Tag]``).

    OpenAPI names schemas such as a string with a pattern, an array of
    ``Tag``, a map or a free-form object; references to them are ``RefType``
    to this definition, so each target can give the type its name (Python:
    a type alias) and its constraints (they are those of ``type``'s nodes).
    """

    name: TypeName
    """Qualified name."""
    type: TypeNode
    """The type named, with its constraints (never itself nullable: see ``nullable``)."""
    location: Location
    """Where the schema is defined."""
    nullable: bool | None = False
    """``null`` is allowed too; ``None`` when the source does not say."""
    description: str | None = None
    """Plain text description."""
    deprecated: bool = False
    """Marked deprecated in the source."""
    default: Default | None = None
    """Default value of the schema; ``None`` when there is none."""
    examples: tuple[JsonValue, ...] = ()
    """Example values, as JSON."""
    docs_flavor: DocsFlavor | None = None
    """The docs flavor the definition was read from; ``None`` when not read from SDK docs."""

    @property
    def kind(self) -> str:
        """``"alias"``: lets templates branch without isinstance."""
        return "alias"

    @property
    def constraints(self) -> Constraints:
        """The validation constraints of the named type (empty for a reference or a union)."""
        found = getattr(self.type, "constraints", NO_CONSTRAINTS)
        return found if isinstance(found, Constraints) else NO_CONSTRAINTS


Definition = Union[ObjectModel, EnumModel, UnionModel, AliasModel]  # noqa: UP007
"""Any named definition."""


@dataclass(frozen=True, slots=True)
class Schema:
    """Everything read from the inputs: the contract between parsers and templates.

    ``definitions`` is sorted by namespace then name, so output built by
    iterating it is deterministic.
    """

    definitions: tuple[Definition, ...]
    """All named definitions, sorted by (namespace, name)."""
    sources: tuple[str, ...] = ()
    """The input files the schema was read from, in reading order."""
    operations: tuple[Operation, ...] | None = None
    """The API's operations, sorted by path then method; ``None`` when no input carries
    operations (markdown docs only), ``()`` when the inputs have none."""
    rules: tuple[NamedRules, ...] = ()
    """Validation rules of the schemas definitions and references point at, sorted by key
    (OpenAPI inputs; markdown docs carry none)."""
    validators: tuple[Validator, ...] = ()
    """One public validator per named schema that has rules, sorted by name."""
    _rules_index: dict[str, Rules] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _validator_index: dict[TypeName, Validator] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _index: dict[TypeName, Definition] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _namespaces: list[str] = field(init=False, repr=False, compare=False, default_factory=list)

    def __post_init__(self) -> None:
        self._index.update((definition.name, definition) for definition in self.definitions)
        self._namespaces.extend(sorted({d.name.namespace for d in self.definitions}))
        self._rules_index.update((entry.key, entry.rules) for entry in self.rules)
        self._validator_index.update((entry.name, entry) for entry in self.validators)

    def rules_of(self, key: str) -> Rules | None:
        """The rules stored under ``key`` in ``rules``, or ``None``."""
        return self._rules_index.get(key)

    def validator_of(self, name: TypeName) -> Validator | None:
        """The public validator of the named schema ``name``, or ``None``."""
        return self._validator_index.get(name)

    def get(self, name: TypeName) -> Definition | None:
        """The definition called ``name``, or ``None``."""
        return self._index.get(name)

    @property
    def namespaces(self) -> tuple[str, ...]:
        """Namespaces used by the definitions, sorted (computed once: templates ask often)."""
        return tuple(self._namespaces)

    def in_namespace(self, namespace: str) -> tuple[Definition, ...]:
        """The definitions of one namespace, sorted by name."""
        return tuple(d for d in self.definitions if d.name.namespace == namespace)


def sort_definitions(definitions: list[Definition]) -> tuple[Definition, ...]:
    """Sort definitions the way ``Schema.definitions`` must be."""
    return tuple(sorted(definitions, key=lambda d: (d.name.namespace, d.name.name)))
