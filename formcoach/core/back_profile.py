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
2. The buttock point is the highest local peak of the profile between 0.15 L
   below and 0.25 L above the hips (the plain maximum often lands on the back
   thigh); where there is no such peak (the back thigh's outline runs on into
   the buttock's, as when the pelvis tips forward over an extended back hip)
   the profile at hip level stands in. The upper-back point is the most
   posterior point above 0.45 L. (MediaPipe's hip sits near the top of the
   thigh bone, level with the buttock's most posterior point: on rendered
   kneeling bodies the peak was found 0.08 L below to 0.04 L above it. Lower
   down, a peak is a bump on a back thigh slanting behind, as in the standing
   stretch, where it made the reading jump between 0.21 and 0.33 L frame to
   frame.)
3. Arch depth is the deepest hollow of the profile below the straight line
   from the buttock point to the upper-back point. Positive means the lower
   back curves in; it grows with anterior pelvic tilt and lumbar extension
   (a first study found 0.0018-0.0030 L per degree of tilt).

Gates (a reason instead of a number), in the order they are tried:
- the mask merges with something else (furniture, another person): over a
  quarter of it lies more than 0.5 L outside the landmarks' bounding box;
- the outline is not clear: under 70 % of the profile found, or no outline
  at hip level;
- a hand or elbow near or behind the back: the gap between arm and back
  looks like a hollow (hands on the hips);
- a foot against the buttock (a deep lunge or couch stretch pulling the back
  heel up behind): the buttock's outline is the foot's;
- the mask runs on behind the back (a sofa or a person touching it): over
  10 % of the rays from the buttock up find no edge within 0.6 L, where no
  back reaches (0.20-0.36 L on rendered and real clips);
- a loose top standing off the back: its hem makes a step in the outline
  between the buttock range and the upper back (rays 0.02 L apart differing by
  more than 0.12 L, about 6 cm; tight clothing on rendered and real clips
  reached 0.065 L, 0.089 L where a ponytail lay on a bare back). Not tried
  on real loose clothing; a loose top that drapes onto the buttock without a
  step is not recognised.
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
BUTTOCK_RANGE_L = (-0.15, 0.25)
UPPER_BACK_FROM_L = 0.45
HAND_CLEARANCE_L = 0.12  # a wrist or elbow closer than this to the back outline gates it
FOOT_CLEARANCE_L = 0.12  # an ankle, heel or toe this close to the back outline gates it
MIN_VALID_SHARE = 0.7  # share of the profile that must be found
MASK_THRESHOLD = 0.5
# A body's outline lies within ~0.35 L of its landmarks (the buttock behind
# the hip, the top of the head above the ears). Of the mask, 0-17 % lay over
# 0.5 L outside their box on rendered and real clips (17 % where MediaPipe
# put both feet under the body); furniture or a second person add far more.
MERGE_MARGIN_L = 0.5
MAX_OUTSIDE_SHARE = 0.25
LOOSE_STEP_L = 0.12
LOOSE_STEP_RAYS = 2  # compared across two ray spacings: a soft hem edge splits a step in two
MAX_BACK_DEPTH_L = 0.6
MAX_RUN_ON_SHARE = 0.1

NOT_CLEAR = "back outline not clear"
NO_BUTTOCK = "back thigh meets the buttock"
HANDS_ON_BACK = "hands near the back: put them on the front knee"
FOOT_AT_BUTTOCK = "foot against the buttock: the back outline cannot be read"
LOOSE_TOP = "loose top hides the back: tuck it in or wear a fitted top"
MERGED = "the body's outline merges with something (furniture or another person)"


@dataclass(frozen=True)
class BackProfile:
    along_l: np.ndarray  # positions on the torso axis, + toward the shoulders
    depth_l: np.ndarray  # distance to the back edge of the mask (NaN where not found)
    torso_px: float
    ran_on: np.ndarray  # the ray stayed inside the mask to its end (RAY_LENGTH_L)


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
    return BackProfile(
        along_l=along,
        depth_l=depth,
        torso_px=length / pose.mask_scale,
        ran_on=inside.all(axis=1),
    )


def _local_peaks(values: np.ndarray, radius: int = 3) -> np.ndarray:
    """Indices of interior local maxima (the profile's two ends are never peaks)."""
    padded = np.pad(values, radius, constant_values=np.inf)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * radius + 1)
    return np.flatnonzero((values >= windows.max(axis=1)) & np.isfinite(values))


def _clearances(
    pose: Pose, profile: BackProfile, facing: int, joints: tuple[L, ...]
) -> list[float]:
    """Per joint level with the profile: how far its back edge lies beyond the joint (L).

    Positive: the joint is inside the outline's edge (between it and the
    torso axis, or in front); negative: behind the back. Joints above the
    shoulders or below the profile's lowest ray are left out.
    """
    hips, up, back, length = _axis(pose, 1.0, facing)
    out_l = []
    for joint in joints:
        rel = pose.xy[joint] - hips
        along, out = float(rel @ up) / length, float(rel @ back) / length
        if not (-BELOW_HIPS_L <= along <= 1.0):
            continue
        i = int(round((along + BELOW_HIPS_L) / STEP_L))
        edge = profile.depth_l[min(i, len(profile.depth_l) - 1)]
        if np.isfinite(edge):
            out_l.append(float(edge - out))
    return out_l


