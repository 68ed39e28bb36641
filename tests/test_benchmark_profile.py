"""The start-up benchmark's profile generator (benchmarks/startup.py) writes data the app can read."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy.orm import sessionmaker

from kurum_masaustu.domain import DeliveryState, InboxStatus
from kurum_masaustu.paths import Profile
from kurum_masaustu.services.inbox import InboxService
from kurum_masaustu.services.posts import PostService
from kurum_masaustu.store.database import open_database

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def _load_benchmark() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "startup.py"
    spec = importlib.util.spec_from_file_location("benchmark_startup", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("benchmark") / "profile"
    return bench.generate_profile(root, posts=360, inbox_items=2_000, photos=2, now=NOW)


@pytest.fixture
def services(generated: Any) -> Iterator[tuple[PostService, InboxService]]:
    profile = Profile(Path(generated.root))
    engine = open_database(profile.database, profile.backup_dir)
    sessions = sessionmaker(engine, expire_on_commit=False)
    yield PostService(sessions), InboxService(sessions)
    engine.dispose()


def test_sql_datetime_is_naive_utc_text() -> None:
    assert bench.sql_datetime(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2026-01-02 03:04:05.000000"
    istanbul = datetime(2026, 1, 2, 6, 4, 5, 7, tzinfo=bench.ISTANBUL)
    assert bench.sql_datetime(istanbul) == "2026-01-02 03:04:05.000007"


def test_sizes_and_current_month_density(generated: Any) -> None:
    stats = generated
    assert (stats.channels, stats.posts, stats.inbox_items, stats.photos) == (8, 360, 2_000, 2)
    assert stats.posts <= stats.deliveries <= 3 * stats.posts
    per_month = stats.deliveries / 36
    assert 0.5 * per_month <= stats.current_month_deliveries <= 1.5 * per_month
    assert stats.current_month == "2026-11"


def test_database_is_consistent(generated: Any) -> None:
    connection = sqlite3.connect(Profile(Path(generated.root)).database)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (mismatched,) = connection.execute(
            "SELECT count(*) FROM inbox_items i JOIN channels c ON c.id = i.channel_id WHERE i.platform != c.platform"
        ).fetchone()
        assert mismatched == 0
    finally:
        connection.close()


def test_the_app_reads_the_calendar_month(generated: Any, services: tuple[PostService, InboxService]) -> None:
    posts, _ = services
    start, end = bench.month_bounds(NOW.date())
    entries = posts.calendar_entries(start, end)
    assert len(entries) == generated.current_month_deliveries
    assert all(entry.at.tzinfo is not None and start <= entry.at < end for entry in entries)
    states = {entry.state for entry in entries}
    assert DeliveryState.PUBLISHED in states
    assert DeliveryState.SCHEDULED in states
    counts = posts.outbox_counts()
    assert counts[DeliveryState.PUBLISHED] > counts.get(DeliveryState.FAILED, 0) > 0


def test_the_app_reads_the_inbox(services: tuple[PostService, InboxService]) -> None:
    _, inbox = services
    page = inbox.page(None, 50)
    assert len(page) == 50
    assert [row.received_at for row in page] == sorted((row.received_at for row in page), reverse=True)
    assert all(NOW - timedelta(days=366) <= row.received_at <= NOW for row in page)
    assert inbox.count() == 2_000
    assert 0 < inbox.unanswered_count() < 2_000
    assert any(row.status == InboxStatus.NEW for row in page)


def test_photos_are_where_the_app_looks(generated: Any, services: tuple[PostService, InboxService]) -> None:
    posts, _ = services
    post_id = posts.latest_post_with_media(NOW)
    assert post_id is not None
    media = posts.media_for_post(post_id)
    assert media
    media_dir = Profile(Path(generated.root)).media_dir
    assert all((media_dir / info.relative_path).is_file() for info in media)


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        bench.generate_profile(tmp_path, posts=1, inbox_items=1, photos=0, now=NOW)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_profile_key_follows_the_content() -> None:
    today = NOW.date()
    key = bench.profile_key(today=today)
    assert key == bench.profile_key(today=today)
    assert key != bench.profile_key(today=today + timedelta(days=1))
    assert key != bench.profile_key(posts=10, today=today)
    assert key != bench.profile_key(photos=0, today=today)


def test_baseline_b_imports_every_runtime_library_of_the_app() -> None:
    """Baseline (b) is "a bare window that also imports the same third-party libraries": a
    dependency added to pyproject.toml must be added to its list (and one removed, taken out)."""
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    requirements = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    needed = {norm(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0]) for r in requirements} - {"pyside6-essentials", "tzdata"}
    modules_of: dict[str, set[str]] = {}
    for module, distributions in packages_distributions().items():
        for distribution in distributions:
            modules_of.setdefault(norm(distribution), set()).add(module)
    imported = {name.split(".")[0] for name in bench.THIRD_PARTY_MODULES}
    assert sorted(d for d in needed if not modules_of.get(d, set()) & imported) == []
    assert sorted(m for m in imported if not any(m in modules_of.get(d, set()) for d in needed)) == []
