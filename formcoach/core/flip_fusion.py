"""Flip test: one pose from a frame and from its mirror image, fused.

When the mirror image is read (`FlipTest`): by default only on the frames
where the direct reading has lost a leg (`leg_fit.legs_lost`), which is where the
gain is; `every-frame` also averages the rest; `off` never reads it.

Pose networks do not see a person and their mirror image alike, and
averaging the two readings (the "flip test" of keypoint benchmarks) evens
out the part of their errors that differs between them. For MediaPipe the
larger gain is elsewhere: the frames on which it loses a leg (draws it where the
body is not, pose-quirks.md) are seldom the same frames in the mirror.

How the two are fused, per frame:
- the mirrored reading is mapped back (x flipped, left and right labels
  exchanged) before it arrives here;
- its legs, and then its arms, are paired with the direct reading's by
  position, never by label (MediaPipe's side labels swap in side views);
- every landmark is the mean of the two, visibility the lower; but a leg
  (hip to toes) that lies off the body's segmentation mask in one reading
  (core/leg_fit.py: over a tenth of it) is taken from the reading where
  less of it does. A leg is judged on its own: on the frames where
  MediaPipe loses a leg, the mirror image often has that leg right and the
  other one wrong.
The direct reading's mask and world landmarks are kept.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from formcoach.core.continuity import LEFT_LEG, RIGHT_LEG
from formcoach.core.landmarks import Landmark as L
from formcoach.core.leg_fit import LEG_OFF_BODY_SHARE, MaskDistances, legs_off_mask_shares
from formcoach.core.pose import Pose

# Landmark pairs exchanged when a pose is mirrored (left <-> right).
MIRRORED = np.array(
    [
        L[n.replace("LEFT", "RIGHT") if "LEFT" in n else n.replace("RIGHT", "LEFT")]
        for n in L.__members__
    ]
)
LEFT_ARM = [L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST, L.LEFT_PINKY, L.LEFT_INDEX, L.LEFT_THUMB]
RIGHT_ARM = [
    L.RIGHT_SHOULDER,
    L.RIGHT_ELBOW,
    L.RIGHT_WRIST,
    L.RIGHT_PINKY,
    L.RIGHT_INDEX,
    L.RIGHT_THUMB,
]


class FlipTest(StrEnum):
    """When the pose adapter also reads the mirrored frame."""

    # Only where the direct reading has lost a leg: on the rendered clips 646 of
    # 20,808 frames (3 %), and the side-view hip error falls from 5.6 to 4.6 deg
    # (README, Accuracy).
    LOST_LEGS = "lost-legs"
    # Every frame, fused: angles a little closer on most clips (side hip 4.5), twice the
    # pose work; its tracking mirror landmarker misses some legs the default finds.
    EVERY_FRAME = "every-frame"
    OFF = "off"


def unmirror(xy: np.ndarray, width: int) -> np.ndarray:
    """Landmarks found on a mirrored frame, as they lie in the frame itself."""
    out = np.array(xy, dtype=float)[MIRRORED]
    out[:, 0] = width - out[:, 0]
    return out


def _pairing(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row order of `b` that pairs its legs and arms with `a`'s by position."""
    order = np.arange(len(b))
    for left, right in ((LEFT_LEG, RIGHT_LEG), (LEFT_ARM, RIGHT_ARM)):
        both = left + right
        same = np.linalg.norm(b[both] - a[both], axis=1).sum()
        crossed = np.linalg.norm(b[right + left] - a[both], axis=1).sum()
        if crossed < same:
            order[both] = right + left
    return order


def nearest(pose: Pose, readings: list[Pose]) -> Pose | None:
    """The reading whose shoulders and hips lie nearest `pose`'s (None if there is none)."""
    torso = [L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP]
    if not readings:
        return None
    return min(readings, key=lambda r: float(np.linalg.norm(r.xy[torso] - pose.xy[torso])))


def fuse(
    direct: Pose | None, mirrored: Pose | None, distances: MaskDistances | None = None
) -> Pose | None:
    """One pose from the direct and the (already un-mirrored) mirrored reading.

    `distances`: the maps of the direct reading's mask, if already made.
    """
    if direct is None or mirrored is None:
        return direct if direct is not None else mirrored
    order = _pairing(direct.xy, mirrored.xy)
    xy_m, vis_m = mirrored.xy[order], mirrored.visibility[order]
    xy = (direct.xy + xy_m) / 2.0
    visibility = np.minimum(direct.visibility, vis_m)
    if distances is None and direct.mask is not None:
        distances = MaskDistances(direct.mask)
    off_direct = legs_off_mask_shares(direct, distances=distances)
    off_mirrored = legs_off_mask_shares(
        Pose(xy_m, vis_m, None, direct.mask, direct.mask_scale), distances=distances
    )
    for leg, d, m in zip((LEFT_LEG, RIGHT_LEG), off_direct, off_mirrored, strict=True):
        if d is None or m is None or max(d, m) <= LEG_OFF_BODY_SHARE or d == m:
            continue
        source_xy, source_vis = (xy_m, vis_m) if m < d else (direct.xy, direct.visibility)
        xy[leg], visibility[leg] = source_xy[leg], source_vis[leg]
    return Pose(xy, visibility, direct.world, direct.mask, direct.mask_scale)
