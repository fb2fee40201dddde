"""A routine over a stream of poses: one CoachSession per step feeding the machine (pure).

The same coaching session that `live` and `analyze` run judges each step's
form and counts its holds and reps; the routine only reads its running
totals. Nothing here reads a clock, a camera or a file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from formcoach.coaching.debounce import Debounced
from formcoach.coaching.session import CoachSession, FrameResult, SessionRecord
from formcoach.core.pose import PoseFrame
from formcoach.exercises.base import Checker
from formcoach.exercises.config import Config
from formcoach.exercises.registry import make_checker
from formcoach.routine.machine import Announcement, RoutineMachine, RoutineStatus, StepProgress
from formcoach.routine.model import Routine, Step

# In view (no set-up problem) this long before a rep step may start; out of view this long
# before it counts as gone.
VISIBLE_AFTER_S = 1.0
GONE_AFTER_S = 0.5


@dataclass(frozen=True)
class RoutineFrame:
    time_s: float
    coach: FrameResult | None  # None in a timed step (no checker)
    status: RoutineStatus
    announcements: tuple[Announcement, ...]
    ended: StepRecord | None = None  # the step whose coaching ended with this frame


@dataclass
class StepRecord:
    """A step's coaching session as it ended: the material of its report.json."""

    index: int
    step: Step
    checker: Checker
    record: SessionRecord
    frames: int
    first_time_s: float | None
    last_time_s: float | None


def checker_for_step(step: Step, config: Config | None = None) -> Checker | None:
    """The step's checker, its targets set to the routine's (None for a timed step)."""
    if step.exercise is None:
        return None
    checker = make_checker(step.exercise, config)
    targets = (
        {"hold_target_s": step.target, "sets_per_side": step.sets}
        if step.counting == "hold"
        else {"sets_per_side": int(step.target)}
    )
    checker.spec = dataclasses.replace(checker.spec, **targets)
    return checker


class RoutineSession:
    def __init__(self, routine: Routine, config: Config | None = None) -> None:
        self.routine = routine
        self.config = config
        self.machine = RoutineMachine(routine)
        self.steps: list[StepRecord] = []  # ended steps, in order
        self._coach: CoachSession | None = None
        self._coach_step: int | None = None
        self._frames = 0
        self._first_t: float | None = None
        self._last_t: float | None = None
        self._visible = Debounced(VISIBLE_AFTER_S, GONE_AFTER_S)

    @property
    def coach(self) -> CoachSession | None:
        """The coaching session of the step now (None in a timed step)."""
        return self._coach

    def process(self, frame: PoseFrame) -> RoutineFrame:
        t = frame.time_s
        if self._coach_step is None and not self.machine.finished:
            self._start_coach(self.machine.step_index)
        result = self._coach.process(frame) if self._coach is not None else None
        self._frames += 1
        self._first_t = t if self._first_t is None else self._first_t
        self._last_t = t
        announcements = self.machine.update(self._progress(t, result))
        ended = None
        if self.machine.finished or self.machine.step_index != self._coach_step:
            ended = self._end_coach()
        return RoutineFrame(t, result, self.machine.status(), tuple(announcements), ended)

    def toggle_pause(self, time_s: float) -> list[Announcement]:
        return self.machine.toggle_pause(time_s)

    def skip(self, time_s: float) -> tuple[list[Announcement], StepRecord | None]:
        """Skip the step; returns what to say and the step's record if its coaching ended."""
        said = self.machine.skip(time_s)
        ended = self._end_coach() if self.machine.step_index != self._coach_step else None
        return said, ended

    def finish(self, time_s: float | None = None) -> StepRecord | None:
        """Stop here: close the open step; returns its record (None if none was open)."""
        end = self._last_t if time_s is None else time_s
        self.machine.finish(end or 0.0)
        return self._end_coach()

    # -- steps ---------------------------------------------------------------------
    def _start_coach(self, index: int) -> None:
        step = self.routine.steps[index]
        checker = checker_for_step(step, self.config)
        self._coach = CoachSession(checker) if checker is not None else None
        self._coach_step = index
        self._frames, self._first_t, self._last_t = 0, None, None
        self._visible.reset()

    def _end_coach(self) -> StepRecord | None:
        if self._coach_step is None:
            return None
        index, coach = self._coach_step, self._coach
        self._coach, self._coach_step = None, None
        if coach is None:
            return None
        record = coach.finish()
        ended = StepRecord(
            index,
            self.routine.steps[index],
            coach.checker,
            record,
            self._frames,
            self._first_t,
            self._last_t,
        )
        self.steps.append(ended)
        return ended

    def _progress(self, t: float, result: FrameResult | None) -> StepProgress:
        if result is None:
            return StepProgress(t, ready=True)
        step = self.routine.steps[self._coach_step or 0]
        in_view = self._visible.update(result.setup is None and result.pose is not None, t)
        ready = result.hold is not None if step.start == "position" else in_view
        return StepProgress(t, ready, result.side, result.good_form_s, result.reps)
