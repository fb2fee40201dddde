"""Named body measures shared by the checkers, for a person seen side-on.

Legs are named by what they do (front/back along the facing direction), not
by MediaPipe's left/right label, which swaps now and then.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.core.geometry import inclination_deg, joint_angle_deg, midpoint, signed_flexion_deg
from formcoach.core.landmarks import Landmark as L
from formcoach.core.landmarks import side_landmark
from formcoach.core.pose import Pose
from formcoach.core.view import Stance


@dataclass(frozen=True)
class LegMeasures:
    knee_angle_deg: float  # hip-knee-ankle included angle, 180 = straight
    hip_flexion_deg: float  # thigh from the trunk line, + ahead (flexion), - behind (extension)
    shin_inclination_deg: float  # ankle->knee from vertical, + knee ahead of the ankle
    thigh_inclination_deg: float  # knee->hip from vertical, + hip ahead of the knee


def leg_measures(pose: Pose, side: str, facing: int) -> LegMeasures:
    hip = pose.xy[side_landmark(side, "hip")]
    knee = pose.xy[side_landmark(side, "knee")]
    ankle = pose.xy[side_landmark(side, "ankle")]
    shoulder = pose.xy[side_landmark(side, "shoulder")]
    return LegMeasures(
        knee_angle_deg=joint_angle_deg(hip, knee, ankle),
        hip_flexion_deg=signed_flexion_deg(shoulder, hip, knee, facing),
        shin_inclination_deg=inclination_deg(ankle, knee, facing),
        thigh_inclination_deg=inclination_deg(knee, hip, facing),
    )


def trunk_inclination_deg(pose: Pose, facing: int) -> float:
    """Mid-hip -> mid-shoulder from vertical, + = leaning toward where the person faces."""
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP])
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER])
    return inclination_deg(hips, shoulders, facing)


@dataclass(frozen=True)
class SplitStanceMeasures:
    """The measures of a split stance (lunge, kneeling stretch), by leg role."""

    stance: Stance
    front: LegMeasures
    back: LegMeasures
    trunk_inclination_deg: float

    def as_dict(self) -> dict[str, float]:
        return {
            "front_knee_angle_deg": self.front.knee_angle_deg,
            "back_knee_angle_deg": self.back.knee_angle_deg,
            "front_hip_flexion_deg": self.front.hip_flexion_deg,
            "back_hip_flexion_deg": self.back.hip_flexion_deg,
            "front_shin_inclination_deg": self.front.shin_inclination_deg,
            "back_shin_inclination_deg": self.back.shin_inclination_deg,
            "trunk_inclination_deg": self.trunk_inclination_deg,
            "stance_width_legs": self.stance.separation,
        }


def split_stance_measures(pose: Pose, stance: Stance, facing: int) -> SplitStanceMeasures:
    return SplitStanceMeasures(
        stance=stance,
        front=leg_measures(pose, stance.front, facing),
        back=leg_measures(pose, stance.back, facing),
        trunk_inclination_deg=trunk_inclination_deg(pose, facing),
    )
