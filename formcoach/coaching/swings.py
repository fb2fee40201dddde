"""Counting swings of a signal that oscillates (a leg swinging forward and back).

Turning points are found with hysteresis: the running extreme becomes a
turning point once the signal has come back from it by `reversal`, so
jitter at either end of a swing never counts twice. A swing is one cycle
that ends at a forward turning point (a peak): it opens where the previous
swing was counted (or where the movement began), runs through the back
turning point and up to the peak. It counts when it spans at least
`min_range` from its back extreme to its peak; a movement that reaches no
new extreme for `max_idle_s` (the person stopped) is dropped.

Swings come out as `Rep`s, so the session counts them per side like any
other rep: `depth` is the back extreme, `high` the peak, `range` the
swing's amplitude, and `bottom_s` the time of the back extreme.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from formcoach.coaching.reps import Rep


class SwingCounter:
    def __init__(
        self,
        reversal: float,
        min_range: float,
        max_idle_s: float = 1.5,
        min_duration_s: float = 0.3,
    ) -> None:
        if reversal <= 0 or min_range < reversal:
            raise ValueError(f"need 0 < reversal ({reversal}) <= min_range ({min_range})")
        self.reversal = reversal
        self.min_range = min_range
        self.max_idle_s = max_idle_s
        self.min_duration_s = min_duration_s
        self.current: Rep | None = None
        self.reps: list[Rep] = []
        self._rising: bool | None = None  # None until the signal has moved `reversal`
        self._extreme = math.nan
        self._extreme_s = 0.0

    def update(
        self,
        time_s: float,
        signal: float | None,
        working_leg: str | None,
        faults: frozenset[str],
        measures: Mapping[str, float] | None = None,
    ) -> Rep | None:
        """Feed one frame; returns the swing completed on this frame, if any."""
        if signal is None or math.isnan(signal):
            return None
        if self.current is None:
            self.current = Rep(start_s=time_s, bottom_s=time_s)
            if self._rising is None:  # a fresh start, not the swing after a peak
                self._extreme_s = time_s
        swing = self.current
        swing.add(time_s, signal, measures)
        swing.votes.add(working_leg)
        swing.faults |= faults
        done = None
        if self._rising is None:
            self._find_direction(time_s, signal, swing)
        elif (signal > self._extreme) if self._rising else (signal < self._extreme):
            self._mark(time_s, signal)
        elif abs(signal - self._extreme) >= self.reversal:
            if self._rising:
                done = self._close_at_peak(time_s, signal)
            else:
                self._rising = True  # that was the back turning point: now toward the peak
                self._mark(time_s, signal)
        if time_s - self._extreme_s > self.max_idle_s:
            self.current, self._rising = None, None  # stalled: the movement stopped, no swing
        return done

    def _mark(self, time_s: float, signal: float) -> None:
        self._extreme, self._extreme_s = signal, time_s

    def _find_direction(self, time_s: float, signal: float, swing: Rep) -> None:
        """At the start, the first move of `reversal` either way sets the direction.

        Until then nothing refreshes the idle clock, so standing still is cut
        into `max_idle_s` pieces that are dropped.
        """
        if signal - swing.depth >= self.reversal:
            self._rising = True
            self._mark(time_s, signal)
        elif swing.high - signal >= self.reversal:
            self._rising = False
            self._mark(time_s, signal)

    def _close_at_peak(self, time_s: float, signal: float) -> Rep | None:
        """The running maximum was a peak: end the swing there; the next frame opens
        the next one, already on its way back."""
        swing = self.current
        assert swing is not None
        swing.high = self._extreme
        swing.end_s = time_s
        self.current, self._rising = None, False
        self._mark(time_s, signal)
        if swing.range < self.min_range or time_s - swing.start_s < self.min_duration_s:
            return None
        self.reps.append(swing)
        return swing
