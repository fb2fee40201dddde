"""Tests for formcoach.exercises.leg_swing on built figures and swinging tracks.

`one_leg(swung_leg(a))` (tests/poses.py) stands on a straight leg with the
other straight leg `a` deg ahead of vertical (negative: behind).
`leg_swings()` swings one leg then the other, 4 swings each from 28 deg
behind to 55 deg ahead, 1.1 s a swing, the trunk rocking against the leg by
`trunk_rock_deg` either way.
"""

from __future__ import annotations

import pytest
from poses import leg_swings, one_leg, run_coach, swung_leg

from formcoach.coaching.reps import Rep
from formcoach.exercises.leg_swing import (
    SPEC,
    TRUNK,
    TRUNK_ROCKING,
    LegSwingChecker,
    LegSwingThresholds,
    unwrapped_flexion_deg,
)

CHECKER = LegSwingChecker()
LIMITS = LegSwingThresholds()
FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
LEGS = [pytest.param("left", id="left leg swings"), pytest.param("right", id="right leg swings")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("label", LEGS)
@pytest.mark.parametrize(
    ("forward", "trunk"),
    [
        pytest.param(55.0, 0.0, id="55 deg forward"),
        pytest.param(-28.0, 0.0, id="28 deg back"),
        pytest.param(40.0, -8.0, id="40 deg forward, trunk 8 deg back"),
    ],
)
def test_the_signal_is_the_swinging_hips_flexion(facing, label, forward, trunk):
    figure = one_leg(swung_leg(forward), facing, label, trunk_deg=trunk)
    a = CHECKER.assess(figure.pose(), facing)
    assert a.working_leg == label
    assert a.rep_signal == pytest.approx(forward + trunk, abs=1e-6)  # thigh from the trunk line
    assert a.measures[TRUNK] == pytest.approx(trunk)
    assert a.checks == ()  # rocking is judged over a swing, not in a frame


@pytest.mark.parametrize(
    ("reading", "flexion"),
    [
        pytest.param(100.0, 100.0, id="kick to 100 deg"),
        pytest.param(-30.0, -30.0, id="30 deg behind"),
        pytest.param(-160.0, 200.0, id="foot over the head reads -160: 200"),
    ],
)
def test_a_kick_past_180_is_read_as_flexion(reading, flexion):
    assert unwrapped_flexion_deg(reading) == flexion


def swing_with_trunk_travel(travel: float) -> Rep:
    rep = Rep(start_s=0.0)
    for t, hip, trunk in [(0.0, -25.0, 0.0), (0.5, 55.0, travel), (1.0, -25.0, 0.0)]:
        rep.add(t, hip, {TRUNK: trunk})
    return rep


@pytest.mark.parametrize(
    ("travel", "faults"),
    [
        pytest.param(3.0, set(), id="trunk still (3 deg)"),
        pytest.param(LIMITS.trunk_rocking_deg - 2.0, set(), id="a little sway"),
        pytest.param(LIMITS.trunk_rocking_deg + 2.0, {TRUNK_ROCKING}, id="rocking"),
    ],
)
def test_rocking_is_the_trunks_travel_over_a_swing(travel, faults):
    assert CHECKER.rep_faults(swing_with_trunk_travel(travel)) == faults


@pytest.mark.parametrize("facing", FACINGS)
def test_swings_are_counted_per_side_with_their_range(facing):
    scenario = leg_swings(facing=facing)
    record, _ = run_coach(scenario.track, SPEC.name)
    assert [r.side for r in record.reps] == ["left"] * 4 + ["right"] * 4
    for swing in record.reps:
        # smoothing rounds the turning points off by a few degrees
        assert swing.range == pytest.approx(scenario.truth["hip_range_deg"], abs=5.0)
        assert swing.faults == set()
    assert record.cues == []


def test_a_rocking_trunk_is_cued_at_the_end_of_each_swing():
    scenario = leg_swings(trunk_rock_deg=10.0)
    record, _ = run_coach(scenario.track, SPEC.name)
    assert len(record.reps) == 8
    assert all(r.faults == {TRUNK_ROCKING} for r in record.reps)
    for swing in record.reps:
        assert swing.span_of(TRUNK) == pytest.approx(scenario.truth["trunk_travel_deg"], abs=2.5)
    assert [(c.code, c.side, c.start_s) for c in record.cues] == [
        (TRUNK_ROCKING, r.side, r.end_s) for r in record.reps
    ]
