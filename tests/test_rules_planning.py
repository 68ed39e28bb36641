"""Pure planning rules: goals' progress, recurring dates, best-time hints."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from kurum_masaustu.domain import Category, DeliveryState, Platform
from kurum_masaustu.rules.best_time import MIN_SAMPLES, HintSource, Sample, best_times
from kurum_masaustu.rules.goals import Goal, Period, period_bounds, progress
from kurum_masaustu.rules.plan_filter import NO_CAMPAIGN, PlanFilter
from kurum_masaustu.rules.recurrence import (
    EXCEPTION,
    Frequency,
    RecurrenceError,
    RecurrenceRule,
    occurrences,
)
from kurum_masaustu.rules.timeutil import ISTANBUL
from kurum_masaustu.services.posts import CalendarEntry


def entry(
    post_id: int,
    at: datetime,
    state: DeliveryState = DeliveryState.SCHEDULED,
    category: Category = Category.ANNOUNCEMENT,
    channel_id: int = 1,
    campaign_id: int | None = None,
) -> CalendarEntry:
    return CalendarEntry(
        post_id, post_id * 10 + channel_id, "t", at.astimezone(UTC), state, "Kanal", Platform.X, "#000", category,
        channel_id, campaign_id,
    )  # fmt: skip


# -- goals -------------------------------------------------------------------------------------


def test_weeks_start_on_monday_and_months_end_on_their_last_day() -> None:
    assert period_bounds(Period.WEEK, date(2026, 12, 31)) == (date(2026, 12, 28), date(2027, 1, 3))
    assert period_bounds(Period.MONTH, date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 29))


def test_a_weekly_goal_counts_distinct_planned_posts_of_its_category_in_the_istanbul_week() -> None:
    goal = Goal(Period.WEEK, 5, category=Category.ANNOUNCEMENT)
    entries = [
        entry(1, datetime(2026, 12, 7, 9, tzinfo=ISTANBUL)),
        entry(1, datetime(2026, 12, 7, 9, tzinfo=ISTANBUL), channel_id=2),  # same post, second channel
        entry(2, datetime(2026, 12, 13, 23, 30, tzinfo=ISTANBUL), DeliveryState.PUBLISHED),  # Sunday night
        entry(3, datetime(2026, 12, 14, 0, 30, tzinfo=ISTANBUL)),  # next week (21:30 UTC on Sunday)
        entry(4, datetime(2026, 12, 8, 9, tzinfo=ISTANBUL), DeliveryState.DRAFT),  # drafts do not count
        entry(5, datetime(2026, 12, 8, 9, tzinfo=ISTANBUL), category=Category.EVENT),
    ]
    (item,) = progress([goal], entries, date(2026, 12, 9))
    assert (item.planned, item.published, item.missing, item.met) == (2, 1, 3, False)
    assert (item.first, item.last) == (date(2026, 12, 7), date(2026, 12, 13))


def test_goals_of_a_campaign_or_a_channel_count_only_those() -> None:
    at = datetime(2026, 12, 9, 10, tzinfo=ISTANBUL)
    entries = [entry(1, at, campaign_id=7), entry(2, at, channel_id=3), entry(3, at, campaign_id=7, channel_id=3)]
    by_campaign, by_channel = progress(
        [Goal(Period.MONTH, 2, campaign_id=7), Goal(Period.WEEK, 1, channel_id=3)], entries, date(2026, 12, 1)
    )
    assert by_campaign.planned == 2
    assert by_campaign.met
    assert by_channel.planned == 0  # 1 December's week is another week


def test_a_goal_needs_a_target() -> None:
    with pytest.raises(ValueError, match="target"):
        Goal(Period.WEEK, 0)


# -- filters -----------------------------------------------------------------------------------


def test_filter_by_campaign_can_ask_for_posts_outside_every_campaign() -> None:
    at = datetime(2026, 12, 9, 10, tzinfo=ISTANBUL)
    inside, outside = entry(1, at, campaign_id=4), entry(2, at)
    assert PlanFilter(campaign_id=NO_CAMPAIGN).apply([inside, outside]) == [outside]
    assert PlanFilter(campaign_id=4).apply([inside, outside]) == [inside]
    assert not PlanFilter().active


# -- recurrence --------------------------------------------------------------------------------


def weekly(start: date, end: date, **kwargs: object) -> RecurrenceRule:
    return RecurrenceRule(Frequency.WEEKLY, time(9), start, end, weekday=0, **kwargs)  # type: ignore[arg-type]


def test_every_monday_skips_a_public_holiday_and_says_which() -> None:
    rule = weekly(date(2027, 4, 1), date(2027, 4, 30))
    found = occurrences(rule, {date(2027, 4, 19): "Some holiday"})
    assert found.dates == [date(2027, 4, 5), date(2027, 4, 12), date(2027, 4, 26)]
    assert found.skipped == [(date(2027, 4, 19), "Some holiday")]


def test_holidays_are_kept_when_the_person_says_so_and_exceptions_are_always_left_out() -> None:
    rule = weekly(date(2027, 4, 1), date(2027, 4, 30), skip_holidays=False, exceptions=frozenset({date(2027, 4, 12)}))
    found = occurrences(rule, {date(2027, 4, 19): "Some holiday"})
    assert date(2027, 4, 19) in found.dates
    assert found.skipped == [(date(2027, 4, 12), EXCEPTION)]


def test_monthly_on_the_31st_falls_on_the_last_day_of_shorter_months() -> None:
    rule = RecurrenceRule(Frequency.MONTHLY, time(10), date(2027, 1, 15), date(2027, 4, 30), month_day=31)
    assert occurrences(rule, {}).dates == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]


def test_a_rule_that_gives_no_date_is_refused() -> None:
    # A Monday rule for Tuesday to Sunday of one week: nothing.
    with pytest.raises(RecurrenceError) as raised:
        occurrences(weekly(date(2027, 4, 6), date(2027, 4, 11)), {})
    assert raised.value.code == "empty"
    with pytest.raises(RecurrenceError) as raised:
        occurrences(weekly(date(2027, 4, 5), date(2027, 4, 5)), {date(2027, 4, 5): "Bayram"})
    assert raised.value.code == "empty"


def test_bad_rules_are_refused_with_a_reason() -> None:
    with pytest.raises(RecurrenceError) as raised:
        weekly(date(2027, 5, 1), date(2027, 4, 1))
    assert raised.value.code == "ends_before_start"
    with pytest.raises(RecurrenceError) as raised:
        occurrences(weekly(date(2027, 1, 1), date(2034, 1, 1)), {})
    assert raised.value.code == "too_many"


# -- best time ---------------------------------------------------------------------------------


def test_without_enough_own_data_the_hint_is_the_general_default_and_says_so() -> None:
    samples = [Sample(datetime(2026, 11, 2, 15, tzinfo=ISTANBUL), 100)] * (MIN_SAMPLES - 1)
    hints = best_times(samples, weekday=0)
    assert {h.source for h in hints} == {HintSource.DEFAULT}
    assert [h.hour for h in hints] == [9, 12, 20]
    assert [h.hour for h in best_times([], weekday=6)] == [11, 20]


def test_with_enough_own_data_the_best_hours_come_from_engagement() -> None:
    monday = [datetime(2026, 11, d, tzinfo=ISTANBUL) for d in (2, 9, 16, 23)]
    samples = [Sample(day.replace(hour=15), 40, comments=5) for day in monday]  # 50 each
    samples += [Sample(day.replace(hour=9), 10) for day in monday]
    samples += [Sample(day.replace(hour=18), 200) for day in monday[:2]]  # too few to rank
    samples += [Sample(datetime(2026, 11, 3, 12, tzinfo=ISTANBUL), 5)] * 12  # Tuesdays
    hints = best_times(samples, weekday=0)
    assert [(h.hour, h.source, h.score) for h in hints] == [(15, HintSource.OWN, 50.0), (9, HintSource.OWN, 10.0)]
