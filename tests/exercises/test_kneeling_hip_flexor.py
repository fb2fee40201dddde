"""Tests for formcoach.exercises.kneeling_hip_flexor on built half-kneeling figures.

The base figure (tests/poses.py `kneeling`) is the stretch in good form:
front knee at 90 deg over the ankle (shin +5), back knee down with the toes
tucked, trunk 5 deg forward, back hip extended 5 deg. Each case changes one
thing from it.
"""

from __future__ import annotations

import pytest
from poses import Leg, kneeling, lunge, standing

from formcoach.core.landmarks import Landmark as L
from formcoach.exercises.kneeling_hip_flexor import KneelingHipFlexorChecker, KneelingThresholds
from formcoach.exercises.split_stance import (
    FRONT_KNEE_BEHIND_ANKLE,
    FRONT_KNEE_PAST_ANKLE,
    LOWER_BACK_ARCH,
    TRUNK_LEAN_FORWARD,
)

ALL_CODES = {LOWER_BACK_ARCH, TRUNK_LEAN_FORWARD, FRONT_KNEE_PAST_ANKLE, FRONT_KNEE_BEHIND_ANKLE}
CHECKER = KneelingHipFlexorChecker()
LIMITS = KneelingThresholds()

FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
KNEELING_SIDES = [
    pytest.param("left", id="kneeling on the left"),
    pytest.param("right", id="kneeling on the right"),
]


LEAN = LIMITS.trunk_lean_forward_deg
SHIN_FWD = LIMITS.front_shin_forward_deg
SHIN_BACK = LIMITS.front_shin_back_deg
ARCH = LIMITS.arch_trunk_back_deg


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("side", KNEELING_SIDES)
@pytest.mark.parametrize(
    ("changes", "faults"),
    [
        pytest.param({}, (), id="good form"),
        pytest.param({"trunk_deg": LEAN - 5.0}, (), id=f"slight lean ({LEAN - 5:.0f} deg) is fine"),
        pytest.param({"trunk_deg": 30.0}, (TRUNK_LEAN_FORWARD,), id="trunk 30 deg forward"),
        pytest.param(
            {"trunk_deg": LEAN + 3.0},
            (TRUNK_LEAN_FORWARD,),
            id=f"trunk {LEAN + 3:.0f} deg forward, just past the limit",
        ),
        pytest.param(
            {"front": Leg(-85.0, SHIN_FWD + 5.0)},
            (FRONT_KNEE_PAST_ANKLE,),
            id=f"front shin {SHIN_FWD + 5:.0f} deg forward",
        ),
        pytest.param(
            {"front": Leg(-85.0, SHIN_FWD - 5.0)},
            (),
            id=f"front shin {SHIN_FWD - 5:.0f} deg forward is fine",
        ),
        pytest.param(
            {"front": Leg(-85.0, -(SHIN_BACK + 5.0))},
            (FRONT_KNEE_BEHIND_ANKLE,),
            id=f"front shin {SHIN_BACK + 5:.0f} deg back (foot too far out)",
        ),
        pytest.param(
            {"trunk_deg": -(ARCH + 10.0)},
            (LOWER_BACK_ARCH,),
            id=f"trunk {ARCH + 10:.0f} deg back over an extended hip: arch",
        ),
        pytest.param(
            {"trunk_deg": -(ARCH + 5.0), "back": Leg(-(ARCH + 5.0), 110.0)},
            (),
            id="trunk back but the hips sitting back (hip not extended): no arch",
        ),
        pytest.param({"trunk_deg": -(ARCH - 5.0)}, (), id="trunk a little back: within the limit"),
        pytest.param(
            {"trunk_deg": LEAN + 10.0, "front": Leg(-85.0, SHIN_FWD + 7.0)},
            (TRUNK_LEAN_FORWARD, FRONT_KNEE_PAST_ANKLE),
            id="two faults at once",
        ),
    ],
)
def test_form_faults_in_position(facing, side, changes, faults):
    figure = kneeling(facing, side, **changes)
    a = CHECKER.assess(figure.pose(), facing)
    assert a.in_position
    assert a.working_leg == side
    assert sorted(a.faults) == sorted(faults)
    assert {c.code for c in a.checks} == ALL_CODES
    assert all(c.status == ("fault" if c.code in faults else "ok") for c in a.checks)
    for name, expected in figure.expected.items():
        assert a.measures[name] == pytest.approx(expected, abs=1e-6), name


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "hidden",
    [
        pytest.param((L.RIGHT_KNEE,), id="front knee hidden"),
        pytest.param((L.RIGHT_ANKLE,), id="front ankle hidden"),
    ],
)
def test_a_hidden_front_knee_silences_the_knee_checks_with_a_reason(facing, hidden):
    figure = kneeling(
        facing,
        "left",
        front=Leg(-85.0, SHIN_FWD + 5.0),
        trunk_deg=LEAN + 10.0,
        visibility={lm: 0.1 for lm in hidden},
    )
    a = CHECKER.assess(figure.pose(), facing)
    knee_checks = [
        c for c in a.checks if c.code in (FRONT_KNEE_PAST_ANKLE, FRONT_KNEE_BEHIND_ANKLE)
    ]
    assert len(knee_checks) == 2
    assert all(c.status == "silent" and c.reason for c in knee_checks)
    assert "hidden" in knee_checks[0].reason
    assert a.faults == (TRUNK_LEAN_FORWARD,)  # the trunk is still judged


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda f: standing(f), id="standing"),
        pytest.param(lambda f: standing(f, trunk_deg=35.0), id="standing, bent forward"),
        pytest.param(lambda f: lunge(0.0, f), id="split stance, legs straight"),
        pytest.param(lambda f: kneeling(f, back=Leg(10.0, 40.0)), id="back knee off the floor"),
        pytest.param(lambda f: kneeling(f, front=Leg(-40.0, -5.0)), id="front leg nearly straight"),
        pytest.param(lambda f: kneeling(f, front=Leg(-85.0, 70.0)), id="front knee folded shut"),
    ],
)
def test_out_of_position_there_is_nothing_to_judge(facing, figure):
    a = CHECKER.assess(figure(facing).pose(), facing)
    assert not a.in_position
    assert a.checks == ()
    assert a.faults == ()


