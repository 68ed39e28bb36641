"""Video: probe, per-platform validation, cover frames, H.264/AAC transcoding with progress and
cancel. Clips are one second of 320×240 test pattern (see conftest), so the module runs fast."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import av  # noqa: F401  (a dependency: a missing install must fail, not skip)
import pytest
from PIL import Image

from kurum_masaustu import media
from kurum_masaustu.media import video
from kurum_masaustu.media.errors import MediaCancelledError, MediaError, MediaErrorCode
from kurum_masaustu.media.video import VideoInfo, VideoProblemCode
from kurum_masaustu.rules.text import Severity

PHONE_4K = VideoInfo(
    duration=45.0,
    width=2160,
    height=3840,
    video_codec="hevc",
    audio_codec="aac",
    fps=59.94,
    has_audio=True,
    container="mov",
    size_bytes=180_000_000,
    rotation=270,
    pixel_format="yuv420p10le",
    profile="Main 10",
    audio_sample_rate=48_000,
)


def codes(problems: list[video.Problem]) -> set[VideoProblemCode]:
    return {p.code for p in problems}


# --------------------------------------------------------------------------------------------
# Probe
# --------------------------------------------------------------------------------------------


def test_probe_reads_what_platforms_check(clips: dict[str, Path]) -> None:
    info = media.probe(clips["plain"])
    assert info.duration == pytest.approx(1.0, abs=0.1)
    assert (info.width, info.height) == (320, 240)
    assert info.video_codec == "h264"
    assert info.audio_codec == "aac"
    assert info.has_audio is True
    assert info.fps == pytest.approx(25.0)
    assert info.container == "mp4"
    assert info.rotation == 0
    assert info.pixel_format == "yuv420p"
    assert info.audio_sample_rate == 48_000
    assert info.size_bytes == clips["plain"].stat().st_size


def test_probe_applies_a_phone_rotation(clips: dict[str, Path]) -> None:
    info = media.probe(clips["rotated"])
    assert info.rotation == 90
    assert (info.width, info.height) == (240, 320)


def test_probe_without_audio(clips: dict[str, Path]) -> None:
    info = media.probe(clips["mpeg4"])
    assert info.has_audio is False
    assert info.audio_codec is None
    assert info.video_codec == "mpeg4"
    assert info.fps == pytest.approx(30.0)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", MediaErrorCode.EMPTY),
        (b"just some text, not a video\n" * 10, MediaErrorCode.UNSUPPORTED_TYPE),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, MediaErrorCode.UNSUPPORTED_TYPE),  # a JPEG
    ],
)
def test_probe_bad_files(tmp_path: Path, content: bytes, code: MediaErrorCode) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(content)
    with pytest.raises(MediaError) as caught:
        media.probe(path)
    assert caught.value.code is code
    assert caught.value.message


def test_probe_truncated_mp4_is_corrupt(clips: dict[str, Path], tmp_path: Path) -> None:
    data = clips["plain"].read_bytes()
    path = tmp_path / "yarim.mp4"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(MediaError) as caught:
        media.probe(path)
    assert caught.value.code is MediaErrorCode.CORRUPT
    assert caught.value.message == "Bu dosya bozuk ya da eksik."


def test_probe_audio_only_has_no_picture(clips: dict[str, Path]) -> None:
    with pytest.raises(MediaError) as caught:
        media.probe(clips["audio_only"])
    assert caught.value.code is MediaErrorCode.VIDEO_UNSUPPORTED
    assert "görüntü yok" in caught.value.message


def test_probe_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        media.probe(tmp_path / "yok.mp4")
    assert caught.value.code is MediaErrorCode.UNREADABLE


# --------------------------------------------------------------------------------------------
# Validate
# --------------------------------------------------------------------------------------------


def test_one_second_clip_per_platform(clips: dict[str, Path]) -> None:
    info = media.probe(clips["plain"])
    assert media.validate(info, "x", "feed") == []
    assert media.validate(info, "mastodon", "feed") == []
    reel = media.validate(info, "instagram", "reel")
    assert [p.code for p in reel] == [VideoProblemCode.TOO_SHORT, VideoProblemCode.ASPECT_RECOMMENDED]
    too_short, aspect = reel
    assert too_short.severity is Severity.BLOCKING
    assert too_short.transcode_fixes is False
    assert too_short.message == "Video çok kısa (1 saniye); en az 3 saniye olmalı."
    assert aspect.severity is Severity.WARNING
    assert "9:16" in aspect.message
    fb_reel = codes(media.validate(info, "facebook", "reel"))
    assert {VideoProblemCode.TOO_SHORT, VideoProblemCode.TOO_SMALL} <= fb_reel
    tiny = dataclasses.replace(info, size_bytes=50_000)
    assert VideoProblemCode.FILE_TOO_SMALL in codes(media.validate(tiny, "linkedin", "feed"))  # 75 KB


def test_phone_video_for_x_needs_a_transcode_only() -> None:
    problems = media.validate(PHONE_4K, "x", "feed")
    assert codes(problems) == {VideoProblemCode.TOO_BIG, VideoProblemCode.VIDEO_CODEC, VideoProblemCode.PIXEL_FORMAT}
    assert all(p.transcode_fixes for p in problems)
    assert all(p.severity is Severity.BLOCKING for p in problems)
    big = next(p for p in problems if p.code is VideoProblemCode.TOO_BIG)
    assert big.message == "Görüntü çok büyük (2.160 × 3.840 piksel); en fazla 1.280 × 1.024 piksel olabilir."


def test_limits_from_the_reference() -> None:
    long = dataclasses.replace(PHONE_4K, duration=200.0, video_codec="h264", pixel_format="yuv420p")
    assert VideoProblemCode.TOO_LONG in codes(media.validate(long, "x", "feed"))  # 140 s
    assert VideoProblemCode.TOO_LONG in codes(media.validate(long, "bluesky", "feed"))  # 3 min
    assert VideoProblemCode.TOO_LONG in codes(media.validate(long, "facebook", "reel"))  # 90 s
    assert VideoProblemCode.TOO_LONG not in codes(media.validate(long, "instagram", "reel"))  # 15 min
    dci = dataclasses.replace(PHONE_4K, width=4096, height=2160)
    assert VideoProblemCode.TOO_MANY_PIXELS in codes(media.validate(dci, "mastodon", "feed"))  # 8,294,400
    assert VideoProblemCode.TOO_MANY_PIXELS not in codes(media.validate(PHONE_4K, "mastodon", "feed"))
    assert VideoProblemCode.CONTAINER in codes(media.validate(PHONE_4K, "linkedin", "feed"))  # MP4 only
    fast = dataclasses.replace(long, duration=30.0, fps=120.0)
    problems = media.validate(fast, "instagram", "story")
    assert VideoProblemCode.FPS_TOO_HIGH in codes(problems)
    slow = dataclasses.replace(long, duration=30.0, fps=15.0)
    assert VideoProblemCode.FPS_TOO_LOW in codes(media.validate(slow, "instagram", "reel"))
    hifi = dataclasses.replace(long, duration=30.0, audio_sample_rate=96_000)
    assert VideoProblemCode.AUDIO_SAMPLE_RATE in codes(media.validate(hifi, "instagram", "reel"))
    panorama = dataclasses.replace(long, duration=30.0, width=4000, height=1000)
    assert VideoProblemCode.ASPECT_RATIO in codes(media.validate(panorama, "x", "feed"))  # 1:3–3:1
    upright = dataclasses.replace(long, duration=30.0, width=1080, height=1920)
    assert media.validate(upright, "instagram", "reel") == []
    assert media.validate(upright, "manual", "story") == []


def test_unsupported_video_placement() -> None:
    with pytest.raises(MediaError) as caught:
        media.validate(PHONE_4K, "x", "story")
    assert caught.value.code is MediaErrorCode.PLACEMENT_UNSUPPORTED
    assert media.video_placements("instagram") == (media.Placement.FEED, media.Placement.STORY, media.Placement.REEL)


# --------------------------------------------------------------------------------------------
# Cover frame
# --------------------------------------------------------------------------------------------


def test_cover_frame(clips: dict[str, Path], tmp_path: Path) -> None:
    out = media.cover_frame(clips["plain"], 0.5, tmp_path / "kapak.jpg")
    assert out == tmp_path / "kapak.jpg"
    with Image.open(out) as image:
        assert (image.format, image.size) == ("JPEG", (320, 240))
        assert not image.getexif()
    assert b"Exif" not in out.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["kapak.jpg"]


def test_cover_frame_differs_by_time_and_is_clamped(clips: dict[str, Path], tmp_path: Path) -> None:
    first = media.cover_frame(clips["plain"], 0.0, tmp_path / "a.png")
    later = media.cover_frame(clips["plain"], 0.8, tmp_path / "b.png")
    beyond = media.cover_frame(clips["plain"], 99.0, tmp_path / "c.png")
    with Image.open(first) as a, Image.open(later) as b, Image.open(beyond) as c:
        assert a.format == "PNG"
        assert a.tobytes() != b.tobytes()  # testsrc moves
        assert c.size == (320, 240)


def test_cover_frame_is_upright(clips: dict[str, Path], tmp_path: Path) -> None:
    out = media.cover_frame(clips["rotated"], 0.2, tmp_path / "dik.jpg")
    with Image.open(out) as image:
        assert image.size == (240, 320)


# --------------------------------------------------------------------------------------------
# Transcode
# --------------------------------------------------------------------------------------------


def test_transcode_to_h264_aac_with_progress(clips: dict[str, Path], tmp_path: Path) -> None:
    seen: list[float] = []
    out = media.transcode_h264(
        clips["plain"], tmp_path / "x.mp4", max_edge=160, cancel=threading.Event(), progress=seen.append
    )
    info = media.probe(out)
    assert (info.video_codec, info.audio_codec, info.container) == ("h264", "aac", "mp4")
    assert (info.width, info.height) == (160, 120)
    assert info.pixel_format == "yuv420p"
    assert info.profile == "High"
    assert info.duration == pytest.approx(1.0, abs=0.15)
    assert info.fps == pytest.approx(25.0)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 3
    assert media.validate(info, "x", "feed") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.mp4"]


def test_transcode_puts_moov_first(clips: dict[str, Path], tmp_path: Path) -> None:
    out = media.transcode_h264(clips["plain"], tmp_path / "ig.mp4", max_edge=320)
    data = out.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")


def test_transcode_turns_a_rotated_video_upright(clips: dict[str, Path], tmp_path: Path) -> None:
    out = media.transcode_h264(clips["rotated"], tmp_path / "dik.mp4", max_edge=200)
    info = media.probe(out)
    assert info.rotation == 0
    assert (info.width, info.height) == (150, 200)


def test_transcode_fixes_what_validate_says_it_fixes(clips: dict[str, Path], tmp_path: Path) -> None:
    before = media.probe(clips["mpeg4"])
    problems = media.validate(before, "x", "feed")
    assert codes(problems) == {VideoProblemCode.VIDEO_CODEC}
    assert all(p.transcode_fixes for p in problems)
    spec = media.video_spec("x", "feed")
    out = media.transcode_h264(clips["mpeg4"], tmp_path / "h264.mp4", max_edge=spec.transcode_edge)
    after = media.probe(out)
    assert media.validate(after, "x", "feed") == []
    assert after.has_audio is False
    assert (after.width, after.height) == (320, 240)  # never enlarged


def test_transcode_caps_the_frame_rate(clip_maker: Callable[..., Path], tmp_path: Path) -> None:
    fast = clip_maker(tmp_path / "hizli.mp4", seconds=0.5, size=(160, 120), fps=50, audio=False)
    out = media.transcode_h264(fast, tmp_path / "yavas.mp4", max_edge=160, max_fps=25)
    info = media.probe(out)
    assert info.fps == pytest.approx(25.0)
    assert info.duration == pytest.approx(0.5, abs=0.1)


def test_cancel_removes_the_partial_output(clips: dict[str, Path], tmp_path: Path) -> None:
    cancel = threading.Event()

    def on_progress(value: float) -> None:
        if value > 0.2:
            cancel.set()

    target = tmp_path / "iptal.mp4"
    with pytest.raises(MediaCancelledError) as caught:
        media.transcode_h264(clips["plain"], target, max_edge=320, cancel=cancel, progress=on_progress)
    assert caught.value.code is MediaErrorCode.CANCELLED
    assert list(tmp_path.iterdir()) == []


def test_cancel_before_start(clips: dict[str, Path], tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(MediaCancelledError):
        media.transcode_h264(clips["plain"], tmp_path / "hic.mp4", max_edge=320, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_transcode_a_bad_source_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bozuk.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 200)
    with pytest.raises(MediaError) as caught:
        media.transcode_h264(bad, tmp_path / "cikti.mp4", max_edge=320)
    assert caught.value.code is MediaErrorCode.CORRUPT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bozuk.mp4"]


def test_output_size_is_even_and_never_enlarged() -> None:
    assert video.output_size(1920, 1080, 1280) == (1280, 720)
    assert video.output_size(1080, 1920, 1280) == (720, 1280)
    assert video.output_size(333, 201, 1280) == (332, 200)
    assert video.output_size(640, 480, 4000) == (640, 480)


def test_video_thumbnail(clips: dict[str, Path], tmp_path: Path) -> None:
    thumb = media.thumbnail(clips["rotated"], 64, tmp_path / "thumbs")
    with Image.open(thumb) as image:
        assert image.size == (48, 64)
    assert media.thumbnail(clips["rotated"], 64, tmp_path / "thumbs") == thumb
    assert sorted(p.name for p in (tmp_path / "thumbs").iterdir()) == [thumb.name]
