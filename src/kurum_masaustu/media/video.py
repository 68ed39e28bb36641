"""Videos: probe, check against each platform's rules, pick a cover frame, transcode to H.264/AAC.

PyAV (``av``, FFmpeg bundled in its wheel, libx264 included) is imported on first use, never
when this module is imported. Every call blocks: run it off the UI thread.

- :func:`probe` reads what a platform checks: duration, displayed size (a phone's rotation
  applied), codecs, frame rate, audio, container, bytes.
- :func:`validate` compares a :class:`VideoInfo` with a platform's rule
  (:func:`kurum_masaustu.media.specs.video_spec`) and says, per problem, whether
  :func:`transcode_h264` would fix it (codec, container, size, frame rate, pixel format) or the
  person must (too long, too short, wrong shape).
- :func:`cover_frame` saves the frame at a time as a picture without metadata.
- :func:`transcode_h264` writes an MP4 (H.264 High, yuv420p, AAC-LC stereo, ``moov`` first as
  Instagram wants), scaled to fit ``max_edge``, rotation applied to the pixels. It reports
  progress (0…1) and stops when ``cancel`` is set; the output appears only when complete
  (temporary file + ``os.replace``).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kurum_masaustu.domain import Platform
from kurum_masaustu.media import errors
from kurum_masaustu.media.errors import MediaCancelledError, MediaError, MediaErrorCode, tr_bytes, tr_int
from kurum_masaustu.media.specs import Placement, VideoSpec, video_spec
from kurum_masaustu.rules.text import Severity

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from PIL import Image

_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"})
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF87a", b"GIF89a")
_AAC_RATES = (96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 11_025, 8_000)
#: Decoding errors tolerated in one transcode (a damaged packet or two) before giving up.
_MAX_DECODE_ERRORS = 50


@dataclass(frozen=True, slots=True)
class VideoInfo:
    """What :func:`probe` found. ``width``/``height`` are as displayed (rotation applied)."""

    duration: float  #: seconds
    width: int
    height: int
    video_codec: str  #: FFmpeg codec name: h264, hevc, vp9, av1, mpeg4, …
    audio_codec: str | None
    fps: float
    has_audio: bool
    container: str  #: mp4, mov, matroska, webm, avi, …
    size_bytes: int
    rotation: int = 0  #: degrees counter-clockwise the stored frames are turned for display
    pixel_format: str | None = None
    profile: str | None = None
    audio_sample_rate: int | None = None
    bit_rate: int | None = None

    @property
    def aspect_ratio(self) -> float:
        return self.width / self.height if self.height else 0.0


class VideoProblemCode(StrEnum):
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TOO_SMALL = "file_too_small"
    TOO_SMALL = "too_small"  #: fewer pixels across or down than the platform's minimum
    TOO_BIG = "too_big"  #: wider/taller than the platform's maximum
    TOO_MANY_PIXELS = "too_many_pixels"
    FPS_TOO_LOW = "fps_too_low"
    FPS_TOO_HIGH = "fps_too_high"
    ASPECT_RATIO = "aspect_ratio"  #: outside the accepted range: blocking
    ASPECT_RECOMMENDED = "aspect_recommended"  #: accepted, but shown letterboxed: a warning
    VIDEO_CODEC = "video_codec"
    AUDIO_CODEC = "audio_codec"
    AUDIO_SAMPLE_RATE = "audio_sample_rate"
    CONTAINER = "container"
    PIXEL_FORMAT = "pixel_format"


@dataclass(frozen=True, slots=True)
class Problem:
    """One way a video breaks a platform's rule; ``message`` is Turkish, ready to show."""

    code: VideoProblemCode
    severity: Severity
    message: str
    transcode_fixes: bool  #: :func:`transcode_h264` (with the rule's ``transcode_edge``) fixes it
    value: float | str | None = None
    limit: float | str | None = None


# --------------------------------------------------------------------------------------------
# Probe
# --------------------------------------------------------------------------------------------


