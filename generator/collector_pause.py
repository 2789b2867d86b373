"""Pause Python's cyclic garbage collector while a phase builds a large, acyclic structure.

Reading a big spec makes millions of containers (the document's values, their
line table, the IR) and frees almost none of them, yet each full collection
walks them all; on the biggest corpus spec those collections found nothing to
free (``benchmarks/read_speed.py`` shows what the pause saves).  Plain values,
line tables and the frozen IR hold no cycles, so reference counting frees them
as before; the collector runs again, as usual, once the phase is over.

When the phase ends, what it made goes straight to the oldest generation
(``gc.freeze`` then ``gc.unfreeze``, which move objects without looking at
them) rather than waiting in the youngest: the first young collection after a
big read would otherwise walk every value the read made (about 0.2 s on the
biggest corpus spec) to free a few cycles; a full collection still finds
those, as it finds any.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_T = TypeVar("_T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """The block runs with the cyclic collector off (left as it was when already off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # left alone when someone froze objects (for a fork)
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def without_collector(function: Callable[_P, _T]) -> Callable[_P, _T]:
    """``function`` runs inside ``collector_paused``."""

    @wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with collector_paused():
            return function(*args, **kwargs)

    return paused
