"""Tests for formcoach.exercises.bird_dog on built floor figures.

`quadruped` (tests/floor_poses.py) kneels on all fours, thighs and arms
vertical; `bird_dog(facing, leg_side, leg)` reaches `leg_side` back (level
and straight unless `leg` says otherwise) and the opposite arm forward.
"""

from __future__ import annotations

import math

import pytest
from floor_poses import ARM_DOWN, Limb, bird_dog, quadruped

from formcoach.coaching.reps import Rep
from formcoach.exercises.bird_dog import (
    BACK_SAGGING,
    LEG_ABOVE_HIP,
    LIMB_NOT_EXTENDED,
    BirdDogChecker,
    BirdDogThresholds,
)

CHECKER = BirdDogChecker()
LIMITS = BirdDogThresholds()
HIGH = LIMITS.leg_above_hip_deg
FACINGS = [pytest.param(1, id="head to the right"), pytest.param(-1, id="head to the left")]
SIDES = [pytest.param("left", id="left leg reaching"), pytest.param("right", id="right reaching")]


def lifted(elevation_deg: float) -> Limb:
    return Limb(elevation_deg, elevation_deg)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize(
    ("leg", "faults"),
    [
        pytest.param(lifted(2.0), (), id="leg level with the hip"),
        pytest.param(lifted(HIGH - 4.0), (), id=f"leg {HIGH - 4:.0f} deg up: fine"),
        pytest.param(lifted(HIGH + 4.0), (LEG_ABOVE_HIP,), id=f"leg {HIGH + 4:.0f} deg up"),
        pytest.param(Limb(10.0, 40.0), (LEG_ABOVE_HIP,), id="knee bent, foot kicked up high"),
        pytest.param(lifted(-10.0), (), id="leg a little low: not this fault"),
    ],
)
def test_reaching_leg_height(facing, side, leg, faults):
    a = CHECKER.assess(bird_dog(facing, side, leg).pose(), facing)
    assert a.in_position
    assert a.working_leg == side
    assert a.faults == faults
    assert {c.code for c in a.checks} == {LEG_ABOVE_HIP, BACK_SAGGING}
    assert a.rep_signal == pytest.approx(a.measures["reach_hip_flexion_deg"])


@pytest.mark.parametrize("facing", FACINGS)
def test_on_all_fours_only_the_back_is_judged_and_the_rep_signal_is_high(facing):
    a = CHECKER.assess(quadruped(facing).pose(), facing)
    assert a.in_position  # in the exercise: the back's baseline is taken here
    (sag,) = a.checks
    # without a segmentation mask the back's outline cannot be read: silent, with the reason
    assert (sag.code, sag.status, sag.reason) == (BACK_SAGGING, "silent", "no segmentation mask")
    assert a.rep_signal > LIMITS.rep_end_above_deg


def test_standing_up_is_not_the_exercise():
    a = CHECKER.assess(quadruped(1, trunk_deg=-60.0).pose(), 1)
    assert not a.in_position
    assert a.checks == ()
    assert a.rep_signal is None


def rep(depth: float, knee_max: float, elbow_max: float) -> Rep:
    r = Rep(start_s=0.0)
    for t, signal in ((0.0, 80.0), (0.5, depth), (1.0, 80.0)):
        r.add(t, signal, {"reach_knee_angle_deg": knee_max, "reach_elbow_angle_deg": elbow_max})
    return r


@pytest.mark.parametrize(
    ("depth", "knee", "elbow", "short"),
    [
        pytest.param(-15.0, 172.0, 170.0, False, id="full reach"),
        pytest.param(
            LIMITS.reach_hip_flexion_max_deg + 10.0, 172.0, 170.0, True, id="leg half out"
        ),
        pytest.param(-15.0, LIMITS.reach_knee_min_deg - 20.0, 170.0, True, id="knee left bent"),
        pytest.param(-15.0, 172.0, LIMITS.reach_elbow_min_deg - 40.0, True, id="elbow bent"),
    ],
)
def test_limb_not_extended_is_judged_on_the_rep(depth, knee, elbow, short):
    assert CHECKER.rep_faults(rep(depth, knee, elbow)) == ({LIMB_NOT_EXTENDED} if short else set())


def test_the_reaching_arm_is_measured_opposite_the_leg():
    figure = bird_dog(1, "left").with_arm("right", Limb(160.0, 90.0))  # elbow bent 110
    a = CHECKER.assess(figure.pose(), 1)
    assert a.measures["reach_elbow_angle_deg"] == pytest.approx(110.0)
    straight = CHECKER.assess(bird_dog(1, "left").with_arm("left", ARM_DOWN).pose(), 1)
    assert straight.measures["reach_elbow_angle_deg"] == pytest.approx(180.0)
    assert not math.isnan(straight.measures["reach_knee_angle_deg"])
