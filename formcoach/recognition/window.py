"""Summary of the recognition features over a short time window.

Exercises show themselves over a second or two, not in one frame: a lunge and
a kneeling stretch share their bottom position, a march and standing still
share their top. So the rules look at each feature's low, middle and high
values (10th, 50th and 90th percentiles) over a window, and at its spread
(90th minus 10th: how much it moved).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from formcoach.recognition.features import FrameFeatures

NAMES = FrameFeatures.names()
# Features whose back-and-forth is counted (a swing reverses; a step into a stance does not),
# with the move that counts as one (L = torso lengths).
REVERSAL_STEP = {"ankle_spread": 0.25, "knee_rise_max": 0.12}


@dataclass(frozen=True)
class WindowStats:
    low: dict[str, float]
    mid: dict[str, float]
    high: dict[str, float]
    readable_share: float  # frames with readable features / frames in the window
    reversals: dict[str, int]  # changes of direction by more than REVERSAL_STEP

    def spread(self, name: str) -> float:
        return self.high[name] - self.low[name]


def window_stats(window: Sequence[FrameFeatures | np.ndarray | None]) -> WindowStats | None:
    """Percentiles of each feature over the readable frames, None if under half are readable.

    Frames may be given as FrameFeatures or as their `as_array()` (cheaper in a
    sliding window).
    """
    rows = [f.as_array() if isinstance(f, FrameFeatures) else f for f in window if f is not None]
    if not window or len(rows) < 0.5 * len(window):
        return None
    x = np.vstack(rows)
    low, mid, high = np.percentile(x, [10.0, 50.0, 90.0], axis=0)
    return WindowStats(
        low=dict(zip(NAMES, map(float, low), strict=True)),
        mid=dict(zip(NAMES, map(float, mid), strict=True)),
        high=dict(zip(NAMES, map(float, high), strict=True)),
        readable_share=len(rows) / len(window),
        reversals={
            name: count_reversals(x[:, NAMES.index(name)], step)
            for name, step in REVERSAL_STEP.items()
        },
    )


def count_reversals(values: np.ndarray, step: float) -> int:
    """How often the series turns back after moving at least `step` (a zig-zag count)."""
    turns, direction = 0, 0
    anchor = float(values[0]) if len(values) else 0.0
    for v in map(float, values):
        if direction >= 0 and v < anchor - step:
            turns += direction > 0
            direction, anchor = -1, v
        elif direction <= 0 and v > anchor + step:
            turns += direction < 0
            direction, anchor = 1, v
        elif (direction > 0 and v > anchor) or (direction < 0 and v < anchor):
            anchor = v
    return turns
