"""JSON Schema identifiers: base URIs, ``$id``, ``$anchor`` and ``$dynamicAnchor`` -> schemas.

A ``$ref`` in JSON Schema 2020-12 is a URI reference resolved against the base
URI of the schema it is written in: the document's own URI, changed by every
``$id`` on the way down.  ``Resources`` indexes each loaded document once (its
resources, anchors and dynamic anchors) and resolves references the way the
specification says.  Local files are found from their ``file:`` URIs; other
URIs are only served from the folders the user mapped them to (``remotes``),
never fetched over the network.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from generator.inputs.openapi.document import Document, escape, unescape

_NOT_SCHEMAS = frozenset({"enum", "const", "example", "examples", "default"})
"""Keywords whose values are data, never schemas: an ``$id`` inside them names nothing."""

Loader = Callable[[Path, bool], tuple[Document, str] | None]
"""Loads a local file: (document, display name), or ``None`` when it cannot (or, when the
flag says it is confined to the spec's folders, may not) be read."""


@dataclass(frozen=True, slots=True)
class Found:
    """What a reference resolves to."""

    document: Document
    """The document holding the schema."""
    display: str
    """That document's name as shown in locations."""
    path: Path
    """That document's path on disk."""
    pointer: str
    """JSON pointer of the schema in its document (escaped form)."""
    value: object
    """The schema."""
    uri: str
    """Absolute URI of the schema's resource (no fragment)."""


@dataclass(slots=True)
class _Indexed:
    document: Document
    display: str
    path: Path
    uri: str
    resources: dict[str, str] = field(default_factory=dict)
    """resource URI -> pointer of its root."""
    anchors: dict[str, str] = field(default_factory=dict)
    """``uri#name`` -> pointer (``$anchor`` and ``$dynamicAnchor``)."""
    dynamic: dict[str, dict[str, str]] = field(default_factory=dict)
    """resource URI -> {dynamic anchor name -> pointer}."""
    bases: dict[str, str] = field(default_factory=dict)
    """pointer of every ``$id`` schema -> its base URI."""


def absolute(base: str, ref: str) -> str:
    """``ref`` resolved against ``base`` (RFC 3986; works for ``urn:`` bases too)."""
    if ref.startswith("#"):
        return base.partition("#")[0] + ref
    if urlsplit(ref).scheme:
        return ref
    if not ref:
        return base
    if base.startswith("urn:"):
        return ref
    return urljoin(base, ref)


class Resources:
    """Every JSON Schema resource of the documents one read has loaded."""

    def __init__(self, load: Loader, remotes: Mapping[str, Path] | None = None) -> None:
        self._load = load
        self._remotes = dict(remotes or {})
        self._by_uri: dict[str, _Indexed] = {}
        self._by_document: dict[int, _Indexed] = {}
        self._resource_owner: dict[str, _Indexed] = {}

    def add(self, document: Document, display: str, path: Path, uri: str | None = None) -> None:
        """Index ``document`` (retrieved as ``uri``; its file URI by default)."""
        if id(document) in self._by_document:
            return
        indexed = _Indexed(document, display, path, uri or path.resolve().as_uri())
        self._by_document[id(document)] = indexed
        self._by_uri.setdefault(indexed.uri, indexed)
        _walk(document.root, "", indexed.uri, indexed, indexed.uri)
        for resource in indexed.resources:
            self._resource_owner.setdefault(resource, indexed)

    def base_at(self, document: Document, pointer: str) -> str:
        """Base URI of the schema at ``pointer`` (the nearest enclosing ``$id``)."""
        indexed = self._by_document.get(id(document))
        if indexed is None:
            return ""
        best, best_len = indexed.uri, -1
        for root, base in indexed.bases.items():
            if (pointer == root or pointer.startswith(root + "/")) and len(root) > best_len:
                best, best_len = base, len(root)
        return best

    def under_identifier(self, document: Document, pointer: str) -> bool:
        """The schema at ``pointer`` is inside a ``$id`` resource (its base is not the document's)."""
        indexed = self._by_document.get(id(document))
        if indexed is None or not indexed.bases:
            return False
        return self.base_at(document, pointer) != indexed.uri

    def resource_at(self, document: Document, pointer: str) -> str:
        """URI of the resource the schema at ``pointer`` belongs to."""
        return self.base_at(document, pointer)

    def dynamic_anchors(self, resource: str) -> dict[str, Found]:
        """``$dynamicAnchor`` names declared in ``resource`` -> the schemas they name."""
        owner = self._resource_owner.get(resource) or self._by_uri.get(resource)
        if owner is None:
            return {}
        if resource not in owner.resources:
            resource = owner.uri
        found = {}
        for name, pointer in owner.dynamic.get(resource, {}).items():
            resolved = owner.document.resolve_pointer(pointer)
            if resolved is not None:
                found[name] = Found(
                    owner.document, owner.display, owner.path, pointer, resolved[0], resource
                )
        return found

    def has_dynamic_anchor(self, found: Found, name: str) -> bool:
        """The schema ``found`` declares ``$dynamicAnchor: name``."""
        return isinstance(found.value, dict) and found.value.get("$dynamicAnchor") == name

    def resolve(self, uri: str) -> Found | None:
        """The schema the absolute ``uri`` names, loading its document when needed."""
        resource, _, fragment = uri.partition("#")
        owner = self._resource_owner.get(resource) or self._by_uri.get(resource)
        if owner is None:
            owner = self._retrieve(resource)
            if owner is None:
                return None
            owner = self._resource_owner.get(resource) or owner
        root = owner.resources.get(resource, "")
        if resource not in owner.resources:
            resource = owner.uri  # the document retrieved under another URI
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            pointer = owner.anchors.get(f"{resource}#{fragment}")
            if pointer is None:
                return None
        else:
            pointer = root + fragment
        found = owner.document.resolve_pointer(pointer)
        if found is None:
            return None
        return Found(owner.document, owner.display, owner.path, pointer, found[0], resource)

    def _retrieve(self, resource: str) -> _Indexed | None:
        path: Path | None = None
        confined = resource.startswith("file:")
        if confined:
            path = Path(unquote(urlsplit(resource).path))
        else:
            for prefix, folder in sorted(self._remotes.items(), key=lambda i: -len(i[0])):
                if resource.startswith(prefix):
                    path = folder / unquote(resource[len(prefix) :])
                    break
        try:
            if path is None or not path.is_file():
                return None
        except (OSError, ValueError):  # a name the system refuses (too long, NUL)
            return None
        loaded = self._load(path, confined)
        if loaded is None:
            return None
        document, display = loaded
        known = self._by_document.get(id(document))
        if known is not None:
            self._by_uri.setdefault(resource, known)
            return known
        self.add(document, display, path, resource)
        return self._by_document[id(document)]


def _walk(node: object, pointer: str, base: str, indexed: _Indexed, resource: str) -> None:
    """Record the identifiers of ``node`` and everything below it."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, f"{pointer}/{index}", base, indexed, resource)
        return
    if not isinstance(node, dict):
        return
    identifier = node.get("$id")
    if isinstance(identifier, str) and not _is_property_map(pointer):
        base = absolute(base, identifier).partition("#")[0]
        resource = base
        indexed.resources.setdefault(base, pointer)
        indexed.bases[pointer] = base
    for keyword in ("$anchor", "$dynamicAnchor"):
        name = node.get(keyword)
        if isinstance(name, str) and not _is_property_map(pointer):
            indexed.anchors.setdefault(f"{resource}#{name}", pointer)
            if keyword == "$dynamicAnchor":
                indexed.dynamic.setdefault(resource, {}).setdefault(name, pointer)
    for key, value in node.items():
        if key in _NOT_SCHEMAS or key.startswith("x-"):
            continue
        if isinstance(value, dict | list):
            _walk(value, f"{pointer}/{escape(key)}", base, indexed, resource)


def _is_property_map(pointer: str) -> bool:
    """``pointer`` is a map of names to schemas (``properties``), not a schema."""
    last = unescape(pointer.rsplit("/", 1)[-1]) if pointer else ""
    return last in ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


__all__ = ["Found", "Resources", "absolute"]
