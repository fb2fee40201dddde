"""Tests for formcoach.exercises.standing_hip_flexor on built figures.

`staggered_stance()` (tests/poses.py) is the stretch in good form: front knee
bent to 135 deg, back leg straight and 25 deg behind vertical (the hip
extended 25 deg), trunk upright. Each case changes one thing from it.
"""

from __future__ import annotations

import pytest
from poses import (
    Leg,
    kneeling,
    lunge,
    make_track,
    run_coach,
    staggered_stance,
    standing,
    stretch_hold,
)

from formcoach.coaching.session import SETTLING
from formcoach.core.landmarks import Landmark as L
from formcoach.exercises.split_stance import LOWER_BACK_ARCH, TRUNK_LEAN_FORWARD
from formcoach.exercises.standing_hip_flexor import (
    BACK_KNEE_BENT,
    SPEC,
    StandingHipFlexorChecker,
    StandingHipFlexorThresholds,
)

CHECKER = StandingHipFlexorChecker()
LIMITS = StandingHipFlexorThresholds()
LEAN = LIMITS.trunk_lean_forward_deg
BACK_KNEE = LIMITS.back_knee_min_deg
ALL_CODES = {LOWER_BACK_ARCH, TRUNK_LEAN_FORWARD, BACK_KNEE_BENT}

FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
BACK_LEGS = [
    pytest.param("left", id="left leg back"),
    pytest.param("right", id="right leg back"),
]


def back_leg_with_knee(angle_deg: float) -> Leg:
    """A back leg bent as it is when the back knee drops: the thigh 20 deg behind
    vertical, the shin set for this knee angle."""
    return Leg(20.0, 20.0 + 180.0 - angle_deg)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("back_label", BACK_LEGS)
@pytest.mark.parametrize(
    ("changes", "faults"),
    [
        pytest.param({}, (), id="good form"),
        pytest.param({"trunk_deg": LEAN - 5.0}, (), id=f"trunk {LEAN - 5:.0f} deg forward is fine"),
        pytest.param(
            {"trunk_deg": LEAN + 3.0},
            (TRUNK_LEAN_FORWARD,),
            id=f"trunk {LEAN + 3:.0f} deg forward",
        ),
        pytest.param(
            {"back": back_leg_with_knee(BACK_KNEE - 5.0)},
            (BACK_KNEE_BENT,),
            id=f"back knee {BACK_KNEE - 5:.0f} deg",
        ),
        pytest.param(
            {"back": back_leg_with_knee(BACK_KNEE + 5.0)},
            (),
            id=f"back knee {BACK_KNEE + 5:.0f} deg is straight enough",
        ),
        pytest.param(
            {"trunk_deg": -15.0},
            (LOWER_BACK_ARCH,),
            id="trunk 15 deg back over the extended back hip: arch",
        ),
        pytest.param({"trunk_deg": -5.0}, (), id="trunk 5 deg back: within the limit"),
        pytest.param(
            {"trunk_deg": LEAN + 10.0, "back": back_leg_with_knee(140.0)},
            (TRUNK_LEAN_FORWARD, BACK_KNEE_BENT),
            id="two faults at once",
        ),
    ],
)
def test_form_faults_in_position(facing, back_label, changes, faults):
    figure = staggered_stance(facing, back_label, **changes)
    a = CHECKER.assess(figure.pose(), facing)
    assert a.in_position
    assert a.working_leg == back_label
    assert sorted(a.faults) == sorted(faults)
    assert {c.code for c in a.checks} == ALL_CODES
    for name, expected in figure.expected.items():
        assert a.measures[name] == pytest.approx(expected, abs=1e-6), name


@pytest.mark.parametrize("facing", FACINGS)
def test_a_hidden_back_knee_silences_its_check_with_a_reason(facing):
    figure = staggered_stance(
        facing,
        "left",
        back=back_leg_with_knee(135.0),
        trunk_deg=LEAN + 10.0,
        visibility={L.LEFT_KNEE: 0.1},
    )
    a = CHECKER.assess(figure.pose(), facing)
    (knee,) = [c for c in a.checks if c.code == BACK_KNEE_BENT]
    assert knee.status == "silent" and "hidden" in knee.reason
    assert a.faults == (TRUNK_LEAN_FORWARD,)  # the trunk is still judged


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda f: standing(f), id="standing, feet together"),
        pytest.param(lambda f: lunge(0.0, f), id="split stance, front knee straight"),
        pytest.param(lambda f: lunge(1.0, f), id="lunge bottom, back shin near the floor"),
        pytest.param(lambda f: kneeling(f), id="kneeling"),
        pytest.param(
            lambda f: staggered_stance(f, front=Leg(-85.0, 70.0)), id="front knee folded shut"
        ),
    ],
)
def test_out_of_position_there_is_nothing_to_judge(facing, figure):
    a = CHECKER.assess(figure(facing).pose(), facing)
    assert not a.in_position
    assert a.checks == ()


@pytest.mark.parametrize(
    ("facing", "back_label"),
    [
        pytest.param(1, "left", id="facing right, far leg back"),
        pytest.param(-1, "left", id="facing left, near leg back"),
    ],
)
def test_a_good_hold_counts_on_the_back_leg_and_completes(facing, back_label):
    scenario = stretch_hold(staggered_stance(facing, back_label))
    record, _ = run_coach(scenario.track, SPEC.name)
    (hold,) = record.holds
    start, end = scenario.truth["hold"]
    assert hold.side == back_label
    assert hold.good_form_s == pytest.approx(end - start, abs=1.5)
    assert hold.good_form_s >= SPEC.hold_target_s
    assert record.cues == []


def test_a_bent_back_knee_held_is_cued():
    scenario = stretch_hold(staggered_stance(1, "right", back=back_leg_with_knee(135.0)), 10.0)
    record, _ = run_coach(scenario.track, SPEC.name)
    assert [c.code for c in record.cues] == [BACK_KNEE_BENT]
    (hold,) = record.holds
    assert hold.side == "right"
    assert hold.faults == {BACK_KNEE_BENT}
    # form is judged once the stance has been held SPEC.settle_s (and the fault confirmed)
    assert hold.good_form_s < SPEC.settle_s + 0.5


def test_a_leg_still_bent_from_stepping_back_is_not_cued():
    """The back knee bends while the foot steps back; form is judged once settled."""
    good = staggered_stance(1, "left")
    stepping = staggered_stance(1, "left", back=back_leg_with_knee(130.0))
    stand = standing(1, front_label=good.front_label)

    def pose_at(t: float):
        if t < 1.0:
            return stand.pose()
        if t < 1.0 + 0.8 * SPEC.settle_s:  # landed with the knee still bent
            return stepping.pose()
        return good.pose()

    record, results = run_coach(make_track(pose_at, 8.0), SPEC.name)
    assert record.cues == []
    assert record.holds[0].faults == set()
    settling = [r for r in results if 1.2 < r.time_s < 1.0 + 0.8 * SPEC.settle_s]
    assert all(
        c.status == "silent" and c.reason == SETTLING for r in settling for c in r.assessment.checks
    )
