"""Measures of a standing person moving one leg (march, leg swing), by leg role.

The moving leg is the one whose thigh is further from hanging straight down:
the standing leg stays near vertical whatever the other one does. Like the
split stance, the legs are named by what they do, not by MediaPipe's
left/right label, which swaps now and then.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import LegMeasures, leg_measures, trunk_inclination_deg
from formcoach.core.pose import Pose

MEASURE_NAMES = (
    "moving_knee_angle_deg",
    "moving_hip_flexion_deg",
    "moving_thigh_inclination_deg",
    "standing_knee_angle_deg",
    "standing_thigh_inclination_deg",
    "trunk_inclination_deg",
)


@dataclass(frozen=True)
class OneLegMeasures:
    moving: str  # landmark label of the moving leg
    standing: str
    moving_leg: LegMeasures
    standing_leg: LegMeasures
    trunk_inclination_deg: float

    def as_dict(self) -> dict[str, float]:
        return {
            "moving_knee_angle_deg": self.moving_leg.knee_angle_deg,
            "moving_hip_flexion_deg": self.moving_leg.hip_flexion_deg,
            "moving_thigh_inclination_deg": self.moving_leg.thigh_inclination_deg,
            "standing_knee_angle_deg": self.standing_leg.knee_angle_deg,
            "standing_thigh_inclination_deg": self.standing_leg.thigh_inclination_deg,
            "trunk_inclination_deg": self.trunk_inclination_deg,
        }

    def anchors(self) -> dict[str, int]:
        """Where the overlay labels each measure."""
        return {
            "moving_hip_flexion_deg": side_landmark(self.moving, "hip"),
            "moving_knee_angle_deg": side_landmark(self.moving, "knee"),
            "trunk_inclination_deg": side_landmark(self.standing, "shoulder"),
        }


def one_leg_measures(pose: Pose, facing: int) -> OneLegMeasures:
    left, right = leg_measures(pose, "left", facing), leg_measures(pose, "right", facing)
    if abs(left.thigh_inclination_deg) >= abs(right.thigh_inclination_deg):
        moving, standing, moving_leg, standing_leg = "left", "right", left, right
    else:
        moving, standing, moving_leg, standing_leg = "right", "left", right, left
    return OneLegMeasures(
        moving, standing, moving_leg, standing_leg, trunk_inclination_deg(pose, facing)
    )
