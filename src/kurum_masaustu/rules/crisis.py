"""Is a crisis starting? A pure rule on the times of negative items (complaints, abuse, or
negative tone), overall and per cluster (the post they are under, the unit their topic belongs to).

The rule, with its thresholds stated (``SpikeRule``; all configurable):

* the **window** is the last ``window`` (default 2 hours) before ``now``;
* the **baseline** is the average number of such items per window-length over the
  ``baseline`` before the window (default 7 days);
* a cluster **spikes** when its window holds at least ``min_count`` items (default 6) **and** at
  least ``ratio`` times its baseline (default 3×; a baseline under one item per window counts as
  one, so a quiet post needs ``max(min_count, ratio)`` items).

A spike reports its count, baseline, ratio and growth (counts in four equal parts of the
window, oldest first), so the person sees the cluster and how fast it grows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

GROWTH_BINS = 4


@dataclass(frozen=True)
class SpikeRule:
    window: timedelta = timedelta(hours=2)
    baseline: timedelta = timedelta(days=7)
    min_count: int = 6
    ratio: float = 3.0

    def __post_init__(self) -> None:
        if self.window <= timedelta() or self.baseline <= self.window:
            raise ValueError("the baseline must be longer than a positive window")
        if self.min_count < 1 or self.ratio <= 0:
            raise ValueError("min_count must be at least 1 and ratio positive")


@dataclass(frozen=True)
class NegativeEvent:
    """One negative item: when it came and the clusters it belongs to (e.g. ("post", 12))."""

    at: datetime
    clusters: tuple[Hashable, ...] = ()


@dataclass(frozen=True)
class Spike:
    cluster: Hashable  # "all" for the whole inbox
    count: int
    baseline: float  # items per window-length before the window
    ratio: float
    growth: tuple[int, ...]


def detect_spikes(events: Iterable[NegativeEvent], now: datetime, rule: SpikeRule | None = None) -> list[Spike]:
    """Spiking clusters, strongest first ("all" included when the whole inbox spikes)."""
    rule = rule or SpikeRule()
    window_start = now - rule.window
    baseline_start = now - rule.baseline
    in_window: Counter[Hashable] = Counter()
    before: Counter[Hashable] = Counter()
    bins: defaultdict[Hashable, list[int]] = defaultdict(lambda: [0] * GROWTH_BINS)
    part = rule.window / GROWTH_BINS
    for event in events:
        if event.at > now or event.at < baseline_start:
            continue
        keys = ("all", *event.clusters)
        if event.at >= window_start:
            index = min(GROWTH_BINS - 1, int((event.at - window_start) / part))
            for key in keys:
                in_window[key] += 1
                bins[key][index] += 1
        else:
            for key in keys:
                before[key] += 1
    windows_in_baseline = (rule.baseline - rule.window) / rule.window
    spikes = []
    for key, count in in_window.items():
        baseline = before[key] / windows_in_baseline
        ratio = count / max(baseline, 1.0)
        if count >= rule.min_count and ratio >= rule.ratio:
            spikes.append(Spike(key, count, round(baseline, 2), round(ratio, 1), tuple(bins[key])))
    spikes.sort(key=lambda s: (s.cluster != "all", -s.count, str(s.cluster)))
    return spikes


def episode_bounds(first: datetime, starts: Iterable[datetime]) -> list[tuple[datetime, datetime | None]]:
    """Split the crisis timeline into crises: ``first`` is its oldest entry, ``starts`` the
    moments a new crisis was declared. Each crisis runs up to the next one's start; the last is
    open (None). A declaration at or before ``first`` does not make an empty crisis."""
    bounds: list[tuple[datetime, datetime | None]] = []
    current = first
    for start in sorted(starts):
        if start <= current:
            continue
        bounds.append((current, start))
        current = start
    bounds.append((current, None))
    return bounds
