"""Tests for formcoach.exercises.table_psoas on built figures.

`table_stretch()` (tests/poses.py) is the stretch in good form: standing on
a slightly bent knee (170 deg), the other leg straight and lying back 80 deg
from vertical (on the table), trunk upright. Each case changes one thing.
"""

from __future__ import annotations

import math

import pytest
from poses import (
    SHIN,
    THIGH,
    Leg,
    run_coach,
    staggered_stance,
    standing,
    stretch_hold,
    table_stretch,
)

from formcoach.core.landmarks import Landmark as L
from formcoach.exercises.split_stance import TRUNK_LEAN_FORWARD
from formcoach.exercises.table_psoas import (
    BACK_LEG_BENT,
    SPEC,
    TablePsoasChecker,
    TablePsoasThresholds,
)

CHECKER = TablePsoasChecker()
LIMITS = TablePsoasThresholds()
LEAN = LIMITS.trunk_lean_forward_deg
KNEE = LIMITS.back_knee_min_deg

FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
TABLE_LEGS = [
    pytest.param("left", id="left leg on the table"),
    pytest.param("right", id="right leg on the table"),
]


def table_leg_with_knee(angle_deg: float) -> Leg:
    """The thigh on the table (80 deg back), the shin set for this knee angle."""
    return Leg(80.0, 80.0 + 180.0 - angle_deg)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("table_label", TABLE_LEGS)
@pytest.mark.parametrize(
    ("changes", "faults"),
    [
        pytest.param({}, (), id="good form"),
        pytest.param({"trunk_deg": LEAN - 5.0}, (), id=f"trunk {LEAN - 5:.0f} deg forward is fine"),
        pytest.param(
            {"trunk_deg": LEAN + 5.0},
            (TRUNK_LEAN_FORWARD,),
            id=f"trunk {LEAN + 5:.0f} deg forward: folding",
        ),
        pytest.param(
            {"back": table_leg_with_knee(KNEE - 10.0)},
            (BACK_LEG_BENT,),
            id=f"table knee {KNEE - 10:.0f} deg",
        ),
        pytest.param(
            {"back": table_leg_with_knee(KNEE + 10.0)},
            (),
            id=f"table knee {KNEE + 10:.0f} deg is straight enough",
        ),
        pytest.param(
            {"trunk_deg": LEAN + 10.0, "back": table_leg_with_knee(110.0)},
            (TRUNK_LEAN_FORWARD, BACK_LEG_BENT),
            id="two faults at once",
        ),
    ],
)
def test_form_faults_on_the_table(facing, table_label, changes, faults):
    figure = table_stretch(facing, table_label, **changes)
    a = CHECKER.assess(figure.pose(), facing)
    assert a.in_position
    assert a.working_leg == table_label
    assert sorted(a.faults) == sorted(faults)
    assert {c.code for c in a.checks} == {TRUNK_LEAN_FORWARD, BACK_LEG_BENT}
    assert a.measures["back_knee_angle_deg"] == pytest.approx(figure.back.knee_angle_deg)
    assert a.measures["trunk_inclination_deg"] == pytest.approx(figure.trunk_deg)
    assert a.measures["back_leg_inclination_deg"] == pytest.approx(leg_line_deg(figure.back))


def leg_line_deg(leg: Leg) -> float:
    """The hip-to-ankle line of a leg built by tests/poses.py, from hanging down."""
    thigh, shin = math.radians(leg.thigh_deg), math.radians(leg.shin_deg)
    behind = THIGH * math.sin(thigh) + SHIN * math.sin(shin)
    below = THIGH * math.cos(thigh) + SHIN * math.cos(shin)
    return math.degrees(math.atan2(behind, below))


@pytest.mark.parametrize(
    ("visibility", "status"),
    [
        pytest.param(0.1, "silent", id="knee hidden"),
        pytest.param(LIMITS.back_knee_visibility_min - 0.05, "silent", id="knee half seen"),
        pytest.param(LIMITS.back_knee_visibility_min + 0.05, "fault", id="knee seen"),
    ],
)
def test_the_table_knee_is_judged_only_when_seen_well(visibility, status):
    figure = table_stretch(
        1, "left", back=table_leg_with_knee(110.0), visibility={L.LEFT_KNEE: visibility}
    )
    a = CHECKER.assess(figure.pose(), 1)
    assert a.in_position  # read from the hip and ankle, not the knee
    (knee,) = [c for c in a.checks if c.code == BACK_LEG_BENT]
    assert knee.status == status
    if status == "silent":
        assert "hidden" in knee.reason


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda f: standing(f), id="standing"),
        pytest.param(lambda f: staggered_stance(f), id="staggered stance, back leg down"),
        pytest.param(lambda f: table_stretch(f, back=Leg(25.0, 25.0)), id="leg raised 25 deg"),
    ],
)
def test_with_no_leg_up_behind_there_is_nothing_to_judge(facing, figure):
    a = CHECKER.assess(figure(facing).pose(), facing)
    assert not a.in_position
    assert a.checks == ()


def test_a_good_hold_counts_on_the_table_leg():
    scenario = stretch_hold(table_stretch(-1, "right"))
    record, _ = run_coach(scenario.track, SPEC.name)
    (hold,) = record.holds
    start, end = scenario.truth["hold"]
    assert hold.side == "right"
    assert hold.good_form_s == pytest.approx(end - start, abs=1.5)
    assert record.cues == []
