"""Pictures made ready for each platform: oriented, cleaned, cropped, scaled, encoded, cached.

:func:`prepare_image` turns one source picture into the file one platform's placement wants
(rules in :mod:`kurum_masaustu.media.specs`); :func:`prepare_variants` does several at once and
decodes the source only once. :func:`thumbnail` makes cached previews, :func:`describe_metadata`
lists what the clean copies leave out.

Every call blocks (hashing, decoding, encoding): run it off the UI thread. Pillow and
pillow-heif are imported on first use, never when this module is imported.

What leaves the app carries no metadata. Each output is encoded from pixels alone: no EXIF
(GPS, camera, dates, serial numbers, maker notes, EXIF thumbnail), no XMP, no IPTC, no comments
or PNG text chunks. The EXIF orientation is applied to the pixels first, and a colour profile is
converted to sRGB and then dropped (sRGB is what an untagged picture means on every platform).

Reading
    The type is found from the content, never from the name (a PNG called ``.jpg`` is a PNG).
    The pixel size is read from the file header before anything is decoded, and a picture over
    :data:`PIXEL_BUDGET` is refused (a decompression bomb: a few kilobytes that decode to
    gigabytes); Pillow's own guard (``Image.MAX_IMAGE_PIXELS``) is set to the same budget for
    every other caller in the process. CMYK (with or without a profile), 16-bit, palette with
    transparency, greyscale with alpha are all converted to 8-bit RGB(A) with their real colours.
    A JPEG is decoded at the smallest DCT scale (1/2, 1/4, 1/8) that still covers the largest
    variant asked for (``draft``), and scaled with Pillow's ``reducing_gap``.
Writing
    Atomically (temporary file in the same folder + ``os.replace``), so a file either exists
    whole or not at all, also when cancelled or killed. Output names are deterministic:
    ``<source sha256[:24]>-<platform>-<placement>-f<x>x<y>-<rule digest>.<ext>``, with the focal
    point in thousandths, so asking again for the same variant returns the cached file at once.
Byte limits
    JPEG is written at quality 85; if that is over the platform's limit the highest quality that
    fits is searched (down to 40), then the picture is scaled down step by step; only after
    that fails is :class:`MediaError` (``too_large_bytes``) raised.
Animated GIF
    Kept animated (cropped and scaled frame by frame) in the feed of platforms that play GIFs
    (Facebook, X, LinkedIn, Mastodon) within their GIF limits; everywhere else, or when it does
    not fit, its first frame is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import os
import struct
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kurum_masaustu.domain import Platform
from kurum_masaustu.media import errors
from kurum_masaustu.media.errors import MediaCancelledError, MediaError
from kurum_masaustu.media.specs import (
    PLATFORM_NAMES,
    GifRule,
    ImageFormat,
    ImageSpec,
    Placement,
    crop_box,
    image_spec,
)

if TYPE_CHECKING:
    from PIL import Image

#: Largest picture (width × height) that is decoded at all: 120 megapixels covers every phone
#: and camera in use (108 MP phone sensors: 12,000 × 9,000) and is about 360 MB as RGB.
PIXEL_BUDGET = 120_000_000
#: Frames × width × height an animated GIF may have to be kept animated (else its first frame).
ANIMATION_PIXEL_BUDGET = 200_000_000
#: The Pillow openers used: the formats the app imports (MPO comes through the JPEG opener).
OPENERS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF")

JPEG_QUALITY = 85
_MIN_QUALITY = 40
_DOWNSCALE_STEP = 0.8
_DOWNSCALE_TRIES = 6
_REDUCING_GAP = 3.0
_CHUNK = 1 << 20
_EXIF_ORIENTATION = 0x0112
_ISO_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"})
_WHITE = (255, 255, 255)

FocalPoint = tuple[float, float]
Progress = Callable[[float], None]

_setup_lock = threading.Lock()
_pillow_ready = False
_heif_ready = False


def _pillow(heif: bool = True) -> None:
    """Import Pillow and set the decompression-bomb guard, once; register the HEIF opener once
    it is needed (importing pillow_heif costs tens of milliseconds: the media pane reading a
    JPEG's metadata at start-up should not pay it)."""
    global _pillow_ready, _heif_ready
    if _pillow_ready and (_heif_ready or not heif):
        return
    with _setup_lock:
        if not _pillow_ready:
            from PIL import Image

            Image.MAX_IMAGE_PIXELS = PIXEL_BUDGET
            _pillow_ready = True
        if heif and not _heif_ready:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_ready = True


# --------------------------------------------------------------------------------------------
# Small helpers: cancel/progress, hashing, atomic writes
# --------------------------------------------------------------------------------------------


def _check(cancel: threading.Event | None, source: Path) -> None:
    if cancel is not None and cancel.is_set():
        raise MediaCancelledError(path=source)


def _report(progress: Progress | None, value: float) -> None:
    if progress is not None:
        progress(min(1.0, max(0.0, value)))


def _stat(source: Path) -> int:
    try:
        st = source.stat()
    except OSError as exc:
        raise errors.unreadable(source, exc.strerror or "") from exc
    if not source.is_file():
        raise errors.unreadable(source, "bir dosya değil")
    if st.st_size == 0:
        raise errors.empty(source)
    return st.st_size


def file_digest(source: Path) -> str:
    """SHA-256 of the file's bytes (what names every cached variant of it)."""
    digest = hashlib.sha256()
    try:
        with source.open("rb") as handle:
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(chunk)
    except OSError as exc:
        raise errors.unreadable(source, exc.strerror or "") from exc
    return digest.hexdigest()


def write_atomic(data: bytes, target: Path) -> Path:
    """Write ``data`` to ``target`` whole or not at all (temp file + fsync + ``os.replace``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=target.suffix, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def _focal(focal_point: FocalPoint) -> FocalPoint:
    """Clamped to the picture and rounded to thousandths (as named in the cache)."""
    fx, fy = (float(v) for v in focal_point)
    if not (math.isfinite(fx) and math.isfinite(fy)):
        raise ValueError(f"focal point must be finite, got {focal_point!r}")
    return round(min(max(fx, 0.0), 1.0), 3), round(min(max(fy, 0.0), 1.0), 3)


def variant_stem(digest: str, spec: ImageSpec, focal: FocalPoint) -> str:
    """The cached file's name without extension. A rule that never crops ignores the focal
    point, so dragging it does not remake (or re-cache) those variants."""
    fx, fy = (round(v * 1000) for v in (focal if spec.crops else (0.5, 0.5)))
    return f"{digest[:24]}-{spec.platform.value}-{spec.placement.value}-f{fx:03d}x{fy:03d}-{spec.digest()}"


def _cached(out_dir: Path, stem: str) -> Path | None:
    for fmt in ImageFormat:
        candidate = out_dir / f"{stem}.{fmt.extension}"
        if candidate.is_file() and candidate.stat().st_size > 0:
            return candidate
    return None


# --------------------------------------------------------------------------------------------
# Header sniffing: the type and pixel size before any decoding
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Head:
    kind: str  #: jpeg, png, gif, webp, heif, video, unknown
    size: tuple[int, int] | None = None


def _sniff(source: Path) -> _Head:
    try:
        with source.open("rb") as handle:
            head = handle.read(64)
            if head.startswith(b"\xff\xd8\xff"):
                return _Head("jpeg", _jpeg_size(handle))
    except OSError as exc:
        raise errors.unreadable(source, exc.strerror or "") from exc
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        size = struct.unpack(">II", head[16:24]) if head[12:16] == b"IHDR" and len(head) >= 24 else None
        return _Head("png", size)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return _Head("gif", struct.unpack("<HH", head[6:10]) if len(head) >= 10 else None)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _Head("webp", _webp_size(head))
    if head[4:8] == b"ftyp":
        if head[8:12] in _ISO_IMAGE_BRANDS:
            return _Head("heif", None)
        return _Head("video", None)
    return _Head("unknown", None)


def _jpeg_size(handle: Any) -> tuple[int, int] | None:
    """Walk the JPEG markers to the first SOF segment (EXIF and ICC segments come before it)."""
    handle.seek(2)
    for _ in range(4096):
        byte = handle.read(1)
        while byte == b"\xff":
            byte = handle.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            continue
        raw = handle.read(2)
        if len(raw) < 2:
            return None
        length = struct.unpack(">H", raw)[0]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            sof = handle.read(5)
            if len(sof) < 5:
                return None
            height, width = struct.unpack(">HH", sof[1:5])
            return width, height
        if marker == 0xDA or length < 2:
            return None
        handle.seek(length - 2, os.SEEK_CUR)
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X" and len(head) >= 30:
        w = int.from_bytes(head[24:27], "little") + 1
        h = int.from_bytes(head[27:30], "little") + 1
        return w, h
    if chunk == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and len(head) >= 30:
        w, h = struct.unpack("<HH", head[26:30])
        return w & 0x3FFF, h & 0x3FFF
    return None


def _check_budget(source: Path, size: tuple[int, int] | None) -> None:
    if size is not None and size[0] * size[1] > PIXEL_BUDGET:
        raise errors.too_many_pixels(source, size[0], size[1], PIXEL_BUDGET)


# --------------------------------------------------------------------------------------------
# Opening and normalising
# --------------------------------------------------------------------------------------------


def _open(source: Path) -> Image.Image:
    """Open (header only) after the budget check; every failure becomes a :class:`MediaError`."""
    _stat(source)
    head = _sniff(source)
    if head.kind == "video":
        raise errors.unsupported_type(source, video=True)
    _check_budget(source, head.size)
    _pillow(heif=head.kind in ("heif", "unknown"))
    from PIL import Image, UnidentifiedImageError

    formats = OPENERS if _heif_ready else tuple(f for f in OPENERS if f != "HEIF")
    try:
        image = Image.open(source, formats=formats)
    except UnidentifiedImageError as exc:
        if head.kind == "unknown":
            raise errors.unsupported_type(source) from exc
        raise errors.corrupt(source) from exc
    except Image.DecompressionBombError as exc:
        raise errors.too_many_pixels(source, None, None, PIXEL_BUDGET) from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        raise errors.corrupt(source) from exc
    try:
        _check_budget(source, image.size)
    except MediaError:
        image.close()
        raise
    return image


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_EXIF_ORIENTATION, 1)
    except (OSError, SyntaxError, ValueError, struct.error):
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _oriented_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    return (size[1], size[0]) if orientation in (5, 6, 7, 8) else size


def _apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    from PIL import Image

    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return image.transpose(method) if method is not None else image


def _load(image: Image.Image, source: Path) -> None:
    from PIL import Image

    try:
        image.load()
    except Image.DecompressionBombError as exc:
        raise errors.too_many_pixels(source, image.width, image.height, PIXEL_BUDGET) from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError) as exc:
        raise errors.corrupt(source) from exc


def _icc(image: Image.Image) -> bytes | None:
    icc = image.info.get("icc_profile")
    return icc if isinstance(icc, bytes) and icc else None


def _normalise(image: Image.Image) -> Image.Image:
    """8-bit L, RGB, RGBA or CMYK with the picture's real values (CMYK waits for its profile)."""
    mode = image.mode
    if mode in ("RGB", "RGBA", "L", "CMYK"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I;16"):
        return image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if mode in ("I", "F"):
        _, high = image.getextrema()
        if isinstance(high, (int, float)) and high > 255:
            scale = 255 / float(high)
            return image.point(lambda v: v * scale).convert("L")
        return image.convert("L")
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode in ("LA", "La", "RGBa", "RGBX"):
        return image.convert("RGBA" if mode != "RGBX" else "RGB")
    return image.convert("RGB")


def _alpha_used(image: Image.Image) -> bool:
    if image.mode != "RGBA":
        return False
    low, _ = image.getchannel("A").getextrema()
    return isinstance(low, int) and low < 255


def _srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB/RGBA/L in sRGB. A profile (Display P3 from phones, a print CMYK profile) is applied;
    a broken one is ignored, as every viewer would."""
    if icc is not None and image.mode in ("RGB", "RGBA", "L", "CMYK"):
        converted = _apply_profile(image, icc)
        if converted is not None:
            return converted
    if image.mode in ("RGB", "RGBA", "L"):
        return image
    return image.convert("RGBA" if "A" in image.mode else "RGB")


def _apply_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(profile).lower():
            return image
        srgb = ImageCms.createProfile("sRGB")
        if image.mode == "RGBA":
            rgb = ImageCms.profileToProfile(image.convert("RGB"), profile, srgb, outputMode="RGB")
            if rgb is None:
                return None
            rgb.putalpha(image.getchannel("A"))
            return rgb
        return ImageCms.profileToProfile(image, profile, srgb, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def _flatten(image: Image.Image) -> Image.Image:
    """RGBA on white (for JPEG, which has no transparency)."""
    from PIL import Image

    if image.mode != "RGBA":
        return image.convert("RGB") if image.mode not in ("RGB", "L") else image
    base = Image.new("RGB", image.size, _WHITE)
    base.paste(image, mask=image.getchannel("A"))
    return base


# --------------------------------------------------------------------------------------------
# Encoding within the byte limit
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Encoded:
    data: bytes
    fmt: ImageFormat


def _clean(image: Image.Image) -> Image.Image:
    """Drop every ancillary field Pillow might write back (EXIF, ICC, XMP, comments, text)."""
    image.info = {}
    return image


def _jpeg(image: Image.Image, quality: int, subsampling: int) -> bytes:
    out = io.BytesIO()
    try:
        _clean(image).save(out, "JPEG", quality=quality, optimize=True, subsampling=subsampling)
    except OSError:
        # Optimised Huffman tables need the whole result in one buffer, which Pillow sizes at
        # one byte a pixel: pure noise at high quality needs more. Plain tables then.
        out = io.BytesIO()
        _clean(image).save(out, "JPEG", quality=quality, subsampling=subsampling)
    return out.getvalue()


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    _clean(image).save(out, "PNG", compress_level=6)
    return out.getvalue()


def _fit_jpeg(image: Image.Image, limit: int, subsampling: int) -> bytes | None:
    """The best JPEG of ``image`` within ``limit`` bytes, or ``None``."""
    data = _jpeg(image, JPEG_QUALITY, subsampling)
    if len(data) <= limit:
        return data
    low, high, best = _MIN_QUALITY, JPEG_QUALITY - 1, None
    while low <= high:
        quality = (low + high) // 2
        attempt = _jpeg(image, quality, subsampling)
        if len(attempt) <= limit:
            best, low = attempt, quality + 1
        else:
            high = quality - 1
    return best


def _smaller(image: Image.Image) -> Image.Image:
    from PIL import Image

    size = (max(1, round(image.width * _DOWNSCALE_STEP)), max(1, round(image.height * _DOWNSCALE_STEP)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _encode_static(image: Image.Image, spec: ImageSpec, source: Path, *, graphic: bool) -> _Encoded:
    """Encode within ``spec.max_bytes``: PNG for real transparency where allowed, else JPEG;
    quality search, then smaller sizes (except for fixed-size placements)."""
    limit = spec.max_bytes
    # Graphics (PNG/GIF sources: text, logos, infographics) keep full colour resolution.
    subsampling = 0 if graphic else 2
    tries = 1 if spec.exact_size is not None else _DOWNSCALE_TRIES + 1
    current = image
    for _ in range(tries):
        if _alpha_used(current) and spec.accepts(ImageFormat.PNG):
            data = _png(current)
            if len(data) <= limit:
                return _Encoded(data, ImageFormat.PNG)
            quantised = current.quantize(256, method=2)  # FASTOCTREE keeps the alpha
            data = _png(quantised)
            if len(data) <= limit:
                return _Encoded(data, ImageFormat.PNG)
        jpeg = _fit_jpeg(_flatten(current), limit, subsampling)
        if jpeg is not None:
            return _Encoded(jpeg, ImageFormat.JPEG)
        current = _smaller(current)
    raise errors.too_large_bytes(source, PLATFORM_NAMES[spec.platform], limit)


# --------------------------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------------------------


def prepare_image(
    source: Path | str,
    platform: Platform | str,
    placement: Placement | str,
    out_dir: Path | str,
    *,
    focal_point: FocalPoint = (0.5, 0.5),
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> Path:
    """The file ``platform`` wants for ``placement`` made from ``source``, in ``out_dir``.

    Blocking: call it off the UI thread. The result is cached by name (source bytes, platform,
    placement, focal point, rule): the same request returns the same file at once. The focal
    point is where the person wants the crop centred, as fractions of the oriented picture's
    width and height ((0, 0) top left). Raises :class:`MediaError` for a file that cannot be
    used (see :mod:`kurum_masaustu.media.errors`) and :class:`MediaCancelledError` when ``cancel`` is
    set; nothing half-written is ever left. ``progress`` receives 0.0…1.0.
    """
    return prepare_variants(
        source, [(platform, placement)], out_dir, focal_point=focal_point, cancel=cancel, progress=progress
    )[0]


def prepare_variants(
    source: Path | str,
    targets: Iterable[tuple[Platform | str, Placement | str]],
    out_dir: Path | str,
    *,
    focal_point: FocalPoint = (0.5, 0.5),
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Several variants of one picture (in the order of ``targets``), decoding it once.

    As :func:`prepare_image`. If cancelled part way, the variants already finished stay (whole,
    and cached); the rest are not written.
    """
    src = Path(source)
    folder = Path(out_dir)
    specs = [image_spec(platform, placement) for platform, placement in targets]
    focal = _focal(focal_point)
    _report(progress, 0.0)
    _check(cancel, src)
    _stat(src)
    digest = file_digest(src)
    stems = [variant_stem(digest, spec, focal) for spec in specs]
    results: dict[int, Path] = {}
    for index, stem in enumerate(stems):
        hit = _cached(folder, stem)
        if hit is not None:
            results[index] = hit
    todo = [i for i in range(len(specs)) if i not in results]
    if not todo:
        _report(progress, 1.0)
        return [results[i] for i in range(len(specs))]
    _report(progress, 0.05)
    _check(cancel, src)

    image = _open(src)
    with image:
        animated = _animated_indexes(image, specs, todo)
        static = [i for i in todo if i not in animated]
        done = 0
        step = 0.9 / len(todo)
        if animated:
            for index in animated:
                _check(cancel, src)
                encoded = _animated_variant(image, specs[index], focal, src, cancel)
                if encoded is None:  # did not fit as an animation: its first frame then
                    static.append(index)
                    continue
                results[index] = write_atomic(encoded.data, folder / f"{stems[index]}.{encoded.fmt.extension}")
                done += 1
                _report(progress, 0.1 + done * step)
            if static:
                image.seek(0)
        if static:
            static.sort()
            base, graphic = _decode_base(image, [specs[i] for i in static], focal, src)
            _report(progress, 0.1 + done * step + 0.3 * step * len(static))
            for index in static:
                _check(cancel, src)
                variant = _crop_scale(base.image, specs[index], focal)
                encoded_static = _encode_static(_srgb(variant, base.icc), specs[index], src, graphic=graphic)
                target = folder / f"{stems[index]}.{encoded_static.fmt.extension}"
                results[index] = write_atomic(encoded_static.data, target)
                done += 1
                _report(progress, 0.1 + done * step)
    _report(progress, 1.0)
    return [results[i] for i in range(len(specs))]


@dataclass(frozen=True, slots=True)
class _Base:
    image: Image.Image  #: oriented, normalised (L/RGB/RGBA/CMYK), maybe reduced by draft
    icc: bytes | None


def _needed_scale(size: tuple[int, int], specs: Sequence[ImageSpec], focal: FocalPoint) -> float:
    """The largest scale any variant needs from the oriented full-size picture."""
    width, height = size
    needed = 0.0
    for spec in specs:
        left, top, right, bottom = crop_box(width, height, spec.min_ratio, spec.max_ratio, focal)
        out_w, _ = spec.output_size(right - left, bottom - top)
        needed = max(needed, out_w / (right - left))
    return needed


def _decode_base(image: Image.Image, specs: Sequence[ImageSpec], focal: FocalPoint, source: Path) -> tuple[_Base, bool]:
    orientation = _orientation(image)
    graphic = image.format in ("PNG", "GIF") or (image.format == "WEBP" and image.info.get("lossless") is True)
    if image.format in ("JPEG", "MPO"):
        scale = _needed_scale(_oriented_size(image.size, orientation), specs, focal)
        if scale < 0.5:
            # DCT scaling: decode at 1/2, 1/4 or 1/8 while still at least this large.
            wanted = (math.ceil(image.width * scale), math.ceil(image.height * scale))
            image.draft(image.mode, wanted)
    icc = _icc(image)
    _load(image, source)
    picture = _normalise(image)
    picture = _apply_orientation(picture, orientation)
    if picture.mode == "RGBA" and not _alpha_used(picture):
        picture = picture.convert("RGB")
    return _Base(picture, icc), graphic


def _crop_scale(image: Image.Image, spec: ImageSpec, focal: FocalPoint) -> Image.Image:
    from PIL import Image

    box = crop_box(image.width, image.height, spec.min_ratio, spec.max_ratio, focal)
    size = spec.output_size(box[2] - box[0], box[3] - box[1])
    if size == image.size and box == (0.0, 0.0, float(image.width), float(image.height)):
        return image.copy()
    return image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=_REDUCING_GAP)


def _gif_rule(spec: ImageSpec) -> GifRule | None:
    return spec.gif if spec.placement is Placement.FEED and spec.accepts(ImageFormat.GIF) else None


def _animated_variant(
    image: Image.Image, spec: ImageSpec, focal: FocalPoint, source: Path, cancel: threading.Event | None
) -> _Encoded | None:
    """An animated GIF within the rule, or ``None`` when it cannot be made to fit."""
    from PIL import Image, ImageSequence

    rule = _gif_rule(spec)
    if rule is None:
        return None
    frames: list[Image.Image] = []
    durations: list[int] = []
    try:
        for frame in ImageSequence.Iterator(image):
            _check(cancel, source)
            durations.append(int(frame.info.get("duration", 100)))
            frames.append(frame.convert("RGBA"))
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        raise errors.corrupt(source) from exc
    loop = image.info.get("loop", 0)
    width, height = frames[0].size
    box = crop_box(width, height, spec.min_ratio, spec.max_ratio, focal)
    crop_w, crop_h = box[2] - box[0], box[3] - box[1]
    out_w, out_h = spec.output_size(crop_w, crop_h)
    shrink = min(1.0, rule.max_width / out_w, rule.max_height / out_h)
    for _ in range(4):
        size = (max(1, round(out_w * shrink)), max(1, round(out_h * shrink)))
        scaled = [_clean(f.resize(size, Image.Resampling.LANCZOS, box=box)) for f in frames]
        _check(cancel, source)
        out = io.BytesIO()
        scaled[0].save(
            out,
            "GIF",
            save_all=True,
            append_images=scaled[1:],
            duration=durations,
            loop=loop,
            disposal=2,
            optimize=False,
        )
        data = out.getvalue()
        if len(data) <= rule.max_bytes:
            return _Encoded(data, ImageFormat.GIF)
        shrink *= 0.75
    return None


def _animated_indexes(image: Image.Image, specs: Sequence[ImageSpec], todo: Sequence[int]) -> list[int]:
    if image.format != "GIF" or not getattr(image, "is_animated", False):
        return []
    frames = int(getattr(image, "n_frames", 1))
    if frames * image.width * image.height > ANIMATION_PIXEL_BUDGET:
        return []
    kept = []
    for index in todo:
        rule = _gif_rule(specs[index])
        if rule is not None and frames <= rule.max_frames:
            kept.append(index)
    return kept


# --------------------------------------------------------------------------------------------
# Thumbnails and the metadata list
# --------------------------------------------------------------------------------------------


def thumbnail(source: Path | str, edge: int, cache_dir: Path | str) -> Path:
    """A preview fitting ``edge`` × ``edge`` (oriented, sRGB, no metadata), cached in
    ``cache_dir`` by the source's content: the second call for the same bytes and edge only
    hashes the file. A video gets its first frame (needs PyAV). JPEG, or PNG with transparency."""
    if edge < 1:
        raise ValueError(f"edge must be positive, got {edge}")
    src = Path(source)
    folder = Path(cache_dir)
    _stat(src)
    digest = file_digest(src)
    stem = f"{digest[:24]}-thumb{edge}"
    hit = _cached(folder, stem)
    if hit is not None:
        return hit
    if _sniff(src).kind == "video":
        return _video_thumbnail(src, edge, folder, stem)
    image = _open(src)
    with image:
        orientation = _orientation(image)
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, (edge, edge))
        icc = _icc(image)
        _load(image, src)
        picture = _apply_orientation(_normalise(image), orientation)
    return _write_thumbnail(picture, icc, edge, folder, stem)


