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


def best_time_short(samples: Sequence[Sample], weekday: int) -> str:
    """One line under a time field: "Best times (Mon): 09:00, 12:00 — your own data"."""
    hints = best_times(samples, weekday)
    day = QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)
    hours = ", ".join(f"{hint.hour:02d}:00" for hint in hints)
    if hints and hints[0].source is HintSource.OWN:
        text = QCoreApplication.translate("BestTime", "Best times ({day}): {hours} — the institution's own data")
        return text.format(day=day, hours=hours)
    return QCoreApplication.translate(
        "BestTime", "Best times ({day}): {hours} — a general suggestion for public institutions"
    ).format(day=day, hours=hours)
