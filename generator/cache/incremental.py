"""A changed run renders only the files whose definitions, templates or options changed.

Each file's fingerprint hashes what its render read: the options, the
template files it loaded, its own variables (the definitions a plan hands
it) and every definition it looked up in the schema (recorded by
``generator.render.dependencies``).  A file whose fingerprint is the one the
last run recorded, and which is in the out folder as that run wrote it, is
taken from there instead of being rendered: the same inputs give the same
bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Undefined
from jinja2.utils import missing

from generator.cache.canonical import canonical
from generator.cache.fast import read_regular
from generator.cache.key import file_digest
from generator.cache.store import FileEntry, Record
from generator.ir import (
    Definition,
    EnumModel,
    ObjectModel,
    Schema,
    TypeName,
    UnionModel,
)
from generator.render.dependencies import (
    NAMESPACES,
    OPERATIONS,
    RULES,
    WHOLE,
    FileRecord,
    schema_fields,
)
from generator.render.distinct import tables_digest
from generator.render.renderer import Job, Reuse


def _feed(digest: Any, value: Any, lines: bool) -> None:
    """Feed the canonical text of ``value`` to ``digest``: a list or tuple item by item, each
    with its length in front (the schema's rules are megabytes: no one text of them all)."""
    if type(value) is not tuple and type(value) is not list:
        digest.update(canonical(value, lines).encode())
        return
    digest.update(b"[")
    for item in value:
        data = canonical(item, lines).encode()
        digest.update(b"%d:" % len(data))
        digest.update(data)
    digest.update(b"]")


def _memoised(
    memo: dict[int, tuple[Definition, str]], definition: Definition, lines: bool
) -> str:
    """The hash of ``definition``'s canonical text, made once (``memo`` by ``id``)."""
    found = memo.get(id(definition))
    if found is not None and found[0] is definition:
        return found[1]
    digest = hashlib.sha256(canonical(definition, lines).encode()).hexdigest()
    memo[id(definition)] = (definition, digest)
    return digest


@dataclasses.dataclass(frozen=True, slots=True)
class SharedHashes:
    """Hashes one process hands another forked from the same one (``Fingerprints.shared``)."""

    line_free: dict[int, str]
    """Line-free hashes of the schema's definitions, by ``id``."""
    located: dict[int, str]
    """Hashes with line numbers, by ``id``."""
    names: dict[tuple[bool, str], str]
    """Hashes of the names looked up."""


class Fingerprints:
    """Hashes of definitions, templates and files for one run (each computed once)."""

    def __init__(self, schema: Schema, options: str, formatter: str, other_files: str) -> None:
        self._schema = schema
        # The numbers given to clashing names (the plan made them): a name's file, link or
        # import depends on every other name when one is numbered.
        self._global = f"{options}\1{tables_digest()}\0{other_files}"
        # Fragments render through Jinja alone: the files they load are hashed one by one, and
        # which file serves which name is in the options (not the custom files no render loaded).
        self._stable = self._global.partition("\0")[0]
        self._formatter = formatter
        # By ``id``, each with the definition it was made for (kept alive: no other object can
        # come to have that ``id`` while the entry stands).
        self._definitions: dict[int, tuple[Definition, str]] = {}
        self._located: dict[int, tuple[Definition, str]] = {}
        self.lines = False
        """Whether line numbers count (a file whose templates mention ``location``)."""
        self._names: dict[tuple[bool, str], str] = {}
        self._templates: dict[str, str] = {}
        self._mentions_location: set[str] = set()
        self._whole: str | None = None

    def with_other_files(self, other_files: str) -> Fingerprints:
        """The same fingerprints over another set of custom files read outside Jinja (hashes shared)."""
        copy = Fingerprints(self._schema, "", self._formatter, "")
        copy._global = self._stable + "\0" + other_files
        copy._stable = self._stable
        copy._definitions = self._definitions
        copy._located = self._located
        copy._names = self._names
        copy._templates = self._templates
        copy._mentions_location = self._mentions_location
        copy._whole = self._whole
        return copy

    def definition(self, definition: Definition) -> str:
        """Hash of one definition: every attribute (examples too); line numbers only when ``lines``."""
        if self.lines:
            return _memoised(self._located, definition, True)
        return _memoised(self._definitions, definition, False)

    def line_free(self, definition: Definition) -> str:
        """Hash of one definition without its line numbers (what a line added above leaves)."""
        return _memoised(self._definitions, definition, False)

    def shared(self) -> SharedHashes:
        """The hashes made so far that another process forked before them can take over
        (``adopt``): those of the schema's definitions and of the names looked up."""
        own = self._schema.definitions
        return SharedHashes(
            {
                id(definition): memo[1]
                for definition in own
                if (memo := self._definitions.get(id(definition))) and memo[0] is definition
            },
            {
                id(definition): memo[1]
                for definition in own
                if (memo := self._located.get(id(definition))) and memo[0] is definition
            },
            dict(self._names),
        )

    def prefetch(self, names: Iterable[str]) -> SharedHashes:
        """The line-free hashes of ``names`` (``RULES``, ``OPERATIONS``...), made now: a task
        a render's spare core runs (see ``Session.render``), its result ``adopt``-ed."""
        lines, self.lines = self.lines, False
        try:
            found = {(False, name): self.name(name) for name in names}
        finally:
            self.lines = lines
        return SharedHashes({}, {}, found)

    def prehash(self, start: int, stop: int) -> SharedHashes:
        """The line-free hashes of the schema's definitions ``start:stop``, made now (a task
        for either core, see ``hash_on_two_cores``)."""
        own = self._schema.definitions[start:stop]
        return SharedHashes(
            {id(definition): self.line_free(definition) for definition in own}, {}, {}
        )

    def adopt(self, hashes: SharedHashes | None) -> None:
        """Take over the hashes a process forked from this one made (``shared``; ``None``: none).

        A definition's hash is taken by its ``id`` in the schema both processes share,
        which the fork left as it was."""
        if hashes is None:
            return
        own = {id(definition): definition for definition in self._schema.definitions}
        for memo, found in ((self._definitions, hashes.line_free), (self._located, hashes.located)):
            for key, digest in found.items():
                definition = own.get(key)
                if definition is not None and key not in memo:
                    memo[key] = (definition, digest)
        for name, digest in hashes.names.items():
            self._names.setdefault(name, digest)

    def name(self, name: str) -> str:
        """Hash of what looking ``name`` up gives (a definition, the namespaces, everything)."""
        found = self._names.get((self.lines, name))
        if found is not None:
            return found
        if name == WHOLE:
            found = self._all()
        elif name == NAMESPACES:
            found = repr(self._schema.namespaces)
        elif name == OPERATIONS:
            digest = hashlib.sha256()
            _feed(digest, self._schema.operations, self.lines)
            found = digest.hexdigest()
        elif name == RULES:
            digest = hashlib.sha256()
            _feed(digest, self._schema.rules, self.lines)
            digest.update(b"\0")
            _feed(digest, self._schema.validators, self.lines)
            found = digest.hexdigest()
        else:
            namespace, _, short = name.partition(".")
            definition = self._schema.get(TypeName(namespace, short))
            found = "absent" if definition is None else self.definition(definition)
        self._names[(self.lines, name)] = found
        return found

    def _all(self) -> str:
        if self.lines:
            return self._whole_hash()
        if self._whole is None:
            self._whole = self._whole_hash()
        return self._whole

    def _whole_hash(self) -> str:
        digest = hashlib.sha256()
        for name, value in schema_fields(self._schema).items():
            digest.update(f"{name}=".encode())
            if name == "definitions":
                for definition in value:
                    digest.update(self.definition(definition).encode())
            else:
                _feed(digest, value, self.lines)
        return digest.hexdigest()

    def template(self, path: str) -> str:
        """Hash of a template file's bytes."""
        found = self._templates.get(path)
        if found is None:
            found = self._templates[path] = file_digest(path)
            try:
                with open(path, "rb") as handle:
                    if b"location" in handle.read():
                        self._mentions_location.add(path)
            except OSError:
                pass
        return found

    def _value(self, value: object) -> str:
        if isinstance(value, ObjectModel | EnumModel | UnionModel):
            return self.definition(value)
        if isinstance(value, list | tuple):
            return "[" + ",".join(self._value(item) for item in value) + "]"
        if isinstance(value, Schema):
            return "schema"  # what is read from it is recorded name by name
        return repr(value)

    def _fragment_value(self, value: object) -> str | None:
        """Hash text of a value handed to a fragment; ``None`` when it has none to trust."""
        if value is None or isinstance(value, str | int | float):
            return repr(value)
        if isinstance(value, ObjectModel | EnumModel | UnionModel):
            return self.definition(value)
        if isinstance(value, Schema):
            return "schema"  # what is read from it is recorded name by name
        if isinstance(value, list | tuple):
            items = [self._fragment_value(item) for item in value]
            if None in items:
                return None
            return f"{type(value).__name__}[" + ",".join(items) + "]"  # type: ignore[arg-type]
        if isinstance(value, dict):
            pairs = [(self._fragment_value(k), self._fragment_value(v)) for k, v in value.items()]
            if any(k is None or v is None for k, v in pairs):
                return None
            return "{" + ",".join(f"{k}:{v}" for k, v in pairs) + "}"
        if value is missing or isinstance(value, Undefined):
            return "undefined"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return repr(value)  # the IR's nodes, the options: their fields, line numbers too
        return None

    def value(self, value: object) -> str | None:
        """The hash text of one value handed to or read by a fragment (``None``: none to trust)."""
        return self._fragment_value(value)

    def fragment(
        self, values: Mapping[str, object], templates: Iterable[str], names: Iterable[str]
    ) -> str | None:
        """The hash of a template fragment's inputs (see ``generator.render.fragments``).

        ``values`` are the variables it was handed and read, ``templates`` the
        files loaded, ``names`` what it looked up in the schema; ``None`` when a
        value cannot be fingerprinted.  The same as ``complete`` of ``partial``.
        """
        templates = tuple(templates)
        partial = self.partial(values, templates)
        return None if partial is None else self.complete(partial, templates, names)

    def partial(self, values: Mapping[str, object], templates: Iterable[str]) -> str | None:
        """The hash of a fragment's values and templates (``complete`` adds the schema parts)."""
        templates = tuple(templates)
        for template in templates:
            self.template(template)
        lines = any(template in self._mentions_location for template in templates)
        self.lines = lines
        digest = hashlib.sha256(self._stable.encode())
        digest.update(f"\0fragment\0{lines}\0".encode())
        for key in sorted(values):
            text = self._fragment_value(values[key])
            if text is None:
                return None
            digest.update(f"{key}={text}\0".encode())
        for template in templates:
            digest.update(f"t {template} {self.template(template)}\0".encode())
        return digest.hexdigest()

    def complete(self, partial: str, templates: Iterable[str], names: Iterable[str]) -> str:
        """A fragment's fingerprint: its ``partial`` hash and the schema parts it read.

        Kept apart so that a run that records fragments hashes the schema's
        parts (the rules: megabytes) after the render, while the files are written.
        """
        self.lines = any(template in self._mentions_location for template in templates)
        digest = hashlib.sha256(partial.encode())
        for name in names:
            digest.update(f"n {name} {self.name(name)}\0".encode())
        return digest.hexdigest()

    def file(
        self, job: Job, templates: tuple[str, ...], names: tuple[str, ...], formatted: bool
    ) -> str:
        """The fingerprint of ``job`` rendered from ``templates`` reading ``names``."""
        for template in templates:
            self.template(template)
        self.lines = any(template in self._mentions_location for template in templates)
        digest = hashlib.sha256(self._global.encode())
        digest.update(f"\0{job.path}\0{job.template}\0{self.lines}\0".encode())
        if formatted:
            digest.update(self._formatter.encode())
        for key, value in sorted(job.context.items()):
            digest.update(f"{key}={self._value(value)}\0".encode())
        for template in templates:
            digest.update(f"t {template} {self.template(template)}\0".encode())
        for name in names:
            digest.update(f"n {name} {self.name(name)}\0".encode())
        return digest.hexdigest()

    def entry(self, job: Job, record: FileRecord) -> FileEntry:
        """The cache entry of a file just rendered."""
        fingerprint = self.file(job, record.templates, record.names, record.formatted)
        return FileEntry(fingerprint, record.templates, record.names, record.formatted)


HASH_CHUNK = 512
"""Definitions hashed by one task of ``hash_on_two_cores``."""


def hash_on_two_cores(fingerprints: Fingerprints, schema: Schema) -> None:
    """Make the hashes every file's fingerprint needs (each definition's, the rules' and the
    operations') on both cores at once, ahead of the files' checks (a changed run)."""
    from generator.render.workers import run_jobs

    count = len(schema.definitions)
    starts = range(0, count, HASH_CHUNK)
    parts = [name for name in (RULES, OPERATIONS) if name != OPERATIONS or schema.operations]

    def task(index: int) -> SharedHashes:
        if index < len(parts):
            return fingerprints.prefetch(parts[index : index + 1])
        start = starts[index - len(parts)]
        return fingerprints.prehash(start, start + HASH_CHUNK)

    results, _ = run_jobs(task, len(parts) + len(starts), min_jobs=2)
    for hashes in results:
        fingerprints.adopt(hashes)


def reuse_from(
    previous: Record | None,
    out: Path,
    listing: Mapping[str, str],
    fingerprints: Fingerprints,
    reused: dict[str, FileEntry],
) -> Reuse:
    """A ``reuse`` function for ``render_files``: unchanged files come from the out folder.

    ``listing`` is the manifest's (path to hash); each file taken is put in ``reused``.
    """

    def reuse(job: Job) -> str | None:
        if previous is None:
            return None
        entry = previous.files.get(job.path)
        expected = listing.get(job.path)
        if entry is None or expected is None:
            return None
        if (
            fingerprints.file(job, entry.templates, entry.names, entry.formatted)
            != entry.fingerprint
        ):
            return None
        data = read_regular(os.path.join(out, job.path))
        if data is None or hashlib.sha256(data).hexdigest() != expected:
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        reused[job.path] = entry
        return text

    return reuse


def entries(
    jobs: list[Job],
    records: Mapping[str, FileRecord],
    reused: Mapping[str, FileEntry],
    fingerprints: Fingerprints,
    checked: bool = False,
) -> dict[str, FileEntry]:
    """The cache entry of every file of the run: rendered ones anew (their ``records``, as
    ``Rendering.records`` has them), reused ones as they were.

    Reused entries are fingerprinted again unless ``checked`` (``fingerprints`` are the ones
    they were checked with, so their fingerprints are these).
    """
    found: dict[str, FileEntry] = {}
    for job in jobs:
        if job.path in reused:
            old = reused[job.path]
            if checked:
                found[job.path] = old
                continue
            found[job.path] = fingerprints.entry(
                job, FileRecord(old.templates, old.names, old.formatted)
            )
        elif (record := records.get(job.path)) is not None:
            found[job.path] = fingerprints.entry(job, record)
    return found
