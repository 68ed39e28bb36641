"""Reading the inbox a page at a time (it may hold a million items): filters, search, chip counts.

Every list query is keyset-paged and served by an index, never a full load:

* without search the list is newest first by ``(received_at, id)``. One index drives each query,
  chosen here, not left to SQLite's planner (which, without statistics, prefers the status index
  and sorts every unanswered item): the partial index of unanswered items for "unanswered" and
  "overdue", else the unit's, the category's, the channel's or the status's index, else
  ``received_at``. Each keeps the list order, so a page reads about ``limit`` rows divided by the
  share of rows the remaining filters let through; kind, tone and dates are checked on the way;
* with search the FTS5 index drives the query (``CROSS JOIN`` keeps it the outer loop) in id
  order, newest received by the app first (``id`` grows as items arrive); the other filters
  are checked on each match. The keyset position is then the last row's id.

On SQLite the queries are written as SQL here (``INDEXED BY`` and ``CROSS JOIN`` have no
SQLAlchemy Core spelling) and their rows converted without the ORM, which keeps a search within
a small margin of the bare FTS5 query (``benchmarks/inbox_scale.py``). Other databases get the
same filters through SQLAlchemy Core, and search word by word in ``search_text``.

"Unanswered" means status new or read, and not deleted on the platform. "Overdue" means
unanswered and older than the service-level time counted in business hours (:class:`BusinessHours`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Boolean, Engine, Select, case, false, func, literal_column, select, tuple_
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from kurum_masaustu.domain import InboxCategory, InboxKind, InboxStatus, Platform
from kurum_masaustu.rules.timeutil import ISTANBUL
from kurum_masaustu.store.models import OPEN_ITEMS_SQL, AuditEntry, Channel, InboxItem, InboxItemRevision
from kurum_masaustu.store.search import FTS_TABLE, match_query, query_terms

#: Statuses of an item still waiting for an answer.
OPEN_STATUSES = (InboxStatus.NEW, InboxStatus.READ)
DEFAULT_SLA = timedelta(hours=4)
OPEN_INDEX = "ix_inbox_items_open"
OPEN_COUNTS_INDEX = "ix_inbox_items_open_counts"
# "Unanswered" as literal SQL (no bound parameters), so that SQLite sees that the partial index applies.
_OPEN_SQL = OPEN_ITEMS_SQL.replace("status", "i.status").replace("deleted_at", "i.deleted_at")
_OPEN: ColumnElement[bool] = literal_column(
    "(" + OPEN_ITEMS_SQL.replace("status", "inbox_items.status").replace("deleted_at", "inbox_items.deleted_at") + ")",
    Boolean,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class InboxRow(NamedTuple):
    """One line of the inbox list (a named tuple: a page of them is built fast)."""

    id: int
    received_at: datetime
    platform: Platform
    channel_name: str
    author_name: str
    author_handle: str
    kind: InboxKind
    status: InboxStatus
    category: InboxCategory | None
    negative: bool
    text: str
    channel_id: int = 0
    unit_id: int | None = None
    reasons: tuple[str, ...] = ()  # why the rules chose category and tone
    category_corrected: bool = False
    edited: bool = False  # edited on the platform (earlier texts: InboxService.revisions)
    deleted: bool = False  # deleted on the platform (the text is kept)
    parent_id: int | None = None
    delivery_id: int | None = None


@dataclass(frozen=True)
class PageCursor:
    """Keyset position: the last row of the previous page (newest first)."""

    received_at: datetime
    id: int


@dataclass(frozen=True)
class InboxFilter:
    """What the list shows. Empty fields do not filter; ``text`` is searched as plain words."""

    unanswered: bool = False
    overdue: bool = False
    channel_id: int | None = None
    kind: InboxKind | None = None
    category: InboxCategory | None = None
    negative: bool | None = None
    unit_id: int | None = None
    status: InboxStatus | None = None
    received_from: datetime | None = None  # inclusive, aware
    received_before: datetime | None = None  # exclusive, aware
    text: str = ""

    @property
    def searching(self) -> bool:
        """True when ``text`` holds a word to search for (then the list is in arrival order)."""
        return match_query(self.text) is not None


@dataclass(frozen=True)
class InboxCounts:
    """Counts for the filter chips, all among unanswered items."""

    unanswered: int
    overdue: int
    negative: int
    by_category: Mapping[InboxCategory | None, int] = field(default_factory=dict)
    by_channel: Mapping[int, int] = field(default_factory=dict)
    by_kind: Mapping[InboxKind, int] = field(default_factory=dict)
    by_unit: Mapping[int | None, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RevisionRow:
    text: str
    replaced_at: datetime


@dataclass(frozen=True)
class BusinessHours:
    """When the institution answers: weekdays (Monday 0) between ``start`` and ``end``, Istanbul
    time; closed on ``holidays``, and from ``half_day_end`` on ``half_days`` (arife, 28 Ekim)."""

    start: time = time(8, 0)
    end: time = time(17, 0)
    weekdays: frozenset[int] = frozenset(range(5))
    holidays: frozenset[date] = frozenset()
    half_days: frozenset[date] = frozenset()
    half_day_end: time = time(13, 0)

    #: How far back :meth:`cutoff` looks for business days (an SLA longer than this never expires).
    MAX_DAYS = 400

    def _open_span(self, day: date) -> tuple[datetime, datetime] | None:
        end = min(self.end, self.half_day_end) if day in self.half_days else self.end
        if day.weekday() not in self.weekdays or day in self.holidays or end <= self.start:
            return None
        return (
            datetime.combine(day, self.start, tzinfo=ISTANBUL).astimezone(UTC),
            datetime.combine(day, end, tzinfo=ISTANBUL).astimezone(UTC),
        )

    def is_open(self, at: datetime) -> bool:
        """Whether ``at`` falls inside business hours."""
        span = self._open_span(at.astimezone(ISTANBUL).date())
        return span is not None and span[0] <= at < span[1]

    def business_time(self, since: datetime, until: datetime) -> timedelta:
        """Business time between two instants (the response clock of an item)."""
        total = timedelta()
        if until <= since:
            return total
        day = since.astimezone(ISTANBUL).date()
        last = until.astimezone(ISTANBUL).date()
        while day <= last:
            span = self._open_span(day)
            if span is not None:
                lo, hi = max(span[0], since), min(span[1], until)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total

    def cutoff(self, now: datetime, sla: timedelta) -> datetime | None:
        """The latest instant from which ``sla`` of business time has passed by ``now``.

        Items received at or before it are overdue. None: no business time that far back.
        """
        if sla <= timedelta():
            return now
        remaining = sla
        day = now.astimezone(ISTANBUL).date()
        for _ in range(self.MAX_DAYS):
            span = self._open_span(day)
            if span is not None:
                hi = min(span[1], now)
                if hi > span[0]:
                    if hi - span[0] >= remaining:
                        return hi - remaining
                    remaining -= hi - span[0]
            day -= timedelta(days=1)
        return None


def turkish_business_hours(
    years: range, start: time = time(8, 0), end: time = time(17, 0), weekdays: frozenset[int] = frozenset(range(5))
) -> BusinessHours:
    """Office hours closed on Turkey's public holidays in ``years`` and short on their half days
    (``rules.days``: bayrams, their arife afternoons, 28 Ekim afternoon)."""
    from kurum_masaustu.calendar_data import packaged_catalog

    records = packaged_catalog().public_holidays(years)  # the precomputed table, not the package
    return BusinessHours(
        start,
        end,
        weekdays,
        holidays=frozenset(r.day for r in records if not r.half_day),
        half_days=frozenset(r.day for r in records if r.half_day),
    )


class InboxService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        hours: BusinessHours | None = None,
        sla: timedelta = DEFAULT_SLA,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._hours = hours
        self.sla = sla
        self._clock = clock
        self._office: tuple[time, time, frozenset[int]] = (time(8, 0), time(17, 0), frozenset(range(5)))

    def configure(self, start: time, end: time, weekdays: frozenset[int], sla: timedelta) -> None:
        """New office hours and response target (the settings page), in effect at once; the
        holiday table already read is kept."""
        self._office = (start, end, weekdays)
        self.sla = sla
        if self._hours is not None:
            self._hours = replace(self._hours, start=start, end=end, weekdays=weekdays)

    @property
    def hours(self) -> BusinessHours:
        """Business hours (by default 08:00–17:00 on weekdays, Turkish holidays closed; built on
        first use, so the first paint does not load the holiday table)."""
        if self._hours is None:
            year = self._clock().astimezone(ISTANBUL).year
            self._hours = turkish_business_hours(range(year - 2, year + 2), *self._office)
        return self._hours

    @hours.setter
    def hours(self, value: BusinessHours) -> None:
        self._hours = value

    def hours_ready(self) -> bool:
        """True once the business hours are built (building reads the holiday table: do it in a
        worker thread with :attr:`hours` before the UI asks for clocks)."""
        return self._hours is not None

    def now(self) -> datetime:
        return self._clock()

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._sessions

    def set_status(self, item_id: int, status: InboxStatus, *, actor: str = "kullanıcı", note: str = "") -> bool:
        """Mark an item read, resolved… (in its history); False if it does not exist."""
        with self._sessions.begin() as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                return False
            if item.status == status:
                return True
            detail: dict[str, object] = {"from": item.status.value, "to": status.value}
            if note:
                detail["note"] = note
            item.status = status
            session.add(
                AuditEntry(actor=actor, action="inbox.status", entity="inbox_item", entity_id=item_id, detail=detail)
            )
        return True

    # -- counts ------------------------------------------------------------------------------
    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(InboxItem)) or 0

    def arrived_after(self, item_id: int | None) -> tuple[int, list[InboxCategory | None]]:
        """Items stored after ``item_id`` (the largest id seen so far): the new largest id and their
        categories, for a notification (None: nothing seen yet; only the largest id is read)."""
        with self._sessions() as session:
            newest = session.scalar(select(func.max(InboxItem.id))) or 0
            if item_id is None or newest <= item_id:
                return newest, []
            stmt = select(InboxItem.category).where(InboxItem.id > item_id, InboxItem.id <= newest)
            return newest, list(session.scalars(stmt))

    def unanswered_count(self) -> int:
        """Items waiting for an answer (new or read, not deleted): a count on a small partial index."""
        with self._sessions() as session:
            connection = session.connection()
            if connection.dialect.name == "sqlite":
                sql = f"SELECT count(*) FROM inbox_items AS i INDEXED BY {OPEN_INDEX} WHERE {_OPEN_SQL}"
                return int(connection.exec_driver_sql(sql).scalar_one())
            return session.scalar(select(func.count()).select_from(InboxItem).where(_OPEN)) or 0

    def overdue_cutoff(self) -> datetime | None:
        return self.hours.cutoff(self._clock(), self.sla)

    def counts(self, channel_id: int | None = None) -> InboxCounts:
        """Counts for the filter chips among unanswered items (of one channel, if given).

        One GROUP BY streaming through a covering partial index of unanswered items in the
        groups' order (no sort): its cost grows with the number of unanswered items, not with
        the size of the inbox.
        """
        cutoff = self.overdue_cutoff()
        groups: Sequence[Sequence[Any]]
        with self._sessions() as session:
            connection = session.connection()
            if connection.dialect.name == "sqlite":
                params: dict[str, Any] = {"cutoff": _sql_time(cutoff) if cutoff is not None else None}
                scope = ""
                if channel_id is not None:
                    scope, params["channel_id"] = " AND i.channel_id = :channel_id", channel_id
                sql = (
                    "SELECT i.category, i.negative, i.channel_id, i.kind, i.unit_id,"
                    " coalesce(sum(i.received_at <= :cutoff), 0), count(*)"
                    f" FROM inbox_items AS i INDEXED BY {OPEN_COUNTS_INDEX} WHERE {_OPEN_SQL}{scope}"
                    " GROUP BY i.category, i.negative, i.kind, i.channel_id, i.unit_id"
                )
                groups = [
                    (_CATEGORIES[category], bool(negative), item_channel, _KINDS[kind], unit_id, overdue_n, n)
                    for category, negative, item_channel, kind, unit_id, overdue_n, n in connection.exec_driver_sql(
                        sql, params
                    )
                ]
            else:
                overdue_expr = InboxItem.received_at <= cutoff if cutoff is not None else false()
                stmt = (
                    select(
                        InboxItem.category,
                        InboxItem.negative,
                        InboxItem.channel_id,
                        InboxItem.kind,
                        InboxItem.unit_id,
                        func.coalesce(func.sum(case((overdue_expr, 1), else_=0)), 0),
                        func.count(),
                    )
                    .where(_OPEN)
                    .group_by(
                        InboxItem.category, InboxItem.negative, InboxItem.channel_id, InboxItem.kind, InboxItem.unit_id
                    )
                )
                if channel_id is not None:
                    stmt = stmt.where(InboxItem.channel_id == channel_id)
                groups = [tuple(row) for row in session.execute(stmt)]
        categories: Counter[InboxCategory | None] = Counter()
        channels: Counter[int] = Counter()
        kinds: Counter[InboxKind] = Counter()
        units: Counter[int | None] = Counter()
        total = overdue = negative = 0
        for category, is_negative, item_channel, kind, unit_id, overdue_n, n in groups:
            total += n
            overdue += int(overdue_n)
            negative += n if is_negative else 0
            categories[category] += n
            channels[item_channel] += n
            kinds[kind] += n
            units[unit_id] += n
        return InboxCounts(total, overdue, negative, dict(categories), dict(channels), dict(kinds), dict(units))

    # -- pages -------------------------------------------------------------------------------
    def page(self, after: PageCursor | None, limit: int) -> list[InboxRow]:
        """Up to ``limit`` items, newest first, after ``after`` (keyset paging: no OFFSET scans)."""
        return self.find(InboxFilter(), after, limit)

    def find(self, where: InboxFilter, after: PageCursor | None = None, limit: int = 200) -> list[InboxRow]:
        """One page of the items ``where`` selects, after ``after`` (the previous page's last row)."""
        engine = self._sessions.kw.get("bind")
        if isinstance(engine, Engine) and engine.dialect.name == "sqlite":
            sql, params = self.sqlite_query(where, after, limit)
            # Read-only, straight to sqlite3 on a pooled connection: the only per-row work is
            # turning stored values into the row's types.
            connection = engine.raw_connection()
            try:
                cursor = connection.cursor()
                cursor.execute(sql, params)
                return [_row(values) for values in cursor.fetchall()]
            finally:
                connection.close()
        with self._sessions() as session:
            return [_core_row(values) for values in session.execute(self._core_page(where, after, limit))]

    # -- SQLite: hand-written, with the index chosen ------------------------------------------------
    def sqlite_query(self, where: InboxFilter, after: PageCursor | None, limit: int) -> tuple[str, dict[str, Any]]:
        """The SQL and parameters :meth:`find` runs on SQLite (also for EXPLAIN and the benchmark)."""
        params: dict[str, Any] = {"limit": max(0, limit)}
        terms = self._sqlite_terms(where, params)
        query = match_query(where.text) if where.text else None
        if query is not None:
            params["match"] = query
            source = f"{FTS_TABLE} CROSS JOIN inbox_items AS i ON i.id = {FTS_TABLE}.rowid"
            terms.insert(0, f"{FTS_TABLE} MATCH :match")
            order = f"{FTS_TABLE}.rowid DESC"
            if after is not None:
                terms.append(f"{FTS_TABLE}.rowid < :after_id")
                params["after_id"] = after.id
        else:
            source = f"inbox_items AS i INDEXED BY {_driving_index(where)}"
            order = "i.received_at DESC, i.id DESC"
            if after is not None:
                terms.append("(i.received_at, i.id) < (:after_at, :after_id)")
                params["after_at"], params["after_id"] = _sql_time(after.received_at), after.id
        sql = f"SELECT {_SQLITE_COLUMNS} FROM {source} WHERE {' AND '.join(terms) or '1'} ORDER BY {order} LIMIT :limit"
        return sql, params

    def _sqlite_terms(self, where: InboxFilter, params: dict[str, Any]) -> list[str]:
        terms: list[str] = []
        if where.unanswered or where.overdue:
            terms.append(_OPEN_SQL)
        if where.overdue:
            cutoff = self.overdue_cutoff()
            if cutoff is None:
                terms.append("0")
            else:
                terms.append("i.received_at <= :cutoff")
                params["cutoff"] = _sql_time(cutoff)
        for name, value in (
            ("status", where.status),
            ("channel_id", where.channel_id),
            ("category", where.category),
            ("unit_id", where.unit_id),
            ("kind", where.kind),
        ):
            if value is not None:
                terms.append(f"i.{name} = :{name}")
                params[name] = value.value if isinstance(value, InboxStatus | InboxCategory | InboxKind) else value
        if where.negative is not None:
            terms.append("i.negative = :negative")
            params["negative"] = int(where.negative)
        if where.received_from is not None:
            terms.append("i.received_at >= :received_from")
            params["received_from"] = _sql_time(where.received_from)
        if where.received_before is not None:
            terms.append("i.received_at < :received_before")
            params["received_before"] = _sql_time(where.received_before)
        return terms

    # -- other databases: SQLAlchemy Core ---------------------------------------------------------
    def _core_page(self, where: InboxFilter, after: PageCursor | None, limit: int) -> Select[*tuple[Any, ...]]:
        stmt = (
            select(*_CORE_COLUMNS)
            .join(Channel, Channel.id == InboxItem.channel_id)
            .where(*self._core_conditions(where))
            .order_by(InboxItem.received_at.desc(), InboxItem.id.desc())
        )
        if where.text:
            for term in query_terms(where.text):
                stmt = stmt.where(InboxItem.search_text.contains(term, autoescape=True))
        if after is not None:
            stmt = stmt.where(tuple_(InboxItem.received_at, InboxItem.id) < tuple_(after.received_at, after.id))
        return stmt.limit(limit)

    def _core_conditions(self, where: InboxFilter) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if where.unanswered or where.overdue:
            conditions.append(_OPEN)
        if where.overdue:
            cutoff = self.overdue_cutoff()
            conditions.append(InboxItem.received_at <= cutoff if cutoff is not None else false())
        if where.status is not None:
            conditions.append(InboxItem.status == where.status)
        if where.channel_id is not None:
            conditions.append(InboxItem.channel_id == where.channel_id)
        if where.category is not None:
            conditions.append(InboxItem.category == where.category)
        if where.unit_id is not None:
            conditions.append(InboxItem.unit_id == where.unit_id)
        if where.kind is not None:
            conditions.append(InboxItem.kind == where.kind)
        if where.negative is not None:
            conditions.append(InboxItem.negative.is_(where.negative))
        if where.received_from is not None:
            conditions.append(InboxItem.received_at >= where.received_from)
        if where.received_before is not None:
            conditions.append(InboxItem.received_at < where.received_before)
        return conditions

    # -- one item ----------------------------------------------------------------------------
    def revisions(self, item_id: int) -> list[RevisionRow]:
        """Earlier texts of an item edited on the platform, oldest first."""
        stmt = (
            select(InboxItemRevision.text, InboxItemRevision.replaced_at)
            .where(InboxItemRevision.inbox_item_id == item_id)
            .order_by(InboxItemRevision.id)
        )
        with self._sessions() as session:
            return [RevisionRow(text_, at) for text_, at in session.execute(stmt)]

    def get(self, item_id: int) -> InboxRow | None:
        """One item as a list row (after a change to it)."""
        with self._sessions() as session:
            found = session.execute(
                select(InboxItem, Channel.display_name)
                .join(Channel, InboxItem.channel_id == Channel.id)
                .where(InboxItem.id == item_id)
            ).first()
            if found is None:
                return None
            item, channel_name = found
            return InboxRow(
                item.id,
                item.received_at,
                item.platform,
                channel_name,
                item.author_name,
                item.author_handle,
                item.kind,
                item.status,
                item.category,
                item.negative,
                item.text,
                item.channel_id,
                item.unit_id,
                tuple(item.classification_reasons or ()),
                bool(item.category_corrected),
                item.edited_at is not None,
                item.deleted_at is not None,
                item.parent_id,
                item.delivery_id,
            )

    def set_category(
        self, item_id: int, category: InboxCategory, *, negative: bool | None = None, actor: str = "kullanıcı"
    ) -> bool:
        """The person's correction of the category (and, if given, the tone); kept for good.

        Later synchronisation never changes a corrected item's category or tone. Returns False
        if the item does not exist.
        """
        with self._sessions.begin() as session:
            item = session.get(InboxItem, item_id)
            if item is None:
                return False
            detail: dict[str, object] = {
                "from": item.category.value if item.category else None,
                "to": category.value,
            }
            item.category = category
            if negative is not None:
                detail["negative"] = negative
                item.negative = negative
            item.category_corrected = True
            session.add(
                AuditEntry(
                    actor=actor,
                    action="inbox.category_corrected",
                    entity="inbox_item",
                    entity_id=item_id,
                    detail=detail,
                )
            )
        return True


def _driving_index(where: InboxFilter) -> str:
    """The index a list query (without search) walks, newest first."""
    if where.unanswered or where.overdue:
        return OPEN_INDEX
    if where.unit_id is not None:
        return "ix_inbox_items_unit_id_received_at"
    if where.category is not None:
        return "ix_inbox_items_category_received_at"
    if where.channel_id is not None:
        return "ix_inbox_items_channel_id_received_at"
    if where.status is not None:
        return "ix_inbox_items_status_received_at"
    return "ix_inbox_items_received_at"


def _sql_time(moment: datetime) -> str:
    """An aware datetime as :class:`~kurum_masaustu.store.types.UTCDateTime` stores it on SQLite."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _reasons(value: str | None) -> tuple[str, ...]:
    if not value or value == "[]":
        return ()
    try:
        loaded = json.loads(value)
    except ValueError:
        return ()
    return tuple(str(reason) for reason in loaded) if isinstance(loaded, list) else ()


_SQLITE_COLUMNS = (
    "i.id, i.received_at, i.platform, (SELECT c.display_name FROM channels AS c WHERE c.id = i.channel_id),"
    " i.author_name, i.author_handle, i.kind, i.status, i.category, i.negative, i.text, i.channel_id, i.unit_id,"
    " i.classification_reasons, i.category_corrected, i.edited_at, i.deleted_at, i.parent_id, i.delivery_id"
)
_CORE_COLUMNS = (
    InboxItem.id,
    InboxItem.received_at,
    InboxItem.platform,
    Channel.display_name,
    InboxItem.author_name,
    InboxItem.author_handle,
    InboxItem.kind,
    InboxItem.status,
    InboxItem.category,
    InboxItem.negative,
    InboxItem.text,
    InboxItem.channel_id,
    InboxItem.unit_id,
    InboxItem.classification_reasons,
    InboxItem.category_corrected,
    InboxItem.edited_at,
    InboxItem.deleted_at,
    InboxItem.parent_id,
    InboxItem.delivery_id,
)


_PLATFORMS = {member.value: member for member in Platform}
_KINDS = {member.value: member for member in InboxKind}
_STATUSES = {member.value: member for member in InboxStatus}
_CATEGORIES: dict[str | None, InboxCategory | None] = {member.value: member for member in InboxCategory}
_CATEGORIES[None] = None


_fromisoformat = datetime.fromisoformat
_tuple_new = tuple.__new__


def _row(values: Sequence[Any]) -> InboxRow:
    """A row of :data:`_SQLITE_COLUMNS`, as stored (strings, integers).

    On the hot path of every page (a search's cost is measured against bare sqlite3): the
    tuple is built directly, times are parsed with their UTC offset appended, enums are looked
    up in dicts, and the usual empty reasons skip JSON.
    """
    reasons = values[13]
    return _tuple_new(
        InboxRow,
        (
            values[0],
            _fromisoformat(values[1] + "+00:00"),
            _PLATFORMS[values[2]],
            values[3] or "",
            values[4],
            values[5],
            _KINDS[values[6]],
            _STATUSES[values[7]],
            _CATEGORIES[values[8]],
            bool(values[9]),
            values[10],
            values[11],
            values[12],
            () if not reasons or reasons == "[]" else _reasons(reasons),
            bool(values[14]),
            values[15] is not None,
            values[16] is not None,
            values[17],
            values[18],
        ),
    )


def _core_row(values: Sequence[Any]) -> InboxRow:
    """A row of :data:`_CORE_COLUMNS`, as SQLAlchemy converted it."""
    return InboxRow(
        id=values[0],
        received_at=values[1],
        platform=values[2],
        channel_name=values[3],
        author_name=values[4],
        author_handle=values[5],
        kind=values[6],
        status=values[7],
        category=values[8],
        negative=values[9],
        text=values[10],
        channel_id=values[11],
        unit_id=values[12],
        reasons=tuple(values[13] or ()),
        category_corrected=values[14],
        edited=values[15] is not None,
        deleted=values[16] is not None,
        parent_id=values[17],
        delivery_id=values[18],
    )
