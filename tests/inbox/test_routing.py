"""Routing to units (e-mail draft, Beyaz Masa / CİMER note, history) with personal data taken
out, and moderation: hiding a comment on the platform with the reason in the audit log."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import pytest
import pytest_asyncio
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxCategory, InboxKind, InboxStatus, Platform
from kurum_masaustu.platforms.base import Adapter, Published, PublishRequest
from kurum_masaustu.platforms.facebook import FacebookAdapter
from kurum_masaustu.platforms.sandbox.facebook import FacebookSandbox
from kurum_masaustu.rules.routing import (
    Handoff,
    UnitKeywords,
    add_business_days,
    forward_mail,
    legal_deadlines,
    mailto_url,
    minimise,
    official_note,
    reference_number,
    suggest_units,
)
from kurum_masaustu.services.conversation import ConversationService
from kurum_masaustu.services.routing import RoutingError, RoutingService
from kurum_masaustu.store.models import AuditEntry, Channel, InboxItem, Unit

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
TCKN = "10000000146"  # a valid checksum
CITIZEN = f"Papatya Sokak'ta çukur var, araba düştü! Beni arayın 0532 123 45 67, TC {TCKN}, ayse@example.com"


# -- rules ---------------------------------------------------------------------------------------
def test_minimise_takes_out_personal_data_and_control_characters() -> None:
    result = minimise(CITIZEN + "\u202e\x00 IBAN TR33 0006 1005 1978 6457 8413 26 sabit 0312 444 55 66")
    assert "0532" not in result.text
    assert TCKN not in result.text
    assert "ayse@example.com" not in result.text
    assert "TR33" not in result.text
    assert "0312" not in result.text
    assert "\u202e" not in result.text
    assert "\x00" not in result.text
    assert "Papatya Sokak'ta çukur var" in result.text
    assert result.removed == ("telefon", "tc_kimlik", "e_posta", "iban", "telefon")
    assert minimise("12345678901 sipariş no").removed == ()  # not a valid T.C. kimlik number


def test_reference_numbers_are_stable_and_by_istanbul_year() -> None:
    assert reference_number(123, NOW) == "KM-2026-0000123"
    assert reference_number(5, datetime(2026, 12, 31, 22, 30, tzinfo=UTC)) == "KM-2027-0000005"


def test_mailto_carries_subject_and_body_with_turkish_letters() -> None:
    handoff = Handoff("KM-2026-0000007", "Fen İşleri Müdürlüğü", NOW, "Facebook Sayfası", "Şikâyet", CITIZEN, "acil")
    subject, body = forward_mail(handoff)
    url = mailto_url("fenisleri@ornek.bel.tr", subject, body)
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "fenisleri@ornek.bel.tr"
    query = parse_qs(parts.query)
    assert query["subject"] == ["[KM-2026-0000007] Vatandaş bildirimi – Şikâyet"]
    sent = query["body"][0]
    assert "\r\n" in sent
    assert "Başvuru no: KM-2026-0000007" in sent
    assert "Papatya Sokak'ta çukur var" in sent
    assert "0532" not in sent
    assert TCKN not in sent
    assert "KVKK" in sent
    assert "Ayşe" not in sent  # the person's name stays in the app


def test_legal_deadlines_skip_weekends_and_holidays() -> None:
    received = date(2026, 10, 26)  # Monday; 28 (half) and 29 October (holiday)
    assert add_business_days(received, 3) == date(2026, 10, 29)
    assert add_business_days(received, 3, {date(2026, 10, 29)}) == date(2026, 10, 30)
    petition, information = legal_deadlines(received, {date(2026, 10, 29)})
    assert petition == date(2026, 11, 25)
    assert information == date(2026, 11, 17)
    note = official_note(Handoff("KM-2026-0000009", "Zabıta Müdürlüğü", NOW, "X", "Şikâyet", CITIZEN))
    assert "Başvuru no: KM-2026-0000009" in note
    assert "İlgili birim: Zabıta Müdürlüğü" in note
    assert "Yanıt süresi (4982, bilgi edinme): " in note
    assert "0532" not in note


def test_units_are_suggested_by_their_keywords_turkish_folded() -> None:
    units = [
        UnitKeywords(1, "Fen İşleri", ("yol", "çukur", "kaldırım")),
        UnitKeywords(2, "Temizlik İşleri", ("çöp", "konteyner")),
        UnitKeywords(3, "Su ve Kanalizasyon", ("su", "kanalizasyon")),
    ]
    assert suggest_units("Sokakta ÇUKUR var, kaldırım da kırık", units) == [1]
    assert suggest_units("cop konteyneri dolu, çukur da var", units) == [2, 1]
    assert suggest_units("Sunum ne zaman?", units) == []  # a short keyword matches whole words only
    assert suggest_units("Suyumuz yok", units) == []  # "su" + "yumuz": short words match whole
    assert suggest_units("su yok", units) == [3]


# -- service -------------------------------------------------------------------------------------
@pytest.fixture
def item(session_factory: sessionmaker[Session]) -> int:
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Facebook Sayfası")
        s.add_all(
            [
                channel,
                Unit(name="Fen İşleri Müdürlüğü", email="fenisleri@ornek.bel.tr", keywords=["yol", "çukur"]),
                Unit(name="Zabıta Müdürlüğü", email="", keywords=["pazar"]),
            ]
        )
        s.flush()
        row = InboxItem(
            channel=channel,
            platform=Platform.FACEBOOK,
            remote_id="c1",
            author_name="Ayşe Yılmaz",
            author_handle="ayse",
            text=CITIZEN,
            kind=InboxKind.COMMENT,
            received_at=NOW,
            category=InboxCategory.COMPLAINT,
        )
        s.add(row)
        s.flush()
        return row.id


def _unit(sessions: sessionmaker[Session], name: str) -> int:
    with sessions() as s:
        found = s.scalar(select(Unit.id).where(Unit.name == name))
        assert found is not None
        return found


def test_forward_assigns_records_and_builds_the_draft(session_factory: sessionmaker[Session], item: int) -> None:
    routing = RoutingService(session_factory)
    fen = _unit(session_factory, "Fen İşleri Müdürlüğü")
    assert routing.suggest(item) == [fen]
    draft = routing.forward(item, fen, note="Ekip yönlendirilsin")
    assert draft.url.startswith("mailto:fenisleri@ornek.bel.tr?subject=")
    assert "Ekip yönlendirilsin" in draft.body
    assert draft.removed == ("telefon", "tc_kimlik", "e_posta")
    with session_factory() as s:
        stored = s.get(InboxItem, item)
        assert stored is not None
        assert stored.unit_id == fen
    history = ConversationService(session_factory).history(item)
    assert [h.action for h in history] == ["inbox.assigned", "inbox.forwarded"]
    assert history[1].detail["reference"] == reference_number(item, NOW)
    assert history[1].detail["to"] == "fenisleri@ornek.bel.tr"
    zabita = _unit(session_factory, "Zabıta Müdürlüğü")
    with pytest.raises(RoutingError, match="no_email"):
        routing.forward(item, zabita)
    with pytest.raises(RoutingError, match="no_item"):
        routing.forward(item + 99, fen)


def test_export_writes_the_note_and_records_it(
    session_factory: sessionmaker[Session], item: int, tmp_path: Path
) -> None:
    routing = RoutingService(session_factory)
    fen = _unit(session_factory, "Fen İşleri Müdürlüğü")
    target = tmp_path / "KM.txt"
    text = routing.export(item, fen, target, note="Kayıt açıldı")
    assert target.read_text(encoding="utf-8") == text
    assert "BEYAZ MASA / CİMER KAYIT NOTU" in text
    assert TCKN not in text
    with pytest.raises(RoutingError, match="write_failed"):
        routing.export(item, fen, tmp_path / "no-such-folder" / "x.txt")
    actions = [h.action for h in ConversationService(session_factory).history(item)]
    assert actions == ["inbox.exported"]


def test_assign_and_note_are_in_the_history(session_factory: sessionmaker[Session], item: int) -> None:
    routing = RoutingService(session_factory)
    fen = _unit(session_factory, "Fen İşleri Müdürlüğü")
    routing.assign(item, fen)
    routing.assign(item, fen)  # no change, no entry
    routing.note(item, "  ")  # empty notes are not kept
    routing.note(item, "Muhtarla görüşüldü")
    history = ConversationService(session_factory).history(item)
    assert [(h.action, h.detail) for h in history] == [
        ("inbox.assigned", {"unit": "Fen İşleri Müdürlüğü"}),
        ("inbox.note", {"note": "Muhtarla görüşüldü"}),
    ]


# -- moderation against the Facebook sandbox ---------------------------------------------------
FB_TOKEN = "EAAsandbox-page-token-for-tests-0123456789"


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest_asyncio.fixture
async def facebook(tmp_path: Path) -> AsyncIterator[tuple[FacebookSandbox, FacebookAdapter]]:
    sandbox = FacebookSandbox.open(tmp_path / "facebook.json", FB_TOKEN, clock=lambda: NOW)
    async with httpx.AsyncClient(transport=sandbox) as client:
        yield (
            sandbox,
            FacebookAdapter(
                client,
                {"base_url": "https://graph.facebook.sandbox.invalid"},
                {"page_access_token": FB_TOKEN},
                sleep=_no_sleep,
                clock=lambda: NOW,
            ),
        )


async def _abusive_comment(
    sessions: sessionmaker[Session], item: int, facebook: tuple[FacebookSandbox, FacebookAdapter]
) -> tuple[FacebookSandbox, Callable[[Channel], Awaitable[Adapter | None]], str]:
    """A troll's comment under our post on the Facebook sandbox, as the inbox item ``item``."""
    sandbox, adapter = facebook
    post = await adapter.publish(PublishRequest(text="Asfalt çalışması", idempotency_key="p"))
    assert isinstance(post, Published)
    comment = sandbox.add_citizen_comment(post.remote_id, "Troll", "hakaret içeren yorum")
    with sessions.begin() as s:
        stored = s.get(InboxItem, item)
        assert stored is not None
        stored.remote_id = comment

    async def adapter_for(_channel: Channel) -> Adapter | None:
        return adapter

    return sandbox, adapter_for, comment


