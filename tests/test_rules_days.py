"""Calendar rules: the rule language, Diyanet's table, public holidays, merging, reminders, tones.

The expected dates come from the shared reference (``shared/reference`` beside the repository):
``important_days_2026_2027.json`` and the holiday tables of ``domain_tr.md`` §1.1.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kurum_masaustu.calendar_data import days_between, load_catalog, packaged_catalog
from kurum_masaustu.rules.days import (
    Correction,
    CorrectionAction,
    CustomDay,
    DateSpan,
    DateStatus,
    DayCatalog,
    DayCategory,
    DayDataError,
    DayEvent,
    EventSource,
    FixedRule,
    HijriRule,
    HolidayKind,
    NthRule,
    RangeRule,
    RegaibRule,
    ReligiousCalendar,
    RuleError,
    Tone,
    VariableRule,
    WeekFromRule,
    WeekOfRule,
    evaluate_rule,
    events_on,
    missing_plan_reminders,
    parse_important_days,
    parse_religious_overrides,
    parse_rule,
    public_holidays,
    slug,
    tone_on,
)

REPO = Path(__file__).resolve().parents[1]
REFERENCE_JSON = "important_days_2026_2027.json"
IMPORTANT = "important_days.json"
DOMAIN_MD = "domain_tr.md"


def reference_dir() -> Path:
    """``shared/reference`` beside the repository (``KURUM_SHARED_DIR`` may point to ``shared``)."""
    candidates = []
    if os.environ.get("KURUM_SHARED_DIR"):
        candidates.append(Path(os.environ["KURUM_SHARED_DIR"]) / "reference")
    candidates += [REPO.parent / "shared" / "reference", REPO / "shared" / "reference"]
    for candidate in candidates:
        if (candidate / REFERENCE_JSON).is_file() and (candidate / DOMAIN_MD).is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    pytest.fail(f"the shared reference folder with {REFERENCE_JSON} and {DOMAIN_MD} was not found (tried {tried})")


@pytest.fixture(scope="module")
def reference_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((reference_dir() / REFERENCE_JSON).read_text(encoding="utf-8"))
    return rows


@pytest.fixture(scope="module")
def catalog() -> DayCatalog:
    return load_catalog()


def by_name(catalog: DayCatalog, name: str) -> str:
    """The catalog id of a row."""
    return next(day.id for day in catalog.days if day.name == name)


def keyed(events: list[DayEvent], key: str) -> list[DayEvent]:
    return [event for event in events if event.key == key]


# ------------------------------------------------------------------------------------------
# The reference table


#: Hijri days that fall twice in one Gregorian year; the reference holds one date per year.
SECOND_OCCURRENCES = {("Miraç Kandili", 2027): [date(2027, 12, 24)]}


@pytest.mark.parametrize("year", [2026, 2027])
def test_every_rule_gives_the_reference_dates(
    catalog: DayCatalog, reference_rows: list[dict[str, Any]], year: int
) -> None:
    assert len(reference_rows) == 134
    mismatches = []
    checked = 0
    for row in reference_rows:
        day = next(d for d in catalog.days if d.name == row["name"])
        evaluation = catalog.evaluate(day, year)
        expected = [date.fromisoformat(text) for text in row[str(year)]["dates"]]
        if row["rule"] == "variable":
            assert evaluation.status is DateStatus.VARIABLE, row["name"]
            assert evaluation.occurrences == ()
            assert expected == []
            continue
        checked += 1
        occurrences = list(evaluation.occurrences)
        first = occurrences[0] if occurrences else None
        if first is None or first.span.as_list() != expected or first.estimated != row[str(year)]["estimated"]:
            mismatches.append((row["name"], row["rule"], expected, occurrences))
        extra = [o.span.start for o in occurrences[1:]]
        assert extra == SECOND_OCCURRENCES.get((row["name"], year), []), row["name"]
        assert all(o.estimated for o in occurrences[1:])
    assert mismatches == []
    assert checked == 129  # 134 rows, 5 of them variable


def test_catalog_keeps_every_reference_row(catalog: DayCatalog, reference_rows: list[dict[str, Any]]) -> None:
    assert len(catalog.days) == 134
    assert len({day.id for day in catalog.days}) == 134
    for row, day in zip(reference_rows, catalog.days, strict=True):
        assert (day.name, day.rule.text, day.category.value, day.theme, day.confidence) == (
            row["name"],
            row["rule"],
            row["category"],
            row["theme"],
            row["confidence"],
        )


def test_generated_files_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("build_days_data", REPO / "tools" / "build_days_data.py")
    assert spec is not None
    assert spec.loader is not None
    tool: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    built = tool.build(reference_dir() / REFERENCE_JSON)
    for name, text in built.items():
        assert (REPO / "resources" / "days" / name).read_text(encoding="utf-8") == text, (
            f"resources/days/{name} is out of date: run tools/build_days_data.py"
        )


def test_low_priority_and_example_rows_are_hidden_by_default(catalog: DayCatalog) -> None:
    hidden = {day.name for day in catalog.days if day.hidden_by_default}
    low_priority = {"Dünya Gümrük Günü", "Dünya Nüfus Günü", "Birleşmiş Milletler Günü", "Dünya AIDS Günü"}
    examples = {day.name for day in catalog.days if day.example}
    assert low_priority <= hidden
    assert len(examples) == 11
    assert all("(örnek" in name for name in examples)
    assert hidden == low_priority | examples


TONES = {
    "Atatürk'ü Anma Günü (saat 09.05 saygı duruşu)": Tone.COMMEMORATION,
    "Şehitleri Anma Günü ve Çanakkale Deniz Zaferi": Tone.COMMEMORATION,
    "Demokrasi ve Millî Birlik Günü (resmî tatil)": Tone.COMMEMORATION,
    "6 Şubat depremlerini anma": Tone.COMMEMORATION,
    "17 Ağustos 1999 Marmara Depremi anma": Tone.COMMEMORATION,
    "Hava Şehitlerini Anma Günü": Tone.COMMEMORATION,
    "Ulusal Egemenlik ve Çocuk Bayramı (resmî tatil)": Tone.CELEBRATION,
    "Atatürk'ü Anma, Gençlik ve Spor Bayramı (resmî tatil)": Tone.CELEBRATION,
    "Zafer Bayramı (resmî tatil)": Tone.CELEBRATION,
    "Cumhuriyet Bayramı (28 Ekim 13.00'ten itibaren + 29 Ekim)": Tone.CELEBRATION,
    "Anneler Günü": Tone.CELEBRATION,
    "Babalar Günü": Tone.CELEBRATION,
    "Ramazan Bayramı (arife 13.00'ten + 3 gün)": Tone.RELIGIOUS_GREETING,
    "Kurban Bayramı (arife 13.00'ten + 4 gün)": Tone.RELIGIOUS_GREETING,
    "Hicri Yılbaşı": Tone.RELIGIOUS_GREETING,
    "Dünya Su Günü": Tone.AWARENESS,
    "Dünya Kanser Günü": Tone.AWARENESS,
}


@pytest.mark.parametrize(("name", "tone"), list(TONES.items()))
def test_tone_classes_follow_the_domain_guide(catalog: DayCatalog, name: str, tone: Tone) -> None:
    assert next(day for day in catalog.days if day.name == name).tone is tone


def test_every_kandil_is_a_religious_greeting_and_most_international_days_awareness(catalog: DayCatalog) -> None:
    kandiller = [day for day in catalog.days if "Kandili" in day.name or day.name == "Kadir Gecesi"]
    assert len(kandiller) == 5
    assert all(day.tone is Tone.RELIGIOUS_GREETING for day in kandiller)
    international = [day for day in catalog.days if day.category is DayCategory.INTERNATIONAL]
    awareness = [day for day in international if day.tone is Tone.AWARENESS]
    assert len(awareness) > 0.8 * len(international)
    anma = {day.name for day in catalog.days if day.tone is Tone.COMMEMORATION}
    assert all("kurtuluş" not in name for name in anma)


# ------------------------------------------------------------------------------------------
# The rule language


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("fixed:11-10", FixedRule(11, 10)),
        ("range:03-21..03-26", RangeRule(3, 21, 3, 26)),
        ("nth:2:6:5", NthRule(2, 6, 5)),
        ("nth:-1:0:3", NthRule(-1, 0, 3)),
        ("weekfrom:-1:0:3", WeekFromRule(-1, 0, 3)),
        ("weekof:12-10", WeekOfRule(12, 10)),
        ("hijri:3:12:-1", HijriRule(3, 12, -1)),
        ("hijri:9:1", HijriRule(9, 1)),
        ("regaib", RegaibRule()),
        ("variable", VariableRule()),
    ],
)
def test_parse_rule_round_trips(text: str, rule: object) -> None:
    assert parse_rule(text) == rule
    assert parse_rule(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "fixed:13-01",
        "fixed:02-30",
        "fixed:1110",
        "range:03-21",
        "range:03-21..03-32",
        "nth:0:6:5",
        "nth:2:7:5",
        "nth:2:6:13",
        "nth:2:6",
        "weekfrom:x:0:3",
        "weekof:12",
        "hijri:13:1",
        "hijri:9:31",
        "hijri:9",
        "hijri:9:1:-1:2",
        "easter",
    ],
)
def test_bad_rules_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(RuleError, match=re.escape(repr(text.strip()))):
        parse_rule(text)


def test_weekday_rules() -> None:
    assert evaluate_rule("nth:2:6:5", 2026).spans == [DateSpan.single(date(2026, 5, 10))]  # Anneler Günü
    assert evaluate_rule("nth:-1:0:3", 2026).spans == [DateSpan.single(date(2026, 3, 30))]  # last Monday
    assert evaluate_rule("nth:-1:6:5", 2027).spans == [DateSpan.single(date(2027, 5, 30))]  # last Sunday of May
    assert evaluate_rule("nth:5:0:2", 2026).spans == []  # no fifth Monday in February 2026
    assert evaluate_rule("weekfrom:-1:0:3", 2027).spans == [DateSpan(date(2027, 3, 29), date(2027, 4, 4))]
    assert evaluate_rule("weekof:12-10", 2026).spans == [DateSpan(date(2026, 12, 7), date(2026, 12, 13))]
    assert evaluate_rule("weekof:01-01", 2027).spans == [DateSpan(date(2026, 12, 28), date(2027, 1, 3))]


def test_fixed_and_range_rules_across_the_year_end_and_leap_days() -> None:
    assert evaluate_rule("fixed:02-29", 2027).spans == []
    assert evaluate_rule("fixed:02-29", 2028).spans == [DateSpan.single(date(2028, 2, 29))]
    assert evaluate_rule("range:12-28..01-03", 2026).spans == [DateSpan(date(2026, 12, 28), date(2027, 1, 3))]
    assert evaluate_rule("variable", 2026).status is DateStatus.VARIABLE


def test_date_span_basics() -> None:
    span = DateSpan(date(2026, 3, 20), date(2026, 3, 22))
    assert span.length == 3
    assert list(span.days())[-1] == date(2026, 3, 22)
    assert date(2026, 3, 21) in span
    assert date(2026, 3, 23) not in span
    assert span.overlaps(date(2026, 3, 22), date(2026, 4, 1))
    assert not span.overlaps(date(2026, 3, 23), date(2026, 4, 1))
    with pytest.raises(ValueError, match="before it starts"):
        DateSpan(date(2026, 3, 22), date(2026, 3, 20))


# ------------------------------------------------------------------------------------------
# Religious days: Diyanet's table, estimates, and "unknown"


def test_table_covers_2026_and_2027(catalog: DayCatalog) -> None:
    assert catalog.religious.years == [2026, 2027]
    evaluation = evaluate_rule("hijri:9:27:-1", 2026, catalog.religious)
    assert evaluation.status is DateStatus.KNOWN
    assert evaluation.spans == [DateSpan.single(date(2026, 3, 16))]  # Diyanet, not Umm al-Qura's 15 Mart
    estimated = evaluate_rule("hijri:9:27:-1", 2027, catalog.religious)
    assert estimated.status is DateStatus.ESTIMATED
    assert estimated.estimated
    bayram = evaluate_rule("hijri:10:1", 2027, catalog.religious)
    assert bayram.status is DateStatus.KNOWN
    assert bayram.spans == [DateSpan.single(date(2027, 3, 9))]


def test_the_table_wins_over_the_estimate_where_diyanet_differs() -> None:
    estimate_only = ReligiousCalendar()
    assert evaluate_rule("hijri:9:1", 2026, estimate_only).spans == [DateSpan.single(date(2026, 2, 18))]
    assert packaged_catalog().religious.lookup(HijriRule(9, 1), 2026) is not None
    assert evaluate_rule("hijri:9:1", 2026, packaged_catalog().religious).spans == [DateSpan.single(date(2026, 2, 19))]


def test_estimates_reproduce_the_2027_reference_estimates(reference_rows: list[dict[str, Any]]) -> None:
    estimate_only = ReligiousCalendar()
    for row in reference_rows:
        if row["2027"]["estimated"]:
            evaluation = evaluate_rule(row["rule"], 2027, estimate_only)
            assert evaluation.status is DateStatus.ESTIMATED
            assert evaluation.spans[0].as_list() == [date.fromisoformat(d) for d in row["2027"]["dates"]], row["name"]


def test_years_outside_the_table_are_estimated_or_unknown_never_invented() -> None:
    with_estimates = parse_religious_overrides(_overrides_text(), estimate=True)
    without = parse_religious_overrides(_overrides_text(), estimate=False)
    evaluation = evaluate_rule("hijri:3:12:-1", 2028, with_estimates)  # Mevlid Kandili
    assert evaluation.status is DateStatus.ESTIMATED
    assert all(o.estimated for o in evaluation.occurrences)
    assert len(evaluation.occurrences) == 1
    assert evaluate_rule("hijri:3:12:-1", 2028, without).status is DateStatus.UNKNOWN
    assert evaluate_rule("hijri:3:12:-1", 2028, without).occurrences == ()
    assert evaluate_rule("regaib", 2028, without).status is DateStatus.UNKNOWN
    assert evaluate_rule("hijri:3:12:-1", 2028).status is DateStatus.UNKNOWN  # no calendar given at all
    assert evaluate_rule("hijri:3:12:-1", 2100, with_estimates).status is DateStatus.UNKNOWN  # beyond hijridate


def test_regaib_is_the_thursday_before_the_first_friday_of_receb() -> None:
    estimate_only = ReligiousCalendar()
    for year in (2026, 2027, 2028, 2030):
        for occurrence in evaluate_rule("regaib", year, estimate_only).occurrences:
            assert occurrence.span.start.weekday() == 3  # Thursday
    assert evaluate_rule("regaib", 2027, estimate_only).spans == [DateSpan.single(date(2027, 12, 2))]
    assert evaluate_rule("regaib", 2025, estimate_only).spans == [
        DateSpan.single(date(2025, 1, 2)),
        DateSpan.single(date(2025, 12, 25)),  # domain_tr.md: "also 25 Aralık 2025"
    ]


def test_undated_rows_ask_for_dates(catalog: DayCatalog) -> None:
    undated = {day.name for day in catalog.undated(2026)}
    assert undated == {
        "Ahilik Haftası",
        "İlköğretim Haftası / okulların açılışı",
        "Mevlid-i Nebi Haftası",
        "Belediyenin kuruluş yıldönümü",
        "Atatürk'ün şehre gelişi yıldönümü",
    }
    ahilik = by_name(catalog, "Ahilik Haftası")
    set_dates = Correction(key=ahilik, year=2026, action=CorrectionAction.MOVE, start=date(2026, 9, 21))
    assert "Ahilik Haftası" not in {day.name for day in catalog.undated(2026, [set_dates])}
    strict = DayCatalog(catalog.days, parse_religious_overrides(_overrides_text(), estimate=False))
    assert "Mevlid Kandili" in {day.name for day in strict.undated(2029)}


# ------------------------------------------------------------------------------------------
# Public holidays (holidays package) against domain_tr.md §1.1

_WEEKDAYS = ["Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"]
_ROW = re.compile(r"^\| (\d{4}-\d{2}-\d{2}) \| (\S+) \| (.+?) \|$")


def domain_holiday_table() -> list[tuple[date, str]]:
    text = (reference_dir() / DOMAIN_MD).read_text(encoding="utf-8")
    section = text.split("### 1.1", 1)[1].split("### 1.2", 1)[0]
    rows = []
    for line in section.splitlines():
        match = _ROW.match(line.strip())
        if match:
            day = date.fromisoformat(match[1])
            assert _WEEKDAYS[day.weekday()] == match[2], line
            rows.append((day, match[3]))
    return rows


def test_public_holidays_match_the_domain_guide_table() -> None:
    expected = domain_holiday_table()
    assert len(expected) == 33  # 17 rows for 2026, 16 for 2027
    records = public_holidays([2026, 2027])
    by_day: dict[date, list[str]] = {}
    for record in records:
        by_day.setdefault(record.day, []).append(record.name)
    assert [(day, "; ".join(names)) for day, names in sorted(by_day.items())] == expected
    for record in records:
        assert record.half_day == ("saat 13.00" in record.name)
        assert not record.estimated


def test_half_days_and_the_2027_coincidence() -> None:
    records = public_holidays([2026, 2027])
    half_days = [r.day for r in records if r.half_day]
    assert half_days == [
        date(2026, 3, 19),
        date(2026, 5, 26),
        date(2026, 10, 28),
        date(2027, 3, 8),
        date(2027, 5, 15),
        date(2027, 10, 28),
    ]
    may19 = [r for r in records if r.day == date(2027, 5, 19)]
    assert [(r.name, r.kind, r.half_day) for r in may19] == [
        ("Atatürk'ü Anma, Gençlik ve Spor Bayramı", HolidayKind.NATIONAL, False),
        ("Kurban Bayramı", HolidayKind.RELIGIOUS, False),
    ]
    arife = next(r for r in records if r.day == date(2026, 3, 19))
    assert arife.kind is HolidayKind.RELIGIOUS
    assert arife.base_name == "Ramazan Bayramı"


def test_far_future_bayrams_are_marked_estimated() -> None:
    records = public_holidays([2033])
    bayram = [r for r in records if r.kind is HolidayKind.RELIGIOUS]
    assert bayram
    assert all(r.estimated and "tahmini" not in r.name for r in bayram)
    jan1 = [r for r in records if r.day == date(2033, 1, 1)]  # Yılbaşı and a Ramazan arife
    assert {(r.name, r.half_day) for r in jan1} == {("Yılbaşı", False), ("Ramazan Bayramı (saat 13.00'ten)", True)}


# ------------------------------------------------------------------------------------------
# Merging everything into calendar events


def test_holidays_and_their_catalog_rows_become_one_event(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2026, 4, 20), date(2026, 4, 26))
    april23 = events_on(date(2026, 4, 23), events)
    assert sorted(e.name for e in april23) == ["Dünya Kitap ve Telif Hakları Günü", "Ulusal Egemenlik ve Çocuk Bayramı"]
    holiday = next(e for e in april23 if e.source is EventSource.HOLIDAY)
    assert holiday.category is DayCategory.PUBLIC_HOLIDAY
    assert holiday.day_off
    assert holiday.tone is Tone.CELEBRATION
    assert holiday.key == by_name(catalog, "Ulusal Egemenlik ve Çocuk Bayramı (resmî tatil)")
    assert holiday.theme.startswith("Tören")


def test_bayram_spans_and_arife_half_days(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2026, 3, 1), date(2026, 3, 31))
    ramazan = keyed(events, by_name(catalog, "Ramazan Bayramı (arife 13.00'ten + 3 gün)"))
    assert [(e.span, e.tone, e.day_off, e.half_day) for e in ramazan] == [
        (DateSpan(date(2026, 3, 20), date(2026, 3, 22)), Tone.RELIGIOUS_GREETING, True, False)
    ]
    arife = [e for e in events if e.half_day]
    assert [(e.start, e.name, e.day_off) for e in arife] == [
        (date(2026, 3, 19), "Ramazan Bayramı (saat 13.00'ten)", True)
    ]
    kadir = keyed(events, by_name(catalog, "Kadir Gecesi"))
    assert [(e.start, e.category, e.estimated) for e in kadir] == [(date(2026, 3, 16), DayCategory.RELIGIOUS, False)]


def test_2027_may_19_is_both_19_mayis_and_kurban_bayrami(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2027, 5, 1), date(2027, 5, 31))
    on19 = [e for e in events_on(date(2027, 5, 19), events) if e.day_off]
    assert sorted((e.name, e.span.start, e.span.end) for e in on19) == [
        ("Atatürk'ü Anma, Gençlik ve Spor Bayramı", date(2027, 5, 19), date(2027, 5, 19)),
        ("Kurban Bayramı", date(2027, 5, 16), date(2027, 5, 19)),
    ]
    assert tone_on(date(2027, 5, 19), events) is Tone.RELIGIOUS_GREETING
    half = [e for e in events if e.half_day]
    assert [e.start for e in half] == [date(2027, 5, 15)]


def test_cumhuriyet_bayrami_has_its_half_day(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2026, 10, 28), date(2026, 10, 29))
    holidays = sorted((e.start, e.half_day, e.name) for e in events if e.source is EventSource.HOLIDAY)
    assert holidays == [
        (date(2026, 10, 28), True, "Cumhuriyet Bayramı (saat 13.00'ten)"),
        (date(2026, 10, 29), False, "Cumhuriyet Bayramı"),
    ]


def test_estimated_and_hidden_flags_reach_the_events(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2027, 1, 1), date(2027, 12, 31))
    mirac = keyed(events, by_name(catalog, "Miraç Kandili"))
    assert [(e.start, e.estimated) for e in mirac] == [(date(2027, 1, 4), True), (date(2027, 12, 24), True)]
    kurban = keyed(events, by_name(catalog, "Kurban Bayramı (arife 13.00'ten + 4 gün)"))
    assert [e.estimated for e in kurban] == [False]
    gumruk = keyed(events, by_name(catalog, "Dünya Gümrük Günü"))
    assert [e.hidden for e in gumruk] == [True]
    assert not any(e.hidden for e in keyed(events, by_name(catalog, "Dünya Su Günü")))


def test_range_edges_and_year_crossing_spans(catalog: DayCatalog) -> None:
    week = CustomDay(key="custom:kis-festivali", name="Kış Festivali", rule="range:12-28..01-03", tone=Tone.CELEBRATION)
    events = catalog.days_between(date(2027, 1, 1), date(2027, 1, 2), custom=[week])
    festival = keyed(events, "custom:kis-festivali")
    assert [e.span for e in festival] == [DateSpan(date(2026, 12, 28), date(2027, 1, 3))]
    assert all(e.span.overlaps(date(2027, 1, 1), date(2027, 1, 2)) for e in events)
    assert events == sorted(events, key=lambda e: (e.start, e.end))
    new_year_week = CustomDay(key="custom:yeni-yil", name="Yeni Yıl Haftası", rule="weekof:01-01")
    december = catalog.days_between(date(2026, 12, 30), date(2026, 12, 31), custom=[new_year_week])
    assert [e.span for e in keyed(december, "custom:yeni-yil")] == [DateSpan(date(2026, 12, 28), date(2027, 1, 3))]
    with pytest.raises(ValueError, match="before it starts"):
        catalog.days_between(date(2027, 1, 2), date(2027, 1, 1))


def test_without_holidays_the_catalog_rule_still_gives_the_day(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2026, 8, 30), date(2026, 8, 30), include_holidays=False)
    assert [(e.name, e.category, e.day_off) for e in events] == [
        ("Zafer Bayramı (resmî tatil)", DayCategory.NATIONAL, False)
    ]


def test_calendar_data_reads_the_packaged_files(tmp_path: Path) -> None:
    assert packaged_catalog() is packaged_catalog()
    events = days_between(date(2026, 11, 10), date(2026, 11, 10))
    assert "Atatürk'ü Anma Günü (saat 09.05 saygı duruşu)" in {e.name for e in events}
    for name in ("important_days.json", "religious_overrides.json"):
        (tmp_path / name).write_text((REPO / "resources" / "days" / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_catalog(tmp_path).days) == 134
    with pytest.raises(FileNotFoundError, match=IMPORTANT):
        load_catalog(tmp_path / "missing")


# ------------------------------------------------------------------------------------------
# The institution's own days and per-year corrections


def test_custom_days_local_liberation_festival_day_off_and_mourning(catalog: DayCatalog) -> None:
    custom = [
        CustomDay(key="custom:1", name="Manisa'nın kurtuluşu", rule="fixed:09-08", tone=Tone.CELEBRATION),
        CustomDay(key="custom:2", name="Mesir Macunu Festivali", start=date(2026, 4, 18), end=date(2026, 4, 21)),
        CustomDay(key="custom:3", name="İdari izin", start=date(2026, 5, 25), day_off=True),
        CustomDay.national_mourning("custom:4", date(2026, 10, 28), date(2026, 10, 30)),
    ]
    events = catalog.days_between(date(2026, 1, 1), date(2027, 12, 31), custom=custom)
    mine = [e for e in events if e.source is EventSource.CUSTOM]
    assert [(e.key, e.start, e.end) for e in mine] == [
        ("custom:2", date(2026, 4, 18), date(2026, 4, 21)),
        ("custom:3", date(2026, 5, 25), date(2026, 5, 25)),
        ("custom:1", date(2026, 9, 8), date(2026, 9, 8)),
        ("custom:4", date(2026, 10, 28), date(2026, 10, 30)),
        ("custom:1", date(2027, 9, 8), date(2027, 9, 8)),
    ]
    assert next(e for e in mine if e.key == "custom:3").day_off
    mourning = next(e for e in mine if e.key == "custom:4")
    assert mourning.tone is Tone.COMMEMORATION
    assert mourning.category is DayCategory.NATIONAL
    assert tone_on(date(2026, 10, 29), events) is Tone.COMMEMORATION  # mourning outranks Cumhuriyet Bayramı
    assert tone_on(date(2027, 10, 29), events) is Tone.CELEBRATION


def test_custom_day_validation() -> None:
    with pytest.raises(ValueError, match="either a yearly rule or a start date"):
        CustomDay(key="x", name="x")
    with pytest.raises(ValueError, match="either a yearly rule or a start date"):
        CustomDay(key="x", name="x", rule="fixed:01-01", start=date(2026, 1, 1))
    with pytest.raises(RuleError):
        CustomDay(key="x", name="x", rule="fixed:31-01")
    with pytest.raises(ValueError, match="before it starts"):
        CustomDay(key="x", name="x", start=date(2026, 1, 2), end=date(2026, 1, 1))
    with pytest.raises(ValueError, match="needs the new date"):
        Correction(key="x", year=2026, action=CorrectionAction.MOVE)


def test_a_hide_correction_applies_to_one_year_only(catalog: DayCatalog) -> None:
    key = by_name(catalog, "Dünya Su Günü")
    hide = Correction(key=key, year=2026, action=CorrectionAction.HIDE)
    events = catalog.days_between(date(2026, 1, 1), date(2027, 12, 31), corrections=[hide])
    assert [(e.start.year, e.hidden) for e in keyed(events, key)] == [(2026, True), (2027, False)]


def test_show_correction_brings_back_a_hidden_by_default_day(catalog: DayCatalog) -> None:
    key = by_name(catalog, "Dünya AIDS Günü")
    show = Correction(key=key, year=2027, action=CorrectionAction.SHOW)
    events = catalog.days_between(date(2026, 1, 1), date(2027, 12, 31), corrections=[show])
    assert [(e.start.year, e.hidden) for e in keyed(events, key)] == [(2026, True), (2027, False)]


def test_move_corrections_fix_an_estimate_and_date_a_variable_day(catalog: DayCatalog) -> None:
    kadir = by_name(catalog, "Kadir Gecesi")
    mirac = by_name(catalog, "Miraç Kandili")
    ahilik = by_name(catalog, "Ahilik Haftası")
    corrections = [
        Correction(key=kadir, year=2027, action=CorrectionAction.MOVE, start=date(2027, 3, 4)),
        Correction(key=mirac, year=2027, action=CorrectionAction.MOVE, start=date(2027, 12, 23)),
        Correction(key=ahilik, year=2026, action=CorrectionAction.MOVE, start=date(2026, 9, 21), end=date(2026, 9, 27)),
    ]
    events = catalog.days_between(date(2026, 1, 1), date(2027, 12, 31), corrections=corrections)
    assert [(e.start, e.estimated) for e in keyed(events, kadir)] == [
        (date(2026, 3, 16), False),
        (date(2027, 3, 4), False),
    ]
    assert [(e.start, e.estimated) for e in keyed(events, mirac)] == [
        (date(2026, 1, 15), False),
        (date(2027, 1, 4), True),
        (date(2027, 12, 23), False),  # the December occurrence moved, January's kept
    ]
    assert [e.span for e in keyed(events, ahilik)] == [DateSpan(date(2026, 9, 21), date(2026, 9, 27))]


# ------------------------------------------------------------------------------------------
# Reminders and tones


def test_reminder_for_23_nisan_until_something_is_planned(catalog: DayCatalog) -> None:
    today = date(2026, 4, 10)
    events = catalog.days_between(today, date(2026, 4, 30))
    key = by_name(catalog, "Ulusal Egemenlik ve Çocuk Bayramı (resmî tatil)")
    reminders = missing_plan_reminders(today, events, set(), days_ahead=14)
    nisan = [r for r in reminders if r.event.key == key]
    assert [(r.due, r.days_left, r.event.name) for r in nisan] == [
        (date(2026, 4, 23), 13, "Ulusal Egemenlik ve Çocuk Bayramı")
    ]
    assert [r.due for r in reminders] == sorted(r.due for r in reminders)
    assert all(r.due <= date(2026, 4, 24) for r in reminders)
    planned = missing_plan_reminders(today, events, {date(2026, 4, 23)}, days_ahead=14)
    assert key not in {r.event.key for r in planned}
    too_far = missing_plan_reminders(today, events, set(), days_ahead=12)  # 23 Nisan is 13 days away
    assert key not in {r.event.key for r in too_far}


def test_reminders_for_running_weeks_hidden_days_and_half_days(catalog: DayCatalog) -> None:
    today = date(2026, 4, 9)  # Sağlık Haftası 7–13 Nisan is running
    events = catalog.days_between(today, date(2026, 4, 30))
    reminders = missing_plan_reminders(today, events, set(), days_ahead=3)
    saglik = next(r for r in reminders if r.event.name == "Sağlık Haftası")
    assert (saglik.due, saglik.days_left) == (today, 0)
    covered = missing_plan_reminders(today, events, {date(2026, 4, 7)}, days_ahead=3)  # posted on its first day
    assert "Sağlık Haftası" not in {r.event.name for r in covered}

    may = catalog.days_between(date(2026, 5, 20), date(2026, 5, 31))
    around_kurban = missing_plan_reminders(date(2026, 5, 20), may, set(), days_ahead=10)
    assert not any(r.event.half_day or r.event.hidden for r in around_kurban)
    assert "Kurban Bayramı" in {r.event.name for r in around_kurban}
    with pytest.raises(ValueError, match="negative"):
        missing_plan_reminders(date(2026, 5, 20), may, set(), days_ahead=-1)


def test_tone_on_commemoration_days(catalog: DayCatalog) -> None:
    events = catalog.days_between(date(2026, 1, 1), date(2026, 12, 31))
    assert tone_on(date(2026, 11, 10), events) is Tone.COMMEMORATION
    assert tone_on(date(2026, 3, 18), events) is Tone.COMMEMORATION
    assert tone_on(date(2026, 7, 15), events) is Tone.COMMEMORATION
    assert tone_on(date(2026, 4, 23), events) is Tone.CELEBRATION
    assert tone_on(date(2026, 5, 27), events) is Tone.RELIGIOUS_GREETING
    assert tone_on(date(2026, 2, 2), events) is Tone.RELIGIOUS_GREETING  # Berat Kandili + Sulak Alanlar Günü
    assert tone_on(date(2026, 3, 22), events) is Tone.RELIGIOUS_GREETING  # bayram outranks Dünya Su Günü
    assert tone_on(date(2026, 1, 2), events) is None


def test_hidden_days_do_not_set_the_tone_except_commemorations(catalog: DayCatalog) -> None:
    key = by_name(catalog, "Atatürk'ü Anma Günü (saat 09.05 saygı duruşu)")
    hide = Correction(key=key, year=2026, action=CorrectionAction.HIDE)
    events = catalog.days_between(date(2026, 1, 1), date(2026, 12, 31), corrections=[hide])
    assert all(e.hidden for e in keyed(events, key))
    assert tone_on(date(2026, 11, 10), events) is Tone.COMMEMORATION
    # Adana's liberation day (kutlama) is an example row, hidden: 5 Ocak is an awareness week only.
    assert tone_on(date(2026, 1, 5), events) is Tone.AWARENESS


# ------------------------------------------------------------------------------------------
# Data files and layering


def _important_text(**row_changes: object) -> str:
    row: dict[str, object] = {"id": "a", "name": "A", "rule": "fixed:01-01", "category": "ulusal", "tone": "bilgi"}
    row.update(row_changes)
    return json.dumps({"format": 1, "days": [row]})


def _overrides_text() -> str:
    return (REPO / "resources" / "days" / "religious_overrides.json").read_text(encoding="utf-8")


def test_parse_important_days_minimal_row() -> None:
    (day,) = parse_important_days(_important_text())
    assert (day.id, day.rule, day.hidden_by_default, day.example) == ("a", FixedRule(1, 1), False, False)
    assert day.holiday is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        (json.dumps({"format": 99, "days": []}), "unsupported format"),
        (json.dumps({"format": 1}), "'days' is missing"),
        (_important_text(rule="fixed:13-01"), r"row 1 \(A\).*not a day of the year"),
        (_important_text(tone="neşeli"), "'neşeli' is not one of anma, kutlama"),
        (_important_text(category="ilçe"), "is not one of ulusal"),
        (_important_text(hidden_by_default="yes"), "'hidden_by_default' must be bool"),
        (_important_text(id=7), "'id' must be str"),
        (
            json.dumps({"format": 1, "days": [json.loads(_important_text())["days"][0]] * 2}),
            "id 'a' is used twice",
        ),
    ],
)
def test_bad_important_days_files_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(DayDataError, match=message):
        parse_important_days(text)


@pytest.mark.parametrize(
    ("years", "message"),
    [
        ({"2026": {"days": {"fixed:01-01": {"occurrences": []}}}}, "only hijri and regaib"),
        ({"2026": {"days": {"hijri:1:1": {"occurrences": [{"date": "2027-01-01", "estimated": 0}]}}}}, "not in 2026"),
        ({"2026": {"days": {"hijri:1:1": {"occurrences": [{"date": "16.06.2026", "estimated": 0}]}}}}, "not an ISO"),
        ({"2026": {"days": {"hijri:1:1": {"occurrences": [{"date": "2026-06-16"}]}}}}, "'estimated' is missing"),
        ({"2026": {"days": {"hijri:1:1": {"occurrences": [{"date": "2026-06-16", "estimated": 0}]}}}}, "must be bool"),
        ({"yirmi": {"days": {}}}, "expected a year"),
    ],
)
def test_bad_overrides_files_name_the_problem(years: dict[str, Any], message: str) -> None:
    with pytest.raises(DayDataError, match=message):
        parse_religious_overrides(json.dumps({"format": 1, "years": years}))


def test_slugs_are_ascii_and_stable() -> None:
    assert slug("İzmir'in kurtuluşu (örnek)") == "izmirin-kurtulusu-ornek"
    assert slug("Öğretmenler Günü") == "ogretmenler-gunu"


def test_rules_stay_free_of_qt_database_and_network() -> None:
    code = (
        "import sys, kurum_masaustu.rules.days, kurum_masaustu.calendar_data\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'httpx'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