KNEE_MIN, KNEE_MAX = LIMITS.front_knee_min_deg, LIMITS.front_knee_max_deg


def front_leg_with_knee(angle_deg: float) -> Leg:
    """The base figure's front thigh (-85 deg) with the shin set for this knee angle."""
    return Leg(-85.0, 95.0 - angle_deg)


@pytest.mark.parametrize(
    ("knee_deg", "in_position"),
    [
        pytest.param(KNEE_MAX + 5.0, False, id="front knee 5 deg straighter than the max"),
        pytest.param(KNEE_MAX - 1.0, True, id="front knee just inside the max"),
        pytest.param(KNEE_MIN + 1.0, True, id="front knee just inside the min"),
        pytest.param(KNEE_MIN - 5.0, False, id="front knee 5 deg more bent than the min"),
    ],
)
def test_front_knee_range_for_being_in_position(knee_deg, in_position):
    front = front_leg_with_knee(knee_deg)
    assert front.knee_angle_deg == pytest.approx(knee_deg)
    a = CHECKER.assess(kneeling(1, front=front).pose(), 1)
    assert a.measures["front_knee_angle_deg"] == pytest.approx(knee_deg)
    assert a.in_position is in_position


def test_thresholds_can_be_changed():
    strict = KneelingHipFlexorChecker(KneelingThresholds(trunk_lean_forward_deg=10.0))
    pose = kneeling(1, trunk_deg=15.0).pose()
    assert strict.assess(pose, 1).faults == (TRUNK_LEAN_FORWARD,)
    assert CHECKER.assess(pose, 1).faults == ()
    assert LIMITS.trunk_lean_forward_deg == 20.0
