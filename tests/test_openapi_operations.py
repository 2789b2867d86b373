"""Operations -> operations-namespace models: parameters, bodies, responses; errors; security."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.openapi import read_openapi
from generator.ir import (
    AliasModel,
    ArrayType,
    Constraints,
    Definition,
    EnumModel,
    Field,
    Location,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    RefType,
    TypeName,
)

FIXTURES = Path(__file__).parent / "fixtures" / "openapi"
STRING = Primitive(PrimitiveKind.STRING)


def ops(name: str) -> TypeName:
    return TypeName("operations", name)


def comps(name: str) -> TypeName:
    return TypeName("components", name)


def errs(name: str) -> TypeName:
    return TypeName("errors", name)


@pytest.fixture(scope="module")
def spec() -> dict[TypeName, Definition]:
    collector = Collector()
    definitions = read_openapi(FIXTURES / "operations.yaml", "operations.yaml", collector)
    assert collector.problems == [] and collector.warnings == []
    return {definition.name: definition for definition in definitions}


def fields(definition: Definition) -> dict[str, Field]:
    assert isinstance(definition, ObjectModel)
    return {field.name: field for field in definition.fields}


def test_every_model_and_its_namespace(spec: dict[TypeName, Definition]) -> None:
    assert sorted(map(str, spec)) == [
        "components.SchemeBasicAuth",
        "components.Security",
        "components.Sort",
        "components.User",
        "components.UserInput",
        "errors.ErrorBody",
        "errors.GetLinkResponseBody",
        "operations.CreateLinksRequestBody",
        "operations.FileUpload",
        "operations.Filter",
        "operations.GetLinkRequest",
        "operations.GetLinkResponseBody",
        "operations.GetLinkSort",
        "operations.ListLinksRequest",
        "operations.ListLinksResponse",
        "operations.ListLinksResponseBody",
        "operations.ResponseBody",
        "operations.Sort",
        "operations.UpdateLinkRequest",
        "operations.UpdateLinkRequestBody",
    ]


def test_parameters_make_the_request_model(spec: dict[TypeName, Definition]) -> None:
    request = spec[ops("GetLinkRequest")]
    assert isinstance(request, ObjectModel)
    assert request.location == Location("operations.yaml", 20, "/paths/~1links~1{linkId}/get")
    got = fields(request)
    # path item parameters first; the operation's own X-Trace replaces the shared one in place
    assert list(got) == ["linkId", "X-Trace", "sort", "filter"]
    assert (got["linkId"].type, got["linkId"].required) == (STRING, True)
    trace = got["X-Trace"]
    assert trace.description == "Trace id of the call."
    assert trace.type == Primitive(PrimitiveKind.STRING, constraints=Constraints(max_length=32))
    assert trace.location == Location(
        "operations.yaml", 23, "/paths/~1links~1{linkId}/get/parameters/1"
    )
    # a parameter of components/parameters: its inline enum is named once, in components,
    # after the parameter's key (operations.Sort of a body is another namespace's)
    assert got["sort"].type == RefType(TypeName("components", "Sort"))
    assert got["sort"].location.pointer == "/components/parameters/Sort"
    # a parameter given by content: its JSON schema
    assert got["filter"].type == RefType(ops("Filter"))


def test_request_bodies_are_named_before_parameters(spec: dict[TypeName, Definition]) -> None:
    # updateLink's body comes after getLink's parameter in the file, yet gets the short name
    body = fields(spec[ops("UpdateLinkRequestBody")])
    assert body["sort"].type == RefType(ops("Sort"))
    sort = spec[TypeName("components", "Sort")]
    assert isinstance(sort, EnumModel) and [v.value for v in sort.values] == ["asc", "desc"]


def test_a_body_with_parameters_is_a_field_of_the_request(
    spec: dict[TypeName, Definition],
) -> None:
    got = fields(spec[ops("UpdateLinkRequest")])
    assert list(got) == ["linkId", "X-Trace", "requestBody"]
    body = got["requestBody"]
    assert (body.type, body.required) == (RefType(ops("UpdateLinkRequestBody")), True)
    assert ops("CreateLinksRequest") not in spec  # no parameters: the body is the request


def test_form_and_multipart_bodies(spec: dict[TypeName, Definition]) -> None:
    form = fields(spec[ops("CreateLinksRequestBody")])
    assert (form["url"].type, form["url"].required) == (STRING, True)
    upload = fields(spec[ops("FileUpload")])  # a title names the body
    assert upload["file"].type == Primitive(PrimitiveKind.STRING, "binary")
    assert ops("UploadRequestBody") not in spec


def test_success_responses(spec: dict[TypeName, Definition]) -> None:
    body = spec[ops("GetLinkResponseBody")]
    assert isinstance(body, ObjectModel)
    assert body.description == "The link."  # the response's description
    # the enum of a response is named after the requests': GetLink in front
    assert fields(body)["sort"].type == RefType(ops("GetLinkSort"))
    # items of an array response are called ResponseBody
    assert [f.name for f in fields(spec[ops("ResponseBody")]).values()] == ["url"]


def test_pagination_makes_a_page_model(spec: dict[TypeName, Definition]) -> None:
    page = spec[ops("ListLinksResponse")]
    assert isinstance(page, ObjectModel)
    assert [(f.name, f.type, f.required) for f in page.fields] == [
        ("result", RefType(ops("ListLinksResponseBody")), True)
    ]
    body = spec[ops("ListLinksResponseBody")]  # the array body: a model too (an alias)
    assert isinstance(body, AliasModel) and body.type == ArrayType(RefType(ops("ResponseBody")))


def test_error_responses_go_to_the_errors_namespace(spec: dict[TypeName, Definition]) -> None:
    inline = spec[errs("GetLinkResponseBody")]
    assert isinstance(inline, ObjectModel) and inline.description == "No such link."
    # a named schema used as an error body moves to errors; the shared response is read once
    shared = spec[errs("ErrorBody")]
    assert shared.location.pointer == "/components/schemas/ErrorBody"
    assert comps("ErrorBody") not in spec


def test_security_schemes(spec: dict[TypeName, Definition]) -> None:
    got = fields(spec[comps("Security")])
    assert list(got) == ["bearer", "basic"]
    assert (got["bearer"].type, got["bearer"].required) == (STRING, True)
    assert got["bearer"].examples == ("MY_TOKEN",)
    assert (got["basic"].type, got["basic"].required) == (RefType(comps("SchemeBasicAuth")), False)
    assert list(fields(spec[comps("SchemeBasicAuth")])) == ["username", "password"]


def test_requests_get_a_view_without_read_only_fields(spec: dict[TypeName, Definition]) -> None:
    user = fields(spec[comps("User")])
    assert list(user) == ["id", "password", "name", "friends"]
    assert user["id"].read_only and user["password"].write_only
    view = spec[comps("UserInput")]
    assert isinstance(view, ObjectModel)
    assert list(fields(view)) == ["password", "name", "friends"]  # writeOnly kept
    assert fields(view)["friends"].type == ArrayType(RefType(comps("UserInput")))
    assert view.location == spec[comps("User")].location
    assert fields(spec[ops("UpdateLinkRequestBody")])["owner"].type == RefType(comps("UserInput"))


def test_read_only_fields_of_inline_request_models_are_dropped(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    post:
      operationId: makeA
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                id: {type: string, readOnly: true}
                secret: {type: string, writeOnly: true}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string, readOnly: true}
"""
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    collector = Collector()
    got = {d.name: d for d in read_openapi(path, "spec.yaml", collector)}
    assert collector.problems == []
    assert list(fields(got[ops("MakeARequestBody")])) == ["secret"]
    assert list(fields(got[ops("MakeAResponseBody")])) == ["id"]


def test_a_body_named_like_a_parameter_gets_a_field_of_its_own() -> None:
    spec = Path(__file__).parent / "fixtures" / "operations" / "body_named_like_a_parameter.yaml"
    collector = Collector()
    found = {d.name: d for d in read_openapi(spec, spec.name, collector)}
    request = found[ops("PatchDatabaseRequest")]
    assert isinstance(request, ObjectModel)
    assert [f.name for f in request.fields] == [
        "database",
        "databaseRequestBody",
        "databaseRequestBody2",
    ]
    assert request.fields[2].type == RefType(comps("Database"))
    assert collector.warnings == [] and collector.problems == []
