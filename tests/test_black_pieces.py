"""Black piece by piece (``generator.render.black_pieces``): the same bytes as black on the whole
module, a re-run formats only the pieces that changed, and the memo is never taken for another
formatter."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator.render import black_pieces
from generator.render.black_pieces import format_in_pieces


def _module(count: int, marker: str = "") -> str:
    """A long module written the way people write, with what black treats specially."""
    parts = [
        '"""A module."""\nfrom __future__ import annotations\nimport os\nfirst = 1; second = 2\n'
    ]
    for number in range(count):
        parts.append(
            f"# model {number}\n"
            f"@dataclass( frozen = True )\nclass Model{number}( Base ):\n"
            f"    '''Model {number}.{marker if number == count // 2 else ''}'''\n"
            f"    name : str='n{number}'\n    size:int = {number}\n"
            f"    def summary(self)->str:\n        return self.name+'x'\n"
        )
        if number % 40 == 7:
            parts.append('"""A string on its own."""\nvalue = [1,\n  2]\n')
        if number % 40 == 19:  # split by black: a trailing comma after **kwargs only for py36+
            parts.append(
                f"def build_{number}(first_argument_name, second_argument_name, third_one, "
                "*positional_arguments, **keyword_arguments): return first_argument_name\n"
            )
    parts.append("LAST = f'{os.sep}'  # an f-string: py36+\n")
    return "\n".join(parts)


COUNT = 260
"""Models in the module (about 48 kB, six pieces)."""


class _Calls:
    """Spy on black.format_str: the sizes of the texts it formats."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sizes: list[int] = []
        real = black.format_str

        def spy(text: str, *, mode: black.Mode) -> str:
            self.sizes.append(len(text))
            return real(text, mode=mode)

        monkeypatch.setattr(black, "format_str", spy)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    (tmp_path / ".specloom-cache").mkdir()
    return tmp_path / ".specloom-cache"


def test_pieces_give_black_s_bytes_and_a_re_run_formats_only_the_changed_piece(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mode = black.Mode()
    text = _module(COUNT)
    assert len(text) > black_pieces.SHORTEST
    whole = black.format_str(text, mode=mode)
    assert "    **keyword_arguments,\n" in whole  # the f-string at the end decides it
    calls = _Calls(monkeypatch)
    assert format_in_pieces(text, mode, "black x", cache, "m.py") == whole
    edited = _module(COUNT, " Changed.")
    calls.sizes.clear()
    result = format_in_pieces(edited, mode, "black x", cache, "m.py")
    sizes = list(calls.sizes)
    assert result == black.format_str(edited, mode=mode)
    assert sizes and max(sizes) < len(edited) // 4, sizes
    # an edit further on, after the first: each format is still black's
    again = _module(COUNT, " Changed again.").replace("Model 3.", "Model three.")
    assert format_in_pieces(again, mode, "black x", cache, "m.py") == black.format_str(
        again, mode=mode
    )


def test_the_memo_is_kept_per_formatter_and_per_path(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mode = black.Mode()
    text = _module(COUNT)
    format_in_pieces(text, mode, "black x", cache, "m.py")
    calls = _Calls(monkeypatch)
    assert format_in_pieces(text, mode, "black x", cache, "m.py") is not None
    assert calls.sizes == []  # everything remembered
    short = black.Mode(line_length=60)
    assert format_in_pieces(text, short, "black y", cache, "m.py") == black.format_str(
        text, mode=short
    )
    assert calls.sizes  # another formatter: formatted again


def test_two_out_folders_under_one_cache_keep_a_memo_each(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render.formatting import Formatter

    text = _module(COUNT)
    edited = _module(COUNT, " Changed.")
    first = Formatter("black", None, cache, "/project/out")
    second = Formatter("black", None, cache, "/project/fresh")
    assert first.format(text, "m.py") == black.format_str(text, mode=black.Mode())
    assert second.format(edited, "m.py") == black.format_str(edited, mode=black.Mode())
    calls = _Calls(monkeypatch)
    first.format(text, "m.py")
    second.format(edited, "m.py")
    assert calls.sizes == []  # neither overwrote the other's memo


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text + "# fmt: off\nx = [1,2]\n# fmt: on\n",
        lambda text: text.replace("\n", "\r\n"),
        lambda text: text + "def broken(:\n",
        lambda text: text[: black_pieces.SHORTEST // 4],
    ],
)
def test_what_pieces_cannot_do_is_left_to_black_on_the_whole_module(cache: Path, change) -> None:  # type: ignore[no-untyped-def]
    assert format_in_pieces(change(_module(COUNT)), black.Mode(), "black x", cache, "m.py") is None


def test_nothing_is_remembered_without_a_cache_folder(tmp_path: Path) -> None:
    text = _module(COUNT)
    assert format_in_pieces(text, black.Mode(), "black x", None, "m.py") is None
    missing = tmp_path / "absent"
    assert format_in_pieces(text, black.Mode(), "black x", missing, "m.py") == black.format_str(
        text, mode=black.Mode()
    )
    assert not missing.exists()
