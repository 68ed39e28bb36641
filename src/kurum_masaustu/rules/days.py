"""Turkish public holidays, important days and weeks, religious days: pure calendar rules.

Three sources are merged into one list of :class:`DayEvent` for a date range
(:meth:`DayCatalog.days_between`):

* **Public holidays** (resmî tatil) from the ``holidays`` package, including the half days
  (arife and 28 Ekim, offices close at 13:00). Bayram dates there are Diyanet-confirmed to 2032.
* **Important days and weeks** (belirli gün ve haftalar) from the app's data file, each with a
  date rule in a small language (below), a category and a tone. Hijri-based days (kandiller,
  Hicri yılbaşı, …) come from a per-year table of Diyanet's dates (:class:`ReligiousCalendar`);
  for years the table does not cover they are estimated with ``hijridate`` (Umm al-Qura, which
  can differ from Diyanet by a day) and flagged ``estimated``, never presented as certain.
* **The institution's own days** (:class:`CustomDay`): local liberation day, festivals, extra
  days off (idari izin), national mourning (milli yas).

Per-year :class:`Correction` rows move, hide or show one day in one year (e.g. when Diyanet
publishes a kandil date that differs from the estimate, or to enter a ``variable`` day's dates).

Rule language (``domain_tr.md`` §1.3)::

    fixed:MM-DD            one fixed day
    range:MM-DD..MM-DD     a fixed span (may run into the next year)
    nth:N:WD:M             N-th weekday (0 = Monday … 6 = Sunday) of month M; N = -1 is the last
    weekfrom:N:WD:M        7 days from the N-th weekday WD of month M
    weekof:MM-DD           the Monday–Sunday week holding the date
    hijri:M:D[:OFF]        Hijri (Diyanet) date; OFF = -1 is the evening before (kandil)
    regaib                 the Thursday before the first Friday of Receb
    variable               announced every year; the user enters it

No Qt, no database, no I/O: the data files are parsed from text (:func:`parse_catalog`);
``kurum_masaustu.calendar_data`` reads them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeAlias

from kurum_masaustu.rules.turkish import search_key

# --------------------------------------------------------------------------------------------
# Vocabulary


class DayCategory(StrEnum):
    NATIONAL = "ulusal"
    RELIGIOUS = "dini"
    INTERNATIONAL = "uluslararası"
    LOCAL_GOVERNMENT = "yerel yönetim"
    PUBLIC_HOLIDAY = "resmî tatil"


class Tone(StrEnum):
    """How a day may be marked (``domain_tr.md`` §1.4)."""

    #: Commemoration: no celebratory wording, no emoji (18 Mart, 10 Kasım, 15 Temmuz, milli yas…).
    COMMEMORATION = "anma"
    #: Celebration (23 Nisan, 19 Mayıs, 30 Ağustos, 29 Ekim, Anneler Günü…).
    CELEBRATION = "kutlama"
    #: Religious greeting (kandiller, bayramlar, Hicri yılbaşı).
    RELIGIOUS_GREETING = "tebrik"
    #: Awareness (most international days, health weeks).
    AWARENESS = "farkindalik"
    #: Plain information.
    INFORMATION = "bilgi"


#: When several days meet, the strictest tone wins: a commemoration outranks everything.
_TONE_RANK = {
    Tone.COMMEMORATION: 0,
    Tone.RELIGIOUS_GREETING: 1,
    Tone.CELEBRATION: 2,
    Tone.AWARENESS: 3,
    Tone.INFORMATION: 4,
}


class HolidayKind(StrEnum):
    NATIONAL = "ulusal"
    RELIGIOUS = "dini"


class EventSource(StrEnum):
    HOLIDAY = "holiday"  # from the ``holidays`` package (possibly merged with its catalog row)
    CATALOG = "catalog"  # the app's important-days table
    CUSTOM = "custom"  # entered by the institution


class DateStatus(StrEnum):
    """How sure a rule's dates for one year are."""

    KNOWN = "known"
    ESTIMATED = "estimated"  # at least one occurrence is an estimate (tahmini)
    VARIABLE = "variable"  # announced every year: the user enters it
    UNKNOWN = "unknown"  # a Hijri date with no table and no estimate: Diyanet's date is needed


class RuleError(ValueError):
    """A date rule that does not follow the rule language."""


class DayDataError(ValueError):
    """A days data file that cannot be used (names the entry and the problem)."""


# --------------------------------------------------------------------------------------------
# Dates and spans


