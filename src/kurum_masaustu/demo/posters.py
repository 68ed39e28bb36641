"""Flat announcement posters for the demo, and their alt texts.

A poster is a coloured background with soft circles, the institution's header, a white pictogram,
the title and subtitle, and a footer band. The only module of the demo that uses Pillow, which is
imported when a poster is drawn, not when the module loads.
"""

from __future__ import annotations

import functools
import io
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from kurum_masaustu.demo.content import SITE, Art

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

    _Font: TypeAlias = ImageFont.FreeTypeFont | ImageFont.ImageFont
    #: Draws a pictogram into the square at (x, y) with side s, in fg over the bg colour.
    _Painter: TypeAlias = Callable[[ImageDraw.ImageDraw, float, float, float, str, str], None]


class _Look(NamedTuple):
    background: str
    accent: str
    colour_name: str  # the background, as the alt text names it
    pictogram: str  # the icon, as the alt text describes it


#: The look of each icon's poster.
_LOOKS: dict[str, _Look] = {
    "drop": _Look("#1971C2", "#4DABF7", "mavi", "beyaz su damlası"),
    "cone": _Look("#D9480F", "#FF922B", "turuncu", "beyaz trafik konisi"),
    "recycle": _Look("#2B8A3E", "#51CF66", "yeşil", "beyaz geri dönüşüm"),
    "battery": _Look("#087F5B", "#20C997", "koyu yeşil", "beyaz pil"),
    "book": _Look("#5F3DC4", "#845EF7", "mor", "beyaz açık kitap"),
    "warning": _Look("#343A40", "#FCC419", "koyu gri", "sarı uyarı üçgeni"),
    "masks": _Look("#A61E4D", "#F06595", "bordo", "beyaz tiyatro maskeleri"),
    "tree": _Look("#5C940D", "#94D82D", "çimen yeşili", "beyaz ağaç"),
    "note": _Look("#364FC7", "#748FFC", "lacivert", "beyaz müzik notası"),
    "star": _Look("#0B7285", "#22B8CF", "camgöbeği", "beyaz yıldız"),
    "heart": _Look("#C2255C", "#F783AC", "pembe", "beyaz kalp"),
    "crescent": _Look("#0C5D56", "#38A3A5", "koyu turkuaz", "beyaz hilal ve yıldız"),
}

#: Font files tried in order (Linux, Windows, macOS); Pillow's own font is the fallback.
_BOLD_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "C:/Windows/Fonts/segoeuib.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
)
_REGULAR_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/segoeui.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
)


def poster(art: Art) -> tuple[bytes, str]:
    """PNG (square) or JPEG (landscape) bytes of a flat poster, and its file name."""
    from PIL import Image, ImageDraw

    width, height = (1200, 675) if art.landscape else (1080, 1080)
    look = _LOOKS[art.icon]
    image = Image.new("RGB", (width, height), look.background)
    draw = ImageDraw.Draw(image)
    unit = height / 100
    soft = _blend(look.background, look.accent, 0.5)  # decoration stays behind white text with enough contrast
    draw.ellipse((width - 55 * unit, -30 * unit, width + 25 * unit, 45 * unit), fill=soft)
    draw.ellipse((-30 * unit, height - 22 * unit, 22 * unit, height + 30 * unit), fill=soft)
    margin = 7 * unit
    _draw_header(draw, margin, unit, look.background)
    side = (34 if art.landscape else 26) * unit
    icon_x = width - margin - side
    icon_y = (height - side) / 2 - 5 * unit if art.landscape else 20 * unit
    fg = look.accent if art.icon == "warning" else "white"
    _ICONS[art.icon](draw, icon_x, icon_y, side, fg, soft)
    text_width = (icon_x - 2 * margin) if art.landscape else width - 2 * margin
    _draw_texts(draw, art, margin, text_width, unit)
    _draw_footer(draw, width, height, unit)
    data, suffix = _encode(image, art.landscape)
    return data, f"{_slug(art.title)}.{suffix}"


def alt_text(art: Art) -> str:
    """The poster described for screen readers: colours, pictogram, title and subtitle."""
    look = _LOOKS[art.icon]
    subtitle = art.subtitle if art.subtitle.endswith((".", "!", "?")) else f"{art.subtitle}."
    return (
        f"{look.colour_name.capitalize()} zemin üzerinde {look.pictogram} simgesi bulunan Yeşilvadi Belediyesi "
        f"duyuru görseli. Başlık: “{art.title}”. {subtitle}"
    )


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------


def _draw_header(draw: ImageDraw.ImageDraw, margin: float, unit: float, bg: str) -> None:
    """A round leaf logo and the institution's name."""
    logo = 7 * unit
    draw.ellipse((margin, margin, margin + logo, margin + logo), fill="white")
    draw.ellipse((margin + logo * 0.28, margin + logo * 0.18, margin + logo * 0.72, margin + logo * 0.82), fill=bg)
    draw.line(
        (margin + logo * 0.5, margin + logo * 0.25, margin + logo * 0.5, margin + logo * 0.85),
        fill="white",
        width=max(int(logo * 0.06), 1),
    )
    draw.text(
        (margin + logo * 1.3, margin + logo * 0.5),
        "YEŞİLVADİ BELEDİYESİ",
        font=_font(int(4.2 * unit), True),
        fill="white",
        anchor="lm",
    )


