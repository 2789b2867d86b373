"""The plan every docs target shares: one doc per definition, at the path its language uses."""

from __future__ import annotations

from collections.abc import Callable

from generator.ir import Definition, Schema
from generator.render.targets.base import Options, OutputFile


def own_folders(definition: Definition, language: str) -> str | None:
    """``DocsFlavor.folders`` of the tree the definition was read from, when it was read in
    ``language`` (how that tree spells its folders); ``None`` otherwise."""
    flavor = definition.docs_flavor
    return flavor.folders if flavor is not None and flavor.language == language else None


def one_doc_each(
    target: str, path_of: Callable[[Definition], str]
) -> Callable[[Schema, Options], list[OutputFile]]:
    """A plan rendering ``<target>/<kind>.md.jinja`` for each definition at ``path_of`` it."""

    def plan(schema: Schema, options: Options) -> list[OutputFile]:
        return [
            OutputFile(
                path_of(definition), f"{target}/{definition.kind}.md.jinja", {"model": definition}
            )
            for definition in schema.definitions
        ]

    return plan
