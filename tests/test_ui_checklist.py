"""The reliability checklist in the composer, over a real profile: what blocks scheduling, the
spelling check in a worker thread, links on the loop (offline: not checked), override notes in
the audit log, the institution's words."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Category, Platform
from kurum_masaustu.rules.checklist import ItemKey, Status
from kurum_masaustu.rules.timeutil import today_local
from kurum_masaustu.store.models import AuditEntry, Channel, Post, SpellingWord
from kurum_masaustu.ui.main_window import MainWindow


@pytest.fixture
def channel_id(services: Services) -> int:
    with services.sessions.begin() as s:
        channel = Channel(platform=Platform.MASTODON, display_name="Belediye Mastodon", handle="@bel")
        s.add(channel)
        s.flush()
        return channel.id


@pytest.fixture
def window(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services, channel_id: int) -> MainWindow:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.status.set_online(False)  # no test reaches the internet; loopback tests switch it on
    return win


def _write(window: MainWindow, text: str, channel_id: int) -> None:
    composer = window.composer
    composer.body_edit.setPlainText(text)
    composer.channel_checks[channel_id].setChecked(True)
    day = today_local() + timedelta(days=2)
    composer.when_edit.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(11, 0)))


def _item(window: MainWindow, key: ItemKey) -> tuple[Status, str]:
    item = next(i for i in window.checklist.items() if i.key is key)
    return item.status, window.checklist.rows[key].detail.text()


def _posts(services: Services) -> int:
    with services.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Post)) or 0)


def test_an_announcement_without_a_source_is_not_scheduled_and_nothing_is_lost(
    window: MainWindow, services: Services, channel_id: int
) -> None:
    _write(window, "Yarın Cumhuriyet Caddesi'nde asfalt çalışması yapılacaktır.", channel_id)
    assert _item(window, ItemKey.SOURCE)[0] is Status.FAIL
    assert window.composer.save(schedule=True) is None
    assert window.composer.tabs.currentWidget() is window.checklist
    assert "Source reference" in window.composer.message_label.text()
    assert "✖" in window.composer.tabs.tabText(window.composer.tabs.indexOf(window.checklist))
    assert window.composer.body_edit.toPlainText().startswith("Yarın Cumhuriyet")
    assert _posts(services) == 0
    window.checklist.source_edit.setText("Fen İşleri Müdürlüğü, iş programı 2026/118")
    assert _item(window, ItemKey.SOURCE) == (Status.PASS, "Fen İşleri Müdürlüğü, iş programı 2026/118")
    post_id = window.composer.save(schedule=True)
    assert post_id is not None
    loaded = services.posts.load(post_id)
    assert loaded is not None
    assert loaded.source_reference == "Fen İşleri Müdürlüğü, iş programı 2026/118"
    window.composer.new_post()
    assert window.checklist.source_reference() == ""
    window.composer.load(post_id)
    assert window.checklist.source_reference() == "Fen İşleri Müdürlüğü, iş programı 2026/118"


def test_a_drafts_checklist_never_blocks_saving_it(window: MainWindow, services: Services, channel_id: int) -> None:
    _write(window, "Taslak duyuru", channel_id)
    assert window.composer.save(schedule=False) is not None


def test_an_image_needs_alt_text_and_childrens_faces_need_consent(
    window: MainWindow, services: Services, qloop: asyncio.AbstractEventLoop, channel_id: int, tmp_path: Path
) -> None:
    picture = tmp_path / "23nisan.jpg"
    Image.new("RGB", (1200, 800), (240, 200, 40)).save(picture, "JPEG")
    _write(window, "23 Nisan şenliğimizden kareler.", channel_id)
    window.composer.category_combo.setCurrentIndex(window.composer.category_combo.findData(Category.EVENT))
    qloop.run_until_complete(window.composer.attach_files([picture]))
    qloop.run_until_complete(window.media.wait_loaded())
    assert _item(window, ItemKey.ALT_TEXT)[0] is Status.FAIL
    assert _item(window, ItemKey.CONSENT)[0] is Status.WARN  # not answered yet
    assert window.composer.save(schedule=True) is None

    media = window.media
    media.alt_edit.setPlainText("Belediye meydanında 23 Nisan şenliğinde dans eden çocuklar")
    media.people_combo.setCurrentIndex(media.people_combo.findData(True))
    media.children_check.setChecked(True)
    media.flush()
    assert _item(window, ItemKey.ALT_TEXT)[0] is Status.PASS
    status, detail = _item(window, ItemKey.CONSENT)
    assert status is Status.FAIL
    assert "23nisan.jpg" in detail
    assert window.composer.save(schedule=True) is None

    media.people_consent.setChecked(True)
    media.children_consent.setChecked(True)
    media.consent_note.setText("Veli izin formları okul müdürlüğünde")
    media.flush()
    assert _item(window, ItemKey.CONSENT)[0] is Status.PASS
    assert window.composer.save(schedule=True) is not None


def test_a_missing_alt_text_blocks_a_facebook_post_and_only_warns_for_telegram_alone(
    window: MainWindow, services: Services, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    with services.sessions.begin() as s:
        facebook = Channel(platform=Platform.FACEBOOK, display_name="Belediye Facebook", handle="belediye")
        telegram = Channel(platform=Platform.TELEGRAM, display_name="Belediye Telegram", handle="@belediye")
        s.add_all([facebook, telegram])
        s.flush()
        facebook_id, telegram_id = facebook.id, telegram.id
    window.composer.set_channels(services.posts.channels())
    picture = tmp_path / "afis.jpg"
    Image.new("RGB", (1200, 800), (40, 120, 200)).save(picture, "JPEG")
    _write(window, "Bahar konserimiz cuma akşamı.", telegram_id)
    qloop.run_until_complete(window.composer.attach_files([picture]))
    qloop.run_until_complete(window.media.wait_loaded())
    status, detail = _item(window, ItemKey.ALT_TEXT)
    assert status is Status.WARN  # Telegram shows no alt text: the text must say it
    assert "Telegram" in detail
    assert "afis.jpg" in detail
    window.composer.channel_checks[facebook_id].setChecked(True)
    status, detail = _item(window, ItemKey.ALT_TEXT)
    assert status is Status.FAIL  # Facebook reads it to screen reader users (alt_text_custom)
    assert "Describe each image" in detail
    assert window.composer.save(schedule=True) is None
    assert "Alt text" in window.composer.message_label.text()


def test_spelling_is_checked_off_the_ui_thread_and_words_can_be_added(
    window: MainWindow, services: Services, qloop: asyncio.AbstractEventLoop, channel_id: int
) -> None:
    threads: list[str] = []
    checker = window.spell_checker
    original = checker.unknown_words

    def recording(text: str, cancelled: object = None) -> list[str]:
        threads.append(threading.current_thread().name)
        return original(text)

    checker.unknown_words = recording  # type: ignore[method-assign]
    _write(window, "Kızılay'ın desteğiyle Yeşilbağlar Mahallesi'nde kan bağışı yapılcak.", channel_id)
    assert _item(window, ItemKey.SPELLING)[0] is Status.PENDING
    qloop.run_until_complete(window.checklist.wait_idle())
    status, detail = _item(window, ItemKey.SPELLING)
    assert status is Status.WARN
    assert detail == "Not in the dictionary: Kızılay, Yeşilbağlar, yapılcak"
    assert threads
    assert threading.main_thread().name not in threads

    window.checklist.add_word("Kızılay")
    window.checklist.add_word("Yeşilbağlar")
    assert _item(window, ItemKey.SPELLING)[1] == "Not in the dictionary: yapılcak"
    with services.sessions() as s:
        assert sorted(s.scalars(select(SpellingWord.word))) == ["Kızılay", "Yeşilbağlar"]
    window.composer.body_edit.setPlainText("Kızılay'ın desteğiyle Yeşilbağlar'da kan bağışı yapılacak.")
    qloop.run_until_complete(window.checklist.wait_idle())
    assert _item(window, ItemKey.SPELLING)[0] is Status.PASS


def test_a_warning_overridden_with_a_note_goes_to_the_audit_log(
    window: MainWindow, services: Services, qloop: asyncio.AbstractEventLoop, channel_id: int
) -> None:
    asked: list[str] = []

    def answer(item: object, detail: str) -> str | None:
        asked.append(detail)
        return None if len(asked) == 1 else "Mahalle adı, belediyenin resmî yazımı"

    window.checklist._ask_note = answer
    _write(window, "Sarıkamış Şehitleri anmasına Yeşilbağlar halkını bekliyoruz.", channel_id)
    window.checklist.source_edit.setText("Kültür Müdürlüğü")
    qloop.run_until_complete(window.checklist.wait_idle())
    assert _item(window, ItemKey.SPELLING)[0] is Status.WARN
    assert not window.checklist.override(ItemKey.SPELLING)  # cancelled: no note, still open
    assert window.checklist.open_warnings()
    assert window.checklist.override(ItemKey.SPELLING)
    assert not window.checklist.open_warnings()
    assert "Overridden: Mahalle adı" in window.checklist.rows[ItemKey.SPELLING].detail.text()
    post_id = window.composer.save(schedule=True)
    assert post_id is not None
    with services.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "checklist.override")).one()
    assert entry.entity_id == post_id
    assert entry.detail["item"] == "spelling"
    assert entry.detail["note"] == "Mahalle adı, belediyenin resmî yazımı"
    window.composer.new_post()
    window.composer.load(post_id)
    assert not window.checklist.open_warnings()  # the recorded note still covers the same warning


def test_offline_links_are_not_checked_and_do_not_block(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, channel_id: int
) -> None:
    _write(window, "Ayrıntılar: https://ornek.bel.tr/duyuru", channel_id)
    window.checklist.source_edit.setText("Basın Birimi")
    qloop.run_until_complete(window.checklist.wait_idle())
    assert _item(window, ItemKey.LINKS) == (Status.UNKNOWN, "Offline, could not be checked.")
    assert window.composer.save(schedule=True) is not None


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/duyuru" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_online_a_broken_link_warns_on_the_loop(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, channel_id: int, site: str
) -> None:
    window.status.set_online(True)
    _write(window, f"Duyuru: {site}/duyuru ve eski sayfa {site}/eski", channel_id)
    qloop.run_until_complete(window.checklist.wait_idle())
    status, detail = _item(window, ItemKey.LINKS)
    assert status is Status.WARN
    assert detail == f"Not reachable: {site}/eski"
    window.composer.body_edit.setPlainText(f"Duyuru: {site}/duyuru")
    qloop.run_until_complete(window.checklist.wait_idle())
    assert _item(window, ItemKey.LINKS)[0] is Status.PASS


def test_commemoration_day_wording_is_on_the_checklist(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, channel_id: int
) -> None:
    from datetime import date

    window.calendar.show_month(date(2026, 11, 1))
    qloop.run_until_complete(window.calendar.wait_days())
    _write(window, "10 Kasım etkinliğimiz kutlu olsun 🎉", channel_id)
    window.composer.when_edit.setDateTime(QDateTime(QDate(2026, 11, 10), QTime(9, 5)))
    status, detail = _item(window, ItemKey.WORDING)
    assert status is Status.WARN
    assert "🎉" in detail


def test_a_channels_own_text_is_checked_too(
    window: MainWindow, qloop: asyncio.AbstractEventLoop, channel_id: int
) -> None:
    _write(window, "Yarın su kesintisi yapılacaktır.", channel_id)
    qloop.run_until_complete(window.checklist.wait_idle())
    assert _item(window, ItemKey.SPELLING)[0] is Status.PASS
    editor = window.composer.overrides
    editor.select(channel_id)
    editor.write_own()
    editor.editor.setPlainText("Yarın su kesintsi yapılacaktır. Ayrıntı: https://ornek.bel.tr/su")
    qloop.run_until_complete(window.checklist.wait_idle())
    assert _item(window, ItemKey.SPELLING) == (Status.WARN, "Not in the dictionary: kesintsi")
    assert _item(window, ItemKey.LINKS)[0] is Status.UNKNOWN  # offline: the channel's link is not asked
