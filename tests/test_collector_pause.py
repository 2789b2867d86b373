"""The cyclic garbage collector is paused while inputs are read, and restored after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.collector_pause import collector_paused, without_collector
from generator.diagnostics import SpecloomError
from generator.inputs import collect


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


def test_paused_inside_and_restored_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_exception(collector_on: None) -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("bad input")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on: None) -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_decorated_function_keeps_its_result(collector_on: None) -> None:
    @without_collector
    def state(prefix: str) -> str:
        return f"{prefix}{gc.isenabled()}"

    assert state("enabled: ") == "enabled: False"
    assert gc.isenabled()


def test_inputs_are_read_with_the_collector_paused(
    collector_on: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = collect.find_inputs

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(collect, "find_inputs", spy)
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    collect.read_inputs([spec])
    assert seen == [False]
    assert gc.isenabled()
    spec.write_text("openapi: [\n")
    with pytest.raises(SpecloomError):
        collect.read_inputs([spec])
    assert gc.isenabled()


class _Tracked:
    """A container the collector tracks (instances of plain classes are)."""


def test_what_the_phase_made_goes_to_the_oldest_generation(collector_on: None) -> None:
    with collector_paused():
        made = _Tracked()
    assert any(item is made for item in gc.get_objects(generation=2))
    assert not any(item is made for item in gc.get_objects(generation=0))


def test_frozen_objects_stay_frozen(collector_on: None) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            _Tracked()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
