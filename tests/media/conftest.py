"""Fixtures for the media tests: a folder to save generated pictures in, an output folder, and
tiny video clips made with PyAV from FFmpeg's ``testsrc`` pattern plus silent AAC (generated once
per session, about a second each to make)."""

from __future__ import annotations

import io
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from PIL import Image


@pytest.fixture
def save(tmp_path: Path) -> Callable[..., Path]:
    """``save(image, "name.ext", format=..., **params)`` → the written path (in a ``src`` folder)."""
    folder = tmp_path / "src"
    folder.mkdir()

    def _save(image: Image.Image, name: str, format: str | None = None, **params: Any) -> Path:
        path = folder / name
        buffer = io.BytesIO()
        image.save(buffer, format=format or Image.registered_extensions()[path.suffix.lower()], **params)
        path.write_bytes(buffer.getvalue())
        return path

    return _save


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"


# --------------------------------------------------------------------------------------------
# Video clips (PyAV)
# --------------------------------------------------------------------------------------------


def make_clip(
    path: Path,
    *,
    seconds: float = 1.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 25,
    codec: str = "libx264",
    audio: bool = True,
    video: bool = True,
    rotation: int = 0,
    container_format: str | None = None,
) -> Path:
    """A test-pattern clip (FFmpeg ``testsrc``) with optional silent stereo AAC."""
    import av
    from av.audio.frame import AudioFrame

    with av.open(str(path), "w", format=container_format) as output:
        vstream = None
        if video:
            vstream = output.add_stream(codec, rate=fps)
            vstream.width, vstream.height, vstream.pix_fmt = size[0], size[1], "yuv420p"
            if codec == "libx264":
                vstream.options = {"preset": "ultrafast"}
            if rotation:
                vstream.set_display_rotation(rotation)
        astream = None
        if audio:
            astream = output.add_stream("aac", rate=48_000)
            astream.layout = "stereo"
        if vstream is not None:
            graph = av.filter.Graph()
            chain = [
                graph.add("testsrc", f"size={size[0]}x{size[1]}:rate={fps}:duration={seconds}"),
                graph.add("format", "yuv420p"),
                graph.add("buffersink"),
            ]
            chain[0].link_to(chain[1])
            chain[1].link_to(chain[2])
            graph.configure()
            index = 0
            while True:
                try:
                    frame = chain[2].pull()
                except (av.error.EOFError, av.error.BlockingIOError):
                    break
                frame.pts, frame.time_base = index, Fraction(1, fps)
                index += 1
                output.mux(vstream.encode(frame))
            output.mux(vstream.encode(None))
        if astream is not None:
            samples = 0
            while samples < seconds * 48_000:
                frame = AudioFrame(format="fltp", layout="stereo", samples=1024)
                for plane in frame.planes:
                    plane.update(bytes(plane.buffer_size))
                frame.sample_rate, frame.pts, frame.time_base = 48_000, samples, Fraction(1, 48_000)
                samples += 1024
                output.mux(astream.encode(frame))
            output.mux(astream.encode(None))
    return path


@pytest.fixture(scope="session")
def clip_maker() -> Callable[..., Path]:
    """:func:`make_clip`, for tests that need a clip of their own."""
    return make_clip


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The session's clips: ``plain`` (1 s 320×240 25 fps H.264 + AAC), ``rotated`` (same,
    display rotation 90° → shown 240×320), ``mpeg4`` (MPEG-4 Part 2, 30 fps, no audio),
    ``audio_only`` (AAC in MP4, no picture)."""
    folder = tmp_path_factory.mktemp("clips")
    return {
        "plain": make_clip(folder / "plain.mp4"),
        "rotated": make_clip(folder / "rotated.mp4", rotation=90),
        "mpeg4": make_clip(folder / "mpeg4.mp4", codec="mpeg4", fps=30, audio=False),
        "audio_only": make_clip(folder / "audio.m4a", video=False, container_format="mp4"),
    }
