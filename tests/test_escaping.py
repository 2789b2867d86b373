"""Text and names from a hostile spec never break, inject into or leak out of generated code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

HOSTILE = Path(__file__).parent / "fixtures" / "escaping" / "hostile.yaml"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    assert main(["generate", "--spec", str(HOSTILE), "--out", str(folder)]) == 0
    return folder


def test_module_is_exactly_the_expected_statements(out: Path) -> None:
    source = (out / "python" / "models" / "operations.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    called = {ast.unparse(call.func) for call in calls}
    assert "__import__" not in called and "os.system" not in source.replace("'os').system", "")
    assert "pwned" in source  # the text is there, inside a docstring only
    docstrings = [ast.get_docstring(n) or "" for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    assert any("pwned" in doc for doc in docstrings)


def test_generated_code_passes_the_gates(out: Path) -> None:
    python = out / "python"
    for command in (
        ["black", "--check", "--diff", "."],
        ["ruff", "check", "--no-cache", "--isolated", "."],
        ["mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "-p", "models"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=python, capture_output=True, text=True
        )
        assert result.returncode == 0, f"{command[0]}: {result.stdout}{result.stderr}"


def test_names_are_safe_and_wire_names_kept(out: Path) -> None:
    code = (
        "import sys; sys.path.insert(0, '.')\n"
        "from models.operations import CreateThingRequestBody as B, Kind\n"
        "payload = {'class': 'c', 'x\"; import os; #': 1, '1st-place': True, 'to_dict': 'a', 'toDict': 'b',"
        " 'pattern': 'abc1', 'kind': 'say \"hi\"'}\n"
        "body = B.from_dict(payload)\n"
        "assert body.to_dict() == payload, body.to_dict()\n"
        "assert body.class_ == 'c' and body.to_dict_ == 'a' and body.to_dict_2 == 'b'\n"
        "assert [m.value for m in Kind] == [\"it's\", 'say \"hi\"', 'back\\\\slash', '', '1', 'async', 'None']\n"
        "assert B.validate({**payload, 'pattern': 'ABC'})[0].path == '/pattern'\n"
        "assert B.validate({**payload, 'x\"; import os; #': -1})[0].path == '/x\"; import os; #'\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-B", "-c", code], cwd=out / "python", capture_output=True, text=True
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_markdown_cells_escape_pipes_and_newlines(out: Path) -> None:
    doc = (out / "docs-go" / "models" / "operations" / "createthingrequestbody.md").read_text(
        encoding="utf-8"
    )
    row = next(line for line in doc.splitlines() if line.startswith("| `Pattern`"))
    assert "\\| pipe \\|" in row
    header = next(line for line in doc.splitlines() if line.startswith("| Field"))
    assert row.count(" | ") == header.count(" | ")  # still as many cells as the header
    assert "Ends the docstring early?" in doc
