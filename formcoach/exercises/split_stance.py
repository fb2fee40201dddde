"""Checks shared by the split-stance exercises (kneeling and standing stretches,
lunge, table psoas stretch).

The lower-back-arch check here is a landmark proxy: MediaPipe has no pelvis
or spine points, so it reads the trace an arch leaves in the landmarks, the
trunk leaning back behind the hips while the back hip is extended. It cannot
see an arch made with an upright chest; the outline-based measure does that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from formcoach.coaching.checks import Check
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import SplitStanceMeasures
from formcoach.core.pose import Pose
from formcoach.exercises.base import threshold_check

LOWER_BACK_ARCH = "lower_back_arch"
TRUNK_LEAN_FORWARD = "trunk_lean_forward"
FRONT_KNEE_PAST_ANKLE = "front_knee_past_ankle"
FRONT_KNEE_BEHIND_ANKLE = "front_knee_behind_ankle"
KNEE_VISIBILITY = 0.5
# The measures of a split stance (core/measures.py), in angles.csv's column order.
MEASURE_NAMES = (
    "front_knee_angle_deg",
    "back_knee_angle_deg",
    "front_hip_flexion_deg",
    "back_hip_flexion_deg",
    "front_shin_inclination_deg",
    "back_shin_inclination_deg",
    "trunk_inclination_deg",
    "stance_width_legs",
)


@dataclass(frozen=True)
class SplitStanceLimits:
    trunk_lean_forward_deg: float
    arch_trunk_back_deg: float
    arch_back_hip_extension_deg: float
    front_shin_forward_deg: float = 180.0  # 180: the front knee is not judged
    front_shin_back_deg: float = 180.0


def front_knee_checks(pose: Pose, m: SplitStanceMeasures, lim: SplitStanceLimits) -> list[Check]:
    knee, ankle = side_landmark(m.stance.front, "knee"), side_landmark(m.stance.front, "ankle")
    if not pose.visible(knee, ankle, threshold=KNEE_VISIBILITY):
        reason = "front knee or ankle hidden"
        return [
            Check(FRONT_KNEE_PAST_ANKLE, "silent", reason=reason),
            Check(FRONT_KNEE_BEHIND_ANKLE, "silent", reason=reason),
        ]
    shin = m.front.shin_inclination_deg
    return [
        threshold_check(FRONT_KNEE_PAST_ANKLE, shin, lim.front_shin_forward_deg, above=True),
        threshold_check(FRONT_KNEE_BEHIND_ANKLE, shin, -lim.front_shin_back_deg, above=False),
    ]


def trunk_checks(m: SplitStanceMeasures, lim: SplitStanceLimits) -> list[Check]:
    trunk = m.trunk_inclination_deg
    lean = threshold_check(TRUNK_LEAN_FORWARD, trunk, lim.trunk_lean_forward_deg, above=True)
    back_hip = m.back.hip_flexion_deg
    if math.isnan(trunk) or math.isnan(back_hip):
        return [lean, Check(LOWER_BACK_ARCH, "silent", reason="landmarks overlap")]
    leaning_back = trunk < -lim.arch_trunk_back_deg
    hip_extended = back_hip < -lim.arch_back_hip_extension_deg
    arch = Check(LOWER_BACK_ARCH, "fault" if leaning_back and hip_extended else "ok", value=trunk)
    return [lean, arch]


def straight_leg_check(
    code: str,
    pose: Pose,
    side: str,
    knee_angle_deg: float,
    min_angle_deg: float,
    min_visibility: float = KNEE_VISIBILITY,
) -> Check:
    """A fault when the leg on `side` is bent below `min_angle_deg` (180 = straight).

    Silent when its knee or ankle is seen less than `min_visibility`: a guessed
    knee reads bent.
    """
    knee, ankle = side_landmark(side, "knee"), side_landmark(side, "ankle")
    if not pose.visible(knee, ankle, threshold=min_visibility):
        return Check(code, "silent", reason="knee or ankle of that leg hidden")
    return threshold_check(code, knee_angle_deg, min_angle_deg, above=False)
