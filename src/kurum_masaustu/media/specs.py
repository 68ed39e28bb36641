"""What each platform accepts per placement: sizes, aspect ratios, formats, byte limits. Pure.

The numbers come from ``reference/platform_apis.md`` (section in each ``source``). Where the
reference gives a range or disagreeing sources, the stricter number is used, so a prepared file
is accepted by every reading; where it says nothing, the rule is the app's own choice and the
``source`` says so ("app choice"). Platforms that publish limits at runtime (Mastodon's
``/api/v2/instance``) may be stricter or looser than the defaults here; the adapters check again.

Image placements
----------------
``feed``
    one picture in a post. Cropped only where the platform has an aspect range (Instagram
    4:5–1.91:1, Telegram at most 20:1), otherwise the picture keeps its shape; scaled down to
    the platform's size.
``story``
    full-screen 9:16, exactly 1080 × 1920 (Facebook, Instagram and the manual channel only).
``link_card``
    the picture of a link preview (Open Graph image, Bluesky ``embed.external`` thumb,
    LinkedIn ``article.thumbnail``): exactly 1200 × 628 (1.91:1). Instagram has no link cards.
``carousel``
    one item of a swipeable set: Instagram and Facebook crop every item to the same square
    (Instagram shows every item in the first one's shape, so one fixed shape keeps a set
    consistent); the other platforms show a multi-picture post and use their feed rule.

Output format: JPEG (every platform takes it; Instagram only JPEG); PNG when the picture has
real transparency and the platform takes PNG; GIF, animated, in the feed where the platform
plays GIFs (``gif`` rule), otherwise the first frame.

Video placements are ``feed``, ``story`` and ``reel``; see :func:`video_spec`.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import astuple, dataclass, replace
from enum import StrEnum

from kurum_masaustu.domain import Platform
from kurum_masaustu.media import errors

UNBOUNDED = math.inf


class Placement(StrEnum):
    FEED = "feed"
    STORY = "story"
    LINK_CARD = "link_card"
    CAROUSEL = "carousel"
    REEL = "reel"  #: video only


class ImageFormat(StrEnum):
    JPEG = "JPEG"
    PNG = "PNG"
    GIF = "GIF"
    WEBP = "WEBP"

    @property
    def extension(self) -> str:
        return {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}[self.value]

    @property
    def mime_type(self) -> str:
        return f"image/{self.value.lower()}"


PLATFORM_NAMES: dict[Platform, str] = {
    Platform.FACEBOOK: "Facebook",
    Platform.INSTAGRAM: "Instagram",
    Platform.X: "X",
    Platform.LINKEDIN: "LinkedIn",
    Platform.MASTODON: "Mastodon",
    Platform.BLUESKY: "Bluesky",
    Platform.TELEGRAM: "Telegram",
    Platform.MANUAL: "Elle paylaşım",
}

PLACEMENT_NAMES: dict[Placement, str] = {
    Placement.FEED: "akış gönderisi",
    Placement.STORY: "hikâye",
    Placement.LINK_CARD: "bağlantı kartı",
    Placement.CAROUSEL: "çoklu görsel (karusel)",
    Placement.REEL: "reels",
}


@dataclass(frozen=True, slots=True)
class GifRule:
    """An animated GIF is kept (not reduced to its first frame) within these limits."""

    max_bytes: int
    max_width: int
    max_height: int
    max_frames: int


@dataclass(frozen=True, slots=True)
class ImageSpec:
    """How one platform wants one placement's picture.

    The picture is cropped (around the focal point) when its aspect ratio (width / height) is
    outside ``min_ratio``…``max_ratio``; a fixed shape has both equal. It is then scaled to fit
    ``max_width`` × ``max_height`` (and ``max_pixels``), and scaled *up* to ``min_width`` when
    narrower. ``formats`` are those the platform accepts, the first for photos.
    """

    platform: Platform
    placement: Placement
    min_ratio: float
    max_ratio: float
    max_width: int
    max_height: int
    max_bytes: int
    formats: tuple[ImageFormat, ...]
    min_width: int = 0
    max_pixels: int | None = None
    gif: GifRule | None = None
    source: str = ""

    @property
    def fixed_ratio(self) -> float | None:
        return self.min_ratio if self.min_ratio == self.max_ratio else None

    @property
    def crops(self) -> bool:
        """Whether some pictures are cropped (else the focal point does not matter)."""
        return self.min_ratio > 0 or self.max_ratio < UNBOUNDED

    @property
    def exact_size(self) -> tuple[int, int] | None:
        """The output size when it never varies (stories, link cards)."""
        if self.fixed_ratio is not None and self.min_width == self.max_width:
            return self.max_width, round(self.max_width / self.fixed_ratio)
        return None

    def accepts(self, fmt: ImageFormat) -> bool:
        return fmt in self.formats

    def digest(self) -> str:
        """A short fingerprint of the rule: prepared files are cached under it, so a changed
        rule never serves a file made under the old one."""
        return hashlib.sha256(repr(astuple(self)).encode()).hexdigest()[:8]

    def output_size(self, crop_width: float, crop_height: float) -> tuple[int, int]:
        """The pixel size a crop of ``crop_width`` × ``crop_height`` is scaled to."""
        exact = self.exact_size
        if exact is not None:
            return exact
        scale = min(1.0, self.max_width / crop_width, self.max_height / crop_height)
        if self.max_pixels is not None and crop_width * crop_height * scale * scale > self.max_pixels:
            scale = math.sqrt(self.max_pixels / (crop_width * crop_height))
        if crop_width * scale < self.min_width:
            scale = self.min_width / crop_width
        ratio = crop_width / crop_height
        width = max(1, round(crop_width * scale))
        fixed = self.fixed_ratio
        height = max(1, round(width / fixed) if fixed is not None else round(width / ratio))
        return width, height


def crop_box(
    width: float, height: float, min_ratio: float, max_ratio: float, focal: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The largest box of an allowed aspect ratio inside ``width`` × ``height``, centred on
    ``focal`` (fractions of width and height) as far as the picture's edges allow."""
    ratio = width / height
    crop_w, crop_h = float(width), float(height)
    if ratio > max_ratio:
        crop_w = height * max_ratio
    elif ratio < min_ratio:
        crop_h = width / min_ratio
    fx, fy = focal
    left = min(max(fx * width - crop_w / 2, 0.0), width - crop_w)
    top = min(max(fy * height - crop_h / 2, 0.0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


# --------------------------------------------------------------------------------------------
# Image rules
# --------------------------------------------------------------------------------------------

_STORY = 9 / 16
_CARD = 1.91
_J = (ImageFormat.JPEG,)
_JP = (ImageFormat.JPEG, ImageFormat.PNG)
_JPG = (ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF)
_JPWG = (ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.GIF)
_JPW = (ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP)


def _feed(
    platform: Platform,
    edge: int,
    max_bytes: int,
    formats: tuple[ImageFormat, ...],
    source: str,
    *,
    ratios: tuple[float, float] = (0.0, UNBOUNDED),
    max_pixels: int | None = None,
    gif: GifRule | None = None,
    min_width: int = 0,
    max_height: int | None = None,
) -> ImageSpec:
    return ImageSpec(
        platform,
        Placement.FEED,
        ratios[0],
        ratios[1],
        edge,
        max_height or edge,
        max_bytes,
        formats,
        min_width=min_width,
        max_pixels=max_pixels,
        gif=gif,
        source=source,
    )


def _story(platform: Platform, max_bytes: int, formats: tuple[ImageFormat, ...], source: str) -> ImageSpec:
    return ImageSpec(platform, Placement.STORY, _STORY, _STORY, 1080, 1920, max_bytes, formats, 1080, source=source)


def _card(platform: Platform, max_bytes: int, formats: tuple[ImageFormat, ...], source: str) -> ImageSpec:
    return ImageSpec(platform, Placement.LINK_CARD, _CARD, _CARD, 1200, 628, max_bytes, formats, 1200, source=source)


def _square(platform: Platform, max_bytes: int, formats: tuple[ImageFormat, ...], source: str) -> ImageSpec:
    return ImageSpec(platform, Placement.CAROUSEL, 1.0, 1.0, 1080, 1080, max_bytes, formats, source=source)


def _as_carousel(feed: ImageSpec) -> ImageSpec:
    return ImageSpec(
        feed.platform,
        Placement.CAROUSEL,
        feed.min_ratio,
        feed.max_ratio,
        feed.max_width,
        feed.max_height,
        feed.max_bytes,
        feed.formats,
        feed.min_width,
        feed.max_pixels,
        None,
        feed.source,
    )


_FB_BYTES = 4_000_000  # "4 MB"; read as decimal megabytes, the smaller reading
_IG_BYTES = 8 * 1024 * 1024  # "less than 8 MiB" (error subcode 2207004)
_X_BYTES = 5_000_000
_LI_BYTES = 5_000_000  # sources say 5–8 MB: the smaller
_MA_BYTES = 16_777_216
_BS_BYTES = 2_000_000  # lexicon app.bsky.embed.images maxSize
_BS_CARD_BYTES = 1_000_000  # lexicon app.bsky.embed.external thumb maxSize
_TG_BYTES = 10_000_000
_TG_URL_BYTES = 5_000_000
_MANUAL_BYTES = 5_000_000

_fb_feed = _feed(
    Platform.FACEBOOK,
    2048,
    _FB_BYTES,
    _JPG,
    "§1.3 [sec]: 4 MB, JPG/PNG (GIF accepted); 2048 px edge: app choice",
    gif=GifRule(_FB_BYTES, 1280, 1280, 350),
)
_ig_feed = _feed(
    Platform.INSTAGRAM,
    1080,
    _IG_BYTES,
    _J,
    "§2.2: JPEG, < 8 MiB, aspect 4:5–1.91:1, width 320–1440 (1080: Instagram's display width)",
    ratios=(4 / 5, 1.91),
    min_width=320,
    max_height=1350,
)
_x_feed = _feed(
    Platform.X,
    2048,
    _X_BYTES,
    _JPWG,
    "§3.3: ≤5 MB, JPG/PNG/GIF/WEBP; GIF ≤15 MB, ≤1280×1080, ≤350 frames",
    gif=GifRule(15_000_000, 1280, 1080, 350),
)
_li_feed = _feed(
    Platform.LINKEDIN,
    2048,
    _LI_BYTES,
    _JPG,
    "§4.3 [sec]: JPG/PNG/GIF, < 36,152,320 px, 5–8 MB (5), GIF ~250 frames",
    max_pixels=36_152_319,
    gif=GifRule(_LI_BYTES, 1280, 1280, 250),
)
_ma_feed = _feed(
    Platform.MASTODON,
    2048,
    _MA_BYTES,
    _JPWG,
    "§5.4 defaults: 16 MiB, 33,177,600 px; GIF becomes gifv",
    max_pixels=33_177_600,
    gif=GifRule(_MA_BYTES, 1280, 1280, 1000),
)
_bs_feed = _feed(
    Platform.BLUESKY, 2000, _BS_BYTES, _JPW, "§6.2, lexicon app.bsky.embed.images: image/*, ≤2,000,000 B (static)"
)
_tg_feed = _feed(
    Platform.TELEGRAM,
    2560,
    _TG_BYTES,
    _J,
    "§7.2 sendPhoto: ≤10 MB, width+height ≤10,000, ratio ≤20 (2560 px edge: app choice)",
    ratios=(1 / 20, 20.0),
)
_manual_feed = _feed(Platform.MANUAL, 2048, _MANUAL_BYTES, _JP, "app choice: fits every platform's feed")

_IMAGE_SPECS: dict[tuple[Platform, Placement], ImageSpec] = {
    (s.platform, s.placement): s
    for s in (
        _fb_feed,
        _story(Platform.FACEBOOK, _FB_BYTES, _JP, "§1.2 photo_stories; 9:16 1080×1920 (as reels, §1.3)"),
        _card(Platform.FACEBOOK, _FB_BYTES, _JP, "Open Graph image 1.91:1 (app choice 1200×628)"),
        _square(Platform.FACEBOOK, _FB_BYTES, _JP, "app choice: square items"),
        _ig_feed,
        _story(Platform.INSTAGRAM, _IG_BYTES, _J, "§2.2: story image ≤8 MB, 9:16 recommended (unconfirmed)"),
        _square(Platform.INSTAGRAM, _IG_BYTES, _J, "§2.1/§2.2: carousel items share one shape; square"),
        _x_feed,
        _card(Platform.X, _X_BYTES, _JP, "card image from the page's Open Graph tags, 1.91:1"),
        _as_carousel(_x_feed),
        _li_feed,
        _card(Platform.LINKEDIN, _LI_BYTES, _JP, "§4.2 article.thumbnail (image upload §4.3)"),
        _as_carousel(_li_feed),
        _ma_feed,
        _card(Platform.MASTODON, _MA_BYTES, _JP, "preview card from the page's Open Graph tags, 1.91:1"),
        _as_carousel(_ma_feed),
        _bs_feed,
        _card(Platform.BLUESKY, _BS_CARD_BYTES, _J, "§6.2 embed.external thumb ≤1,000,000 B"),
        _as_carousel(_bs_feed),
        _tg_feed,
        _card(Platform.TELEGRAM, _TG_URL_BYTES, _J, "§7.2 link preview; photos by URL ≤5 MB"),
        _as_carousel(_tg_feed),
        _manual_feed,
        _story(Platform.MANUAL, _MANUAL_BYTES, _JP, "app choice: 9:16 1080×1920"),
        _card(Platform.MANUAL, _MANUAL_BYTES, _JP, "app choice: Open Graph 1.91:1"),
        _square(Platform.MANUAL, _MANUAL_BYTES, _JP, "app choice: square items"),
    )
}


def platform_of(platform: Platform | str) -> Platform:
    try:
        return Platform(platform)
    except ValueError:
        known = ", ".join(p.value for p in Platform)
        raise ValueError(f"unknown platform {platform!r} (known: {known})") from None


def placement_of(placement: Placement | str) -> Placement:
    try:
        return Placement(placement)
    except ValueError:
        known = ", ".join(p.value for p in Placement)
        raise ValueError(f"unknown placement {placement!r} (known: {known})") from None


def image_spec(platform: Platform | str, placement: Placement | str) -> ImageSpec:
    """The rule for ``placement`` on ``platform``; :class:`MediaError` (``placement_unsupported``)
    when the platform has no such placement (an Instagram link card, an X story)."""
    p, pl = platform_of(platform), placement_of(placement)
    spec = _IMAGE_SPECS.get((p, pl))
    if spec is None:
        raise errors.placement_unsupported(PLATFORM_NAMES[p], PLACEMENT_NAMES[pl])
    return spec


def image_placements(platform: Platform | str) -> tuple[Placement, ...]:
    """The image placements ``platform`` has, in :class:`Placement` order."""
    p = platform_of(platform)
    return tuple(pl for pl in Placement if (p, pl) in _IMAGE_SPECS)


# --------------------------------------------------------------------------------------------
# Video rules
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VideoSpec:
    """What one platform accepts as one placement's video. ``None`` means no known limit.

    Aspect ratios are width / height as displayed (rotation applied). ``recommended_ratio`` only
    warns (a 16:9 reel is accepted, but letterboxed). ``max_width``/``max_height`` bound the
    displayed size; ``max_pixels`` bounds width × height.
    """

    platform: Platform
    placement: Placement
    min_seconds: float | None = None
    max_seconds: float | None = None
    max_bytes: int | None = None
    min_bytes: int | None = None
    min_width: int | None = None
    min_height: int | None = None
    max_width: int | None = None
    max_height: int | None = None
    max_pixels: int | None = None
    min_fps: float | None = None
    max_fps: float | None = None
    min_ratio: float | None = None
    max_ratio: float | None = None
    recommended_ratio: float | None = None
    video_codecs: frozenset[str] | None = None
    audio_codecs: frozenset[str] | None = None
    containers: frozenset[str] | None = None
    pixel_formats: frozenset[str] | None = None
    max_audio_rate: int | None = None
    source: str = ""

    @property
    def transcode_edge(self) -> int:
        """The longest edge to transcode to so that any shape fits ``max_width``/``max_height``."""
        edges = [e for e in (self.max_width, self.max_height) if e is not None]
        return min([1920, *edges])


_H264 = frozenset({"h264"})
_H264_HEVC = frozenset({"h264", "hevc"})
_AAC = frozenset({"aac"})
_MP4 = frozenset({"mp4"})
_MP4_MOV = frozenset({"mp4", "mov"})

_IG_REEL = VideoSpec(
    Platform.INSTAGRAM,
    Placement.REEL,
    min_seconds=3.0,
    max_seconds=15 * 60.0,
    max_bytes=300_000_000,
    max_width=1920,
    min_fps=23.0,
    max_fps=60.0,
    min_ratio=0.01,
    max_ratio=10.0,
    recommended_ratio=9 / 16,
    video_codecs=_H264_HEVC,
    audio_codecs=_AAC,
    containers=_MP4_MOV,
    max_audio_rate=48_000,
    source="§2.2 [sec]: MP4/MOV, H.264/HEVC, AAC ≤48 kHz, 23–60 fps, ≤1920 wide, 3 s–15 min, "
    "300 MB (the older, smaller figure)",
)

_VIDEO_SPECS: dict[tuple[Platform, Placement], VideoSpec] = {
    (s.platform, s.placement): s
    for s in (
        VideoSpec(
            Platform.FACEBOOK,
            Placement.FEED,
            max_seconds=4 * 3600.0,
            containers=_MP4_MOV,
            source="§1.3: up to 4 h, MP4/MOV (unconfirmed)",
        ),
        VideoSpec(
            Platform.FACEBOOK,
            Placement.REEL,
            min_seconds=3.0,
            max_seconds=90.0,
            min_width=540,
            min_height=960,
            min_fps=24.0,
            max_fps=60.0,
            recommended_ratio=9 / 16,
            containers=_MP4_MOV,
            source="§1.3 [sec]: 3–90 s, 9:16, ≥540×960, 24–60 fps",
        ),
        VideoSpec(
            Platform.FACEBOOK,
            Placement.STORY,
            max_seconds=60.0,
            recommended_ratio=9 / 16,
            containers=_MP4_MOV,
            source="§1.2 video_stories; 60 s and 9:16: as Instagram stories (unconfirmed)",
        ),
        replace(
            _IG_REEL,
            placement=Placement.FEED,
            recommended_ratio=None,
            source="§2.1–2.2: feed videos publish as reels (reel rules)",
        ),
        _IG_REEL,
        VideoSpec(
            Platform.INSTAGRAM,
            Placement.STORY,
            min_seconds=3.0,
            max_seconds=60.0,
            max_bytes=100_000_000,
            max_width=1920,
            min_fps=23.0,
            max_fps=60.0,
            recommended_ratio=9 / 16,
            video_codecs=_H264_HEVC,
            audio_codecs=_AAC,
            containers=_MP4_MOV,
            max_audio_rate=48_000,
            source="§2.2 [sec]: story video 3–60 s, ≤100 MB; codecs as reels",
        ),
        VideoSpec(
            Platform.X,
            Placement.FEED,
            min_seconds=0.5,
            max_seconds=140.0,
            max_bytes=512_000_000,
            min_width=32,
            min_height=32,
            max_width=1280,
            max_height=1024,
            max_fps=60.0,
            min_ratio=1 / 3,
            max_ratio=3.0,
            video_codecs=_H264,
            audio_codecs=_AAC,
            containers=_MP4_MOV,
            pixel_formats=frozenset({"yuv420p", "yuvj420p"}),
            source="§3.3: ≤512 MB, 0.5–140 s, 32×32–1280×1024, ≤60 fps, 1:3–3:1, H.264 + AAC-LC, yuv420p",
        ),
        VideoSpec(
            Platform.LINKEDIN,
            Placement.FEED,
            min_seconds=3.0,
            max_seconds=30 * 60.0,
            max_bytes=500_000_000,
            min_bytes=75_000,
            min_ratio=1 / 2.4,
            max_ratio=2.4,
            containers=_MP4,
            source="§4.3 [sec]: MP4, 3 s–30 min, 75 KB–500 MB, 1:2.4–2.4:1",
        ),
        VideoSpec(
            Platform.MASTODON,
            Placement.FEED,
            max_bytes=103_809_024,
            max_pixels=8_294_400,
            max_fps=120.0,
            source="§5.4 defaults: 99 MiB, 8,294,400 px, ≤120 fps",
        ),
        VideoSpec(
            Platform.BLUESKY,
            Placement.FEED,
            max_seconds=180.0,
            max_bytes=300_000_000,
            containers=_MP4,
            source="§6.2–6.3: video/mp4 ≤300,000,000 B; 3 min (10 min reported for 2026: unconfirmed)",
        ),
        VideoSpec(
            Platform.TELEGRAM,
            Placement.FEED,
            max_bytes=50_000_000,
            containers=_MP4,
            source="§7.2: uploads ≤50 MB for files other than photos",
        ),
        VideoSpec(Platform.MANUAL, Placement.FEED, source="app choice: no limits"),
        VideoSpec(Platform.MANUAL, Placement.STORY, recommended_ratio=9 / 16, source="app choice"),
        VideoSpec(Platform.MANUAL, Placement.REEL, recommended_ratio=9 / 16, source="app choice"),
    )
}


def video_spec(platform: Platform | str, placement: Placement | str) -> VideoSpec:
    """The video rule for ``placement`` on ``platform``; :class:`MediaError`
    (``placement_unsupported``) when the platform has no such placement."""
    p, pl = platform_of(platform), placement_of(placement)
    spec = _VIDEO_SPECS.get((p, pl))
    if spec is None:
        raise errors.placement_unsupported(PLATFORM_NAMES[p], PLACEMENT_NAMES[pl])
    return spec


def video_placements(platform: Platform | str) -> tuple[Placement, ...]:
    p = platform_of(platform)
    return tuple(pl for pl in Placement if (p, pl) in _VIDEO_SPECS)
