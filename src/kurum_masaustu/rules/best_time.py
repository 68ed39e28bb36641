"""Best times to post, per channel, weekday and hour.

From the institution's own published posts when there are enough of them (engagement per post:
reactions + 2 × comments + 3 × shares, averaged per weekday and hour); otherwise general
defaults for a public institution, and the hint says so. Pure.

The defaults are a rule of thumb, not a measurement: people read official accounts at the start
of the working day (09:00), at lunch (12:00–13:00) and in the evening (20:00–21:00); weekends
later in the morning. They are shown as "genel öneri" until the profile has data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

#: Fewer published posts with metrics than this on a channel: use the defaults.
MIN_SAMPLES = 20
#: A weekday-hour slot needs this many posts to be ranked (one lucky post is no pattern).
MIN_PER_SLOT = 3


class HintSource(StrEnum):
    OWN = "own"  # the institution's own published posts
    DEFAULT = "default"  # general defaults for public institutions


@dataclass(frozen=True)
class Sample:
    """One published delivery: when it went out (Istanbul time) and how people reacted."""

    local: datetime
    reactions: int
    comments: int = 0
    shares: int = 0

    @property
    def engagement(self) -> float:
        return self.reactions + 2 * self.comments + 3 * self.shares


@dataclass(frozen=True)
class Hint:
    weekday: int
    hour: int
    source: HintSource
    #: Mean engagement of the slot (own data), or 0 for a default.
    score: float = 0.0
    samples: int = 0


#: Working days: start of the day, lunch, evening. Weekends: late morning, evening.
_WEEKDAY_DEFAULTS = (9, 12, 20)
_WEEKEND_DEFAULTS = (11, 20)


def default_hints(weekday: int) -> list[Hint]:
    hours = _WEEKEND_DEFAULTS if weekday >= 5 else _WEEKDAY_DEFAULTS
    return [Hint(weekday, hour, HintSource.DEFAULT) for hour in hours]


def best_times(samples: Iterable[Sample], weekday: int, *, top: int = 3) -> list[Hint]:
    """The best hours on ``weekday`` (0 = Monday), best first."""
    collected = list(samples)
    if len(collected) < MIN_SAMPLES:
        return default_hints(weekday)
    slots: dict[int, list[float]] = defaultdict(list)
    for sample in collected:
        if sample.local.weekday() == weekday:
            slots[sample.local.hour].append(sample.engagement)
    ranked = sorted(
        (
            Hint(weekday, hour, HintSource.OWN, sum(values) / len(values), len(values))
            for hour, values in slots.items()
            if len(values) >= MIN_PER_SLOT
        ),
        key=lambda hint: (-hint.score, hint.hour),
    )
    return ranked[:top] or default_hints(weekday)
