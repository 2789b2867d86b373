"""Read the documentation of dataclasses and enums from their source: attributes and docstrings.

Attribute docstrings (a string right after an annotated attribute) are not
kept by Python at runtime, so they are read from the class's source with ``ast``.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import inspect
import textwrap
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Attribute:
    """One documented attribute (or enum member)."""

    name: str
    """Attribute name."""
    type: str
    """Annotation as written in the source (empty for enum members)."""
    default: str | None
    """Default as written in the source; ``None`` when the attribute is required."""
    doc: str
    """Its docstring, or empty."""


@dataclass(frozen=True, slots=True)
class Member:
    """A public property or method."""

    name: str
    """Name."""
    signature: str
    """``(name: TypeName) -> Definition | None``; empty for a property."""
    doc: str
    """First paragraph of its docstring."""


@dataclass(frozen=True, slots=True)
class ClassDoc:
    """What the reference says about one class."""

    name: str
    """Class name."""
    doc: str
    """Class docstring."""
    attributes: tuple[Attribute, ...]
    """Public attributes (fields of a dataclass, members of an enum), in source order."""
    members: tuple[Member, ...]
    """Public properties and methods."""


def first_paragraph(text: str | None) -> str:
    """The first paragraph of a docstring, joined into one line."""
    if not text:
        return ""
    return " ".join(inspect.cleandoc(text).split("\n\n")[0].split())


def class_doc(cls: type) -> ClassDoc:
    """Document a dataclass or an enum from its source."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    node = tree.body[0]
    assert isinstance(node, ast.ClassDef)
    attributes = _attributes(node, cls)
    return ClassDoc(
        name=cls.__name__,
        doc=inspect.cleandoc(cls.__doc__ or ""),
        attributes=tuple(attributes),
        members=tuple(_members(cls)),
    )


def _attributes(node: ast.ClassDef, cls: type) -> list[Attribute]:
    init_fields = (
        {f.name for f in dataclasses.fields(cls) if f.init}
        if dataclasses.is_dataclass(cls)
        else None
    )
    found: list[Attribute] = []
    body = node.body
    for index, statement in enumerate(body):
        doc = _docstring_after(body, index)
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name = statement.target.id
            if name.startswith("_") or (init_fields is not None and name not in init_fields):
                continue
            default = None if statement.value is None else ast.unparse(statement.value)
            found.append(Attribute(name, ast.unparse(statement.annotation), default, doc))
        elif (
            isinstance(cls, type)
            and issubclass(cls, enum.Enum)
            and isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
        ):
            name = statement.targets[0].id
            found.append(Attribute(name, "", ast.unparse(statement.value), doc))
    return found


def _docstring_after(body: list[ast.stmt], index: int) -> str:
    following = body[index + 1] if index + 1 < len(body) else None
    if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
        text = following.value.value
        return first_paragraph(text) if isinstance(text, str) else ""
    return ""


def _members(cls: type) -> list[Member]:
    members = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            members.append(Member(name, "", first_paragraph(value.__doc__)))
        elif inspect.isfunction(value):
            signature = (
                str(inspect.signature(value)).replace("(self, ", "(").replace("(self)", "()")
            )
            members.append(Member(name, signature, first_paragraph(value.__doc__)))
    return members


def alias_docs(module: object) -> dict[str, str]:
    """Module-level names documented by a string right after their assignment."""
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    docs: dict[str, str] = {}
    for index, statement in enumerate(tree.body):
        if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            doc = _docstring_after(tree.body, index)
            if doc:
                docs[statement.targets[0].id] = doc
    return docs
