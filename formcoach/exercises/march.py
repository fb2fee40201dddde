"""Standing march: lift one knee to hip height, pause 2 s, lower with control.

The side is the lifted leg. A rep is one lift, counted from how far the
lifted thigh is below horizontal (90 hanging down, 0 knee at hip height,
negative above it): it dips during a lift, so the shared rep counter counts
it, and the rep keeps its deepest value (the top of the lift), how long the
knee stayed near it (the pause) and how far back the trunk went. All three
faults are judged once per lift, when it is over, so each faulty lift gets
its cue however quickly the lifts follow each other. Sources: exercises.md
(stand tall, core engaged, knee to hip height, pause 2 s, lower with
control, use the hip and do not swing; faults: knee below hip height, no
pause, trunk leaning back).
"""

from __future__ import annotations

from dataclasses import dataclass

from formcoach.coaching.checks import Assessment
from formcoach.coaching.reps import Rep
from formcoach.core.landmarks import TORSO_AND_KNEES
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, limit
from formcoach.exercises.one_leg import MEASURE_NAMES, one_leg_measures

KNEE_BELOW_HIP = "knee_below_hip"
NO_PAUSE = "no_pause"
TRUNK_LEAN_BACK = "trunk_lean_back"
SIGNAL = "lifted_thigh_below_horizontal_deg"
TRUNK = "trunk_inclination_deg"

SPEC = ExerciseSpec(
    name="march",
    title="Standing march",
    summary="stand tall, lift one knee to hip height, pause 2 s, lower with control; reps per side",
    view="side",
    counting="reps",
    side_meaning="the lifted leg",
    cue_texts={
        TRUNK_LEAN_BACK: "Stand tall: don't lean back as you lift",
        KNEE_BELOW_HIP: "Lift your knee to hip height",
        NO_PAUSE: "Pause for 2 seconds at the top",
    },
    priority=(TRUNK_LEAN_BACK, KNEE_BELOW_HIP, NO_PAUSE),
    sets_per_side=10,
    required=TORSO_AND_KNEES,
)


@dataclass(frozen=True)
class MarchThresholds:
    trunk_lean_back_deg: float = limit(
        10.0,
        "trunk leaning back (from vertical) by more than this at any time during a lift "
        "(rendered lifts: upright read -5 to -3, a 16 deg lean back -17)",
        3.0,
        40.0,
        faults=(TRUNK_LEAN_BACK,),
    )
    knee_below_hip_deg: float = limit(
        15.0,
        "a lift whose thigh never came within this of horizontal left the knee below "
        "hip height (15 deg: the knee ~0.26 thigh lengths, ~12 cm, below it; rendered: "
        "knees at hip height read -4 to 3, thighs 40 deg low read 48)",
        0.0,
        45.0,
        faults=(KNEE_BELOW_HIP,),
    )
    pause_min_s: float = limit(
        1.5,
        "a lift held near its top for less than this had no pause (the exercise asks for "
        "2 s; rendered 2 s pauses read 2.2 s, quick lifts 0.3 s)",
        0.0,
        5.0,
        faults=(NO_PAUSE,),
    )
    pause_within_deg: float = limit(
        10.0,
        "'near the top' means the thigh within this of its highest point",
        2.0,
        30.0,
        faults=(NO_PAUSE,),
    )
    rep_start_below_deg: float = limit(
        55.0,
        "a lift starts when the thigh rises to within this of horizontal (90 = hanging down)",
        20.0,
        85.0,
    )
    rep_end_above_deg: float = limit(
        65.0, "...and is counted when it drops back below this", 25.0, 89.0
    )


class MarchChecker(Checker):
    spec = SPEC
    thresholds_type = MarchThresholds
    measure_names = (*MEASURE_NAMES, SIGNAL)

    def __init__(self, thresholds: MarchThresholds = MarchThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        m = one_leg_measures(pose, facing)
        # The thigh inclination is - when the knee is ahead of the hip: 90 + it
        # is how far below horizontal a thigh lifted forward is.
        below_horizontal = 90.0 + m.moving_leg.thigh_inclination_deg
        return Assessment(
            measures=m.as_dict() | {SIGNAL: below_horizontal},
            working_leg=m.moving,
            in_position=below_horizontal < self.t.rep_start_below_deg,
            rep_signal=below_horizontal,
            anchors=m.anchors(),
        )

    def rep_thresholds(self) -> tuple[float, float]:
        return (self.t.rep_start_below_deg, self.t.rep_end_above_deg)

    def rep_faults(self, rep: Rep) -> set[str]:
        faults = set()
        most_back, _ = rep.spans.get(TRUNK, (0.0, 0.0))
        if most_back < -self.t.trunk_lean_back_deg:
            faults.add(TRUNK_LEAN_BACK)
        if rep.depth > self.t.knee_below_hip_deg:
            faults.add(KNEE_BELOW_HIP)
        if rep.time_near_bottom_s(self.t.pause_within_deg) < self.t.pause_min_s:
            faults.add(NO_PAUSE)
        return faults