def hands_near_back(pose: Pose, profile: BackProfile, facing: int) -> bool:
    """True if a wrist or elbow is within HAND_CLEARANCE_L of the back outline, or behind it."""
    joints = (L.LEFT_WRIST, L.RIGHT_WRIST, L.LEFT_ELBOW, L.RIGHT_ELBOW)
    return any(c < HAND_CLEARANCE_L for c in _clearances(pose, profile, facing, joints))


def foot_at_buttock(pose: Pose, profile: BackProfile, facing: int) -> bool:
    """True if an ankle, heel or toe lies within FOOT_CLEARANCE_L of the back outline.

    Only near it: a foot well behind the back (on a bench or up a wall)
    leaves the outline alone, as the rays stop at the body's first edge.
    """
    joints = (
        L.LEFT_ANKLE,
        L.RIGHT_ANKLE,
        L.LEFT_HEEL,
        L.RIGHT_HEEL,
        L.LEFT_FOOT_INDEX,
        L.RIGHT_FOOT_INDEX,
    )
    return any(abs(c) < FOOT_CLEARANCE_L for c in _clearances(pose, profile, facing, joints))


def mask_share_outside(pose: Pose, margin_l: float = MERGE_MARGIN_L) -> float:
    """The share of the mask lying more than `margin_l` torso lengths outside the landmarks' box.

    Counted on every second pixel: a share needs no more, and it halves the cost.
    """
    mask = pose.mask
    if mask is None:
        return 0.0
    s = pose.mask_scale
    hips = midpoint(pose.xy[L.LEFT_HIP], pose.xy[L.RIGHT_HIP])
    shoulders = midpoint(pose.xy[L.LEFT_SHOULDER], pose.xy[L.RIGHT_SHOULDER])
    margin = margin_l * float(np.hypot(*(shoulders - hips)))
    (x0, y0), (x1, y1) = (pose.xy.min(axis=0) - margin) * s, (pose.xy.max(axis=0) + margin) * s
    sub = mask[::2, ::2] >= MASK_THRESHOLD
    total = int(np.count_nonzero(sub))
    if total == 0:
        return 0.0
    h, w = mask.shape
    r0, r1 = max(int(np.ceil(y0 / 2)), 0), min(int(np.floor(y1 / 2)) + 1, (h + 1) // 2)
    c0, c1 = max(int(np.ceil(x0 / 2)), 0), min(int(np.floor(x1 / 2)) + 1, (w + 1) // 2)
    inside = int(np.count_nonzero(sub[r0:r1, c0:c1])) if r1 > r0 and c1 > c0 else 0
    return 1.0 - inside / total


def runs_on_share(profile: BackProfile) -> float:
    """The share of rays from the buttock range up whose edge lies beyond MAX_BACK_DEPTH_L."""
    rows = profile.along_l >= BUTTOCK_RANGE_L[0]
    deep = profile.ran_on[rows] | (np.nan_to_num(profile.depth_l[rows]) > MAX_BACK_DEPTH_L)
    return float(deep.mean()) if rows.any() else 0.0


def largest_step_l(depth: np.ndarray, rays: int = LOOSE_STEP_RAYS) -> float:
    """The largest difference between rays `rays` apart in a profile (L); 0 if none found."""
    steps = np.abs(depth[rays:] - depth[:-rays])
    steps = steps[np.isfinite(steps)]
    return float(steps.max()) if len(steps) else 0.0


def read_arch(pose: Pose, facing: int) -> ArchReading:
    """The arch depth of one side-view pose, or the reason it cannot be read."""
    profile = back_profile(pose, facing)
    if profile is None:
        return ArchReading(None, NOT_CLEAR)
    if mask_share_outside(pose) > MAX_OUTSIDE_SHARE:
        return ArchReading(None, MERGED)
    along, depth = profile.along_l, profile.depth_l
    if np.isfinite(depth).mean() < MIN_VALID_SHARE:
        return ArchReading(None, MERGED if runs_on_share(profile) > MAX_RUN_ON_SHARE else NOT_CLEAR)
    if hands_near_back(pose, profile, facing):
        return ArchReading(None, HANDS_ON_BACK)
    if foot_at_buttock(pose, profile, facing):
        return ArchReading(None, FOOT_AT_BUTTOCK)
    if runs_on_share(profile) > MAX_RUN_ON_SHARE:
        return ArchReading(None, MERGED)
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
    # From the lowest the buttock may sit: a loose top's flat hem can pass for the buttock.
    if largest_step_l(depth[(along >= BUTTOCK_RANGE_L[0]) & (along <= along[u])]) > LOOSE_STEP_L:
        return ArchReading(None, LOOSE_TOP)
    line = depth[b] + (depth[u] - depth[b]) * (along[span] - along[b]) / (along[u] - along[b])
    hollow = np.nanmax(line - depth[span])
    return ArchReading(float(max(hollow, 0.0)), None, float(along[b]), float(along[u]))
