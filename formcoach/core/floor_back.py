"""The lumbar hollow of a person on the floor, read from the back's outline in the mask.

On hands and knees a sagging back drops the lower back below the line from
the sacrum to the upper back; lying on the back an arching one lifts it off
the floor, above that line. Both show in the outline of the back (the
segmentation mask), not in the 33 landmarks (pose-quirks.md).

How it is computed, in torso lengths L (core/back_profile.py casts the
rays): the back profile, with the back facing up (on all fours) or down
(lying); the anchor low on the back is the profile at `SACRUM_L` above the
hip landmarks, not the buttock: a leg reaching back (bird-dog) or lifted
(dead bug) reshapes the buttock's outline, while the sacrum stays with the
pelvis. The upper anchor is the most prominent point of the upper back
(from `UPPER_BACK_FROM_L`). The hollow is the deepest point of the profile
below the straight line between the two.

Measured on rendered bodies on all fours: a pelvis tipped 22 deg forward with
the lower back sagging (+26 deg of lumbar extension) raised the hollow by
0.03-0.05 L over the same body's neutral; a leg lifted 25 deg above the hip
by 0.00-0.01 L (the buttock-anchored arch depth rose 0.03 there). Neutral
hollows differ between bodies (0.05-0.10 L), so the check is judged against
the person's own start.
"""

from __future__ import annotations

import numpy as np

from formcoach.core.back_profile import MIN_VALID_SHARE, NOT_CLEAR, back_profile
from formcoach.core.pose import Pose

SACRUM_L = 0.15
UPPER_BACK_FROM_L = 0.45
NO_MASK = "no segmentation mask"


def floor_back_hollow_l(
    pose: Pose,
    facing: int,
    *,
    back_up: bool,
    band_l: tuple[float, float] | None = None,
) -> tuple[float | None, str | None]:
    """The lumbar hollow in torso lengths, or (None, why it cannot be read).

    The deepest point below the line by default; with `band_l`, the mean
    depth over that stretch of the back (steadier frame to frame, for small
    changes).
    """
    profile = back_profile(pose, facing, back_up=back_up)
    if profile is None:
        return None, NO_MASK
    along, depth = profile.along_l, profile.depth_l
    if np.isfinite(depth).mean() < MIN_VALID_SHARE:
        return None, NOT_CLEAR
    low = int(np.argmin(np.abs(along - SACRUM_L)))
    upper = np.flatnonzero((along >= UPPER_BACK_FROM_L) & np.isfinite(depth))
    if not np.isfinite(depth[low]) or len(upper) == 0:
        return None, NOT_CLEAR
    top = int(upper[np.argmax(depth[upper])])
    span = np.arange(low, top + 1)
    line = depth[low] + (depth[top] - depth[low]) * (along[span] - along[low]) / (
        along[top] - along[low]
    )
    gap = line - depth[span]
    if band_l is not None:
        inside = (along[span] >= band_l[0]) & (along[span] <= band_l[1])
        return float(np.nanmean(gap[inside])), None
    return float(max(np.nanmax(gap), 0.0)), None
