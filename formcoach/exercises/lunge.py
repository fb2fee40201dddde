"""Lunges (forward, reverse, walking): step, lower the back knee toward the floor, rise.

The side is the front leg. Reps are counted per leg from the straighter of
the two knees: in a lunge both knees bend, so the straighter one bottoms out
only when the person is really down, while a walking step (one knee bent at
a time) never moves it far from straight.
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.coaching.reps import Rep
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
    FRONT_KNEE_PAST_ANKLE,
    LOWER_BACK_ARCH,
    TRUNK_LEAN_FORWARD,
    SplitStanceLimits,
    front_knee_checks,
    trunk_checks,
)

LUNGE_TOO_SHALLOW = "lunge_too_shallow"

SPEC = ExerciseSpec(
    name="lunge",
    title="Lunge (forward, reverse or walking)",
    summary="step, lower the back knee toward the floor, front knee over the ankle; reps per leg",
    view="side",
    counting="reps",
    side_meaning="the front leg",
    cue_texts={
        LOWER_BACK_ARCH: "Don't arch your lower back: brace your abs",
        TRUNK_LEAN_FORWARD: "Keep your chest up",
        FRONT_KNEE_PAST_ANKLE: "Front knee over the ankle, not past the toes",
        LUNGE_TOO_SHALLOW: "Go lower: back knee toward the floor",
    },
    priority=(LOWER_BACK_ARCH, FRONT_KNEE_PAST_ANKLE, TRUNK_LEAN_FORWARD, LUNGE_TOO_SHALLOW),
    sets_per_side=10,
    required=TORSO_AND_KNEES,
    needs_mask=True,
)


@dataclass(frozen=True)
class LungeThresholds:
    trunk_lean_forward_deg: float = limit(
        25.0,
        "trunk lean forward (from vertical) at the bottom that counts as leaning",
        5.0,
        60.0,
        faults=(TRUNK_LEAN_FORWARD,),
    )
    front_shin_forward_deg: float = limit(
        33.0,
        "front shin tilt, knee ahead of the ankle (~25 puts the knee over the toes; +8 for "
        "MediaPipe's worst-frame knee error, so only a knee clearly past the toes is cued)",
        5.0,
        60.0,
        faults=(FRONT_KNEE_PAST_ANKLE,),
    )
    arch_trunk_back_deg: float = arch_trunk_back_field()
    arch_back_hip_extension_deg: float = arch_back_hip_extension_field()
    arch_rise_l: float = arch_rise_field()
    arch_ceiling_l: float = arch_ceiling_field()
    rep_start_below_deg: float = limit(
        150.0, "a rep starts when the straighter knee bends below this", 100.0, 175.0
    )
    rep_end_above_deg: float = limit(
        160.0, "...and is counted when it straightens above this", 110.0, 179.0
    )
    check_below_deg: float = limit(
        135.0, "form is judged while the straighter knee is below this (the low part)", 90.0, 170.0
    )
    deep_enough_deg: float = limit(
        120.0,
        "a rep whose straighter knee never bent below this is too shallow",
        80.0,
        160.0,
        faults=(LUNGE_TOO_SHALLOW,),
    )


class LungeChecker(Checker):
    spec = SPEC
    thresholds_type = LungeThresholds
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
        "lunge_depth_knee_deg",
    )

    def __init__(self, thresholds: LungeThresholds = LungeThresholds()) -> None:
        self.t = thresholds
        self._limits = SplitStanceLimits(
            trunk_lean_forward_deg=thresholds.trunk_lean_forward_deg,
            front_shin_forward_deg=thresholds.front_shin_forward_deg,
            front_shin_back_deg=180.0,  # a knee behind the ankle is no lunge fault
            arch_trunk_back_deg=thresholds.arch_trunk_back_deg,
            arch_back_hip_extension_deg=thresholds.arch_back_hip_extension_deg,
        )

    def assess(self, pose: Pose, facing: int) -> Assessment:
        stance = split_stance(pose, facing)
        m = split_stance_measures(pose, stance, facing)
        depth = max(m.front.knee_angle_deg, m.back.knee_angle_deg)
        low = depth < self.t.check_below_deg
        checks = []
        if low:
            checks = [
                c
                for c in trunk_checks(m, self._limits) + front_knee_checks(pose, m, self._limits)
                if c.code != "front_knee_behind_ankle"
            ]
        measures = m.as_dict() | {"lunge_depth_knee_deg": depth}
        if low:
            back, gated = read_lower_back(pose, facing)
            measures |= back
            checks += gated
        return Assessment(
            measures=measures,
            checks=tuple(checks),
            working_leg=stance.front,
            in_position=low,
            rep_signal=depth,
            anchors={
                "front_knee_angle_deg": side_landmark(stance.front, "knee"),
                "back_knee_angle_deg": side_landmark(stance.back, "knee"),
                "trunk_inclination_deg": side_landmark(stance.front, "shoulder"),
            },
        )

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        return (arch_limit(self.t.arch_rise_l, self.t.arch_ceiling_l),)

    def rep_thresholds(self) -> tuple[float, float]:
        return (self.t.rep_start_below_deg, self.t.rep_end_above_deg)

    def rep_faults(self, rep: Rep) -> set[str]:
        return {LUNGE_TOO_SHALLOW} if rep.depth > self.t.deep_enough_deg else set()