@pytest.mark.asyncio
async def test_hiding_an_abusive_comment_on_facebook_records_the_reason(
    session_factory: sessionmaker[Session], item: int, facebook: tuple[FacebookSandbox, FacebookAdapter]
) -> None:
    sandbox, adapter_for, comment = await _abusive_comment(session_factory, item, facebook)

    problem = await RoutingService(session_factory).hide(item, "Hakaret", adapter_for)
    assert problem is None
    assert sandbox.comment(comment)["is_hidden"] is True
    with session_factory() as s:
        stored = s.get(InboxItem, item)
        assert stored is not None
        assert stored.status is InboxStatus.HIDDEN
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "inbox.hidden")).one()
        assert entry.detail == {"reason": "Hakaret"}
        assert entry.entity_id == item


@pytest.mark.asyncio
async def test_a_platform_that_cannot_hide_says_so_and_nothing_changes(
    session_factory: sessionmaker[Session], item: int
) -> None:
    from kurum_masaustu.platforms.mastodon import MastodonAdapter

    async with httpx.AsyncClient() as client:
        adapter = MastodonAdapter(client, {"base_url": "https://mastodon.sandbox.invalid"}, {"access_token": "x"})

        async def adapter_for(_channel: Channel) -> Adapter | None:
            return adapter

        problem = await RoutingService(session_factory).hide(item, "Spam", adapter_for)
    assert problem == "unsupported"
    with session_factory() as s:
        stored = s.get(InboxItem, item)
        assert stored is not None
        assert stored.status is InboxStatus.NEW
    history = ConversationService(session_factory).history(item)
    assert [(h.action, h.detail) for h in history] == [
        ("inbox.hide_failed", {"reason": "Spam", "problem": "unsupported"})
    ]


