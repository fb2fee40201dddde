"""Rep counting from one signal that dips during a rep (e.g. the front knee angle).

A rep starts when the signal falls below `start_below` and is counted when it
rises back above `end_above`; the gap between the two is the hysteresis that
keeps a wobble at the bottom or the top from counting twice. A dip that is
over in less than `min_duration_s` (a step, a stumble, a landmark glitch) is
no rep. The rep keeps its deepest value, so a checker can judge depth once
the rep is over.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from formcoach.coaching.sides import SideVote


@dataclass
class Rep:
    start_s: float
    end_s: float | None = None
    bottom_s: float = 0.0
    depth: float = math.inf
    faults: set[str] = field(default_factory=set)
    votes: SideVote = field(default_factory=SideVote, repr=False)

    @property
    def side(self) -> str | None:
        return self.votes.winner


class RepCounter:
    def __init__(self, start_below: float, end_above: float, min_duration_s: float = 0.4) -> None:
        if end_above <= start_below:
            raise ValueError(
                f"end_above ({end_above}) must be greater than start_below ({start_below})"
            )
        self.start_below = start_below
        self.end_above = end_above
        self.min_duration_s = min_duration_s
        self.current: Rep | None = None
        self.reps: list[Rep] = []

    def update(
        self, time_s: float, signal: float | None, working_leg: str | None, faults: frozenset[str]
    ) -> Rep | None:
        """Feed one frame; returns the rep completed on this frame, if any."""
        if signal is None or math.isnan(signal):
            return None
        if self.current is None:
            if signal < self.start_below:
                self.current = Rep(start_s=time_s, bottom_s=time_s, depth=signal)
            else:
                return None
        rep = self.current
        if signal < rep.depth:
            rep.depth, rep.bottom_s = signal, time_s
        if signal < self.start_below:
            rep.votes.add(working_leg)
            rep.faults |= faults
        if signal > self.end_above:
            self.current = None
            if time_s - rep.start_s < self.min_duration_s:
                return None
            rep.end_s = time_s
            self.reps.append(rep)
            return rep
        return None
