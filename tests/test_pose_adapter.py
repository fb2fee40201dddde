"""The pose adapter's flip test on a clip where MediaPipe loses a leg (needs the model)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import numpy as np
import pytest

from formcoach.core.flip_fusion import FlipTest
from formcoach.core.leg_fit import legs_lost
from formcoach.core.pose import Pose
from formcoach.io.video import VideoFileReader
from formcoach.pose.landmarker import LandmarkerOptions, PoseEstimator

pytestmark = pytest.mark.slow

# The leg on the table, knee bent: read once, MediaPipe draws it off the body on
# nearly every frame (284 of 316).
SAMPLES = Path(__file__).resolve().parents[1] / "sample_videos"
CLIP = SAMPLES / "table-psoas_back-leg-bent_left_side-right.mp4"


def read(
    model: Path, flip_test: FlipTest, masks: bool, frames: int = 40, start: int = 120
) -> list[Pose | None]:
    """The poses of `frames` frames from `start` (from 120: the leg up, held)."""
    options = LandmarkerOptions(model, segmentation=masks, flip_test=flip_test)
    with PoseEstimator(options) as estimator:
        return [
            estimator.process(frame, i, t).pose
            for i, t, frame in islice(VideoFileReader(CLIP), start + frames)
        ][start:]


def lost_share(poses: list[Pose | None]) -> float:
    judged = [p for p in poses if p is not None]
    assert len(judged) == len(poses)
    return sum(legs_lost(p) for p in judged) / len(judged)


def test_the_mirrored_reading_finds_the_lost_leg(full_model: Path) -> None:
    assert lost_share(read(full_model, FlipTest.OFF, masks=True)) > 0.8
    assert lost_share(read(full_model, FlipTest.LOST_LEGS, masks=True)) < 0.1


def test_a_mask_made_only_for_the_legs_is_not_returned(full_model: Path) -> None:
    without = read(full_model, FlipTest.LOST_LEGS, masks=False, frames=10)
    with_masks = read(full_model, FlipTest.LOST_LEGS, masks=True, frames=10)
    assert all(p is not None and p.mask is None for p in without)
    assert all(p is not None and p.mask is not None for p in with_masks)
    # the same reading either way: the repair ran without the caller asking for masks
    for a, b in zip(without, with_masks, strict=True):
        assert np.allclose(a.xy, b.xy)  # type: ignore[union-attr]


def test_only_frames_with_a_lost_leg_change(full_model: Path) -> None:
    # The default reads the mirrored frame only where a leg is off the body; every
    # other frame is the single reading, to the bit.
    once = read(full_model, FlipTest.OFF, masks=True, start=245)
    default = read(full_model, FlipTest.LOST_LEGS, masks=True, start=245)
    lost = [legs_lost(p) for p in once]  # type: ignore[arg-type]
    assert 0 < sum(lost) < len(lost)  # both kinds of frame in the window
    for a, b, was_lost in zip(once, default, lost, strict=True):
        assert np.array_equal(a.xy, b.xy) != was_lost  # type: ignore[union-attr]
