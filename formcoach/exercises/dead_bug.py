"""Dead bug: on the back, hips and knees at 90 deg, arms up; lower the opposite arm and leg.

Lower back pressed flat (exercises.md, [003]); 2 sets of 10 per side. The
side is the lowered leg. Faults:
- `knees_not_over_hips`, the start position: in the table-top (both legs
  up) the thighs should stand vertical over the hips. Read on the leg
  nearer the camera (the far one hides behind it): the thigh's tilt from
  vertical, toward the feet or toward the head.
- `lower_back_arch`, a proxy, and a weak one. What matters is the lower back
  lifting off the floor; the landmarks have no spine and MediaPipe's hip
  point hardly moves when the pelvis tips. What the proxy reads is the trace
  the arch leaves on the landmarks: the hips rising relative to the
  shoulders (the trunk line's elevation, `trunk_elevation_deg`), judged
  against the person's own line in the first second of the exercise (the
  session's personal baseline), plus a loose ceiling for someone arched
  from the start. It does not see an arch that keeps the hips down. It is
  judged in the exercise (table-top and while a leg is lowered) and stays
  silent, with its reason, whenever the landmarks it reads are untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment, Check
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import floor_leg_measures, trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, RelativeLimit, limit
from formcoach.exercises.floor import (
    FLOOR_BODY,
    TRUNK,
    leg_landmarks,
    legs_on_floor,
    near_leg,
    reaching_leg,
)

LOWER_BACK_ARCH = "lower_back_arch"
KNEES_NOT_OVER_HIPS = "knees_not_over_hips"
TRUNK_MEASURE = "trunk_elevation_deg"

SPEC = ExerciseSpec(
    name="dead-bug",
    title="Dead bug",
    summary="on the back, hips and knees at 90, arms up; lower the opposite arm and leg, "
    "back flat; 2 sets of 10 per side",
    view="side",
    counting="reps",
    side_meaning="the lowered leg",
    cue_texts={
        LOWER_BACK_ARCH: "Keep your lower back on the floor: don't lower the leg so far",
        KNEES_NOT_OVER_HIPS: "Start with your knees right over your hips",
    },
    priority=(LOWER_BACK_ARCH, KNEES_NOT_OVER_HIPS),
    sets_per_side=20,
    required=FLOOR_BODY,
    posture="floor",
)


@dataclass(frozen=True)
class DeadBugThresholds:
    knees_toward_feet_deg: float = limit(
        20.0,
        "table-top: thigh tilted this far from vertical toward the feet (good form measured "
        "-13..+6 from vertical)",
        5.0,
        60.0,
        faults=(KNEES_NOT_OVER_HIPS,),
    )
    knees_toward_head_deg: float = limit(
        25.0,
        "table-top: thigh tilted this far from vertical toward the head",
        5.0,
        60.0,
        faults=(KNEES_NOT_OVER_HIPS,),
    )
    arch_trunk_rise_deg: float = limit(
        3.0,
        "arch proxy: the hips rising this much over the shoulders, against the person's own start",
        1.0,
        20.0,
        faults=(LOWER_BACK_ARCH,),
    )
    arch_trunk_ceiling_deg: float = limit(
        15.0,
        "arch proxy: the trunk line this far off the floor whatever the start",
        5.0,
        40.0,
        faults=(LOWER_BACK_ARCH,),
    )
    table_top_min_flexion_deg: float = limit(
        40.0, "table-top: both hips flexed at least this much (legs up)", 20.0, 85.0
    )
    table_top_max_apart_deg: float = limit(
        20.0, "table-top: the two hips' flexion within this much of each other", 5.0, 45.0
    )
    table_top_min_shin_deg: float = limit(
        -45.0,
        "table-top: shins no steeper down than this (feet off the floor; feet on the floor "
        "read -60..-77)",
        -80.0,
        0.0,
    )
    lying_max_trunk_deg: float = limit(
        25.0, "in the exercise: the trunk within this many degrees of the floor line", 5.0, 45.0
    )
    rep_start_below_deg: float = limit(
        45.0,
        "a rep starts when the lowered hip's flexion falls below this (table-top ~90)",
        10.0,
        70.0,
    )
    rep_end_above_deg: float = limit(
        70.0, "...and is counted when it is back above this", 30.0, 85.0
    )


class DeadBugChecker(Checker):
    spec = SPEC
    thresholds_type = DeadBugThresholds
    measure_names = (
        "thigh_from_vertical_deg",
        "lowered_hip_flexion_deg",
        "lowered_knee_angle_deg",
        TRUNK_MEASURE,
    )

    def __init__(self, thresholds: DeadBugThresholds = DeadBugThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        t = self.t
        legs = legs_on_floor(pose, facing, belly_up=True)
        reach = reaching_leg(legs)
        near = near_leg(pose)
        trunk = trunk_elevation_deg(pose, facing)
        lying = abs(trunk) <= t.lying_max_trunk_deg
        table_top = (
            lying
            and reach.extension_deg >= t.table_top_min_flexion_deg
            and reach.rest.hip_flexion_deg - reach.extension_deg <= t.table_top_max_apart_deg
            and min(legs[s].shin_elevation_deg for s in legs) >= t.table_top_min_shin_deg
        )
        lowering = lying and reach.extension_deg < t.rep_start_below_deg
        # thigh from vertical: + toward the feet, - toward the head
        thigh = 90.0 - floor_leg_measures(pose, near, facing, belly_up=True).thigh_elevation_deg
        checks: list[Check] = []
        if table_top:
            off = thigh > t.knees_toward_feet_deg or thigh < -t.knees_toward_head_deg
            checks.append(Check(KNEES_NOT_OVER_HIPS, "fault" if off else "ok", value=thigh))
        measures = {
            "thigh_from_vertical_deg": thigh,
            "lowered_hip_flexion_deg": reach.extension_deg,
            "lowered_knee_angle_deg": reach.leg.knee_angle_deg,
        }
        if table_top or lowering:
            # The arch proxy: the session judges the measure against the person's
            # baseline from their first in-position frames (the table-top); the
            # check stands here so that the trust gate can silence it.
            measures[TRUNK_MEASURE] = trunk
            checks.append(Check(LOWER_BACK_ARCH, "ok", value=trunk))
        return Assessment(
            measures=measures,
            checks=tuple(checks),
            working_leg=reach.side,
            in_position=table_top or lowering,
            rep_signal=reach.extension_deg if lying else None,
            anchors={"thigh_from_vertical_deg": side_landmark(near, "knee")},
            reads=TRUNK + leg_landmarks(near if table_top else reach.side),
        )

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        t = self.t
        return (
            RelativeLimit(
                LOWER_BACK_ARCH, TRUNK_MEASURE, t.arch_trunk_rise_deg, t.arch_trunk_ceiling_deg
            ),
        )

    def rep_thresholds(self) -> tuple[float, float]:
        return (self.t.rep_start_below_deg, self.t.rep_end_above_deg)
