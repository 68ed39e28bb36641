"""Retry timing: exponential back-off with full jitter, capped."""

from __future__ import annotations

import random
from datetime import timedelta

BASE_SECONDS = 30.0
CAP_SECONDS = 30 * 60.0
#: After this many failed attempts a delivery stops retrying and is shown as failed.
MAX_ATTEMPTS = 8


def retry_delay(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Delay before attempt ``attempts + 1``: uniform in [base/2, min(cap, base·2^(n-1))]."""
    ceiling = min(CAP_SECONDS, BASE_SECONDS * 2 ** max(0, attempts - 1))
    pick = (rng or random).uniform(BASE_SECONDS / 2, max(BASE_SECONDS / 2, ceiling))
    return timedelta(seconds=pick)
