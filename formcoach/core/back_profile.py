"""The lower back's outline, read from the person's segmentation mask (side views).

MediaPipe has no pelvis or spine landmarks, and a pelvis tipping forward
hardly moves its hip point; the outline of the back does change: the lower
back curves in. This module measures that curve.

How it is computed (all lengths in torso lengths L, the distance from the
mid-hip to the mid-shoulder landmark):
1. From points on the torso axis (mid-hip -> mid-shoulder), every 0.01 L from
   0.35 L below the hips up to shoulder height, cast rays perpendicular to
   the axis toward the back (away from where the person faces) and find where
   the mask drops below 0.5, to a fraction of a pixel. That distance, per
   position along the axis, is the back profile.
2. The buttock point is the highest local peak of the profile between 0.35 L
   below and 0.25 L above the hips (the plain maximum often lands on the back
   thigh); where there is no such peak (the back thigh's outline runs on into
   the buttock's, as when the pelvis tips forward over an extended back hip)
   the profile at hip level stands in. The upper-back point is the most
   posterior point above 0.45 L.
3. Arch depth is the deepest hollow of the profile below the straight line
   from the buttock point to the upper-back point. Positive means the lower
   back curves in; it grows with anterior pelvic tilt and lumbar extension
   (a first study found 0.0018-0.0030 L per degree of tilt).

Gates (a reason instead of a number): the outline is not clear (too little
of it found, or no outline at hip level); a hand or elbow near or behind the
back, which makes a gap that looks like a hollow.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from formcoach.core.geometry import midpoint
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

STEP_L = 0.01
BELOW_HIPS_L = 0.35
RAY_LENGTH_L = 0.8
BUTTOCK_RANGE_L = (-0.35, 0.25)
UPPER_BACK_FROM_L = 0.45
HAND_CLEARANCE_L = 0.12  # a wrist or elbow closer than this to the back outline gates it
MIN_VALID_SHARE = 0.7  # share of the profile that must be found
MASK_THRESHOLD = 0.5

NOT_CLEAR = "back outline not clear"
NO_BUTTOCK = "back thigh meets the buttock"
HANDS_ON_BACK = "hands near the back: put them on the front knee"


@dataclass(frozen=True)
class BackProfile:
    along_l: np.ndarray  # positions on the torso axis, + toward the shoulders
    depth_l: np.ndarray  # distance to the back edge of the mask (NaN where not found)
    torso_px: float


@dataclass(frozen=True)
class ArchReading:
    depth_l: float | None  # the arch depth, or None when gated
    reason: str | None = None  # why it is gated
    buttock_l: float | None = None
    upper_back_l: float | None = None


def _axis(
    pose: Pose, scale: float, facing: int, back_up: bool | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Mid-hip, the unit axis toward the shoulders, the unit normal toward the back, length.

    The back is away from where the person faces; on the floor, where the
    trunk lies across the picture, `back_up` says it instead (True on hands
    and knees, False lying on the back).
    """
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP]) * scale
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER]) * scale
    length = float(np.hypot(*(shoulders - hips)))
    up = (shoulders - hips) / max(length, 1e-9)
    back = np.array([up[1], -up[0]])  # one of the two perpendiculars
    if back_up is not None:
        if (back[1] < 0) != back_up:  # image y grows downward
            back = -back
    elif back[0] * facing > 0:  # it must point away from where the person faces
        back = -back
    return hips, up, back, length


