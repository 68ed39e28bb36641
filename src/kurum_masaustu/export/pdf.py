"""The printable monthly plan (PDF, Turkish) the staff member takes to the manager for approval.

A4 landscape. For every month the range touches, one page with the month grid (Monday first):
public holidays, half days, commemorations and other important days marked in the day cells,
weeks and months listed under the grid, and each day's posts (time, title, channels, state
when it needs attention). Then the list pages: every post of the range by day with its full
channel names and state, days with nothing planned included; last, the approval block
(Hazırlayan / Onaylayan: Adı Soyadı, Unvanı, Tarih, İmza). Every page has "Sayfa n / N".

Written with **fpdf2** (pure Python, no Qt, so the ``export`` command runs headless) using a
TrueType font that has the Turkish letters, embedded as a subset with its Unicode map, so the
text can be searched and copied: the packaged ``resources/fonts`` if present, else DejaVu Sans,
Arial, Segoe UI, Liberation Sans or Noto Sans from the system (:func:`find_fonts`).
Characters the font cannot draw (emoji) are left out of the printout.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace, TTFFont

from kurum_masaustu.domain import DeliveryState, Platform
from kurum_masaustu.export import (
    CATEGORY_NAMES,
    MONTHS,
    PLATFORM_CODES,
    STATE_NAMES,
    WEEKDAYS,
    ExportError,
    ExportPlan,
    day_event_title,
    format_day,
    format_range,
    month_title,
    utc_now,
)
from kurum_masaustu.rules.days import DayEvent, Tone
from kurum_masaustu.rules.timeutil import month_grid, to_local
from kurum_masaustu.services.posts import CalendarEntry, DayPost, group_by_post

__all__ = ["TURKISH_LETTERS", "FontPair", "build_month_plan_pdf", "document_title", "find_fonts"]

#: Letters (and marks) a font must have to print the plan.
TURKISH_LETTERS = "ÇĞİÖŞÜçğıöşüâîû—–…·"

# --------------------------------------------------------------------------------------------
# Fonts


@dataclass(frozen=True)
class FontPair:
    """A regular and a bold TrueType file of one family."""

    name: str
    regular: Path
    bold: Path


#: (family, regular file, bold file), best first. DejaVu is what Linux has (and what the
#: installer may ship in ``resources/fonts``); Arial and Segoe UI are on every Windows.
_CANDIDATES = (
    ("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("DejaVu Sans Condensed", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    ("Arial", "arial.ttf", "arialbd.ttf"),
    ("Arial", "Arial.ttf", "Arial Bold.ttf"),
    ("Segoe UI", "segoeui.ttf", "segoeuib.ttf"),
    ("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("Tahoma", "tahoma.ttf", "tahomabd.ttf"),
)


def _font_dirs() -> list[tuple[Path, bool]]:
    """Folders to look in, as (folder, search subfolders too)."""
    dirs: list[tuple[Path, bool]] = []
    try:
        from kurum_masaustu.paths import resource

        dirs.append((resource("fonts"), False))
    except FileNotFoundError:
        pass
    if sys.platform == "win32":
        dirs.append((Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts", False))
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append((Path(local) / "Microsoft" / "Windows" / "Fonts", False))
    elif sys.platform == "darwin":
        dirs += [(Path("/System/Library/Fonts/Supplemental"), False), (Path("/Library/Fonts"), False)]
    else:
        home = Path.home()
        dirs += [
            (Path("/usr/share/fonts"), True),
            (Path("/usr/local/share/fonts"), True),
            (home / ".local" / "share" / "fonts", True),
            (home / ".fonts", True),
        ]
    return dirs


def _has_letters(path: Path, letters: str) -> bool:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except (OSError, TTLibError, AssertionError):
        return False
    return all(ord(letter) in cmap for letter in letters)


def find_fonts(dirs: Iterable[tuple[Path, bool]] | None = None) -> FontPair:
    """The first candidate family found with both files and every Turkish letter.

    Raises :class:`ExportError` (``no_font``) with a Turkish message when there is none.
    """
    found: dict[str, Path] = {}
    for folder, recursive in _font_dirs() if dirs is None else dirs:
        if not folder.is_dir():
            continue
        try:
            files = folder.rglob("*.ttf") if recursive else folder.glob("*.ttf")
            for path in files:
                found.setdefault(path.name.casefold(), path)
        except OSError:
            continue
    for name, regular_name, bold_name in _CANDIDATES:
        regular = found.get(regular_name.casefold())
        if regular is None or not _has_letters(regular, TURKISH_LETTERS):
            continue
        bold = found.get(bold_name.casefold())
        if bold is None or not _has_letters(bold, TURKISH_LETTERS):
            bold = regular
        return FontPair(name, regular, bold)
    raise ExportError(
        "no_font",
        "PDF için Türkçe harfleri (ç, ğ, ı, İ, ö, ş, ü) içeren bir yazı tipi bulunamadı. "
        "DejaVu Sans, Arial ya da Segoe UI yazı tiplerinden birini kurun.",
    )


# --------------------------------------------------------------------------------------------
# Page geometry (mm) and colours

_MARGIN_X = 12.0
_TOP = 10.0
_PAGE_W = 297.0
_PAGE_H = 210.0
_CONTENT_W = _PAGE_W - 2 * _MARGIN_X
_FOOTER_Y = _PAGE_H - 9.0
_GRID_BOTTOM = _PAGE_H - 25.0
_BREAK_MARGIN = 16.0

_Color = tuple[int, int, int]
_TEXT: _Color = (33, 37, 41)
_MUTED: _Color = (108, 117, 125)
_RULE: _Color = (173, 181, 189)
_HEAD_FILL: _Color = (52, 73, 94)
_HOLIDAY_FILL: _Color = (253, 232, 232)
_HOLIDAY_TEXT: _Color = (179, 38, 30)
_HALF_DAY_FILL: _Color = (255, 243, 224)
_HALF_DAY_TEXT: _Color = (166, 84, 0)
_WEEKEND_FILL: _Color = (244, 245, 246)
_OUTSIDE_FILL: _Color = (250, 250, 250)
_DAY_TEXT: _Color = (31, 78, 158)
_GREETING_TEXT: _Color = (46, 125, 50)
_DRAFT_TEXT: _Color = (108, 117, 125)
_FAILED_TEXT: _Color = (179, 38, 30)
_DAY_ROW_FILL: _Color = (233, 236, 239)

#: States the grid names next to a post (scheduled and published are the normal case).
_FLAGGED = frozenset(
    {
        DeliveryState.DRAFT,
        DeliveryState.FAILED,
        DeliveryState.PUBLISHING,
        DeliveryState.HANDED_OFF,
        DeliveryState.UNCERTAIN,
        DeliveryState.MISSED,
    }
)


def document_title(first: date, last: date) -> str:
    """``Aylık Yayın Planı — Kasım 2026`` for one month, else ``Yayın Planı — <range>``."""
    if (first.year, first.month) == (last.year, last.month):
        return f"Aylık Yayın Planı — {month_title(first.year, first.month)}"
    return f"Yayın Planı — {format_range(first, last)}"


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _short_span(event: DayEvent) -> str:
    """``3–9 Kasım``, ``29 Ekim – 4 Kasım``."""
    first, last = event.start, event.end
    if first.month == last.month:
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]}"
    return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]}"


def _cell_label(event: DayEvent) -> str:
    """A day's name in a grid cell; a half day says only from when (the holiday is the next cell)."""
    if event.half_day:
        return f"Yarım gün ({day_event_title(event).rsplit('(', 1)[-1].removesuffix(' itibaren)')})"
    return day_event_title(event)


