"""Undoing MediaPipe's left/right leg swaps by continuity over time.

MediaPipe now and then gives the left leg's landmarks the right leg's label
for a frame or a few (pose-quirks.md), sometimes the whole leg, often only
the knees. Filtering positions across such a swap would blend the two legs
into one that does not exist, so before smoothing, each frame's legs (and
then its knees alone) are matched to the previous frame's: if the swapped
assignment is much closer, the labels are swapped back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np

from formcoach.core.geometry import distance, midpoint
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

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


def relabelled(pose: Pose, swap: Callable[[np.ndarray], np.ndarray]) -> Pose:
    """The pose with `swap` applied to its image, visibility and world landmarks."""
    world = None if pose.world is None else swap(pose.world)
    return dataclasses.replace(
        pose, xy=swap(pose.xy), visibility=swap(pose.visibility), world=world
    )


class LegLabels:
    """Frame-to-frame leg labels: a brief swap is undone, a lasting one is believed.

    MediaPipe's swaps last a few frames; when its labels disagree with the
    continuity chain for longer than `max_override_s`, the disagreement is
    taken as the chain's own error (it locked in while the legs crossed, as
    when someone turns round to change sides) and MediaPipe's labels are taken
    again. Measured on the rendered clips, MediaPipe's own labels are right in
    95-100 % of the frames where the legs are apart, except where it merges
    the legs (pose-quirks.md).
    """

    def __init__(self, max_override_s: float = 1.0) -> None:
        self.max_override_s = max_override_s
        self._previous: Pose | None = None
        self._overriding_since: float | None = None

    @property
    def previous(self) -> Pose | None:
        """The last pose handed out (labels made consistent), None after a gap."""
        return self._previous

    def reset(self) -> None:
        self._previous, self._overriding_since = None, None

    def fix(self, raw: Pose, time_s: float) -> tuple[Pose, bool]:
        """The pose with consistent leg labels, and whether a swap was undone this frame."""
        pose, fixed = raw, False
        if self._previous is not None:
            for swapped, swap in ((legs_swapped, swap_legs), (knees_swapped, swap_knees)):
                if swapped(self._previous.xy, pose.xy):
                    pose, fixed = relabelled(pose, swap), True
                    break
        if self._labels_differ(pose, raw):
            if self._overriding_since is None:
                self._overriding_since = time_s
            elif time_s - self._overriding_since > self.max_override_s:
                pose, fixed = raw, False
                self._overriding_since = None
        else:
            self._overriding_since = None
        self._previous = pose
        return pose, fixed

    @staticmethod
    def _labels_differ(pose: Pose, raw: Pose) -> bool:
        return pose is not raw and not np.array_equal(pose.xy, raw.xy)
