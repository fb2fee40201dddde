"""Whether the leg landmarks lie on the body: the share of the leg skeleton off the mask.

MediaPipe sometimes loses a leg for seconds (pose-quirks.md): with one leg
up on a table or stepped far back, it draws both legs on the standing one,
or the raised leg drooping through empty space. The segmentation mask it
returns with the same frame still holds the whole person, so a leg drawn
where the mask has no body is a leg the landmarks lost.

How it is computed: hip->knee and knee->ankle of both legs are sampled every
`STEP_L` torso lengths (L, mid-shoulder to mid-hip); the score is the share
of the samples inside the image that lie more than `margin_l` L outside the
mask (mask > 0.5), measured on the mask's distance transform after shrinking
the mask so that L is about 40 px (plenty at that margin, and ~0.6 ms a
frame at 640x360).

Measured on the rendered side-view clips against the true joints (a frame
truly lost when a knee or ankle is over 0.25 L from its true place under
the best left/right pairing): the score was 0.000 on all 16,160 good frames
of the 42 clips without a leg merge (bridge, dead bug, bird-dog, Thomas
test, bed stretch, rest, kneeling, lunge, march, leg swing), and above 0.10
on 85 % of the lost frames of the three clips with one (every frame with a
point over 0.5 L off). What it cannot see: both legs drawn on one physical
leg while both stay inside the mask.

The flip test (core/flip_fusion.py) reads it leg by leg to choose between
its two readings; `formcoach accuracy` counts the frames whose legs are off.
"""

from __future__ import annotations

import cv2
import numpy as np

from formcoach.core.geometry import midpoint
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

STEP_L = 0.05  # sample spacing along the leg segments, torso lengths
WORK_TORSO_PX = 40.0  # the mask is shrunk (never enlarged) to about this torso length
MASK_THRESHOLD = 0.5
# Legs are lost (off the body) when over this share of their skeleton lies more than
# 0.15 L outside the mask: no good frame of the rendered clips came near it (all read
# 0.000), 85 % of the frames with a leg over 0.25 L from its true place did.
LEG_OFF_BODY_SHARE = 0.10
LEG_SEGMENTS = (
    (L.LEFT_HIP, L.LEFT_KNEE),
    (L.LEFT_KNEE, L.LEFT_ANKLE),
    (L.RIGHT_HIP, L.RIGHT_KNEE),
    (L.RIGHT_KNEE, L.RIGHT_ANKLE),
)


class MaskDistances:
    """A mask's distance maps (pixels to the nearest body pixel), per working size.

    Two readings of one frame share its mask: the flip test judges both on
    it, and each size's map is computed once.
    """

    def __init__(self, mask: np.ndarray) -> None:
        self.mask = mask
        self._maps: dict[tuple[int, int] | None, np.ndarray] = {}

    def at(self, size: tuple[int, int] | None) -> np.ndarray:
        """The map of the mask shrunk to `size` (width, height); None: as it is."""
        if size not in self._maps:
            mask = self.mask
            if size is not None:
                mask = cv2.resize(mask, size, interpolation=cv2.INTER_AREA)
            body = mask > MASK_THRESHOLD
            self._maps[size] = cv2.distanceTransform((~body).astype(np.uint8), cv2.DIST_L2, 3)
        return self._maps[size]


def leg_off_mask_share(pose: Pose, margin_l: float = 0.15) -> float | None:
    """Share (0..1) of the leg skeleton more than `margin_l` torso lengths off the mask.

    None without a mask, a readable torso, a person in the mask or a leg
    point inside the image.
    """
    flags = _off_flags(pose, (LEG_SEGMENTS,), margin_l)
    return None if flags is None else _share(flags[0])


def legs_off_mask_shares(
    pose: Pose, margin_l: float = 0.15, distances: MaskDistances | None = None
) -> tuple[float | None, float | None]:
    """The same share for the left and the right leg (as labelled), each on its own.

    `distances`: the maps of `pose.mask`, when another reading shares them.
    """
    flags = _off_flags(pose, (LEG_SEGMENTS[:2], LEG_SEGMENTS[2:]), margin_l, distances)
    return (None, None) if flags is None else (_share(flags[0]), _share(flags[1]))


def legs_lost(pose: Pose, distances: MaskDistances | None = None) -> bool:
    """Whether a leg of `pose` lies off its mask by over LEG_OFF_BODY_SHARE (False without one)."""
    return any(
        share is not None and share > LEG_OFF_BODY_SHARE
        for share in legs_off_mask_shares(pose, distances=distances)
    )


def _share(flags: np.ndarray) -> float | None:
    return float(np.mean(flags)) if len(flags) else None


def _off_flags(
    pose: Pose,
    groups: tuple[tuple[tuple[L, L], ...], ...],
    margin_l: float,
    distances: MaskDistances | None = None,
) -> list[np.ndarray] | None:
    """Per group of segments: for its samples inside the image, off the mask by over `margin_l`."""
    if pose.mask is None:
        return None
    xy = pose.xy * pose.mask_scale
    torso = float(
        np.hypot(
            *(
                midpoint(xy[L.LEFT_SHOULDER], xy[L.RIGHT_SHOULDER])
                - midpoint(xy[L.LEFT_HIP], xy[L.RIGHT_HIP])
            )
        )
    )
    if not torso > 2.0:
        return None
    if not (pose.mask > MASK_THRESHOLD).any():
        return None
    height, width = pose.mask.shape
    scale = min(1.0, WORK_TORSO_PX / torso)
    size = (max(2, round(width * scale)), max(2, round(height * scale))) if scale < 1.0 else None
    distances = distances if distances is not None else MaskDistances(pose.mask)
    off_body_l = distances.at(size) / (torso * scale)
    h, w = off_body_l.shape
    out = []
    for segments in groups:
        points = np.concatenate([_samples(xy[a], xy[b], STEP_L * torso) for a, b in segments])
        inside = (
            np.all(np.isfinite(points), axis=1)
            & (points[:, 0] >= 0)
            & (points[:, 0] <= width - 1)
            & (points[:, 1] >= 0)
            & (points[:, 1] <= height - 1)
        )
        points = points[inside]
        ix = np.clip(np.round(points[:, 0] * scale).astype(int), 0, w - 1)
        iy = np.clip(np.round(points[:, 1] * scale).astype(int), 0, h - 1)
        out.append(off_body_l[iy, ix] > margin_l)
    return out


def _samples(a: np.ndarray, b: np.ndarray, step: float) -> np.ndarray:
    n = max(2, int(np.hypot(*(b - a)) / step) + 1)
    return a + (b - a) * np.linspace(0.0, 1.0, n)[:, None]
