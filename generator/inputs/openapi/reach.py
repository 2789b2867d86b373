"""Which named schemas the operations of a document reach, read from the document as written.

Many SDK generators make a model only of what an SDK method reaches: a named
schema (``components/schemas``, Swagger ``definitions``) that no operation
refers to, directly or through other schemas, gets no class and no doc.
``reached_keys`` follows every local ``$ref`` from ``paths`` (through what
they refer to in ``components/responses``, ``parameters``,
``requestBodies``...), on the raw document, because the IR does not keep
every reference: an ``allOf`` member that is no object is not represented
(``allOf`` over ``oneOf``s), yet the models it refers to are made.

- A ``$ref`` that is a member of an ``allOf`` of two or more schemas is merged
  into its parent, not used: the schema it names is not reached by it (its own
  references are followed).
- Webhooks are no SDK method: what only they refer to is not reached.
- A schema marked ``x-speakeasy-include: true`` is reached (Speakeasy's way of
  asking for a schema no operation uses).
- A schema is reached as a whole when any part of it is
  (``#/components/schemas/X/properties/y``).
- A ``$ref`` to another file may lead back to any named schema: when one is
  met, every schema counts as reached.
"""

from __future__ import annotations

from urllib.parse import unquote

from generator.inputs.openapi.document import Document, unescape

INCLUDE = "x-speakeasy-include"
"""Extension marking a named schema to be made even when no operation reaches it."""


def reached_keys(
    document: Document, schemas_pointer: str, schemas: dict[str, object]
) -> tuple[set[str], set[str]]:
    """Keys of ``schemas`` (the named schemas at ``schemas_pointer``) reached from the
    ``paths`` of ``document`` (module docstring), and the keys walked: those reached and
    those only merged into a schema reached (their content is read as a part of it)."""
    prefix = schemas_pointer + "/"
    reached = {key for key, schema in schemas.items() if included(schema)}
    walked = set(reached)
    root = document.root
    # (node, merged): ``merged`` when the node is a member of an allOf of two or more
    pending: list[tuple[object, bool]] = [(schemas[key], False) for key in reached]
    if isinstance(root, dict):
        pending.append((root.get("paths"), False))
    seen_pointers: set[tuple[str, bool]] = set()
    seen_nodes: set[tuple[int, bool]] = set()
    while pending:
        node, merged = pending.pop()
        if isinstance(node, list):
            pending += [(item, False) for item in node]
            continue
        if not isinstance(node, dict) or (id(node), merged) in seen_nodes:
            continue
        seen_nodes.add((id(node), merged))
        ref = node.get("$ref")
        if isinstance(ref, str):
            if not ref.startswith("#"):
                return set(schemas), set(schemas)
            pointer = unquote(ref[1:])
            if (pointer, merged) not in seen_pointers:
                seen_pointers.add((pointer, merged))
                key = _key_of(pointer, prefix, schemas)
                if key is None:
                    found = document.resolve_pointer(pointer)
                    if found is not None:
                        pending.append((found[0], merged))
                else:
                    if not merged:
                        reached.add(key)
                    if key not in walked:
                        walked.add(key)
                        pending.append((schemas[key], False))
        members = node.get("allOf")
        merging = isinstance(members, list) and len(members) > 1
        for name, value in node.items():
            if name == "$ref":
                continue
            if name == "allOf" and merging:
                pending += [(member, True) for member in members]  # type: ignore[union-attr]
            else:
                pending.append((value, False))
    return reached, walked


def included(schema: object) -> bool:
    """The schema is marked to be made even when no operation reaches it."""
    return isinstance(schema, dict) and schema.get(INCLUDE) is True


def _key_of(pointer: str, prefix: str, schemas: dict[str, object]) -> str | None:
    """The named schema a pointer is in (``/components/schemas/X/properties/y`` -> ``X``)."""
    if not pointer.startswith(prefix):
        return None
    key = unescape(pointer[len(prefix) :].split("/", 1)[0])
    return key if key in schemas else None
