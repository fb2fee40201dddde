"""Table psoas stretch: standing beside a table, one leg lying straight on it behind.

The side is the leg on the table, the one being stretched. Seen from the side
it is a split stance whose back foot is up on the table, so the legs are told
apart the same way (the ankle further along the facing direction is the
standing leg). Sources: exercises.md (table slightly below hip height, the
back leg straight on the table, the standing knee slightly bent, chest
lifted tall; faults: trunk folding forward, back leg bending; hold 20-30 s,
3 per side).
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.core.geometry import inclination_deg
from formcoach.core.landmarks import TORSO_AND_KNEES, side_landmark
from formcoach.core.measures import split_stance_measures
from formcoach.core.pose import Pose
from formcoach.core.view import split_stance
from formcoach.exercises.base import Checker, ExerciseSpec, limit, threshold_check
from formcoach.exercises.split_stance import (
    MEASURE_NAMES,
    TRUNK_LEAN_FORWARD,
    straight_leg_check,
)

BACK_LEG_BENT = "back_leg_bent"
BACK_LEG = "back_leg_inclination_deg"

SPEC = ExerciseSpec(
    name="table-psoas",
    title="Table psoas stretch",
    summary="beside a table, one leg straight on it behind you, chest tall; hold 30 s x 3 per side",
    view="side",
    counting="hold",
    side_meaning="the leg on the table (the hip being stretched)",
    cue_texts={
        TRUNK_LEAN_FORWARD: "Lift your chest: stand tall",
        BACK_LEG_BENT: "Straighten the leg on the table",
    },
    priority=(TRUNK_LEAN_FORWARD, BACK_LEG_BENT),
    hold_target_s=30.0,
    sets_per_side=3,
    settle_s=1.0,
    required=TORSO_AND_KNEES,
)


@dataclass(frozen=True)
class TablePsoasThresholds:
    trunk_lean_forward_deg: float = limit(
        20.0,
        "trunk lean forward (from vertical) that counts as folding forward",
        5.0,
        60.0,
        faults=(TRUNK_LEAN_FORWARD,),
    )
    back_knee_min_deg: float = limit(
        150.0,
        "knee angle of the leg on the table (180 = straight) below which it is bent",
        110.0,
        178.0,
        faults=(BACK_LEG_BENT,),
    )
    back_knee_visibility_min: float = limit(
        0.6,
        "the knee on the table is judged only when MediaPipe sees it at least this well: "
        "filmed from the standing side, a straight leg on the table read 116-131 deg at "
        "knee visibility 0.27-0.56 (0.6-0.9 once bent, 0.99 from the table side)",
        0.3,
        0.95,
        faults=(BACK_LEG_BENT,),
    )
    back_leg_min_deg: float = limit(
        30.0,
        "in position: the line from the back hip to its ankle raised at least this far "
        "from hanging down (the leg up on the table, ~85 deg; read without the knee, which "
        "the table can hide). Low, because MediaPipe loses that leg when the trunk folds "
        "forward: it read 35-66 deg there",
        20.0,
        100.0,
    )


def back_leg_inclination_deg(pose: Pose, side: str, facing: int) -> float:
    """The hip-to-ankle line of leg `side` from hanging straight down, + behind the hip.

    0 hangs down, 90 lies level behind, more has the foot above the hip.
    """
    hip, ankle = pose.xy[side_landmark(side, "hip")], pose.xy[side_landmark(side, "ankle")]
    return inclination_deg(ankle, hip, facing)


class TablePsoasChecker(Checker):
    spec = SPEC
    thresholds_type = TablePsoasThresholds
    measure_names = (*MEASURE_NAMES, BACK_LEG)

    def __init__(self, thresholds: TablePsoasThresholds = TablePsoasThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        stance = split_stance(pose, facing)
        m = split_stance_measures(pose, stance, facing)
        t = self.t
        leg = back_leg_inclination_deg(pose, stance.back, facing)
        in_position = leg >= t.back_leg_min_deg
        checks = []
        if in_position:
            checks = [
                threshold_check(
                    TRUNK_LEAN_FORWARD,
                    m.trunk_inclination_deg,
                    t.trunk_lean_forward_deg,
                    above=True,
                ),
                straight_leg_check(
                    BACK_LEG_BENT,
                    pose,
                    stance.back,
                    m.back.knee_angle_deg,
                    t.back_knee_min_deg,
                    t.back_knee_visibility_min,
                ),
            ]
        return Assessment(
            measures=m.as_dict() | {BACK_LEG: leg},
            checks=tuple(checks),
            working_leg=stance.back,
            in_position=in_position,
            anchors={
                "back_knee_angle_deg": side_landmark(stance.back, "knee"),
                "trunk_inclination_deg": side_landmark(stance.front, "shoulder"),
            },
        )
