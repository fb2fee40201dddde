"""Undoing MediaPipe's left/right leg swaps by continuity over time.

MediaPipe now and then gives the left leg's landmarks the right leg's label
for a frame or a few (pose-quirks.md), sometimes the whole leg, often only
the knees. Filtering positions across such a swap would blend the two legs
into one that does not exist, so before smoothing, each frame's legs (and
then its knees alone) are matched to the previous frame's: if the swapped
assignment is much closer, the labels are swapped back.
"""

from __future__ import annotations

import numpy as np

from formcoach.core.geometry import distance, midpoint
from formcoach.core.landmarks import Landmark as L

LEFT_LEG = [L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX]
RIGHT_LEG = [L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX]
_MATCHED = [L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_FOOT_INDEX]
_MATCHED_SWAP = [L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_FOOT_INDEX]
# Swap back only when the swapped labels fit the previous frame this much better:
# with the legs side by side both fits are alike and the labels are left alone.
SWAP_RATIO = 0.5
# Knees closer than this (torso lengths) cannot be told apart by position.
MIN_KNEE_GAP_TORSOS = 0.5
KNEES = [L.LEFT_KNEE, L.RIGHT_KNEE]


def swap_legs(values: np.ndarray) -> np.ndarray:
    """The same per-landmark array with the left and right leg rows exchanged."""
    out = np.array(values, copy=True)
    out[LEFT_LEG], out[RIGHT_LEG] = values[RIGHT_LEG], values[LEFT_LEG]
    return out


def legs_swapped(previous_xy: np.ndarray, xy: np.ndarray) -> bool:
    """True if this frame's leg labels look exchanged relative to the previous frame."""
    both = _MATCHED + _MATCHED_SWAP
    same = np.linalg.norm(xy[both] - previous_xy[both], axis=1).sum()
    crossed = np.linalg.norm(xy[_MATCHED_SWAP + _MATCHED] - previous_xy[both], axis=1).sum()
    return bool(crossed < SWAP_RATIO * same)


def swap_knees(values: np.ndarray) -> np.ndarray:
    """The same per-landmark array with the two knee rows exchanged."""
    out = np.array(values, copy=True)
    out[KNEES] = values[KNEES[::-1]]
    return out


def knees_swapped(previous_xy: np.ndarray, xy: np.ndarray) -> bool:
    """True if only the knee labels look exchanged relative to the previous frame.

    Judged only when the previous knees were well apart: with the knees side
    by side (standing, or passing in a step) either labelling fits.
    """
    torso = distance(
        midpoint(previous_xy[L.LEFT_SHOULDER], previous_xy[L.RIGHT_SHOULDER]),
        midpoint(previous_xy[L.LEFT_HIP], previous_xy[L.RIGHT_HIP]),
    )
    if distance(previous_xy[L.LEFT_KNEE], previous_xy[L.RIGHT_KNEE]) < MIN_KNEE_GAP_TORSOS * torso:
        return False
    same = np.linalg.norm(xy[KNEES] - previous_xy[KNEES], axis=1).sum()
    crossed = np.linalg.norm(xy[KNEES[::-1]] - previous_xy[KNEES], axis=1).sum()
    return bool(crossed < SWAP_RATIO * same)
