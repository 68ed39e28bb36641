"""Reads the packaged days data (``resources/days``) into a :class:`DayCatalog`.

The I/O edge of :mod:`kurum_masaustu.rules.days`: the files are read once and parsed by the
pure rules. The data is made by ``tools/build_days_data.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from kurum_masaustu.paths import resource
from kurum_masaustu.rules.days import (
    Correction,
    CustomDay,
    DayCatalog,
    DayEvent,
    parse_catalog,
    parse_public_holidays,
)

IMPORTANT_DAYS_FILE = "important_days.json"
RELIGIOUS_OVERRIDES_FILE = "religious_overrides.json"
PUBLIC_HOLIDAYS_FILE = "public_holidays.json"


def load_catalog(folder: Path | None = None, *, estimate: bool = True) -> DayCatalog:
    """The catalog from ``folder`` (default: the packaged ``resources/days``).

    Raises ``OSError`` if a file cannot be read and ``DayDataError`` if one is malformed.
    """
    base = folder if folder is not None else resource("days")
    important = (base / IMPORTANT_DAYS_FILE).read_text(encoding="utf-8")
    overrides = (base / RELIGIOUS_OVERRIDES_FILE).read_text(encoding="utf-8")
    catalog = parse_catalog(important, overrides, estimate=estimate)
    holidays_file = base / PUBLIC_HOLIDAYS_FILE
    if holidays_file.is_file():
        catalog = replace(catalog, holidays=parse_public_holidays(holidays_file.read_text(encoding="utf-8")))
    return catalog


@cache
def packaged_catalog() -> DayCatalog:
    """The packaged catalog, read once per process."""
    return load_catalog()


def days_between(
    first: date,
    last: date,
    *,
    custom: Sequence[CustomDay] = (),
    corrections: Sequence[Correction] = (),
) -> list[DayEvent]:
    """Holidays, important and religious days, and the institution's own days in ``first`` … ``last``."""
    return packaged_catalog().days_between(first, last, custom=custom, corrections=corrections)
