"""A schema that is both inside an entry and an entry of its own gets its rules read once."""

from __future__ import annotations

from pathlib import Path

from generator.inputs.collect import read_inputs
from generator.ir import Rules

SPEC = """\
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Outer:
      type: object
      properties:
        inner:
          type: object
          properties:
            label: {type: string, pattern: '\\p{Zs}+', nullable: true}
            size: {type: integer, minimum: 1}
        again:
          $ref: '#/components/schemas/Outer'
"""


def test_inline_model_rules_are_the_nested_rules(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC)
    warnings: list[object] = []
    schema = read_inputs([spec], warnings=warnings)  # type: ignore[arg-type]
    outer_key = f"{spec.name}#/components/schemas/Outer"
    inner_key = f"{outer_key}/properties/inner"
    outer = next(named for named in schema.rules if named.key.endswith(outer_key))
    inner = next(named for named in schema.rules if named.key.endswith(inner_key))
    nested = dict(outer.rules.properties)["inner"]
    assert nested is inner.rules  # read once, shared
    assert nested == Rules(
        types=("object",),
        properties=(
            ("label", Rules(types=("string", "null"))),  # the pattern is not checked
            ("size", nested.properties[1][1]),
        ),
    )
    assert nested.properties[1][1].constraints.minimum == 1
    assert dict(outer.rules.properties)["again"].ref == outer.key  # the cycle is a key
    patterns = [w for w in warnings if "cannot be checked" in str(w)]
    assert len(patterns) == 1, patterns
    assert "/components/schemas/Outer/properties/inner/properties/label" in str(patterns[0])
