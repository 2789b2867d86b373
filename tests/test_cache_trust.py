"""The cache never decides the bytes: whatever ran into an out folder before (other options,
``--no-cache``, another working folder, an edit), a cached run writes what a run without a cache
writes into an empty folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cache.store import CACHE_DIR
from generator.cli import main

SPEC = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Link:
      type: object
      description: A short link.
      required: [url]
      properties:
        url: {type: string, format: uri, description: Where it goes.}
        made: {type: string, format: date-time, description: When it was made.}
    Tag:
      type: object
      description: A tag.
      properties:
        label: {type: string, description: The label.}
"""


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE_DIR not in p.parts
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    return tmp_path


def _generate(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    *extra: str,
    out: str = "out",
    cwd: str = ".",
) -> None:
    folder = project / cwd
    monkeypatch.chdir(folder)
    spec = Path("..") / "spec" if cwd != "." else Path("spec")
    target = Path("..") / out if cwd != "." else Path(out)
    code = main(
        ["generate", "--spec", str(spec), "--out", str(target), "--target", "python", *extra]
    )
    assert code == 0


def _fresh(project: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> dict[str, bytes]:
    """What a run without a cache writes into an empty folder."""
    shutil.rmtree(project / "fresh", ignore_errors=True)
    _generate(project, monkeypatch, *extra, "--no-cache", out="fresh")
    return _tree(project / "fresh")


def _edit(project: Path, old: str, new: str) -> None:
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    assert old in text
    spec.write_text(text.replace(old, new), encoding="utf-8")


def test_a_no_cache_run_with_other_options_is_not_taken_for_the_cached_one(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--formats assert, then --formats annotate --no-cache, then an edit and --formats assert:
    the unchanged modules on disk are the annotate ones, and must not be reused."""
    _generate(project, monkeypatch, "--formats", "assert")
    _generate(project, monkeypatch, "--formats", "annotate", "--no-cache")
    _edit(project, "description: The label.", "description: The tag's label.")
    _generate(project, monkeypatch, "--formats", "assert")
    assert _tree(project / "out") == _fresh(project, monkeypatch, "--formats", "assert")
    assert main(["check", "--spec", "spec", "--out", "out", "--target", "python"]) == 0
    assert (
        main(["check", "--spec", "spec", "--out", "out", "--target", "python", "--no-cache"]) == 0
    )


def test_without_a_config_output_does_not_depend_on_the_working_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Validation-rule keys name the spec from the inputs' folder: the same inputs give the same
    bytes run from the project or from a folder below it, through the cache or not."""
    _generate(project, monkeypatch)
    first = _tree(project / "out")
    _edit(project, "description: The label.", "description: The tag's label.")
    _generate(project, monkeypatch, cwd="sub")
    second = _tree(project / "out")
    assert second == _fresh(project, monkeypatch)
    assert first.keys() == second.keys()
    rules = second["python/models/_schemas.py"].decode("utf-8")
    assert "openapi.yaml#/components/schemas/Link" in rules
    assert "spec/openapi.yaml" not in rules and "../" not in rules


SEQUENCES = {
    "options, no-cache, edit": [
        ("run", ("--formats", "annotate")),
        ("run", ("--formats", "assert", "--no-cache")),
        ("edit", ("Where it goes.", "Its address.")),
        ("run", ("--formats", "annotate")),
    ],
    "two folders, edits between": [
        ("run", ()),
        ("edit", ("A tag.", "A tag on a link.")),
        ("run-below", ()),
        ("edit", ("When it was made.", "When it was created.")),
        ("run", ()),
        ("run-below", ("--formats", "annotate")),
    ],
    "a package renamed and back": [
        ("run", ("--package", "one")),
        ("run", ("--package", "two", "--no-cache")),
        ("edit", ("The label.", "Its label.")),
        ("run", ("--package", "one")),
        ("run", ("--package", "two")),
    ],
}


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_every_cached_run_writes_what_a_run_without_cache_writes(
    name: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for step, values in SEQUENCES[name]:
        if step == "edit":
            _edit(project, *values)
            continue
        _generate(project, monkeypatch, *values, cwd="sub" if step == "run-below" else ".")
        assert _tree(project / "out") == _fresh(project, monkeypatch, *values), (step, values)


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("fragments.json", "Where it goes.", "Altered in the cache."),
        ("snapshot.json", "When it was made.", "Altered in the cache."),
    ],
)
def test_a_cache_file_altered_since_it_was_written_is_not_read(
    name: str,
    old: str,
    new: str,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A memo edited (still valid JSON) is a cache miss: its text never reaches the output."""
    _generate(project, monkeypatch, "--target", "docs-go")
    (memo,) = (project / CACHE_DIR).glob(f"*/{name}")
    text = memo.read_text(encoding="utf-8")
    assert old in text
    memo.write_text(text.replace(old, new), encoding="utf-8")
    _edit(project, "description: The label.", "description: The tag's label.")  # Link is reused
    _generate(project, monkeypatch, "--target", "docs-go")
    written = _tree(project / "out")
    assert not any(new.encode() in data for data in written.values())
    assert written == _fresh(project, monkeypatch, "--target", "docs-go")


def test_a_sealed_file_altered_or_cut_is_refused() -> None:
    from generator.sealed import seal, unseal

    raw = seal({"pieces": {"a": "x = 1\n"}})
    assert unseal(raw) == {"pieces": {"a": "x = 1\n"}}
    for altered in (raw.replace(b"x = 1", b"x = 2"), raw[:-3], raw.split(b"\n", 1)[1], b""):
        with pytest.raises(ValueError):
            unseal(altered)


def test_a_record_altered_since_it_was_written_is_not_read(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The record an unchanged run trusts (its warnings, its manifest digest) is sealed: a forged
    warning written into it is never printed, and the run renders again to the same bytes."""
    import json

    _generate(project, monkeypatch)
    (record,) = (project / CACHE_DIR).glob("*/run.json")
    seal_line, body = record.read_bytes().split(b"\n", 1)
    data = json.loads(body)
    data["warnings"] = [["spec/openapi.yaml", 1, None, "forged in the cache"]]
    record.write_bytes(seal_line + b"\n" + json.dumps(data).encode())
    capsys.readouterr()
    _generate(project, monkeypatch, "--strict")
    assert "forged in the cache" not in capsys.readouterr().err
    assert _tree(project / "out") == _fresh(project, monkeypatch)