def _write_thumbnail(picture: Image.Image, icc: bytes | None, edge: int, folder: Path, stem: str) -> Path:
    from PIL import Image

    picture = picture.copy() if picture.size[0] <= edge and picture.size[1] <= edge else picture
    picture.thumbnail((edge, edge), Image.Resampling.LANCZOS, reducing_gap=_REDUCING_GAP)
    picture = _srgb(picture, icc)
    if _alpha_used(picture):
        return write_atomic(_png(picture), folder / f"{stem}.png")
    return write_atomic(_jpeg(_flatten(picture), 80, 2), folder / f"{stem}.jpg")


def _video_thumbnail(source: Path, edge: int, folder: Path, stem: str) -> Path:
    from kurum_masaustu.media import video

    with tempfile.TemporaryDirectory(dir=folder if folder.exists() else None) as tmp:
        frame = video.cover_frame(source, 0.0, Path(tmp) / "frame.png")
        _pillow()
        from PIL import Image

        with Image.open(frame) as opened:
            opened.load()
            return _write_thumbnail(opened.convert("RGB"), None, edge, folder, stem)


#: EXIF tags (main IFD and Exif IFD) → what the person is told will be removed.
_EXIF_LABELS: dict[int, str] = {
    0x010F: "Kamera modeli",  # Make
    0x0110: "Kamera modeli",  # Model
    0xA434: "Objektif bilgisi",  # LensModel
    0xA433: "Objektif bilgisi",  # LensMake
    0x0132: "Çekim tarihi ve saati",  # DateTime
    0x9003: "Çekim tarihi ve saati",  # DateTimeOriginal
    0x9004: "Çekim tarihi ve saati",  # DateTimeDigitized
    0x829A: "Çekim ayarları (pozlama, diyafram, ISO)",  # ExposureTime
    0x829D: "Çekim ayarları (pozlama, diyafram, ISO)",  # FNumber
    0x8827: "Çekim ayarları (pozlama, diyafram, ISO)",  # ISOSpeedRatings
    0x920A: "Çekim ayarları (pozlama, diyafram, ISO)",  # FocalLength
    0x0131: "Düzenleme yazılımı",  # Software
    0x013B: "Sahip ve telif bilgisi",  # Artist
    0x8298: "Sahip ve telif bilgisi",  # Copyright
    0xA430: "Sahip ve telif bilgisi",  # CameraOwnerName
    0xA431: "Cihaz seri numarası",  # BodySerialNumber
    0xA435: "Cihaz seri numarası",  # LensSerialNumber
    0x010E: "Açıklama ve yorumlar",  # ImageDescription
    0x9286: "Açıklama ve yorumlar",  # UserComment
    0x9C9B: "Açıklama ve yorumlar",  # XPTitle
    0x9C9C: "Açıklama ve yorumlar",  # XPComment
    0x9C9D: "Sahip ve telif bilgisi",  # XPAuthor
    0x9C9E: "Açıklama ve yorumlar",  # XPKeywords
    0x927C: "Üreticiye özel kamera notları",  # MakerNote
}
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_LABEL_ORDER = (
    "GPS konumu",
    "Kamera modeli",
    "Objektif bilgisi",
    "Cihaz seri numarası",
    "Çekim tarihi ve saati",
    "Çekim ayarları (pozlama, diyafram, ISO)",
    "Sahip ve telif bilgisi",
    "Açıklama ve yorumlar",
    "Düzenleme yazılımı",
    "Üreticiye özel kamera notları",
    "Gömülü küçük önizleme",
    "Döndürme bilgisi (görsele uygulanır)",
    "Diğer EXIF bilgileri",
    "XMP bilgileri",
    "IPTC bilgileri",
    "Renk profili (sRGB'ye dönüştürülür)",
    "Metin notları ve yorumlar",
    "Derinlik haritası",
    "Ek kareler",
)


