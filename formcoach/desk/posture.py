"""Sitting, standing or away, read from one pose (pure).

The one measure that tells sitting from standing from any side: how far the
knees are below the hips, in torso lengths. Standing, the thigh hangs from
the hip (about 0.9 torso lengths down); sitting, it runs forward, level
(side view) or toward the camera (front view, foreshortened), so the knee is
barely below the hip. A view of only the upper body (a laptop camera at a
desk) shows someone sitting while their head is in view; the head leaving the
top of the picture while the torso stays is someone standing up at the desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from formcoach.core.landmarks import Landmark
from formcoach.core.pose import Pose

Posture = Literal["sitting", "standing", "away", "unclear"]
SHOULDERS = (Landmark.LEFT_SHOULDER, Landmark.RIGHT_SHOULDER)
HIPS = (Landmark.LEFT_HIP, Landmark.RIGHT_HIP)
KNEES = (Landmark.LEFT_KNEE, Landmark.RIGHT_KNEE)
HEAD = (Landmark.NOSE, Landmark.LEFT_EAR, Landmark.RIGHT_EAR)


@dataclass(frozen=True)
class PostureThresholds:
    """Where sitting ends and standing begins.

    Notes: a standing thigh hangs ~0.9 torso lengths (thigh 180 px to a torso
    of 200 px); a level thigh ~0; a thigh toward the camera, foreshortened, a
    few tenths. In between is getting up or down: unclear, so a timer keeps
    its state through it.
    """

    sitting_below: float = 0.45  # knees less than this far below the hips: sitting
    standing_above: float = 0.65  # more than this: standing
    upright_max_deg: float = 50.0  # a trunk leaning further (lying, bending) is unclear
    visible: float = 0.5


@dataclass(frozen=True)
class PostureReading:
    posture: Posture
    reason: str
    knee_drop: float | None = None  # knees below the hips, torso lengths


def _mean_visible(pose: Pose, points: tuple[Landmark, ...], threshold: float) -> np.ndarray | None:
    seen = [pose.xy[p] for p in points if pose.visibility[p] >= threshold]
    return np.mean(seen, axis=0) if seen else None


def classify_posture(
    pose: Pose | None, thresholds: PostureThresholds = PostureThresholds()
) -> PostureReading:
    """Sitting, standing, away (nobody) or unclear, with the reason in words."""
    if pose is None:
        return PostureReading("away", "nobody in view")
    v = thresholds.visible
    shoulder = _mean_visible(pose, SHOULDERS, v)
    hip = _mean_visible(pose, HIPS, v)
    knee = _mean_visible(pose, KNEES, v)
    head_seen = _mean_visible(pose, HEAD, v) is not None
    if shoulder is None:
        return PostureReading("unclear", "shoulders not in view")
    if hip is None or knee is None:
        if head_seen:
            return PostureReading("sitting", "upper body in view: at the desk")
        return PostureReading("standing", "head above the picture: up at the desk")
    trunk = shoulder - hip
    torso = float(np.hypot(*trunk))
    if torso < 1e-6:
        return PostureReading("unclear", "landmarks overlap")
    lean = float(np.degrees(np.arctan2(abs(trunk[0]), -trunk[1])))
    if lean > thresholds.upright_max_deg:
        return PostureReading("unclear", f"trunk {lean:.0f} deg from upright")
    drop = float(knee[1] - hip[1]) / torso
    if drop < thresholds.sitting_below:
        return PostureReading("sitting", "knees level with the hips", drop)
    if drop > thresholds.standing_above:
        return PostureReading("standing", "knees below the hips", drop)
    return PostureReading("unclear", "between sitting and standing", drop)