def back_profile(pose: Pose, facing: int, back_up: bool | None = None) -> BackProfile | None:
    """The back profile of `pose` from its mask, or None if there is no mask.

    `back_up` (on the floor) says which way the back faces; see `_axis`.
    """
    mask = pose.mask
    if mask is None:
        return None
    hips, up, back, length = _axis(pose, pose.mask_scale, facing, back_up)
    if length < 8.0:  # a torso a few pixels long has no readable outline
        return None
    along = np.arange(-BELOW_HIPS_L, 1.0 + 1e-9, STEP_L)
    px_step = 0.5
    t = np.arange(0.0, RAY_LENGTH_L * length, px_step)
    points = (
        hips[None, None, :]
        + along[:, None, None] * length * up[None, None, :]
        + t[None, :, None] * back[None, None, :]
    )
    map_x = points[..., 0].astype(np.float32)
    map_y = points[..., 1].astype(np.float32)
    values = cv2.remap(
        mask.astype(np.float32),
        map_x,
        map_y,
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=0.0,
    )
    inside = values >= MASK_THRESHOLD
    first_out = np.argmax(~inside, axis=1)
    found = inside[:, 0] & (~inside).any(axis=1)
    k = np.clip(first_out, 1, len(t) - 1)
    rows = np.arange(len(along))
    v0, v1 = values[rows, k - 1], values[rows, k]
    frac = np.clip((v0 - MASK_THRESHOLD) / np.maximum(v0 - v1, 1e-6), 0.0, 1.0)
    depth_px = t[k - 1] + frac * px_step
    depth = np.where(found, depth_px / length, np.nan)
    return BackProfile(along_l=along, depth_l=depth, torso_px=length / pose.mask_scale)


def _local_peaks(values: np.ndarray, radius: int = 3) -> np.ndarray:
    """Indices of interior local maxima (the profile's two ends are never peaks)."""
    padded = np.pad(values, radius, constant_values=np.inf)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * radius + 1)
    return np.flatnonzero((values >= windows.max(axis=1)) & np.isfinite(values))


def hands_near_back(pose: Pose, profile: BackProfile, facing: int) -> bool:
    """True if a wrist or elbow is within HAND_CLEARANCE_L of the back outline, or behind it."""
    hips, up, back, length = _axis(pose, 1.0, facing)
    for joint in (L.LEFT_WRIST, L.RIGHT_WRIST, L.LEFT_ELBOW, L.RIGHT_ELBOW):
        rel = pose.xy[joint] - hips
        along, out = float(rel @ up) / length, float(rel @ back) / length
        if not (-BELOW_HIPS_L <= along <= 1.0):
            continue
        i = int(round((along + BELOW_HIPS_L) / STEP_L))
        edge = profile.depth_l[min(i, len(profile.depth_l) - 1)]
        if np.isfinite(edge) and out > edge - HAND_CLEARANCE_L:
            return True
    return False


def read_arch(pose: Pose, facing: int) -> ArchReading:
    """The arch depth of one side-view pose, or the reason it cannot be read."""
    profile = back_profile(pose, facing)
    if profile is None:
        return ArchReading(None, NOT_CLEAR)
    along, depth = profile.along_l, profile.depth_l
    if np.isfinite(depth).mean() < MIN_VALID_SHARE:
        return ArchReading(None, NOT_CLEAR)
    if hands_near_back(pose, profile, facing):
        return ArchReading(None, HANDS_ON_BACK)
    low = (along >= BUTTOCK_RANGE_L[0]) & (along <= BUTTOCK_RANGE_L[1])
    peaks = [i for i in _local_peaks(depth) if low[i]]
    if peaks:
        b = max(peaks, key=lambda i: depth[i])
    else:
        # No buttock peak: the back thigh continues the buttock's outline (an
        # extended back hip, or a pelvis tipped forward). Anchor at hip level.
        b = int(np.argmin(np.abs(along)))
        if not np.isfinite(depth[b]):
            return ArchReading(None, NO_BUTTOCK)
    upper_idx = np.flatnonzero((along >= UPPER_BACK_FROM_L) & np.isfinite(depth))
    if len(upper_idx) == 0:
        return ArchReading(None, NOT_CLEAR)
    u = int(upper_idx[np.argmax(depth[upper_idx])])
    if u <= b + 2:
        return ArchReading(None, NOT_CLEAR)
    span = np.arange(b, u + 1)
    line = depth[b] + (depth[u] - depth[b]) * (along[span] - along[b]) / (along[u] - along[b])
    hollow = np.nanmax(line - depth[span])
    return ArchReading(float(max(hollow, 0.0)), None, float(along[b]), float(along[u]))