def describe_metadata(source: Path | str) -> list[str]:
    """What the prepared copies will leave out, in Turkish, for the media preview pane:
    e.g. ``["GPS konumu", "Kamera modeli", "Çekim tarihi ve saati"]``. Empty when the file
    carries nothing. Reads headers only (no decoding); bad files raise :class:`MediaError`."""
    src = Path(source)
    image = _open(src)
    found: set[str] = set()
    with image:
        _describe_exif(image, found)
        info = image.info
        xmp = info.get("xmp") or info.get("XML:com.adobe.xmp")
        if xmp:
            found.add("XMP bilgileri")
            text = xmp if isinstance(xmp, str) else bytes(xmp).decode("utf-8", "replace")
            if "GPSLatitude" in text or "GPSLongitude" in text:
                found.add("GPS konumu")
        if info.get("photoshop") or info.get("iptc"):
            found.add("IPTC bilgileri")
        if _icc(image) is not None:
            found.add("Renk profili (sRGB'ye dönüştürülür)")
        text_keys = set(info) - _NOT_TEXT_KEYS
        if info.get("comment") or any(isinstance(info[k], str) and info[k] for k in text_keys):
            found.add("Metin notları ve yorumlar")
        if info.get("thumbnails"):
            found.add("Gömülü küçük önizleme")
        if info.get("depth_images"):
            found.add("Derinlik haritası")
        if image.format == "MPO" and int(getattr(image, "n_frames", 1)) > 1:
            found.add("Ek kareler")
    return [label for label in _LABEL_ORDER if label in found]


