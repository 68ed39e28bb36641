"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects in whichever thread happens to allocate when a generation passes its
threshold. The app decodes images, reads the database and checks spelling in worker threads;
a collection there can free a reference cycle that holds a Qt object, and a QObject deleted
outside the GUI thread can crash Qt (an intermittent segmentation fault, seen once in a full
test run). So automatic collection is switched off and a timer on the GUI thread collects what
CPython would have collected, when its counts say it is due (the pattern of pyqtgraph's
``GarbageCollector``).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold, as CPython would have;
    returns how many objects were unreachable (0 when nothing was due)."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    return gc.collect(generation)


class GuiThreadGarbageCollector(QObject):
    """Switches automatic collection off while it runs and collects on the GUI thread instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
