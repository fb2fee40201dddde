"""Half-kneeling hip flexor stretch: one knee down, the other foot flat in front.

The side is the kneeling leg, the one being stretched. Sources: exercises.md
(front knee ~90 deg and over the ankle, tuck the pelvis, upright trunk with
at most a slight lean; hold 20-30 s, 3 per side).
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
    FRONT_KNEE_BEHIND_ANKLE,
    FRONT_KNEE_PAST_ANKLE,
    LOWER_BACK_ARCH,
    TRUNK_LEAN_FORWARD,
    SplitStanceLimits,
    front_knee_checks,
    trunk_checks,
)

SPEC = ExerciseSpec(
    name="kneeling-hip-flexor",
    title="Half-kneeling hip flexor stretch",
    summary="one knee down, foot in front; tuck the pelvis, stay tall, hold 30 s x 3 per side",
    view="side",
    counting="hold",
    side_meaning="the kneeling leg (the hip being stretched)",
    cue_texts={
        LOWER_BACK_ARCH: "Don't arch your lower back: tuck your pelvis",
        TRUNK_LEAN_FORWARD: "Stay tall: tuck the pelvis instead of leaning forward",
        FRONT_KNEE_PAST_ANKLE: "Front knee over the ankle: move the front foot forward",
        FRONT_KNEE_BEHIND_ANKLE: "Front knee over the ankle: bring the front foot back",
    },
    priority=(LOWER_BACK_ARCH, TRUNK_LEAN_FORWARD, FRONT_KNEE_PAST_ANKLE, FRONT_KNEE_BEHIND_ANKLE),
    hold_target_s=30.0,
    sets_per_side=3,
    required=TORSO_AND_KNEES,
    needs_mask=True,
)


@dataclass(frozen=True)
class KneelingThresholds:
    trunk_lean_forward_deg: float = limit(
        20.0,
        "trunk lean forward (from vertical) that counts as leaning",
        5.0,
        60.0,
        faults=(TRUNK_LEAN_FORWARD,),
    )
    front_shin_forward_deg: float = limit(
        38.0,
        "front shin tilt, knee ahead of the ankle. ~25 puts the knee over the toes; the hip "
        "shift that deepens the stretch carries it there (28-35 measured on good-form "
        "demonstrations), so only a knee clearly past the toes is cued",
        5.0,
        60.0,
        faults=(FRONT_KNEE_PAST_ANKLE,),
    )
    front_shin_back_deg: float = limit(
        25.0,
        "front shin tilt with the knee behind the ankle (front foot too far out)",
        5.0,
        60.0,
        faults=(FRONT_KNEE_BEHIND_ANKLE,),
    )
    arch_trunk_back_deg: float = arch_trunk_back_field()
    arch_back_hip_extension_deg: float = arch_back_hip_extension_field()
    arch_rise_l: float = arch_rise_field()
    arch_ceiling_l: float = arch_ceiling_field()
    kneeling_shin_min_deg: float = limit(
        50.0, "in position: back shin tilted at least this far toward the floor", 20.0, 90.0
    )
    front_knee_min_deg: float = limit(35.0, "in position: front knee angle at least", 30.0, 120.0)
    front_knee_max_deg: float = limit(140.0, "in position: front knee angle at most", 90.0, 170.0)
    stance_min_legs: float = limit(
        0.25, "in position: feet apart by this many leg lengths", 0.05, 1.5
    )


class KneelingHipFlexorChecker(Checker):
    spec = SPEC
    thresholds_type = KneelingThresholds
    measure_names = (
        "front_knee_angle_deg",
        "back_knee_angle_deg",
        "front_hip_flexion_deg",
        "back_hip_flexion_deg",
        "front_shin_inclination_deg",
        "back_shin_inclination_deg",
        "trunk_inclination_deg",
        "stance_width_legs",
        ARCH_MEASURE,
    )

    def __init__(self, thresholds: KneelingThresholds = KneelingThresholds()) -> None:
        self.t = thresholds
        self._limits = SplitStanceLimits(
            trunk_lean_forward_deg=thresholds.trunk_lean_forward_deg,
            front_shin_forward_deg=thresholds.front_shin_forward_deg,
            front_shin_back_deg=thresholds.front_shin_back_deg,
            arch_trunk_back_deg=thresholds.arch_trunk_back_deg,
            arch_back_hip_extension_deg=thresholds.arch_back_hip_extension_deg,
        )

    def assess(self, pose: Pose, facing: int) -> Assessment:
        stance = split_stance(pose, facing)
        m = split_stance_measures(pose, stance, facing)
        t = self.t
        in_position = (
            stance.separation >= t.stance_min_legs
            and m.back.shin_inclination_deg >= t.kneeling_shin_min_deg
            and t.front_knee_min_deg <= m.front.knee_angle_deg <= t.front_knee_max_deg
        )
        measures = m.as_dict()
        checks = []
        if in_position:
            checks = trunk_checks(m, self._limits) + front_knee_checks(pose, m, self._limits)
            back, gated = read_lower_back(pose, facing)
            measures |= back
            checks += gated
        return Assessment(
            measures=measures,
            checks=tuple(checks),
            working_leg=stance.back,
            in_position=in_position,
            anchors={
                "front_knee_angle_deg": side_landmark(stance.front, "knee"),
                "back_hip_flexion_deg": side_landmark(stance.back, "hip"),
                "trunk_inclination_deg": side_landmark(stance.front, "shoulder"),
            },
        )

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        return (arch_limit(self.t.arch_rise_l, self.t.arch_ceiling_l),)
