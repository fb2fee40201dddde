"""Tests for formcoach.exercises.bed_stretch on built floor figures.

`bed_hang(facing, hanging)` (tests/floor_poses.py) lies at the end of a bed
with `hanging` off the end (thigh 20 deg below the bed line, knee bent 80)
and the other foot on the bed.
"""

from __future__ import annotations

import pytest
from floor_poses import HUGGED_KNEE, Limb, bed_hang, bridge, supine

from formcoach.exercises.bed_stretch import BedStretchChecker

CHECKER = BedStretchChecker()
FACINGS = [pytest.param(1, id="head to the right"), pytest.param(-1, id="head to the left")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("figure", "side"),
    [
        pytest.param(lambda f: bed_hang(f, "left"), "left", id="left leg hanging"),
        pytest.param(lambda f: bed_hang(f, "right"), "right", id="right leg hanging"),
        pytest.param(
            lambda f: bed_hang(f, "left").with_leg("right", HUGGED_KNEE),
            "left",
            id="the other knee hugged instead",
        ),
        pytest.param(
            lambda f: bed_hang(f, "left", near="right"),
            "left",
            id="the hanging leg on the far side",
        ),
    ],
)
def test_the_hanging_leg_is_the_side(facing, figure, side):
    a = CHECKER.assess(figure(facing).pose(), facing)
    assert a.in_position
    assert a.working_leg == side
    assert a.checks == ()  # nothing to cue: the timer counts the time in position


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda: supine(1), id="both feet on the bed"),
        pytest.param(lambda: supine(1).with_leg("left", Limb(0.0, 0.0)), id="leg held out level"),
        pytest.param(lambda: bridge(1, 0.0), id="hips lifted"),
        pytest.param(
            lambda: bed_hang(1, "left").with_leg("right", Limb(-20.0, -100.0)),
            id="both legs hanging",
        ),
    ],
)
def test_out_of_position(figure):
    assert not CHECKER.assess(figure().pose(), 1).in_position
