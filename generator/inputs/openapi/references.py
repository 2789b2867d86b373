"""``$ref`` strings -> the value they point at, in this file or in another file of the spec.

A reference is ``[file]#pointer``: the file part is a path relative to the
file the reference is written in (``schemas/pet.yaml``), the pointer a JSON
pointer with ``~0``/``~1`` escapes and percent-encoding.  Other files are
loaded once per read, on first use, with the same loader (so they have lines
too).  A file outside the folder of the spec named on the command line (after
resolving symbolic links) is never read, unless ``--allow-ref-outside`` or
``[tool.specloom] ref-roots`` allows it.  URLs are not fetched: a reference to one is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from generator import limits
from generator.diagnostics import Collector
from generator.inputs.openapi.context import Context
from generator.inputs.openapi.document import Document
from generator.inputs.openapi.loader import load_document
from generator.inputs.openapi.resources import Found, Resources, absolute
from generator.terminal import escape


@dataclass(frozen=True, slots=True)
class Target:
    """What a ``$ref`` points at."""

    document: Document
    """The document holding the value."""
    display: str
    """That document's file name as shown in locations."""
    path: Path
    """That document's path on disk."""
    pointer: str
    """JSON pointer of the value in its document (escaped form)."""
    value: object
    """The value."""
    line: int | None
    """Line of the value."""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the target: (file, pointer)."""
        return (self.display, self.pointer)


@dataclass(frozen=True, slots=True)
class _Loaded:
    document: Document | None
    display: str


class References:
    """Resolves references for one read; other files are loaded at most once."""

    def __init__(self, ctx: Context, remotes: dict[str, Path] | None = None) -> None:
        self.ctx = ctx
        self._files: dict[Path, _Loaded] = {}
        self.main_display = ctx.display
        """File name of the main document."""
        self.main_path = ctx.path
        """Path of the main document."""
        self._files[ctx.path.resolve()] = _Loaded(ctx.main, ctx.display)
        self._root = ctx.path.resolve().parent
        self.resources = Resources(self._load_path, remotes)
        """JSON Schema identifiers (``$id``, anchors) of every document loaded."""
        self.resources.add(ctx.main, ctx.display, ctx.path)

    def reachable(self, path: Path) -> bool:
        """A file ``$ref`` may name ``path`` (resolved): below the main spec's folder or a ref root."""
        bounds = limits.current()
        if bounds.allow_ref_outside:
            return True
        roots = [self._root, *(root.resolve() for root in bounds.ref_roots)]
        return any(path.is_relative_to(root) for root in roots)

    def documents(self) -> dict[str, tuple[Document, Path]]:
        """Every document loaded so far by display name: (document, path)."""
        return {
            loaded.display: (loaded.document, path)
            for path, loaded in self._files.items()
            if loaded.document is not None
        }

    def _load_path(self, path: Path, confined: bool = True) -> tuple[Document, str] | None:
        """A document by path, loaded once (for ``resources``); a ``confined`` one (a ``file:``
        URI, not a folder the user mapped a URI to) only when ``reachable``."""
        resolved = _resolved(path)
        if resolved is None:
            return None
        path = resolved
        loaded = self._files.get(path)
        if loaded is None and confined and not self.reachable(path):
            return None
        if loaded is None:
            display = _display_of(path, self.main_path, self.main_display)
            problems = Collector()
            document = load_document(path, display, problems)
            for problem in problems.problems:
                self.ctx.problem(problem.location, problem.message)
            loaded = _Loaded(document, display)
            self._files[path] = loaded  # indexed by ``resources`` under the URI it asked for
        if loaded.document is None:
            return None
        return loaded.document, loaded.display

    def _by_identifier(self, ref: str, ptr: str) -> Target | None:
        """``ref`` resolved as JSON Schema does (base URIs, ``$id``, anchors), or ``None``."""
        base = self.resources.base_at(self.ctx.document, ptr)
        if not base:
            return None
        found = self.resources.resolve(absolute(base, ref))
        if found is None:
            return None
        return _target(found)

    def is_main(self, target: Target) -> bool:
        """The target is in the document named on the command line."""
        return target.document is self.ctx.main

    def resolve(
        self, ref: str, holder: dict[str, object], ptr: str, quiet: bool = False
    ) -> Target | None:
        """The target of ``ref`` (written in ``holder`` at ``ptr``), else ``None``.

        Problems are reported unless ``quiet`` (a look ahead that is followed
        by a real read, which reports them).
        """
        ctx = self.ctx
        file_part, _, fragment = ref.partition("#")
        identified = self._by_identifier(ref, ptr)  # JSON Schema's way: base URIs and $id
        if identified is not None:
            return identified
        if quiet:
            return self._peek(file_part, fragment)
        if "://" in file_part:
            ctx.key_warning(
                holder,
                ptr,
                "$ref",
                f"$ref {ref!r} points to a URL, which is not fetched; read as any value "
                "(expected a reference into this file or a local file)",
            )
            return None
        document, display, path = ctx.document, ctx.display, ctx.path
        if file_part:
            loaded = self._load(file_part, holder, ptr, ref)
            if loaded is None:
                return None
            document, display, path = loaded
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            ctx.key_problem(
                holder,
                ptr,
                "$ref",
                f"$ref {ref!r} has a fragment that is not a JSON pointer; expected '#/...'",
            )
            return None
        found = document.resolve_pointer(pointer)
        if found is None:
            schemas = ctx.dialect.schemas_pointer
            if pointer.startswith(schemas + "/") and pointer.count("/") == schemas.count("/") + 1:
                expected = f"a schema under {schemas[1:]}"
            else:
                expected = "a JSON pointer to a value in " + (
                    "this file" if not file_part else repr(file_part)
                )
            ctx.key_problem(
                holder, ptr, "$ref", f"$ref {ref!r} does not resolve; expected {expected}"
            )
            return None
        value, parent, token = found
        if isinstance(parent, list):
            line = document.item_line(parent, int(token))
        elif parent is None:
            line = document.line(value)
        else:
            line = document.key_line(parent, token)
        return Target(document, display, path, pointer, value, line)

    def _peek(self, file_part: str, fragment: str) -> Target | None:
        """``resolve`` without reporting anything."""
        ctx = self.ctx
        document, display, path = ctx.document, ctx.display, ctx.path
        if file_part:
            if "://" in file_part:
                return None
            found_path = _resolved(ctx.path.parent / unquote(file_part))
            if found_path is None:
                return None
            path = found_path
            loaded = self._files.get(path)
            if loaded is None:
                if not self.reachable(path) or not _is_file(path):
                    return None
                holder: dict[str, object] = {"$ref": file_part}
                found = self._load(file_part, holder, "", file_part)
                if found is None:
                    return None
                document, display, path = found
            elif loaded.document is None:
                return None
            else:
                document, display = loaded.document, loaded.display
        pointer = unquote(fragment)
        found_value = document.resolve_pointer(pointer)
        if found_value is None:
            return None
        return Target(document, display, path, pointer, found_value[0], None)

    def _load(
        self, file_part: str, holder: dict[str, object], ptr: str, ref: str
    ) -> tuple[Document, str, Path] | None:
        """The document of another file (relative to the current one), loaded once."""
        ctx = self.ctx
        relative = unquote(file_part)
        resolved = _resolved(ctx.path.parent / relative)
        if resolved is None:
            ctx.key_problem(
                holder,
                ptr,
                "$ref",
                f"$ref {_excerpt(ref)} names a file that cannot be looked up (name too long or "
                "invalid); expected a path relative to this file",
            )
            return None
        path = resolved
        loaded = self._files.get(path)
        if loaded is None and not self.reachable(path):
            ctx.key_problem(
                holder,
                ptr,
                "$ref",
                f"$ref {_excerpt(ref)} names a file outside the folder of the spec "
                f"({self.main_path.parent.name}/); expected a file in that folder "
                "(pass --allow-ref-outside or list the folder in [tool.specloom] ref-roots)",
            )
            self._files[path] = _Loaded(None, relative)
            return None
        if loaded is None:
            display = str(PurePosixPath(ctx.display).parent / PurePosixPath(relative))
            display = _normalize(display)
            problems = Collector()
            document = load_document(path, display, problems) if _is_file(path) else None
            if _is_file(path):
                for problem in problems.problems:
                    ctx.problem(problem.location, problem.message)
            loaded = _Loaded(document, display)
            self._files[path] = loaded
            if document is not None:
                self.resources.add(document, display, path)
            if not _is_file(path):
                ctx.key_problem(
                    holder,
                    ptr,
                    "$ref",
                    f"$ref {ref!r} names a file that does not exist ({display}); "
                    "expected a path relative to this file",
                )
        if loaded.document is None:
            return None
        return loaded.document, loaded.display, path


