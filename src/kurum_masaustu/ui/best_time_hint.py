"""The best-time hint shown where a time is chosen: own data when there is enough, else general
defaults for public institutions — and the hint says which."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale

from kurum_masaustu.rules.best_time import HintSource, Sample, best_times


def best_time_text(samples: Sequence[Sample], weekday: int) -> str:
    hints = best_times(samples, weekday)
    day = QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)
    hours = ", ".join(f"{hint.hour:02d}:00" for hint in hints)
    if hints and hints[0].source is HintSource.OWN:
        return QCoreApplication.translate(
            "BestTime", "Good times on {day}: {hours} (from the engagement of your {count} published posts)"
        ).format(day=day, hours=hours, count=len(samples))
    return QCoreApplication.translate(
        "BestTime",
        "Good times on {day}: {hours} — a general suggestion for public institutions; "
        "your own published posts are not enough yet to say better",
    ).format(day=day, hours=hours)
