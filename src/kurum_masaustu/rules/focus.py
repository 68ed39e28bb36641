"""The focal point of a picture as the platforms that take one want it. Pure.

We keep the focal point as fractions of the picture's width and height, (0, 0) top left and
(1, 1) bottom right (the media pane's crosshair, stored on the asset and used to crop the
variants). Mastodon's ``focus`` on ``POST /api/v2/media`` is "two floating points (x,y),
comma-delimited, ranging from -1.0 to 1.0"; its API guidelines ("Focal points for cropping media
thumbnails") say they run left-to-right and **bottom-to-top**, (0, 0) being the centre: so x
grows to the right and y grows *upwards*, the opposite of ours.

Of the other platforms, none takes a focal point: Bluesky's ``aspectRatio`` on an image embed is
the picture's shape (for layout before it loads), not where to crop; X, LinkedIn, Facebook,
Instagram and Telegram have no such field. They get the picture the focal point already cropped.
"""

from __future__ import annotations

import math

#: Where nothing was chosen: the centre (Mastodon's own default, 0,0).
CENTRE = (0.5, 0.5)


def _clamped(value: float) -> float:
    return min(max(value, 0.0), 1.0) if math.isfinite(value) else 0.5


def mastodon_focus(x: float, y: float) -> tuple[float, float]:
    """Our focal point (fractions from the top left) as Mastodon's (−1…1, x right, y up),
    rounded to 2 decimals. Outside the picture counts as its edge; not a number as the centre."""
    fx, fy = _clamped(x), _clamped(y)
    # "+ 0.0" turns a -0.0 from the rounding into 0.0 ("-0.00" would read oddly in the request).
    return round(2 * fx - 1, 2) + 0.0, round(1 - 2 * fy, 2) + 0.0


def mastodon_focus_param(focal: tuple[float, float] | None) -> str | None:
    """The ``focus`` form value ("x,y"), or None when no focal point was set or it is the centre
    (Mastodon's default: nothing to send)."""
    if focal is None:
        return None
    fx, fy = mastodon_focus(*focal)
    if fx == 0.0 and fy == 0.0:
        return None
    return f"{fx:.2f},{fy:.2f}"


def focal_in_crop(
    focal: tuple[float, float], box: tuple[float, float, float, float], width: float, height: float
) -> tuple[float, float]:
    """The focal point (fractions of ``width`` × ``height``) as fractions of ``box`` (left, top,
    right, bottom in the same pixels): where it lands in a variant cropped to ``box``."""
    left, top, right, bottom = box
    fx, fy = _clamped(focal[0]), _clamped(focal[1])
    box_w, box_h = right - left, bottom - top
    if box_w <= 0 or box_h <= 0:
        return CENTRE
    return _clamped((fx * width - left) / box_w), _clamped((fy * height - top) / box_h)
