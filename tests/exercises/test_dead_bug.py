"""Tests for formcoach.exercises.dead_bug on built floor figures.

`table_top(facing, thigh_deg)` (tests/floor_poses.py) lies with both thighs
`thigh_deg` up (90 = over the hips), knees at 90 and arms to the ceiling;
`dead_bug(facing, leg_side)` lowers `leg_side` toward the floor and the
opposite arm back past the head. The lower-back proxy itself is judged by
the session against the person's start (tests/exercises/test_floor_sessions.py);
here the checker's part: the outline's hollow (drawn masks, `with_outline`) and its check in
the right phases.
"""

from __future__ import annotations

import pytest
from floor_poses import Limb, dead_bug, supine, table_top, with_outline

from formcoach.exercises.dead_bug import (
    HOLLOW,
    KNEES_NOT_OVER_HIPS,
    LOWER_BACK_ARCH,
    NO_TABLE_TOP,
    DeadBugChecker,
    DeadBugThresholds,
)

CHECKER = DeadBugChecker()
LIMITS = DeadBugThresholds()
FEET, HEAD = LIMITS.knees_toward_feet_deg, LIMITS.knees_toward_head_deg
FACINGS = [pytest.param(1, id="head to the right"), pytest.param(-1, id="head to the left")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("thigh_deg", "faults"),
    [
        pytest.param(90.0, (), id="knees over the hips"),
        pytest.param(90.0 - FEET + 5.0, (), id=f"{FEET - 5:.0f} deg toward the feet: fine"),
        pytest.param(
            90.0 - FEET - 5.0, (KNEES_NOT_OVER_HIPS,), id=f"{FEET + 5:.0f} deg toward the feet"
        ),
        pytest.param(52.0, (KNEES_NOT_OVER_HIPS,), id="knees drifted 38 deg toward the feet"),
        pytest.param(
            90.0 + HEAD + 5.0, (KNEES_NOT_OVER_HIPS,), id=f"{HEAD + 5:.0f} deg toward the chest"
        ),
    ],
)
def test_the_start_position(facing, thigh_deg, faults):
    a = CHECKER.assess(table_top(facing, thigh_deg).pose(), facing)
    assert a.in_position is (faults == ())  # a good table-top is where the back's baseline is
    assert a.measures["thigh_from_vertical_deg"] == pytest.approx(90.0 - thigh_deg, abs=1e-6)
    assert a.faults == faults
    assert {c.code for c in a.checks} == {KNEES_NOT_OVER_HIPS, LOWER_BACK_ARCH}


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "side", [pytest.param("left", id="left leg lowered"), pytest.param("right", id="right")]
)
def test_a_lowered_leg_is_the_side_and_the_knees_are_not_judged(facing, side):
    a = CHECKER.assess(dead_bug(facing, side).pose(), facing)
    assert not a.in_position  # "in position" is the table-top, where the back's baseline is taken
    assert a.working_leg == side
    assert a.rep_signal == pytest.approx(15.0)  # the lowered thigh 15 deg off the floor
    (arch,) = a.checks
    # no segmentation mask: the arch proxy cannot be read, and says so
    assert (arch.code, arch.status, arch.reason) == (
        LOWER_BACK_ARCH,
        "silent",
        "no segmentation mask",
    )


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda: supine(1), id="feet on the floor (the beginner version)"),
        pytest.param(
            lambda: table_top(1).with_leg("left", Limb(50.0, -10.0)), id="a leg half way down"
        ),
    ],
)
def test_between_positions_nothing_is_judged(figure):
    a = CHECKER.assess(figure().pose(), 1)
    assert not a.in_position
    assert a.checks == ()
    assert HOLLOW not in a.measures


@pytest.mark.parametrize(
    ("hollow_l", "band_mean_l"),
    [
        pytest.param(0.0, 0.0, id="back flat on the floor"),
        pytest.param(0.06, 0.031, id="lower back lifted 0.06 torso lengths"),
    ],
)
def test_the_arch_proxy_reads_the_hollow_of_the_back_outline(hollow_l, band_mean_l):
    pose = with_outline(dead_bug(1, "left").pose(), back_up=False, hollow_l=hollow_l)
    a = CHECKER.assess(pose, 1)
    (arch,) = a.checks
    assert arch.status == "ok"  # judged by the session, against the table-top's hollow
    assert a.measures[HOLLOW] == pytest.approx(band_mean_l, abs=0.006)


def test_the_arch_proxy_is_judged_by_the_session_against_a_settled_baseline():
    (limit,) = CHECKER.relative_limits()
    assert (limit.code, limit.measure) == (LOWER_BACK_ARCH, HOLLOW)
    assert (limit.rise, limit.ceiling) == (LIMITS.arch_rise_l, LIMITS.arch_ceiling_l)
    assert limit.settle_s > 0.5  # the back settles after the legs come up


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda: table_top(1, thigh_deg=52.0), id="table-top, knees toward the feet"),
        pytest.param(
            lambda: table_top(1, thigh_deg=52.0).with_leg("left", Limb(15.0, 10.0)),
            id="leg lowered, the other knee off the hip",
        ),
    ],
)
def test_with_the_knees_off_the_hips_the_arch_is_not_judged(figure):
    pose = with_outline(figure().pose(), back_up=False, hollow_l=0.06)
    a = CHECKER.assess(pose, 1)
    (arch,) = [c for c in a.checks if c.code == LOWER_BACK_ARCH]
    assert (arch.status, arch.reason) == ("silent", NO_TABLE_TOP)
    assert not a.in_position  # nor is the back's baseline taken there


@pytest.mark.parametrize(
    ("leg", "counted"),
    [
        pytest.param(Limb(15.0, 10.0), True, id="leg reached out, knee straight: a rep's low"),
        pytest.param(Limb(20.0, -60.0), False, id="hip dropped, knee still bent: no reach"),
    ],
)
def test_only_a_leg_reaching_out_moves_the_rep_counter(leg, counted):
    a = CHECKER.assess(table_top(1).with_leg("left", leg).pose(), 1)
    assert (a.rep_signal is not None) is counted