def _av() -> Any:
    import av

    return av


def _head(path: Path) -> bytes:
    try:
        st = path.stat()
        if not path.is_file():
            raise errors.unreadable(path, "bir dosya değil")
        if st.st_size == 0:
            raise errors.empty(path)
        with path.open("rb") as handle:
            return handle.read(16)
    except OSError as exc:
        raise errors.unreadable(path, exc.strerror or "") from exc


def _container_name(head: bytes, format_name: str) -> str:
    if head[4:8] == b"ftyp":
        return "mov" if head[8:12] == b"qt  " else "mp4"
    names = format_name.split(",")
    if "webm" in names and "matroska" in names:
        return "matroska"
    return names[0] if names else format_name


def _open_input(path: Path) -> InputContainer:
    head = _head(path)
    if head.startswith(_IMAGE_MAGIC) or (head[4:8] == b"ftyp" and head[8:12] in _IMAGE_BRANDS):
        raise MediaError(MediaErrorCode.UNSUPPORTED_TYPE, "Bu bir görsel dosyası; burada video bekleniyor.", path=path)
    av = _av()
    try:
        container: InputContainer = av.open(str(path), "r")
    except av.error.FileNotFoundError as exc:
        raise errors.unreadable(path, "dosya yok") from exc
    except (av.error.InvalidDataError, av.error.FFmpegError) as exc:
        if head[4:8] == b"ftyp":
            raise errors.corrupt(path) from exc
        raise MediaError(
            MediaErrorCode.UNSUPPORTED_TYPE,
            "Bu dosya türü desteklenmiyor. MP4 ya da MOV video seçin.",
            path=path,
        ) from exc
    if not container.streams.video:
        container.close()
        raise errors.video_unsupported(path, "Bu dosyada görüntü yok (yalnızca ses ya da veri var).")
    return container


def _first_frame(container: InputContainer, path: Path) -> VideoFrame:
    av = _av()
    try:
        for frame in container.decode(video=0):
            return frame
    except av.error.FFmpegError as exc:
        raise errors.corrupt(path) from exc
    raise errors.corrupt(path)


def probe(path: Path | str) -> VideoInfo:
    """Read a video's properties. :class:`MediaError` for a missing, empty, damaged or
    unsupported file (an image, a text file) and for one without a picture track."""
    src = Path(path)
    container = _open_input(src)
    with container:
        stream = container.streams.video[0]
        ctx = stream.codec_context
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
        fps = float(rate) if rate else 0.0
        if container.duration is not None:
            duration = container.duration / 1_000_000
        elif stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        else:
            duration = 0.0
        audio = container.streams.audio[0] if container.streams.audio else None
        stored_w, stored_h = ctx.width, ctx.height
        pixel_format = ctx.pix_fmt
        profile = stream.profile
        codec = ctx.name
        bit_rate = container.bit_rate or None
        format_name = container.format.name
        frame = _first_frame(container, src)
        rotation = _normal_rotation(frame.rotation)
        if not stored_w or not stored_h:
            stored_w, stored_h = frame.width, frame.height
    width, height = (stored_h, stored_w) if rotation in (90, 270) else (stored_w, stored_h)
    return VideoInfo(
        duration=duration,
        width=width,
        height=height,
        video_codec=codec,
        audio_codec=audio.codec_context.name if audio is not None else None,
        fps=fps,
        has_audio=audio is not None,
        container=_container_name(_head(src), format_name),
        size_bytes=src.stat().st_size,
        rotation=rotation,
        pixel_format=pixel_format,
        profile=profile,
        audio_sample_rate=audio.codec_context.sample_rate if audio is not None else None,
        bit_rate=bit_rate,
    )


def _normal_rotation(value: float | int | None) -> int:
    """A display rotation snapped to 0, 90, 180 or 270 (counter-clockwise)."""
    if value is None or not math.isfinite(value):
        return 0
    return round(value / 90.0) * 90 % 360


