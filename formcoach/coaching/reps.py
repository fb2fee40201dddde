"""Rep counting from one signal that dips during a rep (e.g. the front knee angle).

A rep starts when the signal falls below `start_below` and is counted when it
rises back above `end_above`; the gap between the two is the hysteresis that
keeps a wobble at the bottom or the top from counting twice. A dip that is
over in less than `min_duration_s` (a step, a stumble, a landmark glitch) is
no rep, and neither is one whose signal went missing for more than
`max_gap_s` (the person left the frame or turned away for long: what
happened then is unknown, and the next dip must not be merged into it; a
knee drive that turns the body oblique for ~0.7 s at its top still counts). The rep keeps its
deepest value, its signal over time and the span of every measure it was
fed, so a checker can judge it once it is over (depth, how long it stayed at
the bottom, how much the trunk moved).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from formcoach.coaching.sides import SideVote


@dataclass
class Rep:
    start_s: float
    end_s: float | None = None
    bottom_s: float = 0.0
    depth: float = math.inf  # the signal's lowest value
    high: float = -math.inf  # ...and its highest, while the rep was open
    faults: set[str] = field(default_factory=set)
    votes: SideVote = field(default_factory=SideVote, repr=False)
    samples: list[tuple[float, float]] = field(default_factory=list, repr=False)
    spans: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False)

    @property
    def side(self) -> str | None:
        return self.votes.winner

    @property
    def range(self) -> float:
        """How far the signal travelled: highest minus lowest value (0 before any)."""
        return self.high - self.depth if self.samples else 0.0

    def add(self, time_s: float, signal: float, measures: Mapping[str, float] | None) -> None:
        """Take one frame's signal and measures into the rep's record."""
        self.samples.append((time_s, signal))
        if signal < self.depth:
            self.depth, self.bottom_s = signal, time_s
        self.high = max(self.high, signal)
        for name, value in (measures or {}).items():
            if not math.isfinite(value):
                continue
            lo, hi = self.spans.get(name, (value, value))
            self.spans[name] = (min(lo, value), max(hi, value))

    def span_of(self, measure: str) -> float:
        """How far a measure moved during the rep (max - min); NaN if never measured."""
        lo, hi = self.spans.get(measure, (math.nan, math.nan))
        return hi - lo

    def time_near_bottom_s(self, within: float) -> float:
        """The longest unbroken time the signal stayed within `within` of its lowest value.

        This is the pause at the extreme of a rep (the knee held up in a march).
        """
        best, run_start = 0.0, None
        limit = self.depth + within
        for time_s, signal in self.samples:
            if signal <= limit:
                run_start = time_s if run_start is None else run_start
                best = max(best, time_s - run_start)
            else:
                run_start = None
        return best


class RepTracker(Protocol):
    """What the session needs of a rep counter: feed frames, read reps."""

    current: Rep | None
    reps: list[Rep]

    def update(
        self,
        time_s: float,
        signal: float | None,
        working_leg: str | None,
        faults: frozenset[str],
        measures: Mapping[str, float] | None = None,
    ) -> Rep | None: ...


class RepCounter:
    def __init__(
        self,
        start_below: float,
        end_above: float,
        min_duration_s: float = 0.4,
        max_gap_s: float = 1.0,
    ) -> None:
        if end_above <= start_below:
            raise ValueError(
                f"end_above ({end_above}) must be greater than start_below ({start_below})"
            )
        self.start_below = start_below
        self.end_above = end_above
        self.min_duration_s = min_duration_s
        self.max_gap_s = max_gap_s
        self._last_signal_s: float | None = None
        self.current: Rep | None = None
        self.reps: list[Rep] = []

    def update(
        self,
        time_s: float,
        signal: float | None,
        working_leg: str | None,
        faults: frozenset[str],
        measures: Mapping[str, float] | None = None,
    ) -> Rep | None:
        """Feed one frame; returns the rep completed on this frame, if any."""
        if signal is None or math.isnan(signal):
            return None
        last, self._last_signal_s = self._last_signal_s, time_s
        if last is not None and time_s - last > self.max_gap_s:
            self.current = None
        if self.current is None:
            if signal < self.start_below:
                self.current = Rep(start_s=time_s, bottom_s=time_s)
            else:
                return None
        rep = self.current
        rep.add(time_s, signal, measures)
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
