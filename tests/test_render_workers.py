"""Rendering on two cores: the same files, in the same order, with the same errors as one core."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.diagnostics import SpecloomError
from generator.inputs.collect import read_inputs
from generator.ir import (
    Definition,
    EnumModel,
    EnumValue,
    Location,
    Schema,
    TypeName,
    sort_definitions,
)
from generator.render import workers
from generator.render.renderer import render_files
from generator.render.targets import Options

needs_fork = pytest.mark.skipif(not workers.can_fork(), reason="no safe fork or one core here")


@pytest.fixture
def worker_first(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The worker takes every job: this process takes its share (none left) only once the
    worker has emptied the queue or failed, which it tells through a pipe; no clock waits.
    For one ``run_jobs`` per test (its single fork inherits the pipe)."""
    parent = os.getpid()
    take_jobs = workers._take_jobs
    done_read, done_write = os.pipe()
    open_here = [done_write]

    def worker_first_take(*args: object) -> object:
        if os.getpid() != parent:  # the worker: say when it is out of jobs, or failed
            try:
                return take_jobs(*args)  # type: ignore[arg-type]
            finally:
                os.write(done_write, b"x")
        while open_here:  # end of file here, not a hang, if the worker ends without a word
            os.close(open_here.pop())
        os.read(done_read, 1)
        return take_jobs(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "_take_jobs", worker_first_take)
    try:
        yield
    finally:
        os.close(done_read)
        for fd in open_here:
            os.close(fd)


@needs_fork
def test_jobs_come_back_in_order_with_the_workers_state() -> None:
    results, state = workers.run_jobs(lambda i: (i * i, os.getpid()), 500, lambda: "worker", 2)
    assert [value for value, _ in results] == [i * i for i in range(500)]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids or len(pids) == 1  # the worker may take every job on a busy machine
    assert state == "worker"


def test_few_jobs_run_here_without_a_worker() -> None:
    results, state = workers.run_jobs(lambda i: os.getpid(), 3, lambda: "worker")
    assert results == [os.getpid()] * 3 and state is None


@needs_fork
@pytest.mark.usefixtures("worker_first")
def test_a_crash_in_the_worker_is_raised_here() -> None:
    parent = os.getpid()

    def job(index: int) -> int:
        if os.getpid() != parent:
            raise ValueError("boom in the worker")
        return index

    with pytest.raises(RuntimeError, match="boom in the worker"):
        workers.run_jobs(job, 100, min_jobs=2)


def _enums(count: int) -> Schema:
    definitions: list[Definition] = [
        EnumModel(
            TypeName("components", f"Mode{index}"),
            (EnumValue("a", Location("x")), EnumValue(f"b{index}|x", Location("x"))),
            Location("x"),
            description=f"Mode {index}.",
        )
        for index in range(count)
    ]
    return Schema(sort_definitions(definitions))


@needs_fork
def test_two_cores_render_what_one_core_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = _enums(300)
    targets = ["python", "docs-go", "docs-typescript"]
    parallel = render_files(schema, targets, Options()).files
    monkeypatch.setattr(workers, "MIN_JOBS", 10**9)
    serial = render_files(schema, targets, Options()).files
    assert list(parallel) == list(serial) and parallel == serial
    assert len(serial) > 600


@needs_fork
def test_the_first_template_error_in_file_order_is_raised(tmp_path: Path) -> None:
    custom = tmp_path / "templates" / "docs-go"
    custom.mkdir(parents=True)
    (custom / "enum.md.jinja").write_text(
        "{% if model.name.name in ('Mode120', 'Mode250') %}{{ model.nothing.deeper }}{% endif %}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecloomError) as raised:
        render_files(_enums(300), ["docs-go"], Options(), [tmp_path / "templates"])
    (problem,) = raised.value.problems
    assert problem.location.file.endswith("enum.md.jinja") and problem.location.line == 1
    assert "nothing" in problem.message


@needs_fork
@pytest.mark.usefixtures("worker_first")
def test_custom_templates_loaded_by_the_worker_count_as_used(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "docs-go").mkdir(parents=True)
    (folder / "docs-go" / "enum.md.jinja").write_text(
        "{% include 'docs-go/' ~ 'values.jinja' %}\n", encoding="utf-8"
    )
    (folder / "docs-go" / "values.jinja").write_text("{{ model.name.name }}", encoding="utf-8")
    rendering = render_files(_enums(300), ["docs-go"], Options(), [folder])
    assert rendering.files["docs-go/models/components/mode7.md"] == "Mode7"
    assert rendering.warnings == []  # values.jinja is only ever loaded by a computed name


def test_the_project_spec_renders_alike_on_one_and_two_cores(
    monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    schema = read_inputs([project / "spec"])
    monkeypatch.setattr(workers, "MIN_JOBS", 2)
    parallel = render_files(schema, ["python", "docs-go"], Options()).files
    monkeypatch.setattr(workers, "MIN_JOBS", 10**9)
    assert render_files(schema, ["python", "docs-go"], Options()).files == parallel


def test_with_other_threads_running_no_worker_is_forked() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        results, state = workers.run_jobs(lambda i: os.getpid(), 500, lambda: "worker", 2)
    finally:
        release.set()
        thread.join()
    assert results == [os.getpid()] * 500 and state is None


@pytest.mark.parametrize("min_jobs", [2, 10**9])
def test_side_tasks_come_back_in_order_with_the_files(
    monkeypatch: pytest.MonkeyPatch, min_jobs: int
) -> None:
    monkeypatch.setattr(workers, "MIN_JOBS", min_jobs)
    schema = _enums(100)
    side = [lambda n=n: n * n for n in range(20)]
    rendering = render_files(schema, ["docs-go"], Options(), side=side)
    assert rendering.side == [n * n for n in range(20)]
    assert rendering.files == render_files(schema, ["docs-go"], Options()).files


def test_the_snapshot_encoded_in_tasks_makes_the_same_manifest(
    monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    from generator.output import snapshot as snapshots
    from generator.output.manifest import manifest_text
    from generator.output.snapshot import schema_snapshot, snapshot_tasks

    schema = read_inputs([project / "spec"])
    monkeypatch.setattr(snapshots, "SNAPSHOT_CHUNK", 1)  # several tasks for each list
    tasks, assemble = snapshot_tasks(schema)
    assert len(tasks) > 2
    rendering = render_files(schema, ["python"], Options(), side=tasks)
    encoded = assemble(rendering.side)
    files = {"a.txt": b"a"}
    assert manifest_text(files, encoded) == manifest_text(files, schema_snapshot(schema))
    assert len(encoded.definitions) == len(schema.definitions)