def _resolved(path: Path) -> Path | None:
    """``path`` with links resolved; ``None`` when the system refuses the name (too long, NUL)."""
    try:
        return path.resolve()
    except (OSError, ValueError):
        return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _excerpt(text: str, limit: int = 80) -> str:
    """``text`` quoted for a message: escaped, at most ``limit`` characters."""
    shown = escape(text)
    if len(shown) > limit:
        shown = shown[: limit - 3] + "..."
    return repr(shown)


def _target(found: Found) -> Target:
    resolved = found.document.resolve_pointer(found.pointer)
    line = None
    if resolved is not None:
        value, parent, token = resolved
        if isinstance(parent, list):
            line = found.document.item_line(parent, int(token))
        elif parent is None:
            line = found.document.line(value)
        else:
            line = found.document.key_line(parent, token)
    return Target(found.document, found.display, found.path, found.pointer, found.value, line)


def _display_of(path: Path, main_path: Path, main_display: str) -> str:
    """How a file found by path is shown: relative to the main document's folder as displayed."""
    import os

    relative = os.path.relpath(path, main_path.resolve().parent)
    return _normalize(
        str(PurePosixPath(main_display).parent / PurePosixPath(*Path(relative).parts))
    )


def _normalize(display: str) -> str:
    """``a/./b/../c.yaml`` -> ``a/c.yaml`` (lexically; leading ``..`` are kept)."""
    parts: list[str] = []
    for part in PurePosixPath(display).parts:
        if part == ".":
            continue
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        else:
            parts.append(part)
    text = "/".join(parts) or "."
    return "/" + text[2:] if text.startswith("//") else text
