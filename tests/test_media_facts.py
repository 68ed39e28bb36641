"""Focal point, alt text and consent on media assets: stored, audited, used by the pipeline;
checklist override notes in the audit log; the schema migration that added them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Platform
from kurum_masaustu.media.library import MediaLibrary
from kurum_masaustu.publishing.outbox import MediaRef
from kurum_masaustu.rules.checklist import Item, ItemKey, Status, consent_item
from kurum_masaustu.services.checklist import ChecklistRecords
from kurum_masaustu.services.media_facts import Consent, MediaFactsService, facts
from kurum_masaustu.services.posts import PostDraft, PostService, media_info
from kurum_masaustu.store.database import make_engine, migrate, open_database, sqlite_url
from kurum_masaustu.store.models import AuditEntry, MediaAsset


def _two_colour_panorama(path: Path) -> Path:
    """4:1, red on the left half, blue on the right."""
    image = Image.new("RGB", (800, 200), (220, 0, 0))
    image.paste((0, 0, 220), (400, 0, 800, 200))
    image.save(path, "JPEG", quality=95)
    return path


@pytest.fixture
def asset_id(services: Services, tmp_path: Path) -> int:
    library = MediaLibrary(services.profile.media_dir)
    with services.sessions.begin() as session:
        return library.import_file(session, _two_colour_panorama(tmp_path / "meydan.jpg")).id


def test_focal_point_is_stored_clamped_and_audited(services: Services, asset_id: int) -> None:
    service = MediaFactsService(services.sessions)
    info = service.set_focal(asset_id, 1.7, -0.2)
    assert info is not None
    assert (info.focal_x, info.focal_y) == (1.0, 0.0)
    assert service.set_focal(asset_id, float("nan"), 0.3) is not None
    with services.sessions() as session:
        asset = session.get(MediaAsset, asset_id)
        assert asset is not None
        assert (asset.focal_x, asset.focal_y) == (0.5, 0.5)
        details = list(session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "media.focal_point")))
    assert details == [{"x": 1.0, "y": 0.0}, {"x": 0.5, "y": 0.5}]
    assert service.set_focal(99999, 0.2, 0.2) is None


def test_the_pipeline_crops_around_the_stored_focal_point(services: Services, asset_id: int) -> None:
    service = MediaFactsService(services.sessions)

    def mean_colour(x: float) -> tuple[float, ...]:
        info = service.set_focal(asset_id, x, 0.5)
        assert info is not None
        ref = MediaRef(info.relative_path, info.mime_type, info.alt_text, info.width, info.height, (x, 0.5))
        prepared = asyncio.run(services._media_file(ref, Platform.INSTAGRAM))
        with Image.open(prepared.path) as image:
            assert abs(image.width / image.height - 1.91) < 0.02  # Instagram's widest feed shape
            return tuple(ImageStat.Stat(image.convert("RGB")).mean)

    left, right = mean_colour(0.0), mean_colour(1.0)
    assert left[0] > left[2] * 2  # mostly red
    assert right[2] > right[0] * 2  # mostly blue


def test_alt_text_is_plain_and_bounded(services: Services, asset_id: int) -> None:
    service = MediaFactsService(services.sessions)
    info = service.set_alt_text(asset_id, "  Meydanda\x00 fidan\u202e dikimi\n" + "x" * 6000)
    assert info is not None
    assert "\x00" not in info.alt_text
    assert info.alt_text.startswith("Meydanda fidan")
    assert len(info.alt_text) == 5000


def test_consent_is_recorded_with_who_and_what(services: Services, asset_id: int) -> None:
    service = MediaFactsService(services.sessions)
    info = service.set_consent(asset_id, Consent(True, True, True, False, True, "Veli izin formları kültür md."))
    assert info is not None
    assert consent_item([facts(info)]).status is Status.PASS  # children blurred, adults consented
    with services.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "media.consent")).one()
    assert entry.entity_id == asset_id
    assert entry.detail["children_blurred"] is True
    assert entry.detail["note"] == "Veli izin formları kültür md."


def test_override_notes_go_to_the_audit_log_once(services: Services) -> None:
    post_id = PostService(services.sessions).save(PostDraft(body="Duyuru", channel_ids=[]))
    records = ChecklistRecords(services.sessions)
    warning = Item(ItemKey.SPELLING, Status.WARN, "unknown_words", ("Kızılay",))
    passing = Item(ItemKey.LINKS, Status.PASS, "no_links")
    notes = {warning.signature: "Kurum adı, doğru yazım", passing.signature: "yok sayılır"}
    assert records.record_overrides(post_id, [warning, passing], notes) == 1
    assert records.record_overrides(post_id, [warning, passing], notes) == 0  # already recorded
    assert records.overrides(post_id) == {warning.signature: "Kurum adı, doğru yazım"}
    with services.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "checklist.override")).one()
    assert entry.detail["values"] == ["Kızılay"]
    assert entry.detail["item"] == "spelling"


def test_source_reference_is_saved_with_the_post(session_factory: sessionmaker[Session]) -> None:
    posts = PostService(session_factory)
    post_id = posts.save(PostDraft(body="Su kesintisi", channel_ids=[], source_reference=" ASKİ 2026/41 "))
    loaded = posts.load(post_id)
    assert loaded is not None
    assert loaded.source_reference == "ASKİ 2026/41"


def test_migration_gives_old_media_the_centre_and_unanswered_consent(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = make_engine(sqlite_url(path))
    migrate(old, "0004")
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO media_assets (id, sha256, original_name, media_type, mime_type, size_bytes, alt_text,"
                " created_at) VALUES (1, :sha, 'eski.jpg', 'image', 'image/jpeg', 10, 'Eski', '2026-01-01 00:00:00')"
            ),
            {"sha": "a" * 64},
        )
    old.dispose()
    engine = open_database(path, tmp_path / "backups")
    with Session(engine) as session:
        asset = session.get(MediaAsset, 1)
        assert asset is not None
        info = media_info(asset)
    engine.dispose()
    assert (info.focal_x, info.focal_y, info.shows_people, info.children_consent) == (0.5, 0.5, None, False)
    assert info.alt_text == "Eski"
