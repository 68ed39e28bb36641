"""The media preview pane: crops per platform with a draggable focal point, alt text with
counters, metadata that will be removed, consent flags; all saved on the asset."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Platform
from kurum_masaustu.media.library import MediaLibrary
from kurum_masaustu.media.specs import Placement
from kurum_masaustu.services.posts import MediaInfo, media_info
from kurum_masaustu.store.models import AuditEntry, MediaAsset
from kurum_masaustu.ui.media_pane import MediaPane, crop_groups


def _phone_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15 Pro"
    exif[0x0132] = "2026:04:23 10:15:00"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 55.0, 12.5), 3: "E", 4: (32.0, 51.0, 3.25)})
    return exif


def _import(services: Services, path: Path) -> MediaInfo:
    with services.sessions.begin() as session:
        return media_info(MediaLibrary(services.profile.media_dir).import_file(session, path))


@pytest.fixture
def pane(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, services: Services) -> MediaPane:
    made = MediaPane(services.profile.media_dir, services.sessions)
    qtbot.addWidget(made)
    made.resize(900, 700)
    made.show()
    qtbot.waitExposed(made)
    return made


@pytest.fixture
def photo(services: Services, tmp_path: Path) -> MediaInfo:
    """A 12-megapixel phone photo (4000 × 3000) with GPS, camera and date."""
    path = tmp_path / "IMG_2041.jpg"
    Image.new("RGB", (4000, 3000), (90, 140, 200)).save(path, "JPEG", exif=_phone_exif(), quality=80)
    return _import(services, path)


def test_frames_follow_the_pipeline_rules_one_per_shape() -> None:
    groups = {
        (g.placement, g.min_ratio, g.max_ratio): g.platforms for g in crop_groups([Platform.INSTAGRAM, Platform.X])
    }
    assert groups[(Placement.FEED, 4 / 5, 1.91)] == (Platform.INSTAGRAM,)
    assert groups[(Placement.FEED, 0.0, float("inf"))] == (Platform.X,)  # X shows the whole picture
    assert groups[(Placement.STORY, 9 / 16, 9 / 16)] == (Platform.INSTAGRAM,)
    assert groups[(Placement.LINK_CARD, 1.91, 1.91)] == (Platform.X,)  # Instagram has no link cards


def test_a_12_megapixel_photo_is_decoded_off_the_ui_thread_with_its_metadata(
    pane: MediaPane, qloop: asyncio.AbstractEventLoop, photo: MediaInfo
) -> None:
    pane.show_media([photo])
    # show_media returned before anything was decoded: the facts are there, the picture not yet
    assert pane.preview.pixmap().isNull()
    assert "4000×3000" in pane.details.text()
    qloop.run_until_complete(pane.wait_loaded())
    assert not pane.preview.pixmap().isNull()
    assert max(pane.preview.pixmap().width(), pane.preview.pixmap().height()) <= 720
    text = pane.metadata_label.text()
    assert "GPS location" in text
    assert "camera model" in text
    assert "date and time taken" in text


def test_a_heic_from_a_phone_previews_and_lists_its_gps(
    pane: MediaPane, qloop: asyncio.AbstractEventLoop, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "IMG_0001.HEIC"
    Image.new("RGB", (640, 480), (200, 80, 40)).save(path, "HEIF", exif=_phone_exif().tobytes(), quality=80)
    info = _import(services, path)
    pane.show_media([info])
    qloop.run_until_complete(pane.wait_loaded())
    assert not pane.preview.pixmap().isNull()
    assert "GPS location" in pane.metadata_label.text()


def test_dragging_the_focal_point_moves_every_crop_live_and_saves_it(
    pane: MediaPane, qloop: asyncio.AbstractEventLoop, services: Services, photo: MediaInfo
) -> None:
    pane.set_platforms([Platform.INSTAGRAM, Platform.FACEBOOK])
    pane.show_media([photo])
    qloop.run_until_complete(pane.wait_loaded())
    story = next(f for f in pane.frames if f.group.placement is Placement.STORY)
    square = next(f for f in pane.frames if f.group.placement is Placement.CAROUSEL)
    centred = story.crop().center().x()
    area = pane.preview.image_rect()
    start = QPoint(round(area.center().x()), round(area.center().y()))
    right = QPoint(round(area.left() + area.width() * 0.95), round(area.center().y()))
    QTest.mousePress(pane.preview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(pane.preview, right)
    # while the button is still down every frame has moved, nothing is saved yet
    assert story.crop().center().x() > centred
    assert square.crop().right() == pytest.approx(story.crop().right(), abs=1.0)  # both at the right edge
    with services.sessions() as session:
        assert session.get(MediaAsset, photo.id).focal_x == 0.5  # type: ignore[union-attr]
    QTest.mouseRelease(pane.preview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, right)
    with services.sessions() as session:
        saved = session.get(MediaAsset, photo.id)
        assert saved is not None
        assert saved.focal_x == pytest.approx(0.95, abs=0.02)
        assert saved.focal_y == pytest.approx(0.5, abs=0.02)
    pane.preview.setFocus()
    QTest.keyClick(pane.preview, Qt.Key.Key_Left)
    with services.sessions() as session:
        assert session.get(MediaAsset, photo.id).focal_x == pytest.approx(0.93, abs=0.02)  # type: ignore[union-attr]


def test_alt_text_counts_per_platform_and_is_saved(
    pane: MediaPane, qloop: asyncio.AbstractEventLoop, services: Services, photo: MediaInfo, qtbot: QtBot
) -> None:
    updates: list[MediaInfo] = []
    pane.media_updated.connect(updates.append)
    pane.set_platforms([Platform.X, Platform.MASTODON, Platform.FACEBOOK, Platform.TELEGRAM])
    pane.show_media([photo])
    qloop.run_until_complete(pane.wait_loaded())
    pane.alt_edit.setPlainText("Meydanda toplanan gönüllüler fidan dikiyor. " * 25)  # 1,100 characters
    counters = pane.alt_counters.text()
    assert "X 1100/1000 ✖" in counters
    assert "Mastodon 1100/1500" in counters
    assert "Facebook 1100 (no stated limit)" in counters  # alt_text_custom: sent, no documented limit
    assert "Facebook: not sent" not in counters
    assert "Telegram: not sent" in counters
    assert "b42318" in pane.alt_counters.styleSheet()
    qtbot.waitUntil(lambda: bool(updates), timeout=3000)  # saved after a pause in typing
    with services.sessions() as session:
        stored = session.get(MediaAsset, photo.id)
        assert stored is not None
        assert stored.alt_text.startswith("Meydanda toplanan")
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "media.alt_text")).first() is not None
    assert updates[-1].alt_text == stored.alt_text


def test_consent_flags_are_saved_and_children_need_a_choice(
    pane: MediaPane, qloop: asyncio.AbstractEventLoop, services: Services, photo: MediaInfo
) -> None:
    pane.show_media([photo])
    qloop.run_until_complete(pane.wait_loaded())
    assert not pane.children_check.isEnabled()  # until recognisable people are said to appear
    pane.people_combo.setCurrentIndex(pane.people_combo.findData(True))
    assert pane.children_check.isEnabled()
    pane.children_check.setChecked(True)
    pane.children_blurred.setChecked(True)
    pane.consent_note.setText("Veli izin formları Kültür Müdürlüğü'nde")
    pane.flush()
    with services.sessions() as session:
        asset = session.get(MediaAsset, photo.id)
        assert asset is not None
        assert (asset.shows_people, asset.shows_children, asset.children_blurred) == (True, True, True)
        assert asset.children_consent is False
        assert asset.consent_note == "Veli izin formları Kültür Müdürlüğü'nde"
    pane.show_media([])
    with services.sessions() as session:
        reloaded = media_info(session.get(MediaAsset, photo.id))  # type: ignore[arg-type]
    pane.show_media([reloaded])
    assert pane.children_blurred.isChecked()
    assert pane.people_combo.currentData() is True


@pytest.mark.qt_log_ignore("Invalid JPEG file structure")  # Qt's reader reports the damage, then Pillow
def test_a_broken_file_says_so_and_the_pane_stays_usable(
    pane: MediaPane, qloop: asyncio.AbstractEventLoop, services: Services, tmp_path: Path, photo: MediaInfo
) -> None:
    good = tmp_path / "bozuk.jpg"
    Image.new("RGB", (300, 200), (10, 10, 10)).save(good, "JPEG")
    info = _import(services, good)
    stored = services.profile.media_dir / info.relative_path
    stored.write_bytes(stored.read_bytes()[:200])  # damaged on disk after it was imported
    pane.show_media([info, photo])
    qloop.run_until_complete(pane.wait_loaded())
    assert pane.preview.text() == "This file cannot be previewed."
    assert "could not be read" in pane.metadata_label.text()
    pane.thumbnails.setCurrentRow(1)
    assert not pane.preview.pixmap().isNull()


def test_a_video_asks_for_consent_but_not_for_alt_text(pane: MediaPane, qloop: asyncio.AbstractEventLoop) -> None:
    video = MediaInfo(7, "ab/tören.mp4", "tören.mp4", "video/mp4", 1920, 1080, 1_000_000, "")
    pane.show_media([video])
    qloop.run_until_complete(pane.wait_loaded())
    assert pane.preview.text() == "Video: tören.mp4"
    assert pane.consent_box.isVisible()
    assert not pane.alt_edit.isVisible()
    assert not pane.frames_box.isVisible()
