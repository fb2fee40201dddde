"""Keeping to one person when several are detected.

The main person is the largest one when the session starts (or after they
have been gone a while); after that, whoever is nearest to where the main
person was, so somebody walking through the back of the room is ignored.
"""

from __future__ import annotations

import math

import numpy as np

from formcoach.core.geometry import distance, midpoint
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

# A candidate further than this many torso lengths from the main person's last
# position is somebody else.
MAX_JUMP_TORSOS = 1.5
FORGET_AFTER_S = 1.0


def _centre_and_size(pose: Pose) -> tuple[np.ndarray, float]:
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP])
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER])
    return midpoint(hips, shoulders), max(distance(hips, shoulders), 1.0)


def _area(pose: Pose) -> float:
    span = pose.xy.max(axis=0) - pose.xy.min(axis=0)
    return float(span[0] * span[1])


class MainPersonTracker:
    def __init__(self) -> None:
        self._centre: np.ndarray | None = None
        self._size = 0.0
        self._seen_s = -math.inf

    def pick(self, poses: list[Pose], time_s: float) -> Pose | None:
        if not poses:
            return None
        if self._centre is None or time_s - self._seen_s > FORGET_AFTER_S:
            chosen = max(poses, key=_area)
        else:
            centre = self._centre
            chosen = min(poses, key=lambda p: distance(_centre_and_size(p)[0], centre))
            if distance(_centre_and_size(chosen)[0], centre) > MAX_JUMP_TORSOS * self._size:
                return None
        self._centre, self._size = _centre_and_size(chosen)
        self._seen_s = time_s
        return chosen
