"""Image preparation: every bad input of issue 4, metadata removal, per-platform sizes/ratios/
limits, focal-point crops, caching, cancelling, atomic writes."""

from __future__ import annotations

import dataclasses
import io
import os
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image, ImageCms

from kurum_masaustu import media
from kurum_masaustu.domain import Platform
from kurum_masaustu.media import prepare, specs
from kurum_masaustu.media.errors import MediaCancelledError, MediaError, MediaErrorCode
from kurum_masaustu.media.specs import ImageFormat, Placement

Save = Callable[..., Path]

RED = (220, 20, 30)
BLUE = (20, 40, 220)
GREEN = (20, 200, 40)
#: Byte strings no cleaned output may contain (EXIF/XMP/ICC/IPTC markers, our planted texts).
FORBIDDEN = (b"Exif", b"GPS", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"Photoshop", b"iPhone", b"gizli-not")
ALL_IMAGE_SPECS = [(platform, placement) for platform in Platform for placement in specs.image_placements(platform)]


@pytest.fixture(autouse=True, scope="module")
def _heif() -> None:
    pillow_heif.register_heif_opener()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_huge_png(path: Path, width: int, height: int) -> Path:
    """A real, valid 1-bit PNG of ``width`` × ``height`` white pixels, compressed row by row:
    a decompression bomb that costs a few tens of kilobytes and no memory to make."""
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row) for _ in range(height)]
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", b"".join(parts)) + png_chunk(b"IEND", b"")
    )
    path.write_bytes(data)
    return path


def png_16bit(width: int, height: int, color_type: int, pixel: bytes) -> bytes:
    """A 16-bit PNG (color type 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA) filled with ``pixel``."""
    raw = b"".join(b"\x00" + pixel * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 16, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(raw))
        + png_chunk(b"IEND", b"")
    )


def photo(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """A photo-like RGB picture: smooth gradients with some grain (compresses like a photo)."""
    _width, _height = size
    base = Image.linear_gradient("L").resize(size)
    other = Image.radial_gradient("L").resize(size)
    noise = Image.effect_noise(size, 24).convert("L")
    picture = Image.merge("RGB", (base, other, Image.blend(noise, base, 0.5)))
    if seed:
        picture = picture.rotate(seed % 360)
    return picture


def noise(size: tuple[int, int]) -> Image.Image:
    """Colour noise: as incompressible as a picture gets (for byte-limit tests)."""
    return Image.merge("RGB", [Image.effect_noise(size, 128).convert("L") for _ in range(3)])


def halves(size: tuple[int, int], first: tuple[int, int, int], second: tuple[int, int, int]) -> Image.Image:
    """Left half ``first``, right half ``second``."""
    picture = Image.new("RGB", size, second)
    picture.paste(first, (0, 0, size[0] // 2, size[1]))
    return picture


def gps_exif(*, orientation: int | None = None) -> Image.Exif:
    """EXIF with a GPS position (Ankara), camera make/model, a date and a serial number."""
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15 Pro"
    exif[0x0132] = "2026:04:23 10:15:00"
    exif[0x0131] = "17.4"
    if orientation is not None:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (39.0, 55.0, 12.5)
    gps[3] = "E"
    gps[4] = (32.0, 51.0, 3.25)
    sub = exif.get_ifd(0x8769)
    sub[0xA431] = "F2LXK0PQ1234"
    return exif


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def assert_clean(path: Path) -> None:
    """No metadata left: Pillow sees none and the raw bytes carry none of the markers."""
    data = path.read_bytes()
    for marker in FORBIDDEN:
        assert marker not in data, f"{marker!r} found in {path.name}"
    with Image.open(path) as image:
        assert not image.getexif(), dict(image.getexif())
        leaked = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "photoshop", "comment", "Author", "Comment"}
        assert not leaked & set(image.info), image.info.keys()


def near(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 30) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=False))


def pixel(path: Path, xy: tuple[float, float]) -> tuple[int, ...]:
    """The pixel at fractions ``xy`` of the image, as RGB(A)."""
    with Image.open(path) as image:
        picture = image.convert("RGBA" if image.mode in ("RGBA", "P", "LA") else "RGB")
        x = min(picture.width - 1, int(xy[0] * picture.width))
        y = min(picture.height - 1, int(xy[1] * picture.height))
        value = picture.getpixel((x, y))
        assert isinstance(value, tuple)
        return value