def _shorter(pdf: _PlanPdf, label: str, width: float, suffix: str = "") -> str:
    """``label + suffix``; a long label first loses its explanatory brackets, never "(tahmini)"."""
    if pdf.get_string_width(pdf.clean(label + suffix)) > width:
        estimated = label.endswith(" (tahmini)")
        core = label.removesuffix(" (tahmini)")
        if core.endswith(")") and " (" in core:
            label = core[: core.rindex(" (")] + (" (tahmini)" if estimated else "")
    if suffix and pdf.get_string_width(pdf.clean(label + suffix)) > width:
        return pdf.fit(label, width - pdf.get_string_width(suffix)) + suffix
    return label + suffix


def _is_band(event: DayEvent) -> bool:
    """Weeks and months go under the grid; single days and days off go into the cells."""
    return event.start != event.end and not event.day_off


def _event_rank(event: DayEvent) -> tuple[int, str]:
    if event.day_off and not event.half_day:
        return (0, event.name)
    if event.half_day:
        return (1, event.name)
    if event.tone is Tone.COMMEMORATION:
        return (2, event.name)
    return (3, event.name)


def _live(entries: Iterable[CalendarEntry]) -> list[CalendarEntry]:
    """Cancelled deliveries are not part of the plan."""
    return [entry for entry in entries if entry.state is not DeliveryState.CANCELLED]


