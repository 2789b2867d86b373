"""``<Op>Request.to_request()``: the python target builds HTTP requests by OpenAPI's style rules.

The style table examples are worked by hand from the OpenAPI Specification's
"Style Examples" (a parameter ``color`` with the values ``"blue"``,
``["blue", "black", "brown"]`` and ``{"R": 100, "G": 200, "B": 150}``),
following RFC 6570 where the 3.0 table's label rows were later corrected.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.cli import main

SPEC = Path(__file__).parent / "fixtures" / "operations" / "requests.yaml"
PACKAGE = "reqmodels"

STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("requests")
    argv = ["generate", "--spec", str(SPEC), "--target", "python", "--out", str(folder)]
    assert main([*argv, "--package", PACKAGE]) == 0
    root = folder / "python"
    sys.path.insert(0, str(root))
    sys.dont_write_bytecode, before = True, sys.dont_write_bytecode
    try:
        yield root
    finally:
        sys.dont_write_bytecode = before
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def http(package: Path) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}._http")


@pytest.fixture(scope="module")
def operations(package: Path) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.operations")


# (where, style, explode, value, expected): path values are what replaces ``{color}``,
# query values the query string, header values the header's value.
STYLE_TABLE: list[tuple[str, str, bool, Any, str]] = [
    ("path", "matrix", False, None, ";color"),
    ("path", "matrix", False, STRING, ";color=blue"),
    ("path", "matrix", False, ARRAY, ";color=blue,black,brown"),
    ("path", "matrix", False, OBJECT, ";color=R,100,G,200,B,150"),
    ("path", "matrix", True, STRING, ";color=blue"),
    ("path", "matrix", True, ARRAY, ";color=blue;color=black;color=brown"),
    ("path", "matrix", True, OBJECT, ";R=100;G=200;B=150"),
    ("path", "label", False, None, "."),
    ("path", "label", False, STRING, ".blue"),
    ("path", "label", False, ARRAY, ".blue,black,brown"),
    ("path", "label", False, OBJECT, ".R,100,G,200,B,150"),
    ("path", "label", True, STRING, ".blue"),
    ("path", "label", True, ARRAY, ".blue.black.brown"),
    ("path", "label", True, OBJECT, ".R=100.G=200.B=150"),
    ("path", "simple", False, STRING, "blue"),
    ("path", "simple", False, ARRAY, "blue,black,brown"),
    ("path", "simple", False, OBJECT, "R,100,G,200,B,150"),
    ("path", "simple", True, STRING, "blue"),
    ("path", "simple", True, ARRAY, "blue,black,brown"),
    ("path", "simple", True, OBJECT, "R=100,G=200,B=150"),
    ("query", "form", False, None, "color="),
    ("query", "form", False, STRING, "color=blue"),
    ("query", "form", False, ARRAY, "color=blue,black,brown"),
    ("query", "form", False, OBJECT, "color=R,100,G,200,B,150"),
    ("query", "form", True, STRING, "color=blue"),
    ("query", "form", True, ARRAY, "color=blue&color=black&color=brown"),
    ("query", "form", True, OBJECT, "R=100&G=200&B=150"),
    ("query", "spaceDelimited", False, ARRAY, "color=blue%20black%20brown"),
    ("query", "spaceDelimited", False, OBJECT, "color=R%20100%20G%20200%20B%20150"),
    ("query", "pipeDelimited", False, ARRAY, "color=blue|black|brown"),
    ("query", "pipeDelimited", False, OBJECT, "color=R|100|G|200|B|150"),
    ("query", "deepObject", True, OBJECT, "color[R]=100&color[G]=200&color[B]=150"),
    ("header", "simple", False, STRING, "blue"),
    ("header", "simple", False, ARRAY, "blue,black,brown"),
    ("header", "simple", False, OBJECT, "R,100,G,200,B,150"),
    ("header", "simple", True, OBJECT, "R=100,G=200,B=150"),
]


@pytest.mark.parametrize(("where", "style", "explode", "value", "expected"), STYLE_TABLE)
def test_the_specifications_style_examples(
    http: ModuleType, where: str, style: str, explode: bool, value: Any, expected: str
) -> None:
    param = http.Param("color", "color", where, style, explode)
    request = http.build(http.Endpoint("GET", "/p/{color}", param), {"color": value})
    got = {
        "path": request.path.removeprefix("/p/"),
        "query": request.query,
        "header": request.headers.get("color"),
    }[where]
    assert got == expected


def test_values_are_percent_encoded_in_path_and_query(http: ModuleType) -> None:
    endpoint = http.Endpoint(
        "GET",
        "/files/{name}",
        http.Param("name", "name", "path", "simple", False),
        http.Param("q", "q", "query", "form", True),
        http.Param("next", "next", "query", "form", True, allow_reserved=True),
    )
    data = {"name": "a b/c?d", "q": "x&y=z é", "next": "/a?b=c"}
    request = http.build(endpoint, data)
    assert request.path == "/files/a%20b%2Fc%3Fd"
    assert request.query == "q=x%26y%3Dz%20%C3%A9&next=/a?b=c"
    assert request.target == "/files/a%20b%2Fc%3Fd?" + request.query


def test_a_generated_request_class_builds_its_request(operations: ModuleType) -> None:
    request_class = operations.UpdateColorRequest
    body = operations.UpdateColorRequestBody(name="Ada", mode=operations.Mode.FAST)
    instance = request_class(
        id_=7,
        color=["red", "dark blue"],
        tags=["a", "b"],
        rgb=importlib.import_module(f"{PACKAGE}.components").RGB(r=1, g=2),
        redirect="/next?x=1",
        x_request_id="r-1",
        x_ids=[1, 2],
        session="s=1",
        request_body=body,
    )
    request = instance.to_request()
    assert request.method == "PUT"
    assert request.path == "/users/7/colors/.red.dark%20blue"
    assert request.query == "tags=a&tags=b&rgb[R]=1&rgb[G]=2&redirect=/next?x=1"
    assert request.headers == {"X-Request-Id": "r-1", "X-Ids": "1,2"}
    assert request.cookies == {"session": "s=1"}
    assert request.body == {"name": "Ada", "mode": "fast"}
    assert request.media_type == "application/json"
    assert request.content() == b'{"name":"Ada","mode":"fast"}'


def test_unset_parameters_are_left_out(operations: ModuleType) -> None:
    request = operations.SearchRequest(q="x y").to_request()
    assert (request.method, request.target) == ("GET", "/search?q=x%20y")
    assert request.headers == {} and request.cookies == {} and request.content() is None


def test_a_parameter_given_by_json_content_is_sent_as_json(operations: ModuleType) -> None:
    request = operations.SearchRequest(q="x", filter_=operations.Filter(a=1)).to_request()
    assert request.query == "q=x&filter=%7B%22a%22%3A1%7D"


def test_request_classes_know_their_endpoint(operations: ModuleType) -> None:
    endpoint = operations.UpdateColorRequest._endpoint_
    assert (endpoint.method, endpoint.path, endpoint.body) == (
        "PUT",
        "/users/{id}/colors/{color}",
        "requestBody",
    )
    assert [(p.name, p.where, p.style, p.explode) for p in endpoint.params][:2] == [
        ("id", "path", "simple", False),
        ("color", "path", "label", True),
    ]
    assert not hasattr(operations.UpdateColorRequestBody, "to_request")


RULES = "E,F,W,I,B,UP,SIM,RUF023"


def test_the_package_is_lint_clean(package: Path) -> None:
    import subprocess

    for command in (
        ["black", "--check", "-q", "."],
        ["ruff", "check", "--no-cache", "--isolated", "--select", RULES, "--ignore", "E501", "."],
        ["ruff", "check", "--no-cache", "--isolated", "."],
        ["mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "-p", PACKAGE],
    ):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=package, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
