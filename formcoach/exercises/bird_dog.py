"""Bird-dog: on hands and knees, reach one leg back and the opposite arm forward.

Core engaged, back flat (exercises.md, [000]). Faults: the leg lifted above
hip height (the lower back arches to get it there), the back sagging, the
limbs not reaching out fully. Reps per side; the side is the reaching leg.

- `leg_above_hip` reads where the reaching foot is: the hip -> ankle line's
  elevation above the floor line, while the leg is reached out. Measured on
  good-form demonstrations: 5-11 deg (a leg at hip height slopes up a
  little to a foot held level with the buttocks); a leg lifted "foot above
  head level" read 24.
  A reach lasts a second or two, less than a cue takes to come (0.8 s of
  onset, then a 4 s pause before the same cue again): a leg lifted during
  a rep is therefore also cued once the rep is over, every rep.
- `limb_not_extended` is judged once a rep is over, on its fullest reach:
  the hip not opened to the trunk line, the knee or the reaching elbow not
  straightened.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment, Check
from formcoach.coaching.reps import Rep
from formcoach.core.floor_back import floor_back_hollow_l
from formcoach.core.geometry import joint_angle_deg
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import (
    Checker,
    ExerciseSpec,
    RelativeLimit,
    limit,
    threshold_check,
)
from formcoach.exercises.floor import (
    FLOOR_BODY,
    TRUNK,
    leg_landmarks,
    legs_on_floor,
    other_side,
    reaching_leg,
)

LEG_ABOVE_HIP = "leg_above_hip"
BACK_SAGGING = "back_sagging"
LIMB_NOT_EXTENDED = "limb_not_extended"
HOLLOW = "back_hollow_l"

SPEC = ExerciseSpec(
    name="bird-dog",
    title="Bird-dog",
    summary="on hands and knees, reach one leg back and the opposite arm forward, back flat; "
    "reps per side",
    view="side",
    counting="reps",
    side_meaning="the reaching leg",
    cue_texts={
        LEG_ABOVE_HIP: "Lower your leg to hip height: don't arch your back",
        BACK_SAGGING: "Keep your back flat: brace your belly",
        LIMB_NOT_EXTENDED: "Reach long: straighten your leg and arm",
    },
    priority=(LEG_ABOVE_HIP, BACK_SAGGING, LIMB_NOT_EXTENDED),
    sets_per_side=10,
    required=FLOOR_BODY,
    posture="floor",
    rep_cue_s=1.5,  # reps take ~2 s: each one's cue shows on its own
    needs_mask=True,  # the sagging back is read from the outline
)


@dataclass(frozen=True)
class BirdDogThresholds:
    leg_above_hip_deg: float = limit(
        16.0,
        "the reaching hip -> ankle line this far above the floor line is lifted too high "
        "(good form measured 5-11 deg, a leg lifted above the head 24)",
        5.0,
        45.0,
        faults=(LEG_ABOVE_HIP,),
    )
    reach_hip_flexion_max_deg: float = limit(
        15.0,
        "a rep whose reaching hip never opened past this flexion did not extend the leg "
        "(full reaches measured -25..-10)",
        -10.0,
        45.0,
        faults=(LIMB_NOT_EXTENDED,),
    )
    reach_knee_min_deg: float = limit(
        145.0,
        "a rep whose reaching knee never straightened past this angle (full reaches 160-175)",
        100.0,
        175.0,
        faults=(LIMB_NOT_EXTENDED,),
    )
    reach_elbow_min_deg: float = limit(
        140.0,
        "a rep whose reaching elbow never straightened past this angle",
        90.0,
        175.0,
        faults=(LIMB_NOT_EXTENDED,),
    )
    rep_start_below_deg: float = limit(
        45.0,
        "a rep starts when the reaching hip's flexion falls below this (on all fours ~80-95)",
        10.0,
        70.0,
    )
    rep_end_above_deg: float = limit(
        55.0,
        "...and is counted when it is back above this (a sagging back reads 56-64 on all fours)",
        30.0,
        85.0,
    )
    sag_rise_l: float = limit(
        0.03,
        "back sagging: the lumbar hollow deeper than at the start by this many torso lengths "
        "(a 22 deg pelvic tilt measured +0.03..+0.05)",
        0.01,
        0.2,
        faults=(BACK_SAGGING,),
    )
    sag_ceiling_l: float = limit(
        0.18,
        "back sagging whatever the start: a hollow this deep (good form measured up to 0.14)",
        0.05,
        0.5,
        faults=(BACK_SAGGING,),
    )
    on_all_fours_max_trunk_deg: float = limit(
        35.0, "in the exercise: the trunk within this many degrees of the floor line", 10.0, 60.0
    )


class BirdDogChecker(Checker):
    spec = SPEC
    thresholds_type = BirdDogThresholds
    measure_names = (
        "reach_hip_flexion_deg",
        "reach_leg_elevation_deg",
        "reach_knee_angle_deg",
        "reach_elbow_angle_deg",
        "trunk_elevation_deg",
        HOLLOW,
    )

    def __init__(self, thresholds: BirdDogThresholds = BirdDogThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        t = self.t
        reach = reaching_leg(legs_on_floor(pose, facing, belly_up=False))
        arm = other_side(reach.side)
        elbow = joint_angle_deg(
            pose.xy[side_landmark(arm, "shoulder")],
            pose.xy[side_landmark(arm, "elbow")],
            pose.xy[side_landmark(arm, "wrist")],
        )
        trunk = trunk_elevation_deg(pose, facing)
        on_all_fours = abs(trunk) <= t.on_all_fours_max_trunk_deg
        reaching = on_all_fours and reach.extension_deg < t.rep_start_below_deg
        measures = {
            "reach_hip_flexion_deg": reach.extension_deg,
            "reach_leg_elevation_deg": reach.leg.leg_elevation_deg,
            "reach_knee_angle_deg": reach.leg.knee_angle_deg,
            "reach_elbow_angle_deg": elbow,
            "trunk_elevation_deg": trunk,
        }
        checks: list[Check] = []
        if on_all_fours:
            checks.append(self._sag_check(pose, facing, measures))
        if reaching:
            height = reach.leg.leg_elevation_deg
            checks.append(threshold_check(LEG_ABOVE_HIP, height, t.leg_above_hip_deg, above=True))
        return Assessment(
            measures=measures,
            checks=tuple(checks),
            working_leg=reach.side,
            in_position=on_all_fours,
            rep_signal=reach.extension_deg if on_all_fours else None,
            anchors={"reach_leg_elevation_deg": side_landmark(reach.side, "hip")},
            reads=TRUNK + leg_landmarks(reach.side) if reaching else TRUNK,
        )

    @staticmethod
    def _sag_check(pose: Pose, facing: int, measures: dict[str, float]) -> Check:
        """The sag's check; the session judges its measure against the person's start."""
        hollow, why = floor_back_hollow_l(pose, facing, back_up=True)
        if hollow is None:
            return Check(BACK_SAGGING, "silent", reason=why)
        measures[HOLLOW] = hollow
        return Check(BACK_SAGGING, "ok", value=hollow)

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        return (RelativeLimit(BACK_SAGGING, HOLLOW, self.t.sag_rise_l, self.t.sag_ceiling_l),)

    def rep_thresholds(self) -> tuple[float, float]:
        return (self.t.rep_start_below_deg, self.t.rep_end_above_deg)

    def rep_faults(self, rep: Rep) -> set[str]:
        """The limbs' reach over the rep, and the leg lifted at any time during it."""
        t = self.t
        knee = rep.spans.get("reach_knee_angle_deg", (0.0, 180.0))[1]
        elbow = rep.spans.get("reach_elbow_angle_deg", (0.0, 180.0))[1]
        short = (
            rep.depth > t.reach_hip_flexion_max_deg
            or knee < t.reach_knee_min_deg
            or elbow < t.reach_elbow_min_deg
        )
        lifted = {LEG_ABOVE_HIP} & rep.faults  # confirmed while reaching (debounced, trusted)
        return lifted | ({LIMB_NOT_EXTENDED} if short else set())