_PLATFORM_ORDER = {platform: index for index, platform in enumerate(PLATFORM_CODES)}


def _channel_codes(entries: Sequence[CalendarEntry], post_id: int) -> list[str]:
    """The post's channel marks in one fixed order (FB IG X LI MA BS TG EL)."""
    platforms = sorted({e.platform for e in entries if e.post_id == post_id}, key=_PLATFORM_ORDER.__getitem__)
    return [PLATFORM_CODES[platform] for platform in platforms]


# --------------------------------------------------------------------------------------------
# The document


class _PlanPdf(FPDF):
    """fpdf2 with the plan's fonts, running header, footer and text helpers."""

    def __init__(self, fonts: FontPair, institution: str, title: str, stamp: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.add_font("base", "", str(fonts.regular))
        self.add_font("base", "B", str(fonts.bold))
        regular, bold = self.fonts["base"], self.fonts["baseB"]
        assert isinstance(regular, TTFFont)
        assert isinstance(bold, TTFFont)
        #: Code points both faces can draw; anything else is left out (emoji, rare symbols).
        self._glyphs = frozenset(regular.cmap) & frozenset(bold.cmap)
        self.institution = institution
        self.doc_title = title
        self.stamp = stamp
        self.running_header = ""
        self.set_margins(_MARGIN_X, _TOP, _MARGIN_X)
        self.set_auto_page_break(auto=True, margin=_BREAK_MARGIN)
        self.set_text_color(*_TEXT)
        self.set_draw_color(*_RULE)

    # -- text -------------------------------------------------------------------------------
    def clean(self, text: str) -> str:
        """One line of printable text: NFC, no line breaks, no characters the font lacks."""
        text = unicodedata.normalize("NFC", text)
        out: list[str] = []
        for char in text:
            if char in "\r\n\t\u2028\u2029":
                out.append(" ")
            elif ord(char) in self._glyphs:
                out.append(char)
        return " ".join("".join(out).split())

    def font(self, size: float, bold: bool = False, color: _Color = _TEXT) -> None:
        self.set_font("base", "B" if bold else "", size)
        self.set_text_color(*color)

    def fit(self, text: str, width: float) -> str:
        """``text`` shortened with "…" to ``width`` mm in the current font."""
        text = self.clean(text)
        if self.get_string_width(text) <= width:
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.get_string_width(text[:middle].rstrip() + "…") <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"

    def put(self, x: float, y: float, width: float, height: float, text: str, align: str = "L") -> None:
        """One line of ``text`` fitted into the box at ``x``, ``y``."""
        self.set_xy(x, y)
        self.cell(width, height, self.fit(text, width), align=align)

    # -- page furniture -----------------------------------------------------------------------
    def header(self) -> None:
        if not self.running_header:
            return
        self.font(8, color=_MUTED)
        left = f"{self.institution} · {self.running_header}" if self.institution else self.running_header
        self.put(_MARGIN_X, 6, _CONTENT_W, 4, left)
        self.set_draw_color(*_RULE)
        self.line(_MARGIN_X, 10.5, _PAGE_W - _MARGIN_X, 10.5)
        self.set_y(13)

    def footer(self) -> None:
        self.font(7.5, color=_MUTED)
        self.put(_MARGIN_X, _FOOTER_Y, _CONTENT_W / 2, 4, f"Kurum Masaüstü · Oluşturulma: {self.stamp}")
        self.set_xy(_PAGE_W / 2, _FOOTER_Y)
        self.cell(_CONTENT_W / 2, 4, f"Sayfa {self.page_no()} / {{nb}}", align="R")

    def legend_box(self, x: float, y: float, fill: _Color, label: str) -> float:
        """A filled square and its label; returns the x after it."""
        self.set_fill_color(*fill)
        self.set_draw_color(*_RULE)
        self.rect(x, y + 0.6, 3, 3, style="DF")
        self.font(7, color=_TEXT)
        width = self.get_string_width(label) + 1
        self.put(x + 4, y, width, 4, label)
        return x + 4 + width + 4


@dataclass
class _Layout:
    """What one month page shows, prepared before drawing."""

    year: int
    month: int
    weeks: list[list[date]]
    cell_events: dict[date, list[DayEvent]]
    bands: list[DayEvent]
    posts: dict[date, list[DayPost]]
    entries: dict[date, list[CalendarEntry]]


def _month_layout(
    plan: ExportPlan,
    year: int,
    month: int,
    posts: dict[date, list[DayPost]],
    entries: dict[date, list[CalendarEntry]],
) -> _Layout:
    grid = month_grid(year, month)
    weeks = [grid[i : i + 7] for i in range(0, 42, 7) if any(d.month == month for d in grid[i : i + 7])]
    month_first = date(year, month, 1)
    month_last = max(d for week in weeks for d in week if d.month == month)
    cell_events: dict[date, list[DayEvent]] = defaultdict(list)
    bands: list[DayEvent] = []
    for day in plan.days:
        event = day.event
        if _is_band(event):
            if event.span.overlaps(max(month_first, plan.first), min(month_last, plan.last)):
                bands.append(event)
            continue
        for covered in event.span.days():
            if covered.month == month and covered.year == year:
                cell_events[covered].append(event)
    for events in cell_events.values():
        events.sort(key=_event_rank)
    return _Layout(year, month, weeks, dict(cell_events), bands, posts, entries)


def _draw_month(pdf: _PlanPdf, plan: ExportPlan, layout: _Layout) -> None:
    pdf.running_header = ""
    pdf.add_page()
    pdf.set_auto_page_break(auto=False)  # the grid page is laid out to fit; never spills
    try:
        _draw_month_page(pdf, plan, layout)
    finally:
        pdf.set_auto_page_break(auto=True, margin=_BREAK_MARGIN)


def _draw_month_page(pdf: _PlanPdf, plan: ExportPlan, layout: _Layout) -> None:
    y = _TOP
    if plan.institution:
        pdf.font(10, bold=True, color=_MUTED)
        pdf.put(_MARGIN_X, y, _CONTENT_W, 5, plan.institution)
        y += 5.5
    pdf.font(17, bold=True)
    pdf.put(_MARGIN_X, y, _CONTENT_W * 0.7, 8, f"Aylık Yayın Planı — {month_title(layout.year, layout.month)}")
    month_first = date(layout.year, layout.month, 1)
    month_last = max(d for week in layout.weeks for d in week if d.month == layout.month)
    shown_first, shown_last = max(month_first, plan.first), min(month_last, plan.last)
    count = sum(len(layout.posts.get(d, [])) for d in _days(shown_first, shown_last))
    pdf.font(8.5, color=_MUTED)
    pdf.put(
        _MARGIN_X + _CONTENT_W * 0.5,
        y + 1.5,
        _CONTENT_W * 0.5,
        5,
        f"Dönem: {format_range(shown_first, shown_last)} · {count} gönderi",
        align="R",
    )
    y += 10

    col_w = _CONTENT_W / 7
    pdf.set_fill_color(*_HEAD_FILL)
    pdf.set_draw_color(*_HEAD_FILL)
    pdf.rect(_MARGIN_X, y, _CONTENT_W, 6, style="DF")
    pdf.font(8, bold=True, color=(255, 255, 255))
    for column, name in enumerate(WEEKDAYS):
        pdf.put(_MARGIN_X + column * col_w, y + 1, col_w, 4, name, align="C")
    y += 6

    band_lines = _band_lines(pdf, layout.bands)
    bottom = _GRID_BOTTOM - 4.0 * max(0, len(band_lines) - 1)
    row_h = (bottom - y) / len(layout.weeks)
    for row, week in enumerate(layout.weeks):
        for column, day in enumerate(week):
            _draw_cell(pdf, plan, layout, day, _MARGIN_X + column * col_w, y + row * row_h, col_w, row_h)
    y = bottom + 1.5

    for line in band_lines:
        pdf.font(7, color=_TEXT)
        pdf.put(_MARGIN_X, y, _CONTENT_W, 4, line)
        y += 4
    x = _MARGIN_X
    x = pdf.legend_box(x, y, _HOLIDAY_FILL, "Resmî tatil")
    x = pdf.legend_box(x, y, _HALF_DAY_FILL, "Yarım gün (13.00'ten itibaren tatil)")
    x = pdf.legend_box(x, y, _WEEKEND_FILL, "Hafta sonu")
    codes = _codes_legend(layout)
    if codes:
        pdf.font(7, color=_MUTED)
        pdf.put(x, y, _PAGE_W - _MARGIN_X - x, 4, "Kanallar: " + " · ".join(codes))


def _band_lines(pdf: _PlanPdf, bands: Sequence[DayEvent]) -> list[str]:
    """The weeks and months under the grid ("Haftalar ve aylar: …"), in at most two lines."""
    if not bands:
        return []
    pdf.font(7)
    items = [f"{day_event_title(event)} ({_short_span(event)})" for event in bands]
    lines: list[str] = []
    current = "Haftalar ve aylar: "
    for item in items:
        candidate = current + item if current.endswith(": ") else f"{current} · {item}"
        if pdf.get_string_width(pdf.clean(candidate)) <= _CONTENT_W or current.endswith(": "):
            current = candidate
        else:
            lines.append(current)
            current = item
    lines.append(current)
    if len(lines) > 2:
        lines = [lines[0], " · ".join(lines[1:])]  # the second line is cut with "…"
    return lines


def _codes_legend(layout: _Layout) -> list[str]:
    """The channel marks explained ("FB Facebook Sayfası", "X" alone when the mark is the name)."""
    seen: dict[Platform, list[str]] = {}
    for entries in layout.entries.values():
        for entry in entries:
            names = seen.setdefault(entry.platform, [])
            if entry.channel_name not in names:
                names.append(entry.channel_name)
    items: list[str] = []
    for platform in sorted(seen, key=_PLATFORM_ORDER.__getitem__):
        code, names = PLATFORM_CODES[platform], seen[platform]
        items.append(code if names == [code] else f"{code} {', '.join(names)}")
    return items


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _draw_cell(
    pdf: _PlanPdf, plan: ExportPlan, layout: _Layout, day: date, x: float, y: float, w: float, h: float
) -> None:
    in_month = day.month == layout.month
    in_range = plan.first <= day <= plan.last
    events = layout.cell_events.get(day, []) if in_month else []
    full_off = any(e.day_off and not e.half_day for e in events)
    half_off = any(e.half_day for e in events)
    if not in_month:
        fill: _Color = (255, 255, 255)
    elif full_off:
        fill = _HOLIDAY_FILL
    elif half_off:
        fill = _HALF_DAY_FILL
    elif day.weekday() >= 5:
        fill = _WEEKEND_FILL
    elif not in_range:
        fill = _OUTSIDE_FILL
    else:
        fill = (255, 255, 255)
    pdf.set_fill_color(*fill)
    pdf.set_draw_color(*_RULE)
    pdf.rect(x, y, w, h, style="DF")
    pad = 1.2
    inner = w - 2 * pad

    number_color = _MUTED if not in_month else _HOLIDAY_TEXT if full_off else _TEXT
    pdf.font(9, bold=True, color=number_color)
    pdf.put(x + pad, y + 0.8, 8, 4, str(day.day))
    if not in_month:
        return
    if not in_range:
        pdf.font(6, color=_MUTED)
        pdf.put(x + pad + 7, y + 1.2, inner - 7, 3.5, "plan dönemi dışında", align="R")
    top = y + 5.2
    bottom = y + h - 0.8

    event_lines = events[:2]
    for event in event_lines:
        if event.day_off and not event.half_day:
            pdf.font(6.6, bold=True, color=_HOLIDAY_TEXT)
        elif event.half_day:
            pdf.font(6.6, bold=True, color=_HALF_DAY_TEXT)
        elif event.tone is Tone.COMMEMORATION:
            pdf.font(6.6, bold=True, color=_TEXT)
        elif event.tone is Tone.RELIGIOUS_GREETING:
            pdf.font(6.6, color=_GREETING_TEXT)
        else:
            pdf.font(6.6, color=_DAY_TEXT)
        more = f" (+{len(events) - len(event_lines)})" if event is event_lines[-1] and len(events) > 2 else ""
        pdf.put(x + pad, top, inner, 2.9, _shorter(pdf, _cell_label(event), inner, more))
        top += 2.9
    if event_lines:
        top += 0.6

    posts = layout.posts.get(day, []) if in_range else []
    if not posts:
        return
    entries = layout.entries.get(day, [])
    room = bottom - top
    title_h, channel_h, more_h = 3.1, 2.6, 2.8
    two_lines = len(posts) * (title_h + channel_h) <= room
    shown = len(posts)
    if not two_lines and len(posts) * title_h > room:
        shown = max(0, int((room - more_h) // title_h))
    for post in posts[:shown]:
        time_text = f"{to_local(post.at):%H:%M}"
        pdf.font(7, bold=True, color=_FAILED_TEXT if post.state is DeliveryState.FAILED else _TEXT)
        time_w = pdf.get_string_width(time_text) + 1.0
        pdf.put(x + pad, top, time_w, title_h, time_text)
        color = _DRAFT_TEXT if post.state is DeliveryState.DRAFT else _TEXT
        pdf.font(7, color=color)
        title = post.title
        if not two_lines and post.state in _FLAGGED:
            title += f" · {STATE_NAMES[post.state]}"
        pdf.put(x + pad + time_w, top, inner - time_w, title_h, title)
        top += title_h
        if two_lines:
            line = " ".join(_channel_codes(entries, post.post_id))
            if post.state in _FLAGGED:
                line += f" · {STATE_NAMES[post.state]}"
            pdf.font(5.9, color=_FAILED_TEXT if post.state is DeliveryState.FAILED else _MUTED)
            pdf.put(x + pad + time_w, top - 0.3, inner - time_w, channel_h, line)
            top += channel_h
    if shown < len(posts):
        pdf.font(6, bold=True, color=_MUTED)
        pdf.put(x + pad, top, inner, more_h, f"+{len(posts) - shown} gönderi daha (liste)")


# -- the list and the approval block ---------------------------------------------------------


def _list_day_heading(day: date, events: Sequence[DayEvent]) -> str:
    text = format_day(day, weekday=True)
    names: list[str] = []
    for event in events:
        if _is_band(event):
            if event.start == day:
                names.append(f"{day_event_title(event)} başlıyor ({_short_span(event)})")
        else:
            names.append(day_event_title(event))
    return f"{text} — {'; '.join(names)}" if names else text


def _channels_text(entries: Sequence[CalendarEntry], post: DayPost) -> str:
    mine = sorted((e for e in entries if e.post_id == post.post_id), key=lambda e: _PLATFORM_ORDER[e.platform])
    if len({entry.state for entry in mine}) <= 1:
        return ", ".join(entry.channel_name for entry in mine)
    return ", ".join(f"{entry.channel_name} ({STATE_NAMES[entry.state]})" for entry in mine)


def _summary(posts: dict[date, list[DayPost]], entries: dict[date, list[CalendarEntry]]) -> str:
    all_posts = [post for day_posts in posts.values() for post in day_posts]
    deliveries = sum(len(items) for items in entries.values())
    if not all_posts:
        return "Bu dönemde planlanmış gönderi yok."
    states: dict[DeliveryState, int] = defaultdict(int)
    for post in all_posts:
        states[post.state] += 1
    parts = [f"{count} {STATE_NAMES[state].casefold()}" for state, count in sorted(states.items(), key=lambda i: -i[1])]
    return f"{len(all_posts)} gönderi, {deliveries} kanal teslimi: " + ", ".join(parts) + "."


def _draw_list(
    pdf: _PlanPdf,
    plan: ExportPlan,
    posts: dict[date, list[DayPost]],
    entries: dict[date, list[CalendarEntry]],
) -> None:
    title = f"Yayın Listesi — {format_range(plan.first, plan.last)}"
    pdf.running_header = ""
    pdf.add_page()
    pdf.running_header = title
    pdf.set_y(_TOP)
    if plan.institution:
        pdf.font(10, bold=True, color=_MUTED)
        pdf.put(_MARGIN_X, pdf.get_y(), _CONTENT_W, 5, plan.institution)
        pdf.set_y(pdf.get_y() + 5.5)
    pdf.font(15, bold=True)
    pdf.put(_MARGIN_X, pdf.get_y(), _CONTENT_W, 7, title)
    pdf.set_y(pdf.get_y() + 8)
    pdf.font(8.5, color=_MUTED)
    pdf.put(_MARGIN_X, pdf.get_y(), _CONTENT_W, 4.5, _summary(posts, entries))
    pdf.set_y(pdf.get_y() + 7)

    day_events: dict[date, list[DayEvent]] = defaultdict(list)
    for plan_day in plan.days:
        event = plan_day.event
        for covered in event.span.days():
            if plan.first <= covered <= plan.last and (not _is_band(event) or covered == event.start):
                day_events[covered].append(event)
    days = sorted(set(posts) | set(day_events))

    pdf.font(8)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(*_RULE)
    widths = (14, 100, 94, 27, 38)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=_HEAD_FILL)
    with pdf.table(
        col_widths=widths,
        width=_CONTENT_W,
        align="LEFT",
        text_align="LEFT",
        line_height=3.9,
        headings_style=heading,
        padding=(0.9, 1.2),
        borders_layout="HORIZONTAL_LINES",
    ) as table:
        row = table.row()
        for name in ("Saat", "Başlık", "Kanallar", "Durum", "Kategori"):
            row.cell(name)
        for day in days:
            events = sorted(day_events.get(day, []), key=lambda e: (_is_band(e), _event_rank(e)))
            holiday = any(e.day_off and not e.half_day for e in events)
            half_day = any(e.half_day for e in events)
            style = FontFace(
                emphasis="BOLD",
                color=_HOLIDAY_TEXT if holiday else _HALF_DAY_TEXT if half_day else _TEXT,
                fill_color=_HOLIDAY_FILL if holiday else _HALF_DAY_FILL if half_day else _DAY_ROW_FILL,
            )
            table.row().cell(pdf.clean(_list_day_heading(day, events)), colspan=5, style=style)
            day_posts = posts.get(day, [])
            if not day_posts:
                table.row().cell("Planlanmış gönderi yok.", colspan=5, style=FontFace(color=_MUTED))
            for post in day_posts:
                row = table.row()
                color = _FAILED_TEXT if post.state is DeliveryState.FAILED else _TEXT
                row.cell(f"{to_local(post.at):%H:%M}")
                row.cell(pdf.clean(post.title) or "(başlıksız)")
                row.cell(pdf.clean(_channels_text(entries.get(day, []), post)))
                row.cell(STATE_NAMES[post.state], style=FontFace(color=color))
                category = next((e.category for e in entries.get(day, []) if e.post_id == post.post_id), None)
                row.cell(CATEGORY_NAMES[category] if category is not None else "")
        if not days:
            table.row().cell("Bu dönemde gösterilecek gün ya da gönderi yok.", colspan=5)

    _draw_approval(pdf, plan, sum(len(p) for p in posts.values()))


def _draw_approval(pdf: _PlanPdf, plan: ExportPlan, post_count: int) -> None:
    needed = 82.0  # heading, sentence and the table with the signature row
    if pdf.get_y() + needed > _PAGE_H - _BREAK_MARGIN:
        pdf.add_page()
    pdf.set_y(pdf.get_y() + 6)
    pdf.font(12, bold=True)
    pdf.put(_MARGIN_X, pdf.get_y(), _CONTENT_W, 6, "Onay")
    pdf.set_y(pdf.get_y() + 7)
    pdf.font(8.5)
    pdf.put(
        _MARGIN_X,
        pdf.get_y(),
        _CONTENT_W,
        4.5,
        f"{format_range(plan.first, plan.last)} dönemine ait {post_count} gönderilik yayın planı "
        "bilgilerinize ve onaylarınıza arz olunur.",
    )
    pdf.set_y(pdf.get_y() + 7)
    pdf.font(9)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(*_RULE)
    heading = FontFace(emphasis="BOLD", fill_color=_DAY_ROW_FILL)
    with pdf.table(
        col_widths=(30, 90, 90),
        width=210,
        align="LEFT",
        text_align="LEFT",
        line_height=5,
        headings_style=heading,
        padding=(1.5, 2),
    ) as table:
        row = table.row()
        for name in ("", "Hazırlayan", "Onaylayan"):
            row.cell(name)
        for label, height in (("Adı Soyadı", None), ("Unvanı", None), ("Tarih", None), ("İmza", 22.0)):
            row = table.row(min_height=height, v_align="TOP")
            row.cell(label, style=FontFace(emphasis="BOLD"))
            row.cell("")
            row.cell("")


# --------------------------------------------------------------------------------------------
# Entry point


def _by_local_day(entries: Iterable[CalendarEntry]) -> dict[date, list[CalendarEntry]]:
    grouped: dict[date, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        grouped[to_local(entry.at).date()].append(entry)
    return dict(grouped)


def build_month_plan_pdf(plan: ExportPlan, *, fonts: FontPair | None = None, now: datetime | None = None) -> bytes:
    """The printable plan of ``plan`` as PDF bytes.

    Raises :class:`ExportError` (``no_font``) when no font with the Turkish letters is found.
    """
    fonts = fonts or find_fonts()
    stamp = to_local(now or utc_now())
    title = document_title(plan.first, plan.last)
    pdf = _PlanPdf(fonts, plan.institution, title, f"{stamp:%d.%m.%Y %H:%M}")
    pdf.set_title(f"{plan.institution} — {title}" if plan.institution else title)
    pdf.set_author(plan.institution or "Kurum Masaüstü")
    pdf.set_subject(f"Sosyal medya yayın planı, {format_range(plan.first, plan.last)}")
    pdf.set_creator("Kurum Masaüstü")
    pdf.set_keywords("yayın planı, sosyal medya, onay")
    pdf.set_lang("tr-TR")
    pdf.set_creation_date(stamp)
    pdf.alias_nb_pages()

    entries = _by_local_day(_live(plan.entries))
    posts = {day: group_by_post(items) for day, items in entries.items()}
    for year, month in _months(plan.first, plan.last):
        _draw_month(pdf, plan, _month_layout(plan, year, month, posts, entries))
    _draw_list(pdf, plan, posts, entries)
    return bytes(pdf.output())
