"""Named body measures shared by the checkers, for a person seen side-on.

Legs are named by what they do (front/back along the facing direction), not
by MediaPipe's left/right label, which swaps now and then.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.core.geometry import (
    elevation_deg,
    inclination_deg,
    joint_angle_deg,
    midpoint,
    signed_flexion_deg,
)
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


# -- on the floor --------------------------------------------------------------
# Lying on the back (belly up) or on hands and knees (belly down), seen from
# the side; `facing` is where the head points. Elevations follow geometry.py:
# above the floor line (the image horizontal), 0 toward the feet, 90 up.


def trunk_elevation_deg(pose: Pose, facing: int) -> float:
    """Mid-shoulder -> mid-hip above the floor line: + when the hips are higher.

    A person lying flat reads ~0, a glute bridge ~20-30 (hips up), someone on
    hands and knees slightly negative (shoulders a little above the hips).
    """
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP])
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER])
    return elevation_deg(shoulders, hips, facing)


@dataclass(frozen=True)
class FloorLegMeasures:
    thigh_elevation_deg: float  # hip -> knee above the floor line
    shin_elevation_deg: float  # knee -> ankle above the floor line
    leg_elevation_deg: float  # hip -> ankle above the floor line (where the foot is)
    knee_angle_deg: float  # hip-knee-ankle included angle, 180 = straight
    hip_flexion_deg: float  # thigh from the trunk line toward the belly; - = extended past it


def floor_leg_measures(pose: Pose, side: str, facing: int, *, belly_up: bool) -> FloorLegMeasures:
    """One leg of a person on the floor; `belly_up` when lying on the back.

    Hip flexion is the thigh's turn from the trunk line (shoulders -> hips
    continued) toward the belly: 90 with the thigh square to the trunk (a
    dead bug's table-top, or kneeling on all fours), 0 in line with it (a
    glute bridge at the top, a bird-dog's reaching leg), negative past it.
    Lying on the back, minus the hip flexion is how far the hips bend above
    the shoulder -> knee line: a glute bridge's "hips too high" when positive,
    "sagging" when negative.
    """
    hip = pose.xy[side_landmark(side, "hip")]
    knee = pose.xy[side_landmark(side, "knee")]
    ankle = pose.xy[side_landmark(side, "ankle")]
    thigh = elevation_deg(hip, knee, facing)
    trunk = trunk_elevation_deg(pose, facing)
    turn = thigh - trunk if belly_up else trunk - thigh
    return FloorLegMeasures(
        thigh_elevation_deg=thigh,
        shin_elevation_deg=elevation_deg(knee, ankle, facing),
        leg_elevation_deg=elevation_deg(hip, ankle, facing),
        knee_angle_deg=joint_angle_deg(hip, knee, ankle),
        hip_flexion_deg=(turn + 180.0) % 360.0 - 180.0,
    )
