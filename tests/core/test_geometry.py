"""Tests for formcoach.core.geometry: angle conventions on hand-placed points.

Points are pixels, x right, y down. A segment's inclination is measured from
its lower to its upper end, signed by the person's facing.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from formcoach.core.geometry import (
    distance,
    elevation_deg,
    inclination_deg,
    joint_angle_deg,
    midpoint,
    signed_flexion_deg,
)

P = np.array


@pytest.mark.parametrize(
    ("a", "b", "c", "expected"),
    [
        pytest.param(P([0, 0]), P([0, 100]), P([0, 200]), 180.0, id="straight leg"),
        pytest.param(P([0, 0]), P([0, 100]), P([100, 100]), 90.0, id="right angle"),
        pytest.param(P([0, 0]), P([0, 100]), P([-100, 200]), 135.0, id="bent back 45 deg"),
        pytest.param(P([0, 0]), P([0, 100]), P([0, 10]), 0.0, id="folded flat"),
        pytest.param(P([0, 0]), P([0, 100]), P([100, 0]), 45.0, id="acute 45 deg"),
        pytest.param(P([3, 4]), P([3, 4]), P([0, 9]), math.nan, id="first segment zero length"),
        pytest.param(P([3, 4]), P([0, 9]), P([0, 9]), math.nan, id="second segment zero length"),
    ],
)
def test_joint_angle_deg(a, b, c, expected):
    result = joint_angle_deg(a, b, c)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == pytest.approx(expected, abs=1e-9)


def test_joint_angle_is_symmetric_and_mirror_invariant():
    a, b, c = P([12.0, 40.0]), P([50.0, 120.0]), P([140.0, 150.0])
    angle = joint_angle_deg(a, b, c)
    mirror = P([-1.0, 1.0])
    assert joint_angle_deg(c, b, a) == pytest.approx(angle)
    assert joint_angle_deg(a * mirror, b * mirror, c * mirror) == pytest.approx(angle)


@pytest.mark.parametrize(
    ("lower", "upper", "facing", "expected"),
    [
        pytest.param(P([0, 100]), P([0, 0]), 1, 0.0, id="upright, facing right"),
        pytest.param(P([0, 100]), P([0, 0]), -1, 0.0, id="upright, facing left"),
        pytest.param(P([0, 100]), P([100, 0]), 1, 45.0, id="leaning toward facing right"),
        pytest.param(P([0, 100]), P([-100, 0]), -1, 45.0, id="leaning toward facing left"),
        pytest.param(P([0, 100]), P([-100, 0]), 1, -45.0, id="leaning back, facing right"),
        pytest.param(P([0, 100]), P([100, 0]), -1, -45.0, id="leaning back, facing left"),
        pytest.param(P([0, 0]), P([100, 0]), 1, 90.0, id="flat, upper end ahead"),
        pytest.param(P([0, 0]), P([-100, 0]), 1, -90.0, id="flat, upper end behind"),
        pytest.param(
            P([0, 0]),
            P([1, 100]),
            1,
            180.0 - math.degrees(math.atan(0.01)),
            id="pointing down, just ahead",
        ),
        pytest.param(P([5, 5]), P([5, 5]), 1, math.nan, id="zero length"),
    ],
)
def test_inclination_deg(lower, upper, facing, expected):
    result = inclination_deg(lower, upper, facing)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    "facing", [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
)
def test_inclination_flips_sign_with_facing_and_follows_a_mirror(facing):
    lower, upper = P([200.0, 400.0]), P([260.0, 210.0])
    value = inclination_deg(lower, upper, facing)
    assert inclination_deg(lower, upper, -facing) == pytest.approx(-value)
    mirror = P([-1.0, 1.0])
    assert inclination_deg(lower * mirror, upper * mirror, -facing) == pytest.approx(value)


@pytest.mark.parametrize(
    ("shoulder", "hip", "knee", "facing", "expected"),
    [
        pytest.param(P([0, 0]), P([0, 200]), P([0, 380]), 1, 0.0, id="standing straight"),
        pytest.param(
            P([0, 0]),
            P([0, 200]),
            P([180, 200]),
            1,
            90.0,
            id="thigh forward horizontal, facing right",
        ),
        pytest.param(
            P([0, 0]),
            P([0, 200]),
            P([-180, 200]),
            -1,
            90.0,
            id="thigh forward horizontal, facing left",
        ),
        pytest.param(
            P([0, 0]),
            P([0, 200]),
            P([-60, 370]),
            1,
            -19.44,
            id="thigh behind the trunk line (extension), facing right",
        ),
        pytest.param(
            P([0, 0]),
            P([0, 200]),
            P([60, 370]),
            -1,
            -19.44,
            id="thigh behind the trunk line (extension), facing left",
        ),
        pytest.param(
            P([0, 0]),
            P([0, 200]),
            P([60, 370]),
            1,
            19.44,
            id="thigh slightly forward, facing right",
        ),
        pytest.param(
            P([100, 0]),
            P([0, 200]),
            P([-90, 380]),
            1,
            0.0,
            id="leaning forward with the thigh in line",
        ),
        pytest.param(
            P([100, 0]),
            P([0, 200]),
            P([0, 380]),
            1,
            26.57,
            id="leaning forward over a vertical thigh is flexion",
        ),
        pytest.param(
            P([0, 0]), P([0, 200]), P([0, 20]), 1, 180.0, id="thigh folded onto the trunk"
        ),
    ],
)
def test_signed_flexion_deg(shoulder, hip, knee, facing, expected):
    result = signed_flexion_deg(shoulder, hip, knee, facing)
    assert abs(result) == pytest.approx(abs(expected), abs=0.01)
    if abs(expected) < 179.0:
        assert result == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("shoulder", "hip", "knee"),
    [
        pytest.param(P([0, 200]), P([0, 200]), P([0, 380]), id="shoulder on the hip"),
        pytest.param(P([0, 0]), P([0, 200]), P([0, 200]), id="knee on the hip"),
    ],
)
@pytest.mark.parametrize(
    "facing", [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
)
def test_signed_flexion_is_nan_for_a_zero_length_segment(shoulder, hip, knee, facing):
    # Like joint_angle_deg and inclination_deg: a segment of no length has no direction.
    assert math.isnan(signed_flexion_deg(shoulder, hip, knee, facing))


def test_distance_and_midpoint():
    a, b = P([1.0, 2.0]), P([4.0, 6.0])
    assert distance(a, b) == pytest.approx(5.0)
    np.testing.assert_allclose(midpoint(a, b), [2.5, 4.0])


# Head to the right (facing +1): the feet are toward image left.
@pytest.mark.parametrize(
    ("start", "end", "facing", "expected"),
    [
        pytest.param(P([100, 100]), P([0, 100]), 1, 0.0, id="along the floor toward the feet"),
        pytest.param(P([100, 100]), P([100, 0]), 1, 90.0, id="straight up"),
        pytest.param(P([100, 100]), P([100, 200]), 1, -90.0, id="straight down"),
        pytest.param(P([100, 100]), P([200, 100]), 1, 180.0, id="toward the head"),
        pytest.param(P([100, 100]), P([0, 0]), 1, 45.0, id="up toward the feet"),
        pytest.param(P([100, 100]), P([200, 0]), 1, 135.0, id="up toward the head"),
        pytest.param(P([100, 100]), P([200, 100]), -1, 0.0, id="head left: feet to the right"),
        pytest.param(P([100, 100]), P([200, 110]), -1, -5.71, id="head left, slightly down"),
        pytest.param(P([5, 5]), P([5, 5]), 1, math.nan, id="zero length"),
    ],
)
def test_elevation_deg(start, end, facing, expected):
    got = elevation_deg(start, end, facing)
    if math.isnan(expected):
        assert math.isnan(got)
    else:
        assert got == pytest.approx(expected, abs=0.01)


def test_elevation_mirrors_with_the_head_direction():
    start, end = P([300.0, 200.0]), P([180.0, 150.0])
    mirrored = P([-300.0, 200.0]), P([-180.0, 150.0])
    assert elevation_deg(start, end, 1) == pytest.approx(elevation_deg(*mirrored, -1))
