"""Memoised parts of a template: ``{% fragment %}`` ... ``{% endfragment %}``.

A module that holds many definitions (``python/models/components.py``) is
rendered from a loop whose body makes one definition's code.  Wrapped in a
fragment block, that body is rendered once per definition and remembered by
what it read: the values of the variables it names (and of those listed in
the tag, ``{% fragment model %}``: the variables the templates it includes
read), the variables its filters and included templates read from the
context, the definitions it looked up in the schema and the template files it
loaded while it rendered (with the file holding it).  A later run that finds the same inputs takes the text instead of
rendering it again; a small spec change re-renders the parts it touches and
splices them into the rest.  The output is the same bytes either way: the
memo is only consulted when every input hashes as it did.

A fragment whose inputs cannot be fingerprinted (a macro, a value with no
stable ``repr``, a variable an included template reads from a local the tag
does not list, a value the body changes while it renders) is simply rendered
every time.  Filters that take the context
(``pass_context``) must read it by name (``context[name]``, ``context.get``),
which this module sees; a filter reading ``context.get_all()`` itself is not
seen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import jinja2
from jinja2 import meta, nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context
from jinja2.utils import missing

from generator.render.dependencies import RecordingSchema


@dataclass(frozen=True, slots=True)
class FragmentEntry:
    """One fragment as a run rendered it: its text and what it was rendered from."""

    fingerprint: str
    """Hash of every input (see ``Fingerprinter.fragment``)."""
    templates: tuple[str, ...]
    """Template files it depends on: the one holding it and those loaded while it rendered."""
    names: tuple[str, ...]
    """Schema parts it looked up (as ``FileRecord.names``)."""
    reads: tuple[str, ...]
    """Context variables its filters and included templates read, beyond the ones it was handed."""
    text: str
    """What it rendered."""
    pending: bool = False
    """``fingerprint`` is only ``Fingerprinter.partial`` yet (see ``Fragments.completed``)."""


class Fingerprinter(Protocol):
    """What hashes a fragment's inputs (``generator.cache.incremental.Fingerprints``)."""

    def fragment(
        self, values: Mapping[str, object], templates: Iterable[str], names: Iterable[str]
    ) -> str | None:
        """The hash of a fragment's inputs; ``None`` when a value has no fingerprint."""

    def partial(self, values: Mapping[str, object], templates: Iterable[str]) -> str | None:
        """``fragment`` without the schema parts read (``complete`` adds them)."""

    def complete(self, partial: str, templates: Iterable[str], names: Iterable[str]) -> str:
        """``fragment`` from ``partial``."""

    def value(self, value: object) -> str | None:
        """The hash text of one value as ``fragment`` reads it; ``None`` when it has none."""

    def shared(self) -> object:
        """The hashes made so far, for a process forked before them (picklable)."""

    def adopt(self, hashes: Any) -> None:
        """Take over the hashes ``shared`` gave in a process forked from this one."""


FileFragments = dict[str, FragmentEntry]
"""A file's fragments by identity (see ``Fragments.identity``)."""


