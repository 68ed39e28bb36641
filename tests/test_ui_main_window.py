"""The main window over a real profile: panes wired to the store."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import DeliveryState, InboxKind, Platform
from kurum_masaustu.rules.timeutil import ISTANBUL, today_local
from kurum_masaustu.store.models import Channel, Delivery, InboxItem, Post
from kurum_masaustu.ui.main_window import MainWindow


@pytest.fixture
def channels(services: Services) -> list[int]:
    with services.sessions.begin() as s:
        made = [
            Channel(platform=Platform.X, display_name="Belediye X", handle="@bel", color="#0f1419"),
            Channel(platform=Platform.FACEBOOK, display_name="Belediye FB", handle="bel", color="#1877f2"),
        ]
        s.add_all(made)
        s.flush()
        return [c.id for c in made]


@pytest.fixture
def window(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channels: list[int]) -> MainWindow:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _set_when(window: MainWindow, day: object, hour: int) -> None:
    window.composer.when_edit.setDateTime(
        QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))  # type: ignore[attr-defined]
    )


def test_the_four_panes_exist(window: MainWindow) -> None:
    assert window.calendar.isVisible()
    for dock in (window.composer_dock, window.media_dock, window.inbox_dock):
        assert dock.isVisible()
    assert window.calendar.model.rowCount() == 6
    assert window.calendar.model.columnCount() == 7


def test_a_scheduled_post_appears_on_its_day_in_the_calendar(
    window: MainWindow, services: Services, channels: list[int], qtbot: QtBot
) -> None:
    day = today_local() + timedelta(days=2)
    composer = window.composer
    qtbot.keyClicks(composer.body_edit, "Yarin ")  # QTest types ASCII only
    composer.body_edit.insertPlainText("Atatürk Caddesi'nde asfalt çalışması var.")
    composer.channel_checks[channels[0]].setChecked(True)
    composer.checklist.source_edit.setText("Fen İşleri Müdürlüğü")  # an announcement names its source
    _set_when(window, day, 14)
    qtbot.mouseClick(composer.schedule_button, Qt.MouseButton.LeftButton)

    entries = window.calendar.model.entries_on(day)
    assert [e.title for e in entries] == ["Yarin Atatürk Caddesi'nde asfalt çalışması var."]
    assert entries[0].state is DeliveryState.SCHEDULED
    assert window.calendar.selected_day() == day
    assert "asfalt" in window.calendar.agenda.item(0).text()
    with services.sessions() as s:
        delivery = s.scalars(select(Delivery)).one()
        expected = datetime.combine(day, time(14, 0), tzinfo=ISTANBUL).astimezone(UTC)
        assert delivery.scheduled_at == expected
    assert "1" in window.status.outbox_label.text()


def test_scheduling_without_a_channel_explains_and_keeps_the_text(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    composer = window.composer
    qtbot.keyClicks(composer.body_edit, "Kanal secilmedi")
    _set_when(window, today_local() + timedelta(days=1), 10)
    qtbot.mouseClick(composer.schedule_button, Qt.MouseButton.LeftButton)
    assert composer.message_label.text() != ""
    assert composer.body_edit.toPlainText() == "Kanal secilmedi"
    with services.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0


def test_reopening_a_post_edits_it_instead_of_copying(
    window: MainWindow, services: Services, channels: list[int], qtbot: QtBot
) -> None:
    composer = window.composer
    composer.body_edit.setPlainText("İlk hâli")
    composer.channel_checks[channels[1]].setChecked(True)
    _set_when(window, today_local() + timedelta(days=3), 9)
    post_id = composer.save(schedule=False)
    assert post_id is not None
    composer.new_post()
    assert composer.load(post_id)
    composer.body_edit.setPlainText("İkinci hâli")
    assert composer.save(schedule=False) == post_id
    with services.sessions() as s:
        assert [p.body for p in s.scalars(select(Post))] == ["İkinci hâli"]


def test_attached_image_shows_in_the_media_preview(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, tmp_path: Path, channels: list[int]
) -> None:
    picture = tmp_path / "afis.png"
    Image.new("RGB", (1200, 675), "#2f81f7").save(picture)
    composer = window.composer
    composer.body_edit.setPlainText("Görselli duyuru")
    composer.channel_checks[channels[0]].setChecked(True)
    _set_when(window, today_local() + timedelta(days=1), 11)
    qloop.run_until_complete(composer.attach_files([picture]))
    qloop.run_until_complete(window.ready())
    assert window.media.thumbnails.count() == 1
    assert window.media.preview.pixmap() is not None
    assert not window.media.preview.pixmap().isNull()
    assert "1200×675" in window.media.details.text()
    composer.checklist.source_edit.setText("Kültür Müdürlüğü")
    window.media.alt_edit.setPlainText("Mavi zemin üzerinde etkinlik afişi")
    window.media.save_alt_text()
    post_id = composer.save(schedule=True)
    assert post_id is not None
    window.media.show_media([])
    window.show_post(post_id)
    qloop.run_until_complete(window.ready())
    assert window.media.thumbnails.count() == 1


def test_media_facts_show_before_the_image_is_decoded_and_nothing_jumps(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, tmp_path: Path, channels: list[int]
) -> None:
    picture = tmp_path / "pano.png"
    Image.new("RGB", (1600, 900), "#d1242f").save(picture)
    composer = window.composer
    qloop.run_until_complete(composer.attach_files([picture]))
    qloop.run_until_complete(window.ready())
    item = window.media._items[0]
    window.media.show_media([])
    details_height = window.media.details.height()
    window_size = window.size()

    window.media.show_media([item])
    # Name, size and alt text come from the database: no need to wait for the decoder.
    assert "pano.png" in window.media.details.text()
    assert "1600×900" in window.media.details.text()
    assert window.media.preview.pixmap().isNull()  # still decoding
    qloop.run_until_complete(window.media.wait_loaded())
    assert not window.media.preview.pixmap().isNull()
    # Two lines were reserved for the facts: the panes do not shift when they appear.
    assert window.media.details.height() == details_height
    assert window.size() == window_size


def test_a_broken_file_gets_a_message_and_attaches_nothing(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    bogus = tmp_path / "bozuk.jpg"
    bogus.write_bytes(b"not really a jpeg")
    window.composer.body_edit.setPlainText("Metin kalsın")
    qloop.run_until_complete(window.composer.attach_files([bogus]))
    assert "bozuk.jpg" in window.composer.message_label.text()
    assert window.composer.media_list.count() == 0
    assert window.composer.body_edit.toPlainText() == "Metin kalsın"


def test_inbox_lists_items_newest_first_as_plain_text(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channels: list[int]
) -> None:
    base = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    with services.sessions.begin() as s:
        for i in range(450):
            s.add(
                InboxItem(
                    channel_id=channels[0],
                    platform=Platform.X,
                    remote_id=str(i),
                    author_name=f"Vatandaş {i}",
                    text=f"Mesaj {i}",
                    kind=InboxKind.MENTION,
                    received_at=base + timedelta(minutes=i),
                )
            )
        s.add(
            InboxItem(
                channel_id=channels[0],
                platform=Platform.X,
                remote_id="html",
                author_name="<i>Ali</i>",
                text="<b>acil</b> su yok",
                kind=InboxKind.DIRECT_MESSAGE,
                received_at=base + timedelta(days=30),
            )
        )
    win = MainWindow(services)
    qtbot.addWidget(win)
    model = win.inbox.model
    assert model.rowCount() == 200  # first page only
    assert model.canFetchMore(model.index(-1, -1))
    text_column = model.columnCount() - 1
    assert model.index(0, text_column).data() == "<b>acil</b> su yok"
    assert model.index(1, text_column).data() == "Mesaj 449"
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 451
    win.inbox.table.selectRow(0)
    assert win.inbox.reader.toPlainText() == "<b>acil</b> su yok"
    assert win.inbox.reader_label.textFormat() == Qt.TextFormat.PlainText
    assert "<i>Ali</i>" in win.inbox.reader_label.text()


def test_dock_layout_is_remembered(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, window: MainWindow
) -> None:
    window.inbox_dock.hide()
    window.close()
    again = MainWindow(services)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.inbox_dock.isVisible()
    assert again.composer_dock.isVisible()


def test_demo_profile_fills_all_four_panes(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path) -> None:
    from kurum_masaustu.app import build_services
    from kurum_masaustu.demo.seed import seed_demo_profile
    from kurum_masaustu.domain import InboxCategory
    from kurum_masaustu.paths import Profile
    from kurum_masaustu.settings import Settings

    profile = Profile(tmp_path / "demo").ensure()
    seed_demo_profile(profile)
    built = build_services(profile, Settings())
    try:
        win = MainWindow(built, demo=True)
        qtbot.addWidget(win)
        win.show()
        qloop.run_until_complete(win.ready())
        month = win.calendar.model
        days = {month.day_at(month.index(r, c)) for r in range(6) for c in range(7)}
        entries = [e for d in days for e in month.entries_on(d)]
        assert len(entries) >= 20
        assert {e.state for e in entries} >= {DeliveryState.PUBLISHED, DeliveryState.SCHEDULED}
        assert len(win.composer.channel_checks) == 8
        assert win.media.thumbnails.count() >= 1
        assert not win.media.preview.pixmap().isNull()
        inbox = win.inbox.model
        assert inbox.rowCount() >= 50
        categories = {inbox.row(inbox.index(r, 0)).category for r in range(inbox.rowCount())}
        assert {
            InboxCategory.QUESTION,
            InboxCategory.COMPLAINT,
            InboxCategory.PRAISE,
            InboxCategory.ABUSE,
        } <= categories
        win.close()
    finally:
        built.close()


def test_without_a_secure_keyring_the_window_says_so(window: MainWindow, qloop: asyncio.AbstractEventLoop) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        qloop.run_until_complete(window._check_keyring())
    finally:
        keyring.set_keyring(previous)
    assert window.status.keyring_label.isVisible()
    assert window.status.keyring_label.text() != ""
    assert window.status.keyring_label.toolTip() != ""


def test_with_the_secret_service_keyring_no_warning_shows(window: MainWindow, qloop: asyncio.AbstractEventLoop) -> None:
    qloop.run_until_complete(window._check_keyring())
    assert not window.status.keyring_label.isVisible()


def test_pausing_shows_a_banner_until_publishing_resumes(window: MainWindow) -> None:
    window.pause_publishing("Millî yas ilan edildi")
    assert window.pause_banner.isVisible()
    assert "Millî yas ilan edildi" in window.pause_banner.label.text()
    assert not window.pause_action.isEnabled()
    window.pause_banner.resume_button.click()
    assert not window.pause_banner.isVisible()
    assert window.services.publisher.paused() is None


def test_outbox_lists_a_failure_with_its_reason_and_retries_it(
    window: MainWindow, services: Services, channels: list[int]
) -> None:
    with services.sessions.begin() as s:
        post = Post(body="İhale duyurusu")
        post.deliveries.append(
            Delivery(
                channel_id=channels[0],
                scheduled_at=datetime.now(UTC) - timedelta(hours=1),
                state=DeliveryState.FAILED,
                last_error="validation: Text is too long",
            )
        )
        s.add(post)
    window.outbox.reload()
    model = window.outbox.model
    assert model.rowCount() == 1
    assert "Text is too long" in model.index(0, 4).data()
    window.outbox.table.selectRow(0)
    assert window.outbox.retry_button.isEnabled()
    window.outbox.retry_button.click()
    with services.sessions() as s:
        assert s.scalars(select(Delivery)).one().state is DeliveryState.SCHEDULED


def test_the_outbox_behind_the_inbox_tab_is_read_when_its_tab_is_opened(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channels: list[int]
) -> None:
    with services.sessions.begin() as s:
        post = Post(title="Kültür merkezi açılıyor", body="Kültür merkezi bugün açılıyor")
        tomorrow = datetime.now(UTC) + timedelta(days=1)
        post.deliveries.append(Delivery(channel_id=channels[0], scheduled_at=tomorrow, state=DeliveryState.SCHEDULED))
        s.add(post)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the window has settled: the inbox tab is in front
    assert window.outbox.visibleRegion().isEmpty()  # behind the inbox's tab
    assert window.outbox.model.rowCount() == 0  # so the queue was not read at start
    window.outbox_dock.raise_()
    qtbot.waitUntil(lambda: window.outbox.model.rowCount() == 1)
    assert window.outbox.model.index(0, 3).data() == "Kültür merkezi açılıyor"


def test_a_channel_added_or_removed_in_the_manager_shows_everywhere_at_once(
    qtbot: QtBot, window: MainWindow, services: Services, channels: list[int]
) -> None:
    window.composer.channel_checks[channels[0]].setChecked(True)  # the open post's choice
    window.inbox.channel_filter.setCurrentIndex(window.inbox.channel_filter.findData(channels[1]))
    manager = window.open_channel_manager()
    with services.sessions.begin() as s:
        added = Channel(platform=Platform.MASTODON, display_name="Belediye Mastodon", handle="@bel@sosyal.example")
        s.add(added)
        s.flush()
        added_id = added.id
    manager.changed.emit()  # what the manager says after connecting an account
    assert set(window.composer.channel_checks) == {*channels, added_id}
    assert window.composer.channel_checks[channels[0]].isChecked()  # kept
    assert not window.composer.channel_checks[added_id].isChecked()
    assert window.calendar.filters.channel_combo.findData(added_id) > 0
    assert window.inbox.channel_filter.findData(added_id) > 0
    # Choosing the new channel in the composer updates the media pane's frames too.
    window.composer.channel_checks[added_id].setChecked(True)
    assert window.media._platforms == (Platform.X, Platform.MASTODON)

    with services.sessions.begin() as s:
        s.delete(s.get(Channel, channels[1]))
    manager.changed.emit()
    assert set(window.composer.channel_checks) == {channels[0], added_id}
    assert window.inbox.channel_filter.findData(channels[1]) == -1
    assert window.inbox.channel_filter.currentData() is None  # its filter fell back to all channels
    manager.close()


def test_without_channels_the_composer_offers_to_add_one(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    from kurum_masaustu.ui.channel_manager import ChannelManagerDialog

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    rows = window.composer.channel_box
    assert rows.no_channels_label.isVisible()
    assert rows.add_channel_button.isVisible()
    rows.add_channel_button.click()
    qtbot.waitUntil(lambda: bool(window.findChildren(ChannelManagerDialog)))
    manager = window.findChildren(ChannelManagerDialog)[0]
    with services.sessions.begin() as s:
        s.add(Channel(platform=Platform.TELEGRAM, display_name="Belediye Duyuru", handle="@belediye"))
    manager.changed.emit()
    assert not rows.add_channel_button.isVisible()
    assert len(window.composer.channel_checks) == 1
    manager.close()


def test_the_window_fits_a_1366_by_768_laptop_screen(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services
) -> None:
    with services.sessions.begin() as s:  # eight channels, as in a municipality with every platform
        s.add_all(Channel(platform=Platform.MASTODON, display_name=f"Kanal {n}", handle=f"@k{n}") for n in range(8))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    # 768 px less the Windows taskbar (40) and the title bar (≈30).
    assert window.minimumSizeHint().height() <= 768 - 40 - 30
    assert window.minimumSizeHint().width() <= 1366
    rows = window.composer.channel_scroll
    assert not rows.verticalScrollBar().isVisible()  # at 1440 × 900 every channel row shows
    window.resize(1366, 690)
    qtbot.waitUntil(lambda: window.height() == 690)
    qtbot.waitUntil(lambda: rows.verticalScrollBar().isVisible())  # short: the rows scroll
    assert not window.composer.schedule_button.visibleRegion().isEmpty()  # still reachable


def test_previews_show_counts_and_block_scheduling_a_text_too_long_for_x(
    window: MainWindow, services: Services, channels: list[int]
) -> None:
    composer = window.composer
    composer.channel_checks[channels[0]].setChecked(True)  # X
    composer.channel_checks[channels[1]].setChecked(True)  # Facebook
    composer.body_edit.setPlainText("Çok uzun bir duyuru metni. " * 20)
    composer.update_checks()
    results = {r.channel.platform: r for r in composer.previews.results}
    assert results[Platform.X].blocking
    assert not results[Platform.FACEBOOK].blocking
    assert "✖" in composer.tabs.tabText(1)
    _set_when(window, today_local() + timedelta(days=1), 10)
    assert composer.save(schedule=True) is None
    assert "Belediye X" in composer.message_label.text()
    assert composer.tabs.currentIndex() == 1
    with services.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0
    assert composer.save(schedule=False) is not None  # a draft may still be kept
    composer.channel_checks[channels[0]].setChecked(False)
    composer.checklist.source_edit.setText("Basın Birimi")
    assert composer.save(schedule=True) is not None


def test_unsaved_work_survives_a_crash_and_is_restored(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, window: MainWindow, channels: list[int]
) -> None:
    window.composer.body_edit.setPlainText("Yarın pazar yeri taşınıyor; ayrıntılar yakında.")
    window.composer.channel_checks[channels[1]].setChecked(True)
    window.composer.autosave_now()  # the timer's work, as if 0.8 s had passed
    autosave_file = services.profile.root / "autosave" / "composer.json"
    assert autosave_file.is_file()
    # The process dies here: no save, no close. A new window on the same profile:
    again = MainWindow(services)
    qtbot.addWidget(again)
    assert again.composer.body_edit.toPlainText() == "Yarın pazar yeri taşınıyor; ayrıntılar yakında."
    assert again.composer.checked_channels() == [channels[1]]
    assert again.composer.message_label.text() != ""
    assert again.composer.save(schedule=False) is not None
    assert not autosave_file.exists()


def test_hashtag_suggestions_follow_the_text_and_are_added_on_click(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channels: list[int]
) -> None:
    from kurum_masaustu.domain import HashtagSetKind
    from kurum_masaustu.store.models import HashtagSet

    services.settings.province = "izmir"
    services.settings.district = "karşıyaka"
    with services.sessions.begin() as s:
        s.add(HashtagSet(name="Hizmet", kind=HashtagSetKind.GENERAL, tags=["SuKesintisi", "YolÇalışması"]))
    win = MainWindow(services)
    qtbot.addWidget(win)
    composer = win.composer
    composer.body_edit.setPlainText("Bostanlı'da yarın su kesintisi var.")
    composer.update_checks()
    shown = [b.text() for b in composer._suggestion_buttons if b.isVisible() or b.text()]
    assert shown[0] == "#SuKesintisi"
    assert "#KarşıyakaBelediyesi" in shown
    composer._suggestion_buttons[0].click()
    assert composer.body_edit.toPlainText() == "Bostanlı'da yarın su kesintisi var. #SuKesintisi"
    assert "#SuKesintisi" not in [b.text() for b in composer._suggestion_buttons if b.text()]


def test_inbox_search_filters_and_corrections(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channels: list[int]
) -> None:
    from kurum_masaustu.domain import InboxCategory
    from kurum_masaustu.rules.inbox import classify

    base = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    texts = ["Çöpler 3 gündür toplanmadı!", "İstanbul yolu ne zaman açılacak?", "Teşekkürler, harika bir etkinlikti"]
    with services.sessions.begin() as s:
        for i, text in enumerate(texts):
            verdict = classify(text)
            s.add(
                InboxItem(
                    channel_id=channels[0],
                    platform=Platform.X,
                    remote_id=f"r{i}",
                    author_name=f"Vatandaş {i}",
                    text=text,
                    kind=InboxKind.MENTION,
                    received_at=base + timedelta(minutes=i),
                    category=verdict.category,
                    negative=verdict.negative,
                    classification_reasons=list(verdict.reasons),
                )
            )
    win = MainWindow(services)
    qtbot.addWidget(win)
    inbox = win.inbox
    inbox.search_edit.setText("cop")  # typed without Turkish letters
    inbox.apply_filter()
    assert inbox.model.rowCount() == 1
    assert "toplanmadı" in inbox.reader.toPlainText()
    assert "toplanmadı" in inbox.reasons_label.text()
    inbox.search_edit.setText('"İSTANBUL* -')  # FTS syntax is treated as words, never as syntax
    inbox.apply_filter()
    assert inbox.model.rowCount() == 1
    inbox.search_edit.setText('"*-( NEAR')
    inbox.apply_filter()
    assert inbox.model.rowCount() == 0  # "near" is searched as a word: nothing has it, and no error
    inbox.search_edit.clear()
    inbox.category_filter.setCurrentIndex(inbox.category_filter.findData(InboxCategory.PRAISE))
    assert inbox.model.rowCount() == 1
    inbox.correct_combo.setCurrentIndex(inbox.correct_combo.findData(InboxCategory.OTHER))
    inbox.correct_combo.activated.emit(inbox.correct_combo.currentIndex())
    with services.sessions() as s:
        item = s.scalars(select(InboxItem).where(InboxItem.remote_id == "r2")).one()
    assert item.category is InboxCategory.OTHER
    assert item.category_corrected


def test_a_template_fills_the_text_and_an_empty_field_blocks_scheduling(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channels: list[int]
) -> None:
    from kurum_masaustu.services.templates import TemplateService
    from kurum_masaustu.ui.template_dialog import TemplateDialog

    TemplateService(services.sessions).install_builtins()
    win = MainWindow(services)
    qtbot.addWidget(win)
    templates = win._post_templates()
    dialog = TemplateDialog(templates)
    qtbot.addWidget(dialog)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("su_kesintisi"))
    first = next(iter(dialog.inputs))
    for name, edit in dialog.inputs.items():
        if name != first:
            edit.setText("Çamlık" if "mahalle" in name else "örnek")
    text, fields = dialog.filled()
    assert "{" + first + "}" in text
    composer = win.composer
    composer.use_template(text, fields)
    composer.channel_checks[channels[1]].setChecked(True)
    _set_when(win, today_local() + timedelta(days=2), 9)
    assert composer.save(schedule=True) is None
    assert any("Template field" in n or "Şablon" in n for n in composer.notes)
    composer.body_edit.setPlainText(text.replace("{" + first + "}", "27.11.2026"))
    composer.checklist.source_edit.setText("ASKİ Genel Müdürlüğü")
    assert composer.save(schedule=True) is not None
