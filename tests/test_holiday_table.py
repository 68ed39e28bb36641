"""Business hours and the calendar read the precomputed holiday table, not the holidays package
(which loads every country it knows, ≈70 ms), and the table agrees with the package."""

from __future__ import annotations

import json
import subprocess
import sys

from kurum_masaustu.calendar_data import packaged_catalog
from kurum_masaustu.rules.days import public_holidays


def test_the_packaged_table_agrees_with_the_holidays_package() -> None:
    years = range(2025, 2029)
    assert packaged_catalog().public_holidays(years) == public_holidays(years)


def test_business_hours_do_not_load_the_holidays_package() -> None:
    code = (
        "import json, sys\n"
        "from datetime import date\n"
        "from kurum_masaustu.services.inbox import turkish_business_hours\n"
        "hours = turkish_business_hours(range(2025, 2028))\n"
        "print(json.dumps({'loaded': 'holidays' in sys.modules,\n"
        "                  'cumhuriyet': date(2026, 10, 29) in hours.holidays,\n"
        "                  'arife': date(2026, 10, 28) in hours.half_days}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {"loaded": False, "cumhuriyet": True, "arife": True}