class Fragments:
    """The fragments of one run: the last run's (by file) to take from, and this run's."""

    def __init__(
        self, fingerprints: Fingerprinter, previous: Mapping[str, FileFragments] | None = None
    ) -> None:
        self.fingerprints = fingerprints
        """Hashes the inputs of a fragment."""
        self.previous: Mapping[str, FileFragments] = previous or {}
        """The last run's fragments, by file path."""
        self.rendered = 0
        """Fragments rendered in this process (a memo missed or unusable)."""
        self.reused = 0
        """Fragments taken from ``previous`` in this process."""
        self._path = ""
        self._found: FileFragments = {}
        self._reads: list[tuple[str, object]] | None = None
        self._read_texts: dict[str, str | None] = {}
        self._locals: list[dict[str, object]] = []

    @property
    def active(self) -> bool:
        """Whether a fragment is being rendered (a fragment inside it is not memoised)."""
        return self._reads is not None

    def begin(self, path: str) -> None:
        """Start the file at ``path`` (its fragments are collected until ``finish``)."""
        self._path = path
        self._found = {}

    def finish(self) -> FileFragments:
        """The fragments of the file begun last."""
        found, self._found = self._found, {}
        return found

    def read(self, name: str, value: object) -> None:
        """A context variable read while a fragment renders (called by ``RecordingContext``)."""
        if self._reads is not None:
            self._reads.append((name, value))
            if name not in self._read_texts:
                # as it was when read: a body that changes it cannot be told again
                self._read_texts[name] = self.fingerprints.value(value)

    def handed(self, values: Mapping[str, object] | None) -> None:
        """Local variables handed to an included template while a fragment renders."""
        if self._reads is not None and values:
            self._locals.append(dict(values))

    def render(
        self,
        env: jinja2.Environment,
        template: str,
        line: int,
        values: dict[str, object],
        context: Context,
        caller: Callable[[], str],
        holder: str | None = None,
    ) -> str:
        """The fragment's text: the last run's when its inputs hash the same, else ``caller()``.

        ``template`` is the file holding the block, ``holder`` the name it was
        loaded by; the memo depends on that file and the templates loaded while
        the body rendered (all of the file's so far when the block is in a
        template that another extends, whose blocks it may hold).
        """
        for name, value in values.items():
            if value is env.globals.get(name, missing):
                values[name] = GlobalName(name)
        schema = context.get("schema")
        recording = schema if isinstance(schema, RecordingSchema) else None
        used: set[str] | None = getattr(env, "used", None)
        identity = self._identity(template, line, values)
        if identity is not None:
            entry = self.previous.get(self._path, {}).get(identity)
            if entry is not None and self._unchanged(entry, values, context):
                if used is not None:
                    used.update(entry.templates)
                if recording is not None:
                    recording.note(entry.names)
                self._found[identity] = entry
                self.reused += 1
                return entry.text
        outer = recording.part() if recording is not None else None
        own: set[str] = {template}
        if used is not None:
            env.used = own  # type: ignore[attr-defined]  # the templates this body loads
        self._reads, self._locals, self._read_texts = [], [], {}
        try:
            text = caller()
        finally:
            reads, handed, read_texts = self._reads, self._locals, self._read_texts
            self._reads, self._locals, self._read_texts = None, [], {}
            if used is not None:
                env.used = used  # type: ignore[attr-defined]
                used.update(own)
            names = recording.end_part(outer) if recording is not None and outer is not None else ()
        self.rendered += 1
        if identity is not None and used is not None and (holder is None or context.name != holder):
            # in a template another extends: the blocks it holds may come from any of them
            own |= used
        if identity is not None and self._identity(template, line, values) != identity:
            identity = None  # the body changed a value it was handed
        if identity is not None:
            entry = self._entry(values, context, reads, read_texts, handed, names, own, text)
            if entry is not None:
                self._found[identity] = entry
        return text

    def _identity(self, template: str, line: int, values: Mapping[str, object]) -> str | None:
        """Where a fragment is (file, template line) and the hash of the values it was handed."""
        digest = self.fingerprints.partial(values, ())
        return None if digest is None else f"{template}:{line}:{digest}"

    def _unchanged(
        self, entry: FragmentEntry, values: Mapping[str, object], context: Context
    ) -> bool:
        every = dict(values)
        for name in entry.reads:
            every[name] = context.resolve_or_missing(name)
        return self.fingerprints.fragment(every, entry.templates, entry.names) == entry.fingerprint

    def _entry(
        self,
        values: Mapping[str, object],
        context: Context,
        reads: list[tuple[str, object]],
        read_texts: Mapping[str, str | None],
        handed: list[dict[str, object]],
        names: tuple[str, ...],
        templates: set[str],
        text: str,
    ) -> FragmentEntry | None:
        """The memo of a fragment just rendered; ``None`` when what it read cannot be told again.

        A variable read from the context must be the one the next run will
        find there (not a local handed to an included template under that name),
        and must still be what it was when read: a body that changes what it
        reads (``reg.append(x)``) would be skipped, side effect and all, by a
        later run that finds the changed value.
        """
        shadowed = {
            name
            for given in handed
            for name, value in given.items()
            if value is not missing and (name not in values or values[name] is not value)
        }
        every = dict(values)
        for name, value in reads:
            if name in values:
                if values[name] is not value:
                    return None
                continue
            if name in shadowed or context.resolve_or_missing(name) is not value:
                return None
            every[name] = value
        for name, seen in read_texts.items():
            if name not in values and (
                seen is None or self.fingerprints.value(every[name]) != seen
            ):
                return None
        found = tuple(sorted(templates))
        partial = self.fingerprints.partial(every, found)
        if partial is None:
            return None
        reads_kept = tuple(sorted(set(every) - set(values)))
        return FragmentEntry(partial, found, names, reads_kept, text, pending=True)

    def completed(self, found: FileFragments) -> FileFragments:
        """``found`` with every fingerprint whole (a fragment rendered this run has a partial one)."""
        complete = self.fingerprints.complete
        return {
            identity: dataclasses.replace(
                entry,
                fingerprint=complete(entry.fingerprint, entry.templates, entry.names),
                pending=False,
            )
            if entry.pending
            else entry
            for identity, entry in found.items()
        }


