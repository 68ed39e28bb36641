"""Reading a content plan from CSV, as people keep it in Excel: one post per row.

Columns (header names in Turkish or English, any order, case and accents ignored)::

    tarih/date  saat/time  kanallar/channels  metin/text  [görseller/images]  [kategori/category]
    [kampanya/campaign]  [başlık/title]

UTF-8 with or without BOM; comma or semicolon between fields (Excel writes ";" in Turkish
locales); dates as 2026-12-01 or 01.12.2026; times as 09:30 or 09.30. Several channels or images
in one cell are separated by "|" or "," (or ";" when the file uses commas). Every row is checked
and its problems reported with its line number in the file; the caller decides whether the valid
rows are imported or nothing is. Pure: names are resolved through the lookups passed in.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from kurum_masaustu.domain import Category
from kurum_masaustu.rules.timeutil import local_to_utc
from kurum_masaustu.rules.turkish import search_key

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("tarih", "date", "gun"),
    "time": ("saat", "time"),
    "channels": ("kanallar", "kanal", "channels", "channel"),
    "text": ("metin", "text", "icerik", "gonderi"),
    "images": ("gorseller", "gorsel", "images", "image", "medya"),
    "category": ("kategori", "category"),
    "campaign": ("kampanya", "campaign"),
    "title": ("baslik", "title"),
}
REQUIRED = ("date", "time", "channels", "text")
MAX_ROWS = 5000
_DATE_TR = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


@dataclass(frozen=True)
class Problem:
    """What is wrong with a line: ``code`` (for the message) and the offending ``value``."""

    line: int
    code: str
    value: str = ""


@dataclass(frozen=True)
class PlanRow:
    line: int
    day: date
    at: time
    channel_ids: tuple[int, ...]
    text: str
    images: tuple[str, ...] = ()
    category: Category = Category.ANNOUNCEMENT
    campaign_id: int | None = None
    title: str = ""


@dataclass
class PlanFile:
    rows: list[PlanRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", search_key(text))


def _split(cell: str, delimiter: str) -> list[str]:
    separators = "|," if delimiter == ";" else "|;"
    parts = re.split("[" + re.escape(separators) + "]", cell)
    return [part.strip() for part in parts if part.strip()]


def _date(text: str) -> date | None:
    value = text.strip()
    try:
        match = _DATE_TR.fullmatch(value)
        return date(int(match[3]), int(match[2]), int(match[1])) if match else date.fromisoformat(value)
    except ValueError:
        return None


def _time(text: str) -> time | None:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    return time(hour, minute) if hour < 24 and minute < 60 else None


def category_names() -> dict[str, Category]:
    """Turkish and English names of the categories, by search key."""
    turkish = {
        Category.ANNOUNCEMENT: "duyuru",
        Category.SERVICE: "hizmet",
        Category.EVENT: "etkinlik",
        Category.CELEBRATION: "kutlama",
        Category.COMMEMORATION: "anma",
        Category.AWARENESS: "farkındalık",
        Category.CRISIS: "kriz",
        Category.ENGAGEMENT: "etkileşim",
    }
    names = {_key(category.value): category for category in Category}
    names.update({_key(name): category for category, name in turkish.items()})
    return names


def parse_plan(
    text: str,
    *,
    channels: Mapping[str, int],
    campaigns: Mapping[str, int],
    now: datetime,
) -> PlanFile:
    """Check every line of ``text``. ``channels`` and ``campaigns`` map names to ids (compared
    Turkish-insensitively); ``now`` (aware) refuses rows in the past."""
    result = PlanFile()
    body = text.lstrip("\ufeff")
    if not body.strip():
        result.problems.append(Problem(1, "empty_file"))
        return result
    first_line = body.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        result.problems.append(Problem(1, "bad_csv", str(exc)))
        return result
    columns: dict[str, int] = {}
    for position, name in enumerate(header):
        key = _key(name)
        for column, names in COLUMNS.items():
            if key in names and column not in columns:
                columns[column] = position
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        result.problems.extend(Problem(1, "missing_column", column) for column in missing)
        return result
    channel_keys = {_key(name): cid for name, cid in channels.items()}
    campaign_keys = {_key(name): cid for name, cid in campaigns.items()}
    try:
        _check_rows(reader, result, columns, channel_keys, campaign_keys, delimiter, now)
    except csv.Error as exc:
        result.problems.append(Problem(reader.line_num, "bad_csv", str(exc)))
    if not result.rows and not result.problems:
        result.problems.append(Problem(1, "no_rows"))
    return result


def _check_rows(
    reader: Any,
    result: PlanFile,
    columns: dict[str, int],
    channel_keys: dict[str, int],
    campaign_keys: dict[str, int],
    delimiter: str,
    now: datetime,
) -> None:
    categories = category_names()
    rows = 0
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        rows += 1
        if rows > MAX_ROWS:
            result.problems.append(Problem(line, "too_many_rows", str(MAX_ROWS)))
            break

        def cell(column: str, cells: list[str] = cells) -> str:
            position = columns.get(column)
            return cells[position].strip() if position is not None and position < len(cells) else ""

        problems: list[Problem] = []
        day, at = _date(cell("date")), _time(cell("time"))
        if day is None:
            problems.append(Problem(line, "bad_date", cell("date")))
        if at is None:
            problems.append(Problem(line, "bad_time", cell("time")))
        channel_ids: list[int] = []
        names = _split(cell("channels"), delimiter)
        if not names:
            problems.append(Problem(line, "no_channel"))
        for name in names:
            found = channel_keys.get(_key(name))
            if found is None:
                problems.append(Problem(line, "unknown_channel", name))
            elif found not in channel_ids:
                channel_ids.append(found)
        text_value = cell("text")
        if not text_value:
            problems.append(Problem(line, "no_text"))
        category = Category.ANNOUNCEMENT
        if cell("category"):
            found_category = categories.get(_key(cell("category")))
            if found_category is None:
                problems.append(Problem(line, "unknown_category", cell("category")))
            else:
                category = found_category
        campaign_id = None
        if cell("campaign"):
            campaign_id = campaign_keys.get(_key(cell("campaign")))
            if campaign_id is None:
                problems.append(Problem(line, "unknown_campaign", cell("campaign")))
        if day is not None and at is not None and local_to_utc(day, at) < now:
            problems.append(Problem(line, "in_past", f"{cell('date')} {cell('time')}"))
        if problems:
            result.problems.extend(problems)
            continue
        assert day is not None
        assert at is not None
        result.rows.append(
            PlanRow(
                line=line,
                day=day,
                at=at,
                channel_ids=tuple(channel_ids),
                text=text_value,
                images=tuple(_split(cell("images"), delimiter)),
                category=category,
                campaign_id=campaign_id,
                title=cell("title"),
            )
        )


#: Turkish messages for the command line (the window translates the codes itself).
MESSAGES_TR = {
    "empty_file": "Dosya boş.",
    "missing_column": "Başlık satırında zorunlu sütun yok: {value} (tarih, saat, kanallar, metin gerekli).",
    "too_many_rows": "Dosyada en çok {value} satır olabilir; gerisi okunmadı.",
    "bad_date": "Tarih anlaşılamadı: '{value}' (ör. 2026-12-01 ya da 01.12.2026).",
    "bad_time": "Saat anlaşılamadı: '{value}' (ör. 09:30).",
    "no_channel": "Kanal yazılmamış.",
    "unknown_channel": "Böyle bir kanal yok: '{value}'.",
    "no_text": "Metin boş.",
    "unknown_category": "Böyle bir kategori yok: '{value}' (ör. duyuru, hizmet, etkinlik).",
    "unknown_campaign": "Böyle bir kampanya yok: '{value}'.",
    "in_past": "Zamanı geçmiş: {value}.",
    "no_rows": "Başlık satırından sonra gönderi satırı yok.",
    "bad_csv": "Dosya bu satırda CSV olarak okunamadı ({value}).",
    "missing_image": "Görsel bulunamadı ya da açılamadı: '{value}'.",
    "too_big": "Dosya çok büyük (en çok {value} MB).",
    "unreadable": "Dosya okunamadı ({value}).",
    "not_utf8": 'Dosya UTF-8 değil. Excel\'de "CSV UTF-8 (virgülle ayrılmış)" olarak kaydedin.',
}


def message_tr(problem: Problem) -> str:
    return f"Satır {problem.line}: " + MESSAGES_TR[problem.code].format(value=problem.value)
