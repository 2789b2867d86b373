"""The small schema the reference page's examples run against (built in code, so it stays put)."""

from __future__ import annotations

from generator.ir import (
    AliasModel,
    ArrayType,
    Constraints,
    Default,
    EnumModel,
    EnumValue,
    Field,
    Location,
    MapType,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    TypeName,
    UnionModel,
    UnionVariant,
    sort_definitions,
)

HERE = Location("example.yaml")
"""Where every example node claims to come from."""

STRING = Primitive(PrimitiveKind.STRING)
MODE = TypeName("operations", "Mode")
LINK = TypeName("components", "Link")
DESTINATION = TypeName("operations", "Destination")
BODY = TypeName("operations", "TrackLeadRequestBody")
SLUG = TypeName("components", "Slug")


def example_schema() -> Schema:
    """``operations.TrackLeadRequestBody`` (object), ``operations.Mode`` (enum),
    ``operations.Destination`` (union), ``components.Link`` (object) and ``components.Slug``
    (alias)."""
    body = ObjectModel(
        BODY,
        (
            Field(
                "clickId",
                Primitive(PrimitiveKind.STRING, constraints=Constraints(min_length=1)),
                required=True,
                nullable=False,
                location=HERE,
                description='The click\'s ID, from the "dub_id" cookie.',
                source_name="ClickID",
            ),
            Field(
                "mode",
                RefType(MODE),
                required=False,
                nullable=False,
                location=HERE,
                default=Default("async"),
            ),
            Field(
                "tags",
                ArrayType(STRING),
                required=False,
                nullable=None,
                location=HERE,
                examples=(["a", "b"],),
            ),
            Field(
                "metadata",
                MapType(Primitive(PrimitiveKind.ANY)),
                required=False,
                nullable=True,
                location=HERE,
            ),
            Field("link", RefType(LINK), required=False, nullable=False, location=HERE),
        ),
        HERE,
        description="Track a lead.",
    )
    mode = EnumModel(
        MODE,
        (EnumValue("async", HERE, "ModeAsync"), EnumValue("wait", HERE, "ModeWait")),
        HERE,
        description="How to track | when to answer.",
    )
    destination = UnionModel(
        DESTINATION,
        (UnionVariant(STRING, HERE), UnionVariant(RefType(LINK), HERE)),
        HERE,
    )
    link = ObjectModel(
        LINK,
        (Field("url", STRING, required=True, nullable=False, location=HERE),),
        HERE,
    )
    slug = AliasModel(
        SLUG,
        Primitive(PrimitiveKind.STRING, constraints=Constraints(pattern="^[a-z0-9-]+$")),
        HERE,
        description="A link's short name.",
    )
    return Schema(sort_definitions([body, mode, destination, link, slug]), ("example.yaml",))