# --------------------------------------------------------------------------------------------
# Bad input (issue 4): each a clear MediaError or a correct result, nothing written half
# --------------------------------------------------------------------------------------------


def test_zero_bytes_is_a_clear_error(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "bos.jpg"
    source.write_bytes(b"")
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "instagram", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.EMPTY
    assert "boş" in caught.value.message
    assert isinstance(caught.value, ValueError)
    assert files_in(out_dir) == []


def test_truncated_jpeg_is_corrupt(save: Save, out_dir: Path) -> None:
    whole = save(photo((800, 600)), "yarim.jpg", quality=90)
    data = whole.read_bytes()
    whole.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaError) as caught:
        media.prepare_image(whole, "facebook", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.CORRUPT
    assert str(caught.value) == "Bu dosya bozuk ya da eksik."
    assert files_in(out_dir) == []


def test_broken_png_header_is_corrupt(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "kirik.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "x", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.CORRUPT


@pytest.mark.parametrize(
    ("fmt", "name"), [("PNG", "aslinda-png.jpg"), ("JPEG", "aslinda-jpeg.png"), ("WEBP", "foto.gif")]
)
def test_wrong_extension_is_read_by_content(save: Save, out_dir: Path, fmt: str, name: str) -> None:
    source = save(halves((900, 600), RED, BLUE), name, format=fmt)
    result = media.prepare_image(source, "instagram", "feed", out_dir)
    assert result.suffix == ".jpg"
    with Image.open(result) as image:
        assert image.format == "JPEG"
        assert image.size == (900, 600)
    assert near(pixel(result, (0.1, 0.5)), RED)
    assert near(pixel(result, (0.9, 0.5)), BLUE)


def test_text_file_is_unsupported(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "not.jpg"
    source.write_text("Bu bir görsel değil.\n", encoding="utf-8")
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "x", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.UNSUPPORTED_TYPE
    assert "desteklenmiyor" in caught.value.message


def test_bmp_and_tiff_are_unsupported(save: Save, out_dir: Path) -> None:
    for name in ("eski.bmp", "tarama.tiff"):
        source = save(Image.new("RGB", (10, 10)), name)
        with pytest.raises(MediaError) as caught:
            media.prepare_image(source, "facebook", "feed", out_dir)
        assert caught.value.code is MediaErrorCode.UNSUPPORTED_TYPE


def test_video_given_as_image_is_unsupported(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "klip.jpg"
    source.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64)
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "instagram", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.UNSUPPORTED_TYPE
    assert "video" in caught.value.message


def test_missing_file_is_unreadable(tmp_path: Path, out_dir: Path) -> None:
    with pytest.raises(MediaError) as caught:
        media.prepare_image(tmp_path / "yok.jpg", "instagram", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.UNREADABLE


def test_cmyk_jpeg_becomes_rgb_with_its_colours(save: Save, out_dir: Path) -> None:
    cmyk = Image.new("CMYK", (600, 400), (0, 255, 255, 0))  # pure red ink
    cmyk.paste((255, 255, 0, 0), (300, 0, 600, 400))  # cyan + magenta: blue
    source = save(cmyk, "baski.jpg", quality=95)
    with Image.open(source) as opened:
        assert opened.mode == "CMYK"
    result = media.prepare_image(source, "instagram", "feed", out_dir)
    with Image.open(result) as image:
        assert image.mode == "RGB"
    red, blue = pixel(result, (0.1, 0.5)), pixel(result, (0.9, 0.5))
    assert near(red, (255, 0, 0), 60), red
    assert near(blue, (0, 0, 255), 60), blue
    assert_clean(result)


def test_16bit_grey_png_keeps_its_brightness(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "gri16.png"
    source.write_bytes(png_16bit(40, 30, 0, (40_000).to_bytes(2, "big")))
    with Image.open(source) as opened:
        assert opened.mode.startswith("I;16")
    result = media.prepare_image(source, "x", "feed", out_dir)
    value = pixel(result, (0.5, 0.5))
    assert all(abs(channel - 40_000 // 257) <= 3 for channel in value), value  # not clipped to white


def test_16bit_rgba_png_keeps_colour_and_transparency(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "renk16.png"
    source.write_bytes(png_16bit(40, 30, 6, bytes.fromhex("ffff 8000 0000 0000")))
    result = media.prepare_image(source, "x", "feed", out_dir)
    assert result.suffix == ".png"
    with Image.open(result) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((5, 5)) == (255, 128, 0, 0)


def test_16bit_rgb_png_for_instagram(tmp_path: Path, out_dir: Path) -> None:
    source = tmp_path / "renk16.png"
    source.write_bytes(png_16bit(500, 400, 2, bytes.fromhex("ffff 8000 0000")))
    result = media.prepare_image(source, "instagram", "feed", out_dir)
    assert near(pixel(result, (0.5, 0.5)), (255, 128, 0), 6)


def _palette_with_hole() -> Image.Image:
    picture = Image.new("P", (400, 300), 1)
    picture.putpalette([0, 0, 0, 220, 20, 30] + [0] * 762)
    picture.paste(0, (0, 0, 200, 300))  # left half: index 0, transparent
    picture.info["transparency"] = 0
    return picture


def test_palette_png_with_transparency_stays_transparent_where_png_is_allowed(save: Save, out_dir: Path) -> None:
    source = save(_palette_with_hole(), "logo.png", transparency=0)
    with Image.open(source) as opened:
        assert opened.mode == "P"
        assert "transparency" in opened.info
    result = media.prepare_image(source, "x", "feed", out_dir)
    assert result.suffix == ".png"
    assert pixel(result, (0.1, 0.5))[3] == 0
    assert pixel(result, (0.9, 0.5)) == (*RED, 255)
    assert_clean(result)


def test_palette_png_with_transparency_is_flattened_on_white_for_jpeg_only_platforms(save: Save, out_dir: Path) -> None:
    source = save(_palette_with_hole(), "logo.png", transparency=0)
    result = media.prepare_image(source, "instagram", "feed", out_dir)
    assert result.suffix == ".jpg"
    assert near(pixel(result, (0.1, 0.5)), (255, 255, 255), 4)  # not black
    assert near(pixel(result, (0.9, 0.5)), RED, 12)


def test_opaque_rgba_png_is_a_jpeg(save: Save, out_dir: Path) -> None:
    source = save(photo((640, 480)).convert("RGBA"), "ekran.png")
    assert media.prepare_image(source, "x", "feed", out_dir).suffix == ".jpg"


def test_grey_alpha_and_one_bit_pngs(save: Save, out_dir: Path) -> None:
    la = Image.merge("LA", (Image.new("L", (64, 64), 90), Image.linear_gradient("L").resize((64, 64))))
    assert media.prepare_image(save(la, "la.png"), "mastodon", "feed", out_dir).suffix == ".png"
    one = Image.new("1", (64, 64), 1)
    result = media.prepare_image(save(one, "bir.png"), "telegram", "feed", out_dir)
    assert near(pixel(result, (0.5, 0.5)), (255, 255, 255), 2)


def _animated_gif(save: Save, name: str = "hareket.gif") -> Path:
    frames = [Image.new("RGB", (300, 200), color) for color in (RED, GREEN, BLUE)]
    return save(
        frames[0], name, save_all=True, append_images=frames[1:], duration=[100, 200, 300], loop=0, comment=b"gizli-not"
    )


def test_animated_gif_stays_animated_where_the_platform_plays_gifs(save: Save, out_dir: Path) -> None:
    source = _animated_gif(save)
    result = media.prepare_image(source, "x", "feed", out_dir)
    assert result.suffix == ".gif"
    with Image.open(result) as image:
        assert image.format == "GIF"
        assert image.n_frames == 3
        assert image.size == (300, 200)
        durations = []
        for index in range(3):
            image.seek(index)
            durations.append(image.info["duration"])
        assert durations == [100, 200, 300]
    assert near(pixel(result, (0.5, 0.5)), RED, 10)
    assert_clean(result)


@pytest.mark.parametrize(("platform", "placement"), [("instagram", "feed"), ("bluesky", "feed"), ("x", "link_card")])
def test_animated_gif_gives_its_first_frame_elsewhere(save: Save, out_dir: Path, platform: str, placement: str) -> None:
    result = media.prepare_image(_animated_gif(save), platform, placement, out_dir)
    assert result.suffix == ".jpg"
    assert near(pixel(result, (0.5, 0.5)), RED, 12)
    assert_clean(result)


def test_animated_gif_over_the_gif_frame_limit_gives_its_first_frame(save: Save, out_dir: Path) -> None:
    frames = [Image.new("RGB", (40, 30), (i % 256, 0, 0)) for i in range(260)]  # LinkedIn: ~250 frames
    source = save(frames[0], "uzun.gif", save_all=True, append_images=frames[1:], duration=40)
    assert media.prepare_image(source, "linkedin", "feed", out_dir).suffix == ".jpg"
    assert media.prepare_image(source, "x", "feed", out_dir).suffix == ".gif"  # X: 350 frames


def test_20000_by_20000_png_is_refused_before_decoding(tmp_path: Path, out_dir: Path) -> None:
    source = write_huge_png(tmp_path / "bomba.png", 20_000, 20_000)
    assert source.stat().st_size < 200_000
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "facebook", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.TOO_MANY_PIXELS
    assert caught.value.message == ("Görsel çok büyük (20.000 × 20.000 piksel); en fazla 120.000.000 piksel olabilir.")
    assert files_in(out_dir) == []
    with pytest.raises(MediaError):
        media.describe_metadata(source)
    with pytest.raises(MediaError):
        media.thumbnail(source, 128, out_dir)


def test_just_over_the_budget_is_refused_without_a_pillow_warning(tmp_path: Path, out_dir: Path) -> None:
    # 126 MP: over the budget but under Pillow's error threshold (2 ×); warnings are errors here.
    source = write_huge_png(tmp_path / "buyuk.png", 12_000, 10_500)
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "x", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.TOO_MANY_PIXELS
    assert "12.000 × 10.500" in caught.value.message


def test_jpeg_with_a_forged_huge_size_is_refused(save: Save, out_dir: Path) -> None:
    source = save(Image.new("RGB", (16, 16)), "sahte.jpg")
    data = bytearray(source.read_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = (30_000).to_bytes(2, "big") + (30_000).to_bytes(2, "big")
    source.write_bytes(bytes(data))
    with pytest.raises(MediaError) as caught:
        media.prepare_image(source, "x", "feed", out_dir)
    assert caught.value.code is MediaErrorCode.TOO_MANY_PIXELS
    assert "30.000 × 30.000" in caught.value.message


def test_pillow_bomb_guard_is_set_for_the_whole_process(save: Save, out_dir: Path) -> None:
    media.prepare_image(save(Image.new("RGB", (8, 8)), "k.png"), "x", "feed", out_dir)
    assert Image.MAX_IMAGE_PIXELS == media.PIXEL_BUDGET


def test_heic_from_a_phone_with_gps(save: Save, out_dir: Path) -> None:
    stored = halves((400, 300), RED, BLUE)  # orientation 6: shown turned clockwise, red on top
    source = save(stored, "IMG_0001.HEIC", format="HEIF", exif=gps_exif(orientation=6).tobytes(), quality=90)
    described = media.describe_metadata(source)
    assert described[:2] == ["GPS konumu", "Kamera modeli"]
    assert "Cihaz seri numarası" in described
    assert "Çekim tarihi ve saati" in described
    result = media.prepare_image(source, "instagram", "feed", out_dir)
    with Image.open(result) as image:
        assert image.format == "JPEG"
        assert image.size == (320, 400)  # upright 300 × 400, cropped to 4:5, Instagram minimum 320 wide
    assert near(pixel(result, (0.5, 0.05)), RED, 40)
    assert near(pixel(result, (0.5, 0.95)), BLUE, 40)
    assert_clean(result)


# --------------------------------------------------------------------------------------------
# Metadata: what is listed, and that none of it leaves
# --------------------------------------------------------------------------------------------

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    b'exif:GPSLatitude="39,55.2N" exif:GPSLongitude="32,51.0E"/></rdf:RDF></x:xmpmeta>'
)


def _srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def test_jpeg_with_everything_is_described_and_comes_out_clean(save: Save, out_dir: Path) -> None:
    source = save(
        photo((1200, 900)),
        "kamera.jpg",
        exif=gps_exif().tobytes(),
        xmp=XMP,
        icc_profile=_srgb_icc(),
        comment=b"gizli-not",
        quality=90,
    )
    described = media.describe_metadata(source)
    for label in (
        "GPS konumu",
        "Kamera modeli",
        "Çekim tarihi ve saati",
        "Cihaz seri numarası",
        "Düzenleme yazılımı",
        "XMP bilgileri",
        "Renk profili (sRGB'ye dönüştürülür)",
        "Metin notları ve yorumlar",
    ):
        assert label in described, (label, described)
    assert len(described) == len(set(described))
    for platform, placement in ALL_IMAGE_SPECS[:6]:
        assert_clean(media.prepare_image(source, platform, placement, out_dir))
    assert_clean(media.thumbnail(source, 160, out_dir / "thumbs"))


def test_a_broken_colour_profile_is_ignored_and_dropped(save: Save, out_dir: Path) -> None:
    source = save(halves((400, 300), RED, BLUE), "bozuk-profil.jpg", icc_profile=b"ICC_PROFILE-not-really" * 20)
    result = media.prepare_image(source, "facebook", "feed", out_dir)
    assert near(pixel(result, (0.1, 0.5)), RED)
    assert_clean(result)


def test_png_text_chunks_and_webp_exif_are_removed(save: Save, out_dir: Path) -> None:
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "gizli-not")
    text.add_text("Comment", "iPhone")
    png = save(photo((300, 200)), "notlu.png", pnginfo=text)
    assert "Metin notları ve yorumlar" in media.describe_metadata(png)
    assert_clean(media.prepare_image(png, "mastodon", "feed", out_dir))
    webp = save(photo((300, 200)), "konum.webp", exif=gps_exif().tobytes(), xmp=XMP)
    assert media.describe_metadata(webp)[:2] == ["GPS konumu", "Kamera modeli"]
    assert_clean(media.prepare_image(webp, "bluesky", "feed", out_dir))


def test_clean_file_has_nothing_to_describe(save: Save) -> None:
    assert media.describe_metadata(save(Image.new("RGB", (20, 20)), "temiz.png")) == []


def test_exif_orientation_is_applied_to_the_pixels(save: Save, out_dir: Path) -> None:
    # Stored 400 × 200, left red / right blue; orientation 6 (turn clockwise): upright 200 × 400,
    # red on top. The output has no orientation tag, so it must already look upright.
    source = save(halves((400, 200), RED, BLUE), "yan.jpg", exif=gps_exif(orientation=6).tobytes(), quality=95)
    assert "Döndürme bilgisi (görsele uygulanır)" in media.describe_metadata(source)
    result = media.prepare_image(source, "x", "feed", out_dir)
    with Image.open(result) as image:
        assert image.size == (200, 400)
    assert near(pixel(result, (0.5, 0.1)), RED)
    assert near(pixel(result, (0.5, 0.9)), BLUE)


@pytest.mark.parametrize(("orientation", "top_left"), [(3, BLUE), (8, BLUE), (2, BLUE)])
def test_other_orientations(save: Save, out_dir: Path, orientation: int, top_left: tuple[int, int, int]) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    source = save(halves((400, 200), RED, BLUE), "o.jpg", exif=exif.tobytes(), quality=95)
    result = media.prepare_image(source, "mastodon", "feed", out_dir)
    assert near(pixel(result, (0.02, 0.02)), top_left)


# --------------------------------------------------------------------------------------------
# Per platform: sizes, shapes, formats, byte limits
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def landscape(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("landscape") / "manzara.jpg"
    photo((3000, 1500)).save(path, quality=90, exif=gps_exif().tobytes())
    return path


@pytest.mark.parametrize(("platform", "placement"), ALL_IMAGE_SPECS, ids=lambda v: str(v))
def test_every_placement_meets_its_rule(
    landscape: Path, out_dir: Path, platform: Platform, placement: Placement
) -> None:
    spec = media.image_spec(platform, placement)
    result = media.prepare_image(landscape, platform, placement, out_dir, focal_point=(0.3, 0.6))
    size = result.stat().st_size
    assert 0 < size <= spec.max_bytes
    with Image.open(result) as image:
        assert ImageFormat(image.format) in spec.formats
        width, height = image.size
    if spec.exact_size is not None:
        assert (width, height) == spec.exact_size
    assert width <= spec.max_width
    assert height <= spec.max_height
    assert width >= spec.min_width
    ratio = width / height
    tolerance = 1.5 / min(width, height)
    assert spec.min_ratio - tolerance <= ratio <= spec.max_ratio + tolerance * ratio
    if spec.max_pixels is not None:
        assert width * height <= spec.max_pixels
    assert_clean(result)


def test_sizes_named_in_the_reference() -> None:
    assert media.image_spec("instagram", "story").exact_size == (1080, 1920)
    assert media.image_spec("facebook", "link_card").exact_size == (1200, 628)
    assert media.image_spec("bluesky", "link_card").max_bytes == 1_000_000
    assert media.image_spec("bluesky", "feed").max_bytes == 2_000_000
    assert media.image_spec("instagram", "feed").max_bytes == 8 * 1024 * 1024
    assert media.image_spec("instagram", "feed").formats == (ImageFormat.JPEG,)
    assert (media.image_spec("instagram", "feed").min_ratio, media.image_spec("instagram", "feed").max_ratio) == (
        0.8,
        1.91,
    )
    assert media.image_spec("x", "feed").max_bytes == 5_000_000
    assert media.image_spec("mastodon", "feed").max_bytes == 16 * 1024 * 1024
    assert media.image_spec("telegram", "feed").max_bytes == 10_000_000
    assert media.image_placements("instagram") == (Placement.FEED, Placement.STORY, Placement.CAROUSEL)
    assert media.image_placements("x") == (Placement.FEED, Placement.LINK_CARD, Placement.CAROUSEL)


def test_instagram_feed_crops_a_panorama_to_191_and_a_tall_picture_to_4_5(save: Save, out_dir: Path) -> None:
    wide = media.prepare_image(save(photo((4000, 1000)), "pano.jpg"), "instagram", "feed", out_dir)
    with Image.open(wide) as image:
        assert image.size == (1080, 565)  # 1.91:1
    tall = media.prepare_image(save(photo((1500, 4000)), "uzun.jpg"), "instagram", "feed", out_dir)
    with Image.open(tall) as image:
        assert image.size == (1080, 1350)  # 4:5


def test_small_picture_is_enlarged_only_to_a_platform_minimum(save: Save, out_dir: Path) -> None:
    small = save(photo((200, 200)), "kucuk.jpg")
    with Image.open(media.prepare_image(small, "instagram", "feed", out_dir)) as image:
        assert image.size == (320, 320)  # Instagram's minimum width
    with Image.open(media.prepare_image(small, "x", "feed", out_dir)) as image:
        assert image.size == (200, 200)  # never enlarged otherwise
    with Image.open(media.prepare_image(small, "facebook", "story", out_dir)) as image:
        assert image.size == (1080, 1920)  # fixed-size placement


def test_unsupported_placement(landscape: Path, out_dir: Path) -> None:
    with pytest.raises(MediaError) as caught:
        media.prepare_image(landscape, "instagram", "link_card", out_dir)
    assert caught.value.code is MediaErrorCode.PLACEMENT_UNSUPPORTED
    assert caught.value.message == "Instagram için “bağlantı kartı” biçimi yok."
    with pytest.raises(MediaError):
        media.prepare_image(landscape, "x", "story", out_dir)
    with pytest.raises(ValueError, match="unknown platform"):
        media.prepare_image(landscape, "myspace", "feed", out_dir)
    with pytest.raises(ValueError, match="unknown placement"):
        media.prepare_image(landscape, "x", "banner", out_dir)
    assert files_in(out_dir) == []


def test_quality_search_fits_the_byte_limit(save: Save, out_dir: Path) -> None:
    source = save(noise((2000, 2000)), "gurultu.jpg", quality=95)
    plain = io.BytesIO()
    with Image.open(source) as image:
        image.convert("RGB").save(plain, "JPEG", quality=prepare.JPEG_QUALITY)
    assert len(plain.getvalue()) > 2_000_000  # at the default quality it would not fit Bluesky
    result = media.prepare_image(source, "bluesky", "feed", out_dir)
    assert result.stat().st_size <= 2_000_000
    with Image.open(result) as image:
        assert image.size[0] >= 1000  # quality first, then size


def test_over_the_byte_limit_after_best_effort(save: Save, out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tiny = dataclasses.replace(media.image_spec("bluesky", "link_card"), max_bytes=2_000)
    monkeypatch.setattr(prepare, "image_spec", lambda platform, placement: tiny)
    with pytest.raises(MediaError) as caught:
        media.prepare_image(save(noise((600, 400)), "gurultu.png"), "bluesky", "link_card", out_dir)
    assert caught.value.code is MediaErrorCode.TOO_LARGE_BYTES
    assert caught.value.message == "Görsel, Bluesky için küçültülüp sıkıştırıldığı hâlde 2 KB sınırına sığmadı."
    assert files_in(out_dir) == []


def test_large_picture_with_a_draft_decode_has_the_right_size_and_content(save: Save, out_dir: Path) -> None:
    source = save(halves((4000, 3000), RED, BLUE), "buyuk.jpg", quality=90)
    result = media.prepare_image(source, "instagram", "feed", out_dir)
    with Image.open(result) as image:
        assert image.size == (1080, 810)
    assert near(pixel(result, (0.2, 0.5)), RED)
    assert near(pixel(result, (0.8, 0.5)), BLUE)


# --------------------------------------------------------------------------------------------
# Focal point, cache, cancel, progress, atomic writes
# --------------------------------------------------------------------------------------------


def test_focal_point_chooses_the_crop(save: Save, out_dir: Path) -> None:
    # 3000 × 1000, red in the left sixth only. A 9:16 story keeps a strip 562 px wide.
    picture = Image.new("RGB", (3000, 1000), BLUE)
    picture.paste(RED, (0, 0, 500, 1000))
    source = save(picture, "serit.png")
    left = media.prepare_image(source, "instagram", "story", out_dir, focal_point=(0.0, 0.5))
    right = media.prepare_image(source, "instagram", "story", out_dir, focal_point=(1.0, 0.5))
    middle = media.prepare_image(source, "instagram", "story", out_dir)
    assert len({left, right, middle}) == 3
    assert near(pixel(left, (0.3, 0.5)), RED)
    assert near(pixel(right, (0.1, 0.5)), BLUE)
    assert near(pixel(middle, (0.1, 0.5)), BLUE)
    # Focused on the red edge: the crop is centred on it as far as the picture allows.
    edge = media.prepare_image(source, "instagram", "story", out_dir, focal_point=(500 / 3000, 0.5))
    assert near(pixel(edge, (0.2, 0.5)), RED)
    assert near(pixel(edge, (0.8, 0.5)), BLUE)


def test_focal_point_only_names_variants_that_crop(landscape: Path, out_dir: Path) -> None:
    a = media.prepare_image(landscape, "x", "feed", out_dir, focal_point=(0.1, 0.1))
    b = media.prepare_image(landscape, "x", "feed", out_dir, focal_point=(0.9, 0.9))
    assert a == b  # X keeps the picture's shape: nothing to crop
    c = media.prepare_image(landscape, "x", "link_card", out_dir, focal_point=(0.1, 0.1))
    d = media.prepare_image(landscape, "x", "link_card", out_dir, focal_point=(0.9, 0.9))
    assert c != d


def test_focal_point_is_clamped_and_rounded(landscape: Path, out_dir: Path) -> None:
    a = media.prepare_image(landscape, "instagram", "carousel", out_dir, focal_point=(1.7, -3))
    b = media.prepare_image(landscape, "instagram", "carousel", out_dir, focal_point=(1.0, 0.0))
    c = media.prepare_image(landscape, "instagram", "carousel", out_dir, focal_point=(0.99999, 0.0001))
    assert a == b == c
    assert "-f1000x000-" in a.name
    with pytest.raises(ValueError, match="finite"):
        media.prepare_image(landscape, "x", "feed", out_dir, focal_point=(float("nan"), 0.5))


def test_variants_are_cached_by_content(
    landscape: Path, tmp_path: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = media.prepare_image(landscape, "facebook", "feed", out_dir)
    stamp = first.stat().st_mtime_ns
    copy = tmp_path / "baska-ad.jpeg"
    copy.write_bytes(landscape.read_bytes())

    def no_decoding(source: Path) -> None:
        raise AssertionError("a cache hit must not decode")

    monkeypatch.setattr(prepare, "_open", no_decoding)
    assert media.prepare_image(landscape, "facebook", "feed", out_dir) == first
    assert media.prepare_image(copy, Platform.FACEBOOK, Placement.FEED, out_dir) == first  # same bytes
    assert first.stat().st_mtime_ns == stamp
    sha = prepare.file_digest(landscape)
    assert first.name.startswith(sha[:24] + "-facebook-feed-f500x500-")
    assert files_in(out_dir) == [first]


def test_prepare_variants_decodes_once_and_keeps_order(
    landscape: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    real_open = prepare._open

    def counting(source: Path) -> Image.Image:
        opened.append(source)
        return real_open(source)

    monkeypatch.setattr(prepare, "_open", counting)
    targets = [("instagram", "story"), ("x", "feed"), ("bluesky", "link_card"), ("instagram", "carousel")]
    results = media.prepare_variants(landscape, targets, out_dir)
    assert len(opened) == 1
    assert [r.name.split("-")[1:3] for r in results] == [
        ["instagram", "story"],
        ["x", "feed"],
        ["bluesky", "link_card"],
        ["instagram", "carousel"],
    ]
    assert media.prepare_variants(landscape, targets, out_dir) == results
    assert len(opened) == 1


def test_progress_runs_from_zero_to_one(landscape: Path, out_dir: Path) -> None:
    seen: list[float] = []
    media.prepare_variants(landscape, [("x", "feed"), ("instagram", "story")], out_dir, progress=seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


def test_cancel_before_start_writes_nothing(landscape: Path, out_dir: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(MediaCancelledError) as caught:
        media.prepare_image(landscape, "x", "feed", out_dir, cancel=cancel)
    assert caught.value.code is MediaErrorCode.CANCELLED
    assert files_in(out_dir) == []


def test_cancel_midway_leaves_only_whole_files(landscape: Path, out_dir: Path) -> None:
    cancel = threading.Event()
    targets = [("x", "feed"), ("instagram", "story"), ("facebook", "link_card")]

    def on_progress(value: float) -> None:
        if any(out_dir.glob("*.jpg")):  # right after the first variant is written
            cancel.set()

    with pytest.raises(MediaCancelledError):
        media.prepare_variants(landscape, targets, out_dir, cancel=cancel, progress=on_progress)
    written = files_in(out_dir)
    assert len(written) == 1
    assert not written[0].name.startswith(".tmp")
    with Image.open(written[0]) as image:
        image.load()  # whole
    # Asking again finishes the rest and reuses the finished one.
    results = media.prepare_variants(landscape, targets, out_dir)
    assert written[0] in results
    assert len(files_in(out_dir)) == 3


def test_a_failed_write_leaves_nothing(landscape: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        media.prepare_image(landscape, "x", "feed", out_dir)
    assert files_in(out_dir) == []


def test_thumbnail_is_cached_oriented_and_small(save: Save, tmp_path: Path) -> None:
    source = save(halves((1600, 800), RED, BLUE), "t.jpg", exif=gps_exif(orientation=6).tobytes())
    cache = tmp_path / "thumbs"
    first = media.thumbnail(source, 128, cache)
    with Image.open(first) as image:
        assert image.size == (64, 128)
    assert near(pixel(first, (0.5, 0.1)), RED)
    assert_clean(first)
    stamp = first.stat().st_mtime_ns
    assert media.thumbnail(source, 128, cache) == first
    assert first.stat().st_mtime_ns == stamp
    assert media.thumbnail(source, 64, cache) != first
    transparent = save(_palette_with_hole(), "logo.png", transparency=0)
    assert media.thumbnail(transparent, 64, cache).suffix == ".png"


# --------------------------------------------------------------------------------------------
# The package
# --------------------------------------------------------------------------------------------


def test_media_error_shape() -> None:
    error = media.MediaError(MediaErrorCode.CORRUPT, "Bu dosya bozuk ya da eksik.", path="a.jpg")
    assert isinstance(error, ValueError)
    assert str(error) == error.message
    assert error.code == "corrupt"
    assert error.path == Path("a.jpg")
    assert isinstance(MediaCancelledError(), MediaError)


def test_importing_media_loads_neither_pillow_nor_pyav() -> None:
    code = "import sys, kurum_masaustu.media; sys.exit(('PIL' in sys.modules) + 2 * ('av' in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0


def test_specs_are_pure() -> None:
    code = (
        "import sys, kurum_masaustu.media.specs as s; "
        "sys.exit(any(m in sys.modules for m in ('PIL', 'av', 'PySide6', 'sqlalchemy')))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0


def test_a_jpeg_is_read_without_loading_the_heif_plugin_and_a_heic_after_it(tmp_path: Path) -> None:
    # pillow_heif costs tens of milliseconds to import: the media pane reading a JPEG's metadata
    # while the window starts must not pay it, and a phone's HEIC opened later still works.
    jpeg = tmp_path / "park.jpg"
    Image.new("RGB", (64, 48), "green").save(jpeg, "JPEG")
    heic = tmp_path / "phone.heic"
    pillow_heif.from_pillow(Image.new("RGB", (64, 48), "blue")).save(heic, quality=80)
    code = (
        "import json, sys\n"
        "from kurum_masaustu.media import prepare\n"
        f"prepare.describe_metadata({str(jpeg)!r})\n"
        "after_jpeg = 'pillow_heif' in sys.modules\n"
        f"prepare.describe_metadata({str(heic)!r})\n"
        "print(json.dumps([after_jpeg, 'pillow_heif' in sys.modules]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[false, true]"
