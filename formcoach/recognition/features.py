"""What a pose says about the exercise being done: a few named, view-tolerant numbers.

Everything is measured in the image (x right, y down) and scaled by the torso
length L (shoulder midpoint to hip midpoint), so distance to the camera and
image size drop out. Legs and arms are taken as a pair without trusting
MediaPipe's left/right labels (they swap in side views): features are the
min or max over the two limbs.

Signs: "rise" is upward in the image (positive = above the reference point).
"Behind" is against the way the person faces (core.view.facing_direction);
seen from the front that is unknown and reads 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

from formcoach.core.geometry import joint_angle_deg, midpoint
from formcoach.core.landmarks import TORSO_AND_KNEES
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose
from formcoach.core.view import facing_direction

MIN_TORSO_PX = 8.0  # below this the pose is too small (or degenerate) to read
# Mean visibility of the core joints. Lying and on all fours the far limbs are
# hidden but MediaPipe still places them well enough for these coarse features.
MIN_VISIBILITY = 0.3
CORE_LANDMARKS = (*TORSO_AND_KNEES, L.LEFT_ANKLE, L.RIGHT_ANKLE)
FEET = (
    (L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX),
    (L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX),
)


@dataclass(frozen=True)
class FrameFeatures:
    """One frame's pose in recognition terms (L = torso length)."""

    trunk_tilt_deg: float  # hip->shoulder from image-up: 0 upright, 90 lying or on all fours
    knee_angle_min_deg: float  # the more bent knee (180 = straight)
    knee_angle_max_deg: float
    hip_angle_min_deg: float  # shoulder-hip-knee, the more flexed hip (180 = in line)
    hip_angle_max_deg: float
    knee_rise_min: float  # (hip y - knee y) / L of the lower knee: < 0 knee below the hip
    knee_rise_max: float
    ankle_rise_min: float  # (hip y - ankle y) / L of the lower ankle
    ankle_rise_max: float
    wrist_rise_min: float  # (shoulder y - wrist y) / L of the lower wrist
    wrist_rise_max: float
    ankle_spread: float  # horizontal distance between the ankles / L
    knee_floor_gap: float  # lowest knee above the lowest foot point / L (kneeling: ~0)
    foot_off_floor: float  # the higher foot's lowest point above the lower foot's / L
    foot_behind: float  # the ankle furthest behind the hip, horizontally / L (front view: 0)
    hip_x: float  # hip midpoint / L: follows the body around the image
    hip_y: float

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, n) for n in self.names()], dtype=np.float64)


def frame_features(pose: Pose | None) -> FrameFeatures | None:
    """The recognition features of one pose, or None when the body is not readable."""
    if pose is None or float(np.mean(pose.visibility[list(CORE_LANDMARKS)])) < MIN_VISIBILITY:
        return None
    p = pose.xy
    shoulders = midpoint(p[L.LEFT_SHOULDER], p[L.RIGHT_SHOULDER])
    hips = midpoint(p[L.LEFT_HIP], p[L.RIGHT_HIP])
    up = shoulders - hips
    length = float(np.hypot(*up))
    if length < MIN_TORSO_PX:
        return None
    tilt = math.degrees(math.atan2(abs(float(up[0])), -float(up[1])))

    def rise(ref_y: float, *marks: L) -> list[float]:
        return [(ref_y - float(p[m][1])) / length for m in marks]

    knees = (L.LEFT_KNEE, L.RIGHT_KNEE)
    ankles = (L.LEFT_ANKLE, L.RIGHT_ANKLE)
    wrists = (L.LEFT_WRIST, L.RIGHT_WRIST)
    knee_angles = [
        joint_angle_deg(p[L.LEFT_HIP], p[L.LEFT_KNEE], p[L.LEFT_ANKLE]),
        joint_angle_deg(p[L.RIGHT_HIP], p[L.RIGHT_KNEE], p[L.RIGHT_ANKLE]),
    ]
    hip_angles = [
        joint_angle_deg(p[L.LEFT_SHOULDER], p[L.LEFT_HIP], p[L.LEFT_KNEE]),
        joint_angle_deg(p[L.RIGHT_SHOULDER], p[L.RIGHT_HIP], p[L.RIGHT_KNEE]),
    ]
    knee_rise = rise(float(hips[1]), *knees)
    ankle_rise = rise(float(hips[1]), *ankles)
    wrist_rise = rise(float(shoulders[1]), *wrists)
    foot_lows = [float(np.max(p[list(foot), 1])) for foot in FEET]
    foot_y = max(foot_lows)
    forward = facing_direction(pose) or 0
    lowest_knee_y = float(max(p[L.LEFT_KNEE][1], p[L.RIGHT_KNEE][1]))
    return FrameFeatures(
        trunk_tilt_deg=tilt,
        knee_angle_min_deg=min(knee_angles),
        knee_angle_max_deg=max(knee_angles),
        hip_angle_min_deg=min(hip_angles),
        hip_angle_max_deg=max(hip_angles),
        knee_rise_min=min(knee_rise),
        knee_rise_max=max(knee_rise),
        ankle_rise_min=min(ankle_rise),
        ankle_rise_max=max(ankle_rise),
        wrist_rise_min=min(wrist_rise),
        wrist_rise_max=max(wrist_rise),
        ankle_spread=abs(float(p[L.LEFT_ANKLE][0] - p[L.RIGHT_ANKLE][0])) / length,
        knee_floor_gap=(foot_y - lowest_knee_y) / length,
        foot_off_floor=(foot_y - min(foot_lows)) / length,
        foot_behind=max(forward * (float(hips[0]) - float(p[a][0])) for a in ankles) / length,
        hip_x=float(hips[0]) / length,
        hip_y=float(hips[1]) / length,
    )
