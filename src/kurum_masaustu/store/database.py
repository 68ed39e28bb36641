"""Opening the profile database safely.

Order at start: look at the file without writing to it (is it ours? which schema?), refuse
what we must not touch, back it up if a migration is due, migrate with Alembic, then hand
out an engine with WAL, foreign keys and a busy timeout.

The schema check reads ``alembic_version`` with plain sqlite3 so that the usual start, with
the schema already current, never imports Alembic.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

log = logging.getLogger(__name__)

#: ``PRAGMA application_id`` of our databases: "KMS1".
APPLICATION_ID = 0x4B4D5331
#: Alembic revisions this version knows, oldest first; the last is the current schema.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
)  # fmt: skip
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
BACKUPS_KEPT = 10


class DatabaseRefusedError(Exception):
    """The file must not be opened; it is left exactly as it was."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class NotOurDatabaseError(DatabaseRefusedError):
    """Not an SQLite file, or an SQLite file of another program."""


class NewerDatabaseError(DatabaseRefusedError):
    """Written by a newer version of the app (an unknown schema revision)."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(path, f"schema revision {revision!r} is newer than this version knows")
        self.revision = revision


class MigrationFailedError(DatabaseRefusedError):
    """Bringing the schema up to date failed; the transaction was rolled back, so the file is
    as it was (and the copy taken before migrating is in the backups folder)."""


@dataclass(frozen=True)
class Inspection:
    """What a look at the file found. ``revision`` is None for a new, empty database."""

    exists: bool
    revision: str | None

    @property
    def needs_migration(self) -> bool:
        return self.revision != HEAD_REVISION


def inspect_file(path: Path) -> Inspection:
    """Read-only look at ``path``; raises :class:`DatabaseRefusedError` for what we must not open."""
    if not path.exists() or path.stat().st_size == 0:
        return Inspection(exists=False, revision=None)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotOurDatabaseError(path, "not an SQLite database")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotOurDatabaseError(path, f"cannot be read: {exc}") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID:
            if app_id == 0 and not tables:
                return Inspection(exists=True, revision=None)
            raise NotOurDatabaseError(path, f"application id {app_id:#x} is not ours")
        if "alembic_version" not in tables:
            raise NotOurDatabaseError(path, "no schema version")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotOurDatabaseError(path, f"cannot be read: {exc}") from exc
    finally:
        conn.close()
    revision = row[0] if row else None
    if revision is None:
        raise NotOurDatabaseError(path, "empty schema version")
    if revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(path, revision)
    return Inspection(exists=True, revision=revision)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def backup(path: Path, backup_dir: Path, label: str) -> Path:
    """Consistent copy of the database with SQLite's online backup; keeps the newest ones."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}-{label}-{stamp}.sqlite3"
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    for old in sorted(backup_dir.glob(f"{path.stem}-*.sqlite3"))[:-BACKUPS_KEPT]:
        old.unlink()
    log.info("database backed up to %s", target)
    return target


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target`` with Alembic (imported only when a migration is due)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite's procedure for schema changes (lang_altertable.html): foreign keys off while
            # tables are rebuilt (a batch migration drops and recreates a table other rows point
            # at), checked before committing. The pragma is a no-op inside a transaction, so it
            # is set before Alembic begins one; the connection's pragmas are restored after.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()  # ends SQLAlchemy's autobegun transaction: the pragma needs none
        try:
            with connection.begin():
                check = "PRAGMA foreign_key_check"
                before = set(connection.exec_driver_sql(check).fetchall()) if sqlite else set()
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                if sqlite:
                    broken = set(connection.exec_driver_sql(check).fetchall()) - before
                    if broken:
                        raise RuntimeError(f"foreign keys broken by the migration: {sorted(broken)[:5]}")
        finally:
            if sqlite:
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def open_database(path: Path, backup_dir: Path) -> Engine:
    """Open (creating or migrating as needed) the profile database at ``path``."""
    found = inspect_file(path)
    if found.exists and found.revision is not None and found.needs_migration:
        backup(path, backup_dir, f"before-{HEAD_REVISION}")
    engine = make_engine(sqlite_url(path))
    if found.needs_migration:
        try:
            migrate(engine)
        except Exception as exc:
            engine.dispose()
            log.exception("migrating %s to %s failed; rolled back", path, HEAD_REVISION)
            raise MigrationFailedError(path, f"migration to {HEAD_REVISION} failed: {exc}") from exc
        log.info("database schema at %s", HEAD_REVISION)
    return engine
