"""Tests for formcoach.exercises.lunge on built lunge figures.

`lunge(depth)` (tests/poses.py) goes from a split stance with straight legs
(depth 0) to the bottom (depth 1: front knee 95 deg, back knee 105 deg); the
straighter knee, the rep signal, reads 180 - 75 * depth.
"""

from __future__ import annotations

import pytest
from poses import Leg, lunge, lunge_straighter_knee_deg, standing

from formcoach.coaching.reps import RepCounter
from formcoach.exercises.lunge import LUNGE_TOO_SHALLOW, LungeChecker, LungeThresholds
from formcoach.exercises.split_stance import (
    FRONT_KNEE_BEHIND_ANKLE,
    FRONT_KNEE_PAST_ANKLE,
    LOWER_BACK_ARCH,
    TRUNK_LEAN_FORWARD,
)

CHECKER = LungeChecker()
LEAN = LungeThresholds().trunk_lean_forward_deg
SHIN_FWD = LungeThresholds().front_shin_forward_deg
FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
FRONT_LEGS = [
    pytest.param("left", id="left leg in front"),
    pytest.param("right", id="right leg in front"),
]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("front_label", FRONT_LEGS)
@pytest.mark.parametrize("depth", [pytest.param(d, id=f"depth {d}") for d in (0.0, 0.3, 0.6, 1.0)])
def test_rep_signal_is_the_straighter_knee_and_the_side_the_front_leg(facing, front_label, depth):
    a = CHECKER.assess(lunge(depth, facing, front_label).pose(), facing)
    assert a.rep_signal == pytest.approx(lunge_straighter_knee_deg(depth), abs=1e-6)
    assert a.measures["lunge_depth_knee_deg"] == pytest.approx(a.rep_signal)
    assert a.working_leg == front_label


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("changes", "faults"),
    [
        pytest.param({}, (), id="good form"),
        pytest.param(
            {"trunk_deg": LEAN + 10.0},
            (TRUNK_LEAN_FORWARD,),
            id=f"trunk {LEAN + 10:.0f} deg forward",
        ),
        pytest.param({"trunk_deg": LEAN - 5.0}, (), id=f"trunk {LEAN - 5:.0f} deg forward is fine"),
        pytest.param(
            {"front": Leg(-80.0, SHIN_FWD + 5.0)},
            (FRONT_KNEE_PAST_ANKLE,),
            id=f"front shin {SHIN_FWD + 5:.0f} deg forward",
        ),
        pytest.param(
            {"front": Leg(-80.0, SHIN_FWD - 5.0)},
            (),
            id=f"front shin {SHIN_FWD - 5:.0f} deg forward is fine",
        ),
        pytest.param(
            {"front": Leg(-80.0, -30.0)}, (), id="front knee behind the ankle is no fault"
        ),
        pytest.param({"trunk_deg": -20.0}, (LOWER_BACK_ARCH,), id="leaning back, hip extended"),
    ],
)
def test_form_at_the_bottom(facing, changes, faults):
    a = CHECKER.assess(lunge(1.0, facing, **changes).pose(), facing)
    assert a.in_position
    assert sorted(a.faults) == sorted(faults)
    codes = {c.code for c in a.checks}
    assert codes == {TRUNK_LEAN_FORWARD, LOWER_BACK_ARCH, FRONT_KNEE_PAST_ANKLE}
    assert FRONT_KNEE_BEHIND_ANKLE not in codes


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda f: standing(f), id="standing, feet together"),
        pytest.param(lambda f: lunge(0.0, f), id="split stance, legs straight"),
        pytest.param(lambda f: lunge(0.4, f), id="on the way down, straighter knee 150 deg"),
        pytest.param(
            lambda f: lunge(0.0, f, trunk_deg=LEAN + 10.0),
            id="leaning forward up top: not judged there",
        ),
    ],
)
def test_no_checks_while_standing(facing, figure):
    a = CHECKER.assess(figure(facing).pose(), facing)
    assert not a.in_position
    assert a.faults == ()
    assert a.checks == ()
    assert a.rep_signal > CHECKER.t.check_below_deg


def _rep_through(depths, facing=1, front_label="right"):
    """Feed one rep's depths (0..1) through the checker and a rep counter; returns the rep."""
    counter = RepCounter(*CHECKER.rep_thresholds())
    reps = []
    for i, depth in enumerate(depths):
        a = CHECKER.assess(lunge(depth, facing, front_label).pose(), facing)
        rep = counter.update(i / 30.0, a.rep_signal, a.working_leg, frozenset(a.faults))
        if rep is not None:
            reps.append(rep)
    return reps


def _down_and_up(bottom, steps=30):
    down = [bottom * i / steps for i in range(steps + 1)]
    return down + down[::-1]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("bottom", "too_shallow"),
    [
        pytest.param(1.0, False, id="to the bottom (straighter knee 105)"),
        pytest.param(0.85, False, id="straighter knee 116: deep enough"),
        pytest.param(0.6, True, id="straighter knee 135: too shallow"),
        pytest.param(0.45, True, id="straighter knee 146: barely a rep, too shallow"),
    ],
)
def test_depth_is_judged_once_the_rep_is_over(facing, bottom, too_shallow):
    (rep,) = _rep_through(_down_and_up(bottom), facing, "left")
    assert rep.depth == pytest.approx(lunge_straighter_knee_deg(bottom), abs=1e-6)
    assert rep.side == "left"
    assert CHECKER.rep_faults(rep) == ({LUNGE_TOO_SHALLOW} if too_shallow else set())


def test_a_dip_that_never_reaches_rep_start_is_no_rep():
    assert _rep_through(_down_and_up(0.3)) == []  # straighter knee 157.5 > 150


@pytest.mark.parametrize(
    ("thresholds", "error"),
    [
        pytest.param(LungeThresholds(), None, id="defaults"),
        pytest.param(
            LungeThresholds(rep_start_below_deg=140.0, rep_end_above_deg=170.0),
            None,
            id="wider hysteresis",
        ),
        pytest.param(
            LungeThresholds(rep_start_below_deg=165.0, rep_end_above_deg=160.0),
            ValueError,
            id="end below start",
        ),
    ],
)
def test_rep_thresholds_make_a_valid_counter(thresholds, error):
    checker = LungeChecker(thresholds)
    if error is None:
        start, end = checker.rep_thresholds()
        assert RepCounter(start, end).end_above > start
    else:
        with pytest.raises(error):
            RepCounter(*checker.rep_thresholds())
