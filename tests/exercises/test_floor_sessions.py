"""The coach end to end on built floor tracks (no MediaPipe): holds, reps, cues, readings.

Tracks come from tests/floor_poses.py: bridge holds, alternating bird-dog
and dead-bug reaches, and keyframed scenes built here (a Thomas test on
both legs, constructive rest losing its position, a bridge whose near knee
is hidden). Truth is what a track was built with.
"""

from __future__ import annotations

import pytest
from floor_poses import (
    Limb,
    alternating_reaches,
    bridge,
    bridge_holds,
    dead_bug,
    keyframed,
    supine,
    table_top,
    thomas,
    with_outline,
)
from poses import make_track, run_coach

from formcoach.coaching.cues import CueTiming
from formcoach.coaching.sides import BOTH
from formcoach.core.landmarks import Landmark as L
from formcoach.exercises.bird_dog import LEG_ABOVE_HIP
from formcoach.exercises.constructive_rest import POSITION_LOST
from formcoach.exercises.dead_bug import KNEES_NOT_OVER_HIPS, LOWER_BACK_ARCH
from formcoach.exercises.glute_bridge import HIPS_SAGGING
from formcoach.exercises.glute_bridge import SPEC as BRIDGE
from formcoach.exercises.registry import make_checker
from formcoach.exercises.thomas_test import NORMAL, TIGHT_ILIOPSOAS
from formcoach.report import SourceInfo, build_report

ONSET_S = CueTiming().onset_s
SOURCE = SourceInfo("built", 30.0, 0, 0.0, 1280, 720)


def codes(record) -> list[str]:
    return [c.code for c in record.cues]


# -- glute bridge ------------------------------------------------------------------


@pytest.mark.parametrize("facing", [pytest.param(1, id="head right"), pytest.param(-1, id="left")])
def test_good_bridges_are_one_hold_each_on_both_legs(facing):
    scenario = bridge_holds(3, 25.0, 0.0, facing)
    record, results = run_coach(scenario.track, "glute-bridge")
    assert codes(record) == []
    assert [h.side for h in record.holds] == [BOTH] * 3
    for hold, (start, end) in zip(record.holds, scenario.truth["holds"], strict=True):
        assert hold.good_form_s == pytest.approx(end - start, abs=1.5)
    assert [r.side for r in record.reps] == [BOTH] * 3  # each lift a rep
    assert results[-1].reps == {"left": 0, "right": 0, BOTH: 3}
    report = build_report(record, BRIDGE, SOURCE)
    assert report["summary"]["good_form_s"][BOTH] == pytest.approx(75.0, abs=4.5)
    assert report["targets"]["bilateral"] is True


def test_bridges_with_short_rests_stay_separate_reps_and_holds():
    scenario = bridge_holds(3, 6.0, 0.0, rest_s=0.8)  # down and up again within 2.8 s
    record, _ = run_coach(scenario.track, "glute-bridge")
    assert len(record.reps) == 3
    assert len(record.holds) == 3


def test_a_sagging_bridge_is_cued_and_counts_no_good_form():
    scenario = bridge_holds(2, 6.0, -25.0)
    record, _ = run_coach(scenario.track, "glute-bridge")
    first = scenario.truth["holds"][0][0]
    assert codes(record)[0] == HIPS_SAGGING
    assert record.cues[0].start_s == pytest.approx(first + ONSET_S, abs=0.5)
    assert record.holds == []  # no good-form time: the hips never reached the line
    assert len(record.reps) == 2  # the lifts still count


def folded_knees(pose):
    """Both knees pulled to a fifth of the thigh from the hip: a detection gone wrong."""
    xy = pose.xy.copy()
    for hip, knee in ((L.LEFT_HIP, L.LEFT_KNEE), (L.RIGHT_HIP, L.RIGHT_KNEE)):
        xy[knee] = xy[hip] + 0.2 * (xy[knee] - xy[hip])
    return pose.with_xy(xy)


def test_untrusted_landmarks_silence_the_bridge_checks_with_a_reason():
    low, top = supine(), bridge(1, -25.0)
    sagging = keyframed([(0.0, low), (2.0, low), (3.0, top), (12.0, top)])
    track = make_track(lambda t: folded_knees(sagging(t)) if t > 4.0 else sagging(t), 12.0)
    record, results = run_coach(track, "glute-bridge")
    assert codes(record) == [HIPS_SAGGING]  # cued from 3 s, while the knees were believable
    assert record.cues[0].end_s == pytest.approx(4.3, abs=0.3)  # ...and not after
    reason = "implausible limb length (left knee)"
    assert record.silent_reasons[HIPS_SAGGING][reason] > 0.8 * 30 * 8.0
    shown = [c.reason for r in results if r.time_s > 4.5 for c in r.assessment.checks]
    assert set(shown) == {reason}


# -- reaching reps ------------------------------------------------------------------


@pytest.mark.parametrize("exercise", ["bird-dog", "dead-bug"])
@pytest.mark.parametrize("facing", [pytest.param(1, id="head right"), pytest.param(-1, id="left")])
def test_alternating_reaches_are_counted_per_leg_with_no_cues(exercise, facing):
    scenario = alternating_reaches(exercise, 3, facing)
    record, results = run_coach(scenario.track, exercise)
    assert codes(record) == []
    assert [r.side for r in record.reps] == scenario.truth["sides"]
    assert results[-1].reps == {"left": 3, "right": 3}


