"""Dead bug: on the back, hips and knees at 90 deg, arms up; lower the opposite arm and leg.

Lower back pressed flat (exercises.md, [003]); 2 sets of 10 per side. The
side is the lowered leg. Faults:
- `knees_not_over_hips`, the start position: in the table-top (both legs
  up) the thighs should stand vertical over the hips. Read on the leg
  nearer the camera (the far one hides behind it): the thigh's tilt from
  vertical, toward the feet or toward the head.
- `lower_back_arch`, a proxy. What matters is the lower back lifting off
  the floor, and the landmarks cannot see it: they have no spine, and
  MediaPipe's hip point hardly moves when the pelvis tips (the trunk line
  rose 3.5 deg in good rendered reps as the leg lowered, 4-5 deg with the
  back arched: no usable gap). What the proxy reads instead is the outline
  of the back in the segmentation mask: the mean hollow between the
  floor-side outline and the straight line from the sacrum to the shoulder
  blades, over the lumbar stretch (core/floor_back.py), against the
  person's own hollow once settled in the table-top at the start (the
  session's personal baseline), plus a loose ceiling. Measured on rendered
  and real clips: good reps rose +0.01 torso lengths over the table-top
  (+0.02 at most, in single frames), a back arched off the floor (pelvis
  tipped 20 deg) +0.02-0.03.
  It needs the camera low and square to the side; without a readable
  outline, when the landmarks are untrusted, or when the resting leg is not
  over the hips (no table-top to compare with; the rendered knees-drifted
  table-top read +0.02-0.027 with no arch at all), it is silent and says why.
  A lowering lasts about a second, so an arch is also cued once the rep is
  over, every rep.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment, Check
from formcoach.coaching.reps import Rep
from formcoach.core.floor_back import floor_back_hollow_l
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, RelativeLimit, limit
from formcoach.exercises.floor import (
    FLOOR_BODY,
    TRUNK,
    Reach,
    leg_landmarks,
    legs_on_floor,
    near_leg,
    reaching_leg,
)

LOWER_BACK_ARCH = "lower_back_arch"
KNEES_NOT_OVER_HIPS = "knees_not_over_hips"
HOLLOW = "lumbar_hollow_l"
NO_TABLE_TOP = "knees not over the hips: no table-top to compare the back with"
LUMBAR_BAND_L = (0.25, 0.65)  # the stretch of the back the hollow is averaged over

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
    needs_mask=True,  # the arch is read from the back's outline
    rep_cue_s=1.5,  # reps take ~2 s: each one's cue shows on its own
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
    arch_rise_l: float = limit(
        0.018,
        "arch proxy: the lower back's mean hollow deeper than in the table-top by this many "
        "torso lengths (good reps: +0.01 typical, +0.02 at most; an arched back +0.02-0.03)",
        0.005,
        0.2,
        faults=(LOWER_BACK_ARCH,),
    )
    arch_ceiling_l: float = limit(
        0.13,
        "arch proxy: a mean hollow this deep whatever the start (good form: 0.02-0.08)",
        0.05,
        0.5,
        faults=(LOWER_BACK_ARCH,),
    )
    table_top_min_flexion_deg: float = limit(
        40.0, "table-top: both hips flexed at least this much (legs up)", 20.0, 85.0
    )
    table_top_max_apart_deg: float = limit(
        10.0, "table-top: the two hips' flexion within this much of each other", 5.0, 45.0
    )
    table_top_min_shin_deg: float = limit(
        -45.0,
        "table-top: shins no steeper down than this (feet off the floor; feet on the floor "
        "read -60..-77)",
        -80.0,
        0.0,
    )
    reach_knee_min_deg: float = limit(
        120.0,
        "a rep counts a leg reaching out: its knee at least this open when low (lowered legs "
        "read 150-180; feet sliding on the floor 75-85)",
        60.0,
        175.0,
    )
    lying_max_trunk_deg: float = limit(
        25.0, "in the exercise: the trunk within this many degrees of the floor line", 5.0, 45.0
    )
    rep_start_below_deg: float = limit(
        30.0,
        "a rep starts when the lowered hip's flexion falls below this (table-top ~90, a "
        "lowered leg 0-15)",
        10.0,
        70.0,
    )
    rep_end_above_deg: float = limit(
        42.0,
        "...and is counted when it is back above this (a table-top with the knees drifted "
        "toward the feet reads ~50)",
        20.0,
        85.0,
    )


class DeadBugChecker(Checker):
    spec = SPEC
    thresholds_type = DeadBugThresholds
    measure_names = (
        "thigh_from_vertical_deg",
        "lowered_hip_flexion_deg",
        "lowered_knee_angle_deg",
        "trunk_elevation_deg",
        HOLLOW,
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
        # thigh from vertical: + toward the feet, - toward the head; in the table-top
        # the near leg's, while a leg is lowered the other (resting) leg's
        resting = legs[near] if table_top else reach.rest
        thigh = 90.0 - resting.thigh_elevation_deg
        knees_over_hips = -t.knees_toward_head_deg <= thigh <= t.knees_toward_feet_deg
        measures = {
            "thigh_from_vertical_deg": thigh,
            "lowered_hip_flexion_deg": reach.extension_deg,
            "lowered_knee_angle_deg": reach.leg.knee_angle_deg,
            "trunk_elevation_deg": trunk,
        }
        checks: list[Check] = []
        if table_top:
            status = "ok" if knees_over_hips else "fault"
            checks.append(Check(KNEES_NOT_OVER_HIPS, status, value=thigh))
        if (table_top or lowering) and not knees_over_hips:
            # the arch is judged against the table-top: with the knees off the hips
            # there is no table-top to compare with (and the hips extend anyway)
            checks.append(Check(LOWER_BACK_ARCH, "silent", reason=NO_TABLE_TOP))
        elif table_top or lowering:
            checks.append(self._arch_check(pose, facing, measures))
        return Assessment(
            measures=measures,
            checks=tuple(checks),
            working_leg=reach.side,
            # the arch proxy's baseline is taken in a good table-top
            in_position=table_top and knees_over_hips,
            rep_signal=self._rep_signal(reach, lying),
            anchors={"thigh_from_vertical_deg": side_landmark(near, "knee")},
            reads=TRUNK + leg_landmarks(near if table_top else reach.side),
        )

    @staticmethod
    def _arch_check(pose: Pose, facing: int, measures: dict[str, float]) -> Check:
        """The arch proxy's check; the session judges its measure against the person's
        baseline from their first in-position frames (the table-top). The check
        stands here so that the trust gate can silence it."""
        hollow, why = floor_back_hollow_l(pose, facing, back_up=False, band_l=LUMBAR_BAND_L)
        if hollow is None:
            return Check(LOWER_BACK_ARCH, "silent", reason=why)
        measures[HOLLOW] = hollow
        return Check(LOWER_BACK_ARCH, "ok", value=hollow)

    def _rep_signal(self, reach: Reach, lying: bool) -> float | None:
        """The lowered hip's flexion, but a hip dropped with its knee still bent (feet
        on the floor, a beginner's variant, or a far leg guessed out of place) is no
        dead-bug reach: it neither starts nor ends a rep."""
        if not lying:
            return None
        low = reach.extension_deg < self.t.rep_start_below_deg
        if low and reach.leg.knee_angle_deg < self.t.reach_knee_min_deg:
            return None
        return reach.extension_deg

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        # The baseline waits until the table-top has been held a little: the back
        # settles onto the floor after the legs come up (0.01-0.02 L in a real clip).
        t = self.t
        return (
            RelativeLimit(
                LOWER_BACK_ARCH, HOLLOW, t.arch_rise_l, t.arch_ceiling_l, settle_s=0.8, window_s=0.5
            ),
        )

    def rep_thresholds(self) -> tuple[float, float]:
        return (self.t.rep_start_below_deg, self.t.rep_end_above_deg)

    def rep_faults(self, rep: Rep) -> set[str]:
        """An arch confirmed while the leg was lowered, said again at the rep's end."""
        return {LOWER_BACK_ARCH} & rep.faults
