"""Tests for formcoach.exercises.thomas_test: the set-up, the position, the reading.

`thomas(facing, tested, thigh_deg, knee_flexion_deg)` (tests/floor_poses.py)
lies on a table with the other knee hugged (thigh 130 deg up, hip flexed
130) and the tested leg hanging off the end, its thigh `thigh_deg` above
the table line and its knee bent `knee_flexion_deg`.
"""

from __future__ import annotations

import pytest
from floor_poses import KNEES_BENT, Limb, hanging_leg, supine, thomas

from formcoach.coaching.holds import Hold
from formcoach.exercises.thomas_test import (
    HUG_KNEE,
    KNEE,
    LET_LEG_HANG,
    NORMAL,
    THIGH,
    TIGHT_ILIOPSOAS,
    TIGHT_RECTUS_FEMORIS,
    ThomasTestChecker,
    ThomasThresholds,
    classify,
)

CHECKER = ThomasTestChecker()
LIMITS = ThomasThresholds()
ILIO, RECTUS = LIMITS.iliopsoas_thigh_above_deg, LIMITS.rectus_knee_flexion_below_deg
FACINGS = [pytest.param(1, id="head to the right"), pytest.param(-1, id="head to the left")]
TESTED = [pytest.param("left", id="left leg tested"), pytest.param("right", id="right tested")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("tested", TESTED)
@pytest.mark.parametrize(
    ("thigh", "knee"),
    [
        pytest.param(-12.0, 85.0, id="normal: thigh below the table, knee bent 85"),
        pytest.param(10.0, 95.0, id="thigh raised 10 deg"),
        pytest.param(-8.0, 50.0, id="knee bent only 50"),
    ],
)
def test_in_position_the_tested_leg_is_measured(facing, tested, thigh, knee):
    a = CHECKER.assess(thomas(facing, tested, thigh, knee).pose(), facing)
    assert a.in_position
    assert a.working_leg == tested
    assert a.measures[THIGH] == pytest.approx(thigh, abs=1e-6)
    assert a.measures[KNEE] == pytest.approx(knee, abs=1e-6)
    assert a.faults == ()


@pytest.mark.parametrize(
    ("figure", "cue"),
    [
        pytest.param(supine(1), HUG_KNEE, id="lying, knees bent: hug a knee"),
        pytest.param(
            supine(1).with_leg("right", Limb(130.0, 10.0)),
            LET_LEG_HANG,
            id="knee hugged, other foot on the table: let it hang",
        ),
        pytest.param(
            thomas(1).with_leg("right", Limb(130.0, 10.0)).with_leg("left", Limb(0.0, 0.0)),
            LET_LEG_HANG,
            id="knee hugged, other leg held straight out",
        ),
    ],
)
def test_the_set_up_is_guided_step_by_step(figure, cue):
    a = CHECKER.assess(figure.pose(), 1)
    assert not a.in_position
    assert a.faults == (cue,)


def test_a_knee_not_hugged_close_enough_is_cued_in_position():
    # the raised thigh only 70 deg up: hip flexed 70, the lower back not flattened
    figure = thomas(1, "left").with_leg("right", Limb(70.0, -40.0))
    a = CHECKER.assess(figure.pose(), 1)
    assert a.in_position
    assert a.faults == (HUG_KNEE,)


@pytest.mark.parametrize(
    ("thigh", "knee", "reading"),
    [
        pytest.param(-12.0, 85.0, NORMAL, id="thigh down, knee bent 85: normal"),
        pytest.param(ILIO - 1.0, 85.0, NORMAL, id="thigh just under the limit: normal"),
        pytest.param(ILIO + 1.0, 85.0, TIGHT_ILIOPSOAS, id="thigh just above: iliopsoas"),
        pytest.param(14.0, 104.0, TIGHT_ILIOPSOAS, id="thigh 14 up (knee bends more)"),
        pytest.param(-10.0, RECTUS - 1.0, TIGHT_RECTUS_FEMORIS, id="knee just short: rectus"),
        pytest.param(-14.0, 40.0, TIGHT_RECTUS_FEMORIS, id="knee straightening: rectus"),
        pytest.param(12.0, 40.0, TIGHT_ILIOPSOAS, id="both: the thigh comes first"),
    ],
)
def test_classify(thigh, knee, reading):
    assert classify(thigh, knee, LIMITS) == reading


def steady_hold(side: str, thigh: float, knee: float, seconds: float, fps: float = 30.0) -> Hold:
    hold = Hold(start_s=0.0)
    hold.votes.add(side)
    hold.samples = [(i / fps, {THIGH: thigh, KNEE: knee}) for i in range(int(seconds * fps))]
    return hold


def test_a_hold_is_read_only_once_it_has_been_steady_long_enough():
    short = steady_hold("left", -12.0, 85.0, LIMITS.steady_window_s + LIMITS.min_steady_s - 0.5)
    assert CHECKER.read_hold(short) is None
    assert CHECKER.hold_done_text(short, [short]) is None
    long = steady_hold("left", -12.0, 85.0, 8.0)
    reading = CHECKER.read_hold(long)
    assert reading is not None
    assert (reading.thigh_above_table_deg, reading.knee_flexion_deg) == (-12.0, 85.0)
    assert reading.reading == NORMAL
    text = CHECKER.hold_done_text(long, [long])
    assert text.startswith("Left leg: thigh 12 deg below the table line, knee bent 85 deg")
    assert text.endswith("Now the other leg.")


def test_the_findings_give_each_side_left_against_right_and_the_caveat():
    left = steady_hold("left", -12.0, 85.0, 8.0)
    right = steady_hold("right", 9.0, 100.0, 8.0)
    assert "Left vs right" in CHECKER.hold_done_text(right, [left, right])
    findings = CHECKER.conclude([left, right])
    test = findings.report["thomas_test"]
    assert test["left"]["reading"] == NORMAL
    assert test["right"]["reading"] == TIGHT_ILIOPSOAS
    assert test["right"][THIGH] == 9.0
    assert test["left_minus_right"] == {THIGH: -21.0, KNEE: -15.0}
    assert "not a diagnosis" in test["caveat"]
    assert any("right: thigh 9 deg above the table line" in line for line in findings.lines)


def test_a_side_never_steady_is_not_measured():
    findings = CHECKER.conclude([steady_hold("left", -12.0, 85.0, 8.0)])
    assert findings.report["thomas_test"]["right"] is None
    assert "left_minus_right" not in findings.report["thomas_test"]
    assert any("right: not measured" in line for line in findings.lines)


def test_hanging_leg_builds_the_knee_flexion_it_names():
    assert 180.0 - hanging_leg(-12.0, 85.0).joint_angle_deg == pytest.approx(85.0)
    assert KNEES_BENT.joint_angle_deg == pytest.approx(65.0)
