"""Garbage is collected on the GUI thread only (ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kurum_masaustu.ui.gc_guard import GuiThreadGarbageCollector, collect_due


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_nothing_is_collected_before_it_is_due_and_a_cycle_is_once_it_is(thresholds: None) -> None:
    gc.collect()
    gc.set_threshold(100_000, 10, 10)
    cycle = weakref.ref(_Node())
    assert collect_due() == 0
    assert cycle() is not None
    gc.set_threshold(1, 10, 10)
    _garbage = [[] for _ in range(5)]  # tracked allocations push generation 0 past its threshold
    collect_due()
    assert cycle() is None


def test_worker_threads_never_collect_while_the_guard_runs(qtbot: QtBot, thresholds: None) -> None:
    guard = GuiThreadGarbageCollector(interval_ms=20)
    guard.start()
    try:
        gc.set_threshold(1, 1, 1)
        cycles: list[weakref.ref[_Node]] = []
        collected_in_worker: list[bool] = []

        def worker() -> None:
            cycles.append(weakref.ref(_Node()))
            _lots = [[i] for i in range(10_000)]  # would trigger many automatic collections
            collected_in_worker.append(cycles[0]() is None)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert collected_in_worker == [False]
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: cycles[0]() is None, timeout=2000)  # the GUI thread's timer did it
    finally:
        guard.stop()
    assert gc.isenabled()
    gc.disable()  # as the test suite runs (conftest)
