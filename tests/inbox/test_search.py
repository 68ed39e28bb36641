"""Turkish-aware inbox search: normalisation, safe FTS5 queries, the index kept by triggers, migration 0003."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxKind, InboxStatus, Platform
from kurum_masaustu.services.inbox import InboxFilter, InboxService
from kurum_masaustu.store import database
from kurum_masaustu.store.database import HEAD_REVISION, make_engine, migrate, open_database, sqlite_url
from kurum_masaustu.store.models import Base, Channel, InboxItem
from kurum_masaustu.store.search import (
    MAX_TERMS,
    fill_missing,
    include_name,
    match_query,
    normalize,
    query_terms,
    search_document,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


# -- normalising ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("İstanbul", "istanbul"),
        ("ISTANBUL", "istanbul"),
        ("Istanbul", "istanbul"),
        ("İSTANBUL'da", "istanbul'da"),
        ("ÇÖP", "cop"),
        ("çöp", "cop"),
        ("IĞDIR", "igdir"),
        ("ığdır", "igdir"),
        ("Iğdır", "igdir"),
        ("Şişli", "sisli"),
        ("IŞIK", "isik"),
        ("I\u0307zmir", "izmir"),  # İ typed as I + combining dot
        ("Hâkim", "hakim"),
    ],
)
def test_normalize_folds_as_a_turkish_reader_expects(written: str, expected: str) -> None:
    assert normalize(written) == expected


def test_normalize_sets_emoji_apart_and_drops_format_and_control_characters() -> None:
    assert normalize("çöp😡😡") == "cop 😡  😡 "
    assert normalize("a\u202eb\u202c") == "ab"  # RTL override and pop: not part of the word
    assert normalize("zw\u200dj soft\u00adhyphen") == "zwj softhyphen"
    assert normalize("nul\x00here\x07bell\ttab") == "nul here bell tab"
    assert normalize("\ud83d lone") == "  lone"  # a lone surrogate becomes a space


def test_search_document_holds_name_handle_and_text() -> None:
    assert search_document("Ayşe Yılmaz", "@ayse@sosyal.example", "Çöp TOPLANMADI") == (
        "ayse yilmaz\n@ayse@sosyal.example\ncop toplanmadi"
    )


# -- queries -------------------------------------------------------------------------------------
def test_match_query_quotes_every_word_and_makes_them_prefixes() -> None:
    assert match_query("Çöp toplanmadı") == '"cop" * "toplanmadi" *'
    assert match_query("a b çöp") == '"a" "b" "cop" *'  # one letter is never a prefix
    assert match_query("çöp", prefix=False) == '"cop"'
    assert match_query("😡") == '"😡"'
    assert match_query("çöp çöp ÇÖP") == '"cop" *'  # repeats dropped


@pytest.mark.parametrize("typed", ["", "   ", "!!!", '"', "*", "-", "()", "...", "?!.,;:", "\x00\x07", "\u202e"])
def test_nothing_to_search_for_gives_none(typed: str) -> None:
    assert match_query(typed) is None


def test_long_input_is_bounded() -> None:
    assert len(query_terms(" ".join(f"kelime{i}" for i in range(100)))) == MAX_TERMS
    got = match_query("x" * 50_000)
    assert got == '"' + "x" * 64 + '" *'  # cut, and then a prefix of the long word


HOSTILE = [
    '"',
    '""',
    '"çöp',
    "çöp*",
    "*çöp",
    "AND",
    "çöp AND",
    "OR NOT AND",
    "-çöp",
    "çöp -lamba",
    "NEAR(çöp lamba, 2)",
    "NEAR",
    "(çöp",
    "çöp)",
    "text: çöp",
    "search_text:çöp",
    "{text search_text}: x",
    "^çöp",
    "çöp + lamba",
    "'; DROP TABLE inbox_items; --",
    "\\",
    "\x00",
    "😡*",
    "a" * 3000,
    "İ" * 500,
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_never_reach_fts5_as_syntax(session_factory: sessionmaker[Session], typed: str) -> None:
    _items(session_factory, ["çöp lamba", "NEAR AND OR NOT text"])
    service = InboxService(session_factory)
    service.find(InboxFilter(text=typed), None, 50)  # no exception is the test
    query = match_query(typed)
    if query is not None:
        with session_factory() as s:
            s.execute(text("SELECT rowid FROM inbox_search WHERE inbox_search MATCH :q"), {"q": query}).all()


def test_operators_are_searched_as_words(session_factory: sessionmaker[Session]) -> None:
    ids = _items(session_factory, ["çöp lamba", "NEAR AND OR NOT text", "sadece çöp"])
    service = InboxService(session_factory)
    assert _found(service, "AND") == [ids[1]]
    assert _found(service, "near or") == [ids[1]]
    assert _found(service, "çöp -lamba") == [ids[0]]  # "-" is not NOT: both words must occur


# -- finding -------------------------------------------------------------------------------------
TURKISH = {
    "istanbul": ["İstanbul'da su kesintisi", "ISTANBUL CADDESİ", "Istanbul yolu", "İSTANBULLU"],
    "cop": ["Çöp toplanmadı", "ÇÖPLER", "çöp kutusu"],
    "ığdır": ["IĞDIR caddesi", "Iğdır", "ığdırlı"],
    "IĞDIR": ["IĞDIR caddesi", "Iğdır", "ığdırlı"],
    "ışık": ["IŞIKLAR yanmıyor", "Işık"],
    "sisli": ["Şişli'de"],
    "Şişli": ["Şişli'de"],
}


def test_turkish_folding_finds_what_a_turkish_reader_expects(session_factory: sessionmaker[Session]) -> None:
    texts = sorted({t for found in TURKISH.values() for t in found} | {"Ankara", "kır", "Isparta ilanı"})
    ids = dict(zip(texts, _items(session_factory, texts), strict=True))
    service = InboxService(session_factory)
    for typed, expected in TURKISH.items():
        assert sorted(_found(service, typed)) == sorted(ids[t] for t in expected), typed


def test_prefixes_and_and_semantics(session_factory: sessionmaker[Session]) -> None:
    ids = _items(session_factory, ["Çöpler toplanmadı", "çöp kutusu kırık", "lamba yanmıyor", "Belediyenin ekibi"])
    service = InboxService(session_factory)
    assert sorted(_found(service, "çöp")) == sorted(ids[:2])
    assert _found(service, "çöp kırık") == [ids[1]]
    assert _found(service, "çöp lamba") == []
    assert _found(service, "belediye") == [ids[3]]  # a suffix added, still found


def test_authors_and_handles_are_searched(session_factory: sessionmaker[Session]) -> None:
    ids = _items(
        session_factory, ["bir mesaj", "başka mesaj"], authors=[("Şule Şimşek", "@sule@sosyal.example"), ("", "")]
    )
    service = InboxService(session_factory)
    assert _found(service, "şule şimşek") == [ids[0]]
    assert _found(service, "SULE") == [ids[0]]
    assert _found(service, "@sule") == [ids[0]]


def test_bad_input_is_stored_as_is_and_found(session_factory: sessionmaker[Session]) -> None:
    long_text = "Çöp " + "uzun şikâyet metni " * 2630
    texts = [
        long_text[:50_000],
        "😡😡😡",
        "Merhaba\x07dünya \u202eters\u202c yazı",
        "\u0645\u0631\u062d\u0628\u0627 çöp",
    ]
    ids = _items(session_factory, texts)
    service = InboxService(session_factory)
    with session_factory() as s:
        stored = [s.get(InboxItem, i) for i in ids]
        assert [item.text for item in stored if item] == texts
    assert _found(service, "şikâyet") == [ids[0]]
    assert _found(service, "😡") == [ids[1]]
    assert _found(service, "dünya") == [ids[2]]
    assert _found(service, "ters") == [ids[2]]
    assert _found(service, "مرحبا") == [ids[3]]


# -- the index follows the table -----------------------------------------------------------------
def test_triggers_keep_the_index_in_step(session_factory: sessionmaker[Session], engine: Engine) -> None:
    ids = _items(session_factory, ["çöp toplanmadı", "lamba yanmıyor"])
    service = InboxService(session_factory)
    with session_factory.begin() as s:
        item = s.get(InboxItem, ids[0])
        assert item is not None
        item.text = "su kesik"
    assert _found(service, "çöp") == []
    assert _found(service, "su") == [ids[0]]
    with session_factory.begin() as s:
        item = s.get(InboxItem, ids[0])
        assert item is not None
        item.status = InboxStatus.ANSWERED  # not a searched field: the index is not touched
        s.delete(s.get(InboxItem, ids[1]))
    assert _found(service, "lamba") == []
    with engine.connect() as conn:
        conn.execute(text("INSERT INTO inbox_search(inbox_search) VALUES ('integrity-check')"))


def test_rows_written_with_raw_sql_are_found_after_fill_missing(
    session_factory: sessionmaker[Session], engine: Engine
) -> None:
    channel_id = _channel(session_factory)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO inbox_items (channel_id, platform, remote_id, author_name, author_handle, text, kind,"
                " received_at, status, negative) VALUES (:c, 'x', 'raw-1', 'Ayşe', 'ayse', 'IĞDIR çöpleri', 'comment',"
                " '2026-12-01 09:00:00.000000', 'new', 0)"
            ),
            {"c": channel_id},
        )
    service = InboxService(session_factory)
    assert _found(service, "ığdır") == []
    with engine.begin() as conn:
        assert fill_missing(conn) == 1
        assert fill_missing(conn) == 0
    assert len(_found(service, "ığdır")) == 1


# -- the schema ----------------------------------------------------------------------------------
def test_migrated_schema_equals_the_models_apart_from_the_fts_tables(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
        names = {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    assert {"inbox_search", "inbox_search_data", "inbox_search_idx"} <= names
    assert not include_name("inbox_search", "table", {})
    assert not include_name("inbox_search_docsize", "table", {})
    assert include_name("inbox_items", "table", {})


def test_migration_0003_keeps_the_inbox_and_makes_it_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = make_engine(sqlite_url(path))
    migrate(old, "0002")
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO channels (id, platform, display_name, handle, color, settings, sandbox, enabled,"
                " created_at) VALUES (1, 'mastodon', 'Belediye', '@bel', '#000000', '{}', 1, 1, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO inbox_items (id, channel_id, platform, remote_id, author_name, author_handle, text, kind,"
                " received_at, status, category, negative) VALUES"
                " (1, 1, 'mastodon', 'r1', 'İsmail Işık', '@ismail', 'ÇÖPLER toplanmadı', 'mention',"
                " '2026-11-30 08:00:00.000000', 'new', 'complaint', 1),"
                " (2, 1, 'mastodon', 'r2', 'Zeynep', '@zeynep', 'Teşekkürler', 'reply',"
                " '2026-11-30 09:00:00.000000', 'answered', 'praise', 0)"
            )
        )
    old.dispose()
    engine = open_database(path, tmp_path / "backups")
    assert database.inspect_file(path).revision == HEAD_REVISION
    assert len(list((tmp_path / "backups").glob("*.sqlite3"))) == 1
    sessions = sessionmaker(engine, expire_on_commit=False)
    with sessions() as s:
        items = list(s.scalars(select(InboxItem).order_by(InboxItem.id)))
        assert [(i.text, i.status, i.negative) for i in items] == [
            ("ÇÖPLER toplanmadı", InboxStatus.NEW, True),
            ("Teşekkürler", InboxStatus.ANSWERED, False),
        ]
        assert items[0].search_text == "ismail isik\n@ismail\ncopler toplanmadi"
        assert items[0].classification_reasons == []
        assert items[0].category_corrected is False
        assert items[0].edited_at is None
        assert items[0].deleted_at is None
    service = InboxService(sessions)
    assert _found(service, "çöp") == [1]
    assert _found(service, "ismail ışık") == [1]
    assert service.unanswered_count() == 1
    engine.dispose()


def test_migration_0003_downgrades_keeping_the_items(tmp_path: Path) -> None:
    path = tmp_path / "kurum.sqlite3"
    engine = open_database(path, tmp_path / "backups")
    sessions = sessionmaker(engine, expire_on_commit=False)
    _items(sessions, ["çöp toplanmadı"])
    config = Config()
    config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT text FROM inbox_items").fetchall() == [("çöp toplanmadı",)]
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        assert not any(name.startswith("inbox_search") for name in names)
        assert "inbox_item_revisions" not in names
    finally:
        raw.close()
    engine.dispose()


# -- helpers -------------------------------------------------------------------------------------
def _channel(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as s:
        channel = s.scalars(select(Channel)).first()
        if channel is None:
            channel = Channel(platform=Platform.MASTODON, display_name="Belediye")
            s.add(channel)
            s.flush()
        return channel.id


def _items(
    sessions: sessionmaker[Session], texts: list[str], authors: list[tuple[str, str]] | None = None
) -> list[int]:
    channel_id = _channel(sessions)
    with sessions.begin() as s:
        start = len(s.scalars(select(InboxItem.id)).all())
        made = []
        for n, body in enumerate(texts):
            name, handle = authors[n] if authors else ("", "")
            item = InboxItem(
                channel_id=channel_id,
                platform=Platform.MASTODON,
                remote_id=f"r{start + n}",
                author_name=name,
                author_handle=handle,
                text=body,
                kind=InboxKind.MENTION,
                received_at=T0 + timedelta(minutes=start + n),
            )
            s.add(item)
            made.append(item)
        s.flush()
        return [item.id for item in made]


def _found(service: InboxService, typed: str) -> list[int]:
    return [row.id for row in service.find(InboxFilter(text=typed), None, 100)]
