"""A reading taken once a position is steady: the median over the frames that were still.

An assessment (the Thomas test) measures a position the person relaxes into:
the leg settles for a second or two, then stays. A frame counts as steady
when, over the `window_s` before it, every measure stayed within
`max_range`; the reading is the median of each measure over the steady
frames, and `steady_s` how long they lasted. Time comes from the samples.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

MAX_FRAME_GAP_S = 0.25  # a longer gap between samples counts as this long

Sample = tuple[float, dict[str, float]]


@dataclass(frozen=True)
class SteadyReading:
    values: dict[str, float]  # median of each measure over the steady frames
    steady_s: float  # how long the position was steady


def _steady_flags(
    samples: Sequence[Sample], name: str, window_s: float, max_range: float
) -> list[bool]:
    """Per sample: did `name` stay within `max_range` over the `window_s` up to it?

    One pass with monotonic queues of the window's minimum and maximum.
    """
    flags: list[bool] = []
    lows: deque[tuple[float, float]] = deque()  # (time, value), values increasing
    highs: deque[tuple[float, float]] = deque()  # values decreasing
    start = samples[0][0]
    for t, measures in samples:
        value = measures.get(name, math.nan)
        if math.isfinite(value):
            while lows and lows[-1][1] >= value:
                lows.pop()
            lows.append((t, value))
            while highs and highs[-1][1] <= value:
                highs.pop()
            highs.append((t, value))
        for queue in (lows, highs):
            while queue and queue[0][0] < t - window_s:
                queue.popleft()
        full = t - start >= window_s and math.isfinite(value)
        flags.append(full and highs[0][1] - lows[0][1] <= max_range)
    return flags


def steady_reading(
    samples: Sequence[Sample], names: Sequence[str], window_s: float, max_range: float
) -> SteadyReading | None:
    """The reading over the steady frames of `samples`, or None if none was steady.

    The first `window_s` of samples cannot be steady yet: there is no
    window behind them.
    """
    if not samples:
        return None
    per_name = [_steady_flags(samples, n, window_s, max_range) for n in names]
    steady = [all(flags) for flags in zip(*per_name, strict=True)]
    if not any(steady):
        return None
    steady_s = sum(
        min(samples[i][0] - samples[i - 1][0], MAX_FRAME_GAP_S)
        for i in range(1, len(samples))
        if steady[i] and steady[i - 1]
    )
    values = {
        n: statistics.median(m[n] for (_, m), ok in zip(samples, steady, strict=True) if ok)
        for n in names
    }
    return SteadyReading(values, steady_s)
