"""Constructive rest (supported release): on the back, knees bent, feet flat; stay still.

The hold is the timer (exercises.md: 5-10 min [002], 2-3 min with a pillow
under the sacrum [003]). The position is lying on the back; the one fault is
losing it: the feet sliding away (the knee opening toward straight) or the
knees dropping toward the floor, read on the leg nearer the camera. Both
legs rest together, so the hold's side is "both".
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment, Check
from formcoach.coaching.sides import BOTH
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import floor_leg_measures, trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, limit
from formcoach.exercises.floor import FLOOR_BODY, TRUNK, leg_landmarks, near_leg

POSITION_LOST = "position_lost"

SPEC = ExerciseSpec(
    name="constructive-rest",
    title="Constructive rest",
    summary="on the back, knees bent, feet flat hip-width apart; stay still and breathe, 5 min",
    view="side",
    counting="hold",
    side_meaning="both legs together (no left or right)",
    cue_texts={POSITION_LOST: "Bend your knees again, feet flat on the floor"},
    priority=(POSITION_LOST,),
    hold_target_s=300.0,
    sets_per_side=1,
    required=FLOOR_BODY,
    posture="floor",
    bilateral=True,
)


@dataclass(frozen=True)
class ConstructiveRestThresholds:
    knee_open_max_deg: float = limit(
        125.0,
        "knee angle beyond which the feet have slid away (resting with the feet flat "
        "measured 55-75)",
        90.0,
        175.0,
        faults=(POSITION_LOST,),
    )
    thigh_min_deg: float = limit(
        25.0,
        "thigh elevation below which the knee has dropped toward the floor (resting: 45-60)",
        5.0,
        60.0,
        faults=(POSITION_LOST,),
    )
    lying_max_trunk_deg: float = limit(
        20.0, "in position: the trunk within this many degrees of the floor line", 5.0, 45.0
    )


class ConstructiveRestChecker(Checker):
    spec = SPEC
    thresholds_type = ConstructiveRestThresholds
    measure_names = ("trunk_elevation_deg", "knee_angle_deg", "thigh_elevation_deg")

    def __init__(
        self, thresholds: ConstructiveRestThresholds = ConstructiveRestThresholds()
    ) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        t = self.t
        side = near_leg(pose)
        leg = floor_leg_measures(pose, side, facing, belly_up=True)
        trunk = trunk_elevation_deg(pose, facing)
        lying = abs(trunk) <= t.lying_max_trunk_deg
        checks: tuple[Check, ...] = ()
        if lying:
            lost = (
                leg.knee_angle_deg > t.knee_open_max_deg
                or leg.thigh_elevation_deg < t.thigh_min_deg
            )
            checks = (Check(POSITION_LOST, "fault" if lost else "ok", value=leg.knee_angle_deg),)
        return Assessment(
            measures={
                "trunk_elevation_deg": trunk,
                "knee_angle_deg": leg.knee_angle_deg,
                "thigh_elevation_deg": leg.thigh_elevation_deg,
            },
            checks=checks,
            working_leg=BOTH,
            in_position=lying,
            anchors={"knee_angle_deg": side_landmark(side, "knee")},
            reads=TRUNK + leg_landmarks(side),
        )