@dataclass(frozen=True, slots=True, order=True)
class DateSpan:
    """Days ``start`` … ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def single(cls, day: date) -> DateSpan:
        return cls(day, day)

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1

    def days(self) -> Iterator[date]:
        for offset in range(self.length):
            yield self.start + timedelta(days=offset)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and first <= self.end

    def as_list(self) -> list[date]:
        """``[day]`` for one day, ``[start, end]`` for a span (the shared JSON's form)."""
        return [self.start] if self.start == self.end else [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Occurrence:
    span: DateSpan
    estimated: bool = False


# --------------------------------------------------------------------------------------------
# The rule language


@dataclass(frozen=True, slots=True)
class FixedRule:
    month: int
    day: int

    @property
    def text(self) -> str:
        return f"fixed:{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class RangeRule:
    start_month: int
    start_day: int
    end_month: int
    end_day: int

    @property
    def text(self) -> str:
        return f"range:{self.start_month:02d}-{self.start_day:02d}..{self.end_month:02d}-{self.end_day:02d}"


@dataclass(frozen=True, slots=True)
class NthRule:
    n: int
    weekday: int
    month: int

    @property
    def text(self) -> str:
        return f"nth:{self.n}:{self.weekday}:{self.month}"


@dataclass(frozen=True, slots=True)
class WeekFromRule:
    n: int
    weekday: int
    month: int

    @property
    def text(self) -> str:
        return f"weekfrom:{self.n}:{self.weekday}:{self.month}"


@dataclass(frozen=True, slots=True)
class WeekOfRule:
    month: int
    day: int

    @property
    def text(self) -> str:
        return f"weekof:{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class HijriRule:
    month: int
    day: int
    offset: int = 0

    @property
    def text(self) -> str:
        suffix = f":{self.offset}" if self.offset else ""
        return f"hijri:{self.month}:{self.day}{suffix}"


@dataclass(frozen=True, slots=True)
class RegaibRule:
    @property
    def text(self) -> str:
        return "regaib"


@dataclass(frozen=True, slots=True)
class VariableRule:
    @property
    def text(self) -> str:
        return "variable"


Rule: TypeAlias = FixedRule | RangeRule | NthRule | WeekFromRule | WeekOfRule | HijriRule | RegaibRule | VariableRule
#: Rules whose dates follow the Hijri calendar (Diyanet table, else estimate).
ReligiousRule: TypeAlias = HijriRule | RegaibRule

_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")
_INT = re.compile(r"[+-]?\d+")


def _month_day(text: str, rule: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(text)
    if match is None:
        raise RuleError(f"{rule!r}: expected MM-DD, got {text!r}")
    month, day = int(match[1]), int(match[2])
    try:
        date(2000, month, day)  # a leap year, so 02-29 is allowed
    except ValueError:
        raise RuleError(f"{rule!r}: {text!r} is not a day of the year") from None
    return month, day


def _ints(parts: Sequence[str], rule: str) -> list[int]:
    if not all(_INT.fullmatch(part) for part in parts):
        raise RuleError(f"{rule!r}: expected whole numbers separated by ':'")
    return [int(part) for part in parts]


def _check_nth(n: int, weekday: int, month: int, rule: str) -> None:
    if n == 0 or not -5 <= n <= 5:
        raise RuleError(f"{rule!r}: N must be 1…5 or -1…-5 (-1 = the last), got {n}")
    if not 0 <= weekday <= 6:
        raise RuleError(f"{rule!r}: weekday must be 0 (Monday) … 6 (Sunday), got {weekday}")
    if not 1 <= month <= 12:
        raise RuleError(f"{rule!r}: month must be 1…12, got {month}")


def parse_rule(text: str) -> Rule:
    """Parse one rule of the rule language; :class:`RuleError` says what is wrong."""
    rule = text.strip()
    kind, _, rest = rule.partition(":")
    if kind == "fixed":
        return FixedRule(*_month_day(rest, rule))
    if kind == "range":
        first, sep, last = rest.partition("..")
        if not sep:
            raise RuleError(f"{rule!r}: expected range:MM-DD..MM-DD")
        return RangeRule(*_month_day(first, rule), *_month_day(last, rule))
    if kind in ("nth", "weekfrom"):
        parts = _ints(rest.split(":"), rule)
        if len(parts) != 3:
            raise RuleError(f"{rule!r}: expected {kind}:N:WD:M")
        _check_nth(parts[0], parts[1], parts[2], rule)
        return NthRule(*parts) if kind == "nth" else WeekFromRule(*parts)
    if kind == "weekof":
        return WeekOfRule(*_month_day(rest, rule))
    if kind == "hijri":
        parts = _ints(rest.split(":"), rule)
        if len(parts) not in (2, 3):
            raise RuleError(f"{rule!r}: expected hijri:M:D or hijri:M:D:-1")
        month, day = parts[0], parts[1]
        offset = parts[2] if len(parts) == 3 else 0
        if not 1 <= month <= 12 or not 1 <= day <= 30:
            raise RuleError(f"{rule!r}: Hijri month must be 1…12 and day 1…30")
        if not -30 <= offset <= 30:
            raise RuleError(f"{rule!r}: offset must be within ±30 days")
        return HijriRule(month, day, offset)
    if rule == "regaib":
        return RegaibRule()
    if rule == "variable":
        return VariableRule()
    raise RuleError(f"{rule!r}: unknown rule (fixed, range, nth, weekfrom, weekof, hijri, regaib, variable)")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th (n < 0: from the end) ``weekday`` of the month, or None if there is none."""
    if n > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    else:
        next_month = date(year + month // 12, month % 12 + 1, 1)
        last = next_month - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
    return day if day.month == month else None


def _month_day_in(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


# --------------------------------------------------------------------------------------------
# Hijri dates: Diyanet's table, else an estimate


def _hijri_estimates(month: int, day: int, offset: int, year: int) -> list[date] | None:
    """Gregorian dates in ``year`` of a Hijri date (+ offset days), by Umm al-Qura (hijridate).

    None when the year is outside what hijridate covers (1924–2077). A Hijri year is 11 days
    shorter, so one Gregorian year can hold the same Hijri date twice (Miraç Kandili in 2027).
    """
    found: list[date] = []
    approx = year - 579  # the Hijri year that starts in the Gregorian year, ± 1
    for hijri_year in (approx - 1, approx, approx + 1):
        try:
            from hijridate import Hijri  # only for years Diyanet's table does not cover

            gregorian = Hijri(hijri_year, month, day).to_gregorian()
        except OverflowError:  # outside the Umm al-Qura table
            return None
        except ValueError:  # the 30th of a 29-day month: no such day that year
            continue
        result = date(gregorian.year, gregorian.month, gregorian.day) + timedelta(days=offset)
        if result.year == year:
            found.append(result)
    return sorted(found)


def _first_friday_eve(receb_first: date) -> date:
    """The Thursday before the first Friday on or after 1 Receb (Regaib Kandili)."""
    friday = receb_first + timedelta(days=(4 - receb_first.weekday()) % 7)
    return friday - timedelta(days=1)


def _regaib_estimates(year: int) -> list[date] | None:
    found: set[date] = set()
    for neighbour in (year - 1, year, year + 1):
        starts = _hijri_estimates(7, 1, 0, neighbour)
        if starts is None:
            return None
        found.update(eve for eve in map(_first_friday_eve, starts) if eve.year == year)
    return sorted(found)


class ReligiousCalendar:
    """Diyanet's dates of the Hijri-based days, per year, from the overrides table.

    ``lookup`` answers from the table for the years it holds; for other years, when
    ``estimate`` is on, from hijridate (Umm al-Qura, flagged estimated; it can be a day off
    Diyanet's calendar); otherwise None ("Diyanet's date is needed").
    """

    __slots__ = ("_table", "estimate")

    def __init__(
        self,
        table: Mapping[int, Mapping[str, Sequence[Occurrence]]] | None = None,
        *,
        estimate: bool = True,
    ) -> None:
        self._table: dict[int, dict[str, tuple[Occurrence, ...]]] = {
            year: {parse_rule(key).text: tuple(occurrences) for key, occurrences in rows.items()}
            for year, rows in (table or {}).items()
        }
        self.estimate = estimate

    @property
    def years(self) -> list[int]:
        return sorted(self._table)

    def covers(self, year: int) -> bool:
        return year in self._table

    def table_entry(self, rule: ReligiousRule, year: int) -> tuple[Occurrence, ...] | None:
        return self._table.get(year, {}).get(rule.text)

    def lookup(self, rule: ReligiousRule, year: int) -> tuple[Occurrence, ...] | None:
        listed = self.table_entry(rule, year)
        if listed is not None:
            return listed
        if not self.estimate:
            return None
        if isinstance(rule, RegaibRule):
            days = _regaib_estimates(year)
        else:
            days = _hijri_estimates(rule.month, rule.day, rule.offset, year)
        if days is None:
            return None
        return tuple(Occurrence(DateSpan.single(day), estimated=True) for day in days)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A rule's dates in one year: zero, one or (Hijri) two occurrences, and how sure they are."""

    status: DateStatus
    occurrences: tuple[Occurrence, ...] = ()

    @property
    def spans(self) -> list[DateSpan]:
        return [occurrence.span for occurrence in self.occurrences]

    @property
    def estimated(self) -> bool:
        return any(occurrence.estimated for occurrence in self.occurrences)


def evaluate_rule(rule: Rule | str, year: int, religious: ReligiousCalendar | None = None) -> Evaluation:
    """The dates of ``rule`` for ``year`` (a ``weekof:01-01`` week may start in December before).

    Hijri rules need ``religious`` (Diyanet's table / estimates); without it, or for a year it
    cannot answer, the status is ``UNKNOWN`` and no date is invented.
    """
    if isinstance(rule, str):
        rule = parse_rule(rule)
    spans: list[DateSpan] = []
    if isinstance(rule, FixedRule):
        day = _month_day_in(year, rule.month, rule.day)
        spans = [DateSpan.single(day)] if day else []
    elif isinstance(rule, RangeRule):
        start = _month_day_in(year, rule.start_month, rule.start_day)
        if start is not None:
            end_year = year if (rule.end_month, rule.end_day) >= (rule.start_month, rule.start_day) else year + 1
            end = _month_day_in(end_year, rule.end_month, rule.end_day) or date(end_year, 2, 28)
            spans = [DateSpan(start, end)]
    elif isinstance(rule, NthRule | WeekFromRule):
        day = _nth_weekday(year, rule.month, rule.weekday, rule.n)
        if day is not None:
            length = 1 if isinstance(rule, NthRule) else 7
            spans = [DateSpan(day, day + timedelta(days=length - 1))]
    elif isinstance(rule, WeekOfRule):
        anchor = _month_day_in(year, rule.month, rule.day)
        if anchor is not None:
            monday = anchor - timedelta(days=anchor.weekday())
            spans = [DateSpan(monday, monday + timedelta(days=6))]
    elif isinstance(rule, VariableRule):
        return Evaluation(DateStatus.VARIABLE)
    else:  # HijriRule | RegaibRule
        found = religious.lookup(rule, year) if religious is not None else None
        if found is None:
            return Evaluation(DateStatus.UNKNOWN)
        estimated = any(occurrence.estimated for occurrence in found)
        return Evaluation(DateStatus.ESTIMATED if estimated else DateStatus.KNOWN, tuple(sorted(found, key=_start)))
    return Evaluation(DateStatus.KNOWN, tuple(Occurrence(span) for span in spans))


def _start(occurrence: Occurrence) -> date:
    return occurrence.span.start


# --------------------------------------------------------------------------------------------
# Public holidays (holidays package)


@dataclass(frozen=True, slots=True, order=True)
class PublicHoliday:
    """One official holiday on one day; ``half_day`` = offices close at 13:00 (arife, 28 Ekim).

    Two holidays on the same day are two records (19 Mayıs and Kurban Bayramı in 2027).
    ``estimated`` is the package's "(tahmini)" mark on bayram dates it has not confirmed.
    """

    day: date
    name: str
    half_day: bool
    kind: HolidayKind
    estimated: bool = False

    @property
    def base_name(self) -> str:
        """The holiday the day belongs to, without the half-day note ("Ramazan Bayramı")."""
        return _HALF_DAY_NOTE.sub("", self.name)


_HALF_DAY_NOTE = re.compile(r"\s*\(saat [^)]*\)\s*$")
_ESTIMATED_NOTE = " (tahmini)"
#: Holidays of the Hijri calendar, by the names the holidays package uses in Turkish.
RELIGIOUS_HOLIDAY_NAMES = frozenset({"Ramazan Bayramı", "Kurban Bayramı"})


@lru_cache(maxsize=64)
def _holidays_of_year(year: int) -> tuple[PublicHoliday, ...]:
    # Imported here: the package loads every country it knows (≈ 70 ms); the app reads a
    # precomputed table (resources/days/public_holidays.json) for the usual years instead.
    import holidays as holidays_lib

    records: list[PublicHoliday] = []
    for category, half_day in (("public", False), ("half_day", True)):
        table = holidays_lib.country_holidays("TR", years=year, categories=(category,), language="tr")
        for day in sorted(table.keys()):
            for raw in table.get_list(day):
                name = str(raw).strip()
                estimated = name.endswith(_ESTIMATED_NOTE)
                if estimated:
                    name = name.removesuffix(_ESTIMATED_NOTE).strip()
                base = _HALF_DAY_NOTE.sub("", name)
                kind = HolidayKind.RELIGIOUS if base in RELIGIOUS_HOLIDAY_NAMES else HolidayKind.NATIONAL
                records.append(PublicHoliday(day, name, half_day, kind, estimated))
    return tuple(sorted(records))


def holidays_to_json(years: Iterable[int]) -> str:
    """The package's holidays for ``years`` as the JSON table the app ships (one list per year)."""
    table = {
        str(year): [
            {
                "day": r.day.isoformat(),
                "name": r.name,
                "half_day": r.half_day,
                "kind": r.kind.value,
                "estimated": r.estimated,
            }
            for r in _holidays_of_year(year)
        ]
        for year in sorted(set(years))
    }
    return json.dumps(table, ensure_ascii=False, indent=1) + "\n"


def parse_public_holidays(text: str) -> dict[int, tuple[PublicHoliday, ...]]:
    """Read the table written by :func:`holidays_to_json`."""
    try:
        raw = json.loads(text)
        return {
            int(year): tuple(
                PublicHoliday(
                    date.fromisoformat(r["day"]),
                    str(r["name"]),
                    bool(r["half_day"]),
                    HolidayKind(r["kind"]),
                    bool(r["estimated"]),
                )
                for r in rows
            )
            for year, rows in raw.items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DayDataError(f"public holidays table: {exc}") from exc


def public_holidays(years: Iterable[int]) -> list[PublicHoliday]:
    """Turkey's official holidays and half days in ``years``, by date."""
    return sorted(record for year in sorted(set(years)) for record in _holidays_of_year(year))


def holidays_between(first: date, last: date) -> list[PublicHoliday]:
    return [h for h in public_holidays(range(first.year, last.year + 1)) if first <= h.day <= last]


@dataclass(frozen=True, slots=True)
class _HolidayRun:
    name: str
    span: DateSpan
    kind: HolidayKind
    estimated: bool


def _full_day_runs(records: Iterable[PublicHoliday]) -> list[_HolidayRun]:
    """Consecutive full days of the same holiday joined into one span (Kurban Bayramı 27–30 May)."""
    runs: list[_HolidayRun] = []
    last_run_of: dict[str, int] = {}
    for record in sorted(r for r in records if not r.half_day):
        index = last_run_of.get(record.name)
        if index is not None and runs[index].span.end + timedelta(days=1) == record.day:
            current = runs[index]
            runs[index] = replace(
                current,
                span=DateSpan(current.span.start, record.day),
                estimated=current.estimated or record.estimated,
            )
        else:
            last_run_of[record.name] = len(runs)
            runs.append(_HolidayRun(record.name, DateSpan.single(record.day), record.kind, record.estimated))
    return runs


# --------------------------------------------------------------------------------------------
# Catalog rows, the institution's days, corrections


@dataclass(frozen=True, slots=True)
class ImportantDay:
    """One row of the app's important-days table."""

    id: str
    name: str
    rule: Rule
    category: DayCategory
    tone: Tone
    theme: str = ""
    confidence: str = ""
    hidden_by_default: bool = False
    #: An example row (another city's liberation day): a template, not on this calendar.
    example: bool = False
    #: The ``holidays`` package's name of the public holiday this row is ("Zafer Bayramı").
    holiday: str | None = None


def slug(text: str) -> str:
    """A stable ASCII key from Turkish text: "Öğretmenler Günü" → "ogretmenler-gunu"."""
    folded = search_key(text).replace("'", "").replace("\u2019", "")  # "İzmir'in" → "izmirin"
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomDay:
    """A day the institution adds: yearly by ``rule`` ("fixed:09-09") or once by ``start``/``end``."""

    key: str
    name: str
    category: DayCategory = DayCategory.LOCAL_GOVERNMENT
    tone: Tone = Tone.INFORMATION
    rule: str | None = None
    start: date | None = None
    end: date | None = None
    #: An extra day off (idari izin, a local holiday).
    day_off: bool = False
    hidden: bool = False
    theme: str = ""

    def __post_init__(self) -> None:
        if (self.rule is None) == (self.start is None):
            raise ValueError(f"{self.name!r}: give either a yearly rule or a start date, not both or neither")
        if self.rule is not None:
            parse_rule(self.rule)
        elif self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"{self.name!r}: ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def national_mourning(cls, key: str, start: date, end: date | None = None, *, name: str = "Millî yas") -> CustomDay:
        """Declared national mourning: a commemoration, no celebratory posts."""
        return cls(key=key, name=name, category=DayCategory.NATIONAL, tone=Tone.COMMEMORATION, start=start, end=end)

    @property
    def parsed_rule(self) -> Rule | None:
        return parse_rule(self.rule) if self.rule is not None else None


class CorrectionAction(StrEnum):
    HIDE = "hide"
    SHOW = "show"
    #: Set the day's dates for that year: moves the occurrence nearest the new date, or gives a
    #: ``variable`` / not-yet-known day its dates. A moved date is no longer an estimate.
    MOVE = "move"


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """A change to one day (catalog id, custom key or holiday key) in one year."""

    key: str
    year: int
    action: CorrectionAction
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.action is CorrectionAction.MOVE:
            if self.start is None:
                raise ValueError(f"moving {self.key!r} in {self.year} needs the new date")
            if self.end is not None and self.end < self.start:
                raise ValueError(f"moving {self.key!r}: ends ({self.end}) before it starts ({self.start})")

    @property
    def span(self) -> DateSpan | None:
        if self.start is None:
            return None
        return DateSpan(self.start, self.end or self.start)


# --------------------------------------------------------------------------------------------
# Events


@dataclass(frozen=True, slots=True)
class DayEvent:
    """One day or span on the calendar."""

    key: str
    name: str
    span: DateSpan
    category: DayCategory
    tone: Tone
    source: EventSource
    estimated: bool = False
    #: Not on this institution's calendar (low priority, an example, or hidden by the user).
    hidden: bool = False
    #: A public holiday or an extra day off (a half day counts: offices close at 13:00).
    day_off: bool = False
    half_day: bool = False
    theme: str = ""

    @property
    def start(self) -> date:
        return self.span.start

    @property
    def end(self) -> date:
        return self.span.end

    def covers(self, day: date) -> bool:
        return day in self.span


def _event_order(event: DayEvent) -> tuple[date, date, int, str]:
    source_rank = {EventSource.HOLIDAY: 0, EventSource.CATALOG: 1, EventSource.CUSTOM: 2}[event.source]
    return (event.start, event.end, source_rank, event.name)


def _apply_corrections(
    occurrences: Sequence[Occurrence], hidden: bool, corrections: Sequence[Correction]
) -> tuple[list[Occurrence], bool]:
    result = list(occurrences)
    for correction in corrections:
        if correction.action is CorrectionAction.HIDE:
            hidden = True
        elif correction.action is CorrectionAction.SHOW:
            hidden = False
        else:
            span = correction.span
            assert span is not None  # guaranteed by Correction.__post_init__
            moved = Occurrence(span, estimated=False)
            if result:
                nearest = min(range(len(result)), key=lambda i: abs((result[i].span.start - span.start).days))
                result[nearest] = moved
            else:
                result.append(moved)
    return result, hidden


@dataclass(frozen=True, eq=False)
class DayCatalog:
    """The important-days table and the religious dates: everything :meth:`days_between` needs."""

    days: tuple[ImportantDay, ...]
    religious: ReligiousCalendar = field(default_factory=ReligiousCalendar)
    #: Precomputed public holidays by year; other years come from the holidays package.
    holidays: Mapping[int, tuple[PublicHoliday, ...]] = field(default_factory=dict)

    def by_id(self, key: str) -> ImportantDay | None:
        return next((day for day in self.days if day.id == key), None)

    def evaluate(self, day: ImportantDay, year: int) -> Evaluation:
        return evaluate_rule(day.rule, year, self.religious)

    def undated(self, year: int, corrections: Sequence[Correction] = ()) -> list[ImportantDay]:
        """Rows with no date in ``year`` yet (``variable``, or a Hijri date nobody knows): ask the user."""
        moved = {c.key for c in corrections if c.year == year and c.action is CorrectionAction.MOVE}
        return [
            day
            for day in self.days
            if day.id not in moved and self.evaluate(day, year).status in (DateStatus.VARIABLE, DateStatus.UNKNOWN)
        ]

    def public_holidays(self, years: Iterable[int]) -> list[PublicHoliday]:
        """Official holidays and half days in ``years``: the precomputed table, and the
        holidays package only for a year the table lacks."""
        return sorted(r for year in sorted(set(years)) for r in (self.holidays.get(year) or _holidays_of_year(year)))

    def days_between(
        self,
        first: date,
        last: date,
        *,
        custom: Sequence[CustomDay] = (),
        corrections: Sequence[Correction] = (),
        include_holidays: bool = True,
    ) -> list[DayEvent]:
        """Every event touching ``first`` … ``last``, ordered by start date.

        A catalog row that is a public holiday ("Zafer Bayramı (resmî tatil)") is merged with
        the holiday into one event of category ``resmî tatil`` spanning the holiday's full days;
        half days (arife, 28 Ekim) are events of their own. Hidden events are included with
        ``hidden=True``; the caller decides whether to show them.
        """
        if last < first:
            raise ValueError(f"the range ends ({last}) before it starts ({first})")
        by_key_year: dict[tuple[str, int], list[Correction]] = {}
        for correction in corrections:
            by_key_year.setdefault((correction.key, correction.year), []).append(correction)
        events: list[DayEvent] = []
        # A late-December span reaches into January, and weekof:01-01 starts in December.
        for year in range(first.year - 1, last.year + 2):
            events.extend(self._events_of_year(year, custom, by_key_year, include_holidays))
        return sorted((e for e in events if e.span.overlaps(first, last)), key=_event_order)

    def _events_of_year(
        self,
        year: int,
        custom: Sequence[CustomDay],
        corrections: Mapping[tuple[str, int], list[Correction]],
        include_holidays: bool,
    ) -> list[DayEvent]:
        records = (self.holidays.get(year) or _holidays_of_year(year)) if include_holidays else ()
        runs = _full_day_runs(records)
        claimed: set[str] = set()
        events: list[DayEvent] = []

        def emit(template: _Template, occurrences: Sequence[Occurrence], default_hidden: bool) -> None:
            found, hidden = _apply_corrections(occurrences, default_hidden, corrections.get((template.key, year), []))
            events.extend(template.event(o, hidden) for o in found)

        for day in self.days:
            own_runs = [run for run in runs if day.holiday is not None and run.name == day.holiday]
            occurrences: Sequence[Occurrence]
            if own_runs:  # the catalog row is a public holiday: one merged event
                claimed.add(own_runs[0].name)
                template = _Template(
                    day.id,
                    own_runs[0].name,
                    DayCategory.PUBLIC_HOLIDAY,
                    day.tone,
                    EventSource.HOLIDAY,
                    day_off=True,
                    theme=day.theme,
                )
                occurrences = [Occurrence(run.span, run.estimated) for run in own_runs]
            else:
                template = _Template(day.id, day.name, day.category, day.tone, EventSource.CATALOG, theme=day.theme)
                occurrences = self.evaluate(day, year).occurrences
            emit(template, occurrences, day.hidden_by_default or day.example)

        for run in runs:
            if run.name not in claimed:
                tone = Tone.RELIGIOUS_GREETING if run.kind is HolidayKind.RELIGIOUS else Tone.INFORMATION
                template = _Template(
                    f"tatil:{slug(run.name)}",
                    run.name,
                    DayCategory.PUBLIC_HOLIDAY,
                    tone,
                    EventSource.HOLIDAY,
                    day_off=True,
                )
                emit(template, [Occurrence(run.span, run.estimated)], False)

        for record in records:
            if record.half_day:
                template = _Template(
                    f"tatil:{slug(record.base_name)}:yarim-gun",
                    record.name,
                    DayCategory.PUBLIC_HOLIDAY,
                    Tone.INFORMATION,
                    EventSource.HOLIDAY,
                    day_off=True,
                    half_day=True,
                )
                emit(template, [Occurrence(DateSpan.single(record.day), record.estimated)], False)

        for entry in custom:
            template = _Template(
                entry.key,
                entry.name,
                entry.category,
                entry.tone,
                EventSource.CUSTOM,
                day_off=entry.day_off,
                theme=entry.theme,
            )
            rule = entry.parsed_rule
            if rule is not None:
                occurrences = evaluate_rule(rule, year, self.religious).occurrences
            else:
                assert entry.start is not None  # guaranteed by CustomDay.__post_init__
                span = DateSpan(entry.start, entry.end or entry.start)
                occurrences = [Occurrence(span)] if entry.start.year == year else []
            emit(template, occurrences, entry.hidden)
        return events


@dataclass(frozen=True, slots=True)
class _Template:
    """A DayEvent without its dates."""

    key: str
    name: str
    category: DayCategory
    tone: Tone
    source: EventSource
    day_off: bool = False
    half_day: bool = False
    theme: str = ""

    def event(self, occurrence: Occurrence, hidden: bool) -> DayEvent:
        return DayEvent(
            key=self.key,
            name=self.name,
            span=occurrence.span,
            category=self.category,
            tone=self.tone,
            source=self.source,
            estimated=occurrence.estimated,
            hidden=hidden,
            day_off=self.day_off,
            half_day=self.half_day,
            theme=self.theme,
        )


def days_between(
    first: date,
    last: date,
    *,
    catalog: DayCatalog,
    custom: Sequence[CustomDay] = (),
    corrections: Sequence[Correction] = (),
    include_holidays: bool = True,
) -> list[DayEvent]:
    """See :meth:`DayCatalog.days_between`."""
    return catalog.days_between(first, last, custom=custom, corrections=corrections, include_holidays=include_holidays)


def events_on(day: date, events: Iterable[DayEvent]) -> list[DayEvent]:
    return [event for event in events if event.covers(day)]


def tone_on(day: date, events: Iterable[DayEvent]) -> Tone | None:
    """The strictest tone of ``day`` (None: an ordinary day).

    Hidden events do not count, except commemorations: a hidden 10 Kasım is still a day of
    mourning, so celebratory wording is flagged on it anyway.
    """
    tones = [e.tone for e in events_on(day, events) if not e.hidden or e.tone is Tone.COMMEMORATION]
    return min(tones, key=_TONE_RANK.__getitem__) if tones else None


# --------------------------------------------------------------------------------------------
# Reminders


@dataclass(frozen=True, slots=True)
class Reminder:
    """An important day coming up with nothing planned on it ("23 Nisan için planlanmış içerik yok")."""

    event: DayEvent
    #: The first day content is still useful: the event's start, or today for a running week.
    due: date
    days_left: int


def missing_plan_reminders(
    today: date, events: Iterable[DayEvent], planned_days: set[date], *, days_ahead: int
) -> list[Reminder]:
    """Visible events within ``days_ahead`` days of ``today`` with no post planned in their span.

    Half days (arife, 28 Ekim afternoon) are office hours, not posting occasions: no reminder.
    """
    if days_ahead < 0:
        raise ValueError("days_ahead must not be negative")
    horizon = today + timedelta(days=days_ahead)
    reminders: list[Reminder] = []
    for event in events:
        if event.hidden or event.half_day or not event.span.overlaps(today, horizon):
            continue
        if any(day in planned_days for day in event.span.days()):
            continue
        due = max(event.start, today)
        reminders.append(Reminder(event, due, (due - today).days))
    return sorted(reminders, key=lambda r: (r.due, _event_order(r.event)))


# --------------------------------------------------------------------------------------------
# Data files (parsed from text; calendar_data reads them)

DATA_FORMAT = 1


def _require(obj: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in obj:
        raise DayDataError(f"{where}: '{key}' is missing")
    value = obj[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise DayDataError(f"{where}: '{key}' must be {kind.__name__}, got {value!r}")
    return value


def _optional(obj: Mapping[str, Any], key: str, kind: type, default: Any, where: str) -> Any:
    return _require(obj, key, kind, where) if key in obj else default


def _load_object(text: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DayDataError(f"{what}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise DayDataError(f"{what}: expected a JSON object")
    if data.get("format") != DATA_FORMAT:
        raise DayDataError(f"{what}: unsupported format {data.get('format')!r} (expected {DATA_FORMAT})")
    return data


def _enum(enum: type[DayCategory] | type[Tone], value: str, where: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise DayDataError(f"{where}: {value!r} is not one of {allowed}") from None


def parse_important_days(text: str) -> tuple[ImportantDay, ...]:
    """The rows of ``important_days.json``; :class:`DayDataError` names a bad row."""
    data = _load_object(text, "important_days.json")
    rows = _require(data, "days", list, "important_days.json")
    days: list[ImportantDay] = []
    seen: set[str] = set()
    for index, row in enumerate(rows):
        where = f"important_days.json row {index + 1}"
        if not isinstance(row, dict):
            raise DayDataError(f"{where}: expected an object")
        name = _require(row, "name", str, where)
        where = f"{where} ({name})"
        key = _require(row, "id", str, where)
        if key in seen:
            raise DayDataError(f"{where}: id {key!r} is used twice")
        seen.add(key)
        try:
            rule = parse_rule(_require(row, "rule", str, where))
        except RuleError as error:
            raise DayDataError(f"{where}: {error}") from None
        days.append(
            ImportantDay(
                id=key,
                name=name,
                rule=rule,
                category=_enum(DayCategory, _require(row, "category", str, where), where),
                tone=_enum(Tone, _require(row, "tone", str, where), where),
                theme=_optional(row, "theme", str, "", where),
                confidence=_optional(row, "confidence", str, "", where),
                hidden_by_default=_optional(row, "hidden_by_default", bool, False, where),
                example=_optional(row, "example", bool, False, where),
                holiday=_optional(row, "holiday", str, None, where),
            )
        )
    return tuple(days)


def _parse_day(text: Any, where: str) -> date:
    if not isinstance(text, str):
        raise DayDataError(f"{where}: expected an ISO date, got {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DayDataError(f"{where}: {text!r} is not an ISO date") from None


def parse_religious_overrides(text: str, *, estimate: bool = True) -> ReligiousCalendar:
    """``religious_overrides.json``: Diyanet's dates per year and rule."""
    data = _load_object(text, "religious_overrides.json")
    years = _require(data, "years", dict, "religious_overrides.json")
    table: dict[int, dict[str, list[Occurrence]]] = {}
    for year_text, year_data in years.items():
        where = f"religious_overrides.json year {year_text}"
        if not year_text.isdigit() or not isinstance(year_data, dict):
            raise DayDataError(f"{where}: expected a year and an object")
        year = int(year_text)
        rows = _require(year_data, "days", dict, where)
        table[year] = {}
        for rule_text, row in rows.items():
            row_where = f"{where} {rule_text}"
            try:
                rule = parse_rule(rule_text)
            except RuleError as error:
                raise DayDataError(f"{row_where}: {error}") from None
            if not isinstance(rule, HijriRule | RegaibRule):
                raise DayDataError(f"{row_where}: only hijri and regaib rules belong here")
            if not isinstance(row, dict):
                raise DayDataError(f"{row_where}: expected an object")
            occurrences: list[Occurrence] = []
            for item in _require(row, "occurrences", list, row_where):
                if not isinstance(item, dict):
                    raise DayDataError(f"{row_where}: each occurrence must be an object")
                day = _parse_day(item.get("date"), row_where)
                if day.year != year:
                    raise DayDataError(f"{row_where}: {day} is not in {year}")
                occurrences.append(Occurrence(DateSpan.single(day), _require(item, "estimated", bool, row_where)))
            table[year][rule.text] = occurrences
    return ReligiousCalendar(table, estimate=estimate)


def parse_catalog(important_days: str, religious_overrides: str, *, estimate: bool = True) -> DayCatalog:
    """The catalog from the texts of ``important_days.json`` and ``religious_overrides.json``."""
    religious = parse_religious_overrides(religious_overrides, estimate=estimate)
    return DayCatalog(parse_important_days(important_days), religious)
