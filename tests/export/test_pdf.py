"""The printable monthly plan: A4 landscape, Turkish text that survives extraction, grid, list, approval.

Text is read back with ``pypdf`` (what a search or copy in a PDF reader gets); page 1 is also
rasterised with poppler's ``pdftoppm`` when it is installed, and its colours checked.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from kurum_masaustu.calendar_data import days_between
from kurum_masaustu.domain import Category, DeliveryState, Platform
from kurum_masaustu.export import ExportError, ExportPlan, plan_days
from kurum_masaustu.export.pdf import FontPair, build_month_plan_pdf, document_title, find_fonts
from kurum_masaustu.rules.timeutil import local_to_utc
from kurum_masaustu.services.posts import CalendarEntry

NOW = datetime(2026, 11, 26, 11, 5, tzinfo=UTC)
A4_LANDSCAPE = (841.89, 595.28)  # points
TURKISH = "ğüşıöçİĞÜŞÖÇ"


def entry(
    post_id: int,
    delivery_id: int,
    at: datetime,
    *,
    title: str = "Duyuru",
    state: DeliveryState = DeliveryState.SCHEDULED,
    channel: str = "Facebook Sayfası",
    platform: Platform = Platform.FACEBOOK,
) -> CalendarEntry:
    return CalendarEntry(
        post_id=post_id,
        delivery_id=delivery_id,
        title=title,
        at=at,
        state=state,
        channel_name=channel,
        platform=platform,
        color="#3B5BDB",
        category=Category.ANNOUNCEMENT,
    )


def plan_of(first: date, last: date, entries: Sequence[CalendarEntry] = (), institution: str = "") -> ExportPlan:
    events = days_between(date(first.year, 1, 1), date(last.year, 12, 31))
    return ExportPlan(first, last, plan_days(events, first, last), tuple(entries), institution)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_to_utc(day, time(hour, minute))


@pytest.fixture(scope="module")
def fonts() -> FontPair:
    return find_fonts()


@pytest.fixture(scope="module")
def november(fonts: FontPair) -> bytes:
    day = date(2026, 11, 24)
    entries = [
        entry(1, 1, at(day, 10), title=f"Öğretmenlerimize teşekkürler — {TURKISH}"),
        entry(1, 2, at(day, 10), title=f"Öğretmenlerimize teşekkürler — {TURKISH}", channel="X", platform=Platform.X),
        entry(2, 3, at(date(2026, 11, 19), 15), title="Muhtarlarla istişare", state=DeliveryState.DRAFT),
        entry(3, 4, at(date(2026, 11, 5), 10), title="İhale duyurusu 🎉 Gülbahçe", state=DeliveryState.FAILED),
        entry(4, 5, at(date(2026, 11, 6), 9), title="İptal edilen gönderi", state=DeliveryState.CANCELLED),
    ]
    plan = plan_of(date(2026, 11, 1), date(2026, 11, 30), entries, institution="T.C. Yeşilvadi Belediyesi")
    return build_month_plan_pdf(plan, fonts=fonts, now=NOW)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


# -- the document -------------------------------------------------------------------------------


def test_the_plan_is_a4_landscape_with_page_numbers_on_every_page(november: bytes) -> None:
    reader = PdfReader(io.BytesIO(november))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_LANDSCAPE
    texts = pages_text(november)
    for number, text in enumerate(texts, start=1):
        assert f"Sayfa {number} / {len(texts)}" in text


def test_metadata_names_the_plan_in_turkish(november: bytes) -> None:
    reader = PdfReader(io.BytesIO(november))
    info = reader.metadata
    assert info is not None
    assert info.title == "T.C. Yeşilvadi Belediyesi — Aylık Yayın Planı — Kasım 2026"
    assert info.author == "T.C. Yeşilvadi Belediyesi"
    assert info.creator == "Kurum Masaüstü"
    assert reader.root_object.get("/Lang") == "tr-TR"


def test_the_first_page_is_the_month_grid_monday_first(november: bytes) -> None:
    first = pages_text(november)[0]
    assert "T.C. Yeşilvadi Belediyesi" in first
    assert "Aylık Yayın Planı — Kasım 2026" in first
    assert "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar" in flat(first)
    assert "26 27 28 29 30 31 1" in first  # 1 Kasım 2026 is a Sunday: the week starts on 26 Ekim
    # Marked days: a commemoration, an important day; a week under the grid.
    assert "Atatürk'ü Anma Günü" in first
    assert "Öğretmenler Günü" in first
    assert "Haftalar ve aylar:" in first
    assert "Organ Bağışı Haftası (3–9 Kasım)" in first
    # Posts with time, title and channel marks; flagged states named.
    assert "10:00" in first
    assert "Öğretmenlerimize" in first
    assert "FB X" in first
    assert "Taslak" in first
    assert "Başarısız" in first
    assert "Kanallar: FB Facebook Sayfası · X" in first


def test_turkish_letters_survive_extraction_and_unprintable_characters_are_left_out(november: bytes) -> None:
    text = "\n".join(pages_text(november))
    assert TURKISH in text
    assert "İhale duyurusu Gülbahçe" in flat(text)  # the emoji has no glyph: left out, not a box
    assert "\ufffd" not in text


def test_cancelled_posts_are_not_in_the_plan(november: bytes) -> None:
    assert "İptal edilen gönderi" not in "\n".join(pages_text(november))


def test_the_list_shows_every_post_with_channels_state_and_days_without_posts(november: bytes) -> None:
    texts = pages_text(november)
    listing = flat("\n".join(texts[1:]))
    assert "Yayın Listesi — 1–30 Kasım 2026" in listing
    assert "3 gönderi, 4 kanal teslimi" in listing
    assert f"24 Kasım 2026 Salı — Öğretmenler Günü 10:00 Öğretmenlerimize teşekkürler — {TURKISH}" in listing
    assert "Facebook Sayfası, X Zamanlandı Duyuru" in listing
    assert "10 Kasım 2026 Salı — Atatürk'ü Anma Günü (saat 09.05 saygı duruşu); Atatürk Haftası başlıyor" in listing
    assert "Planlanmış gönderi yok." in listing
    assert "Muhtarlarla istişare Facebook Sayfası Taslak" in listing


def test_the_last_page_has_the_approval_block(november: bytes) -> None:
    last = flat(pages_text(november)[-1])
    assert "Onay" in last
    assert "dönemine ait 3 gönderilik yayın planı bilgilerinize ve onaylarınıza arz olunur" in last
    for word in ("Hazırlayan", "Onaylayan", "Adı Soyadı", "Unvanı", "Tarih", "İmza"):
        assert word in last


def test_no_glyph_is_reported_missing(fonts: FontPair, caplog: pytest.LogCaptureFixture) -> None:
    day = date(2026, 11, 3)
    plan = plan_of(day, day, [entry(1, 1, at(day, 9), title="Kutlu olsun 🇹🇷🎉 ✨ şenlik")])
    with caplog.at_level(logging.WARNING):
        build_month_plan_pdf(plan, fonts=fonts, now=NOW)
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


# -- ranges and crowded days --------------------------------------------------------------------


def test_a_range_over_two_months_gets_a_grid_per_month(fonts: FontPair) -> None:
    first, last = date(2026, 11, 15), date(2026, 12, 14)
    assert document_title(first, last) == "Yayın Planı — 15 Kasım – 14 Aralık 2026"
    assert document_title(date(2026, 11, 1), date(2026, 11, 30)) == "Aylık Yayın Planı — Kasım 2026"
    data = build_month_plan_pdf(plan_of(first, last, [entry(1, 1, at(date(2026, 12, 3), 11))]), fonts=fonts, now=NOW)
    texts = pages_text(data)
    assert "Aylık Yayın Planı — Kasım 2026" in texts[0]
    assert "Dönem: 15–30 Kasım 2026 · 0 gönderi" in texts[0]
    assert "plan dönemi dışında" in texts[0]
    assert "Aylık Yayın Planı — Aralık 2026" in texts[1]
    assert "Dönem: 1–14 Aralık 2026 · 1 gönderi" in texts[1]
    assert "Yayın Listesi — 15 Kasım – 14 Aralık 2026" in texts[2]
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert reader.metadata.title == "Yayın Planı — 15 Kasım – 14 Aralık 2026"


def test_holidays_and_the_half_day_are_marked(fonts: FontPair) -> None:
    data = build_month_plan_pdf(plan_of(date(2026, 10, 1), date(2026, 10, 31)), fonts=fonts, now=NOW)
    texts = pages_text(data)
    assert "Cumhuriyet Bayramı" in texts[0]
    assert "Yarım gün (13.00'ten)" in texts[0]
    assert "Resmî tatil" in texts[0]
    assert "Yarım gün (13.00'ten itibaren tatil)" in texts[0]
    listing = flat("\n".join(texts[1:]))
    assert "28 Ekim 2026 Çarşamba — Cumhuriyet Bayramı (13.00'ten itibaren)" in listing
    assert "29 Ekim 2026 Perşembe — Cumhuriyet Bayramı" in listing


def test_a_crowded_day_says_how_many_more_and_the_list_has_them_all(fonts: FontPair) -> None:
    day = date(2026, 11, 18)
    entries = [entry(i, i, at(day, 8) + timedelta(minutes=20 * i), title=f"Gönderi {i:02d}") for i in range(1, 16)]
    data = build_month_plan_pdf(plan_of(date(2026, 11, 1), date(2026, 11, 30), entries), fonts=fonts, now=NOW)
    texts = pages_text(data)
    match = re.search(r"\+(\d+) gönderi daha \(liste\)", texts[0])
    assert match is not None
    shown = sum(f"Gönderi {i:02d}" in texts[0] for i in range(1, 16))
    assert shown + int(match[1]) == 15
    listing = "\n".join(texts[1:])
    assert all(f"Gönderi {i:02d}" in listing for i in range(1, 16))


def test_many_posts_flow_over_list_pages_and_keep_the_approval_block_whole(fonts: FontPair) -> None:
    first = date(2026, 11, 1)
    entries = [
        entry(i, i, at(first + timedelta(days=i % 30), 9 + i % 9), title=f"Planlı gönderi {i}") for i in range(1, 241)
    ]
    data = build_month_plan_pdf(plan_of(first, date(2026, 11, 30), entries), fonts=fonts, now=NOW)
    texts = pages_text(data)
    assert len(texts) > 4
    listing = "\n".join(texts[1:])
    assert all(f"Planlı gönderi {i}\n" in listing + "\n" or f"Planlı gönderi {i} " in listing for i in (1, 120, 240))
    last = texts[-1]
    assert "Hazırlayan" in last
    assert "İmza" in last
    assert "Saat" in texts[2]
    assert "Başlık" in texts[2]


def test_an_empty_plan_still_prints_the_month_and_the_approval(fonts: FontPair) -> None:
    data = build_month_plan_pdf(plan_of(date(2027, 2, 1), date(2027, 2, 28)), fonts=fonts, now=NOW)
    texts = pages_text(data)
    assert "Aylık Yayın Planı — Şubat 2027" in texts[0]
    assert "Bu dönemde planlanmış gönderi yok." in flat(texts[-1])
    assert "Onaylayan" in texts[-1]


# -- fonts ----------------------------------------------------------------------------------------


def test_no_usable_font_is_a_clear_turkish_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as raised:
        find_fonts([(tmp_path, True)])
    assert raised.value.code == "no_font"
    assert "Türkçe harfleri" in str(raised.value)


def test_the_font_found_has_the_turkish_letters(fonts: FontPair) -> None:
    from fontTools.ttLib import TTFont

    for path in (fonts.regular, fonts.bold):
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap()
        assert all(ord(letter) in cmap for letter in TURKISH + "—…")


# -- what a person sees --------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_page_one_rasterises_with_holiday_colours(fonts: FontPair, tmp_path: Path) -> None:
    from PIL import Image

    pdf = tmp_path / "ekim.pdf"
    pdf.write_bytes(build_month_plan_pdf(plan_of(date(2026, 10, 1), date(2026, 10, 31)), fonts=fonts, now=NOW))
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "sayfa")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    (png,) = tmp_path.glob("sayfa*.png")
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        assert rgb.width > rgb.height  # landscape
        colours = {colour for _, colour in rgb.getcolors(maxcolors=1 << 20) or []}
    assert (253, 232, 232) in colours  # 29 Ekim, a public holiday
    assert (255, 243, 224) in colours  # 28 Ekim afternoon, the half day
