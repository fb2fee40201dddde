"""The floor checkers on real recorded clips from ../shared/clips/dev (skipped without them).

Expectations come from the clip catalog, checked against the frames by eye.
There are no real clips of the bed stretch or the Thomas test there. Nothing
from these clips is stored in the repository; landmarks are cached outside it.
"""

from __future__ import annotations

import pytest
from dev_clips import ON_DEV_CLIPS, run

from formcoach.coaching.checks import SETUP_CODES
from formcoach.exercises.bird_dog import LEG_ABOVE_HIP

pytestmark = ON_DEV_CLIPS


def fault_cues(report: dict) -> list[str]:
    return [c["code"] for c in report["cues"] if c["code"] not in SETUP_CODES]


@pytest.mark.parametrize(
    ("clip", "exercise"),
    [
        pytest.param("glute_bridge_lena.mp4", "glute-bridge", id="bridge, 3 reps, good"),
        pytest.param("glute_bridge_frank.mp4", "glute-bridge", id="bridge, 1 rep, good"),
        pytest.param("glute_bridge_tijmen.mp4", "glute-bridge", id="bridge seen from the feet"),
        pytest.param("bird_dog_chloe.mp4", "bird-dog", id="bird-dog, good"),
        pytest.param("bird_dog_gymnai.mp4", "bird-dog", id="bird-dog with an overlay, good"),
        pytest.param("bird_dog_lena.mp4", "bird-dog", id="arm reaches only, feet cut off"),
        pytest.param("dead_bug_simikey.webm", "dead-bug", id="dead bug progressions, good"),
        pytest.param("dead_bug_frank.mp4", "dead-bug", id="dead bug table-top, good"),
        pytest.param("dead_bug_lena.mp4", "dead-bug", id="beginner dead bug, feet down"),
        pytest.param("pelvic_tilt_lena.mp4", "constructive-rest", id="lying, knees bent"),
        pytest.param("pelvic_tilt_polybag.mp4", "constructive-rest", id="lying, head cut off"),
    ],
)
def test_good_form_gets_no_fault_cue(clip: str, exercise: str) -> None:
    assert fault_cues(run(clip, exercise)) == []


def test_a_bird_dog_leg_lifted_above_the_hip_is_caught() -> None:
    # A 1.3 s hold with the foot above head level: the cue comes before the clip ends.
    report = run("bird_dog_frank.mp4", "bird-dog")
    assert fault_cues(report) == [LEG_ABOVE_HIP]


@pytest.mark.parametrize(
    ("clip", "exercise", "counts"),
    [
        pytest.param("glute_bridge_lena.mp4", "glute-bridge", 3, id="three bridges"),
        pytest.param("glute_bridge_frank.mp4", "glute-bridge", 1, id="one bridge"),
        pytest.param("bird_dog_chloe.mp4", "bird-dog", {"left": 1, "right": 0}, id="one reach"),
        # reaches at ~15, 25, 35, 60, 67, 78 and 86 s, checked on the frames
        pytest.param(
            "dead_bug_simikey.webm", "dead-bug", {"left": 3, "right": 4}, id="seven lowerings"
        ),
    ],
)
def test_reps_are_counted(clip: str, exercise: str, counts) -> None:
    report = run(clip, exercise)
    if isinstance(counts, int):  # a bridge: reps on both legs
        assert [r["side"] for r in report["reps"]] == ["both"] * counts
    else:
        assert report["summary"]["reps"] == counts


def test_a_view_along_the_body_says_turn_sideways() -> None:
    report = run("glute_bridge_tijmen.mp4", "glute-bridge")
    assert "turn_sideways" in [c["code"] for c in report["cues"]]


@pytest.mark.parametrize(
    ("clip", "min_share"),
    [
        pytest.param("pelvic_tilt_lena.mp4", 0.9, id="9 s lying"),
        pytest.param("pelvic_tilt_polybag.mp4", 0.9, id="19 s lying"),
    ],
)
def test_constructive_rest_times_the_whole_rest(clip: str, min_share: float) -> None:
    report = run(clip, "constructive-rest")
    duration = report["source"]["duration_s"]
    assert report["summary"]["good_form_s"]["both"] >= min_share * duration
