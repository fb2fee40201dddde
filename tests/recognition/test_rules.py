"""The rules on built poses: each posture scores its exercise above "none"."""

from __future__ import annotations

from formcoach.recognition.features import FrameFeatures
from formcoach.recognition.rules import NONE, NONE_SCORE, score_window
from formcoach.recognition.window import window_stats

STANDING = dict(
    trunk_tilt_deg=2.0,
    knee_angle_min_deg=175.0,
    knee_angle_max_deg=178.0,
    hip_angle_min_deg=175.0,
    hip_angle_max_deg=178.0,
    knee_rise_min=-0.8,
    knee_rise_max=-0.8,
    ankle_rise_min=-1.6,
    ankle_rise_max=-1.6,
    wrist_rise_min=-1.1,
    wrist_rise_max=-1.1,
    ankle_spread=0.1,
    knee_floor_gap=0.9,
    foot_off_floor=0.0,
    foot_behind=0.0,
    hip_x=3.0,
    hip_y=2.0,
)


def held(**changes: float) -> list[FrameFeatures]:
    return [FrameFeatures(**(STANDING | changes))] * 60


def best(frames: list[FrameFeatures]) -> str:
    return score_window(window_stats(frames)).best()[0]


def test_standing_still_is_no_exercise() -> None:
    assert best(held()) == NONE


def test_nobody_is_no_exercise_for_sure() -> None:
    scores = score_window(window_stats([None] * 30))
    assert scores.best() == (NONE, 1.0)


def test_kneeling_split_stance_held_is_the_kneeling_stretch() -> None:
    frames = held(knee_floor_gap=0.05, ankle_spread=1.5, knee_angle_min_deg=90.0)
    assert best(frames) == "kneeling-hip-flexor"


def test_lying_knees_bent_feet_down_still_is_constructive_rest() -> None:
    frames = held(
        trunk_tilt_deg=90.0,
        knee_angle_min_deg=80.0,
        knee_angle_max_deg=85.0,
        hip_angle_min_deg=140.0,
        hip_angle_max_deg=142.0,
        knee_rise_min=0.5,
        knee_rise_max=0.55,
        ankle_rise_min=-0.2,
        ankle_rise_max=0.0,
        wrist_rise_min=-0.1,
        wrist_rise_max=0.1,
    )
    assert best(frames) == "constructive-rest"


def test_lunging_up_and_down_is_a_lunge() -> None:
    down = dict(knee_angle_min_deg=90.0, knee_angle_max_deg=100.0, ankle_spread=1.4)
    frames = (held()[:15] + held(**down)[:15]) * 3
    scores = score_window(window_stats(frames))
    assert scores.best()[0] == "lunge"
    assert scores.by_label["lunge"] > NONE_SCORE


# One leg straight on a table behind, the trunk leaning forward, as MediaPipe
# reads it on the rendered table-stretch clip: the raised leg drawn drooping,
# its ankle half a torso below the hip instead of at hip height.
LEANING_TABLE_STRETCH = dict(
    trunk_tilt_deg=28.0,
    knee_angle_min_deg=158.0,
    hip_angle_min_deg=145.0,
    knee_rise_max=-0.38,
    ankle_rise_max=-0.6,
    ankle_spread=1.0,
    foot_off_floor=0.7,
)


def test_a_leg_held_up_behind_is_the_table_stretch_not_a_march() -> None:
    scores = score_window(window_stats(held(foot_behind=1.0, **LEANING_TABLE_STRETCH)))
    assert scores.best()[0] == "table-psoas"
    assert scores.by_label["march"] < NONE_SCORE
    assert scores.weakest["march"] == "no foot reaching back"


def test_the_same_leg_held_up_in_front_is_not_the_table_stretch() -> None:
    scores = score_window(window_stats(held(foot_behind=-0.1, **LEANING_TABLE_STRETCH)))
    assert scores.by_label["table-psoas"] < NONE_SCORE


def test_a_lunge_held_at_the_bottom_is_not_the_standing_stretch() -> None:
    # A slow lunge paused at the bottom: a split stance held still, both knees bent.
    bottom = held(knee_angle_min_deg=95.0, knee_angle_max_deg=112.0, ankle_spread=1.4)
    scores = score_window(window_stats(bottom))
    assert scores.by_label["standing-hip-flexor"] < NONE_SCORE
    assert scores.weakest["standing-hip-flexor"] == "the back leg near straight"
    stretch = held(knee_angle_min_deg=120.0, knee_angle_max_deg=170.0, ankle_spread=1.4)
    assert best(stretch) == "standing-hip-flexor"
