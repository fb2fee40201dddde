"""The regression suite: every bundled sample clip meets its expectations.

Each clip in sample_videos/ comes with NAME.expect.toml (written by the clip
renderer from the clip's ground truth): the cues that must and must not
appear, reps and good-form seconds per side. A change that breaks a cue
fails here, clip by clip, with the exercise named and with it recognised
(`--exercise auto`), each both read once and with the flip test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.core.flip_fusion import FlipTest
from formcoach.exercises.registry import CHECKERS
from formcoach.pose import model_store
from formcoach.recognition.auto_coach import AUTO
from formcoach.regression.clips import check_clip, find_clips
from formcoach.regression.expectations import expectation_path, load_expectation

SAMPLES = Path(__file__).resolve().parents[1] / "sample_videos"
CLIPS = [c for c in find_clips(SAMPLES) if expectation_path(c).exists()] if SAMPLES.is_dir() else []


@pytest.fixture(scope="module")
def model() -> Path:
    return model_store.resolve_model("full")


def test_every_sample_clip_has_an_expectation() -> None:
    clips = find_clips(SAMPLES)
    assert clips, "sample_videos/ has no clips"
    missing = [c.name for c in clips if not expectation_path(c).exists()]
    assert missing == []


def assert_meets_expectation(
    clip: Path, model: Path, exercise: str | None, flip_test: FlipTest = FlipTest.LOST_LEGS
) -> None:
    expectation = load_expectation(expectation_path(clip))
    result = check_clip(clip, model, exercise, flip_test=flip_test)
    if expectation.exercise not in CHECKERS:
        assert result.status == "no checker"
        return
    assert result.status == "pass", "\n".join(
        [f"expected: {result.expected}", f"got:      {result.got}", *result.problems]
    )


# Runs before the fixed-exercise test: its tracks carry masks, and the cache
# serves them to checkers that need none, so each clip goes through MediaPipe once.
@pytest.mark.slow
@pytest.mark.parametrize("clip", CLIPS, ids=[c.stem for c in CLIPS])
def test_sample_clip_meets_its_expectation_with_the_exercise_recognised(
    clip: Path, model: Path
) -> None:
    assert_meets_expectation(clip, model, AUTO)


@pytest.mark.slow
@pytest.mark.parametrize("clip", CLIPS, ids=[c.stem for c in CLIPS])
def test_sample_clip_meets_its_expectation(clip: Path, model: Path) -> None:
    assert_meets_expectation(clip, model, None)


# The same with the flip test on every frame (each frame also read mirrored, the
# readings fused); the tests above have it only where a leg is lost (the default).
@pytest.mark.slow
@pytest.mark.parametrize("clip", CLIPS, ids=[c.stem for c in CLIPS])
def test_sample_clip_meets_its_expectation_with_the_flip_test_and_recognition(
    clip: Path, model: Path
) -> None:
    assert_meets_expectation(clip, model, AUTO, flip_test=FlipTest.EVERY_FRAME)


@pytest.mark.slow
@pytest.mark.parametrize("clip", CLIPS, ids=[c.stem for c in CLIPS])
def test_sample_clip_meets_its_expectation_with_the_flip_test(clip: Path, model: Path) -> None:
    assert_meets_expectation(clip, model, None, flip_test=FlipTest.EVERY_FRAME)
