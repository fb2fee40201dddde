"""The march and leg-swing checkers on real recorded clips from ../shared/clips/dev
(skipped without them).

Expectations come from the clip catalog, checked against the frames by eye.
There are no real clips of the standing or table stretches there. Nothing
from these clips is stored in the repository; landmarks are cached outside it.
"""

from __future__ import annotations

import pytest
from dev_clips import ON_DEV_CLIPS, run

from formcoach.exercises.leg_swing import TRUNK_ROCKING
from formcoach.exercises.march import KNEE_BELOW_HIP, NO_PAUSE, TRUNK_LEAN_BACK

pytestmark = ON_DEV_CLIPS


def cue_codes(report: dict) -> set[str]:
    return {c["code"] for c in report["cues"]}


def test_banded_knee_drives_count_as_marching_without_a_pause() -> None:
    # Six alternating drives (~2.6, 4.0, 5.4, 6.9, 8.4, 9.8 s), knee to hip height or
    # above, the trunk a little forward, no pause at the top: quick drives, not a march.
    # A right drive turns the body oblique at its top (turn_sideways, no reading for
    # ~0.7 s); the one at 4.0 s is not seen coming down before the next drive starts,
    # so it may merge into it.
    report = run("banded_knee_drives_ndnam.mp4", "march")
    reps = report["summary"]["reps"]
    assert 5 <= reps["left"] + reps["right"] <= 6
    assert min(reps.values()) >= 2
    assert all(NO_PAUSE in rep["faults"] for rep in report["reps"])
    assert not {KNEE_BELOW_HIP, TRUNK_LEAN_BACK} & cue_codes(report)
    assert all(KNEE_BELOW_HIP not in rep["faults"] for rep in report["reps"])


@pytest.mark.parametrize(
    "clip",
    [
        pytest.param("high_knees_tomnotch.mp4", id="high knees, front-oblique (~35 deg)"),
        pytest.param("highknees_amila.mp4", id="high knees, front-oblique"),
    ],
)
def test_high_knees_filmed_from_the_front_get_turn_sideways_and_nothing_else(clip: str) -> None:
    report = run(clip, "march")
    assert "turn_sideways" in cue_codes(report)
    assert not {KNEE_BELOW_HIP, NO_PAUSE, TRUNK_LEAN_BACK} & cue_codes(report)


@pytest.mark.parametrize(
    ("clip", "swings", "min_range"),
    [
        # A 1.6 s loop from the front end of one swing to the front end of the next:
        # the second forward turn is never seen, so no swing is complete.
        pytest.param("warm_leg_swing_fb_frank.mp4", 0, None, id="controlled swing"),
        # One kick from standing to over 90 deg (the foot near head height).
        pytest.param("warm_leg_swing_lat_frank.mp4", 1, 80.0, id="very high kick"),
    ],
)
def test_leg_swings_are_counted_with_their_range_and_no_rocking_cue(
    clip: str, swings: int, min_range: float | None
) -> None:
    report = run(clip, "leg-swing")
    assert len(report["reps"]) == swings
    if min_range is not None:
        assert all(rep["range_deg"] >= min_range for rep in report["reps"])
    assert TRUNK_ROCKING not in cue_codes(report)
