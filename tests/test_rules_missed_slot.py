"""The missed-slot rule: publish late, ask or drop a post that would go out too late, whatever held it."""

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


LATE = NINE + timedelta(hours=3)
EXPECTED = {
    MissedSlotPolicy.ASK: SlotDecision.ASK,
    MissedSlotPolicy.PUBLISH_LATE: SlotDecision.PUBLISH,
    MissedSlotPolicy.DROP: SlotDecision.DROP,
}


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_post_that_would_go_out_late_follows_the_policy_whatever_held_it(policy: MissedSlotPolicy) -> None:
    """The rule sees only the time: closed app, expired token, pause, rate limit are all late."""
    assert decide(NINE, LATE, policy) is EXPECTED[policy]
    assert decide(NINE, NINE + GRACE + timedelta(seconds=1), policy) is EXPECTED[policy]
    assert decide(NINE, NINE + timedelta(days=30), policy) is EXPECTED[policy]


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_little_late_is_on_time(policy: MissedSlotPolicy) -> None:
    assert decide(NINE, NINE + GRACE, policy) is SlotDecision.PUBLISH
    assert decide(NINE, NINE + timedelta(minutes=3), policy) is SlotDecision.PUBLISH
    assert decide(NINE, NINE, policy) is SlotDecision.PUBLISH
    assert decide(NINE, NINE - timedelta(minutes=5), policy) is SlotDecision.PUBLISH  # handed over early


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_once_the_person_said_yes_lateness_counts_from_then(policy: MissedSlotPolicy) -> None:
    said_yes = LATE
    assert decide(NINE, said_yes + timedelta(minutes=1), policy, approved_at=said_yes) is SlotDecision.PUBLISH
    assert decide(NINE, said_yes + GRACE, policy, approved_at=said_yes) is SlotDecision.PUBLISH
    # Held again past the limit after the yes (the token expired once more): asked again.
    held_again = said_yes + GRACE + timedelta(minutes=1)
    assert decide(NINE, held_again, policy, approved_at=said_yes) is EXPECTED[policy]


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_yes_given_before_the_post_was_moved_later_does_not_stretch_its_new_time(policy: MissedSlotPolicy) -> None:
    """An old approval (before the post was rescheduled) counts from the new time, not before it."""
    new_time = NINE + timedelta(days=1)
    assert decide(new_time, new_time + timedelta(hours=2), policy, approved_at=NINE) is EXPECTED[policy]
    assert decide(new_time, new_time + timedelta(minutes=5), policy, approved_at=NINE) is SlotDecision.PUBLISH


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_retry_chain_that_began_on_time_goes_on_up_to_the_same_limit(policy: MissedSlotPolicy) -> None:
    """Back-off after a transient error: retries within the limit go out; later ones ask first."""
    for retry_at in (NINE + timedelta(seconds=40), NINE + timedelta(minutes=4), NINE + GRACE):
        assert decide(NINE, retry_at, policy) is SlotDecision.PUBLISH
    assert decide(NINE, NINE + timedelta(minutes=31), policy) is EXPECTED[policy]


@pytest.mark.parametrize("policy", list(MissedSlotPolicy))
def test_a_thread_already_partly_out_is_finished_whatever_the_time(policy: MissedSlotPolicy) -> None:
    assert decide(NINE, LATE, policy, partly_out=True) is SlotDecision.PUBLISH
    assert decide(NINE, NINE + timedelta(days=2), policy, partly_out=True, approved_at=NINE) is SlotDecision.PUBLISH


def test_a_scheduled_sync_interval_widens_the_limit() -> None:
    assert grace_for(None) == GRACE
    assert grace_for(0) == GRACE
    assert grace_for(60) == GRACE + timedelta(hours=1)
    half_hour_late = NINE + timedelta(minutes=40)
    assert decide(NINE, half_hour_late, MissedSlotPolicy.ASK) is SlotDecision.ASK
    widened = grace_for(30)
    assert decide(NINE, half_hour_late, MissedSlotPolicy.ASK, grace=widened) is SlotDecision.PUBLISH
    assert decide(NINE, NINE + widened + timedelta(seconds=1), MissedSlotPolicy.ASK, grace=widened) is SlotDecision.ASK


def test_late_by_says_it_in_the_largest_whole_unit() -> None:
    assert late_by(NINE, NINE + timedelta(seconds=20)) == ("minutes", 1)
    assert late_by(NINE, NINE + timedelta(minutes=59)) == ("minutes", 59)
    assert late_by(NINE, NINE + timedelta(hours=3, minutes=59)) == ("hours", 3)
    assert late_by(NINE, NINE + timedelta(hours=47)) == ("hours", 47)
    assert late_by(NINE, NINE + timedelta(days=3, hours=5)) == ("days", 3)
