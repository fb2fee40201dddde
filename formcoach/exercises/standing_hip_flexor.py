"""Standing hip flexor stretch: a staggered stance, back leg straight, lunge forward.

The side is the back leg, the one being stretched. Sources: exercises.md
(split stance, core engaged, pelvis tucked, back leg straight, lunge forward
on the front leg; faults: back knee bending, lower back arching, trunk
leaning; hold 20-30 s, 3 per side). The split-stance checks are those of the
kneeling stretch (split_stance.py), the lower back is read as there too
(lower_back.py: the back outline against the person's own baseline, and the
landmark proxy); what differs is the position (feet apart, the back thigh
slanting behind, the front knee bent; form is judged once it has been held
`settle_s`, since the back knee bends while the foot steps back) and the
straight back leg.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.core.landmarks import TORSO_AND_KNEES, side_landmark
from formcoach.core.measures import split_stance_measures
from formcoach.core.pose import Pose
from formcoach.core.view import split_stance
from formcoach.exercises.base import Checker, ExerciseSpec, RelativeLimit, limit
from formcoach.exercises.lower_back import (
    ARCH_MEASURE,
    arch_back_hip_extension_field,
    arch_ceiling_field,
    arch_limit,
    arch_rise_field,
    arch_trunk_back_field,
    read_lower_back,
)
from formcoach.exercises.split_stance import (
    LOWER_BACK_ARCH,
    MEASURE_NAMES,
    TRUNK_LEAN_FORWARD,
    SplitStanceLimits,
    straight_leg_check,
    trunk_checks,
)

BACK_KNEE_BENT = "back_knee_bent"

SPEC = ExerciseSpec(
    name="standing-hip-flexor",
    title="Standing hip flexor stretch",
    summary="staggered stance, back leg straight, tuck the pelvis, lunge forward; "
    "hold 30 s x 3 per side",
    view="side",
    counting="hold",
    side_meaning="the back leg (the hip being stretched)",
    cue_texts={
        LOWER_BACK_ARCH: "Don't arch your lower back: tuck your pelvis",
        TRUNK_LEAN_FORWARD: "Stay tall: tuck the pelvis instead of leaning forward",
        BACK_KNEE_BENT: "Keep your back leg straight",
    },
    priority=(LOWER_BACK_ARCH, TRUNK_LEAN_FORWARD, BACK_KNEE_BENT),
    hold_target_s=30.0,
    sets_per_side=3,
    settle_s=1.0,
    needs_mask=True,
    required=TORSO_AND_KNEES,
)


@dataclass(frozen=True)
class StandingHipFlexorThresholds:
    trunk_lean_forward_deg: float = limit(
        15.0,
        "trunk lean forward (from vertical) that counts as leaning (rendered clips: upright "
        "read -5 to -1, a 28 deg lean read 23-24)",
        5.0,
        60.0,
        faults=(TRUNK_LEAN_FORWARD,),
    )
    back_knee_min_deg: float = limit(
        147.0,
        "back knee angle (180 = straight) below which the back leg is bent. The trailing "
        "leg of a long stance is hard for MediaPipe: a straight one (175 true) read down to "
        "151 (5th percentile) on rendered clips, one bent to 136 read 142-144",
        120.0,
        178.0,
        faults=(BACK_KNEE_BENT,),
    )
    arch_trunk_back_deg: float = arch_trunk_back_field()
    arch_back_hip_extension_deg: float = arch_back_hip_extension_field()
    arch_rise_l: float = arch_rise_field()
    arch_ceiling_l: float = arch_ceiling_field()
    stance_min_legs: float = limit(
        0.35, "in position: feet apart by this many leg lengths", 0.1, 1.5
    )
    back_thigh_min_deg: float = limit(
        15.0,
        "in position: the back thigh slanting back at least this far from vertical (a foot "
        "still stepping back into place is under the body)",
        0.0,
        60.0,
    )
    front_knee_max_deg: float = limit(
        172.0, "in position: front knee bent to at most this angle (lunging forward)", 120.0, 179.0
    )
    front_knee_min_deg: float = limit(70.0, "in position: front knee angle at least", 30.0, 120.0)


class StandingHipFlexorChecker(Checker):
    spec = SPEC
    thresholds_type = StandingHipFlexorThresholds
    measure_names = (*MEASURE_NAMES, ARCH_MEASURE)

    def __init__(
        self, thresholds: StandingHipFlexorThresholds = StandingHipFlexorThresholds()
    ) -> None:
        self.t = thresholds
        self._limits = SplitStanceLimits(
            trunk_lean_forward_deg=thresholds.trunk_lean_forward_deg,
            arch_trunk_back_deg=thresholds.arch_trunk_back_deg,
            arch_back_hip_extension_deg=thresholds.arch_back_hip_extension_deg,
        )

    def assess(self, pose: Pose, facing: int) -> Assessment:
        stance = split_stance(pose, facing)
        m = split_stance_measures(pose, stance, facing)
        t = self.t
        in_position = (
            stance.separation >= t.stance_min_legs
            and m.back.thigh_inclination_deg >= t.back_thigh_min_deg
            and t.front_knee_min_deg <= m.front.knee_angle_deg <= t.front_knee_max_deg
        )
        measures = m.as_dict()
        checks = []
        if in_position:
            checks = trunk_checks(m, self._limits) + [
                straight_leg_check(
                    BACK_KNEE_BENT, pose, stance.back, m.back.knee_angle_deg, t.back_knee_min_deg
                )
            ]
            back, gated = read_lower_back(pose, facing)
            measures |= back
            checks += gated
        return Assessment(
            measures=measures,
            checks=tuple(checks),
            working_leg=stance.back,
            in_position=in_position,
            anchors={
                "back_knee_angle_deg": side_landmark(stance.back, "knee"),
                "back_hip_flexion_deg": side_landmark(stance.back, "hip"),
                "trunk_inclination_deg": side_landmark(stance.front, "shoulder"),
            },
        )

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        return (arch_limit(self.t.arch_rise_l, self.t.arch_ceiling_l),)
