"""Bodies of an SDK without wrappers named after the method (``generator.ir.flat_names``), and
the docs deciding it (``sdk_style.with_flat_names``)."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Collector
from generator.inputs.markdown.sdk_style import SdkStyle, with_flat_names
from generator.inputs.openapi.reader import OpenAPIRead, read_openapi_spec
from generator.ir import ObjectModel, RefType, TypeName
from generator.ir.flat_names import HEADERS
from generator.ir.sdk_wrappers import WrapperStyle, canonical, derive_wrappers

SPEC = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /webhooks:
    post:
      operationId: createWebhook
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {url: {type: string}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /addresses/{id}:
    put:
      operationId: editAddress
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {street: {type: string}}}
      responses:
        '200':
          description: ok
          headers:
            RateLimit-Limit: {schema: {type: integer}}
          content:
            application/json:
              schema: {type: object, properties: {street: {type: string}}}
"""

FLAT = WrapperStyle(wrappers=False, flat_names=True)


def read(tmp_path: Path) -> OpenAPIRead:
    path = tmp_path / "openapi.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    read = read_openapi_spec(path, "openapi.yaml", collector, "speakeasy-2025")
    assert not collector.problems
    return read


def models(tmp_path: Path, style: WrapperStyle) -> dict[str, ObjectModel]:
    spec = read(tmp_path)
    return {
        str(d.name): d
        for d in derive_wrappers(spec.definitions, spec.operations, style)
        if isinstance(d, ObjectModel)
    }


def test_inline_bodies_take_the_methods_names(tmp_path: Path) -> None:
    got = models(tmp_path, FLAT)
    # no parameters: the body is what the method takes
    assert "operations.CreateWebhookRequest" in got
    assert "operations.CreateWebhookRequestBody" not in got
    assert "operations.CreateWebhookResponse" in got
    assert "operations.CreateWebhookResponseBody" not in got
    # parameters: the request model holds them and the body keeps its name
    request = got["operations.EditAddressRequest"]
    body = TypeName("operations", "EditAddressRequestBody")
    assert RefType(body) in [field.type for field in request.fields]


def test_a_response_with_headers_is_a_model_of_headers_and_result(tmp_path: Path) -> None:
    wrapper = models(tmp_path, FLAT)["operations.EditAddressResponse"]
    fields = {field.name: (field.type, field.required) for field in wrapper.fields}
    assert fields == {
        "headers": (HEADERS, True),
        "result": (RefType(TypeName("operations", "EditAddressResponseBody")), True),
    }


def test_without_the_fact_or_with_wrappers_nothing_is_renamed(tmp_path: Path) -> None:
    got = models(tmp_path, WrapperStyle(wrappers=False))
    assert "operations.CreateWebhookResponseBody" in got
    assert "operations.EditAddressResponse" not in got
    assert not canonical(WrapperStyle(flat_names=True)).flat_names


def test_the_docs_decide(tmp_path: Path) -> None:
    spec = read(tmp_path)
    style = SdkStyle("speakeasy-2025", False, WrapperStyle(wrappers=False), {}, ())

    def doc(name: str) -> ObjectModel:
        return ObjectModel(TypeName("models", name), (), spec.definitions[0].location)

    new = [doc("CreateWebhookRequest"), doc("CreateWebhookResponse")]
    old = [doc("CreateWebhookRequestBody"), doc("CreateWebhookResponseBody")]
    decided = with_flat_names(style, new, spec.definitions, spec.operations)
    assert decided.wrappers.flat_names
    assert "bodies named after the method: True" in decided.evidence[-1]
    kept = with_flat_names(style, old, spec.definitions, spec.operations)
    assert not kept.wrappers.flat_names
