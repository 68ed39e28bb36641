"""The profile database: round trips, SQLite settings, migrations, refusing foreign files."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import (
    Category,
    DeliveryState,
    InboxCategory,
    InboxKind,
    InboxStatus,
    MediaType,
    Platform,
    ReplyState,
)
from kurum_masaustu.paths import Profile
from kurum_masaustu.store import database
from kurum_masaustu.store.database import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    MigrationFailedError,
    NewerDatabaseError,
    NotOurDatabaseError,
    backup,
    make_engine,
    migrate,
    open_database,
    sqlite_url,
)
from kurum_masaustu.store.models import (
    AuditEntry,
    Base,
    Campaign,
    Channel,
    Delivery,
    InboxItem,
    MediaAsset,
    Post,
    PostMedia,
    Reply,
    Unit,
)
from kurum_masaustu.store.search import include_name

NOON = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        channel = Channel(platform=Platform.BLUESKY, display_name="Belediye", handle="@bel.bsky.social")
        unit = Unit(name="Fen İşleri", email="fen@bel.tr", keywords=["yol", "çukur"])
        campaign = Campaign(name="Sıfır Atık", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31))
        media = MediaAsset(
            sha256="ab" * 32,
            original_name="afiş.jpg",
            media_type=MediaType.IMAGE,
            mime_type="image/jpeg",
            size_bytes=1234,
            width=1080,
            height=1080,
            alt_text="Sıfır atık afişi",
        )
        post = Post(body="Yarın su kesintisi var.", category=Category.SERVICE, campaign=campaign)
        post.deliveries.append(
            Delivery(channel=channel, scheduled_at=NOON, state=DeliveryState.SCHEDULED, text_override="Kısa")
        )
        post.media_links.append(PostMedia(media=media, position=0))
        item = InboxItem(
            channel=channel,
            platform=Platform.BLUESKY,
            remote_id="at://x/1",
            author_name="Ayşe Yılmaz",
            text="Su ne zaman gelecek?",
            kind=InboxKind.COMMENT,
            received_at=NOON,
            category=InboxCategory.QUESTION,
        )
        item.replies.append(Reply(text="Saat 17.00'de.", state=ReplyState.QUEUED))
        s.add_all([unit, post, item, AuditEntry(actor="test", action="post.create", detail={"ğ": "ü"})])


def test_round_trip_keeps_every_field(profile: Profile, engine: Engine) -> None:
    _fill(sessionmaker(engine))
    engine.dispose()
    reopened = open_database(profile.database, profile.backup_dir)
    with Session(reopened) as s:
        post = s.scalars(select(Post)).one()
        delivery = post.deliveries[0]
        assert delivery.scheduled_at == NOON
        assert delivery.scheduled_at.tzinfo is not None
        assert delivery.text == "Kısa"
        assert delivery.channel.platform is Platform.BLUESKY
        assert post.campaign is not None
        assert post.campaign.name == "Sıfır Atık"
        assert post.media_links[0].media.alt_text == "Sıfır atık afişi"
        assert post.media_links[0].media.relative_path == "ab/" + "ab" * 32 + ".jpg"
        item = s.scalars(select(InboxItem)).one()
        assert item.status is InboxStatus.NEW
        assert item.replies[0].state is ReplyState.QUEUED
        assert s.scalars(select(Unit)).one().keywords == ["yol", "çukur"]
        assert s.scalars(select(AuditEntry)).one().detail == {"ğ": "ü"}
    reopened.dispose()


def test_naive_datetimes_are_refused(session_factory: sessionmaker[Session]) -> None:
    with pytest.raises(Exception, match="naive datetime"), session_factory.begin() as s:
        s.add(
            Campaign(
                name="x",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 1, 2),
                created_at=datetime(2026, 1, 1),
            )
        )


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(engine: Engine) -> None:
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == database.BUSY_TIMEOUT_MS
        assert conn.execute(text("PRAGMA application_id")).scalar() == database.APPLICATION_ID


def test_foreign_keys_are_enforced(session_factory: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), session_factory.begin() as s:
        s.add(Post(body="x", deliveries=[Delivery(channel_id=999)]))


def test_deleting_a_post_removes_its_deliveries(session_factory: sessionmaker[Session]) -> None:
    _fill(session_factory)
    with session_factory.begin() as s:
        s.delete(s.scalars(select(Post)).one())
    with session_factory() as s:
        assert s.scalars(select(Delivery)).all() == []


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
    return config


def test_known_revisions_match_the_migration_scripts() -> None:
    scripts = ScriptDirectory.from_config(_alembic_config())
    assert scripts.get_heads() == [HEAD_REVISION]
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS


def test_migrated_schema_equals_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        options = {"compare_type": True, "include_name": include_name}  # FTS tables are not models
        diff = compare_metadata(MigrationContext.configure(conn, opts=options), Base.metadata)
    assert diff == []


def test_migrating_from_the_first_schema_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = make_engine(sqlite_url(path))
    migrate(old, KNOWN_REVISIONS[0])
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO channels (id, platform, display_name, handle, color, settings, sandbox, enabled,"
                " created_at) VALUES (1, 'x', 'Belediye', '@bel', '#000000', '{}', 1, 1, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO posts (id, title, body, kind, category, source_reference, created_at, updated_at)"
                " VALUES (1, 'Duyuru', 'İçerik', 'text', 'announcement', '', '2026-01-01 00:00:00',"
                " '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO deliveries (post_id, channel_id, state, attempts, updated_at) VALUES"
                " (1, 1, 'scheduled', 0, '2026-01-01 00:00:00')"
            )
        )
    old.dispose()
    engine = open_database(path, tmp_path / "backups")
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1  # the copy taken before migrating
    with Session(engine) as s:
        assert s.scalars(select(Post)).one().body == "İçerik"
        assert s.scalars(select(Channel)).one().platform is Platform.X
        delivery = s.scalars(select(Delivery)).one()
        assert delivery.state is DeliveryState.SCHEDULED
        assert len(delivery.idempotency_key) == 32
    engine.dispose()
    assert database.inspect_file(path).revision == HEAD_REVISION


def _first_schema_with_linked_media(path: Path) -> None:
    """A database at the first revision with a post, its delivery and a photo attached to it:
    rows that point at tables later migrations rebuild."""
    old = make_engine(sqlite_url(path))
    migrate(old, KNOWN_REVISIONS[0])
    with old.begin() as conn:
        for statement in (
            "INSERT INTO channels (id, platform, display_name, handle, color, settings, sandbox, enabled, created_at)"
            " VALUES (1, 'x', 'Belediye', '@bel', '#000000', '{}', 1, 1, '2026-01-01 00:00:00')",
            "INSERT INTO posts (id, title, body, kind, category, source_reference, created_at, updated_at)"
            " VALUES (1, 'Duyuru', 'İçerik', 'text', 'announcement', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            "INSERT INTO deliveries (post_id, channel_id, state, attempts, updated_at)"
            " VALUES (1, 1, 'scheduled', 0, '2026-01-01 00:00:00')",
            "INSERT INTO media_assets (id, sha256, original_name, media_type, mime_type, size_bytes, alt_text,"
            " created_at)"
            " VALUES (7, '" + "a" * 64 + "', 'park.jpg', 'image', 'image/jpeg', 1000, 'Park', '2026-01-01 00:00:00')",
            "INSERT INTO post_media (post_id, media_id, position) VALUES (1, 7, 0)",
        ):
            conn.execute(text(statement))
    old.dispose()


def test_migrating_tables_that_other_rows_point_at_keeps_those_rows(tmp_path: Path) -> None:
    # Rebuilding a table (Alembic's batch mode on SQLite) drops it: with foreign keys on, that
    # was refused (media a post uses) or cascaded into deleting rows (a post's deliveries).
    path = tmp_path / "old.sqlite3"
    _first_schema_with_linked_media(path)
    engine = open_database(path, tmp_path / "backups")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT post_id, media_id FROM post_media")).all() == [(1, 7)]
        assert conn.execute(text("SELECT alt_text FROM media_assets")).scalar_one() == "Park"
        assert conn.execute(text("SELECT count(*) FROM deliveries")).scalar_one() == 1
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1  # back on after migrating
    engine.dispose()


def test_a_failed_migration_is_rolled_back_and_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _first_schema_with_linked_media(path)
    with sqlite3.connect(path) as conn:  # a table in the way of a later migration's create_table
        conn.execute("CREATE TABLE spelling_words (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(MigrationFailedError):
        open_database(path, tmp_path / "backups")
    assert database.inspect_file(path).revision == KNOWN_REVISIONS[0]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT body FROM posts").fetchone()[0] == "İçerik"
        assert conn.execute("SELECT count(*) FROM post_media").fetchone()[0] == 1
    conn.close()
    assert len(list((tmp_path / "backups").glob("*.sqlite3"))) == 1  # the copy taken before


def test_backup_is_a_consistent_copy(profile: Profile, engine: Engine) -> None:
    _fill(sessionmaker(engine))
    copy = backup(profile.database, profile.backup_dir, "manual")
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT body FROM posts").fetchone()[0] == "Yarın su kesintisi var."
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kurum.sqlite3"
    path.write_bytes(b"Bu bir veritabani degil.\n" * 100)
    before = _digest(path)
    with pytest.raises(NotOurDatabaseError):
        open_database(path, tmp_path / "backups")
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kurum.sqlite3"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kurum.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ali')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotOurDatabaseError):
        open_database(path, tmp_path / "backups")
    assert _digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_a_database_from_a_newer_version_is_refused_untouched(profile: Profile, engine: Engine) -> None:
    _fill(sessionmaker(engine))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    before = _digest(profile.database)
    with pytest.raises(NewerDatabaseError) as caught:
        open_database(profile.database, profile.backup_dir)
    assert caught.value.revision == "9999_future"
    assert _digest(profile.database) == before
    assert list(profile.backup_dir.iterdir()) == []


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "kurum.sqlite3"
    path.touch()
    engine = open_database(path, tmp_path / "backups")
    engine.dispose()
    assert database.inspect_file(path).revision == HEAD_REVISION
