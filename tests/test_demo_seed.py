"""The demo month: kinds of data, consistency, idempotence on a profile, determinism."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.demo.seed import seed_demo, seed_demo_profile
from kurum_masaustu.domain import (
    Category,
    DeliveryState,
    HashtagSetKind,
    InboxCategory,
    InboxKind,
    InboxStatus,
    Platform,
    PostKind,
    ReplyState,
)
from kurum_masaustu.media.library import MediaLibrary
from kurum_masaustu.paths import Profile
from kurum_masaustu.store.database import open_database
from kurum_masaustu.store.models import (
    AuditEntry,
    Campaign,
    Channel,
    Delivery,
    HashtagSet,
    InboxItem,
    MediaAsset,
    Post,
    Reply,
    Template,
    Unit,
)

TZ = ZoneInfo("Europe/Istanbul")
TODAY = date(2026, 11, 26)  # a Thursday; Öğretmenler Günü behind, Engelliler Günü and Regaib ahead


@pytest.fixture
def seeded(session_factory: sessionmaker[Session], profile: Profile) -> Iterator[Session]:
    with session_factory() as session:
        seed_demo(session, MediaLibrary(profile.media_dir), TODAY)
        session.commit()
        yield session


def _all(session: Session, model: type[Any]) -> list[Any]:
    return list(session.scalars(select(model)))


def _x_weight(text: str) -> int:
    """twitter-text weighting, conservatively: everything outside the light ranges counts 2."""
    light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
    return sum(1 if any(lo <= ord(ch) <= hi for lo, hi in light) else 2 for ch in text)


def test_every_platform_has_a_sandbox_channel(seeded: Session) -> None:
    channels = _all(seeded, Channel)
    assert {c.platform for c in channels} == set(Platform)
    assert all(c.sandbox for c in channels if c.platform is not Platform.MANUAL)
    assert len({c.color for c in channels}) == len(channels)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c.color) for c in channels)
    assert all(c.handle for c in channels)


def test_posts_span_the_past_and_the_future(seeded: Session) -> None:
    posts = _all(seeded, Post)
    assert 40 <= len(posts) <= 50
    deliveries = _all(seeded, Delivery)
    start = datetime.combine(TODAY - timedelta(days=15), datetime.min.time(), tzinfo=TZ)
    end = datetime.combine(TODAY + timedelta(days=22), datetime.min.time(), tzinfo=TZ)
    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=TZ)
    timed = [d for d in deliveries if d.scheduled_at is not None]
    assert all(start <= d.scheduled_at <= end for d in timed)
    assert any(d.scheduled_at < now for d in timed)
    assert any(d.scheduled_at > now + timedelta(days=14) for d in timed)
    assert {p.category for p in posts} >= {
        Category.SERVICE,
        Category.EVENT,
        Category.AWARENESS,
        Category.CELEBRATION,
        Category.CRISIS,
    }
    assert {p.kind for p in posts} >= {PostKind.TEXT, PostKind.IMAGE, PostKind.CAROUSEL, PostKind.POLL}
    assert any(p.title == "Öğretmenler Günü" for p in posts)
    assert any("Regaib" in p.title for p in posts)
    assert any("Dünya Engelliler Günü" in p.body for p in posts)


def test_delivery_states_are_consistent(seeded: Session) -> None:
    deliveries = _all(seeded, Delivery)
    states = {d.state for d in deliveries}
    assert states >= {
        DeliveryState.PUBLISHED,
        DeliveryState.SCHEDULED,
        DeliveryState.DRAFT,
        DeliveryState.FAILED,
    }
    now = datetime.combine(TODAY, datetime.max.time(), tzinfo=TZ)
    for d in deliveries:
        if d.state is DeliveryState.PUBLISHED:
            assert d.remote_id
            assert d.permalink
            assert d.permalink.startswith("https://")
            assert d.published_at is not None
            assert d.scheduled_at is not None
            assert d.scheduled_at <= d.published_at < now
            assert d.attempts == 1
        if d.state is DeliveryState.SCHEDULED:
            assert d.scheduled_at is not None
            assert d.published_at is None
            assert d.remote_id is None
    (failed,) = [d for d in deliveries if d.state is DeliveryState.FAILED]
    assert failed.last_error
    assert "yeniden" in failed.last_error
    assert failed.published_at is None
    drafts = [d for d in deliveries if d.state is DeliveryState.DRAFT]
    assert any(d.scheduled_at is None for d in drafts)
    assert any(d.scheduled_at is not None for d in drafts)


def test_delivery_texts_fit_the_platforms(seeded: Session) -> None:
    deliveries = _all(seeded, Delivery)
    assert any(d.text_override for d in deliveries)
    for d in deliveries:
        if d.channel.platform is Platform.X:
            assert _x_weight(d.text) <= 280, d.post.title
        if d.channel.platform is Platform.BLUESKY:
            assert len(d.text) <= 300, d.post.title
    instagram = [d for d in deliveries if d.channel.platform is Platform.INSTAGRAM]
    assert instagram
    assert all(d.post.media_links for d in instagram)


def test_times_are_business_like_in_istanbul(seeded: Session) -> None:
    for d in _all(seeded, Delivery):
        if d.scheduled_at is not None:
            assert 8 <= d.scheduled_at.astimezone(TZ).hour <= 18, d.post.title


def test_images_are_on_disk_with_matching_sha256(seeded: Session, profile: Profile) -> None:
    library = MediaLibrary(profile.media_dir)
    assets = _all(seeded, MediaAsset)
    assert 10 <= len(assets) <= 16
    for asset in assets:
        data = library.path_of(asset).read_bytes()
        assert hashlib.sha256(data).hexdigest() == asset.sha256
        assert asset.size_bytes == len(data)
        assert (asset.width, asset.height) in {(1080, 1080), (1200, 675)}
        assert asset.alt_text
        assert "Yeşilvadi" in asset.alt_text
    assert {a.mime_type for a in assets} == {"image/png", "image/jpeg"}
    linked = {link.media_id for post in _all(seeded, Post) for link in post.media_links}
    assert linked == {a.id for a in assets}


def test_campaign_library_and_units(seeded: Session) -> None:
    (campaign,) = _all(seeded, Campaign)
    assert campaign.starts_on <= TODAY <= campaign.ends_on
    assert len(campaign.posts) >= 4
    sets = _all(seeded, HashtagSet)
    general = next(s for s in sets if s.kind is HashtagSetKind.GENERAL)
    assert general.tags == ["#Türkiye", "#ResmiDuyuru", "#HalkaHizmet"]
    event = next(s for s in sets if s.kind is HashtagSetKind.EVENT)
    assert event.starts_on == campaign.starts_on
    assert event.ends_on == campaign.ends_on
    assert any(s.kind is HashtagSetKind.LOCAL for s in sets)
    units = _all(seeded, Unit)
    assert any(u.name.startswith("Fen İşleri") and u.email == "fenisleri@yesilvadi.bel.tr" for u in units)
    assert all(u.keywords for u in units)
    templates = _all(seeded, Template)
    assert {t.purpose for t in templates} == {"post", "reply"}
    for template in templates:
        assert template.fields == list(dict.fromkeys(re.findall(r"\{(\w+)\}", template.body)))
    assert "tarih" in next(t for t in templates if t.key == "su_kesintisi").fields


def test_inbox_covers_kinds_categories_and_threads(seeded: Session) -> None:
    items = _all(seeded, InboxItem)
    assert 60 <= len(items) <= 80
    assert {i.kind for i in items} == set(InboxKind)
    assert {i.category for i in items} >= set(InboxCategory)
    assert {i.status for i in items} >= {
        InboxStatus.NEW,
        InboxStatus.READ,
        InboxStatus.ANSWERED,
        InboxStatus.RESOLVED,
    }
    assert sum(i.category is InboxCategory.ABUSE for i in items) == 1
    assert sum(i.category is InboxCategory.SPAM for i in items) == 1
    assert all(i.negative for i in items if i.category in (InboxCategory.COMPLAINT, InboxCategory.ABUSE))
    assert not any(i.negative for i in items if i.category is InboxCategory.PRAISE)
    assert any("toplanmadı" in i.text for i in items)
    assert any("su hâlâ gelmedi" in i.text for i in items)
    assert any("<b>acil</b>" in i.text for i in items)
    assert any(i.text.isupper() for i in items)
    assert any(i.unit_id is not None for i in items)
    assert {i.platform for i in items} <= set(Platform) - {Platform.MANUAL}
    assert all(i.platform is i.channel.platform for i in items)


def test_inbox_links_and_times_are_consistent(seeded: Session) -> None:
    items = _all(seeded, InboxItem)
    start = datetime.combine(TODAY - timedelta(days=15), datetime.min.time(), tzinfo=TZ)
    end = datetime.combine(TODAY, datetime.min.time(), tzinfo=TZ) + timedelta(hours=9)
    assert all(start <= i.received_at <= end for i in items)
    linked = [i for i in items if i.delivery_id is not None]
    assert len(linked) >= 25
    for item in linked:
        delivery = seeded.get(Delivery, item.delivery_id)
        assert delivery is not None
        assert delivery.state is DeliveryState.PUBLISHED
        assert delivery.channel_id == item.channel_id
        assert delivery.published_at is not None
        assert item.received_at > delivery.published_at
    threaded = [i for i in items if i.parent_id is not None]
    assert len(threaded) >= 2
    for item in threaded:
        assert item.parent is not None
        assert item.parent.received_at < item.received_at
        assert item.kind is InboxKind.REPLY
        assert item.channel_id == item.parent.channel_id
    replies = _all(seeded, Reply)
    assert any(r.state is ReplyState.DRAFT for r in replies)
    for reply in replies:
        if reply.state is ReplyState.SENT:
            assert reply.sent_at is not None
            assert reply.sent_at > reply.item.received_at
    answered = [i for i in items if i.status in (InboxStatus.ANSWERED, InboxStatus.RESOLVED) and i.replies]
    assert len(answered) >= 15


def test_audit_entries_by_demo(seeded: Session) -> None:
    entries = _all(seeded, AuditEntry)
    assert entries
    assert all(e.actor == "demo" for e in entries)
    assert {"channel.connected", "delivery.failed", "demo.seeded"} <= {e.action for e in entries}


def test_seed_refuses_a_database_with_channels(seeded: Session, profile: Profile) -> None:
    with pytest.raises(ValueError, match="without channels"):
        seed_demo(seeded, MediaLibrary(profile.media_dir), TODAY)


def _counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Channel, Post, Delivery, MediaAsset, InboxItem, Reply, AuditEntry, Template, Unit)
        }


def test_seed_demo_profile_is_idempotent(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "demo")
    seed_demo_profile(profile, TODAY)
    engine = open_database(profile.database, profile.backup_dir)
    try:
        first = _counts(engine)
        files = sorted(p for p in profile.media_dir.rglob("*") if p.is_file())
    finally:
        engine.dispose()
    assert first["channels"] == len(Platform)
    assert first["posts"] > 0

    seed_demo_profile(profile, TODAY + timedelta(days=3))
    engine = open_database(profile.database, profile.backup_dir)
    try:
        assert _counts(engine) == first
    finally:
        engine.dispose()
    assert sorted(p for p in profile.media_dir.rglob("*") if p.is_file()) == files


def _post_row(post: Post) -> tuple[Any, ...]:
    deliveries = [
        (
            d.channel.platform,
            d.state,
            d.scheduled_at,
            d.published_at,
            d.remote_id,
            d.permalink,
            d.text_override,
        )
        for d in post.deliveries
    ]
    media = [link.media.sha256 for link in post.media_links]
    return (post.title, post.body, post.kind, post.category, post.created_at, deliveries, media)


def _item_row(item: InboxItem) -> tuple[Any, ...]:
    replies = [(r.text, r.state, r.sent_at) for r in item.replies]
    head = (item.platform, item.remote_id, item.author_handle, item.text, item.received_at, item.status)
    return (*head, item.delivery_id, item.parent_id, item.unit_id, replies)


def _snapshot(profile: Profile) -> list[Any]:
    engine = open_database(profile.database, profile.backup_dir)
    try:
        with Session(engine) as session:
            posts = [_post_row(p) for p in session.scalars(select(Post).order_by(Post.id))]
            inbox = [_item_row(i) for i in session.scalars(select(InboxItem).order_by(InboxItem.id))]
            return [posts, inbox]
    finally:
        engine.dispose()


def test_same_day_gives_the_same_demo(tmp_path: Path) -> None:
    first, second, later = (Profile(tmp_path / name) for name in ("a", "b", "c"))
    seed_demo_profile(first, TODAY)
    seed_demo_profile(second, TODAY)
    seed_demo_profile(later, TODAY + timedelta(days=1))
    assert _snapshot(first) == _snapshot(second)
    assert _snapshot(first) != _snapshot(later)


@pytest.mark.parametrize("today", [date(2026, 1, 3), date(2026, 5, 24), date(2026, 7, 15), date(2027, 3, 1)])
def test_other_seasons_seed_cleanly(tmp_path: Path, today: date) -> None:
    profile = Profile(tmp_path / "p")
    seed_demo_profile(profile, today)
    engine = open_database(profile.database, profile.backup_dir)
    try:
        with Session(engine) as session:
            posts = list(session.scalars(select(Post)))
            assert len(posts) >= 38
            for d in session.scalars(select(Delivery)):
                if d.channel.platform is Platform.X:
                    assert _x_weight(d.text) <= 280, d.post.title
            items = list(session.scalars(select(InboxItem)))
            limit = datetime.combine(today, datetime.min.time(), tzinfo=TZ) + timedelta(hours=9)
            assert all(i.received_at <= limit for i in items)
    finally:
        engine.dispose()
