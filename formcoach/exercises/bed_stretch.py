"""Hip flexor bed stretch (leg dangle): on the back at the end of a bed, one leg hanging.

The other knee is bent with the foot on the bed, or hugged to the chest
(exercises.md, [000]); hold 20-30 s, 3 per side [001]. The side is the
hanging leg, the hip being stretched. There is no form fault to cue: the
stretch is gravity on a relaxed leg, so the timer counts the time in the
position.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, limit
from formcoach.exercises.floor import FLOOR_BODY, hanging_leg, legs_on_floor

SPEC = ExerciseSpec(
    name="bed-stretch",
    title="Hip flexor bed stretch",
    summary="on the back at the end of a bed, one leg hanging off, the other foot on the bed; "
    "hold 30 s x 3 per side",
    view="side",
    counting="hold",
    side_meaning="the hanging leg (the hip being stretched)",
    cue_texts={},
    priority=(),
    hold_target_s=30.0,
    sets_per_side=3,
    required=FLOOR_BODY,
    posture="floor",
)


@dataclass(frozen=True)
class BedStretchThresholds:
    lying_max_trunk_deg: float = limit(
        20.0, "in position: the trunk within this many degrees of the bed line", 5.0, 45.0
    )
    hanging_shin_max_deg: float = limit(
        -45.0, "in position: the hanging shin points down at least this steeply", -90.0, -10.0
    )
    hanging_thigh_max_deg: float = limit(
        20.0, "in position: the hanging thigh no higher than this above the bed line", 0.0, 45.0
    )
    resting_thigh_min_deg: float = limit(
        20.0, "in position: the other thigh raised at least this much (knee bent)", 0.0, 90.0
    )


class BedStretchChecker(Checker):
    spec = SPEC
    thresholds_type = BedStretchThresholds
    measure_names = (
        "trunk_elevation_deg",
        "hanging_thigh_elevation_deg",
        "hanging_knee_angle_deg",
    )

    def __init__(self, thresholds: BedStretchThresholds = BedStretchThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        t = self.t
        hang = hanging_leg(legs_on_floor(pose, facing, belly_up=True))
        trunk = trunk_elevation_deg(pose, facing)
        in_position = abs(trunk) <= t.lying_max_trunk_deg and hang.hanging(
            t.hanging_shin_max_deg, t.hanging_thigh_max_deg, t.resting_thigh_min_deg
        )
        return Assessment(
            measures={
                "trunk_elevation_deg": trunk,
                "hanging_thigh_elevation_deg": hang.leg.thigh_elevation_deg,
                "hanging_knee_angle_deg": hang.leg.knee_angle_deg,
            },
            working_leg=hang.side,
            in_position=in_position,
            anchors={"hanging_thigh_elevation_deg": side_landmark(hang.side, "knee")},
        )
