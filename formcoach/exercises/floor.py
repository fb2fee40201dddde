"""What the floor exercises share: which leg is which, lying flat, reaching reps.

Lying on the back (glute bridge, dead bug, constructive rest, bed stretch,
Thomas test) or on hands and knees (bird-dog), seen from the side. Angles
are elevations above the floor line (core/geometry.py); `facing` is where
the head points. Legs are told apart by what they do (the one reaching
out, the one hanging off the bed), never by MediaPipe's left/right label
alone; the label only names the side a hold or rep is counted for, by a
vote over its frames.

The landmarks each check reads go into `Assessment.reads`, so that the
session's one trust gate (coaching/trust.py) can silence the check when
they are hidden, implausible or jumping.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.core.landmarks import SIDES, Landmark, side_landmark
from formcoach.core.measures import FloorLegMeasures, floor_leg_measures
from formcoach.core.pose import Pose

TRUNK = (
    Landmark.LEFT_SHOULDER,
    Landmark.RIGHT_SHOULDER,
    Landmark.LEFT_HIP,
    Landmark.RIGHT_HIP,
)
# What a floor exercise needs in the picture: trunk, knees and ankles.
FLOOR_BODY = TRUNK + (
    Landmark.LEFT_KNEE,
    Landmark.RIGHT_KNEE,
    Landmark.LEFT_ANKLE,
    Landmark.RIGHT_ANKLE,
)


def other_side(side: str) -> str:
    return "right" if side == "left" else "left"


def leg_landmarks(side: str) -> tuple[Landmark, ...]:
    return tuple(side_landmark(side, joint) for joint in ("hip", "knee", "ankle"))


def near_leg(pose: Pose) -> str:
    """The leg nearer the camera: the one whose knee and ankle MediaPipe sees better.

    Both legs do the same thing in a bridge or constructive rest, and the far
    one, hidden behind the near one, gets guessed positions.
    """

    def seen(side: str) -> float:
        return float(
            pose.visibility[side_landmark(side, "knee")]
            + pose.visibility[side_landmark(side, "ankle")]
        )

    return max(SIDES, key=seen)


def legs_on_floor(pose: Pose, facing: int, *, belly_up: bool) -> dict[str, FloorLegMeasures]:
    return {s: floor_leg_measures(pose, s, facing, belly_up=belly_up) for s in SIDES}


@dataclass(frozen=True)
class Reach:
    """A bird-dog's or dead bug's reaching leg (by what it does) and the other one."""

    side: str  # the landmark label of the reaching leg
    leg: FloorLegMeasures
    rest: FloorLegMeasures

    @property
    def extension_deg(self) -> float:
        """The rep signal: the reaching leg's hip flexion, 90 at rest, ~0 reached out."""
        return self.leg.hip_flexion_deg


def reaching_leg(legs: dict[str, FloorLegMeasures]) -> Reach:
    """The leg reaching out: the one whose hip is less flexed (further from the rest)."""
    side = min(SIDES, key=lambda s: legs[s].hip_flexion_deg)
    return Reach(side, legs[side], legs[other_side(side)])


@dataclass(frozen=True)
class Hang:
    """Lying at the end of a bed or table: the leg hanging off it and the other one."""

    side: str  # the landmark label of the hanging leg
    leg: FloorLegMeasures
    rest: FloorLegMeasures  # foot on the bed, or the knee hugged to the chest

    def hanging(self, shin_max_deg: float, thigh_max_deg: float, rest_thigh_min_deg: float) -> bool:
        """The shin points down off the end, the thigh is not raised, the other knee is up."""
        return (
            self.leg.shin_elevation_deg <= shin_max_deg
            and self.leg.thigh_elevation_deg <= thigh_max_deg
            and self.rest.thigh_elevation_deg >= rest_thigh_min_deg
        )


def hanging_leg(legs: dict[str, FloorLegMeasures]) -> Hang:
    """The hanging leg: the one whose thigh is lower."""
    side = min(SIDES, key=lambda s: legs[s].thigh_elevation_deg)
    return Hang(side, legs[side], legs[other_side(side)])
