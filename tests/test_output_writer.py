"""Writing the out folder: all files or none, unchanged files left alone, the manifest read fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.diagnostics import SpecloomError
from generator.output.manifest import MANIFEST_NAME, manifest_files, manifest_text, read_manifest
from generator.output.writer import write_output

FILES = {
    "python/models/__init__.py": "",
    "python/models/components.py": "X = 1\n",
    "docs-go/models/components/mode.md": "# Mode\n",
    "docs-go/models/operations/run.md": "# Run ünïcode\n",
}
SNAPSHOT = {"format": 1, "definitions": [{"node": "EnumModel", "files": {"a": "b"}}]}


def tree(out: Path) -> dict[str, bytes]:
    """Every file below ``out`` (hidden ones included) by relative path."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def test_a_fresh_folder_gets_every_file_and_the_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert write_output(out, FILES, SNAPSHOT) == sorted(FILES)
    written = tree(out)
    assert {path: data.decode() for path, data in written.items() if path != MANIFEST_NAME} == FILES
    manifest = written[MANIFEST_NAME].decode()
    assert manifest == manifest_text({p: t.encode() for p, t in FILES.items()}, SNAPSHOT)
    assert read_manifest(out) == json.loads(manifest)["files"]


def test_a_second_run_rewrites_nothing_that_did_not_change(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output(out, FILES, SNAPSHOT)
    inodes = {path: (out / path).stat().st_ino for path in [*FILES, MANIFEST_NAME]}
    assert write_output(out, FILES, SNAPSHOT) == []
    assert {path: (out / path).stat().st_ino for path in inodes} == inodes

    changed = {**FILES, "python/models/components.py": "X = 2\n"}
    assert write_output(out, changed, SNAPSHOT) == ["python/models/components.py"]
    assert (out / "docs-go/models/components/mode.md").stat().st_ino == inodes[
        "docs-go/models/components/mode.md"
    ]
    assert (out / MANIFEST_NAME).stat().st_ino != inodes[MANIFEST_NAME]  # new hash listed


def test_files_no_longer_made_are_removed_with_their_empty_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output(out, FILES)
    fewer = {k: v for k, v in FILES.items() if "operations" not in k}
    assert write_output(out, fewer) == ["docs-go/models/operations/run.md"]
    assert not (out / "docs-go/models/operations").exists()


def test_a_file_specloom_did_not_write_stops_everything(tmp_path: Path) -> None:
    out = tmp_path / "out"
    mine = out / "docs-go/models/components/mode.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("mine\n", encoding="utf-8")
    folder = out / "python/models/components.py"
    folder.mkdir(parents=True)
    with pytest.raises(SpecloomError) as raised:
        write_output(out, FILES)
    assert [str(problem.location) for problem in raised.value.problems] == [
        str(folder),
        str(mine),
    ]
    assert tree(out) == {"docs-go/models/components/mode.md": b"mine\n"}


def test_identical_contents_in_place_are_adopted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    same = out / "python/models/components.py"
    same.parent.mkdir(parents=True)
    same.write_text(FILES["python/models/components.py"], encoding="utf-8")
    assert "python/models/components.py" not in write_output(out, FILES)
    assert "python/models/components.py" in read_manifest(out)


def test_a_failed_write_removes_what_it_staged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    write_output(out, FILES)
    before = tree(out)
    from generator.output import writer

    real = writer._write_file
    calls = []

    def failing(folder: int, name: str, data: bytes) -> None:
        calls.append(name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(folder, name, data)

    monkeypatch.setattr(writer, "_write_file", failing)
    with pytest.raises(SpecloomError, match="No space"):
        write_output(out, {path: text + "changed\n" for path, text in FILES.items()})
    assert len(calls) == 3
    assert tree(out) == before  # no temporary file left, no file replaced


def test_the_listing_is_read_without_the_snapshot_and_like_json(tmp_path: Path) -> None:
    text = manifest_text({"a/b.md": b"x", 'c/"q".md': b"y"}, SNAPSHOT)
    assert manifest_files(text) == json.loads(text)["files"]
    reindented = json.dumps(json.loads(text), indent=4)  # edited by hand: read in full
    assert manifest_files(reindented) == json.loads(text)["files"]
    assert manifest_files(manifest_text({})) == {}
    assert manifest_files("{broken") == {} and manifest_files("[]") == {}


def test_files_of_folders_the_run_made_are_moved_without_looking_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from generator.output import writer

    looked: list[str] = []
    real = writer._has

    def spy(folder: int, name: str) -> bool:
        looked.append(name)
        return real(folder, name)

    monkeypatch.setattr(writer, "_has", spy)
    out = tmp_path / "out"
    write_output(out, {**FILES, "top.txt": "t\n"})
    assert tree(out) == {
        **{path: text.encode() for path, text in FILES.items()},
        "top.txt": b"t\n",
        MANIFEST_NAME: tree(out)[MANIFEST_NAME],
    }
    assert looked == []  # every folder is new, the out folder too
    looked.clear()
    changed = {**FILES, "python/models/components.py": "X = 2\n", "docs-go/new/a.md": "# A\n"}
    write_output(out, changed)
    assert (out / "python/models/components.py").read_text() == "X = 2\n"
    assert (out / "docs-go/new/a.md").read_text() == "# A\n"
    # replaced (backed up first), and the manifest; docs-go/new is new
    assert sorted(looked) == [MANIFEST_NAME, "components.py"]
    assert not (out / "top.txt").exists()
