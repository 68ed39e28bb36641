"""Media: importing, storing, preparing and previewing images and videos.

Public API (all calls block: run them off the UI thread; Pillow, pillow-heif and PyAV are
imported on first use, so importing this package stays cheap):

- :func:`prepare_image` / :func:`prepare_variants`: a picture made ready for a platform's
  placement (feed, story, link card, carousel): oriented, metadata removed, cropped around a
  focal point, scaled, encoded within the byte limit, written atomically, cached by name.
- :func:`thumbnail`: a cached preview; :func:`describe_metadata`: what the copies leave out.
- :mod:`~kurum_masaustu.media.video`: :func:`probe`, :func:`validate`, :func:`cover_frame`,
  :func:`transcode_h264`.
- :mod:`~kurum_masaustu.media.specs`: the per-platform, per-placement rules (pure).
- :class:`MediaError` (a ``ValueError`` with a stable ``code`` and a Turkish ``message``);
  :class:`MediaCancelledError` when a ``cancel`` event stopped the work.

The names are loaded on first use (PEP 562), so ``import kurum_masaustu.media.library`` at
start-up does not pay for the pipeline's modules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kurum_masaustu.media.errors import MediaCancelledError, MediaError, MediaErrorCode
    from kurum_masaustu.media.prepare import (
        PIXEL_BUDGET,
        describe_metadata,
        prepare_image,
        prepare_variants,
        thumbnail,
    )
    from kurum_masaustu.media.specs import (
        ImageFormat,
        ImageSpec,
        Placement,
        VideoSpec,
        image_placements,
        image_spec,
        video_placements,
        video_spec,
    )
    from kurum_masaustu.media.video import (
        Problem,
        VideoInfo,
        VideoProblemCode,
        cover_frame,
        probe,
        transcode_h264,
        validate,
    )

_EXPORTS: dict[str, str] = {
    "MediaCancelledError": "errors",
    "MediaError": "errors",
    "MediaErrorCode": "errors",
    "PIXEL_BUDGET": "prepare",
    "describe_metadata": "prepare",
    "prepare_image": "prepare",
    "prepare_variants": "prepare",
    "thumbnail": "prepare",
    "ImageFormat": "specs",
    "ImageSpec": "specs",
    "Placement": "specs",
    "VideoSpec": "specs",
    "image_placements": "specs",
    "image_spec": "specs",
    "video_placements": "specs",
    "video_spec": "specs",
    "Problem": "video",
    "VideoInfo": "video",
    "VideoProblemCode": "video",
    "cover_frame": "video",
    "probe": "video",
    "transcode_h264": "video",
    "validate": "video",
}

__all__ = [
    "PIXEL_BUDGET",
    "ImageFormat",
    "ImageSpec",
    "MediaCancelledError",
    "MediaError",
    "MediaErrorCode",
    "Placement",
    "Problem",
    "VideoInfo",
    "VideoProblemCode",
    "VideoSpec",
    "cover_frame",
    "describe_metadata",
    "image_placements",
    "image_spec",
    "prepare_image",
    "prepare_variants",
    "probe",
    "thumbnail",
    "transcode_h264",
    "validate",
    "video_placements",
    "video_spec",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
