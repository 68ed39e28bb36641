"""ICS export: RFC 5545 structure, Turkish days as all-day events, posts as timed events, stable UIDs.

Every file is read back with the ``icalendar`` parser; folding and escaping are checked on the
raw bytes too (75 octets a line, never inside a UTF-8 letter; ``\\,`` ``\\;`` ``\\n``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar, Event

from kurum_masaustu.calendar_data import days_between
from kurum_masaustu.domain import Category, DeliveryState, Platform
from kurum_masaustu.export import (
    DAY_CATEGORY_NAMES,
    TONE_NAMES,
    ExportPlan,
    PlanDay,
    day_event_title,
    format_range,
    plan_days,
)
from kurum_masaustu.export.ics import build_ics, day_uid, post_uid
from kurum_masaustu.rules.days import DateSpan, DayCategory, DayEvent, EventSource, Tone
from kurum_masaustu.rules.timeutil import ISTANBUL, local_to_utc
from kurum_masaustu.services.posts import CalendarEntry

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
NS = "0123abcd"


def entry(
    post_id: int,
    delivery_id: int,
    at: datetime,
    *,
    title: str = "Duyuru",
    state: DeliveryState = DeliveryState.SCHEDULED,
    channel: str = "Facebook Sayfası",
    platform: Platform = Platform.FACEBOOK,
    category: Category = Category.ANNOUNCEMENT,
) -> CalendarEntry:
    return CalendarEntry(
        post_id=post_id,
        delivery_id=delivery_id,
        title=title,
        at=at,
        state=state,
        channel_name=channel,
        platform=platform,
        color="#3B5BDB",
        category=category,
    )


def year_plan(
    first: date,
    last: date,
    entries: Sequence[CalendarEntry] = (),
    *,
    institution: str = "",
    modified: Mapping[int, datetime] | None = None,
) -> ExportPlan:
    """A plan with the packaged Turkish days, as :func:`collect_plan` makes it."""
    events = days_between(date(first.year, 1, 1), date(last.year, 12, 31))
    return ExportPlan(
        first=first,
        last=last,
        days=plan_days(events, first, last),
        entries=tuple(entries),
        institution=institution,
        uid_namespace=NS,
        modified=dict(modified or {}),
    )


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events_by_summary(calendar: Calendar) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = {}
    for event in calendar.events:
        found.setdefault(str(event["SUMMARY"]), []).append(event)
    return found


# -- the calendar ------------------------------------------------------------------------------


def test_the_calendar_is_rfc5545_with_a_name_and_a_time_zone() -> None:
    plan = year_plan(
        date(2026, 11, 1), date(2026, 11, 30), [entry(1, 1, local_to_utc(date(2026, 11, 2), time(9)))], institution="X"
    )
    data = build_ics(plan, now=NOW)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    calendar = parse(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Kurum Masaustu//")
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "X — Yayın Planı"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Istanbul"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]
    assert "1–30 Kasım 2026" in str(calendar["DESCRIPTION"])
    for event in calendar.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert prop in event, prop
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_without_posts_there_is_no_time_zone_and_the_days_are_still_there() -> None:
    calendar = parse(build_ics(year_plan(date(2026, 10, 1), date(2026, 10, 31)), now=NOW))
    assert calendar.walk("VTIMEZONE") == []
    assert "Cumhuriyet Bayramı" in events_by_summary(calendar)


# -- days -----------------------------------------------------------------------------------------


def test_public_holidays_are_all_day_with_an_exclusive_end_and_the_half_day_says_from_when() -> None:
    calendar = parse(build_ics(year_plan(date(2026, 10, 1), date(2026, 10, 31)), now=NOW))
    events = events_by_summary(calendar)
    (holiday,) = events["Cumhuriyet Bayramı"]
    assert holiday.decoded("DTSTART") == date(2026, 10, 29)
    assert not isinstance(holiday.decoded("DTSTART"), datetime)
    assert holiday.decoded("DTEND") == date(2026, 10, 30)
    assert "Resmî tatil" in [str(c) for c in holiday.categories]
    assert "kamu kurumları kapalıdır" in str(holiday["DESCRIPTION"])

    (half,) = events["Cumhuriyet Bayramı (13.00'ten itibaren)"]
    assert half.decoded("DTSTART") == date(2026, 10, 28)
    assert half.decoded("DTEND") == date(2026, 10, 29)
    assert "13.00'ten itibaren kapalıdır" in str(half["DESCRIPTION"])


def test_a_bayram_and_a_week_span_several_days() -> None:
    calendar = parse(build_ics(year_plan(date(2026, 5, 1), date(2026, 5, 31)), now=NOW))
    events = events_by_summary(calendar)
    (kurban,) = events["Kurban Bayramı"]
    assert (kurban.decoded("DTSTART"), kurban.decoded("DTEND")) == (date(2026, 5, 27), date(2026, 5, 31))
    (arife,) = events["Kurban Bayramı (13.00'ten itibaren)"]
    assert arife.decoded("DTSTART") == date(2026, 5, 26)

    autumn = events_by_summary(parse(build_ics(year_plan(date(2026, 11, 1), date(2026, 11, 30)), now=NOW)))
    (kizilay,) = autumn["Kızılay Haftası"]  # 29 Ekim – 4 Kasım: starts before the range, kept whole
    assert (kizilay.decoded("DTSTART"), kizilay.decoded("DTEND")) == (date(2026, 10, 29), date(2026, 11, 5))


def test_important_and_religious_days_carry_their_kind_and_tone() -> None:
    events = events_by_summary(parse(build_ics(year_plan(date(2026, 11, 1), date(2026, 12, 31)), now=NOW)))
    (anma,) = events["Atatürk'ü Anma Günü (saat 09.05 saygı duruşu)"]
    assert "Ton: anma (kutlama dili ve emoji yok)" in str(anma["DESCRIPTION"])
    assert [str(c) for c in anma.categories] == ["Ulusal gün"]
    (regaib,) = events["Regaib Kandili"]  # 2026 is in Diyanet's table: not an estimate
    assert "Dinî gün" in [str(c) for c in regaib.categories]
    assert "tebrik" in str(regaib["DESCRIPTION"])
    assert int(str(regaib["SEQUENCE"])) == 1


def test_estimated_religious_days_say_tahmini() -> None:
    plan = year_plan(date(2030, 1, 1), date(2030, 12, 31))
    estimated = [d for d in plan.days if d.event.estimated]
    assert estimated, "2030 is outside Diyanet's table: its Hijri days are estimates"
    events = events_by_summary(parse(build_ics(plan, now=NOW)))
    for day in estimated:
        title = day_event_title(day.event)
        assert title.endswith(" (tahmini)")
        (event,) = [e for e in events[title] if e.decoded("DTSTART") == day.event.start]
        assert int(str(event["SEQUENCE"])) == 0
        assert "Tarih tahminidir" in str(event["DESCRIPTION"])


def test_hidden_days_are_left_out() -> None:
    plan = year_plan(date(2026, 11, 1), date(2026, 11, 30))
    summaries = events_by_summary(parse(build_ics(plan, now=NOW)))
    assert "Edirne'nin kurtuluşu (örnek)" not in summaries  # an example row, hidden
    assert all(not d.event.hidden for d in plan.days)


def test_every_category_and_tone_has_a_turkish_name() -> None:
    assert {DAY_CATEGORY_NAMES[c] for c in DayCategory}
    assert {TONE_NAMES[t] for t in Tone}


# -- posts ---------------------------------------------------------------------------------------


def test_a_post_is_one_timed_event_in_istanbul_time_with_channels_and_state() -> None:
    at = local_to_utc(date(2026, 11, 24), time(10))
    entries = [
        entry(7, 70, at, title="Öğretmenlerimize teşekkürler", category=Category.CELEBRATION),
        entry(
            7,
            71,
            at,
            title="Öğretmenlerimize teşekkürler",
            channel="X",
            platform=Platform.X,
            category=Category.CELEBRATION,
        ),
    ]
    calendar = parse(build_ics(year_plan(date(2026, 11, 1), date(2026, 11, 30), entries), now=NOW))
    (post,) = events_by_summary(calendar)["Öğretmenlerimize teşekkürler"]
    start = post.decoded("DTSTART")
    assert isinstance(start, datetime)
    assert post["DTSTART"].params["TZID"] == "Europe/Istanbul"
    assert (start.hour, start.minute) == (10, 0)
    assert start.astimezone(UTC) == at
    assert post.decoded("DTEND") - start == timedelta(minutes=15)
    description = str(post["DESCRIPTION"])
    assert "Kanallar: Facebook Sayfası, X" in description
    assert "Durum: Zamanlandı" in description
    assert "Kategori: Kutlama" in description
    assert str(post["STATUS"]) == "CONFIRMED"
    assert str(post["UID"]) == post_uid(7, f"kurum-masaustu-{NS}")


def test_channels_with_different_states_are_named_each_with_its_state() -> None:
    at = local_to_utc(date(2026, 11, 5), time(10))
    entries = [
        entry(3, 30, at, title="İhale duyurusu", state=DeliveryState.PUBLISHED),
        entry(3, 31, at, title="İhale duyurusu", state=DeliveryState.FAILED, channel="LinkedIn Sayfası"),
    ]
    (post,) = events_by_summary(parse(build_ics(year_plan(date(2026, 11, 1), date(2026, 11, 30), entries))))[
        "İhale duyurusu"
    ]
    assert "Facebook Sayfası (Yayımlandı), LinkedIn Sayfası (Başarısız)" in str(post["DESCRIPTION"])
    assert "Durum: Başarısız" in str(post["DESCRIPTION"])  # what needs attention first


def test_channels_at_different_times_become_one_event_per_delivery() -> None:
    day = date(2026, 11, 11)
    entries = [
        entry(5, 50, local_to_utc(day, time(10)), title="Ağaçlandırma"),
        entry(5, 51, local_to_utc(day, time(12)), title="Ağaçlandırma", channel="X", platform=Platform.X),
    ]
    events = events_by_summary(parse(build_ics(year_plan(day, day, entries), now=NOW)))["Ağaçlandırma"]
    assert sorted(str(e["UID"]) for e in events) == [
        post_uid(5, f"kurum-masaustu-{NS}", 50),
        post_uid(5, f"kurum-masaustu-{NS}", 51),
    ]


@pytest.mark.parametrize(
    ("state", "status"),
    [
        (DeliveryState.DRAFT, "TENTATIVE"),
        (DeliveryState.SCHEDULED, "CONFIRMED"),
        (DeliveryState.PUBLISHED, "CONFIRMED"),
        (DeliveryState.CANCELLED, "CANCELLED"),
    ],
)
def test_the_status_follows_the_post(state: DeliveryState, status: str) -> None:
    at = local_to_utc(date(2026, 11, 3), time(9))
    calendar = parse(build_ics(year_plan(date(2026, 11, 3), date(2026, 11, 3), [entry(1, 1, at, state=state)])))
    (post,) = events_by_summary(calendar)["Duyuru"]
    assert str(post["STATUS"]) == status


def test_times_are_placed_on_the_istanbul_day_across_month_and_year_ends() -> None:
    late_october = datetime(2026, 10, 28, 20, 30, tzinfo=UTC)  # 23:30 on the 28 Ekim half day
    new_year = datetime(2026, 12, 31, 22, 30, tzinfo=UTC)  # 01:30 on 1 January 2027
    month_end = datetime(2026, 11, 30, 21, 15, tzinfo=UTC)  # 00:15 on 1 December
    entries = [
        entry(1, 1, late_october, title="a"),
        entry(2, 2, new_year, title="b"),
        entry(3, 3, month_end, title="c"),
    ]
    events = events_by_summary(parse(build_ics(year_plan(date(2026, 10, 28), date(2027, 1, 1), entries))))
    starts = {name: events[name][0].decoded("DTSTART") for name in ("a", "b", "c")}
    assert starts["a"].date() == date(2026, 10, 28)
    assert starts["a"].hour == 23
    assert starts["b"].date() == date(2027, 1, 1)
    assert starts["b"].hour == 1
    assert starts["c"].date() == date(2026, 12, 1)
    assert all(start.utcoffset() == timedelta(hours=3) for start in starts.values())


# -- identity: re-imports update, never duplicate -------------------------------------------------


def test_uids_are_stable_across_exports_and_edits() -> None:
    day = date(2026, 11, 16)
    first = [entry(9, 90, local_to_utc(day, time(10)), title="Konser")]
    moved = [entry(9, 90, local_to_utc(day + timedelta(days=1), time(15)), title="Konser (yeni saat)")]
    before = parse(build_ics(year_plan(day, day + timedelta(days=1), first), now=NOW))
    again = parse(build_ics(year_plan(day, day + timedelta(days=1), first), now=NOW + timedelta(days=3)))
    after = parse(
        build_ics(
            year_plan(
                day,
                day + timedelta(days=1),
                moved,
                modified={90: datetime(2026, 11, 20, 8, 0, tzinfo=UTC)},
            ),
            now=NOW,
        )
    )

    def uids(calendar: Calendar) -> list[str]:
        return sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))

    assert uids(before) == uids(again) == uids(after)
    assert len(set(uids(before))) == len(uids(before))
    (edited,) = events_by_summary(after)["Konser (yeni saat)"]
    (original,) = events_by_summary(before)["Konser"]
    assert int(str(edited["SEQUENCE"])) > int(str(original["SEQUENCE"]))
    assert edited.decoded("LAST-MODIFIED") == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def test_day_uids_survive_a_moved_date_and_tell_two_occurrences_apart() -> None:
    event = DayEvent(
        key="berat-kandili",
        name="Berat Kandili",
        span=DateSpan.single(date(2028, 1, 11)),
        category=DayCategory.RELIGIOUS,
        tone=Tone.RELIGIOUS_GREETING,
        source=EventSource.CATALOG,
        estimated=True,
    )
    confirmed = replace(event, span=DateSpan.single(date(2028, 1, 10)), estimated=False)
    second = replace(event, span=DateSpan.single(date(2028, 12, 30)))
    estimate = plan_days([event, second], date(2028, 1, 1), date(2028, 12, 31))
    corrected = plan_days([confirmed, second], date(2028, 1, 1), date(2028, 12, 31))
    assert [day_uid(d, "ns") for d in estimate] == [day_uid(d, "ns") for d in corrected]
    assert day_uid(estimate[0], "ns") != day_uid(estimate[1], "ns")
    # Numbering does not depend on where the range starts.
    december = plan_days([event, second], date(2028, 12, 1), date(2028, 12, 31))
    assert december == (PlanDay(second, 1),)


def test_two_profiles_do_not_share_uids() -> None:
    at = local_to_utc(date(2026, 11, 3), time(9))
    one = parse(
        build_ics(ExportPlan(date(2026, 11, 3), date(2026, 11, 3), entries=(entry(1, 1, at),), uid_namespace="a"))
    )
    two = parse(
        build_ics(ExportPlan(date(2026, 11, 3), date(2026, 11, 3), entries=(entry(1, 1, at),), uid_namespace="b"))
    )
    assert {str(e["UID"]) for e in one.walk("VEVENT")}.isdisjoint(str(e["UID"]) for e in two.walk("VEVENT"))


# -- text: escaping and folding -----------------------------------------------------------------


TRICKY = "Çağrı: İzmir'de ş/ğ/ü/ö/ç/ı; virgül, noktalı virgül; ters \\ bölü ve\nyeni satır — ŞİMDİ ĞÜÖÇ"


def test_turkish_text_commas_semicolons_and_newlines_survive_a_round_trip() -> None:
    at = local_to_utc(date(2026, 11, 3), time(9))
    long_title = TRICKY + " " + "uzun başlık ğğğğ " * 8
    plan = ExportPlan(
        date(2026, 11, 3),
        date(2026, 11, 3),
        entries=(entry(1, 1, at, title=long_title, channel="Belediye; Basın, Yayın"),),
        institution="Yeşilvadi Belediyesi",
    )
    data = build_ics(plan, now=NOW)
    unfolded = data.replace(b"\r\n ", b"")
    assert b"virg\xc3\xbcl\\, noktal" in unfolded  # ',' escaped
    assert b"virg\xc3\xbcl\\; ters" in unfolded  # ';' escaped
    assert b"ters \\\\ b" in unfolded  # '\' escaped
    assert b"ve\\nyeni" in unfolded  # newline escaped, never a raw line break
    (post,) = parse(data).walk("VEVENT")
    assert str(post["SUMMARY"]) == long_title
    assert "Kanallar: Belediye; Basın, Yayın" in str(post["DESCRIPTION"])


def test_lines_are_folded_at_75_octets_without_splitting_a_letter() -> None:
    at = local_to_utc(date(2026, 11, 3), time(9))
    title = "ğüşıöçİĞÜŞÖÇ" * 20
    plan = year_plan(date(2026, 10, 1), date(2026, 11, 30), [entry(1, 1, at, title=title)])
    data = build_ics(plan, now=NOW)
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    folded = 0
    for line in lines[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # no letter cut in half at a fold
        folded += line.startswith(b" ")
    assert folded > 5
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert f"SUMMARY:{title}\r\n" in unfolded


def test_thousands_of_posts_export_completely() -> None:
    start = local_to_utc(date(2026, 1, 1), time(8))
    entries = [entry(i, i, start + timedelta(hours=3 * i), title=f"Gönderi {i}") for i in range(1, 3001)]
    last = (start + timedelta(hours=3 * 3000)).astimezone(ISTANBUL).date()
    plan = year_plan(date(2026, 1, 1), last, entries)
    calendar = parse(build_ics(plan, now=NOW))
    posts = [e for e in calendar.events if "Gönderi" in [str(c) for c in e.categories]]
    assert len(posts) == 3000
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(calendar.walk("VEVENT"))


def test_the_description_names_the_range() -> None:
    assert format_range(date(2026, 11, 15), date(2026, 12, 14)) == "15 Kasım – 14 Aralık 2026"
    assert format_range(date(2026, 12, 20), date(2027, 1, 10)) == "20 Aralık 2026 – 10 Ocak 2027"
    assert format_range(date(2026, 11, 1), date(2026, 11, 30)) == "1–30 Kasım 2026"
    assert format_range(date(2026, 11, 1), date(2026, 11, 1)) == "1 Kasım 2026"