def _draw_texts(draw: ImageDraw.ImageDraw, art: Art, margin: float, text_width: float, unit: float) -> None:
    """The title, shrunk until it fits in three lines, and up to three lines of subtitle."""
    top = 27 * unit if art.landscape else 52 * unit
    size = int((11 if art.landscape else 8) * unit)
    title_font = _font(size, True)
    lines = _wrap(draw, art.title, title_font, text_width)
    while len(lines) > 3 and size > 4 * unit:
        size = int(size * 0.88)
        title_font = _font(size, True)
        lines = _wrap(draw, art.title, title_font, text_width)
    for line in lines:
        draw.text((margin, top), line, font=title_font, fill="white")
        top += size * 1.18
    sub_size = (5.4 if art.landscape else 4.4) * unit
    sub_font = _font(int(sub_size), False)
    for line in _wrap(draw, art.subtitle, sub_font, text_width)[:3]:
        draw.text((margin, top + 2 * unit), line, font=sub_font, fill="#F1F3F5")
        top += sub_size * 1.3


def _draw_footer(draw: ImageDraw.ImageDraw, width: int, height: int, unit: float) -> None:
    draw.rectangle((0, height - 9 * unit, width, height), fill="#212529")
    draw.text(
        (width / 2, height - 4.5 * unit),
        f"{SITE}   •   Alo 153",
        font=_font(int(3.6 * unit), False),
        fill="white",
        anchor="mm",
    )


def _encode(image: Image.Image, landscape: bool) -> tuple[bytes, str]:
    """JPEG for landscape posters, PNG for square ones; with the file suffix."""
    out = io.BytesIO()
    if landscape:
        image.save(out, format="JPEG", quality=90)
        suffix = "jpg"
    else:
        image.save(out, format="PNG")
        suffix = "png"
    return out.getvalue(), suffix


def _slug(title: str) -> str:
    """ASCII file name stem: ``İstasyon Caddesi'nde`` → ``istasyon-caddesinde``."""
    ascii_title = title.replace("'", "").translate(str.maketrans("çğıöşüâîİIÇĞÖŞÜ", "cgiosuaiiicgosu"))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower())
    return slug.strip("-")[:60]


def _blend(a: str, b: str, t: float) -> str:
    ca, cb = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (a, b))
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(ca, cb, strict=True))


@functools.lru_cache(maxsize=32)
def _font(size: int, bold: bool) -> _Font:
    from PIL import ImageFont

    for candidate in _BOLD_FONTS if bold else _REGULAR_FONTS:
        if Path(candidate).is_file():
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: _Font, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and draw.textlength(trial, font=font) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------------------------
# Pictograms: each draws into the square at (x, y) with side s
# ---------------------------------------------------------------------------------------------


