"""Sitting, standing or away from one pose, whatever the camera sees of the person."""

from __future__ import annotations

import numpy as np
import pytest
from floor_poses import supine
from poses import TORSO, Leg, SideFigure, front_pose, moved, standing

from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose
from formcoach.desk.posture import classify_posture

LEVEL_THIGH = Leg(thigh_deg=-90.0, shin_deg=0.0)  # seated: thigh forward, shin upright


def side_sitting(facing: int = 1, trunk_deg: float = 5.0) -> Pose:
    return SideFigure(
        facing=facing, trunk_deg=trunk_deg, front=LEVEL_THIGH, back=LEVEL_THIGH
    ).pose()


def front_sitting() -> Pose:
    """Face-on, seated: the thighs point at the camera, so the knees show just below the hips."""
    pose = front_pose()
    points = {}
    legs = ((L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE), (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE))
    for hip, knee, ankle in legs:
        knee_at = pose.xy[hip] + [0.0, 0.25 * TORSO]
        points[knee] = knee_at
        points[ankle] = knee_at + [0.0, 170.0]
    return moved(pose, points)


def hidden(pose: Pose, *landmarks: L) -> Pose:
    visibility = pose.visibility.copy()
    visibility[list(landmarks)] = 0.05
    return Pose(pose.xy, visibility, pose.world)


LEGS = (L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE)
HEAD = tuple(L(i) for i in range(11))


@pytest.mark.parametrize(
    ("pose", "posture"),
    [
        pytest.param(side_sitting(), "sitting", id="side view, seated"),
        pytest.param(side_sitting(facing=-1, trunk_deg=25.0), "sitting", id="leaning to type"),
        pytest.param(standing().pose(), "standing", id="side view, standing"),
        pytest.param(front_pose(), "standing", id="face-on, standing"),
        pytest.param(front_sitting(), "sitting", id="face-on, seated (thighs foreshortened)"),
        pytest.param(hidden(front_pose(), *LEGS), "sitting", id="laptop camera: upper body"),
        pytest.param(
            hidden(front_pose(), *LEGS, *HEAD), "standing", id="laptop camera: head above it"
        ),
        pytest.param(None, "away", id="nobody"),
        pytest.param(supine().pose(), "unclear", id="lying down"),
        pytest.param(
            hidden(front_pose(), L.LEFT_SHOULDER, L.RIGHT_SHOULDER), "unclear", id="no shoulders"
        ),  # fmt: skip
    ],
)
def test_the_posture_of_a_pose(pose: Pose | None, posture: str) -> None:
    assert classify_posture(pose).posture == posture


def test_getting_up_is_neither_sitting_nor_standing() -> None:
    half_up = Leg(thigh_deg=-45.0, shin_deg=0.0)  # knees ~0.64 torso lengths below the hips
    reading = classify_posture(SideFigure(front=half_up, back=half_up).pose())
    assert reading.posture == "unclear"
    assert reading.knee_drop == pytest.approx(np.cos(np.radians(45.0)) * 0.9, abs=0.02)