# --------------------------------------------------------------------------------------------
# Validate
# --------------------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    if value >= 3600:
        hours, rest = divmod(round(value), 3600)
        return f"{hours} sa {rest // 60} dk" if rest // 60 else f"{hours} saat"
    if value >= 60:
        minutes, secs = divmod(round(value), 60)
        return f"{minutes} dk {secs} sn" if secs else f"{minutes} dakika"
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} saniye"


def _fps(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def validate(info: VideoInfo, platform: Platform | str, placement: Placement | str) -> list[Problem]:
    """Everything in ``info`` that ``platform`` would refuse (or show badly) as ``placement``.

    Blocking problems first, in the order of the rule; an empty list means it can go as it is.
    :class:`MediaError` (``placement_unsupported``) for a placement the platform does not have.
    """
    spec = video_spec(platform, placement)
    problems: list[Problem] = []
    block, warn = Severity.BLOCKING, Severity.WARNING

    def add(code: VideoProblemCode, message: str, fixes: bool, value: Any = None, limit: Any = None) -> None:
        problems.append(Problem(code, block, message, fixes, value, limit))

    if spec.min_seconds is not None and info.duration < spec.min_seconds:
        add(
            VideoProblemCode.TOO_SHORT,
            f"Video çok kısa ({_seconds(info.duration)}); en az {_seconds(spec.min_seconds)} olmalı.",
            False,
            info.duration,
            spec.min_seconds,
        )
    if spec.max_seconds is not None and info.duration > spec.max_seconds:
        add(
            VideoProblemCode.TOO_LONG,
            f"Video çok uzun ({_seconds(info.duration)}); en fazla {_seconds(spec.max_seconds)} olabilir.",
            False,
            info.duration,
            spec.max_seconds,
        )
    if spec.max_bytes is not None and info.size_bytes > spec.max_bytes:
        add(
            VideoProblemCode.FILE_TOO_LARGE,
            f"Video dosyası çok büyük ({tr_bytes(info.size_bytes)}); en fazla {tr_bytes(spec.max_bytes)} olabilir.",
            True,
            info.size_bytes,
            spec.max_bytes,
        )
    if spec.min_bytes is not None and info.size_bytes < spec.min_bytes:
        add(
            VideoProblemCode.FILE_TOO_SMALL,
            f"Video dosyası çok küçük ({tr_bytes(info.size_bytes)}); en az {tr_bytes(spec.min_bytes)} olmalı.",
            False,
            info.size_bytes,
            spec.min_bytes,
        )
    size = f"{tr_int(info.width)} × {tr_int(info.height)}"
    if (spec.min_width is not None and info.width < spec.min_width) or (
        spec.min_height is not None and info.height < spec.min_height
    ):
        least = f"{tr_int(spec.min_width or 0)} × {tr_int(spec.min_height or 0)}"
        add(
            VideoProblemCode.TOO_SMALL,
            f"Görüntü çok küçük ({size} piksel); en az {least} piksel olmalı.",
            False,
            size,
            least,
        )
    if (spec.max_width is not None and info.width > spec.max_width) or (
        spec.max_height is not None and info.height > spec.max_height
    ):
        most = " × ".join(tr_int(v) if v is not None else "…" for v in (spec.max_width, spec.max_height))
        add(
            VideoProblemCode.TOO_BIG,
            f"Görüntü çok büyük ({size} piksel); en fazla {most} piksel olabilir.",
            True,
            size,
            most,
        )
    if spec.max_pixels is not None and info.width * info.height > spec.max_pixels:
        add(
            VideoProblemCode.TOO_MANY_PIXELS,
            f"Görüntü çok büyük ({size} piksel); en fazla {tr_int(spec.max_pixels)} piksel olabilir.",
            True,
            info.width * info.height,
            spec.max_pixels,
        )
    if spec.min_fps is not None and 0 < info.fps < spec.min_fps:
        add(
            VideoProblemCode.FPS_TOO_LOW,
            f"Kare hızı düşük ({_fps(info.fps)} kare/sn); en az {_fps(spec.min_fps)} olmalı.",
            False,
            info.fps,
            spec.min_fps,
        )
    if spec.max_fps is not None and info.fps > spec.max_fps + 0.01:
        add(
            VideoProblemCode.FPS_TOO_HIGH,
            f"Kare hızı yüksek ({_fps(info.fps)} kare/sn); en fazla {_fps(spec.max_fps)} olabilir.",
            True,
            info.fps,
            spec.max_fps,
        )
    ratio = info.aspect_ratio
    if ratio and (
        (spec.min_ratio is not None and ratio < spec.min_ratio - 1e-3)
        or (spec.max_ratio is not None and ratio > spec.max_ratio + 1e-3)
    ):
        add(
            VideoProblemCode.ASPECT_RATIO,
            f"Görüntü oranı uygun değil ({size}); {_ratio_range(spec)} arasında olmalı.",
            False,
            ratio,
            _ratio_range(spec),
        )
    if spec.video_codecs is not None and info.video_codec not in spec.video_codecs:
        add(
            VideoProblemCode.VIDEO_CODEC,
            f"Video kodlaması ({info.video_codec}) kabul edilmiyor; H.264'e dönüştürülmeli.",
            True,
            info.video_codec,
            ", ".join(sorted(spec.video_codecs)),
        )
    if spec.audio_codecs is not None and info.audio_codec is not None and info.audio_codec not in spec.audio_codecs:
        add(
            VideoProblemCode.AUDIO_CODEC,
            f"Ses kodlaması ({info.audio_codec}) kabul edilmiyor; AAC'ye dönüştürülmeli.",
            True,
            info.audio_codec,
            ", ".join(sorted(spec.audio_codecs)),
        )
    if (
        spec.max_audio_rate is not None
        and info.audio_sample_rate is not None
        and info.audio_sample_rate > spec.max_audio_rate
    ):
        add(
            VideoProblemCode.AUDIO_SAMPLE_RATE,
            f"Ses örnekleme hızı yüksek ({tr_int(info.audio_sample_rate)} Hz); "
            f"en fazla {tr_int(spec.max_audio_rate)} Hz olabilir.",
            True,
            info.audio_sample_rate,
            spec.max_audio_rate,
        )
    if spec.containers is not None and info.container not in spec.containers:
        allowed = " ya da ".join(sorted(c.upper() for c in spec.containers))
        add(
            VideoProblemCode.CONTAINER,
            f"Dosya biçimi ({info.container.upper()}) kabul edilmiyor; {allowed} olmalı.",
            True,
            info.container,
            allowed,
        )
    if spec.pixel_formats is not None and info.pixel_format is not None and info.pixel_format not in spec.pixel_formats:
        add(
            VideoProblemCode.PIXEL_FORMAT,
            f"Renk biçimi ({info.pixel_format}) kabul edilmiyor; yuv420p'ye dönüştürülmeli.",
            True,
            info.pixel_format,
            ", ".join(sorted(spec.pixel_formats)),
        )
    if (
        spec.recommended_ratio is not None
        and ratio
        and abs(ratio - spec.recommended_ratio) > 0.02
        and not any(p.code is VideoProblemCode.ASPECT_RATIO for p in problems)
    ):
        problems.append(
            Problem(
                VideoProblemCode.ASPECT_RECOMMENDED,
                warn,
                f"Görüntü oranı {_ratio_name(spec.recommended_ratio)} değil ({size}); kenarlarda boşluk kalabilir.",
                False,
                ratio,
                spec.recommended_ratio,
            )
        )
    return problems


def _ratio_name(ratio: float) -> str:
    for name, value in (("9:16", 9 / 16), ("16:9", 16 / 9), ("1:1", 1.0), ("4:5", 4 / 5)):
        if abs(ratio - value) < 1e-3:
            return name
    return f"{ratio:.2f}".replace(".", ",")


def _ratio_range(spec: VideoSpec) -> str:
    def one(value: float | None) -> str:
        if value is None:
            return "…"
        frac = Fraction(value).limit_denominator(10)
        if frac.numerator < frac.denominator:
            return f"{1}:{_num(1 / value)}"
        return f"{_num(value)}:1"

    return f"{one(spec.min_ratio)} ile {one(spec.max_ratio)}"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


# --------------------------------------------------------------------------------------------
# Cover frame
# --------------------------------------------------------------------------------------------


def cover_frame(path: Path | str, at_seconds: float, out: Path | str) -> Path:
    """Save the frame shown at ``at_seconds`` (clamped to the video) to ``out`` (PNG if its
    suffix is ``.png``, else JPEG), rotation applied, no metadata. Returns ``out``."""
    from kurum_masaustu.media.prepare import write_atomic

    src, target = Path(path), Path(out)
    container = _open_input(src)
    av = _av()
    with container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        duration = container.duration / 1_000_000 if container.duration else 0.0
        wanted = max(0.0, float(at_seconds) if math.isfinite(at_seconds) else 0.0)
        if duration:
            wanted = min(wanted, max(0.0, duration - 0.001))
        chosen: VideoFrame | None = None
        try:
            if wanted > 0 and stream.time_base is not None:
                container.seek(int(wanted / stream.time_base), stream=stream, backward=True, any_frame=False)
            for frame in container.decode(stream):
                chosen = frame
                if frame.time is not None and frame.time + 0.5 / max(float(stream.average_rate or 25), 1) >= wanted:
                    break
        except av.error.FFmpegError as exc:
            if chosen is None:
                raise errors.corrupt(src) from exc
        if chosen is None:
            raise errors.corrupt(src)
        rotation = _normal_rotation(chosen.rotation)
        picture: Image.Image = chosen.to_image()  # type: ignore[no-untyped-call]
    if rotation:
        picture = picture.rotate(rotation, expand=True)
    buffer = io.BytesIO()
    if target.suffix.lower() == ".png":
        picture.save(buffer, "PNG")
    else:
        picture.convert("RGB").save(buffer, "JPEG", quality=90)
    return write_atomic(buffer.getvalue(), target)


# --------------------------------------------------------------------------------------------
# Transcode
# --------------------------------------------------------------------------------------------


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def output_size(width: int, height: int, max_edge: int) -> tuple[int, int]:
    """``width`` × ``height`` scaled to fit ``max_edge`` (never up), both even (yuv420p)."""
    scale = min(1.0, max_edge / max(width, height))
    return _even(width * scale), _even(height * scale)


def transcode_h264(
    src: Path | str,
    out: Path | str,
    *,
    max_edge: int,
    cancel: threading.Event | None = None,
    progress: Callable[[float], None] | None = None,
    max_fps: float | None = 60.0,
    crf: int = 23,
    preset: str = "veryfast",
) -> Path:
    """Re-encode ``src`` as an MP4 with H.264 (High, yuv420p) and AAC-LC stereo into ``out``.

    The picture is turned upright (phone rotation applied to the pixels) and scaled to fit
    ``max_edge`` (even sizes; never enlarged); a frame rate over ``max_fps`` is reduced to it.
    ``progress`` gets 0.0…1.0 as the video is read; when ``cancel`` is set the work stops,
    the partial file is removed and :class:`MediaCancelledError` is raised. ``out`` only ever
    appears complete. Returns ``out``.
    """
    if max_edge < 2:
        raise ValueError(f"max_edge must be at least 2, got {max_edge}")
    source, target = Path(src), Path(out)
    info = probe(source)
    av = _av()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".mp4", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    report = _Progress(progress, info.duration)
    try:
        try:
            _transcode(av, source, tmp, info, max_edge, cancel, report, max_fps, crf, preset)
        except av.error.FFmpegError as exc:
            raise errors.video_unsupported(
                source, "Video dönüştürülemedi; dosya bozuk ya da alışılmadık bir biçimde."
            ) from exc
        if cancel is not None and cancel.is_set():
            raise MediaCancelledError(path=source)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    report.done()
    return target


class _Progress:
    def __init__(self, callback: Callable[[float], None] | None, duration: float) -> None:
        self.callback = callback
        self.duration = duration
        self.last = -1.0
        if callback is not None:
            callback(0.0)

    def at(self, seconds: float | None) -> None:
        if self.callback is None or seconds is None or self.duration <= 0:
            return
        value = min(0.99, max(0.0, seconds / self.duration))
        if value - self.last >= 0.01:
            self.last = value
            self.callback(value)

    def done(self) -> None:
        if self.callback is not None:
            self.callback(1.0)


def _transcode(
    av: Any,
    source: Path,
    tmp: Path,
    info: VideoInfo,
    max_edge: int,
    cancel: threading.Event | None,
    report: _Progress,
    max_fps: float | None,
    crf: int,
    preset: str,
) -> None:
    width, height = output_size(info.width, info.height, max_edge)
    with _open_input(source) as inp, av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"}) as output:
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        ain = inp.streams.audio[0] if inp.streams.audio else None
        rate = vin.average_rate or vin.guessed_rate or Fraction(25)
        if max_fps is not None and float(rate) > max_fps:
            rate = Fraction(max_fps).limit_denominator(1001)
        vout = output.add_stream("libx264", rate=rate)
        vout.width, vout.height, vout.pix_fmt = width, height, "yuv420p"
        vout.options = {"crf": str(crf), "preset": preset, "profile": "high"}
        vout.codec_context.time_base = vin.time_base
        graph, sink = _video_graph(av, vin, info.rotation, width, height, rate, max_fps)
        aout = None
        if ain is not None:
            sample_rate = ain.codec_context.sample_rate or 48_000
            aout = output.add_stream("aac", rate=sample_rate if sample_rate in _AAC_RATES[3:] else 48_000)
            aout.layout = "stereo"
        decode_errors = 0

        def drain() -> None:
            while True:
                try:
                    frame = sink.pull()
                except (av.error.BlockingIOError, av.error.EOFError):
                    return
                output.mux(vout.encode(frame))

        streams = [vin] if ain is None else [vin, ain]
        for packet in inp.demux(*streams):
            if cancel is not None and cancel.is_set():
                raise MediaCancelledError(path=source)
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                decode_errors += 1
                if decode_errors > _MAX_DECODE_ERRORS:
                    raise errors.corrupt(source) from None
                continue
            for frame in frames:
                if packet.stream.type == "video":
                    graph.push(frame)
                    drain()
                    report.at(cast("VideoFrame", frame).time)
                elif aout is not None:
                    output.mux(aout.encode(frame))
        graph.push(None)
        drain()
        output.mux(vout.encode(None))
        if aout is not None:
            output.mux(aout.encode(None))


def _video_graph(
    av: Any, vin: Any, rotation: int, width: int, height: int, rate: Fraction, max_fps: float | None
) -> tuple[Any, Any]:
    graph = av.filter.Graph()
    chain = [graph.add_buffer(template=vin)]
    # ``rotation`` is counter-clockwise for display; turning the pixels the same way makes the
    # picture upright, so the output needs no display matrix.
    if rotation == 90:
        chain.append(graph.add("transpose", "cclock"))
    elif rotation == 270:
        chain.append(graph.add("transpose", "clock"))
    elif rotation == 180:
        chain.append(graph.add("hflip"))
        chain.append(graph.add("vflip"))
    chain.append(graph.add("scale", f"{width}:{height}"))
    if max_fps is not None and float(vin.average_rate or 0) > max_fps:
        chain.append(graph.add("fps", str(rate)))
    chain.append(graph.add("format", "yuv420p"))
    sink = graph.add("buffersink")
    chain.append(sink)
    for first, second in itertools.pairwise(chain):
        first.link_to(second)
    graph.configure()
    return graph, sink
