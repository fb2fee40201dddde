"""Whether the landmarks a checker reads can be trusted this frame.

Lying and kneeling poses detect worse than standing ones (pose-quirks.md):
a hidden knee gets a guessed position, a far leg can come back folded to a
third of its length, and a landmark sometimes jumps across the body for a
frame or a few. A fault read off such landmarks would be a false cue, so
the checks that read them stay silent and say why, on screen and in the
report. This is the one place those rules live; a checker only names the
landmarks its checks read (`Assessment.reads`).

Notes
-----
Defaults, measured on the dev clips of floor exercises (glute bridge,
bird-dog, dead bug, pelvic tilt; full model):
- `min_visibility=0.5`: knees and ankles read 0.9-1.0 when seen and
  0.02-0.4 when hidden behind the body.
- `limb_range_torsos=(0.3, 1.5)`: thighs and shins of good side-view
  detections measure 0.5-0.9 torso lengths (mid-hip to mid-shoulder); a far
  leg folded by a bad detection measured 0.18-0.3, a view along the body
  (feet toward the camera) 1.2-1.7.
- `max_speed_torsos_s=10`: the fastest joint moved at most 1-3 torso lengths
  a second on those clips (p99); glitches jumped at 20-26.
- `hold_off_s=0.3`: after a jump the landmarks settle back within a few frames.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from formcoach.core.geometry import distance
from formcoach.core.landmarks import Landmark
from formcoach.core.pose import Pose
from formcoach.core.view import torso_length

HIDDEN = "{joint} hidden"
IMPLAUSIBLE = "implausible limb length ({joint})"
JUMPED = "landmarks jumped (a detection glitch)"

# The segment each joint closes, for the length check: (upper, lower).
SEGMENTS: dict[Landmark, Landmark] = {
    Landmark.LEFT_KNEE: Landmark.LEFT_HIP,
    Landmark.RIGHT_KNEE: Landmark.RIGHT_HIP,
    Landmark.LEFT_ANKLE: Landmark.LEFT_KNEE,
    Landmark.RIGHT_ANKLE: Landmark.RIGHT_KNEE,
    Landmark.LEFT_ELBOW: Landmark.LEFT_SHOULDER,
    Landmark.RIGHT_ELBOW: Landmark.RIGHT_SHOULDER,
    Landmark.LEFT_WRIST: Landmark.LEFT_ELBOW,
    Landmark.RIGHT_WRIST: Landmark.RIGHT_ELBOW,
}


@dataclass(frozen=True)
class TrustLimits:
    min_visibility: float = 0.5
    limb_range_torsos: tuple[float, float] = (0.3, 1.5)
    max_speed_torsos_s: float = 10.0
    hold_off_s: float = 0.3


def joint_name(joint: Landmark) -> str:
    return joint.name.lower().replace("_", " ")


def untrusted_reason(
    pose: Pose, joints: Iterable[Landmark], limits: TrustLimits = TrustLimits()
) -> str | None:
    """Why these landmarks of one pose cannot be trusted (hidden, a limb of impossible length).

    None when they can. Shoulders and hips are not judged on visibility:
    MediaPipe keeps it near 1.0 for them even when hidden.
    """
    joints = tuple(joints)
    for joint in joints:
        if joint in SEGMENTS and pose.visibility[joint] < limits.min_visibility:
            return HIDDEN.format(joint=joint_name(joint))
    torso = torso_length(pose)
    if torso <= 0.0:
        return IMPLAUSIBLE.format(joint="torso")
    low, high = limits.limb_range_torsos
    for joint in joints:
        if joint in SEGMENTS:
            length = distance(pose.xy[joint], pose.xy[SEGMENTS[joint]]) / torso
            if not low <= length <= high:
                return IMPLAUSIBLE.format(joint=joint_name(joint))
    return None


class PoseTrust:
    """Per session: `untrusted_reason` plus jumps between consecutive frames.

    Feed it the raw (unsmoothed) landmarks: smoothing would spread a jump
    over frames and hide it.
    """

    def __init__(self, limits: TrustLimits = TrustLimits()) -> None:
        self.limits = limits
        self._last: tuple[float, np.ndarray, float] | None = None  # time, xy, torso
        self._jumped_at: float | None = None

    def update(self, pose: Pose | None, time_s: float, joints: Iterable[Landmark]) -> str | None:
        """Judge one frame's `joints`; returns the reason they are not trusted, or None."""
        joints = tuple(joints)
        if pose is None:
            self._last = None
            return None
        if self._moved_too_fast(pose, time_s, joints):
            self._jumped_at = time_s
        if self._jumped_at is not None and time_s - self._jumped_at < self.limits.hold_off_s:
            return JUMPED
        return untrusted_reason(pose, joints, self.limits)

    def _moved_too_fast(self, pose: Pose, time_s: float, joints: tuple[Landmark, ...]) -> bool:
        last, torso = self._last, torso_length(pose)
        self._last = (time_s, pose.xy.copy(), torso)
        if last is None or not joints:
            return False
        then, xy, then_torso = last
        dt = time_s - then
        scale = max(torso, then_torso)
        if dt <= 0.0 or scale <= 0.0 or not math.isfinite(scale):
            return False
        moved = np.linalg.norm(pose.xy[list(joints)] - xy[list(joints)], axis=1).max()
        return bool(moved / scale / dt > self.limits.max_speed_torsos_s)
