"""Leg swings: standing on one leg, swing the other forward and back.

The side is the swinging leg. Swings are counted by the shared swing counter
(coaching/swings.py) from the swinging hip's flexion (+ forward, - behind the
trunk line), one per forward turn; each swing reports its range of hip
motion, and a trunk that moves with the leg is judged over the whole swing,
since rocking is movement, not a posture. Sources: exercises.md (count
swings per side, report the range of hip motion, cue a rocking trunk).
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.coaching.reps import Rep
from formcoach.coaching.swings import SwingCounter
from formcoach.core.landmarks import TORSO_AND_KNEES
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, limit
from formcoach.exercises.one_leg import MEASURE_NAMES, one_leg_measures

TRUNK_ROCKING = "trunk_rocking"
TRUNK = "trunk_inclination_deg"

SPEC = ExerciseSpec(
    name="leg-swing",
    title="Leg swings (front to back)",
    summary="stand on one leg, swing the other forward and back from the hip, trunk still; "
    "swings and range of motion per side",
    view="side",
    counting="reps",
    side_meaning="the swinging leg",
    cue_texts={TRUNK_ROCKING: "Keep your trunk still: swing from the hip"},
    priority=(TRUNK_ROCKING,),
    sets_per_side=10,
    required=TORSO_AND_KNEES,
)


@dataclass(frozen=True)
class LegSwingThresholds:
    trunk_rocking_deg: float = limit(
        12.0,
        "the trunk's forward-back travel within one swing above which it is rocking "
        "(rendered: a still trunk travelled 3-4 deg, one rocking 14 deg either way 22-23; "
        "a real controlled swing 5-6)",
        4.0,
        45.0,
        faults=(TRUNK_ROCKING,),
    )
    swing_min_range_deg: float = limit(
        30.0, "a swing counts when the hip travels through at least this much", 10.0, 120.0
    )
    swing_reversal_deg: float = limit(
        10.0,
        "a swing turns once the hip comes back this far from its extreme (ignores jitter)",
        3.0,
        30.0,
    )


def unwrapped_flexion_deg(flexion_deg: float) -> float:
    """Hip flexion read past 180 for a leg kicked over the head.

    Signed angles wrap at +-180, so a foot kicked above the head (flexion
    ~200) reads -160. A hip does not extend 90 deg behind the trunk, so any
    reading below -90 is such a wrapped kick.
    """
    return flexion_deg + 360.0 if flexion_deg < -90.0 else flexion_deg


class LegSwingChecker(Checker):
    spec = SPEC
    thresholds_type = LegSwingThresholds
    measure_names = MEASURE_NAMES

    def __init__(self, thresholds: LegSwingThresholds = LegSwingThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        m = one_leg_measures(pose, facing)
        return Assessment(
            measures=m.as_dict(),
            working_leg=m.moving,
            in_position=True,
            rep_signal=unwrapped_flexion_deg(m.moving_leg.hip_flexion_deg),
            anchors=m.anchors(),
        )

    def rep_counter(self) -> SwingCounter:
        return SwingCounter(self.t.swing_reversal_deg, self.t.swing_min_range_deg)

    def rep_faults(self, rep: Rep) -> set[str]:
        return {TRUNK_ROCKING} if rep.span_of(TRUNK) > self.t.trunk_rocking_deg else set()
