"""Notifications while the window is in the background: new messages (counts and kinds only, never
a citizen's words), posts that could not be published, a crisis spike; nothing while the person
is looking, and messages outside business hours wait unless asked for."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.domain import InboxCategory, InboxKind, Platform
from kurum_masaustu.i18n import install_translators
from kurum_masaustu.publishing.inbox_sync import ChannelSync, InboxSyncSummary
from kurum_masaustu.rules.notifications import (
    FailureNotice,
    MessageNotice,
    NotificationSettings,
    crisis_notice,
    failure_notice,
    message_notice,
)
from kurum_masaustu.services.inbox import BusinessHours, turkish_business_hours
from kurum_masaustu.store.models import Channel, InboxItem
from kurum_masaustu.ui.main_window import MainWindow
from kurum_masaustu.ui.settings_dialog import SettingsDialog
from kurum_masaustu.ui.tray import TrayNotifier

Q, C, A, S, P = (
    InboxCategory.QUESTION,
    InboxCategory.COMPLAINT,
    InboxCategory.ABUSE,
    InboxCategory.SPAM,
    InboxCategory.PRAISE,
)
ON = NotificationSettings()
WEDNESDAY_NOON = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)  # 12:00 in Istanbul
WEDNESDAY_NIGHT = datetime(2026, 12, 9, 20, 0, tzinfo=UTC)  # 23:00


def test_new_messages_are_counted_by_kind_and_spam_is_left_out() -> None:
    notice = message_notice([Q, C, S, P, C, A, None], looking=False, in_hours=True, settings=ON)
    assert notice == MessageNotice(6, ((C, 2), (A, 1), (Q, 1)))
    assert notice.urgent
    assert message_notice([Q, P], looking=False, in_hours=True, settings=ON) == MessageNotice(2, ((Q, 1),))
    assert not MessageNotice(2, ((Q, 1),)).urgent
    assert message_notice([S, S], looking=False, in_hours=True, settings=ON) is None
    assert message_notice([], looking=False, in_hours=True, settings=ON) is None


def test_nothing_is_said_while_looking_or_turned_off_and_the_night_waits() -> None:
    assert message_notice([C], looking=True, in_hours=True, settings=ON) is None
    assert message_notice([C], looking=False, in_hours=False, settings=ON) is None
    night = NotificationSettings(outside_hours=True)
    assert message_notice([C], looking=False, in_hours=False, settings=night) == MessageNotice(1, ((C, 1),))
    off = NotificationSettings(new_messages=False, outside_hours=True)
    assert message_notice([C], looking=False, in_hours=True, settings=off) is None
    # Failures and a crisis are told at any hour; each can be turned off.
    assert failure_notice(2, looking=False, settings=ON) == FailureNotice(2)
    assert failure_notice(0, looking=False, settings=ON) is None
    assert failure_notice(2, looking=True, settings=ON) is None
    assert failure_notice(2, looking=False, settings=NotificationSettings(failures=False)) is None
    assert crisis_notice(True, looking=False, settings=ON)
    assert not crisis_notice(True, looking=True, settings=ON)
    assert not crisis_notice(True, looking=False, settings=off)


def test_business_hours_know_whether_the_office_is_open() -> None:
    hours = BusinessHours()
    assert hours.is_open(WEDNESDAY_NOON)
    assert not hours.is_open(WEDNESDAY_NIGHT)
    assert not hours.is_open(WEDNESDAY_NOON + timedelta(days=3))  # Saturday
    turkish = turkish_business_hours(range(2026, 2027))
    assert turkish.is_open(WEDNESDAY_NOON)
    assert not turkish.is_open(datetime(2026, 10, 29, 9, 0, tzinfo=UTC))  # Cumhuriyet Bayramı, a Thursday


def _add_messages(services: Services, *texts_and_categories: tuple[str, InboxCategory | None]) -> None:
    with services.sessions.begin() as s:
        channel = s.query(Channel).first()
        if channel is None:
            channel = Channel(platform=Platform.FACEBOOK, display_name="Belediye Facebook", handle="bel")
            s.add(channel)
            s.flush()
        for n, (text, category) in enumerate(texts_and_categories):
            s.add(
                InboxItem(
                    channel=channel,
                    platform=channel.platform,
                    remote_id=f"m{datetime.now().timestamp()}-{n}",
                    author_name="Ayşe Yılmaz",
                    author_handle="ayse",
                    text=text,
                    kind=InboxKind.COMMENT,
                    received_at=datetime.now(UTC),
                    category=category,
                )
            )


@contextlib.contextmanager
def _speaking(language: str) -> Iterator[None]:
    translators = install_translators(QCoreApplication.instance(), language)  # type: ignore[arg-type]
    try:
        yield
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    with _speaking("en"):
        yield


def test_the_words_in_turkish(qapp: object) -> None:
    notifier = TrayNotifier(QIcon(), "Kurum Masaüstü")
    with _speaking("tr"):
        title, body = notifier.message_text(MessageNotice(4, ((C, 2), (A, 1), (Q, 1))))
        assert title == "4 yeni mesaj"
        assert body == (
            "2 şikâyet · gizlenecek ya da silinecek 1 hakaret içeren mesaj · 1 soru\n"
            "Okuyup yanıtlamak için gelen kutusunu açın."
        )
        assert notifier.failure_text(FailureNotice(1))[0] == "1 gönderi yayımlanamadı"


@pytest.fixture
def window(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, english: None) -> MainWindow:
    _add_messages(services, ("Eski mesaj", Q))  # there before the window: never announced
    services.inbox._clock = lambda: WEDNESDAY_NOON  # office hours
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.start_background_work()
    return win


def _synced(window: MainWindow, qloop: asyncio.AbstractEventLoop) -> None:
    """What a sync round that stored messages starts, awaited here."""
    qloop.run_until_complete(window.notify_new_messages())


def test_messages_arriving_in_the_background_are_announced_without_their_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, window: MainWindow, services: Services
) -> None:
    assert window.notifier is not None
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.looking())
    _add_messages(
        services,
        ("Çöpler üç gündür alınmadı, Ayşe Hanım'ın evinin önü", C),
        ("Kreş kayıtları ne zaman?", Q),
        ("Reklam: ucuz kredi", S),
    )
    window.after_inbox_sync(InboxSyncSummary([ChannelSync(1, "Belediye Facebook", new=3)]))
    qtbot.waitUntil(lambda: len(window.notifier.shown) == 1)  # type: ignore[union-attr]
    title, body = window.notifier.shown[0]
    assert title == "2 new messages"
    assert body.startswith("1 complaint · 1 question")
    assert "Çöp" not in body
    assert "Ayşe" not in body
    assert "Kreş" not in body
    # The same messages are not announced twice; a later one is.
    _synced(window, qloop)
    assert len(window.notifier.shown) == 1
    _add_messages(services, ("Hakaret", A))
    _synced(window, qloop)
    assert window.notifier.shown[-1][0] == "1 new message"
    assert "1 abusive message to hide or delete" in window.notifier.shown[-1][1]
    # Clicking the notification brings the window back with the inbox in front.
    window.notifier.open_requested.emit()
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.inbox.visibleRegion().isEmpty() is False


def test_nothing_is_announced_at_night_unless_asked_or_turned_off(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, window: MainWindow, services: Services
) -> None:
    assert window.notifier is not None
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.looking())
    services.inbox._clock = lambda: WEDNESDAY_NIGHT
    _add_messages(services, ("Gece şikâyeti", C))
    _synced(window, qloop)
    assert window.notifier.shown == []
    services.settings.notify_outside_hours = True
    _add_messages(services, ("Gece sorusu", Q))
    _synced(window, qloop)
    assert [title for title, _ in window.notifier.shown] == ["1 new message"]  # only the new one
    services.settings.notify_new_messages = False
    _add_messages(services, ("Bir tane daha", Q))
    _synced(window, qloop)
    assert len(window.notifier.shown) == 1


def test_failures_are_announced_and_lead_to_the_outbox(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, window: MainWindow
) -> None:
    from kurum_masaustu.publishing.outbox import RunSummary

    assert window.notifier is not None
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.looking())
    window.after_outbox_run(RunSummary(failed=2))
    assert window.notifier.shown == [
        ("2 posts could not be published", "The outbox shows why; fix it there and try again.")
    ]
    window.notifier.open_requested.emit()
    qtbot.waitUntil(lambda: not window.outbox.visibleRegion().isEmpty())


def test_the_settings_page_keeps_the_notification_choices(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    from kurum_masaustu import policy
    from kurum_masaustu.settings import Settings

    dialog = SettingsDialog(services.settings, services.profile.settings_file, policy.current())
    qtbot.addWidget(dialog)
    page = dialog.inbox_page
    assert page.notify_messages.isChecked()
    assert not page.notify_outside.isChecked()
    page.notify_messages.setChecked(False)
    assert not page.notify_outside.isEnabled()  # follows the first choice
    page.notify_failures.setChecked(False)
    dialog.save()
    stored = Settings.load(services.profile.settings_file)
    assert (stored.notify_new_messages, stored.notify_outside_hours, stored.notify_failures) == (False, False, False)
    assert services.settings.notifications() == NotificationSettings(False, False, False)
