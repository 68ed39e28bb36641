"""Per-year corrections of days from the calendar: a day's menu moves a day to another date this
year or hides it this year; kept in the profile, shown at once, exported, undone from the menu."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QPoint
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.calendar_data import days_between
from kurum_masaustu.export import collect_plan
from kurum_masaustu.rules.days import Correction, CorrectionAction
from kurum_masaustu.services.planning import PlanningService
from kurum_masaustu.ui import correction_dialog
from kurum_masaustu.ui.calendar_pane import CalendarPane
from kurum_masaustu.ui.correction_dialog import CorrectionDialog

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
REGAIB = "Regaib Kandili"  # 10 December 2026 in the packaged religious calendar
ENGELLILER = "Dünya Engelliler Günü"  # 3 December


@pytest.fixture
def pane(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> CalendarPane:
    widget = CalendarPane(services.posts, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.show_month(date(2026, 12, 1), date(2026, 12, 10))
    qloop.run_until_complete(widget.wait_days())
    return widget


def _names(pane: CalendarPane, day: date) -> list[str]:
    return [e.name for e in pane.model.events_on(day) if not e.hidden]


def _week_names(pane: CalendarPane, day: date) -> list[str]:
    return [e.name for e in pane.week_model.events_on(day) if not e.hidden]


def _answer(monkeypatch: pytest.MonkeyPatch, fill: object) -> None:
    """The dialog is answered as a person would: fill it, press OK."""

    def exec_(dialog: CorrectionDialog) -> int:
        fill(dialog)  # type: ignore[operator]
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(correction_dialog.CorrectionDialog, "exec", exec_)


def _trigger(pane: CalendarPane, day: date, text: str) -> None:
    pane._day_menu(day, QPoint(0, 0))
    assert pane._menu is not None
    (action,) = [a for a in pane._menu.actions() if a.text() == text]
    action.trigger()


def test_a_day_moved_for_this_year_shows_on_its_new_date_everywhere_and_is_exported(
    pane: CalendarPane, services: Services, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert REGAIB in _names(pane, date(2026, 12, 10))
    _answer(monkeypatch, lambda d: d.start_edit.setDate(QDate(2026, 12, 11)))
    _trigger(pane, date(2026, 12, 10), f"Correct for this year: {REGAIB}…")
    qloop.run_until_complete(pane.wait_days())
    assert REGAIB not in _names(pane, date(2026, 12, 10))
    assert REGAIB in _names(pane, date(2026, 12, 11))
    pane.set_mode("week")
    qloop.run_until_complete(pane.wait_days())
    assert REGAIB in _week_names(pane, date(2026, 12, 11))
    assert REGAIB not in _week_names(pane, date(2026, 12, 10))
    # Kept in the profile: a new service (the next start of the app) reads it back.
    (stored,) = PlanningService(services.sessions).corrections()
    assert (stored.year, stored.action, stored.start) == (2026, CorrectionAction.MOVE, date(2026, 12, 11))
    exported = collect_plan(services.sessions, date(2026, 12, 1), date(2026, 12, 31))
    assert [d.event.start for d in exported.days if d.event.name == REGAIB] == [date(2026, 12, 11)]
    # Other years keep the rule.
    corrections = PlanningService(services.sessions).corrections()
    next_year = days_between(date(2027, 1, 1), date(2027, 12, 31), corrections=corrections)
    assert any(e.name == REGAIB and e.start != date(2027, 12, 11) for e in next_year)


def test_a_day_hidden_this_year_is_gone_until_the_correction_is_undone(
    pane: CalendarPane, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ENGELLILER in _names(pane, date(2026, 12, 3))
    _answer(monkeypatch, lambda d: d.hide_radio.setChecked(True))
    _trigger(pane, date(2026, 12, 3), f"Correct for this year: {ENGELLILER}…")
    qloop.run_until_complete(pane.wait_days())
    assert ENGELLILER not in _names(pane, date(2026, 12, 3))
    assert pane.planning.corrections() == [
        Correction(key="dunya-engelliler-gunu", year=2026, action=CorrectionAction.HIDE)
    ]
    # The hidden day still has its menu on that date: undo brings it back.
    _trigger(pane, date(2026, 12, 3), f"Undo this year's correction: {ENGELLILER}")
    qloop.run_until_complete(pane.wait_days())
    assert ENGELLILER in _names(pane, date(2026, 12, 3))
    assert pane.planning.corrections() == []


def test_a_multi_day_span_keeps_its_length_and_the_date_stays_in_the_year(qtbot: QtBot) -> None:
    (week,) = [e for e in days_between(date(2026, 12, 1), date(2026, 12, 31)) if e.key == "vakif-haftasi"]
    dialog = CorrectionDialog(week, 2026)
    qtbot.addWidget(dialog)
    dialog.start_edit.setDate(QDate(2027, 1, 5))  # outside the year: the field refuses it
    assert dialog.start_edit.date().year() == 2026
    dialog.start_edit.setDate(QDate(2026, 12, 14))
    dialog.accept()
    assert dialog.correction == Correction(
        key="vakif-haftasi", year=2026, action=CorrectionAction.MOVE, start=date(2026, 12, 14), end=date(2026, 12, 20)
    )
