"""The flip test's fusion of a direct and a mirrored reading, on drawn figures and masks."""

from __future__ import annotations

import numpy as np
from poses import FRAME_W, TORSO, lunge, moved, swap_labels, with_mask

from formcoach.core.flip_fusion import MIRRORED, fuse, nearest, unmirror
from formcoach.core.landmarks import Landmark as L
from formcoach.core.leg_fit import legs_lost
from formcoach.core.pose import Pose


def test_mirroring_twice_gives_the_landmarks_back() -> None:
    pose = lunge(0.8).pose()
    mirrored = unmirror(pose.xy, FRAME_W)
    # the left knee of the mirror image lies where the right knee is, flipped
    assert np.allclose(
        mirrored[L.LEFT_KNEE], (FRAME_W - pose.xy[L.RIGHT_KNEE][0], pose.xy[L.RIGHT_KNEE][1])
    )
    assert np.allclose(unmirror(mirrored, FRAME_W), pose.xy)
    assert sorted(MIRRORED) == list(range(33))


def test_two_readings_on_the_body_are_averaged() -> None:
    body = lunge(0.8).pose()
    direct = with_mask(body.with_xy(body.xy + (4.0, 0.0)), body)
    mirrored = Pose(body.xy - (4.0, 0.0), body.visibility * 0.5)
    fused = fuse(direct, mirrored)
    assert fused is not None
    assert np.allclose(fused.xy, body.xy)
    assert np.allclose(fused.visibility, body.visibility * 0.5)
    assert fused.mask is direct.mask  # the direct reading's mask is kept


def test_legs_are_paired_by_position_not_by_label() -> None:
    body = lunge(0.8).pose()
    direct = with_mask(body, body)
    crossed = swap_labels(
        body.with_xy(body.xy + (6.0, 0.0))
    )  # MediaPipe named the legs the other way
    fused = fuse(direct, crossed)
    assert fused is not None
    assert np.allclose(fused.xy[L.LEFT_KNEE], body.xy[L.LEFT_KNEE] + (3.0, 0.0))
    assert np.allclose(fused.xy[L.RIGHT_ANKLE], body.xy[L.RIGHT_ANKLE] + (3.0, 0.0))


def lost_leg(body: Pose) -> Pose:
    """The reading that drew the left (back) leg 1.2 torso lengths further back than it is."""
    away = (-1.2 * TORSO, 0.0)
    return moved(body, {j: body.xy[j] + away for j in (L.LEFT_KNEE, L.LEFT_ANKLE)})


def test_a_leg_lost_in_one_reading_is_taken_from_the_other() -> None:
    body = lunge(0.8).pose()
    good = body.with_xy(body.xy + (2.0, 0.0))
    left_leg = [L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX]
    for direct, mirrored in (
        (with_mask(lost_leg(body), body), good),
        (with_mask(good, body), lost_leg(body)),
    ):
        fused = fuse(direct, mirrored)
        assert fused is not None
        assert np.allclose(fused.xy[left_leg], good.xy[left_leg])  # the lost leg: the good one's
        # the rest, on the body in both readings, is their mean
        assert np.allclose(fused.xy[L.RIGHT_KNEE], body.xy[L.RIGHT_KNEE] + (1.0, 0.0))
        assert np.allclose(fused.xy[L.NOSE], body.xy[L.NOSE] + (1.0, 0.0))


def test_one_missing_reading_leaves_the_other() -> None:
    body = lunge(0.8).pose()
    assert fuse(body, None) is body
    assert fuse(None, body) is body
    assert fuse(None, None) is None


def test_the_mirrored_reading_nearest_the_person_is_chosen() -> None:
    body = lunge(0.8).pose()
    other = body.with_xy(body.xy + (3 * TORSO, 0.0))
    near = body.with_xy(body.xy + (5.0, 0.0))
    assert nearest(body, [other, near]) is near
    assert nearest(body, []) is None


def test_a_leg_off_the_body_is_lost_and_legs_on_it_are_not() -> None:
    body = lunge(0.8).pose()
    assert legs_lost(with_mask(lost_leg(body), body))
    assert not legs_lost(with_mask(body, body))
    assert not legs_lost(lost_leg(body))  # no mask: nothing to judge by