def test_a_bird_dog_leg_lifted_above_the_hip_is_cued_and_still_counted():
    scenario = alternating_reaches("bird-dog", 2, leg=Limb(28.0, 28.0))
    record, _ = run_coach(scenario.track, "bird-dog")
    assert LEG_ABOVE_HIP in codes(record)
    assert len(record.reps) == 4
    assert all(LEG_ABOVE_HIP in r.faults for r in record.reps)


def test_dead_bug_knees_drifting_from_the_hips_are_cued_in_the_start_position():
    start = table_top(1, thigh_deg=52.0)
    track = make_track(keyframed([(0.0, start), (4.0, start)]), 4.0)
    record, _ = run_coach(track, "dead-bug")
    assert codes(record) == [KNEES_NOT_OVER_HIPS]


@pytest.mark.parametrize(
    ("hollow_l", "cued"),
    [
        pytest.param(0.0, False, id="back flat throughout"),
        pytest.param(0.07, True, id="lower back lifting off the floor as the leg lowers"),
    ],
)
def test_dead_bug_arch_is_judged_against_the_settled_table_top_every_rep(hollow_l, cued):
    start = table_top(1)
    keys = [(0.0, start)]
    for k, side in enumerate(["left", "right", "left", "right"]):
        t = 2.0 + 3.0 * k
        keys += [(t, start), (t + 1.0, dead_bug(1, side)), (t + 1.5, dead_bug(1, side))]
        keys += [(t + 2.5, start)]
    keys.append((15.0, start))
    figures = keyframed(keys)

    def pose_at(t: float):
        pose = figures(t)
        lowered = any(k + 1.0 <= t - 2.0 <= k + 1.5 for k in (0.0, 3.0, 6.0, 9.0))
        return with_outline(pose, back_up=False, hollow_l=hollow_l if lowered else 0.0)

    record, _ = run_coach(make_track(pose_at, 15.0), "dead-bug")
    arches = [c for c in record.cues if c.code == LOWER_BACK_ARCH]
    assert len(record.reps) == 4
    # every rep's arch is said: while it lasts, or once the rep is over
    assert len(arches) == (4 if cued else 0)


# -- constructive rest ----------------------------------------------------------------


def test_constructive_rest_times_the_rest_and_cues_a_lost_position():
    rest = supine(1)
    lost = supine(1, legs={"left": Limb(20.0, -20.0), "right": Limb(20.0, -20.0)})
    keys = [(0.0, rest), (20.0, rest), (21.5, lost), (28.0, lost), (29.5, rest), (40.0, rest)]
    record, _ = run_coach(make_track(keyframed(keys), 40.0), "constructive-rest")
    assert codes(record) == [POSITION_LOST]
    assert record.cues[0].start_s == pytest.approx(20.5 + ONSET_S, abs=1.0)
    (hold,) = record.holds
    assert hold.side == BOTH
    assert hold.good_form_s == pytest.approx(40.0 - 7.5, abs=2.0)


# -- Thomas test ----------------------------------------------------------------------


def thomas_scene(left_thigh: float, right_thigh: float, knee: float = 85.0):
    """Lie down, hug the right knee, let the left leg hang 10 s; then the other side."""
    lying = supine(1)
    hug_right = supine(1).with_leg("right", Limb(130.0, 10.0))
    left = thomas(1, "left", left_thigh, knee)
    hug_left = supine(1).with_leg("left", Limb(130.0, 10.0))
    right = thomas(1, "right", right_thigh, knee)
    keys = [
        (0.0, lying),
        (2.0, lying),
        (3.0, hug_right),
        (5.0, hug_right),
        (7.0, left),
        (17.0, left),
        (18.5, lying),
        (20.0, lying),
        (21.0, hug_left),
        (23.0, hug_left),
        (25.0, right),
        (35.0, right),
        (36.5, lying),
        (38.0, lying),
    ]
    return make_track(keyframed(keys), 38.0)


def test_a_thomas_test_guides_the_set_up_and_reads_both_sides():
    checker = make_checker("thomas-test")
    record, results = run_coach(thomas_scene(-12.0, 10.0), "thomas-test")
    assert {"hug_knee", "let_leg_hang"} <= set(codes(record))
    assert [h.side for h in record.holds] == ["left", "right"]
    said = [e.text for r in results for e in r.events if e.kind == "ack"]
    assert any(t.startswith("Left leg: thigh 12 deg below") for t in said)
    assert any(t.startswith("Right leg: thigh 10 deg above") and "Left vs right" in t for t in said)
    report = build_report(record, checker.spec, SOURCE)
    test = report["thomas_test"]
    assert test["left"]["reading"] == NORMAL
    assert test["right"]["reading"] == TIGHT_ILIOPSOAS
    assert test["left"]["thigh_above_table_deg"] == pytest.approx(-12.0, abs=0.5)
    assert test["right"]["knee_flexion_deg"] == pytest.approx(85.0, abs=0.5)
    assert test["left"]["steady_s"] >= 5.0
    assert test["left_minus_right"]["thigh_above_table_deg"] == pytest.approx(-22.0, abs=1.0)
    assert report["findings"][0].startswith("Thomas test (a screening, not a diagnosis)")