@pytest.mark.asyncio
async def test_deleting_an_abusive_comment_on_facebook_records_the_reason(
    session_factory: sessionmaker[Session], item: int, facebook: tuple[FacebookSandbox, FacebookAdapter]
) -> None:
    sandbox, adapter_for, comment = await _abusive_comment(session_factory, item, facebook)

    problem = await RoutingService(session_factory, clock=lambda: NOW).delete_comment(item, "Hakaret", adapter_for)
    assert problem is None
    with pytest.raises(KeyError):
        sandbox.comment(comment)  # gone from the platform
    with session_factory() as s:
        stored = s.get(InboxItem, item)
        assert stored is not None
        assert stored.deleted_at == NOW  # the text stays here, marked deleted
        assert stored.text == CITIZEN
    history = ConversationService(session_factory).history(item)
    assert [(h.action, h.detail) for h in history] == [("inbox.deleted", {"reason": "Hakaret"})]


@pytest.mark.asyncio
async def test_deleting_where_the_platform_does_not_allow_it_changes_nothing(
    session_factory: sessionmaker[Session], item: int
) -> None:
    from kurum_masaustu.platforms.mastodon import MastodonAdapter

    async with httpx.AsyncClient() as client:  # Mastodon: only the server's moderators delete others' posts
        adapter = MastodonAdapter(client, {"base_url": "https://mastodon.sandbox.invalid"}, {"access_token": "x"})

        async def adapter_for(_channel: Channel) -> Adapter | None:
            return adapter

        routing = RoutingService(session_factory)
        assert await routing.delete_comment(item, "Spam", adapter_for) == "unsupported"
        with session_factory.begin() as s:
            stored = s.get(InboxItem, item)
            assert stored is not None
            stored.kind = InboxKind.DIRECT_MESSAGE
        assert await routing.delete_comment(item, "Spam", adapter_for) == "not_a_comment"
    with session_factory() as s:
        stored = s.get(InboxItem, item)
        assert stored is not None
        assert stored.deleted_at is None
    history = ConversationService(session_factory).history(item)
    assert [(h.action, h.detail) for h in history] == [
        ("inbox.delete_failed", {"reason": "Spam", "problem": "unsupported"})
    ]


