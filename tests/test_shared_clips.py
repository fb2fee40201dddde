"""The coach on real recorded clips from ../shared/clips/dev (skipped without them).

Expectations come from the clip catalog, checked against the frames by eye
(where the catalog was wrong, the case says so). Nothing from these clips
is stored in the repository; landmarks are cached outside it.
"""

from __future__ import annotations

import pytest
from dev_clips import ON_DEV_CLIPS, run

FORM_FAULTS = {
    "lower_back_arch",
    "trunk_lean_forward",
    "front_knee_past_ankle",
    "front_knee_behind_ankle",
    "lunge_too_shallow",
}

pytestmark = ON_DEV_CLIPS


def fault_cues(report: dict) -> list[tuple[str, float]]:
    return [(c["code"], c["fault_start_s"]) for c in report["cues"] if c["code"] in FORM_FAULTS]


@pytest.mark.parametrize(
    ("clip", "exercise", "allowed"),
    [
        pytest.param("lunge_darian.mp4", "lunge", set(), id="side lunge, good"),
        pytest.param(
            "lunge_ngo_demo.mp4", "lunge", set(), id="side lunge with drawn skeleton, good"
        ),
        pytest.param("db_lunge_verywell_simikey.webm", "lunge", set(), id="two-frame lunge, good"),
        pytest.param("bss_frank.mp4", "lunge", set(), id="split squat, arguable lean, not cued"),
        pytest.param(
            "hip_flexor_tijmen.mp4", "kneeling-hip-flexor", set(), id="couch stretch, good"
        ),
        pytest.param(
            "mob_hip_flexor_frank.mp4", "kneeling-hip-flexor", set(), id="kneeling stretch, good"
        ),
        # The catalog calls this good, but at 17-19 s she folds forward ~40 deg
        # (checked on the frames): that lean is the one cue allowed.
        pytest.param(
            "hip_flexor_paroliav.mp4",
            "kneeling-hip-flexor",
            {"trunk_lean_forward"},
            id="kneeling stretch, good but one forward fold",
        ),
    ],
)
def test_good_form_gets_no_fault_cue(clip: str, exercise: str, allowed: set[str]) -> None:
    report = run(clip, exercise)
    assert report["pose_coverage"] > 0.5
    unexpected = [c for c in fault_cues(report) if c[0] not in allowed]
    assert unexpected == []


@pytest.mark.parametrize(
    ("clip", "code", "near_s"),
    [
        pytest.param(
            "weighted_lunges_ndnam.mp4",
            "front_knee_past_ankle",
            8.7,
            id="knee past toes, 2nd lunge",
        ),
        pytest.param(
            "weighted_lunges_ndnam.mp4",
            "front_knee_past_ankle",
            15.7,
            id="knee past toes, 4th lunge",
        ),
        pytest.param("bss_chloe.mp4", "trunk_lean_forward", 1.7, id="split squat, hinging forward"),
        pytest.param("hip_flexor_paroliav.mp4", "trunk_lean_forward", 18.0, id="forward fold"),
    ],
)
def test_faults_are_caught_near_their_time(clip: str, code: str, near_s: float) -> None:
    exercise = "kneeling-hip-flexor" if "hip_flexor" in clip else "lunge"
    report = run(clip, exercise)
    starts = [t for c, t in fault_cues(report) if c == code]
    assert any(abs(t - near_s) <= 1.5 for t in starts), starts


@pytest.mark.parametrize(
    "clip",
    [
        pytest.param("lunge_vengaza.mp4", id="front-oblique lunge"),
        pytest.param("rev_lunge_frank.mp4", id="front-oblique reverse lunge"),
        pytest.param("lunge_chauhan.mp4", id="rear-oblique lunge in a gym mirror"),
    ],
)
def test_a_view_that_cannot_show_the_checks_says_turn_sideways(clip: str) -> None:
    report = run(clip, "lunge")
    codes = [c["code"] for c in report["cues"]]
    assert "turn_sideways" in codes
    assert fault_cues(report) == []


@pytest.mark.parametrize(
    ("clip", "exercise", "side", "reps"),
    [
        pytest.param("lunge_darian.mp4", "lunge", None, 2, id="two lunges"),
        pytest.param("weighted_lunges_ndnam.mp4", "lunge", None, 4, id="four alternating lunges"),
    ],
)
def test_reps_are_counted(clip: str, exercise: str, side: str | None, reps: int) -> None:
    report = run(clip, exercise)
    counts = report["summary"]["reps"]
    assert counts["left"] + counts["right"] == reps


@pytest.mark.parametrize(
    ("clip", "min_share"),
    [
        pytest.param("hip_flexor_tijmen.mp4", 0.8, id="couch stretch held throughout"),
        pytest.param("mob_hip_flexor_frank.mp4", 0.8, id="short hold held throughout"),
    ],
)
def test_holds_count_good_form_time(clip: str, min_share: float) -> None:
    report = run(clip, "kneeling-hip-flexor")
    good = report["summary"]["good_form_s"]
    assert max(good["left"], good["right"]) >= min_share * report["source"]["duration_s"]
    assert min(good["left"], good["right"]) == 0
