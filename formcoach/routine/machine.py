"""The routine's state machine: which step, which set and side, and what to say (pure).

Each step runs: intro (what comes, how many, the instruction) -> for each set:
position (wait until the person is in position, or in view for reps) ->
countdown (3, 2, 1; leaving the position goes back) -> work (good-form
seconds on the announced side, or reps, or a timer) -> rest (between sets,
"now the other side"; after the step, what comes next) -> ... -> done.

It advances on what the coach sees (`StepProgress`, one per frame) and on
frame time, never the wall clock. Pausing freezes every timer and counts
nothing; skipping ends the step. Work is counted from the coach's own
running totals (good-form seconds and reps per side), so the hold and rep
rules live once, in the coaching session: a set gains what the totals gained
while it was working and not paused.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from formcoach.routine.model import SIDE_ORDER, Routine, Step

Phase = Literal["intro", "position", "countdown", "work", "rest", "done"]
PHASES: tuple[Phase, ...] = ("intro", "position", "countdown", "work", "rest", "done")
EPS = 1e-6  # frame times summed over many frames are a hair short of a whole second
PROMPT_EVERY_S = 6.0  # a position or side prompt is repeated this often while unheeded
HOLD_LEFT_NOTICE_S = 10.0  # "ten seconds to go" in holds of at least twice this


@dataclass(frozen=True)
class StepProgress:
    """What the coach saw in one frame, as the routine needs it.

    `ready`: in the step's start position (holds) or in view (reps), already
    debounced. `side`: the side of the current hold or rep, when known.
    `good_form_s` and `reps`: the coaching session's running totals per side.
    """

    time_s: float
    ready: bool
    side: str | None = None
    good_form_s: Mapping[str, float] = field(default_factory=dict)
    reps: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Announcement:
    time_s: float
    text: str


@dataclass
class SetResult:
    """One set: planned side ("left", "right", "alternate", "both") and what was done."""

    step: int  # index into the routine's steps
    number: int  # 1-based within the step
    side: str
    target: float  # per side for "alternate"
    done: float = 0.0  # good-form seconds, reps (the lesser side's for "alternate"), seconds
    per_side: dict[str, float] = field(default_factory=dict)  # what each detected side did
    start_s: float | None = None  # when work began (the end of the countdown)
    end_s: float | None = None
    completed: bool = False
    skipped: bool = False


@dataclass(frozen=True)
class RoutineStatus:
    """The routine as it stands, for the screen."""

    phase: Phase
    step: int  # 0-based
    steps: int
    title: str
    set_number: int  # 1-based, 0 before the first set
    set_count: int
    side: str | None
    done: float
    target: float
    counting: str
    seconds_left: float | None  # of a countdown or a rest
    paused: bool
    instruction: str


class RoutineMachine:
    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self.step_index = 0
        self.phase: Phase = "intro"
        self.paused = False
        self.sets: list[SetResult] = []
        self.step_times: dict[int, list[float | None]] = {}  # step -> [start, end]
        self.skipped_steps: set[int] = set()
        self.instruction = ""
        self._set_index = 0
        self._elapsed = 0.0  # in this phase, pauses excluded
        self._last_t: float | None = None
        self._prev: StepProgress | None = None
        self._prompted_at = -math.inf
        self._out: list[Announcement] = []
        self._now = 0.0
        self._started = False

    # -- the step and set now ---------------------------------------------------
    @property
    def step(self) -> Step:
        return self.routine.steps[min(self.step_index, len(self.routine.steps) - 1)]

    @property
    def planned(self) -> tuple[str, ...]:
        return self.step.planned_sides()

    @property
    def current_set(self) -> SetResult | None:
        if self.sets and self.sets[-1].step == self.step_index and self.phase != "intro":
            return self.sets[-1]
        return None

    @property
    def finished(self) -> bool:
        return self.phase == "done"

    def status(self) -> RoutineStatus:
        s = self.current_set
        step = self.step
        left = None
        if self.phase == "countdown":
            left = max(0.0, step.countdown_s - self._elapsed)
        elif self.phase == "rest":
            left = max(0.0, self._rest_length() - self._elapsed)
        elif self.phase == "intro":
            left = max(0.0, step.intro_s - self._elapsed)
        return RoutineStatus(
            phase=self.phase,
            step=self.step_index,
            steps=len(self.routine.steps),
            title=step.title,
            set_number=s.number if s else 0,
            set_count=len(self.planned),
            side=s.side if s else None,
            done=s.done if s else 0.0,
            target=s.target if s else step.target,
            counting=step.counting,
            seconds_left=left,
            paused=self.paused,
            instruction=self.instruction,
        )

    # -- input -----------------------------------------------------------------
    def update(self, progress: StepProgress) -> list[Announcement]:
        """Advance by one frame of what the coach saw; returns what to announce."""
        t = progress.time_s
        self._now = t
        if not self._started:
            self._started = True
            self._begin_step(0)
        dt = 0.0 if self._last_t is None else max(0.0, t - self._last_t)
        self._last_t = t
        prev, self._prev = self._prev, progress
        if self.phase != "done" and not self.paused:
            self._elapsed += dt
            getattr(self, f"_on_{self.phase}")(progress, prev, dt)
            # A phase entered this frame looks at the frame too (no frame lost between
            # phases), counting nothing: this frame's gains were the phase before's.
            for _ in range(len(PHASES)):
                phase = self.phase
                if phase == "done" or self._elapsed > 0.0:
                    break
                getattr(self, f"_on_{phase}")(progress, progress, 0.0)
                if self.phase == phase:
                    break
        return self._flush()

    def toggle_pause(self, time_s: float) -> list[Announcement]:
        self._now = time_s
        if self.phase != "done":
            self.paused = not self.paused
            self._say("Paused" if self.paused else "Go on")
        return self._flush()

    def skip(self, time_s: float) -> list[Announcement]:
        """Skip the rest of the step (or, in the rest after a step, the rest)."""
        self._now = time_s
        if self.phase == "done":
            return []
        self.paused = False
        all_done = self._set_index >= len(self.planned) - 1 and self.phase == "rest"
        if not all_done:
            self.skipped_steps.add(self.step_index)
            current = self.current_set
            if current is not None and not current.completed:
                current.skipped = True
                current.end_s = time_s
            first = current.number if current is not None else 0
            for i, side in enumerate(self.planned[first:], first + 1):
                self.sets.append(
                    SetResult(self.step_index, i, side, self.step.target, skipped=True)
                )
            self._say(f"Skipping {self.step.title}")
        self._next_step()
        return self._flush()

    def finish(self, time_s: float) -> None:
        """The routine stops here (the video ended, Ctrl-C): close what is open."""
        current = self.current_set
        if current is not None and current.end_s is None and current.start_s is not None:
            current.end_s = time_s
        times = self.step_times.get(self.step_index)
        if times is not None and times[1] is None:
            times[1] = time_s

    # -- phases ----------------------------------------------------------------
    def _on_intro(self, p: StepProgress, prev: StepProgress | None, dt: float) -> None:
        if self._elapsed + EPS >= self.step.intro_s:
            self._begin_set(0)

    def _on_position(self, p: StepProgress, prev: StepProgress | None, dt: float) -> None:
        step = self.step
        expected = self.current_set.side if self.current_set else None
        if step.counting == "timer" or (p.ready and not self._wrong_side(p, expected)):
            self._begin_countdown()
            return
        if self._now - self._prompted_at < PROMPT_EVERY_S:
            return
        if p.ready:
            self._prompt(f"That's the {p.side} side: switch to the {expected} side")
        else:
            self._prompt(self._position_text())

    def _on_countdown(self, p: StepProgress, prev: StepProgress | None, dt: float) -> None:
        step = self.step
        if step.counting != "timer" and (not p.ready or self._wrong_side(p, self._side())):
            self._enter("position")
            self._prompt("Back into position")
            return
        before = math.ceil(step.countdown_s - (self._elapsed - dt) - EPS)
        left = math.ceil(step.countdown_s - self._elapsed - EPS)
        if left <= 0:
            self._begin_work()
        elif left < before:
            self._say(str(left))

    def _on_work(self, p: StepProgress, prev: StepProgress | None, dt: float) -> None:
        s = self.current_set
        assert s is not None
        step = self.step
        gains = {"any": dt} if step.counting == "timer" else self._gains(p, prev)
        for side, gain in gains.items():
            if gain > 0:
                s.per_side[side] = s.per_side.get(side, 0.0) + gain
        before = s.done
        if s.side in SIDE_ORDER:
            s.done += gains.get(s.side, 0.0)
            other = SIDE_ORDER[1 - SIDE_ORDER.index(s.side)]
            if gains.get(other, 0.0) > 0 and self._now - self._prompted_at >= PROMPT_EVERY_S:
                self._prompt(f"That was the {other} side: the {s.side} side now")
        elif s.side == "alternate":
            s.done = min(s.per_side.get(side, 0.0) for side in SIDE_ORDER)
        else:
            s.done += sum(gains.values())
        if step.counting == "hold" and s.target >= 2 * HOLD_LEFT_NOTICE_S:
            if before < s.target - HOLD_LEFT_NOTICE_S <= s.done:
                self._say("Ten seconds to go")
        if s.done + EPS >= s.target:
            s.completed = True
            s.end_s = self._now
            self._end_set()

    def _on_rest(self, p: StepProgress, prev: StepProgress | None, dt: float) -> None:
        if self._elapsed + EPS < self._rest_length():
            return
        if self._set_index + 1 < len(self.planned):
            self._begin_set(self._set_index + 1)
        else:
            self._next_step()

    # -- transitions ---------------------------------------------------------------
    def _begin_step(self, index: int) -> None:
        self.step_index = index
        self._prev = None  # a new step has a new coaching session: its totals start again
        self._set_index = 0
        self.step_times[index] = [self._now, None]
        step = self.step
        self._enter("intro")
        parts = [f"Step {index + 1} of {len(self.routine.steps)}: {step.title}"]
        parts.append(_spoken_target(step))
        if step.say:
            parts.append(step.say)
        self._say(". ".join(parts))

    def _begin_set(self, index: int) -> None:
        self._set_index = index
        side = self.planned[index]
        self.sets.append(SetResult(self.step_index, index + 1, side, self.step.target))
        self._enter("position")
        self._prompted_at = self._now
        if self.step.counting == "timer":
            return
        self._say(self._position_text())

    def _begin_countdown(self) -> None:
        self._enter("countdown")
        if self.step.countdown_s > 0:
            self._say(str(math.ceil(self.step.countdown_s)))
        else:
            self._begin_work()

    def _begin_work(self) -> None:
        self._enter("work")
        s = self.current_set
        assert s is not None
        s.start_s = self._now
        counting = self.step.counting
        self._say({"hold": "Hold", "reps": "Go", "timer": "Go"}[counting])

    def _end_set(self) -> None:
        step = self.step
        last = self._set_index + 1 >= len(self.planned)
        if last:
            self.step_times[self.step_index][1] = self._now
            if self.step_index + 1 >= len(self.routine.steps):
                self._finish_routine()
                return
            nxt = self.routine.steps[self.step_index + 1]
            text = f"Well done. Rest {_seconds(step.rest_s)}. Next: {nxt.title}"
            if step.rest_s <= 0:
                text = f"Well done. Next: {nxt.title}"
        else:
            nxt_side = self.planned[self._set_index + 1]
            now_side = self.planned[self._set_index]
            then = "now the other side" if nxt_side != now_side else "then the same again"
            text = f"Well done. Rest {_seconds(step.set_rest_s)}, {then}"
            if step.set_rest_s <= 0:
                text = f"Well done, {then}"
        self._enter("rest")
        self._say(text)

    def _next_step(self) -> None:
        times = self.step_times.get(self.step_index)
        if times is not None and times[1] is None:
            times[1] = self._now
        if self.step_index + 1 >= len(self.routine.steps):
            self._finish_routine()
        else:
            self._begin_step(self.step_index + 1)

    def _finish_routine(self) -> None:
        self._enter("done")
        self._say(f"{self.routine.title} complete. Well done")

    def _enter(self, phase: Phase) -> None:
        self.phase = phase
        self._elapsed = 0.0

    # -- helpers -----------------------------------------------------------------
    def _rest_length(self) -> float:
        last = self._set_index + 1 >= len(self.planned)
        return self.step.rest_s if last else self.step.set_rest_s

    def _side(self) -> str | None:
        return self.current_set.side if self.current_set else None

    def _wrong_side(self, p: StepProgress, expected: str | None) -> bool:
        """In a hold on the other side than announced (a rep's side is known only after it)."""
        return (
            self.step.counting == "hold"
            and expected in SIDE_ORDER
            and p.side in SIDE_ORDER
            and p.side != expected
        )

    def _gains(self, p: StepProgress, prev: StepProgress | None) -> dict[str, float]:
        """What the coach's running totals gained since the last frame, per side."""
        if prev is None:
            return {}
        now, before = (
            (p.good_form_s, prev.good_form_s)
            if self.step.counting == "hold"
            else (p.reps, prev.reps)
        )
        return {side: max(0.0, float(v) - float(before.get(side, 0.0))) for side, v in now.items()}

    def _position_text(self) -> str:
        s = self.current_set
        side = s.side if s else None
        n, total = (s.number if s else 1), len(self.planned)
        if side in SIDE_ORDER:
            if n > 1 and self.planned[n - 2] != side:
                return f"Now the other side: {side} side"
            return f"Get into position, {side} side"
        get = "get into position" if self.step.start == "position" else "get ready"
        return get.capitalize() if n == 1 else f"Set {n} of {total}: {get}"

    def _prompt(self, text: str) -> None:
        self._prompted_at = self._now
        self._say(text)

    def _say(self, text: str) -> None:
        self.instruction = text
        self._out.append(Announcement(self._now, text))

    def _flush(self) -> list[Announcement]:
        out, self._out = self._out, []
        return out


def _seconds(value: float) -> str:
    return "1 second" if round(value) == 1 else f"{value:.0f} seconds"


def _spoken_target(step: Step) -> str:
    """The target as it is said: "3 holds of 30 seconds each side", "10 reps each side"."""
    per = " each side" if step.sides in ("each", "alternate") else ""
    n = step.sets
    if step.counting == "timer":
        return f"{step.target:g} seconds"
    if step.counting == "hold":
        holds = f"{n} holds of " if n > 1 else "Hold for "
        return f"{holds}{step.target:g} seconds{per}"
    sets = f"{n} sets of " if n > 1 else ""
    return f"{sets}{step.target:g} reps{per}"