@pytest.mark.asyncio
async def test_the_pane_asks_a_reason_and_a_confirmation_before_deleting(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    item: int,
    facebook: tuple[FacebookSandbox, FacebookAdapter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from collections.abc import Coroutine
    from typing import Any

    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from kurum_masaustu.services.inbox import BusinessHours, InboxService
    from kurum_masaustu.ui import tasks
    from kurum_masaustu.ui.inbox_pane import InboxPane

    sandbox, adapter_for, comment = await _abusive_comment(session_factory, item, facebook)

    pane = InboxPane(InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours()))
    qtbot.addWidget(pane)
    pane.delete_with = lambda item_id, reason: RoutingService(session_factory).delete_comment(
        item_id, reason, adapter_for
    )
    pane.table.setCurrentIndex(pane.model.index(0, 0))
    questions: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    started: list[Coroutine[Any, Any, object]] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("Hakaret", True))

    def ask(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", ask)
    monkeypatch.setattr(tasks, "spawn", started.append)
    pane.ask_delete()
    assert "Ayşe Yılmaz's comment on Facebook" in questions[0]
    assert "cannot be undone" in questions[0]
    assert started == []  # "No": nothing sent
    sandbox.comment(comment)  # still there
    answer[0] = QMessageBox.StandardButton.Yes
    pane.ask_delete()
    assert len(started) == 1
    assert await started[0] is None
    with pytest.raises(KeyError):
        sandbox.comment(comment)
    pane.tabs.setCurrentWidget(pane.history_view)
    assert "deleted on the platform (Hakaret)" in pane.history_view.toPlainText()
    assert not pane.delete_button.isEnabled()  # already deleted


@pytest.mark.asyncio
async def test_the_pane_deletes_a_linkedin_comment_on_our_post_and_explains_a_refusal(
    qtbot: QtBot, session_factory: sessionmaker[Session], item: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kurum_masaustu.platforms.linkedin import LinkedInAdapter
    from kurum_masaustu.platforms.sandbox.linkedin import LinkedInSandbox
    from kurum_masaustu.services.inbox import BusinessHours, InboxService
    from kurum_masaustu.ui.inbox_pane import InboxPane

    token = "linkedin-sandbox-token-for-routing-tests"
    sandbox = LinkedInSandbox.open(tmp_path / "linkedin.json", token, clock=lambda: NOW)
    async with httpx.AsyncClient(transport=sandbox) as client:
        adapter = LinkedInAdapter(
            client,
            {"base_url": "https://linkedin.sandbox.invalid", "organization_urn": sandbox.organization},
            {"access_token": token},
            sleep=_no_sleep,
            clock=lambda: NOW,
        )
        ours = await adapter.publish(PublishRequest(text="Asfalt çalışması", idempotency_key="p"))
        assert isinstance(ours, Published)
        theirs = sandbox.add_post_by("urn:li:organization:777", "Komşu ilçenin duyurusu")
        on_theirs = sandbox.add_citizen_comment(theirs, "Troll", "hakaret")
        on_ours = sandbox.add_citizen_comment(ours.remote_id, "Troll", "hakaret")
        with session_factory.begin() as s:
            stored = s.get(InboxItem, item)
            assert stored is not None
            stored.platform = Platform.LINKEDIN
            stored.remote_id = on_theirs

        async def adapter_for(_channel: Channel) -> Adapter | None:
            return adapter

        pane = InboxPane(InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours()))
        qtbot.addWidget(pane)
        pane.delete_with = lambda item_id, reason: RoutingService(session_factory).delete_comment(
            item_id, reason, adapter_for
        )
        pane.table.setCurrentIndex(pane.model.index(0, 0))
        assert pane.delete_button.isEnabled()  # "Sil…" is offered for a LinkedIn comment
        told: list[str] = []
        monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
        assert await pane.delete_current("Hakaret") == "forbidden"
        assert "only comments on its own posts" in told[0]
        assert on_theirs in sandbox.data["comments"]
        with session_factory.begin() as s:
            stored = s.get(InboxItem, item)
            assert stored is not None
            stored.remote_id = on_ours
        assert await pane.delete_current("Hakaret") is None
        assert on_ours not in sandbox.data["comments"]
    assert not pane.delete_button.isEnabled()  # deleted
    history = ConversationService(session_factory).history(item)
    assert [(h.action, h.detail) for h in history] == [
        ("inbox.delete_failed", {"reason": "Hakaret", "problem": "forbidden"}),
        ("inbox.deleted", {"reason": "Hakaret"}),
    ]


# -- dialog ---------------------------------------------------------------------------------------
def test_route_dialog_opens_the_mail_draft_and_saves_the_note(
    qtbot: QtBot, session_factory: sessionmaker[Session], item: int, tmp_path: Path
) -> None:
    from kurum_masaustu.ui.route_dialog import RouteDialog

    opened: list[str] = []
    routing = RoutingService(session_factory)
    reference = reference_number(item, NOW)
    dialog = RouteDialog(routing, item, reference, None, open_url=lambda url: opened.append(url) is None)
    qtbot.addWidget(dialog)
    assert dialog.unit_combo.itemText(0).startswith("Fen İşleri Müdürlüğü")  # suggested first
    preview = dialog.preview.toPlainText()
    assert reference in preview
    assert "0532" not in preview
    dialog.note_edit.setPlainText("Hızlı bakılsın")
    dialog.mail()
    assert len(opened) == 1
    assert opened[0].startswith("mailto:fenisleri@ornek.bel.tr")
    assert dialog.changed
    saved = tmp_path / "not.txt"
    second = RouteDialog(routing, item, reference, None, save_path=lambda _parent, _name: str(saved))
    qtbot.addWidget(second)
    second.export()
    assert saved.read_text(encoding="utf-8").startswith("BEYAZ MASA / CİMER KAYIT NOTU")
    actions = [h.action for h in ConversationService(session_factory).history(item)]
    assert actions == ["inbox.assigned", "inbox.forwarded", "inbox.note", "inbox.exported"]