def _drop(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    draw.ellipse((x + s * 0.2, y + s * 0.35, x + s * 0.8, y + s * 0.95), fill=fg)
    draw.polygon([(cx, y + s * 0.02), (x + s * 0.23, y + s * 0.58), (x + s * 0.77, y + s * 0.58)], fill=fg)
    draw.ellipse((x + s * 0.33, y + s * 0.6, x + s * 0.45, y + s * 0.75), fill=bg)


def _cone(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    draw.polygon([(cx, y + s * 0.05), (x + s * 0.2, y + s * 0.85), (x + s * 0.8, y + s * 0.85)], fill=fg)
    for top, bottom in ((0.35, 0.45), (0.6, 0.7)):
        half_t, half_b = 0.3 * top + 0.02, 0.3 * bottom + 0.02
        draw.polygon(
            [
                (cx - s * half_t, y + s * top),
                (cx + s * half_t, y + s * top),
                (cx + s * half_b, y + s * bottom),
                (cx - s * half_b, y + s * bottom),
            ],
            fill=bg,
        )
    draw.rounded_rectangle((x + s * 0.08, y + s * 0.85, x + s * 0.92, y + s * 0.95), radius=s * 0.03, fill=fg)


def _recycle(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx, cy, w = x + s / 2, y + s / 2, _stroke(s)
    draw.arc((x + s * 0.1, y + s * 0.1, x + s * 0.9, y + s * 0.9), 0, 360, fill=fg, width=w * 2)
    for k in range(3):
        angle = math.radians(90 + 120 * k)
        px, py = cx + s * 0.4 * math.cos(angle), cy - s * 0.4 * math.sin(angle)
        tip = math.radians(90 + 120 * k - 90)
        draw.polygon(
            [
                (px + s * 0.14 * math.cos(tip), py - s * 0.14 * math.sin(tip)),
                (px - s * 0.1, py - s * 0.1),
                (px + s * 0.1, py + s * 0.1),
            ],
            fill=fg,
        )
        draw.ellipse((px - s * 0.07, py - s * 0.07, px + s * 0.07, py + s * 0.07), fill=bg)


def _battery(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    draw.rounded_rectangle((x + s * 0.25, y + s * 0.15, x + s * 0.75, y + s * 0.95), radius=s * 0.06, fill=fg)
    draw.rectangle((x + s * 0.4, y + s * 0.05, x + s * 0.6, y + s * 0.15), fill=fg)
    draw.polygon(
        [
            (cx + s * 0.05, y + s * 0.28),
            (cx - s * 0.12, y + s * 0.58),
            (cx, y + s * 0.58),
            (cx - s * 0.05, y + s * 0.82),
            (cx + s * 0.12, y + s * 0.5),
            (cx, y + s * 0.5),
        ],
        fill=bg,
    )


def _book(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    for edge in (x + s * 0.05, x + s * 0.95):
        draw.polygon([(cx, y + s * 0.25), (edge, y + s * 0.15), (edge, y + s * 0.8), (cx, y + s * 0.9)], fill=fg)
    draw.line((cx, y + s * 0.25, cx, y + s * 0.9), fill=bg, width=_stroke(s))


def _warning(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    draw.polygon([(cx, y + s * 0.05), (x + s * 0.02, y + s * 0.92), (x + s * 0.98, y + s * 0.92)], fill=fg)
    draw.rounded_rectangle((cx - s * 0.05, y + s * 0.33, cx + s * 0.05, y + s * 0.68), radius=s * 0.04, fill=bg)
    draw.ellipse((cx - s * 0.055, y + s * 0.74, cx + s * 0.055, y + s * 0.85), fill=bg)


def _masks(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    w = _stroke(s)
    for dx, mouth in ((-0.12, (200, 340)), (0.12, (20, 160))):
        left = x + s * (0.15 + dx)
        draw.ellipse((left, y + s * 0.15, left + s * 0.5, y + s * 0.85), fill=fg, outline=bg, width=w)
        for ex in (0.14, 0.3):
            draw.ellipse((left + s * ex, y + s * 0.35, left + s * (ex + 0.07), y + s * 0.43), fill=bg)
        draw.arc((left + s * 0.12, y + s * 0.5, left + s * 0.38, y + s * 0.72), *mouth, fill=bg, width=w)


def _tree(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    draw.rectangle((cx - s * 0.06, y + s * 0.55, cx + s * 0.06, y + s * 0.95), fill=fg)
    for ox, oy, r in ((0, 0.3, 0.25), (-0.17, 0.45, 0.2), (0.17, 0.45, 0.2)):
        draw.ellipse((cx + s * (ox - r), y + s * (oy - r), cx + s * (ox + r), y + s * (oy + r)), fill=fg)


def _note(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    for nx in (0.18, 0.62):
        draw.ellipse((x + s * nx, y + s * 0.68, x + s * (nx + 0.22), y + s * 0.88), fill=fg)
        draw.rectangle((x + s * (nx + 0.16), y + s * 0.18, x + s * (nx + 0.22), y + s * 0.78), fill=fg)
    draw.polygon(
        [
            (x + s * 0.34, y + s * 0.12),
            (x + s * 0.84, y + s * 0.02),
            (x + s * 0.84, y + s * 0.14),
            (x + s * 0.34, y + s * 0.24),
        ],
        fill=fg,
    )


def _heart(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    cx = x + s / 2
    draw.ellipse((x + s * 0.08, y + s * 0.15, x + s * 0.52, y + s * 0.6), fill=fg)
    draw.ellipse((x + s * 0.48, y + s * 0.15, x + s * 0.92, y + s * 0.6), fill=fg)
    draw.polygon([(x + s * 0.1, y + s * 0.45), (x + s * 0.9, y + s * 0.45), (cx, y + s * 0.92)], fill=fg)


def _star(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    _star_at(draw, x + s / 2, y + s / 2, s, fg)


def _crescent(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, fg: str, bg: str) -> None:
    draw.ellipse((x + s * 0.05, y + s * 0.1, x + s * 0.85, y + s * 0.9), fill=fg)
    draw.ellipse((x + s * 0.25, y + s * 0.05, x + s * 1.0, y + s * 0.8), fill=bg)
    _star_at(draw, x + s * 0.72, y + s * 0.48, s * 0.35, fg)


def _star_at(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, fg: str) -> None:
    """A five-pointed star centred on (cx, cy), fitting a square of side s."""
    points = []
    for k in range(10):
        r = s * (0.48 if k % 2 == 0 else 0.2)
        angle = math.radians(90 + 36 * k)
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    draw.polygon(points, fill=fg)


def _stroke(s: float) -> int:
    return max(int(s * 0.06), 2)


_ICONS: dict[str, _Painter] = {
    "drop": _drop,
    "cone": _cone,
    "recycle": _recycle,
    "battery": _battery,
    "book": _book,
    "warning": _warning,
    "masks": _masks,
    "tree": _tree,
    "note": _note,
    "star": _star,
    "heart": _heart,
    "crescent": _crescent,
}
