"""Operations in the IR: what the OpenAPI and Swagger readers put there, and where they go next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.inputs.collect import read_inputs
from generator.ir import (
    ArrayType,
    MediaType,
    Operation,
    Primitive,
    PrimitiveKind,
    RefType,
    Schema,
    SecurityRequirement,
    SecurityScheme,
    TypeName,
)
from generator.output.snapshot import load_snapshot, schema_snapshot

FIXTURES = Path(__file__).parent / "fixtures" / "operations"
STRING = Primitive(PrimitiveKind.STRING)
INTEGER = Primitive(PrimitiveKind.INTEGER)


def by_key(schema: Schema) -> dict[str, Operation]:
    assert schema.operations is not None
    return {operation.key: operation for operation in schema.operations}


@pytest.fixture(scope="module")
def links() -> dict[str, Operation]:
    return by_key(read_inputs([FIXTURES / "links.yaml"]))


def test_operations_are_sorted_by_path_then_method(links: dict[str, Operation]) -> None:
    assert list(links) == ["POST /links", "DELETE /links/{linkId}", "GET /links/{linkId}"]


def test_operation_metadata(links: dict[str, Operation]) -> None:
    get = links["GET /links/{linkId}"]
    assert (get.operation_id, get.name, get.summary, get.description) == (
        "getLink",
        "GetLink",
        "Get a link",
        "Returns one link.",
    )
    assert get.tags == ("links", "read") and not get.deprecated
    assert links["DELETE /links/{linkId}"].deprecated
    assert get.location.pointer == "/paths/~1links~1{linkId}/get"
    assert get.request == TypeName("operations", "GetLinkRequest")


def test_parameters_with_their_styles(links: dict[str, Operation]) -> None:
    params = {p.name: p for p in links["GET /links/{linkId}"].parameters}
    assert list(params) == ["linkId", "tags", "filter", "X-Trace", "session"]
    got = {name: (p.where, p.style, p.explode, p.required) for name, p in params.items()}
    assert got == {
        "linkId": ("path", "simple", False, True),
        "tags": ("query", "pipeDelimited", False, False),
        "filter": ("query", "deepObject", True, False),
        "X-Trace": ("header", "simple", False, True),
        "session": ("cookie", "form", True, False),
    }
    assert params["tags"].type == ArrayType(STRING)
    assert params["filter"].type == RefType(TypeName("components", "Filter"))
    assert params["linkId"].field == "linkId"


def test_request_body_has_every_media_type(links: dict[str, Operation]) -> None:
    body = links["POST /links"].request_body
    assert body is not None and body.required and body.description == "The new link"
    inline = RefType(TypeName("operations", "CreateLinkRequestBody"))
    assert body.content == (
        MediaType("application/json", inline),
        MediaType("application/x-www-form-urlencoded", inline),  # the same schema (an alias)
        MediaType("text/plain", None),
    )
    assert links["GET /links/{linkId}"].request_body is None


def test_responses_with_headers_and_shared_ones(links: dict[str, Operation]) -> None:
    responses = {r.status: r for r in links["GET /links/{linkId}"].responses}
    assert list(responses) == ["200", "4XX"]
    ok = responses["200"]
    assert ok.description == "The link"
    assert [(h.name, h.type, h.required) for h in ok.headers] == [("X-Rate-Limit", INTEGER, True)]
    assert ok.content == (MediaType("application/json", RefType(TypeName("components", "Link"))),)
    problem = responses["4XX"]
    assert problem.description == "A problem"
    assert [m.media_type for m in problem.content] == ["application/problem+json"]
    assert isinstance(problem.content[0].type, RefType)
    assert links["DELETE /links/{linkId}"].responses[0].content == ()


def test_security_own_else_the_documents(links: dict[str, Operation]) -> None:
    token = SecurityRequirement((SecurityScheme("token"),))
    assert links["GET /links/{linkId}"].security == (token,)
    assert links["DELETE /links/{linkId}"].security == ()
    assert links["POST /links"].security == (
        SecurityRequirement((SecurityScheme("token", ("write",)),)),
        SecurityRequirement((SecurityScheme("basic"),)),
    )


def test_swagger_collection_formats_and_media_types() -> None:
    ops = by_key(read_inputs([FIXTURES / "swagger.yaml"]))
    params = {p.name: (p.style, p.explode) for p in ops["GET /pets"].parameters}
    assert params == {
        "ids": ("form", True),
        "names": ("spaceDelimited", False),
        "kinds": ("form", False),
        "X-Id": ("simple", False),
    }
    ok = ops["GET /pets"].responses[0]
    assert ok.content == (
        MediaType("application/json", ArrayType(RefType(TypeName("components", "Pet")))),
    )
    assert [(h.name, h.type) for h in ok.headers] == [("X-Total", INTEGER)]
    body = ops["POST /pets"].request_body
    assert body is not None and body.required
    assert body.content == (MediaType("application/json", RefType(TypeName("components", "Pet"))),)
    upload = ops["POST /pets/{id}/photo"].request_body
    assert upload is not None and [m.media_type for m in upload.content] == ["multipart/form-data"]


def test_docs_carry_no_operations_and_merging_keeps_the_specs(project: Path) -> None:
    assert read_inputs([project / "spec" / "docs"]).operations is None
    merged = read_inputs([project / "spec"])
    alone = read_inputs([project / "spec" / "openapi.yaml"])
    assert merged.operations is not None and merged.operations == alone.operations
    assert len(merged.operations) > 0


def test_a_spec_without_paths_has_no_operations_not_unknown(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    assert read_inputs([spec]).operations == ()


def test_the_manifest_snapshot_keeps_operations() -> None:
    schema = read_inputs([FIXTURES / "links.yaml"])
    data = json.loads(json.dumps(schema_snapshot(schema)))
    back = load_snapshot(data)
    assert back.operations is not None
    assert [op.key for op in back.operations] == [op.key for op in schema.operations or ()]
    assert schema_snapshot(back) == data
    assert load_snapshot({"format": 1, "definitions": []}).operations is None


def test_naming_2025_renames_follow_into_operations(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n"
        "      operationId: a\n      requestBody:\n        content:\n          application/json:\n"
        "            schema: {type: object, properties: {items: {type: array, items:"
        " {type: object, properties: {x: {type: string}}}}}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    schema = read_inputs([spec], naming="speakeasy-2025")
    body = by_key(schema)["POST /a"].request_body
    assert body is not None and isinstance(body.content[0].type, RefType)
    assert schema.get(body.content[0].type.target) is not None


def test_specloom_ir_prints_operations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ir", str(FIXTURES / "links.yaml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [op["operation_id"] for op in data["operations"]] == [
        "createLink",
        "deleteLink",
        "getLink",
    ]


def test_openapi_export_writes_paths_that_read_back_the_same(tmp_path: Path) -> None:
    from openapi_spec_validator import validate

    from generator.export.openapi import export_openapi

    schema = read_inputs([FIXTURES / "links.yaml"])
    document = export_openapi(schema, title="links")
    validate(document)
    exported = tmp_path / "exported.yaml"
    exported.write_text(json.dumps(document))
    again = read_inputs([exported])

    def shape(op: Operation) -> object:
        body = op.request_body
        return (
            op.key,
            op.operation_id,
            op.summary,
            op.tags,
            op.deprecated,
            [(p.name, p.where, p.style, p.explode, p.required, p.type) for p in op.parameters],
            (body.required, [m.media_type for m in body.content]) if body else None,
            [
                (r.status, r.description, r.headers, [m.media_type for m in r.content])
                for r in op.responses
            ],
        )

    assert [shape(op) for op in again.operations or ()] == [
        shape(op) for op in schema.operations or ()
    ]