#: ``Image.info`` keys that are decoding parameters, not metadata about the picture or person.
_NOT_TEXT_KEYS = frozenset(
    {
        "dpi",
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "adobe",
        "adobe_transform",
        "progressive",
        "progression",
        "interlace",
        "gamma",
        "transparency",
        "duration",
        "loop",
        "background",
        "version",
        "extension",
        "aspect",
        "srgb",
        "chromaticity",
        "compression",
        "mode",
        "lossless",
        "primary",
        "bit_depth",
        "metadata",
        "thumbnails",
        "depth_images",
        "aux",
        "chroma",
        "nclx_profile",
        "original_orientation",
        "exif",
        "xmp",
        "icc_profile",
        "photoshop",
        "XML:com.adobe.xmp",
        "comment",
        "mp",
        "mpoffset",
        "n_frames",
        "timestamp",
        "disposal",
        "blend",
        "quality",
        "save_all",
        "heif",
        "subsampling",
        "image_orientation",
    }
)


def _describe_exif(image: Image.Image, found: set[str]) -> None:
    try:
        exif = image.getexif()
    except (OSError, SyntaxError, ValueError, struct.error):
        if image.info.get("exif"):
            found.add("Diğer EXIF bilgileri")
        return
    if not exif and not image.info.get("exif"):
        return
    try:
        gps = exif.get_ifd(_GPS_IFD)
        sub = exif.get_ifd(_EXIF_IFD)
        ifd1 = exif.get_ifd(-1)  # ExifTags.IFD.IFD1: the embedded thumbnail
    except (OSError, SyntaxError, ValueError, struct.error, KeyError):
        gps, sub, ifd1 = {}, {}, {}
    if gps:
        found.add("GPS konumu")
    if ifd1:
        found.add("Gömülü küçük önizleme")
    other = False
    for tag, value in [*exif.items(), *sub.items()]:
        if tag in (_GPS_IFD, _EXIF_IFD):
            continue
        if tag == _EXIF_ORIENTATION:
            if value not in (None, 1):
                found.add("Döndürme bilgisi (görsele uygulanır)")
            continue
        label = _EXIF_LABELS.get(tag)
        if label is not None:
            found.add(label)
        else:
            other = True
    if other or (image.info.get("exif") and not found):
        found.add("Diğer EXIF bilgileri")
