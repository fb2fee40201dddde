"""Tests for formcoach.exercises.march on built figures and marching tracks.

`one_leg(lifted_thigh(b))` (tests/poses.py) stands on a straight leg with the
other thigh lifted forward to `b` deg below horizontal (0: knee at hip
height). `marching()` lifts the knees in turn: up over 0.6 s, a pause at the
top, down over 0.6 s, standing `rest_s` between lifts (3 s here, so that the
same cue may come again, 4 s after the last, on the next lift).
"""

from __future__ import annotations

import pytest
from poses import lifted_thigh, marching, one_leg, run_coach, standing

from formcoach.coaching.reps import Rep
from formcoach.exercises.march import (
    KNEE_BELOW_HIP,
    NO_PAUSE,
    SPEC,
    TRUNK_LEAN_BACK,
    MarchChecker,
    MarchThresholds,
)

CHECKER = MarchChecker()
LIMITS = MarchThresholds()
FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
LEGS = [pytest.param("left", id="left knee up"), pytest.param("right", id="right knee up")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("label", LEGS)
@pytest.mark.parametrize(
    "below", [pytest.param(b, id=f"thigh {b:.0f} deg below horizontal") for b in (-10, 0, 30)]
)
def test_the_rep_signal_is_how_far_the_lifted_thigh_is_below_horizontal(facing, label, below):
    a = CHECKER.assess(one_leg(lifted_thigh(below), facing, label).pose(), facing)
    assert a.rep_signal == pytest.approx(below, abs=1e-6)
    assert a.working_leg == label
    assert a.in_position
    assert a.measures["moving_knee_angle_deg"] == pytest.approx(90.0)


@pytest.mark.parametrize("facing", FACINGS)
def test_standing_between_lifts_is_not_a_lift(facing):
    a = CHECKER.assess(standing(facing, trunk_deg=-20.0).pose(), facing)
    assert not a.in_position
    assert a.checks == ()
    assert a.rep_signal == pytest.approx(90.0)


def a_rep(top: float, pause_s: float, trunk_back_deg: float = 0.0) -> Rep:
    """A rep whose thigh rose to `top` deg below horizontal and stayed there `pause_s`,
    the trunk leaning back by `trunk_back_deg` at the top."""
    rep = Rep(start_s=0.0)
    for t, value, trunk in [
        (0.0, 50.0, 0.0),
        (0.3, top, -trunk_back_deg),
        (0.3 + pause_s, top, -trunk_back_deg),
        (0.6 + pause_s, 50.0, 0.0),
    ]:
        rep.add(t, value, {"trunk_inclination_deg": trunk})
    return rep


BACK = LIMITS.trunk_lean_back_deg


@pytest.mark.parametrize(
    ("rep", "faults"),
    [
        pytest.param(a_rep(0.0, 2.0), set(), id="knee at hip height, 2 s pause, upright"),
        pytest.param(
            a_rep(LIMITS.knee_below_hip_deg - 3.0, 2.0), set(), id="knee a little low: fine"
        ),
        pytest.param(
            a_rep(LIMITS.knee_below_hip_deg + 5.0, 2.0), {KNEE_BELOW_HIP}, id="knee below hip"
        ),
        pytest.param(a_rep(0.0, LIMITS.pause_min_s - 0.4), {NO_PAUSE}, id="pause too short"),
        pytest.param(a_rep(40.0, 0.0), {KNEE_BELOW_HIP, NO_PAUSE}, id="low and no pause"),
        pytest.param(a_rep(0.0, 2.0, BACK - 4.0), set(), id="trunk a little back: fine"),
        pytest.param(a_rep(0.0, 2.0, BACK + 4.0), {TRUNK_LEAN_BACK}, id="leaning back to lift"),
        pytest.param(a_rep(0.0, 2.0, -15.0), set(), id="leaning forward is not this fault"),
    ],
)
def test_a_lift_is_judged_once_it_is_over(rep, faults):
    assert CHECKER.rep_faults(rep) == faults


@pytest.mark.parametrize(
    ("scenario", "codes", "rep_faults"),
    [
        pytest.param(
            marching(rest_s=3.0), [], set(), id="good marching: 2 s pauses, knee to hip height"
        ),
        pytest.param(
            marching((("left", 0.1), ("right", 0.1)), rest_s=3.0),
            [NO_PAUSE, NO_PAUSE],
            {NO_PAUSE},
            id="no pause at the top",
        ),
        pytest.param(
            marching(top_below_horizontal_deg=35.0, rest_s=3.0),
            [KNEE_BELOW_HIP, KNEE_BELOW_HIP],
            {KNEE_BELOW_HIP},
            id="knee stops 35 deg below horizontal",
        ),
        pytest.param(
            marching(facing=-1, trunk_at_top_deg=-18.0, rest_s=3.0),
            [TRUNK_LEAN_BACK, TRUNK_LEAN_BACK],
            {TRUNK_LEAN_BACK},
            id="leaning back 18 deg, filmed from the left",
        ),
    ],
)
def test_marching_counts_each_lift_on_its_leg_and_cues_its_fault(scenario, codes, rep_faults):
    record, _ = run_coach(scenario.track, SPEC.name)
    assert [r.side for r in record.reps] == scenario.truth["sides"]
    for rep, (start, end) in zip(record.reps, scenario.truth["windows"], strict=True):
        assert start < rep.start_s < rep.end_s < end + 0.1
        assert rep.faults == rep_faults
    assert [c.code for c in record.cues] == codes
    assert [c.side for c in record.cues] == scenario.truth["sides"][: len(codes)]


def test_quick_lifts_without_a_pause_are_each_cued():
    record, _ = run_coach(marching((("left", 0.1), ("right", 0.1)), rest_s=1.0).track, SPEC.name)
    assert all(rep.faults == {NO_PAUSE} for rep in record.reps)
    assert [c.start_s for c in record.cues] == pytest.approx([r.end_s for r in record.reps])
