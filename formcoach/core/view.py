"""Where the camera is and which way the person faces, from one pose.

The camera view is the body's yaw: how far the shoulder and hip lines are
turned from pointing straight at the camera (a square side view, 0 deg)
toward lying across the image (face-on or from behind, 90 deg).

It is read from MediaPipe's world landmarks (its 3D estimate, in which a
line pointing at the camera runs along z). Without them it falls back to
how wide the shoulders and hips look against the torso's length in the
image, divided by adult face-on widths (shoulders ~0.75, hips ~0.45 of the
mid-shoulder to mid-hip length). On real clips the two agree within a few
degrees for side and oblique views, but the image widths read a face-on
person as ~55 deg (people stand narrower than the averages) where the world
landmarks read ~87 deg.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from formcoach.core.geometry import distance, midpoint
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

ViewKind = Literal["side", "front", "oblique", "unknown"]

SHOULDER_WIDTH_FACE_ON = 0.75
HIP_WIDTH_FACE_ON = 0.45
# A view counts as a side view within this many degrees of square-on side.
SIDE_VIEW_TOLERANCE_DEG = 25.0
# ...and as a front view within this many degrees of face-on.
FRONT_VIEW_TOLERANCE_DEG = 30.0


@dataclass(frozen=True)
class View:
    kind: ViewKind
    facing: int | None  # +1 image right, -1 image left, None unknown
    yaw_from_side_deg: float  # 0 = square side view, 90 = face-on or from behind


def torso_length(pose: Pose) -> float:
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER])
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP])
    return distance(shoulders, hips)


def estimate_yaw_from_side_deg(pose: Pose) -> float:
    """Degrees the body is turned from a square side view (0 side .. 90 front/back)."""
    if pose.world is not None:
        return world_yaw_from_side_deg(pose.world)
    return image_yaw_from_side_deg(pose)


def world_yaw_from_side_deg(world: np.ndarray) -> float:
    """Yaw from the world landmarks: the mean angle of the shoulder and hip lines from depth."""
    angles = []
    for a, b in ((L.LEFT_SHOULDER, L.RIGHT_SHOULDER), (L.LEFT_HIP, L.RIGHT_HIP)):
        dx, _, dz = world[a] - world[b]
        angles.append(math.degrees(math.atan2(abs(dx), abs(dz))))
    return float(np.mean(angles))


def image_yaw_from_side_deg(pose: Pose) -> float:
    """Yaw from the image widths of the shoulders and hips against the torso length."""
    length = torso_length(pose)
    if length <= 0.0:
        return math.nan
    shoulder = distance(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER]) / length
    hip = distance(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP]) / length
    frontness = 0.5 * (shoulder / SHOULDER_WIDTH_FACE_ON + hip / HIP_WIDTH_FACE_ON)
    return 90.0 - math.degrees(math.acos(min(1.0, frontness)))


def facing_direction(pose: Pose) -> int | None:
    """+1 if the person faces image right, -1 if image left, None if it cannot tell.

    Votes: the nose ahead of the ears, and the toes ahead of the heels (of
    each foot whose landmarks are visible). A face seen from the front gives
    no clear vote, which is right: there is no side-on facing then.
    """
    votes = 0.0
    ears = midpoint(pose.xy[L.LEFT_EAR], pose.xy[L.RIGHT_EAR])
    scale = torso_length(pose)
    if scale <= 0:
        return None
    nose_offset = (pose.xy[L.NOSE][0] - ears[0]) / scale
    if abs(nose_offset) > 0.05:
        votes += 2.0 * math.copysign(1.0, nose_offset)
    for side in ("LEFT", "RIGHT"):
        heel, toe = L[f"{side}_HEEL"], L[f"{side}_FOOT_INDEX"]
        if pose.visible(heel, toe):
            dx = (pose.xy[toe][0] - pose.xy[heel][0]) / scale
            if abs(dx) > 0.1:
                votes += math.copysign(1.0, dx)
    if votes == 0.0:
        return None
    return 1 if votes > 0 else -1


def head_direction(pose: Pose) -> int | None:
    """+1 if the head lies toward image right of the hips, -1 if left (floor exercises)."""
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER])
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP])
    dx = float(shoulders[0] - hips[0])
    if abs(dx) < 0.3 * max(torso_length(pose), 1e-6):
        return None  # trunk near vertical: no lying direction
    return 1 if dx > 0 else -1


def classify_view(pose: Pose, *, floor: bool = False) -> View:
    """The camera view and the direction checks are signed by.

    `floor=True` signs by where the head points (lying or on hands and
    knees); otherwise by where the person faces.
    """
    yaw = estimate_yaw_from_side_deg(pose)
    facing = head_direction(pose) if floor else facing_direction(pose)
    if math.isnan(yaw):
        return View("unknown", facing, yaw)
    if yaw <= SIDE_VIEW_TOLERANCE_DEG:
        kind: ViewKind = "side"
    elif yaw >= 90.0 - FRONT_VIEW_TOLERANCE_DEG:
        kind = "front"
    else:
        kind = "oblique"
    return View(kind, facing, yaw)


@dataclass(frozen=True)
class Stance:
    """Which leg is ahead along the facing direction, by geometry, not by label."""

    front: str  # "left" or "right" (the landmark label of the front leg)
    back: str
    separation: float  # ankle distance along facing / leg length


def leg_length(pose: Pose, side: str) -> float:
    s = side.upper()
    return distance(pose.xy[L[f"{s}_HIP"]], pose.xy[L[f"{s}_KNEE"]]) + distance(
        pose.xy[L[f"{s}_KNEE"]], pose.xy[L[f"{s}_ANKLE"]]
    )


def split_stance(pose: Pose, facing: int) -> Stance:
    """The front and back leg: the ankle further along `facing` is in front."""
    left = float(pose.xy[L.LEFT_ANKLE][0]) * facing
    right = float(pose.xy[L.RIGHT_ANKLE][0]) * facing
    length = max(leg_length(pose, "left"), leg_length(pose, "right"), 1e-6)
    if left >= right:
        return Stance("left", "right", (left - right) / length)
    return Stance("right", "left", (right - left) / length)


def lowest_point_y(pose: Pose, landmarks: tuple[L, ...]) -> float:
    return float(np.max(pose.xy[list(landmarks), 1]))
