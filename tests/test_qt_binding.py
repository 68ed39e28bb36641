"""Guards on the Qt binding the app pins."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_does_not_eat_references_to_true(qapp: object) -> None:
    """PySide6 6.12.0 returned a borrowed True from emit(): thousands of emits aborted Python.

    The app pins a release without that bug; this fails loudly if the pin is ever moved to one.
    """
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for i in range(500):
        emitter.fired.emit(i)
    assert sys.getrefcount(True) - before > -10
