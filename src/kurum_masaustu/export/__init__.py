"""Exports of the content plan: an ICS calendar file and a printable monthly plan (PDF).

Both formats are built from one :class:`ExportPlan`: the planned posts of a date range (from
:class:`~kurum_masaustu.services.posts.PostService`) and the Turkish days touching it (public
holidays with their half days, important days and weeks, religious days; from
:mod:`kurum_masaustu.calendar_data`). The builders are pure functions of the plan and return
bytes (:func:`kurum_masaustu.export.ics.build_ics`,
:func:`kurum_masaustu.export.pdf.build_month_plan_pdf`); :func:`write_atomic` puts them on disk;
:mod:`kurum_masaustu.export.command` is the ``kurum-masaustu export`` command.

This module is import-light (no icalendar, no PDF library): the command line imports it while
building its parser. No Qt here: exports run headless, for IT's scripts too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kurum_masaustu.domain import Category, DeliveryState, Platform

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kurum_masaustu.rules.days import DayEvent
    from kurum_masaustu.services.posts import CalendarEntry

__all__ = [
    "CATEGORY_NAMES",
    "DAY_CATEGORY_NAMES",
    "MONTHS",
    "PLATFORM_CODES",
    "STATE_NAMES",
    "TONE_NAMES",
    "WEEKDAYS",
    "ExportError",
    "ExportPlan",
    "PlanDay",
    "collect_plan",
    "day_event_note",
    "day_event_title",
    "format_day",
    "format_range",
    "month_title",
    "plan_days",
    "write_atomic",
]

# --------------------------------------------------------------------------------------------
# Turkish words (the exports are Turkish documents whatever the interface language)

MONTHS = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık")
WEEKDAYS = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")

#: As the window says them (translations/kurum_masaustu_tr.ts, "Labels").
STATE_NAMES: Mapping[DeliveryState, str] = {
    DeliveryState.DRAFT: "Taslak",
    DeliveryState.SCHEDULED: "Zamanlandı",
    DeliveryState.PUBLISHING: "Yayımlanıyor",
    DeliveryState.HANDED_OFF: "Platforma iletildi",
    DeliveryState.PUBLISHED: "Yayımlandı",
    DeliveryState.FAILED: "Başarısız",
    DeliveryState.CANCELLED: "İptal edildi",
    DeliveryState.UNCERTAIN: "Kontrol edilmeli",
    DeliveryState.MISSED: "Zamanı geçti",
}

CATEGORY_NAMES: Mapping[Category, str] = {
    Category.ANNOUNCEMENT: "Duyuru",
    Category.SERVICE: "Hizmet bilgilendirmesi",
    Category.EVENT: "Etkinlik",
    Category.CELEBRATION: "Kutlama",
    Category.COMMEMORATION: "Anma",
    Category.AWARENESS: "Farkındalık",
    Category.CRISIS: "Kriz",
    Category.ENGAGEMENT: "Etkileşim",
}

# Keyed by the enums' values (``rules.days`` is not imported here: it loads the ``holidays``
# package, and the command line imports this module while it builds its parser). A StrEnum
# member finds its value's entry: ``DAY_CATEGORY_NAMES[DayCategory.NATIONAL]``.
DAY_CATEGORY_NAMES: Mapping[str, str] = {
    "ulusal": "Ulusal gün",
    "dini": "Dinî gün",
    "uluslararası": "Uluslararası gün",
    "yerel yönetim": "Yerel yönetim",
    "resmî tatil": "Resmî tatil",
}

TONE_NAMES: Mapping[str, str] = {
    "anma": "anma (kutlama dili ve emoji yok)",
    "kutlama": "kutlama",
    "tebrik": "tebrik",
    "farkindalik": "farkındalık",
    "bilgi": "bilgi",
}

#: Short channel marks for the PDF's month grid (a legend on the page names them).
PLATFORM_CODES: Mapping[Platform, str] = {
    Platform.FACEBOOK: "FB",
    Platform.INSTAGRAM: "IG",
    Platform.X: "X",
    Platform.LINKEDIN: "LI",
    Platform.MASTODON: "MA",
    Platform.BLUESKY: "BS",
    Platform.TELEGRAM: "TG",
    Platform.MANUAL: "EL",
}


def format_day(day: date, *, weekday: bool = False) -> str:
    """``29 Ekim 2026`` (``29 Ekim 2026 Perşembe`` with the weekday)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{text} {WEEKDAYS[day.weekday()]}" if weekday else text


def format_range(first: date, last: date) -> str:
    """``1–30 Kasım 2026``, ``15 Kasım – 14 Aralık 2026``, ``20 Aralık 2026 – 10 Ocak 2027``."""
    if first == last:
        return format_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {format_day(last)}"
    return f"{format_day(first)} – {format_day(last)}"


def month_title(year: int, month: int) -> str:
    """``Kasım 2026``."""
    return f"{MONTHS[month - 1]} {year}"


# --------------------------------------------------------------------------------------------
# Days as the exports name them

#: The ``holidays`` package's half-day note: "Cumhuriyet Bayramı (saat 13.00'ten)".
_HALF_DAY_NOTE = re.compile(r"\s*\(saat\s+(?P<time>[0-9]{1,2}[.:][0-9]{2})[^)]*\)\s*$")
HALF_DAY_DEFAULT_TIME = "13.00"


def _half_day_time(name: str) -> str:
    match = _HALF_DAY_NOTE.search(name)
    return match["time"].replace(":", ".") if match else HALF_DAY_DEFAULT_TIME


