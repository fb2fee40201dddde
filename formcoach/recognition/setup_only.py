"""The "checker" of the parts where no exercise is recognised: set-up help only.

It judges no form and counts nothing; running it through the usual coaching
session keeps the set-up cues the user knows from a named exercise ("step
into view", "turn sideways to the camera": the recogniser needs a side view
too) without a second copy of their timing rules.
"""

from __future__ import annotations

from formcoach.coaching.checks import Assessment
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec
from formcoach.recognition.rules import NONE

SPEC = ExerciseSpec(
    name=NONE,
    title="Looking for an exercise",
    summary="no exercise recognised: set-up help only",
    view="side",
    counting="hold",
    side_meaning="-",
    cue_texts={},
    priority=(),
)


class SetupOnly(Checker):
    spec = SPEC
    thresholds_type = type(None)

    def assess(self, pose: Pose, facing: int) -> Assessment:
        return Assessment()
