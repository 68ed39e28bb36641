"""The plan as an iCalendar file (RFC 5545), for Outlook, Google Calendar, Thunderbird and phones.

* **Days** (public holidays, half days, important days and weeks, religious days) are all-day
  events: ``DTSTART;VALUE=DATE`` and an exclusive ``DTEND`` (the day after the last day).
  Half days say from when offices close; estimated dates say "(tahmini)".
* **Posts** are timed events in Europe/Istanbul (``TZID`` with its ``VTIMEZONE``), one per post;
  a post whose channels go out at different times is one event per delivery. Summary: the
  post's title; description: channels with their states.
* **UIDs are stable** (post id, delivery id, day key + year + occurrence, under the profile's
  id), so importing a newer export updates the events instead of duplicating them;
  ``SEQUENCE`` and ``LAST-MODIFIED`` follow the post's last change, and a cancelled post is
  exported as ``STATUS:CANCELLED`` so it leaves the reader's calendar too.

Events are transparent (they do not mark anybody busy). The ``icalendar`` package does the
escaping (``\\,`` ``\\;`` ``\\n``), the CRLF line ends and the folding at 75 octets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone

from kurum_masaustu.domain import DeliveryState
from kurum_masaustu.export import (
    CATEGORY_NAMES,
    DAY_CATEGORY_NAMES,
    STATE_NAMES,
    ExportPlan,
    PlanDay,
    day_event_note,
    day_event_title,
    format_range,
    utc_now,
)
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.posts import STATE_PRIORITY, CalendarEntry

__all__ = ["POST_SLOT", "PRODID", "build_ics", "day_uid", "post_uid"]

PRODID = "-//Kurum Masaustu//Yayin Plani//TR"
#: How long a post's event lasts in the calendar (a post is a moment; a zero-length event
#: is shown badly by several calendars).
POST_SLOT = timedelta(minutes=15)
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_TZID = "Europe/Istanbul"


def _namespace(plan: ExportPlan) -> str:
    return f"kurum-masaustu-{plan.uid_namespace}" if plan.uid_namespace else "kurum-masaustu"


def day_uid(day: PlanDay, namespace: str) -> str:
    """``<ns>-gun-<key>-<year>-<n>``: the same day of the same year keeps it when its date moves."""
    key = day.event.key.replace(":", "-")
    return f"{namespace}-gun-{key}-{day.event.start.year}-{day.occurrence}"


def post_uid(post_id: int, namespace: str, delivery_id: int | None = None) -> str:
    """``<ns>-gonderi-<post>`` (``…-teslim-<delivery>`` when the post's channels go out at different times)."""
    uid = f"{namespace}-gonderi-{post_id}"
    return f"{uid}-teslim-{delivery_id}" if delivery_id is not None else uid


def _sequence(changed: datetime | None) -> int:
    """Grows with every change of the post (minutes since 2020), so calendars take the newer copy."""
    if changed is None:
        return 0
    return max(0, int((changed - _SEQUENCE_EPOCH).total_seconds() // 60))


def _overall_state(states: Sequence[DeliveryState]) -> DeliveryState:
    """The state that needs attention first; cancelled only when every delivery is."""
    live: list[DeliveryState] = [s for s in states if s is not DeliveryState.CANCELLED]
    return min(live or states, key=STATE_PRIORITY.index)


def _day_event(day: PlanDay, namespace: str, stamp: datetime) -> Event:
    event = day.event
    vevent = Event()
    vevent.add("uid", day_uid(day, namespace))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end + timedelta(days=1))  # exclusive (RFC 5545 §3.6.1)
    vevent.add("summary", day_event_title(event))
    vevent.add("description", day_event_note(event))
    vevent.add("categories", [DAY_CATEGORY_NAMES[event.category]])
    vevent.add("transp", "TRANSPARENT")
    vevent.add("class", "PUBLIC")
    # A confirmed date supersedes an estimate the reader may have imported earlier.
    vevent.add("sequence", 0 if event.estimated else 1)
    return vevent


def _post_event(entries: Sequence[CalendarEntry], uid: str, plan: ExportPlan, stamp: datetime) -> Event:
    first = entries[0]
    at = min(entry.at for entry in entries)
    state = _overall_state([entry.state for entry in entries])
    if len({entry.state for entry in entries}) == 1:
        channels = ", ".join(entry.channel_name for entry in entries)
    else:
        channels = ", ".join(f"{entry.channel_name} ({STATE_NAMES[entry.state]})" for entry in entries)
    changed = [plan.modified[e.delivery_id] for e in entries if e.delivery_id in plan.modified]
    last_change = max(changed) if changed else None

    vevent = Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    local = to_local(at)
    vevent.add("dtstart", local)
    vevent.add("dtend", local + POST_SLOT)
    vevent.add("summary", first.title)
    vevent.add(
        "description",
        "\n".join(
            (
                f"Kanallar: {channels}",
                f"Durum: {STATE_NAMES[state]}",
                f"Kategori: {CATEGORY_NAMES[first.category]}",
                f"Kurum Masaüstü gönderi no: {first.post_id}",
            )
        ),
    )
    vevent.add("categories", ["Gönderi", CATEGORY_NAMES[first.category]])
    vevent.add("status", _ics_status(state))
    vevent.add("transp", "TRANSPARENT")
    vevent.add("class", "PUBLIC")
    vevent.add("sequence", _sequence(last_change))
    if last_change is not None:
        vevent.add("last-modified", last_change.astimezone(UTC))
    if len({entry.color for entry in entries}) == 1 and first.color.startswith("#"):
        vevent.add("color", first.color)  # RFC 7986; one channel's colour
    return vevent


def _ics_status(state: DeliveryState) -> str:
    if state is DeliveryState.CANCELLED:
        return "CANCELLED"
    if state is DeliveryState.DRAFT:
        return "TENTATIVE"
    return "CONFIRMED"


def _post_events(plan: ExportPlan, namespace: str, stamp: datetime) -> list[Event]:
    by_post: dict[int, list[CalendarEntry]] = defaultdict(list)
    for entry in plan.entries:
        by_post[entry.post_id].append(entry)
    events: list[tuple[datetime, int, int, Event]] = []
    for post_id, entries in by_post.items():
        entries.sort(key=lambda e: (e.at, e.delivery_id))
        if len({entry.at for entry in entries}) == 1:
            uid = post_uid(post_id, namespace)
            events.append((entries[0].at, post_id, 0, _post_event(entries, uid, plan, stamp)))
        else:
            for entry in entries:
                uid = post_uid(post_id, namespace, entry.delivery_id)
                events.append((entry.at, post_id, entry.delivery_id, _post_event([entry], uid, plan, stamp)))
    return [event for *_, event in sorted(events, key=lambda item: item[:3])]


def build_ics(plan: ExportPlan, *, now: datetime | None = None) -> bytes:
    """The plan as an iCalendar file (UTF-8, CRLF line ends)."""
    stamp = (now or utc_now()).astimezone(UTC)
    namespace = _namespace(plan)
    name = f"{plan.institution} — Yayın Planı" if plan.institution else "Kurum Masaüstü — Yayın Planı"

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # Outlook, Google, Apple
    calendar.add("x-wr-timezone", _TZID)
    calendar.add(
        "description",
        f"{format_range(plan.first, plan.last)}: resmî tatiller, önemli günler ve planlanan gönderiler",
    )
    if plan.entries:
        calendar.add_component(
            Timezone.from_tzid(
                _TZID, first_date=date(plan.first.year, 1, 1), last_date=date(plan.last.year + 1, 12, 31)
            )
        )
    for day in plan.days:
        calendar.add_component(_day_event(day, namespace, stamp))
    for event in _post_events(plan, namespace, stamp):
        calendar.add_component(event)
    return bytes(calendar.to_ical())
