"""Channel health: what the channel manager and the status bar say about a token's expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kurum_masaustu.rules.channel_health import WARN_DAYS, HealthState, channel_health

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def _health(
    expires: datetime | None, problem: str | None = None, enabled: bool = True
) -> tuple[HealthState, int | None]:
    got = channel_health(enabled=enabled, auth_problem=problem, token_expires_at=expires, now=NOW)
    return got.state, got.days_left


def test_no_known_expiry_is_simply_connected() -> None:
    assert _health(None) == (HealthState.CONNECTED, None)


def test_warns_in_the_last_week_and_counts_whole_days() -> None:
    assert WARN_DAYS == 7
    assert _health(NOW + timedelta(days=30)) == (HealthState.CONNECTED, 30)
    assert _health(NOW + timedelta(days=7, hours=1)) == (HealthState.CONNECTED, 7)
    assert _health(NOW + timedelta(days=6, hours=23)) == (HealthState.EXPIRING, 6)
    assert _health(NOW + timedelta(hours=3)) == (HealthState.EXPIRING, 0)


def test_expired_or_refused_needs_reconnect_with_the_reason() -> None:
    expired = channel_health(enabled=True, auth_problem=None, token_expires_at=NOW, now=NOW)
    assert (expired.state, expired.reason) == (HealthState.NEEDS_RECONNECT, "expired")
    refused = channel_health(
        enabled=True, auth_problem="auth_expired", token_expires_at=NOW + timedelta(days=40), now=NOW
    )
    assert (refused.state, refused.reason, refused.days_left) == (HealthState.NEEDS_RECONNECT, "refused", 40)


def test_a_removed_channel_kept_for_its_history_never_nags() -> None:
    assert _health(NOW - timedelta(days=3), "auth_expired", enabled=False)[0] == HealthState.DISABLED
