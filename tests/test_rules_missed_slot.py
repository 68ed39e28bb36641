"""The missed-slot rule: publish late, ask or drop a post whose time passed while nothing ran."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kurum_masaustu.rules.missed_slot import (
    DEFAULT_POLICY,
    GRACE,
    MissedSlotPolicy,
    SlotDecision,
    decide,
    grace_for,
    late_by,
    parse_policy,
)

NINE = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # 09:00 in Istanbul


def test_the_default_is_to_ask_and_unknown_settings_read_as_the_default() -> None:
    assert DEFAULT_POLICY is MissedSlotPolicy.ASK
    assert parse_policy("publish_late") is MissedSlotPolicy.PUBLISH_LATE
    assert parse_policy("drop") is MissedSlotPolicy.DROP
    for bad in ("", "geç yayımla", None, 3):
        assert parse_policy(bad) is MissedSlotPolicy.ASK


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (MissedSlotPolicy.ASK, SlotDecision.ASK),
        (MissedSlotPolicy.PUBLISH_LATE, SlotDecision.PUBLISH),
        (MissedSlotPolicy.DROP, SlotDecision.DROP),
    ],
)
def test_a_post_due_while_the_app_was_closed_follows_the_policy(
    policy: MissedSlotPolicy, expected: SlotDecision
) -> None:
    closed_at = NINE - timedelta(hours=1)  # the last run was before its time
    assert decide(NINE, NINE + timedelta(hours=3), policy, last_run=closed_at) is expected
    assert decide(NINE, NINE + timedelta(hours=3), policy, last_run=None) is expected  # never ran


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_little_late_is_on_time(policy: MissedSlotPolicy) -> None:
    assert decide(NINE, NINE + GRACE, policy, last_run=NINE - timedelta(hours=5)) is SlotDecision.PUBLISH
    assert decide(NINE, NINE + timedelta(minutes=3), policy, last_run=None) is SlotDecision.PUBLISH


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_post_that_fell_due_while_an_outbox_ran_only_waits_for_its_platform(policy: MissedSlotPolicy) -> None:
    """A rate limit or retries may hold it for hours: that is not a missed slot."""
    later = NINE + timedelta(hours=4)
    assert decide(NINE, later, policy, last_run=NINE + timedelta(seconds=30)) is SlotDecision.PUBLISH
    assert decide(NINE, later, policy, last_run=NINE) is SlotDecision.PUBLISH


def test_a_scheduled_sync_interval_widens_the_grace() -> None:
    assert grace_for(None) == GRACE
    assert grace_for(60) == GRACE + timedelta(hours=1)
    half_hour_late = NINE + timedelta(minutes=40)
    assert decide(NINE, half_hour_late, MissedSlotPolicy.ASK, last_run=None) is SlotDecision.ASK
    widened = grace_for(30)
    assert decide(NINE, half_hour_late, MissedSlotPolicy.ASK, last_run=None, grace=widened) is SlotDecision.PUBLISH


def test_late_by_says_it_in_the_largest_whole_unit() -> None:
    assert late_by(NINE, NINE + timedelta(seconds=20)) == ("minutes", 1)
    assert late_by(NINE, NINE + timedelta(minutes=59)) == ("minutes", 59)
    assert late_by(NINE, NINE + timedelta(hours=3, minutes=59)) == ("hours", 3)
    assert late_by(NINE, NINE + timedelta(hours=47)) == ("hours", 47)
    assert late_by(NINE, NINE + timedelta(days=3, hours=5)) == ("days", 3)
