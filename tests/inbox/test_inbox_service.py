"""The inbox service: filters, search, keyset paging, chip counts, overdue clock, corrections."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.domain import InboxCategory, InboxKind, InboxStatus, Platform
from kurum_masaustu.services.inbox import (
    BusinessHours,
    InboxFilter,
    InboxRow,
    InboxService,
    PageCursor,
)
from kurum_masaustu.store.models import AuditEntry, Channel, InboxItem, InboxItemRevision, Unit

# Thursday 3 December 2026, 14:00 in Istanbul (UTC+3).
NOW = datetime(2026, 12, 3, 11, 0, tzinfo=UTC)
HOURS = BusinessHours()  # Monday–Friday 08:00–17:00 Istanbul


def _istanbul(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour - 3, minute, tzinfo=UTC)


# -- business hours ------------------------------------------------------------------------------
def test_business_time_counts_only_working_hours() -> None:
    friday_4pm = _istanbul(4, 16)
    monday_9am = _istanbul(7, 9)
    assert HOURS.business_time(friday_4pm, monday_9am) == timedelta(hours=2)
    assert HOURS.business_time(_istanbul(5, 10), _istanbul(6, 12)) == timedelta()  # the weekend
    assert HOURS.business_time(_istanbul(3, 18), _istanbul(3, 23)) == timedelta()  # the evening
    assert HOURS.business_time(monday_9am, friday_4pm) == timedelta()  # backwards


def test_cutoff_is_where_the_sla_runs_out() -> None:
    monday_10am = _istanbul(7, 10)
    # 4 business hours back from Monday 10:00: 2 h on Monday, 2 h on Friday → Friday 15:00.
    assert HOURS.cutoff(monday_10am, timedelta(hours=4)) == _istanbul(4, 15)
    assert HOURS.business_time(_istanbul(4, 15), monday_10am) == timedelta(hours=4)
    # Evening: the day's 9 hours are used up at 17:00.
    assert HOURS.cutoff(_istanbul(3, 20), timedelta(hours=1)) == _istanbul(3, 16)
    assert HOURS.cutoff(NOW, timedelta()) == NOW
    holiday = BusinessHours(holidays=frozenset({date(2026, 12, 4)}))
    assert holiday.cutoff(monday_10am, timedelta(hours=4)) == _istanbul(3, 15)  # Friday skipped
    assert BusinessHours(weekdays=frozenset()).cutoff(NOW, timedelta(hours=1)) is None
    assert BusinessHours(start=time(9), end=time(9)).cutoff(NOW, timedelta(hours=1)) is None


# -- a filled inbox ------------------------------------------------------------------------------
@pytest.fixture
def inbox(session_factory: sessionmaker[Session]) -> dict[str, int]:
    """Twelve items over two channels with known properties; returns name → id."""
    with session_factory.begin() as s:
        fb = Channel(platform=Platform.FACEBOOK, display_name="Facebook")
        md = Channel(platform=Platform.MASTODON, display_name="Mastodon")
        fen = Unit(name="Fen İşleri")
        s.add_all([fb, md, fen])
        s.flush()
        spec = [
            # name, channel, kind, status, category, negative, unit, received (Istanbul), text, deleted
            ("old_answered", fb, InboxKind.COMMENT, InboxStatus.ANSWERED, InboxCategory.QUESTION, False, None,
             _istanbul(1, 9), "Su ne zaman gelir?", False),
            ("old_open", fb, InboxKind.COMMENT, InboxStatus.NEW, InboxCategory.COMPLAINT, True, fen,
             _istanbul(1, 10), "Çöpler toplanmadı", False),
            ("read_open", md, InboxKind.MENTION, InboxStatus.READ, InboxCategory.COMPLAINT, True, None,
             _istanbul(2, 11), "Lamba yanmıyor", False),
            ("dm", md, InboxKind.DIRECT_MESSAGE, InboxStatus.NEW, InboxCategory.REQUEST, False, fen,
             _istanbul(3, 9), "Kaldırım kırık, bakar mısınız?", False),
            ("recent", fb, InboxKind.REPLY, InboxStatus.NEW, InboxCategory.PRAISE, False, None,
             _istanbul(3, 13, 30), "Teşekkürler belediye", False),
            ("deleted", fb, InboxKind.COMMENT, InboxStatus.NEW, InboxCategory.ABUSE, True, None,
             _istanbul(2, 12), "Hakaret", True),
            ("resolved", md, InboxKind.COMMENT, InboxStatus.RESOLVED, InboxCategory.COMPLAINT, True, fen,
             _istanbul(2, 15), "Çukur var", False),
            ("hidden", fb, InboxKind.COMMENT, InboxStatus.HIDDEN, InboxCategory.SPAM, False, None,
             _istanbul(2, 16), "Bedava kazan", False),
        ]  # fmt: skip
        # Four items at the very same instant: keyset paging must not lose or repeat any.
        same = _istanbul(1, 12)
        spec += [
            (f"tie{n}", fb, InboxKind.COMMENT, InboxStatus.ANSWERED, InboxCategory.OTHER, False, None, same,
             f"Aynı an {n}", False)
            for n in range(4)
        ]  # fmt: skip
        made: dict[str, InboxItem] = {}
        for n, (name, channel, kind, status, category, negative, unit, at, body, deleted) in enumerate(spec):
            made[name] = InboxItem(
                channel=channel,
                platform=channel.platform,
                remote_id=f"r{n}",
                author_name=name,
                text=body,
                kind=kind,
                status=status,
                category=category,
                negative=negative,
                unit_id=unit.id if unit else None,
                received_at=at,
                deleted_at=at + timedelta(hours=1) if deleted else None,
            )
        s.add_all(made.values())
        s.flush()
        return {name: item.id for name, item in made.items()} | {"fb": fb.id, "md": md.id, "fen": fen.id}


@pytest.fixture
def service(session_factory: sessionmaker[Session]) -> InboxService:
    return InboxService(session_factory, hours=HOURS, sla=timedelta(hours=4), clock=lambda: NOW)


def _names(inbox: dict[str, int], rows: list[InboxRow]) -> list[str]:
    by_id = {v: k for k, v in inbox.items() if k not in ("fb", "md", "fen")}
    return [by_id[row.id] for row in rows]


def _all(service: InboxService, where: InboxFilter, size: int = 2) -> list[InboxRow]:
    """Every row of a filter, read in small keyset pages."""
    rows: list[InboxRow] = []
    after: PageCursor | None = None
    while page := service.find(where, after, size):
        rows.extend(page)
        after = PageCursor(page[-1].received_at, page[-1].id)
    return rows


def test_the_list_is_newest_first_and_paging_loses_nothing(service: InboxService, inbox: dict[str, int]) -> None:
    rows = _all(service, InboxFilter(), size=3)
    assert len(rows) == 12 == len({row.id for row in rows}) == service.count()
    keys = [(row.received_at, row.id) for row in rows]
    assert keys == sorted(keys, reverse=True)
    assert _names(inbox, service.page(None, 2)) == ["recent", "dm"]  # the old API still works
    first = rows[0]
    assert (first.channel_name, first.platform, first.channel_id) == ("Facebook", Platform.FACEBOOK, inbox["fb"])
    assert first.received_at.tzinfo is not None


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (InboxFilter(unanswered=True), ["recent", "dm", "read_open", "old_open"]),
        (InboxFilter(overdue=True), ["dm", "read_open", "old_open"]),  # "recent" is 30 business minutes old
        (InboxFilter(channel_id=-1), []),
        (InboxFilter(kind=InboxKind.DIRECT_MESSAGE), ["dm"]),
        (InboxFilter(category=InboxCategory.COMPLAINT), ["resolved", "read_open", "old_open"]),
        (InboxFilter(negative=True), ["resolved", "deleted", "read_open", "old_open"]),
        (InboxFilter(negative=False, unanswered=True), ["recent", "dm"]),
        (InboxFilter(status=InboxStatus.HIDDEN), ["hidden"]),
        (InboxFilter(unanswered=True, category=InboxCategory.COMPLAINT), ["read_open", "old_open"]),
        (
            InboxFilter(
                received_from=datetime(2026, 12, 2, tzinfo=UTC), received_before=datetime(2026, 12, 3, tzinfo=UTC)
            ),
            ["hidden", "resolved", "deleted", "read_open"],
        ),
        (InboxFilter(text="çöp"), ["old_open"]),
        (InboxFilter(text="aynı"), ["tie3", "tie2", "tie1", "tie0"]),
        (InboxFilter(text="aynı", unanswered=True), []),
        (InboxFilter(text="!!!"), None),  # nothing to search for: the whole list
    ],
)
def test_filters(service: InboxService, inbox: dict[str, int], where: InboxFilter, expected: list[str] | None) -> None:
    got = _names(inbox, _all(service, where))
    if expected is None:
        assert len(got) == 12
    else:
        assert got == expected


def test_channel_and_unit_filters(service: InboxService, inbox: dict[str, int]) -> None:
    assert _names(inbox, _all(service, InboxFilter(channel_id=inbox["md"]))) == ["dm", "resolved", "read_open"]
    assert _names(inbox, _all(service, InboxFilter(unit_id=inbox["fen"]))) == ["dm", "resolved", "old_open"]
    assert _names(inbox, _all(service, InboxFilter(unit_id=inbox["fen"], channel_id=inbox["md"], negative=True))) == [
        "resolved"
    ]


def test_search_pages_by_arrival(service: InboxService, inbox: dict[str, int]) -> None:
    where = InboxFilter(text="aynı an")
    first = service.find(where, None, 3)
    rest = service.find(where, PageCursor(first[-1].received_at, first[-1].id), 3)
    assert [row.id for row in first + rest] == sorted((inbox[f"tie{n}"] for n in range(4)), reverse=True)
    assert where.searching
    assert not InboxFilter(text="?").searching


def test_other_databases_get_the_same_rows_through_sqlalchemy_core(
    engine: Engine, service: InboxService, inbox: dict[str, int]
) -> None:
    """A session bound to a Connection takes the portable path (as on PostgreSQL); same answers."""
    filters = [
        InboxFilter(),
        InboxFilter(unanswered=True),
        InboxFilter(overdue=True),
        InboxFilter(channel_id=inbox["md"]),
        InboxFilter(unit_id=inbox["fen"], negative=True),
        InboxFilter(kind=InboxKind.COMMENT, category=InboxCategory.COMPLAINT),
        InboxFilter(received_from=datetime(2026, 12, 2, tzinfo=UTC)),
        InboxFilter(text="çöp"),
    ]
    with engine.connect() as connection:
        portable = InboxService(sessionmaker(bind=connection), hours=HOURS, clock=lambda: NOW)
        for where in filters:
            assert [r.id for r in _all(portable, where)] == [r.id for r in _all(service, where)], where
        assert portable.unanswered_count() == service.unanswered_count() == 4
        assert portable.counts() == service.counts()


def test_counts_for_the_chips_agree_with_the_filters(service: InboxService, inbox: dict[str, int]) -> None:
    counts = service.counts()
    assert counts.unanswered == service.unanswered_count() == len(_all(service, InboxFilter(unanswered=True)))
    assert counts.overdue == len(_all(service, InboxFilter(overdue=True))) == 3
    assert counts.negative == 2
    assert counts.by_category == {InboxCategory.COMPLAINT: 2, InboxCategory.REQUEST: 1, InboxCategory.PRAISE: 1}
    assert counts.by_channel == {inbox["fb"]: 2, inbox["md"]: 2}
    assert counts.by_kind == {
        InboxKind.COMMENT: 1,
        InboxKind.MENTION: 1,
        InboxKind.DIRECT_MESSAGE: 1,
        InboxKind.REPLY: 1,
    }
    assert counts.by_unit == {inbox["fen"]: 2, None: 2}
    assert service.counts(channel_id=inbox["md"]).unanswered == 2


def test_every_list_query_walks_one_index_in_list_order(
    service: InboxService, inbox: dict[str, int], engine: Engine
) -> None:
    """No sort of the whole result and no table scan, whatever the filter (EXPLAIN QUERY PLAN)."""
    filters = [
        InboxFilter(),
        InboxFilter(unanswered=True),
        InboxFilter(overdue=True),
        InboxFilter(unanswered=True, channel_id=1, kind=InboxKind.DIRECT_MESSAGE, negative=True),
        InboxFilter(channel_id=1),
        InboxFilter(category=InboxCategory.ABUSE, channel_id=1),
        InboxFilter(unit_id=1, category=InboxCategory.ABUSE),
        InboxFilter(status=InboxStatus.NEW),
        InboxFilter(kind=InboxKind.DIRECT_MESSAGE),
        InboxFilter(received_from=NOW - timedelta(days=7), received_before=NOW),
        InboxFilter(text="çöp"),
        InboxFilter(text="çöp", unanswered=True, channel_id=1),
    ]
    after = PageCursor(NOW, 10**9)
    with engine.connect() as conn:
        for where in filters:
            sql, params = service.sqlite_query(where, after, 50)
            plan = " | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
            assert "TEMP B-TREE" not in plan, (where, plan)
            assert not re.search(r"SCAN (i|c)\b(?! USING)", plan), (where, plan)  # no table scan
            if where.text:
                assert plan.startswith("SCAN inbox_search VIRTUAL TABLE"), plan
            else:
                assert plan.startswith("SEARCH i USING"), plan
        sql = "SELECT count(*) FROM inbox_items AS i INDEXED BY ix_inbox_items_open_counts WHERE " + (
            "i.status IN ('new', 'read') AND i.deleted_at IS NULL"
        )
        assert "COVERING INDEX" in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).one()[3]


# -- one item ------------------------------------------------------------------------------------
def test_rows_carry_reasons_flags_and_links(session_factory: sessionmaker[Session], service: InboxService) -> None:
    with session_factory.begin() as s:
        channel = Channel(platform=Platform.BLUESKY, display_name="Bluesky")
        parent = InboxItem(
            channel=channel, platform=Platform.BLUESKY, remote_id="p", text="ilk", kind=InboxKind.REPLY, received_at=NOW
        )
        child = InboxItem(
            channel=channel,
            platform=Platform.BLUESKY,
            remote_id="c",
            text="sonra",
            kind=InboxKind.REPLY,
            received_at=NOW + timedelta(minutes=1),
            parent=parent,
            classification_reasons=["gelmedi (olumsuz hizmet fiili)"],
            edited_at=NOW,
            category=InboxCategory.COMPLAINT,
            category_corrected=True,
        )
        s.add_all([parent, child])
        s.flush()
        parent_id = parent.id
    row = service.page(None, 1)[0]
    assert row.reasons == ("gelmedi (olumsuz hizmet fiili)",)
    assert (row.edited, row.deleted, row.category_corrected, row.parent_id) == (True, False, True, parent_id)


def test_set_category_is_kept_and_audited(
    session_factory: sessionmaker[Session], service: InboxService, inbox: dict[str, int]
) -> None:
    item_id = inbox["recent"]
    assert service.set_category(item_id, InboxCategory.COMPLAINT, negative=True, actor="Ayşe")
    assert not service.set_category(10**6, InboxCategory.OTHER)
    with session_factory() as s:
        item = s.get(InboxItem, item_id)
        assert item is not None
        assert (item.category, item.negative, item.category_corrected) == (InboxCategory.COMPLAINT, True, True)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "inbox.category_corrected")).one()
        assert (audit.actor, audit.entity_id) == ("Ayşe", item_id)
        assert audit.detail == {"from": "praise", "to": "complaint", "negative": True}
    assert service.counts().negative == 3


def test_revisions_are_listed_oldest_first(
    session_factory: sessionmaker[Session], service: InboxService, inbox: dict[str, int]
) -> None:
    item_id = inbox["dm"]
    with session_factory.begin() as s:
        s.add_all(
            [
                InboxItemRevision(inbox_item_id=item_id, text="ilk hali", replaced_at=NOW),
                InboxItemRevision(inbox_item_id=item_id, text="ikinci hali", replaced_at=NOW + timedelta(minutes=5)),
            ]
        )
    assert [r.text for r in service.revisions(item_id)] == ["ilk hali", "ikinci hali"]
    assert service.revisions(inbox["recent"]) == []


def test_a_million_row_query_shape_never_offsets(service: InboxService) -> None:
    """Keyset paging: no OFFSET anywhere, whatever the page."""
    for where, after in itertools.product(
        [InboxFilter(), InboxFilter(text="çöp"), InboxFilter(unanswered=True)], [None, PageCursor(NOW, 5)]
    ):
        sql, _ = service.sqlite_query(where, after, 200)
        assert "OFFSET" not in sql.upper()


def test_empty_inbox(service: InboxService, engine: Engine) -> None:
    assert service.page(None, 50) == []
    assert service.find(InboxFilter(text="çöp", overdue=True), None, 50) == []
    counts = service.counts()
    assert (counts.unanswered, counts.overdue, counts.negative, dict(counts.by_category)) == (0, 0, 0, {})
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM inbox_search")).scalar() == 0
