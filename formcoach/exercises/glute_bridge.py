"""Glute bridge: on the back, knees bent, feet flat; lift the hips into a straight line.

Shoulders, hips and knees form a straight line at the top (exercises.md,
[000 001]); below it the hips sag, above it the lower back arches ("lower
your hips slightly" [001]). The line is read at the hip: how far the hip
bends above (+) or below (-) the line from the shoulders to the knee, on
the leg nearer the camera (both legs do the same; the far one is guessed).

How a bridge counts: each lift is a rep, counted whatever its form, from
the hip opening out of its lying flexion (40-60 deg) and closing again. At
the top, the time with the hips in line is the rep's hold: the timer counts
its good-form seconds, and a hold of 20 s completes the rep (exercises.md:
hold 20-30 s, 10 reps). Both legs work together, so reps and holds have
the side "both", never left or right.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.coaching.sides import BOTH
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import floor_leg_measures, trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, limit, threshold_check
from formcoach.exercises.floor import FLOOR_BODY, TRUNK, near_leg

HIPS_SAGGING = "hips_sagging"
HIPS_TOO_HIGH = "hips_too_high"

SPEC = ExerciseSpec(
    name="glute-bridge",
    title="Glute bridge",
    summary="on the back, knees bent; lift the hips to a straight shoulders-hips-knees line, "
    "hold 20 s, 10 reps",
    view="side",
    counting="hold",
    side_meaning="both legs together (a bridge has no left or right)",
    cue_texts={
        HIPS_SAGGING: "Lift your hips: shoulders, hips and knees in one line",
        HIPS_TOO_HIGH: "Lower your hips slightly: don't arch your back",
    },
    priority=(HIPS_TOO_HIGH, HIPS_SAGGING),
    hold_target_s=20.0,
    sets_per_side=10,
    required=FLOOR_BODY,
    posture="floor",
    bilateral=True,
    hold_ends_after_s=0.5,  # hips down between reps: that bridge is over
)


@dataclass(frozen=True)
class GluteBridgeThresholds:
    sagging_below_deg: float = limit(
        15.0,
        "hips this far below the shoulder-knee line (at the hip) are sagging; good bridges "
        "measured -7..+6 at the top",
        5.0,
        45.0,
        faults=(HIPS_SAGGING,),
    )
    too_high_above_deg: float = limit(
        12.0,
        "hips this far above the shoulder-knee line are pushed too high (the back arches)",
        3.0,
        45.0,
        faults=(HIPS_TOO_HIGH,),
    )
    bridged_line_min_deg: float = limit(
        -35.0,
        "in position: hips at least this far from the line (lying flat with bent knees "
        "reads -45..-60)",
        -60.0,
        -10.0,
    )
    bridged_trunk_min_deg: float = limit(
        5.0, "in position: hips lifted so the trunk rises at least this much", 0.0, 30.0
    )
    rep_start_below_deg: float = limit(
        30.0,
        "a rep starts when the hip's flexion falls below this (lying with the knees bent "
        "reads 40-60, a bridge held sagging 26)",
        10.0,
        60.0,
    )
    rep_end_above_deg: float = limit(
        35.0,
        "...and is counted when it is back above this (a clip ending mid-lowering read 37)",
        15.0,
        70.0,
    )


class GluteBridgeChecker(Checker):
    spec = SPEC
    thresholds_type = GluteBridgeThresholds
    measure_names = ("hips_above_line_deg", "trunk_elevation_deg", "knee_angle_deg")

    def __init__(self, thresholds: GluteBridgeThresholds = GluteBridgeThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        t = self.t
        side = near_leg(pose)
        leg = floor_leg_measures(pose, side, facing, belly_up=True)
        line = -leg.hip_flexion_deg
        trunk = trunk_elevation_deg(pose, facing)
        lifted = line >= t.bridged_line_min_deg and trunk >= t.bridged_trunk_min_deg
        at_the_top = lifted and line >= -t.sagging_below_deg  # the hold: hips in line
        checks = (
            (
                threshold_check(HIPS_SAGGING, line, -t.sagging_below_deg, above=False),
                threshold_check(HIPS_TOO_HIGH, line, t.too_high_above_deg, above=True),
            )
            if lifted
            else ()
        )
        return Assessment(
            measures={
                "hips_above_line_deg": line,
                "trunk_elevation_deg": trunk,
                "knee_angle_deg": leg.knee_angle_deg,
            },
            checks=checks,
            working_leg=BOTH,
            in_position=at_the_top,
            rep_signal=leg.hip_flexion_deg,
            anchors={"hips_above_line_deg": side_landmark(side, "hip")},
            reads=TRUNK + (side_landmark(side, "knee"),),
        )

    def rep_thresholds(self) -> tuple[float, float]:
        return (self.t.rep_start_below_deg, self.t.rep_end_above_deg)
