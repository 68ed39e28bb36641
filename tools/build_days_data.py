"""Build the app's days data from the shared reference table.

    python tools/build_days_data.py            # write resources/days/*.json
    python tools/build_days_data.py --check    # exit 1 if the files are not what this would write
    python tools/build_days_data.py --source PATH/important_days_2026_2027.json

Input: ``important_days_2026_2027.json`` (domain_tr.md §1.3, in the shared reference folder,
which is not shipped). Output, read by the app at run time:

* ``resources/days/important_days.json`` – every row (name, rule, category, theme,
  confidence) plus a stable ``id``, a ``tone`` (domain_tr.md §1.4), ``hidden_by_default``
  for the rows marked "düşük öncelik", ``example`` for the sample liberation days of other
  cities (hidden too: every municipality enters its own) and ``holiday``, the ``holidays``
  package's name of the public holiday the row is, so the calendar merges the two.
* ``resources/days/religious_overrides.json`` – Diyanet's dates of the Hijri-based days per
  year (domain_tr.md §1.2): 2026 confirmed, 2027 estimated except the bayrams. A second
  occurrence of a Hijri day in the same Gregorian year (Miraç Kandili on 24 Aralık 2027),
  which the one-date-per-year reference table cannot hold, is added as an estimate.

Ids are derived from the names: renaming a row in the reference changes its id, and user
corrections stored against the old id no longer apply. Keep names stable.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kurum_masaustu.rules.days import (  # noqa: E402
    DATA_FORMAT,
    DayCategory,
    HijriRule,
    RegaibRule,
    ReligiousCalendar,
    Tone,
    parse_rule,
    public_holidays,
    slug,
)
from kurum_masaustu.rules.turkish import search_key  # noqa: E402

SOURCE_NAME = "important_days_2026_2027.json"
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / SOURCE_NAME
OUTPUT_DIR = ROOT / "resources" / "days"
IMPORTANT_DAYS = "important_days.json"
RELIGIOUS_OVERRIDES = "religious_overrides.json"
YEARS = (2026, 2027)
EXPECTED_ROWS = 134

# Tone per row (domain_tr.md §1.4). Rows not named here take their category's default:
# uluslararası → farkındalık, dini → tebrik, ulusal / yerel yönetim → farkındalık.
COMMEMORATION = {
    "6 Şubat depremlerini anma",
    "İstiklal Marşı'nın Kabulü ve Mehmet Akif Ersoy'u Anma Günü",
    "Şehitleri Anma Günü ve Çanakkale Deniz Zaferi",
    "Hava Şehitlerini Anma Günü",
    "Demokrasi ve Millî Birlik Günü (resmî tatil)",
    "Kıbrıs Barış Harekâtı yıldönümü",
    "17 Ağustos 1999 Marmara Depremi anma",
    "Atatürk'ü Anma Günü (saat 09.05 saygı duruşu)",
    "Atatürk Haftası",
}
CELEBRATION = {
    "Yılbaşı (resmî tatil)",
    "Çalışan Gazeteciler Günü",
    "Tıp Bayramı",
    "Nevruz",
    "Türk Polis Teşkilatı'nın kuruluşu (Polis Haftası)",
    "Ulusal Egemenlik ve Çocuk Bayramı (resmî tatil)",
    "Emek ve Dayanışma Günü (resmî tatil)",
    "Hıdırellez",
    "Anneler Günü",
    "Hemşirelik Haftası",
    "Atatürk'ü Anma, Gençlik ve Spor Bayramı (resmî tatil)",
    "İstanbul'un Fethi",
    "Babalar Günü",
    "Denizcilik ve Kabotaj Bayramı",
    "Gazeteciler ve Basın Bayramı",
    "Zafer Bayramı (resmî tatil)",
    "Zabıta Haftası (kuruluş 4 Eylül 1826)",
    "Gaziler Günü",
    "İtfaiyecilik Haftası (Yangından Korunma Haftası)",
    "Ahilik Haftası",
    "Ankara'nın Başkent oluşu (örnek)",
    "Muhtarlar Günü",
    "Cumhuriyet Bayramı (28 Ekim 13.00'ten itibaren + 29 Ekim)",
    "Öğretmenler Günü",
    "Belediyenin kuruluş yıldönümü",
    # "Yerel anma" in the reference, but celebrated (Samsun's is 19 Mayıs itself).
    "Atatürk'ün şehre gelişi yıldönümü",
}
INFORMATION = {
    "Amasya Genelgesi yıldönümü",
    "Erzurum Kongresi yıldönümü",
    "Lozan Barış Antlaşması yıldönümü",
    "Büyük Taarruz / Malazgirt Zaferi yıldönümü",
    "Sivas Kongresi yıldönümü",
    "Dünya Kadın Hakları Günü (seçme-seçilme hakkı, 1934)",
    "İlköğretim Haftası / okulların açılışı",
    "Mevlana Haftası / Şeb-i Arûs",
    "Camiler ve Din Görevlileri Haftası",
    # 10 Muharrem is also a day of mourning (Kerbela) for many citizens: no greeting.
    "Aşure Günü",
    "Dünya Gümrük Günü",
    "Dünya Nüfus Günü",
    "Birleşmiş Milletler Günü",
    "Dünya Mülteciler Günü",
}
_CATEGORY_TONE = {
    DayCategory.INTERNATIONAL: Tone.AWARENESS,
    DayCategory.RELIGIOUS: Tone.RELIGIOUS_GREETING,
    DayCategory.NATIONAL: Tone.AWARENESS,
    DayCategory.LOCAL_GOVERNMENT: Tone.AWARENESS,
}
_LIBERATION_DAY = re.compile(r"kurtuluşu")
_LOW_PRIORITY = "dusuk oncelik"  # search_key of "düşük öncelik"


class BuildError(Exception):
    pass


def tone_of(row: Mapping[str, Any]) -> Tone:
    name = row["name"]
    if name in COMMEMORATION:
        return Tone.COMMEMORATION
    if name in CELEBRATION or _LIBERATION_DAY.search(name):
        return Tone.CELEBRATION
    if name in INFORMATION:
        return Tone.INFORMATION
    return _CATEGORY_TONE[DayCategory(row["category"])]


def row_id(name: str, taken: set[str]) -> str:
    short = slug(re.sub(r"\s*\([^)]*\)", "", name))
    key = short if short and short not in taken else slug(name)
    if key in taken:
        raise BuildError(f"two rows would get the id {key!r}: {name!r}")
    taken.add(key)
    return key


def holiday_names_by_day() -> dict[date, set[str]]:
    names: dict[date, set[str]] = {}
    for record in public_holidays(YEARS):
        if not record.half_day:
            names.setdefault(record.day, set()).add(record.name)
    return names


def holiday_link(row: Mapping[str, Any], holiday_days: Mapping[date, set[str]]) -> str | None:
    """The public holiday this row is, when its own name says so and its dates agree in every year."""
    base = str(row["name"]).split(" (")[0]
    for year in YEARS:
        dates = row[str(year)]["dates"]
        if not dates or base not in holiday_days.get(date.fromisoformat(dates[0]), set()):
            return None
    return base


def load_source(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise BuildError(f"reference table not found: {path} (use --source)")
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list) or len(rows) != EXPECTED_ROWS:
        raise BuildError(f"{path}: expected a list of {EXPECTED_ROWS} rows")
    for row in rows:
        parse_rule(row["rule"])  # fails loudly on a rule the app cannot read
        DayCategory(row["category"])
    names = {row["name"] for row in rows}
    unknown = (COMMEMORATION | CELEBRATION | INFORMATION) - names
    if unknown:
        raise BuildError(f"tone table names rows that are not in the reference: {sorted(unknown)}")
    return rows


def build_important_days(rows: Sequence[Mapping[str, Any]], source_hash: str) -> dict[str, Any]:
    holiday_days = holiday_names_by_day()
    taken: set[str] = set()
    days: list[dict[str, Any]] = []
    for row in rows:
        entry: dict[str, Any] = {
            "id": row_id(row["name"], taken),
            "name": row["name"],
            "rule": parse_rule(row["rule"]).text,
            "category": row["category"],
            "tone": tone_of(row).value,
            "theme": row["theme"],
            "confidence": row["confidence"],
        }
        example = "(örnek" in row["name"]
        if _LOW_PRIORITY in search_key(row["theme"]) or example:
            entry["hidden_by_default"] = True
        if example:
            entry["example"] = True
        link = holiday_link(row, holiday_days)
        if link is not None:
            entry["holiday"] = link
        days.append(entry)
    return {
        "format": DATA_FORMAT,
        "about": "Important days and weeks (domain_tr.md §1.3-1.4). Generated by tools/build_days_data.py.",
        "source": SOURCE_NAME,
        "source_sha256": source_hash,
        "days": days,
    }


def build_religious_overrides(rows: Sequence[Mapping[str, Any]], source_hash: str) -> dict[str, Any]:
    estimator = ReligiousCalendar(estimate=True)
    years: dict[str, Any] = {}
    for year in YEARS:
        table: dict[str, Any] = {}
        for row in rows:
            rule = parse_rule(row["rule"])
            if not isinstance(rule, HijriRule | RegaibRule):
                continue
            listed = row[str(year)]
            if len(listed["dates"]) != 1:
                raise BuildError(f"{row['name']} {year}: expected one date, got {listed['dates']}")
            listed_day = date.fromisoformat(listed["dates"][0])
            occurrences = [{"date": listed_day.isoformat(), "estimated": bool(listed["estimated"])}]
            estimates = [o.span.start for o in estimator.lookup(rule, year) or ()]
            if listed["estimated"] and listed_day not in estimates:
                raise BuildError(f"{row['name']} {year}: the estimate {listed_day} is not hijridate's {estimates}")
            for extra in estimates:  # another occurrence of the same Hijri day in this year
                if abs(extra - listed_day) > timedelta(days=3):
                    occurrences.append({"date": extra.isoformat(), "estimated": True})
            occurrences.sort(key=lambda o: str(o["date"]))
            if rule.text in table:
                raise BuildError(f"two rows share the rule {rule.text}")
            table[rule.text] = {"name": row["name"], "occurrences": occurrences}
        years[str(year)] = {"days": table}
    years["2026"]["source"] = (
        "Diyanet's 2026 Dini Günler calendar as reported by the press (domain_tr.md §1.2); confirmed."
    )
    years["2027"]["source"] = (
        "Estimates: Umm al-Qura (hijridate) with Diyanet's kandil convention, ±1 day, until Diyanet "
        "publishes its 2027 calendar. The bayrams are Diyanet-confirmed (holidays package)."
    )
    return {
        "format": DATA_FORMAT,
        "about": "Diyanet's dates of the Hijri-based days, per year and rule. Generated by tools/build_days_data.py.",
        "source": SOURCE_NAME,
        "source_sha256": source_hash,
        "years": years,
    }


def render(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


#: Years whose public holidays ship precomputed (the app needs no holidays import for them).
HOLIDAY_YEARS = range(2024, 2037)
PUBLIC_HOLIDAYS = "public_holidays.json"


def build(source: Path) -> dict[str, str]:
    """File name → the text this tool writes for it."""
    from kurum_masaustu.rules.days import holidays_to_json

    raw = source.read_bytes() if source.is_file() else b""
    rows = load_source(source)
    digest = hashlib.sha256(raw).hexdigest()
    return {
        IMPORTANT_DAYS: render(build_important_days(rows, digest)),
        RELIGIOUS_OVERRIDES: render(build_religious_overrides(rows, digest)),
        PUBLIC_HOLIDAYS: holidays_to_json(HOLIDAY_YEARS),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if anything differs")
    args = parser.parse_args(argv)
    try:
        files = build(args.source)
    except BuildError as error:
        print(f"build_days_data: {error}", file=sys.stderr)
        return 2
    stale = [name for name, text in files.items() if not _same(args.output / name, text)]
    if args.check:
        for name in stale:
            print(f"out of date: {args.output / name} (run tools/build_days_data.py)", file=sys.stderr)
        return 1 if stale else 0
    args.output.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.output / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.output / name}")
    return 0


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text


if __name__ == "__main__":
    sys.exit(main())
