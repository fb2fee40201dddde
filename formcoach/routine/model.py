"""A routine: an ordered list of steps, each an exercise (or a timed activity) in sets.

A step's sets are planned from its `sides`:
- "each": one side then the other, alternating sets (L, R, L, R, ...), so each side
  rests while the other works; the announced side must be the one worked;
- "alternate": both legs in the same set (a march, a dead bug), each side to the target;
- "both": a bilateral exercise (a bridge, constructive rest) or a timed activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Counting = Literal["hold", "reps", "timer"]
Sides = Literal["each", "alternate", "both"]
StartWhen = Literal["position", "visible"]
SIDE_CHOICES: tuple[Sides, ...] = ("each", "alternate", "both")
START_CHOICES: tuple[StartWhen, ...] = ("position", "visible")
SIDE_ORDER = ("left", "right")
SECONDS_PER_REP = 3.0  # for estimating a routine's length only


@dataclass(frozen=True)
class Step:
    """One step of a routine.

    `exercise` names a checker (None: a timed activity such as walking about,
    which needs no checker). `target` is good-form seconds per hold for a hold
    exercise, reps per side for a rep exercise, seconds for a timed activity.
    `start` says when a set may begin: once the person is in the exercise's
    position ("position", a hold) or in view ("visible", reps).
    """

    title: str
    exercise: str | None
    counting: Counting
    target: float
    sets: int = 1
    sides: Sides = "both"
    start: StartWhen = "position"
    say: str = ""  # the instruction spoken and shown when the step begins
    rest_s: float = 20.0  # after the step
    set_rest_s: float = 10.0  # between its sets
    countdown_s: float = 3.0
    intro_s: float = 5.0
    first_side: str = "left"

    def planned_sides(self) -> tuple[str, ...]:
        """The side of each set, in order: "left"/"right", "alternate" or "both"."""
        if self.sides != "each":
            return (self.sides,) * self.sets
        other = SIDE_ORDER[1 - SIDE_ORDER.index(self.first_side)]
        return tuple(side for _ in range(self.sets) for side in (self.first_side, other))

    def estimated_s(self) -> float:
        """About how long the step takes (for `--list`), rests included."""
        sets = len(self.planned_sides())
        per_side = 2 if self.sides == "alternate" else 1
        work = self.target * (SECONDS_PER_REP * per_side if self.counting == "reps" else 1.0)
        return self.intro_s + sets * (self.countdown_s + work) + (sets - 1) * self.set_rest_s


@dataclass(frozen=True)
class Routine:
    name: str
    title: str
    steps: tuple[Step, ...]
    description: str = ""
    source: str = ""  # the file it was read from (for messages and the record)

    def estimated_s(self) -> float:
        steps = self.steps
        return sum(s.estimated_s() for s in steps) + sum(s.rest_s for s in steps[:-1])
