"""Our focal point (fractions from the top left) as Mastodon's ``focus`` (−1…1, x right, y up)."""

from __future__ import annotations

import math

import pytest

from kurum_masaustu.domain import Platform
from kurum_masaustu.media.specs import crop_box, image_spec
from kurum_masaustu.publishing.outbox import MediaRef, variant_focal
from kurum_masaustu.rules.focus import focal_in_crop, mastodon_focus, mastodon_focus_param


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ((0.5, 0.5), (0.0, 0.0)),  # centre
        ((0.0, 0.0), (-1.0, 1.0)),  # top left
        ((1.0, 0.0), (1.0, 1.0)),  # top right
        ((0.0, 1.0), (-1.0, -1.0)),  # bottom left
        ((1.0, 1.0), (1.0, -1.0)),  # bottom right
        ((0.75, 0.25), (0.5, 0.5)),  # the centre of the upper-right quadrant (Mastodon's own example)
        ((0.25, 0.75), (-0.5, -0.5)),  # the centre of the lower-left quadrant
    ],
)
def test_corners_centre_and_quadrants(ours: tuple[float, float], theirs: tuple[float, float]) -> None:
    assert mastodon_focus(*ours) == theirs


def test_rounded_to_two_decimals_without_a_negative_zero() -> None:
    assert mastodon_focus(0.3333, 0.6667) == (-0.33, -0.33)
    assert mastodon_focus(0.12345, 0.98765) == (-0.75, -0.98)
    x, y = mastodon_focus(0.5001, 0.4999)
    assert (x, y) == (0.0, 0.0)
    assert math.copysign(1.0, x) == 1.0
    assert math.copysign(1.0, y) == 1.0


def test_outside_the_picture_is_its_edge_and_not_a_number_the_centre() -> None:
    assert mastodon_focus(-0.2, 1.7) == (-1.0, -1.0)
    assert mastodon_focus(float("nan"), float("inf")) == (0.0, 0.0)


def test_the_form_value_only_when_a_focal_point_was_set() -> None:
    assert mastodon_focus_param(None) is None
    assert mastodon_focus_param((0.5, 0.5)) is None  # the centre is Mastodon's default
    assert mastodon_focus_param((0.25, 0.1)) == "-0.50,0.80"
    assert mastodon_focus_param((1.0, 0.0)) == "1.00,1.00"
    assert mastodon_focus_param((0.5, 0.0)) == "0.00,1.00"


def test_focal_point_inside_a_crop() -> None:
    # A 2000 × 1000 picture cropped to its right half: x 0.75 lands in the middle of the crop.
    assert focal_in_crop((0.75, 0.5), (1000, 0, 2000, 1000), 2000, 1000) == (0.5, 0.5)
    # Outside the crop (the crop could not centre on it): the crop's edge.
    assert focal_in_crop((0.1, 0.5), (1000, 0, 2000, 1000), 2000, 1000) == (0.0, 0.5)


def test_the_variant_keeps_the_focal_point_where_the_picture_keeps_its_shape() -> None:
    ref = MediaRef("a.jpg", "image/jpeg", "", 3000, 1000, (0.9, 0.2))
    assert not image_spec(Platform.MASTODON, "feed").crops
    assert variant_focal(ref, Platform.MASTODON) == (0.9, 0.2)
    assert variant_focal(MediaRef("a.jpg", "image/jpeg", "", 3000, 1000), Platform.MASTODON) is None
    # Instagram crops a 3:1 picture to 1.91:1 around the focal point: it moves inside the crop.
    spec = image_spec(Platform.INSTAGRAM, "feed")
    box = crop_box(3000, 1000, spec.min_ratio, spec.max_ratio, (0.9, 0.2))
    fx, fy = variant_focal(ref, Platform.INSTAGRAM) or (None, None)
    assert box[2] == 3000  # pushed against the right edge
    assert fx == pytest.approx((0.9 * 3000 - box[0]) / (box[2] - box[0]))
    assert fy == pytest.approx(0.2)
