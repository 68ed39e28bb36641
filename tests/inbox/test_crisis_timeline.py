"""The crisis timeline is kept per crisis: each "new crisis" starts one, the dialog shows the current
one and lets earlier ones be read, and a crisis's record is saved as a text file for the report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.rules.crisis import episode_bounds
from kurum_masaustu.services.crisis import TIMELINE_LIMIT, CrisisEpisode, CrisisService, holding_statements
from kurum_masaustu.store.models import AuditEntry
from kurum_masaustu.ui.crisis_panel import CrisisDialog

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def test_a_new_crisis_starts_where_it_was_declared() -> None:
    hour = timedelta(hours=1)
    assert episode_bounds(T0, []) == [(T0, None)]
    assert episode_bounds(T0, [T0 + 3 * hour, T0 + hour]) == [
        (T0, T0 + hour),
        (T0 + hour, T0 + 3 * hour),
        (T0 + 3 * hour, None),
    ]
    # Declared before anything else was recorded: no empty crisis in front.
    assert episode_bounds(T0, [T0 - hour, T0]) == [(T0, None)]


def _record(sessions: sessionmaker[Session], at: datetime, action: str, **detail: str) -> None:
    with sessions.begin() as s:
        s.add(AuditEntry(at=at, actor="kullanıcı", action=action, entity="crisis", detail=detail))


@pytest.fixture
def two_crises(session_factory: sessionmaker[Session]) -> CrisisService:
    """A flood in the spring (a spike, a statement), then a new crisis declared for a water cut."""
    sessions = session_factory
    _record(sessions, T0, "crisis.spike", where="sel")
    _record(sessions, T0 + timedelta(minutes=10), "crisis.statement_used", statement="Sel")
    _record(sessions, T0 + timedelta(days=30), "crisis.plan_reset")
    _record(sessions, T0 + timedelta(days=30, minutes=5), "crisis.statement_used", statement="Su kesintisi")
    return CrisisService(sessions)


def test_the_timeline_is_split_into_crises(two_crises: CrisisService) -> None:
    episodes = two_crises.episodes()
    assert episodes == [
        CrisisEpisode(T0, T0 + timedelta(days=30)),
        CrisisEpisode(T0 + timedelta(days=30), None),
    ]
    first = two_crises.timeline(episodes[0].start, episodes[0].end)
    assert [e.detail.get("statement") for e in first] == [None, "Sel"]
    current = two_crises.timeline(episodes[1].start, episodes[1].end)
    assert [e.action for e in current] == ["crisis.plan_reset", "crisis.statement_used"]


def test_a_long_record_shows_its_newest_entries(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        for n in range(TIMELINE_LIMIT + 100):
            s.add(
                AuditEntry(
                    at=T0 + timedelta(minutes=n),
                    actor="kullanıcı",
                    action="crisis.step_done",
                    entity="crisis",
                    detail={"step": str(n)},
                )
            )
    entries = CrisisService(session_factory).timeline()
    assert len(entries) == TIMELINE_LIMIT
    assert entries[-1].detail["step"] == str(TIMELINE_LIMIT + 99)  # the newest is there, oldest first
    assert entries[0].detail["step"] == "100"


def test_the_dialog_shows_the_current_crisis_and_saves_a_record(
    qtbot: QtBot, two_crises: CrisisService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = CrisisDialog(two_crises, holding_statements())
    qtbot.addWidget(dialog)
    assert dialog.episode_combo.count() == 2
    assert dialog.episode_combo.currentText().startswith("Current crisis (since 01.01.2027")
    shown = dialog.timeline_view.toPlainText()
    assert "Su kesintisi" in shown
    assert "Sel" not in shown
    dialog.episode_combo.setCurrentIndex(1)
    assert dialog.episode_combo.currentText() == "Earlier crisis: 02.12.2026 12:00 – 01.01.2027 12:00"
    assert "— Sel" in dialog.timeline_view.toPlainText()

    target = tmp_path / "kriz.txt"
    assert dialog.save_timeline(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Notepad reads it as UTF-8
    text = raw.decode("utf-8-sig")
    assert "Period: 02.12.2026 12:00 – 01.01.2027 12:00" in text
    assert "holding statement written as a post — Sel" in text
    assert "Su kesintisi" not in text

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, message: warnings.append(message))
    assert not dialog.save_timeline(tmp_path / "no-such-folder" / "kriz.txt")
    assert warnings
    assert "could not be saved" in warnings[0]
    assert "Sel" in dialog.timeline_view.toPlainText()  # nothing on screen lost


def test_with_nothing_recorded_there_is_nothing_to_save(qtbot: QtBot, session_factory: sessionmaker[Session]) -> None:
    dialog = CrisisDialog(CrisisService(session_factory), holding_statements())
    qtbot.addWidget(dialog)
    assert dialog.timeline_view.toPlainText() == "Nothing recorded yet."
    assert not dialog.save_timeline_button.isEnabled()
