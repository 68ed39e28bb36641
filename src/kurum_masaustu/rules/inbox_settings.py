"""The inbox's settings checked before they are kept: business hours, the response target and
the crisis spike rule (pure: no Qt, no I/O). The UI says each problem in Turkish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from kurum_masaustu.rules.crisis import SpikeRule

#: Limits the settings page offers (a 15-minute target or a day-long spike window are the ends
#: anyone asked for; outside them the clock or the crisis warning says nothing useful).
TARGET_MINUTES = (15, 7 * 24 * 60)
WINDOW_MINUTES = (15, 24 * 60)
MIN_COUNT = (2, 1000)
RATIO = (1.5, 50.0)
BASELINE = timedelta(days=7)


@dataclass(frozen=True)
class InboxSettings:
    start_hour: int = 8
    end_hour: int = 17
    weekdays: frozenset[int] = frozenset(range(5))  # Monday 0
    target_minutes: int = 240
    spike_window_minutes: int = 120
    spike_min_count: int = 6
    spike_ratio: float = 3.0

    @property
    def start(self) -> time:
        return time(self.start_hour)

    @property
    def end(self) -> time:
        return time(self.end_hour) if self.end_hour < 24 else time(23, 59, 59)

    @property
    def target(self) -> timedelta:
        return timedelta(minutes=self.target_minutes)

    def spike_rule(self) -> SpikeRule:
        return SpikeRule(
            window=timedelta(minutes=self.spike_window_minutes),
            baseline=BASELINE,
            min_count=self.spike_min_count,
            ratio=self.spike_ratio,
        )


def problems(s: InboxSettings) -> list[str]:
    """What is wrong, as codes (empty: the settings can be kept)."""
    found = []
    if not (0 <= s.start_hour < s.end_hour <= 24):
        found.append("hours_order")
    if not s.weekdays or not s.weekdays <= frozenset(range(7)):
        found.append("no_weekday")
    if not TARGET_MINUTES[0] <= s.target_minutes <= TARGET_MINUTES[1]:
        found.append("target_range")
    if not WINDOW_MINUTES[0] <= s.spike_window_minutes <= WINDOW_MINUTES[1]:
        found.append("window_range")
    if not MIN_COUNT[0] <= s.spike_min_count <= MIN_COUNT[1]:
        found.append("min_count_range")
    if not RATIO[0] <= s.spike_ratio <= RATIO[1]:
        found.append("ratio_range")
    return found


def usable(s: InboxSettings) -> InboxSettings:
    """The settings, or the defaults if a hand-edited profile holds values that cannot work."""
    return s if not problems(s) else InboxSettings()
