"""One full (cache-missing) run: keyed before reading, rendering only what changed, recorded after."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from generator.cache.incremental import (
    Fingerprints,
    SharedHashes,
    entries,
    hash_on_two_cores,
    reuse_from,
)
from generator.cache.key import custom_files, file_digest, options_key, run_key
from generator.cache.store import (
    FileEntry,
    Record,
    cache_base,
    companion_bytes,
    forget,
    load_fragments,
    load_record,
    load_snapshot_lines,
    save_record,
)
from generator.config import Settings
from generator.diagnostics import Problem
from generator.ir import Definition, Schema
from generator.progress import Progress
from generator.render.dependencies import OPERATIONS, RULES
from generator.render.formatting import Formatter
from generator.render.fragments import FileFragments, Fragments
from generator.render.renderer import Rendering, SideResult, plan_jobs, render_files
from generator.render.targets import Options

if TYPE_CHECKING:
    from generator.output.snapshot import EncodedSnapshot

Written = TypeVar("Written")


class Session:
    """The cache side of one run into ``settings.out``."""

    def __init__(self, settings: Settings, enabled: bool = True) -> None:
        self.settings = settings
        """The run's settings."""
        self.enabled = enabled
        """Whether the cache is used at all (``--no-cache``: neither read nor written)."""
        self.base = cache_base(settings.config)
        """The cache folder."""
        self.previous = load_record(settings.out, self.base, with_files=True) if enabled else None
        """The last run's record, when usable."""
        self.options = options_key(settings) if enabled else ""
        self._inputs = self.previous.inputs if self.previous else ()
        self.key = run_key(settings, self._inputs, self.options) if enabled else ""
        """The key of this run's inputs, taken before they are read."""
        self._entries: dict[str, FileEntry] = {}
        self._pending: Callable[[], dict[str, FileEntry]] | None = None
        self.reused = 0
        """How many files were taken from the out folder instead of being rendered."""
        self.fragments: Fragments | None = None
        """The memoised template fragments of the last ``render`` (its counts tell what was done)."""
        self._fragments: dict[str, FileFragments] = {}
        self._fingerprints: Fingerprints | None = None
        self._snapshot_lines: dict[str, str] = {}
        self._snapshot: tuple[Schema, EncodedSnapshot] | None = None
        self._listing: dict[str, str] = {}
        self._prepared: tuple[str, tuple[str, ...], list[tuple[str, bytes]]] | None = None

    def snapshot_tasks(
        self, schema: Schema
    ) -> tuple[list[Callable[[], list[str]]], Callable[[list[list[str]]], EncodedSnapshot]]:
        """``output.snapshot.snapshot_tasks`` of ``schema``, taking the lines of definitions the
        last run encoded (found by hash once ``render`` began) and noting this run's."""
        from generator.output.snapshot import snapshot_tasks

        if not self.enabled:
            return snapshot_tasks(schema)
        if self.previous is not None:
            self._snapshot_lines = load_snapshot_lines(self.settings.out, self.base, self.previous)
        tasks, assemble = snapshot_tasks(schema, self._known_line if self._snapshot_lines else None)

        def noted(results: list[list[str]]) -> EncodedSnapshot:
            encoded = assemble(results)
            self._snapshot = (schema, encoded)
            return encoded

        return tasks, noted

    def _known_line(self, definition: Definition) -> str | None:
        if self._fingerprints is None:
            return None
        return self._snapshot_lines.get(self._fingerprints.line_free(definition))

    def render(
        self,
        schema: Schema,
        options: Options,
        formatter: Formatter,
        progress: Progress | None = None,
        side: Sequence[Callable[[], SideResult]] = (),
    ) -> Rendering[SideResult]:
        """Render the targets, taking unchanged files (as the manifest lists them) from the out folder.

        ``side`` tasks run alongside, as ``render_files`` runs them.
        """
        settings = self.settings
        jobs = plan_jobs(schema, settings.targets, options)
        if not self.enabled:
            return render_files(
                schema,
                settings.targets,
                options,
                settings.templates,
                formatter,
                None,
                jobs,
                progress,
                side,
            )
        before = (
            {t for entry in self.previous.files.values() for t in entry.templates}
            if self.previous
            else set()
        )
        fingerprints = Fingerprints(
            schema,
            self.options,
            formatter.fingerprint() if settings.templates else "",
            self._other_files(before),
        )
        self._fingerprints = fingerprints
        reused: dict[str, FileEntry] = {}
        on_disk = self._on_disk()
        if on_disk is not None:  # every file is checked first: hash what they read on both cores
            hash_on_two_cores(fingerprints, schema)
        reuse = reuse_from(on_disk, settings.out, self._listing, fingerprints, reused)
        previous_fragments = (
            load_fragments(settings.out, self.base, self.previous)
            if self.previous is not None
            else {}
        )
        self.fragments = Fragments(fingerprints, previous_fragments)
        # The schema parts every file that reads them hashes (megabytes of rules): hashed by
        # whichever core is free first while the files render, not after them.
        parts = [name for name in (RULES, OPERATIONS) if _holds(schema, name)]
        prefetch: list[Callable[[], object]] = (
            [lambda: fingerprints.prefetch(parts)] if parts else []
        )
        rendering = render_files(
            schema,
            settings.targets,
            options,
            settings.templates,
            formatter,
            reuse,
            jobs,
            progress,
            [*side, *prefetch],
            self.fragments,
        )
        if prefetch:
            fetched = rendering.side.pop()
            fingerprints.adopt(fetched if isinstance(fetched, SharedHashes) else None)
        self.reused = len(reused)
        self._fragments = dict(rendering.fragments)
        for path in reused:
            if path in previous_fragments:
                self._fragments[path] = previous_fragments[path]
        loaded = {t for r in rendering.records.values() for t in r.templates}
        loaded.update(t for entry in reused.values() for t in entry.templates)
        checked = loaded == before  # the reused entries' fingerprints hold as they are
        if not checked:
            fingerprints = fingerprints.with_other_files(self._other_files(loaded))
        records = rendering.records
        self._pending = lambda: entries(jobs, records, reused, fingerprints, checked)
        return cast("Rendering[SideResult]", rendering)  # the side results are ``side``'s again

    def _on_disk(self) -> Record | None:
        """The last run's record when the out folder still holds what that run wrote: its
        manifest is the one the record names.  A run since (``--no-cache``, another config or
        working folder, a hand edit) may have rewritten files with other options, so then no
        file is taken from the out folder."""
        self._listing = {}
        manifest = read_manifest_bytes(self.settings.out) if self.previous is not None else None
        if manifest is None or self.previous is None:
            return None
        if hashlib.sha256(manifest).hexdigest() != self.previous.manifest:
            return None
        from generator.output.manifest import manifest_files

        self._listing = manifest_files(manifest.decode("utf-8", "replace"))
        return self.previous

    def _compute_entries(self) -> None:
        if self._pending is not None:
            self._entries, self._pending = self._pending(), None
            if self.fragments is not None:
                completed = self.fragments.completed
                self._fragments = {
                    path: completed(found) for path, found in self._fragments.items()
                }

    def _lines_by_hash(self) -> dict[str, str] | None:
        """This run's snapshot lines of its definitions by hash (``None``: no snapshot made)."""
        if self._snapshot is None or self._fingerprints is None:
            return None
        schema, encoded = self._snapshot
        line_free = self._fingerprints.line_free
        return {
            line_free(definition): line
            for definition, line in zip(schema.definitions, encoded.definitions, strict=True)
        }

    def save_while(self, write: Callable[[], Written], warnings: Sequence[Problem]) -> Written:
        """``write()`` (the out folder's update) while a forked worker fingerprints the files; then record.

        The fingerprints (every definition hashed) cost about as much as
        writing thousands of files, so on two cores they are made meanwhile.
        Without a second core (or where ``fork`` is unsafe) they follow the write.
        """
        from generator.render.workers import can_fork

        out = self.settings.out
        if not self.enabled or self._pending is None or not can_fork():
            written = write()
            self.save(read_manifest_bytes(out), warnings)
            return written
        go_read, go_write = os.pipe()
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            os.close(go_read)
            os.close(go_write)
            gc.unfreeze()
            written = write()
            self.save(read_manifest_bytes(out), warnings)
            return written
        if pid == 0:  # the worker: fingerprint, wait for the write, record it
            code = 0
            try:
                os.close(go_write)
                gc.disable()
                self._prepare()
                if os.read(go_read, 1) == b"1":
                    self.save(read_manifest_bytes(out), warnings)
            except BaseException:  # the cache is best effort
                code = 1
            finally:
                os._exit(code)
        os.close(go_read)
        try:
            written = write()
            os.write(go_write, b"1")
        finally:
            os.close(go_write)
            os.waitpid(pid, 0)
            gc.unfreeze()
        return written

    def _other_files(self, loaded: set[str]) -> str:
        """Hash of the custom folders' files no Jinja render ``loaded`` (others may read them)."""
        digest = hashlib.sha256()
        for path in custom_files(self.settings):
            if str(path) not in loaded:
                digest.update(f"{path}\0{file_digest(path)}\n".encode())
        return digest.hexdigest()

    def _prepare(self) -> tuple[str, tuple[str, ...], list[tuple[str, bytes]]]:
        """The record's key, its inputs and the bytes of its companion files (what does not
        depend on the out folder, made while it is written); once."""
        if self._prepared is None:
            self._compute_entries()
            from generator.inputs.openapi.loader import FILES_READ

            inputs = tuple(sorted({str(path) for path in FILES_READ} | set(self._inputs)))
            key = self.key
            if set(inputs) != set(self._inputs):
                key = run_key(self.settings, inputs, self.options)
            companions = companion_bytes(
                Record(key=key, options=self.options, manifest="", files=self._entries),
                self._fragments,
                self._lines_by_hash(),
            )
            self._prepared = (key, inputs, companions)
        return self._prepared

    def save(self, manifest: bytes | None, warnings: Sequence[Problem]) -> None:
        """Record this run (``manifest``: the bytes of the manifest now in the out folder)."""
        if not self.enabled:
            return
        if manifest is None:
            forget(self.settings.out, self.base)
            return
        key, inputs, companions = self._prepare()
        from generator.cache.fast import stamp
        from generator.output.manifest import manifest_files

        listing = manifest_files(manifest.decode("utf-8", "replace"))
        current = stamp(self.settings.out, listing)
        if current is None:
            forget(self.settings.out, self.base)
            return
        record = Record(
            key=key,
            options=self.options,
            manifest=hashlib.sha256(manifest).hexdigest(),
            stamp=current,
            inputs=inputs,
            warnings=tuple(
                (w.location.file, w.location.line, w.location.pointer, w.message) for w in warnings
            ),
            files=self._entries,
        )
        save_record(self.settings.out, self.base, record, companions=companions)


def _holds(schema: Schema, part: str) -> bool:
    """Whether ``schema`` has any of the part ``RULES`` or ``OPERATIONS`` names."""
    if part == RULES:
        return bool(schema.rules or schema.validators)
    return bool(schema.operations)


def read_manifest_bytes(out: Path) -> bytes | None:
    """The manifest's bytes as they are in the out folder (``None`` when absent or a link)."""
    from generator.cache.fast import MANIFEST_NAME, read_regular

    return read_regular(str(out / MANIFEST_NAME))
