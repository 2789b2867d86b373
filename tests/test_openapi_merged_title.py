"""An ``allOf`` merge named by a merged part's title (``models.merged_name_source``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Collector
from generator.inputs.openapi.reader import read_openapi_spec

SPEC = """openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /clients:
    get:
      operationId: clientsList
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - $ref: '#/components/schemas/PaginatedList'
                  - {type: object, properties: {data: {type: array, items: {type: string}}}}
  /series:
    get:
      operationId: seriesList
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - $ref: '#/components/schemas/PaginatedList'
                  - {type: object, properties: {data: {type: array, items: {type: integer}}}}
  /addresses:
    get:
      operationId: addAddress
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - $ref: '#/components/schemas/Address'
                  - {type: object, properties: {default: {type: boolean}}}
  /own:
    get:
      operationId: own
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                title: OwnPage
                allOf:
                  - $ref: '#/components/schemas/PaginatedList'
                  - {type: object, properties: {extra: {type: string}}}
components:
  schemas:
    PaginatedList:
      title: PaginatedList
      type: object
      properties: {has_more: {type: boolean}}
    Address:
      type: object
      properties: {street: {type: string}}
"""


@pytest.mark.parametrize("naming", ["speakeasy-2023", "speakeasy-2025"])
def test_a_merge_takes_a_titled_parts_name(tmp_path: Path, naming: str) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(SPEC, encoding="utf-8")
    collector = Collector()
    names = {
        str(d.name)
        for d in read_openapi_spec(path, "openapi.yaml", collector, naming).definitions
    }
    assert not collector.problems
    # the merge's own title first; a part without a title leaves the body's name
    assert "operations.OwnPage" in names
    assert "operations.AddAddressResponseBody" in names
    assert "operations.ClientsListResponseBody" not in names
    if naming == "speakeasy-2025":  # asked twice and a named schema's: the owner in front
        assert {"operations.ClientsListPaginatedList", "operations.SeriesListPaginatedList"} <= names
    else:  # the first keeps the short name, the next has its owner in front
        assert {"operations.PaginatedList", "operations.SeriesListPaginatedList"} <= names