class RecordingContext(Context):
    """A template context that tells the run's ``Fragments`` which variables are read."""

    def resolve_or_missing(self, key: str) -> Any:
        """The variable ``key`` (``missing`` when undefined), noted while a fragment renders."""
        value = super().resolve_or_missing(key)
        fragments = getattr(self.environment, "fragments", None)
        if fragments is not None and fragments.active:
            fragments.read(key, value)
        return value


class RecordingTemplate(jinja2.Template):
    """A template that tells the run's ``Fragments`` what locals an include hands it."""

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> Context:
        """A context for rendering this template (see ``jinja2.Template.new_context``)."""
        fragments = getattr(self.environment, "fragments", None)
        if fragments is not None and fragments.active:
            fragments.handed(locals)
        return super().new_context(vars, shared, locals)


class FragmentExtension(Extension):
    """``{% fragment [name, ...] %}body{% endfragment %}``: a memoised part (see the module)."""

    tags = {"fragment"}  # noqa: RUF012 (as jinja2.ext.Extension declares it)

    def parse(self, parser: Parser) -> nodes.Node:
        """The block as a call to ``_fragment`` with the variables the body reads."""
        lineno = next(parser.stream).lineno
        listed: list[str] = []
        while parser.stream.current.type != "block_end":
            if listed:
                parser.stream.expect("comma")
            listed.append(parser.stream.expect("name").value)
        body = parser.parse_statements(("name:endfragment",), drop_needle=True)
        wrapper = nodes.Template(body, lineno=lineno)
        wrapper.set_environment(self.environment)
        free = meta.find_undeclared_variables(wrapper)
        names = sorted(set(listed) | free)
        values = nodes.Dict(
            [nodes.Pair(nodes.Const(name), nodes.Name(name, "load")) for name in names]
        )
        where = nodes.Const(parser.filename or parser.name or "")
        holder = nodes.Const(parser.name)
        call = self.call_method(
            "_fragment", [where, nodes.Const(lineno), values, nodes.ContextReference(), holder]
        )
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _fragment(
        self,
        template: str,
        line: int,
        values: dict[str, object],
        context: Context,
        holder: str | None,
        caller: Callable[[], str],
    ) -> str:
        fragments = getattr(self.environment, "fragments", None)
        if not isinstance(fragments, Fragments) or fragments.active:
            return caller()
        return fragments.render(self.environment, template, line, values, context, caller, holder)


class InlineFragmentExtension(Extension):
    """``{% fragment %}`` as its body alone, for a render that must see each template line.

    Added to an environment that has ``FragmentExtension`` (see
    ``inline_fragments``), it takes the tag over.
    """

    tags = {"fragment"}  # noqa: RUF012 (as jinja2.ext.Extension declares it)
    priority = FragmentExtension.priority + 1

    def parse(self, parser: Parser) -> nodes.Node:
        """The block's body, in a scope of its own (as ``FragmentExtension``'s call block)."""
        lineno = next(parser.stream).lineno
        while parser.stream.current.type != "block_end":
            next(parser.stream)
        body = parser.parse_statements(("name:endfragment",), drop_needle=True)
        return nodes.Scope(body, lineno=lineno)


def inline_fragments(env: jinja2.Environment) -> jinja2.Environment:
    """An overlay of ``env`` whose templates render their fragment blocks inline, uncached."""
    overlay = env.overlay(extensions=[InlineFragmentExtension], cache_size=400)
    overlay.fragments = None  # type: ignore[attr-defined]
    return overlay


@dataclass(frozen=True, slots=True)
class GlobalName:
    """A fragment's variable that is the environment's global of that name (``range``...)."""

    name: str
    """The global's name."""
