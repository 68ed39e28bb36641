"""The conversation around an inbox item, its history and its response clock (business hours,
Turkish holidays closed), and the inbox pane that shows them as plain text."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import DeliveryState, InboxCategory, InboxKind, InboxStatus, Platform, ReplyState
from kurum_masaustu.services.conversation import ConversationService
from kurum_masaustu.services.inbox import BusinessHours, InboxService, turkish_business_hours
from kurum_masaustu.store.models import Channel, Delivery, InboxItem, Post, Reply

# Wednesday 2 December 2026, 12:00 in Istanbul.
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def _item(s: Session, channel: Channel, remote: str, text: str, at: datetime, **kw: object) -> InboxItem:
    item = InboxItem(
        channel=channel,
        platform=channel.platform,
        remote_id=remote,
        author_name=kw.pop("author_name", "Ayşe Yılmaz"),  # type: ignore[arg-type]
        author_handle=kw.pop("author_handle", "ayse"),  # type: ignore[arg-type]
        text=text,
        kind=kw.pop("kind", InboxKind.COMMENT),  # type: ignore[arg-type]
        received_at=at,
        **kw,
    )
    s.add(item)
    s.flush()
    return item


@pytest.fixture
def thread(session_factory: sessionmaker[Session]) -> dict[str, int]:
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye")
        other = Channel(platform=Platform.X, display_name="Belediye X")
        post = Post(body="Yarın Gülbahçe'de su kesintisi olacaktır.")
        delivery = Delivery(
            channel=channel,
            state=DeliveryState.PUBLISHED,
            remote_id="p1",
            published_at=NOW - timedelta(days=1),
            permalink="https://facebook.example/p1",
        )
        post.deliveries.append(delivery)
        s.add_all([channel, other, post])
        s.flush()
        old = _item(s, channel, "c0", "Geçen hafta da su yoktu", NOW - timedelta(days=6), status=InboxStatus.ANSWERED)
        root = _item(
            s,
            channel,
            "c1",
            "Su <b>ne zaman</b> gelecek? <img src=x onerror=alert(1)>",
            NOW - timedelta(hours=3),
            delivery_id=delivery.id,
        )
        answer = _item(
            s,
            channel,
            "c2",
            "Bizde de yok",
            NOW - timedelta(hours=2),
            parent=root,
            author_name="Mehmet",
            author_handle="mehmet",
            kind=InboxKind.REPLY,
        )
        root.replies.append(
            Reply(text="Akşam 18.00'de verilecek.", state=ReplyState.SENT, sent_at=NOW - timedelta(hours=1))
        )
        root.replies.append(Reply(text="taslak", state=ReplyState.DRAFT))
        elsewhere = _item(s, other, "x1", "Aynı kişi X'te", NOW - timedelta(days=1))
        return {"old": old.id, "root": root.id, "answer": answer.id, "elsewhere": elsewhere.id}


def test_conversation_has_the_post_the_thread_with_our_replies_and_the_same_persons_earlier_messages(
    session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    service = ConversationService(session_factory, clock=lambda: NOW)
    conversation = service.conversation(thread["answer"])
    assert conversation is not None
    assert conversation.post is not None
    assert conversation.post.text == "Yarın Gülbahçe'de su kesintisi olacaktır."
    assert conversation.post.permalink == "https://facebook.example/p1"
    shown = [(e.depth, e.ours, e.text, e.selected) for e in conversation.thread]
    assert shown == [
        (0, False, "Su <b>ne zaman</b> gelecek? <img src=x onerror=alert(1)>", False),
        (1, True, "Akşam 18.00'de verilecek.", False),  # drafts are not part of the thread
        (1, False, "Bizde de yok", True),
    ]
    assert conversation.earlier == ()  # Mehmet wrote nothing before
    root = service.conversation(thread["root"])
    assert root is not None
    # Ayşe's earlier message on the same platform; her X message is another account.
    assert [m.text for m in root.earlier] == ["Geçen hafta da su yoktu"]


def test_a_missing_item_has_no_conversation(session_factory: sessionmaker[Session]) -> None:
    assert ConversationService(session_factory).conversation(12345) is None


def test_history_lists_what_was_done_in_order(session_factory: sessionmaker[Session], thread: dict[str, int]) -> None:
    inbox = InboxService(session_factory, clock=lambda: NOW)
    inbox.set_category(thread["root"], InboxCategory.COMPLAINT)
    inbox.set_status(thread["root"], InboxStatus.RESOLVED, note="arıza giderildi")
    history = ConversationService(session_factory).history(thread["root"])
    assert [h.action for h in history] == ["inbox.category_corrected", "inbox.status"]
    assert history[1].detail == {"from": "new", "to": "resolved", "note": "arıza giderildi"}


def test_the_response_clock_counts_business_hours_only(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye")
        s.add(channel)
        # Friday 27 November 2026 16:00 Istanbul: one business hour Friday, then 08:00–12:00 Monday…
        friday = _item(s, channel, "f", "Cuma mesajı", datetime(2026, 11, 27, 13, 0, tzinfo=UTC))
        answered = _item(s, channel, "a", "Yanıtlandı", NOW - timedelta(hours=2))
        answered.replies.append(Reply(text="Tamam", state=ReplyState.SENT, sent_at=NOW - timedelta(minutes=30)))
        answered.status = InboxStatus.ANSWERED
        ids = (friday.id, answered.id)
    service = ConversationService(session_factory, clock=lambda: NOW)
    hours = BusinessHours()
    clock = service.clock(ids[0], hours, timedelta(hours=4))
    assert clock is not None
    # Friday 16–17 (1 h) + Monday 8–17 (9 h) + Tuesday (9 h) + Wednesday 8–12 (4 h) = 23 h
    assert clock.waited == timedelta(hours=23)
    assert clock.overdue
    assert not clock.answered
    done = service.clock(ids[1], hours, timedelta(hours=4))
    assert done is not None
    assert done.answered
    assert not done.overdue
    assert done.waited == timedelta(minutes=90)


def test_turkish_holidays_and_half_days_are_closed() -> None:
    hours = turkish_business_hours(range(2026, 2027))
    assert date(2026, 10, 29) in hours.holidays  # Cumhuriyet Bayramı
    assert date(2026, 10, 28) in hours.half_days  # its eve: offices close at 13:00
    eve = datetime(2026, 10, 28, 5, 0, tzinfo=UTC)  # 08:00 Istanbul
    assert hours.business_time(eve, eve + timedelta(days=1)) == timedelta(hours=5)
    holiday = datetime(2026, 10, 29, 5, 0, tzinfo=UTC)
    assert hours.business_time(holiday, holiday + timedelta(hours=9)) == timedelta()
    # Friday 30 October 10:00: 2 h on Friday, none on the holiday, 2 h before 13:00 on the eve.
    cutoff = hours.cutoff(datetime(2026, 10, 30, 7, 0, tzinfo=UTC), timedelta(hours=4))
    assert cutoff == datetime(2026, 10, 28, 8, 0, tzinfo=UTC)  # 11:00 on the eve, Istanbul


def test_the_default_service_hours_close_on_bayram(session_factory: sessionmaker[Session]) -> None:
    inbox = InboxService(session_factory, clock=lambda: NOW)
    assert date(2026, 5, 27) in inbox.hours.holidays  # Kurban Bayramı 2026
    assert inbox.hours.start == time(8, 0)


# -- the pane -----------------------------------------------------------------------------------
def test_pane_shows_thread_earlier_messages_and_clock_as_plain_text(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    from kurum_masaustu.ui.inbox_pane import InboxPane

    inbox = InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours())
    pane = InboxPane(inbox)
    qtbot.addWidget(pane)
    rows = {pane.model.row(pane.model.index(i, 0)).id: i for i in range(pane.model.rowCount())}
    pane.table.setCurrentIndex(pane.model.index(rows[thread["root"]], 0))
    assert pane.thread_view.toPlainText() == ""  # read when its tab is opened
    pane.tabs.setCurrentWidget(pane.thread_view)
    thread_text = pane.thread_view.toPlainText()
    assert "Yarın Gülbahçe'de su kesintisi olacaktır." in thread_text
    assert "Su <b>ne zaman</b> gelecek? <img src=x onerror=alert(1)>" in thread_text  # literally
    assert "▶" in thread_text
    assert "Akşam 18.00'de verilecek." in thread_text
    assert "Geçen hafta da su yoktu" in pane.earlier_view.toPlainText()
    assert pane.clock_label.text()
    assert pane.reader_label.text().endswith(f"KM-2026-{thread['root']:07d}")
    pane.mark_resolved()
    pane.tabs.setCurrentWidget(pane.history_view)
    assert "status changed (resolved)" in pane.history_view.toPlainText()


def test_overdue_rows_are_highlighted_and_filtered(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    from PySide6.QtCore import Qt

    from kurum_masaustu.ui.inbox_pane import COLUMNS, OVERDUE_BACKGROUND, InboxPane

    inbox = InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours(), sla=timedelta(hours=2, minutes=30))
    pane = InboxPane(inbox)
    qtbot.addWidget(pane)
    pane.overdue_check.setChecked(True)
    shown = [pane.model.row(pane.model.index(i, 0)).id for i in range(pane.model.rowCount())]
    # root (3 business hours, has a sent reply but status new: still open) and the X message are overdue;
    # Mehmet's answer waited 2 h; the old one is answered.
    assert thread["answer"] not in shown
    assert thread["old"] not in shown
    assert thread["root"] in shown
    index = pane.model.index(shown.index(thread["root"]), COLUMNS.index("waiting"))
    assert pane.model.data(index, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert pane.model.data(index, Qt.ItemDataRole.DisplayRole) == "3 h 00 min"


def test_reply_dialog_fills_the_template_checks_tone_and_queues(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kurum_masaustu.services.templates import TemplateService
    from kurum_masaustu.ui.inbox_pane import InboxPane
    from kurum_masaustu.ui.reply_dialog import ReplyDialog

    TemplateService(session_factory).install_builtins()
    templates = TemplateService(session_factory).list("reply")
    inbox = InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours())
    pane = InboxPane(inbox, templates=lambda: templates)
    qtbot.addWidget(pane)
    rows = {pane.model.row(pane.model.index(i, 0)).id: i for i in range(pane.model.rowCount())}
    pane.table.setCurrentIndex(pane.model.index(rows[thread["root"]], 0))
    row = pane.current_row()
    assert row is not None
    assert row.id == thread["root"]
    known = pane.reply_fields(row)
    assert known["ad"] == "Ayşe"
    assert known["basvuru_no"] == f"KM-2026-{thread['root']:07d}"
    dialog = ReplyDialog(templates, known, category="complaint", citizen_text=row.text)
    qtbot.addWidget(dialog)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("yanit_cop"))
    dialog.inputs["yer"].setText("Papatya Sokak")
    dialog.use_template()
    text = dialog.text()
    assert "Ayşe" in text
    assert known["basvuru_no"] in text
    assert "Papatya Sokak" in text
    dialog.check_tone()
    assert dialog.warnings() == []
    dialog.editor.setPlainText("BU KONUDA YAPACAK BİR ŞEY YOK, zaten duyurduk!!!")
    dialog.check_tone()
    assert dialog.warnings()
    assert dialog.warnings_label.text().count("\n") >= 1
    with qtbot.waitSignal(pane.replies_queued):
        pane.finish_reply(row, "queue", text, None)
    replies = pane.conversations.replies(row.id)
    assert [r.state for r in replies if r.text == text] == [ReplyState.QUEUED]
    pane.tabs.setCurrentWidget(pane.history_view)
    assert "reply queued" in pane.history_view.toPlainText()


def test_an_uncertain_reply_is_confirmed_from_the_pane(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    from kurum_masaustu.ui.inbox_pane import InboxPane

    with session_factory.begin() as s:
        s.add(Reply(inbox_item_id=thread["answer"], text="Yanıtımız", state=ReplyState.UNCERTAIN))
    pane = InboxPane(InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours()))
    qtbot.addWidget(pane)
    rows = {pane.model.row(pane.model.index(i, 0)).id: i for i in range(pane.model.rowCount())}
    pane.table.setCurrentIndex(pane.model.index(rows[thread["root"]], 0))
    assert pane.uncertain_row.isHidden()
    pane.table.setCurrentIndex(pane.model.index(rows[thread["answer"]], 0))
    assert not pane.uncertain_row.isHidden()
    pane.arrived_button.click()
    assert pane.uncertain_row.isHidden()
    states = [r.state for r in pane.conversations.replies(thread["answer"])]
    assert states == [ReplyState.SENT]
    assert pane.current_row().status is InboxStatus.ANSWERED  # type: ignore[union-attr]
    pane.tabs.setCurrentWidget(pane.history_view)
    assert "reply marked as arrived" in pane.history_view.toPlainText()


def test_the_holiday_table_is_read_off_the_ui_thread_then_clocks_appear(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    from PySide6.QtCore import Qt

    from kurum_masaustu.ui.inbox_pane import COLUMNS, InboxPane

    inbox = InboxService(session_factory, clock=lambda: NOW)  # hours not given: Turkish, built lazily
    pane = InboxPane(inbox)
    qtbot.addWidget(pane)
    row = next(i for i in range(pane.model.rowCount()) if pane.model.row(pane.model.index(i, 0)).id == thread["root"])
    index = pane.model.index(row, COLUMNS.index("waiting"))
    qtbot.waitUntil(lambda: pane.model.data(index, Qt.ItemDataRole.DisplayRole) == "3 h 00 min", timeout=10_000)
    assert inbox.hours_ready()


def test_reply_figures_for_the_goals(session_factory: sessionmaker[Session]) -> None:
    monday = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # 09:00 Istanbul
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye")
        s.add(channel)
        for n, answer_after in enumerate([timedelta(minutes=30), timedelta(hours=2), timedelta(hours=6), None]):
            item = _item(s, channel, f"r{n}", "Soru", monday + timedelta(minutes=n))
            if answer_after is not None:
                item.replies.append(Reply(text="Yanıt", state=ReplyState.SENT, sent_at=item.received_at + answer_after))
                item.replies.append(  # a later second reply does not change the first response time
                    Reply(text="Ek", state=ReplyState.SENT, sent_at=item.received_at + answer_after + timedelta(days=1))
                )
        _item(s, channel, "spam", "Kazan!", monday, category=InboxCategory.SPAM)
        _item(s, channel, "late", "Geçen hafta", monday - timedelta(days=7))
    figures = ConversationService(session_factory).reply_figures(
        monday, monday + timedelta(days=7), BusinessHours(), timedelta(hours=4)
    )
    assert figures.received == 4  # spam and last week's message are not counted
    assert figures.answered == 3
    # 6 h after 09:00 is 15:00: all business time. Median of 30 min, 2 h, 6 h.
    assert figures.median == timedelta(hours=2)
    assert figures.within_target == 2
    assert figures.within_target_share == pytest.approx(2 / 3)
    assert figures.answered_share == pytest.approx(3 / 4)


def test_the_pane_shows_this_weeks_reply_figures(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    from kurum_masaustu.ui.inbox_pane import InboxPane

    pane = InboxPane(InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours()))
    qtbot.addWidget(pane)
    pane.refresh_figures(wait=True)
    # This week (from Monday 30 November): the root (answered after 2 h), Mehmet's answer, the X
    # message; the root's reply took 2 business hours, within the 4-hour target. The X message has
    # waited a working day (late); Mehmet's, two hours (still in time: not counted yet).
    assert pane.figures_label.text() == "This week: 1/3 answered · median 2 h 00 min · 50% in time (4 h 00 min)"
    assert "the 1 still within 4 h 00 min are not counted yet" in pane.figures_label.toolTip()


def test_channel_type_unit_and_period_filters(
    qtbot: QtBot, session_factory: sessionmaker[Session], thread: dict[str, int]
) -> None:
    from kurum_masaustu.ui.inbox_pane import InboxPane

    pane = InboxPane(InboxService(session_factory, clock=lambda: NOW, hours=BusinessHours()))
    qtbot.addWidget(pane)

    def shown() -> set[int]:
        return {pane.model.row(pane.model.index(i, 0)).id for i in range(pane.model.rowCount())}

    assert shown() == set(thread.values())
    pane.channel_filter.setCurrentIndex(pane.channel_filter.findText("Belediye X"))
    assert shown() == {thread["elsewhere"]}
    pane.channel_filter.setCurrentIndex(0)
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData(InboxKind.REPLY))
    assert shown() == {thread["answer"]}
    pane.kind_filter.setCurrentIndex(0)
    pane.period_filter.setCurrentIndex(pane.period_filter.findData(0))  # today, Istanbul time
    assert shown() == {thread["root"], thread["answer"]}
    pane.period_filter.setCurrentIndex(pane.period_filter.findData(7))
    assert shown() == {thread["root"], thread["answer"], thread["elsewhere"], thread["old"]}
    pane.show_negative()  # the crisis banner's button clears the other filters
    assert pane.period_filter.currentIndex() == 0
