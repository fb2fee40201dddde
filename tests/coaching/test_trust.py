"""Tests for formcoach.coaching.trust: when the landmarks a check reads are not trusted.

Figures are floor poses from tests/floor_poses.py (a glute bridge seen from
the left, the near left leg fully visible); each case spoils one thing.
"""

from __future__ import annotations

import numpy as np
import pytest
from floor_poses import bridge

from formcoach.coaching.trust import PoseTrust, TrustLimits, untrusted_reason
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

NEAR_LEG = (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE)
TRUNK = (L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP)
FPS = 30.0


def with_point(pose: Pose, landmark: L, point) -> Pose:
    xy = pose.xy.copy()
    xy[landmark] = point
    return pose.with_xy(xy)


def folded_knee(pose: Pose) -> Pose:
    """The near knee pulled to a fifth of the thigh's length from the hip (a bad detection)."""
    hip, knee = pose.xy[L.LEFT_HIP], pose.xy[L.LEFT_KNEE]
    return with_point(pose, L.LEFT_KNEE, hip + 0.2 * (knee - hip))


def stretched_shin(pose: Pose) -> Pose:
    knee, ankle = pose.xy[L.LEFT_KNEE], pose.xy[L.LEFT_ANKLE]
    return with_point(pose, L.LEFT_ANKLE, knee + 2.5 * (ankle - knee))


@pytest.mark.parametrize(
    ("pose", "joints", "expected"),
    [
        pytest.param(bridge().pose(), NEAR_LEG + TRUNK, None, id="a clean bridge is trusted"),
        pytest.param(
            bridge(visibility={L.LEFT_KNEE: 0.2}).pose(),
            NEAR_LEG,
            "left knee hidden",
            id="near knee hidden",
        ),
        pytest.param(
            bridge(visibility={L.LEFT_ANKLE: 0.3}).pose(),
            NEAR_LEG,
            "left ankle hidden",
            id="near ankle hidden",
        ),
        pytest.param(
            bridge(far_leg_visibility=0.1).pose(),
            NEAR_LEG,
            None,
            id="the far leg hidden does not matter when it is not read",
        ),
        pytest.param(
            bridge(visibility={L.LEFT_HIP: 0.1, L.RIGHT_SHOULDER: 0.1}).pose(),
            TRUNK,
            None,
            id="hip and shoulder visibility is not judged (MediaPipe's is meaningless)",
        ),
        pytest.param(
            folded_knee(bridge().pose()),
            NEAR_LEG,
            "implausible limb length (left knee)",
            id="thigh folded to a fifth",
        ),
        pytest.param(
            stretched_shin(bridge().pose()),
            NEAR_LEG,
            "implausible limb length (left ankle)",
            id="shin stretched to 2.1 torso lengths",
        ),
    ],
)
def test_untrusted_reason(pose, joints, expected):
    assert untrusted_reason(pose, joints) == expected


def track_of(poses: list[Pose], joints=NEAR_LEG) -> list[str | None]:
    trust = PoseTrust()
    return [trust.update(p, i / FPS, joints) for i, p in enumerate(poses)]


def test_a_jump_is_untrusted_for_the_hold_off_then_trusted_again():
    good = bridge().pose()
    jumped = with_point(good, L.LEFT_KNEE, good.xy[L.LEFT_KNEE] + [90.0, 0.0])  # 0.45 torso
    poses = [good] * 5 + [jumped] + [good] * 20
    reasons = track_of(poses)
    assert reasons[:5] == [None] * 5
    hold_off_frames = int(round(TrustLimits().hold_off_s * FPS))
    # the jump out and the jump back both count; the gate holds after the last one
    jumped_frames = reasons[5 : 6 + hold_off_frames]
    assert all(r == "landmarks jumped (a detection glitch)" for r in jumped_frames)
    assert reasons[-1] is None


def test_moving_at_body_speed_is_not_a_jump():
    # the knee travels 0.1 torso lengths per frame: 3 torso lengths a second
    poses = [
        with_point(bridge().pose(), L.LEFT_KNEE, bridge().pose().xy[L.LEFT_KNEE] + [20.0 * i, 0])
        for i in range(8)
    ]
    assert track_of(poses) == [None] * 8


def test_a_jump_of_a_landmark_not_read_is_ignored():
    good = bridge().pose()
    jumped = with_point(good, L.RIGHT_WRIST, good.xy[L.RIGHT_WRIST] + [300.0, 0.0])
    assert track_of([good, jumped, good]) == [None, None, None]


def test_losing_the_person_forgets_the_last_pose():
    good = bridge().pose()
    moved = Pose(good.xy + np.array([400.0, 0.0]), good.visibility)
    trust = PoseTrust()
    assert trust.update(good, 0.0, NEAR_LEG) is None
    assert trust.update(None, 1 / FPS, NEAR_LEG) is None
    assert trust.update(moved, 2 / FPS, NEAR_LEG) is None  # a new start, not a jump
