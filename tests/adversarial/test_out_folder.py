"""The out folder is written only through real folders: no symbolic link is followed, a
manifest entry outside it is refused before anything is touched, and a failed run leaves
it as it was."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from adversarial.helpers import CASES, run, tree
from generator.diagnostics import SpecloomError
from generator.output.manifest import MANIFEST_NAME
from generator.output.writer import write_output

SPEC = str(CASES / "small.yaml")


def generate(capsys: pytest.CaptureFixture[str], out: Path, *more: str) -> tuple[int, str, str]:
    return run(capsys, "generate", "--spec", SPEC, "--out", str(out), "--target", "python", *more)


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    """A folder beside the out folder holding a file nobody may touch."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_text("precious\n", encoding="utf-8")
    return folder


def test_a_symlinked_folder_in_the_out_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "python").symlink_to("../outside")
    before, before_out = tree(outside), tree(out)
    code, _, err = generate(capsys, out)
    assert code == 2
    assert f"{out}/python: is a symbolic link" in err and "Traceback" not in err
    assert tree(outside) == before and tree(out) == before_out


def test_stale_removal_never_deletes_through_a_symlink(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    assert generate(capsys, out)[0] == 0
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    victim_hash = hashlib.sha256((outside / "victim.txt").read_bytes()).hexdigest()
    manifest["files"]["link/victim.txt"] = victim_hash  # a committed, edited manifest
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    (out / "link").symlink_to("../outside")
    before = tree(out)
    code, _, err = generate(capsys, out)
    assert code == 2 and f"{out}/link: is a symbolic link" in err
    assert (outside / "victim.txt").read_text() == "precious\n"
    assert tree(out) == before


@pytest.mark.parametrize(
    "planted",
    [
        "python/models/.components.py.specloom-tmp",  # the old fixed temporary name
        "python/models/components.py",  # the file itself
        "python/models/__init__.py",
    ],
)
def test_a_symlink_at_a_file_name_is_never_written_through(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, outside: Path, planted: str
) -> None:
    out = tmp_path / "out"
    assert generate(capsys, out)[0] == 0
    link = out / planted
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(outside / "victim.txt", link.parent))
    if planted.endswith("specloom-tmp"):  # the file is edited, so it gets rewritten
        (out / "python/models/components.py").write_text("edited = 1\n")
    else:
        (out / MANIFEST_NAME).unlink()  # every file is considered again
    code, _, err = generate(capsys, out)
    assert (outside / "victim.txt").read_text() == "precious\n"
    assert link.is_symlink()  # neither written through nor replaced
    if planted.endswith("specloom-tmp"):  # not a name specloom uses any more
        assert code == 0
    else:
        assert code == 2 and f"{out}/{planted}: is a symbolic link" in err


@pytest.mark.parametrize(
    "entry", ["../victim.txt", "/etc/passwd", "a/../../victim.txt", "./x", "a//b", "c:\\x"]
)
def test_a_manifest_entry_outside_the_out_folder_is_refused_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, entry: str
) -> None:
    out = tmp_path / "out"
    assert generate(capsys, out)[0] == 0
    (tmp_path / "victim.txt").write_text("precious\n")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["files"][entry] = hashlib.sha256(b"precious\n").hexdigest()
    manifest["files"]["python/models/components.py"] = "0" * 64  # would be rewritten
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    before = tree(out)
    code, _, err = generate(capsys, out)
    assert code == 2, err
    assert f"{out}/{MANIFEST_NAME}: manifest entry" in err and "nothing was written" in err
    assert tree(out) == before and (tmp_path / "victim.txt").read_text() == "precious\n"


def test_the_out_folder_and_the_manifest_may_not_be_symlinks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    out.symlink_to("outside")
    code, _, err = generate(capsys, out)
    assert code == 2 and "the out folder is a symbolic link" in err
    assert tree(outside) == {"victim.txt": b"precious\n"}
    out.unlink()
    out.mkdir()
    (out / MANIFEST_NAME).symlink_to("../outside/victim.txt")
    for command in ("generate", "check"):
        code, stdout, err = run(capsys, command, "--spec", SPEC, "--out", str(out))
        assert code == 2 and f"{out}/{MANIFEST_NAME}: is a symbolic link" in err
        assert "precious" not in stdout + err
    assert (outside / "victim.txt").read_text() == "precious\n"


def test_check_never_reads_through_a_symlink(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    assert generate(capsys, out)[0] == 0
    secret = outside / "components.py"
    secret.write_text("SECRET_TOKEN = 'hunter2'\n")
    (out / "python/models/components.py").unlink()
    (out / "python/models/components.py").symlink_to(secret)
    code, stdout, err = run(
        capsys, "check", "--spec", SPEC, "--out", str(out), "--target", "python"
    )
    assert code == 2 and "is a symbolic link" in err
    assert "hunter2" not in stdout + err


def test_a_path_a_target_makes_outside_the_out_folder_is_bad_input(tmp_path: Path) -> None:
    for path in ("../x.md", "/abs.md", "a/./b.md", ""):
        with pytest.raises(SpecloomError, match="output path"):
            write_output(tmp_path / "out", {path: "x"})
    assert not (tmp_path / "out").exists()