def day_event_title(event: DayEvent) -> str:
    """The day's name for a calendar or a printout, with what a reader must know in brackets.

    Half days say from when the offices are closed ("Cumhuriyet Bayramı (13.00'ten itibaren)");
    an estimated date says so ("Regaib Kandili (tahmini)").
    """
    name = event.name
    if event.half_day:
        name = f"{_HALF_DAY_NOTE.sub('', name)} ({_half_day_time(event.name)}'ten itibaren)"
    if event.estimated:
        name += " (tahmini)"
    return name


def day_event_note(event: DayEvent) -> str:
    """A few lines about the day: what kind of day, the tone to use, ideas; for ICS descriptions."""
    lines = [f"Tür: {DAY_CATEGORY_NAMES[event.category]}"]
    if event.half_day:
        lines.append(f"Yarım gün resmî tatil: kamu kurumları {_half_day_time(event.name)}'ten itibaren kapalıdır.")
    elif event.day_off:
        lines.append("Resmî tatil: kamu kurumları kapalıdır.")
    if not event.half_day:
        lines.append(f"Ton: {TONE_NAMES[event.tone]}")
    if event.theme:
        lines.append(f"Öneri: {event.theme}")
    if event.estimated:
        lines.append("Tarih tahminidir: Diyanet'in takvimiyle bir gün farklı olabilir; kesin tarihi kontrol edin.")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# The plan


class ExportError(Exception):
    """An export that cannot be made; ``str()`` is a Turkish message for the person."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class PlanDay:
    """A day event with its place among the same day's occurrences in the year it starts.

    ``occurrence`` keeps the event's calendar identity when a correction moves its date (an
    estimated kandil confirmed a day earlier): 0 for the first occurrence of ``event.key``
    starting in ``event.start.year``, 1 for a second (Miraç Kandili falls twice in 2027).
    """

    event: DayEvent
    occurrence: int = 0


@dataclass(frozen=True)
class ExportPlan:
    """Everything an export shows, for the local (Europe/Istanbul) days ``first`` … ``last``."""

    first: date
    last: date
    #: Visible days touching the range, by start date (spans may reach outside it).
    days: tuple[PlanDay, ...] = ()
    #: Deliveries whose calendar slot is in the range, by time (every state, cancelled too).
    entries: tuple[CalendarEntry, ...] = ()
    #: The institution's name from the settings ("" when not set).
    institution: str = ""
    #: Makes calendar UIDs unique to this profile (its stable id), so two institutions' plans
    #: imported into one calendar do not overwrite each other.
    uid_namespace: str = ""
    #: Delivery id → when it or its post last changed (ICS ``LAST-MODIFIED`` / ``SEQUENCE``).
    modified: Mapping[int, datetime] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the range ends ({self.last}) before it starts ({self.first})")


def plan_days(events: Iterable[DayEvent], first: date, last: date) -> tuple[PlanDay, ...]:
    """The visible events touching ``first`` … ``last``, numbered among their key's occurrences.

    ``events`` should hold whole years (hidden ones too), so the numbering does not depend
    on where the range starts.
    """
    seen: dict[tuple[str, int], int] = {}
    result: list[PlanDay] = []
    for event in sorted(events, key=lambda e: (e.start, e.end, e.key)):
        slot = (event.key, event.start.year)
        occurrence = seen.get(slot, 0)
        seen[slot] = occurrence + 1
        if not event.hidden and event.span.overlaps(first, last):
            result.append(PlanDay(event, occurrence))
    return tuple(result)


def collect_plan(
    sessions: sessionmaker[Session],
    first: date,
    last: date,
    *,
    institution: str = "",
    uid_namespace: str = "",
    events: Sequence[DayEvent] | None = None,
) -> ExportPlan:
    """Read the plan of ``first`` … ``last`` (local days) from the profile's database.

    ``events`` are the Turkish days of the years ``first.year`` … ``last.year`` (default: the
    packaged catalog's, :func:`kurum_masaustu.calendar_data.days_between`, with the
    institution's own days from the profile).
    """
    from sqlalchemy import select

    from kurum_masaustu.rules.timeutil import local_day_bounds
    from kurum_masaustu.services.posts import PostService
    from kurum_masaustu.store.models import Delivery, Post

    if last < first:
        raise ValueError(f"the range ends ({last}) before it starts ({first})")
    if events is None:
        from kurum_masaustu.calendar_data import days_between
        from kurum_masaustu.services.planning import PlanningService

        planning = PlanningService(sessions)
        events = days_between(
            date(first.year, 1, 1),
            date(last.year, 12, 31),
            custom=planning.custom_days(),
            corrections=planning.corrections(),
        )
    start, end = local_day_bounds(first, last)
    entries = PostService(sessions).calendar_entries(start, end)
    stmt = (
        select(Delivery.id, Delivery.updated_at, Post.updated_at)
        .join(Post, Delivery.post_id == Post.id)
        .where(Delivery.scheduled_at >= start, Delivery.scheduled_at < end)
    )
    with sessions() as session:
        modified = {
            delivery_id: max(changed, post_changed) for delivery_id, changed, post_changed in session.execute(stmt)
        }
    return ExportPlan(
        first=first,
        last=last,
        days=plan_days(events, first, last),
        entries=tuple(entries),
        institution=institution.strip(),
        uid_namespace=uid_namespace,
        modified=modified,
    )


# --------------------------------------------------------------------------------------------
# Writing


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: a reader sees the old file or the new, never half.

    The bytes go to a temporary file beside ``path`` (same volume), are flushed to disk, then
    renamed over it. Raises ``OSError`` (the temporary file is removed) when that fails, e.g.
    the folder is missing or, on Windows, the old file is open in another program.
    """
    import stat
    import tempfile

    try:
        mode = stat.S_IMODE(path.stat().st_mode)  # keep what the old file allowed
    except FileNotFoundError:
        mode = 0o644  # mkstemp's 0600 is for secrets; an export is meant to be shared
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def utc_now() -> datetime:
    return datetime.now(UTC)
