"""Tests for formcoach.exercises.dead_bug on built floor figures.

`table_top(facing, thigh_deg)` (tests/floor_poses.py) lies with both thighs
`thigh_deg` up (90 = over the hips), knees at 90 and arms to the ceiling;
`dead_bug(facing, leg_side)` lowers `leg_side` toward the floor and the
opposite arm back past the head. The lower-back proxy itself is judged by
the session against the person's start (tests/exercises/test_floor_sessions.py);
here the checker's part: the measure and its check in the right phases.
"""

from __future__ import annotations

import pytest
from floor_poses import Limb, dead_bug, supine, table_top

from formcoach.exercises.dead_bug import (
    KNEES_NOT_OVER_HIPS,
    LOWER_BACK_ARCH,
    TRUNK_MEASURE,
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
    assert a.in_position
    assert a.measures["thigh_from_vertical_deg"] == pytest.approx(90.0 - thigh_deg, abs=1e-6)
    assert a.faults == faults
    assert {c.code for c in a.checks} == {KNEES_NOT_OVER_HIPS, LOWER_BACK_ARCH}


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "side", [pytest.param("left", id="left leg lowered"), pytest.param("right", id="right")]
)
def test_a_lowered_leg_is_the_side_and_the_knees_are_not_judged(facing, side):
    a = CHECKER.assess(dead_bug(facing, side).pose(), facing)
    assert a.in_position
    assert a.working_leg == side
    assert a.rep_signal == pytest.approx(15.0)  # the lowered thigh 15 deg off the floor
    assert [c.code for c in a.checks] == [LOWER_BACK_ARCH]
    assert a.measures[TRUNK_MEASURE] == pytest.approx(0.0, abs=1e-6)


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
    assert TRUNK_MEASURE not in a.measures


def test_the_arch_proxy_is_judged_by_the_session_against_a_baseline():
    (limit,) = CHECKER.relative_limits()
    assert (limit.code, limit.measure) == (LOWER_BACK_ARCH, TRUNK_MEASURE)
    assert (limit.rise, limit.ceiling) == (
        LIMITS.arch_trunk_rise_deg,
        LIMITS.arch_trunk_ceiling_deg,
    )
