"""Tests for formcoach.exercises.glute_bridge on built floor figures.

`bridge(facing, hips_above_line_deg)` (tests/floor_poses.py) is a bridge at
the top with the trunk 22 deg up and the thighs set so the hips bend that
far above (+) or below (-) the shoulder-knee line; `supine` is lying with
the knees bent, the position between reps (hip flexion 55 deg).
"""

from __future__ import annotations

import pytest
from floor_poses import bridge, supine

from formcoach.coaching.sides import BOTH
from formcoach.core.landmarks import Landmark as L
from formcoach.exercises.glute_bridge import (
    HIPS_SAGGING,
    HIPS_TOO_HIGH,
    GluteBridgeChecker,
    GluteBridgeThresholds,
)

CHECKER = GluteBridgeChecker()
LIMITS = GluteBridgeThresholds()
SAG, HIGH = LIMITS.sagging_below_deg, LIMITS.too_high_above_deg
FACINGS = [pytest.param(1, id="head to the right"), pytest.param(-1, id="head to the left")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("line_deg", "faults"),
    [
        pytest.param(0.0, (), id="shoulders, hips and knees in line"),
        pytest.param(-7.0, (), id="hips 7 deg low: within good form (measured -7..+6)"),
        pytest.param(6.0, (), id="hips 6 deg high: within good form"),
        pytest.param(-(SAG + 3.0), (HIPS_SAGGING,), id=f"hips {SAG + 3:.0f} deg below: sagging"),
        pytest.param(-26.0, (HIPS_SAGGING,), id="held half-way up (as measured): sagging"),
        pytest.param(HIGH + 3.0, (HIPS_TOO_HIGH,), id=f"hips {HIGH + 3:.0f} deg above: too high"),
    ],
)
def test_the_line_at_the_top(facing, line_deg, faults):
    a = CHECKER.assess(bridge(facing, line_deg).pose(), facing)
    # the hold (good-form time at the top) runs unless the hips sag below the line
    assert a.in_position is (HIPS_SAGGING not in faults)
    assert a.working_leg == BOTH
    assert a.rep_signal == pytest.approx(-line_deg, abs=1e-6)  # the hip's flexion
    assert a.rep_signal < LIMITS.rep_start_below_deg  # every lift is a rep, whatever its form
    assert a.measures["hips_above_line_deg"] == pytest.approx(line_deg, abs=1e-6)
    assert a.faults == faults
    assert {c.code for c in a.checks} == {HIPS_SAGGING, HIPS_TOO_HIGH}


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda f: supine(f), id="lying between reps"),
        pytest.param(lambda f: bridge(f, -40.0), id="hips barely off the floor"),
        pytest.param(lambda f: bridge(f, 0.0, trunk_deg=3.0), id="trunk flat: not lifted"),
    ],
)
def test_no_checks_until_the_hips_are_lifted(facing, figure):
    a = CHECKER.assess(figure(facing).pose(), facing)
    assert not a.in_position
    assert a.checks == ()


def test_lying_between_reps_is_no_rep():
    a = CHECKER.assess(supine(1).pose(), 1)
    assert a.rep_signal == pytest.approx(55.0)  # the hip's flexion, lying with the knees bent
    assert a.rep_signal > LIMITS.rep_end_above_deg


@pytest.mark.parametrize(
    ("near", "knee"),
    [
        pytest.param("left", L.LEFT_KNEE, id="filmed from the left: reads the left knee"),
        pytest.param("right", L.RIGHT_KNEE, id="filmed from the right: reads the right knee"),
    ],
)
def test_the_line_is_read_on_the_near_leg_and_gated_on_it(near, knee):
    figure = bridge(1, 0.0, near=near, far_leg_visibility=0.2)
    a = CHECKER.assess(figure.pose(), 1)
    assert knee in a.reads
    assert a.faults == ()


def test_thresholds_can_be_changed():
    strict = GluteBridgeChecker(GluteBridgeThresholds(sagging_below_deg=5.0))
    pose = bridge(1, -8.0).pose()
    assert strict.assess(pose, 1).faults == (HIPS_SAGGING,)
    assert CHECKER.assess(pose, 1).faults == ()
