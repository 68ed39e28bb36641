"""Units and their contacts edited in the app: checked cards, Turkish-case duplicates refused,
and deleting a unit that messages are assigned to moves them first, each move in the history."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxKind, Platform
from kurum_masaustu.rules.units import UnitCard, card_problems, clean_card, parse_keywords
from kurum_masaustu.services.conversation import ConversationService
from kurum_masaustu.services.routing import RoutingService
from kurum_masaustu.services.units import UnitError, UnitService
from kurum_masaustu.store.models import AuditEntry, Channel, InboxItem, Unit
from kurum_masaustu.ui.units_dialog import UnitsDialog

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
SCREENSHOTS = os.environ.get("KURUM_SCREENSHOT_DIR")


@pytest.fixture
def units(session_factory: sessionmaker[Session]) -> dict[str, int]:
    """Two units, two messages assigned to Fen İşleri, one to nobody."""
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Facebook Sayfası")
        fen = Unit(name="Fen İşleri", email="fen@ornek.bel.tr", keywords=["çukur"])
        park = Unit(name="Park ve Bahçeler", email="park@ornek.bel.tr", keywords=["ağaç"])
        s.add_all([channel, fen, park])
        s.flush()
        for n, unit in enumerate((fen.id, fen.id, None)):
            s.add(
                InboxItem(
                    channel=channel,
                    platform=Platform.FACEBOOK,
                    remote_id=f"c{n}",
                    author_name="Ayşe",
                    author_handle="ayse",
                    text="Sokakta çukur var",
                    kind=InboxKind.COMMENT,
                    received_at=NOW,
                    unit_id=unit,
                )
            )
        return {"fen": fen.id, "park": park.id}


def _item_units(sessions: sessionmaker[Session]) -> list[int | None]:
    with sessions() as s:
        return list(s.scalars(select(InboxItem.unit_id).order_by(InboxItem.id)))


def test_cards_are_checked() -> None:
    assert parse_keywords("asfalt, Çukur ;\n  yol  çalışması,ÇUKUR,,") == ("asfalt", "Çukur", "yol çalışması")
    good = clean_card("  Fen   İşleri ", " fen@ornek.bel.tr ", "0 (212) 444-55 66", ())
    assert good == UnitCard("Fen İşleri", "fen@ornek.bel.tr", "0 (212) 444-55 66", ())
    assert card_problems(good, ["Zabıta"]) == []
    assert card_problems(clean_card("Fen", "", "Alo 153 – dahili 2101", ()), []) == []
    assert card_problems(good, ["FEN İŞLERİ"]) == ["duplicate_name"]  # Turkish case: İ/i
    assert card_problems(clean_card("", "fen@", "ara beni", ()), []) == ["empty_name", "bad_email", "bad_phone"]


def test_units_are_added_changed_and_refused(session_factory: sessionmaker[Session], units: dict[str, int]) -> None:
    service = UnitService(session_factory)
    zabita = service.save(None, clean_card("Zabıta", "zabita@ornek.bel.tr", "153", ("pazar", "seyyar")))
    service.save(units["fen"], clean_card("Fen İşleri Müdürlüğü", "fen@ornek.bel.tr", "", ("çukur", "asfalt")))
    rows = {u.name: u for u in service.units()}
    assert rows["Zabıta"].keywords == ("pazar", "seyyar")
    assert rows["Fen İşleri Müdürlüğü"].id == units["fen"]
    # The suggestions read the new keywords at once.
    with session_factory() as s:
        item = s.scalar(select(InboxItem.id).order_by(InboxItem.id))
    assert item is not None
    service.save(zabita, clean_card("Zabıta", "", "", ("sokakta",)))
    assert RoutingService(session_factory).suggest(item) == sorted(
        [units["fen"], zabita], key=lambda u: u != units["fen"]
    )
    with pytest.raises(UnitError) as refused:
        service.save(None, clean_card("park ve bahçeler", "", "", ()))
    assert refused.value.codes == ["duplicate_name"]
    assert len(service.units()) == 3


def test_deleting_a_unit_in_use_is_refused_unless_its_messages_move(
    session_factory: sessionmaker[Session], units: dict[str, int]
) -> None:
    service = UnitService(session_factory)
    assert service.assigned_count(units["fen"]) == 2
    with pytest.raises(UnitError) as refused:
        service.delete(units["fen"])
    assert refused.value.codes == ["in_use"]
    assert refused.value.count == 2
    assert _item_units(session_factory) == [units["fen"], units["fen"], None]  # nothing changed
    assert service.delete(units["fen"], move_to=units["park"], move=True) == 2
    assert _item_units(session_factory) == [units["park"], units["park"], None]
    assert [u.name for u in service.units()] == ["Park ve Bahçeler"]
    first = _item_units(session_factory).index(units["park"]) + 1
    history = ConversationService(session_factory).history(first)
    assert [(h.action, h.detail["unit"], h.detail["was"]) for h in history] == [
        ("inbox.assigned", "Park ve Bahçeler", "Fen İşleri")
    ]
    assert service.delete(units["park"], move=True) == 2  # to nobody
    assert _item_units(session_factory) == [None, None, None]
    with session_factory() as s:
        deleted = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "unit.deleted")).all()
    assert deleted == [
        {"name": "Fen İşleri", "moved": 2, "to": "Park ve Bahçeler"},
        {"name": "Park ve Bahçeler", "moved": 2, "to": ""},
    ]


def test_units_dialog_edits_refuses_and_moves_messages_on_delete(
    qtbot: QtBot, session_factory: sessionmaker[Session], units: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = UnitsDialog(UnitService(session_factory))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.unit_list.item(i).text() for i in range(dialog.unit_list.count())] == [
        "Fen İşleri",
        "Park ve Bahçeler",
    ]
    assert dialog.email_edit.text() == "fen@ornek.bel.tr"
    dialog.new_unit()
    dialog.name_edit.setText("Zabıta Müdürlüğü")
    dialog.email_edit.setText("zabita at ornek")
    dialog.keywords_edit.setPlainText("pazar, seyyar satıcı")
    assert not dialog.save_unit()
    assert warnings == ["The e-mail address does not look right (for example: fen@belediye.bel.tr)."]
    assert dialog.name_edit.text() == "Zabıta Müdürlüğü"  # nothing typed is lost
    dialog.email_edit.setText("zabita@ornek.bel.tr")
    assert dialog.save_unit()
    assert dialog.unit_list.currentItem().text() == "Zabıta Müdürlüğü"
    if SCREENSHOTS:
        dialog.grab().save(str(Path(SCREENSHOTS) / "units-dialog.png"))
    dialog.unit_list.setCurrentRow(0)  # Fen İşleri, with two messages
    asked: list[str] = []

    def choose(_parent: object, _title: str, label: str, choices: list[str], *_args: object) -> tuple[str, bool]:
        asked.append(label)
        assert choices == ["Park ve Bahçeler", "Zabıta Müdürlüğü", "Nobody (unassigned)"]
        return "Zabıta Müdürlüğü", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    dialog.delete_unit()
    assert asked
    assert "Messages assigned to “Fen İşleri”: 2." in asked[0]
    zabita = next(u.id for u in UnitService(session_factory).units() if u.name == "Zabıta Müdürlüğü")
    assert _item_units(session_factory) == [zabita, zabita, None]
    assert dialog.changed
    # Cancelling the question keeps the unit.
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("", False))
    dialog.unit_list.setCurrentRow(1)
    dialog.delete_unit()
    assert len(UnitService(session_factory).units()) == 2


def test_route_dialog_reaches_the_units_and_reads_them_again(
    qtbot: QtBot, session_factory: sessionmaker[Session], units: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kurum_masaustu.ui.route_dialog import RouteDialog

    with session_factory() as s:
        item = s.scalar(select(InboxItem.id).where(InboxItem.unit_id.is_(None)))
    assert item is not None

    def edit(self: UnitsDialog) -> int:
        self.new_unit()
        self.name_edit.setText("Yol Bakım")
        self.keywords_edit.setPlainText("sokakta, çukur")
        assert self.save_unit()
        return 0

    monkeypatch.setattr(UnitsDialog, "exec", edit)
    dialog = RouteDialog(RoutingService(session_factory), item, "KM-2026-0000003", None)
    qtbot.addWidget(dialog)
    assert dialog.unit_combo.count() == 2
    dialog.edit_units_button.click()
    assert dialog.units_changed
    assert dialog.unit_combo.count() == 3
    assert dialog.unit_combo.itemText(0) == "Yol Bakım (suggested)"  # two keywords: first
