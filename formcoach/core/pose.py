"""Our own frozen pose types: what the pose adapter hands to the rest of formcoach.

Image landmarks are in pixels (x right, y down) of the analysed frame, so that
angles measured on them are not distorted by the frame's aspect ratio. World
landmarks are MediaPipe's metric 3D estimate, origin between the hips.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from formcoach.core.landmarks import NUM_LANDMARKS, Landmark


def _frozen(array: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    out = np.array(array, dtype=np.float64)
    if out.shape != shape:
        raise ValueError(f"expected an array of shape {shape}, got {out.shape}")
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class Pose:
    """One person's landmarks in one frame.

    `xy` is (33, 2) pixels, `visibility` (33,) in 0..1, `world` (33, 3) metres
    or None. `mask` is the person's segmentation mask (H, W) float in 0..1 when
    it was asked for, `mask_scale` times the image's size.
    """

    xy: np.ndarray
    visibility: np.ndarray
    world: np.ndarray | None = None
    mask: np.ndarray | None = field(default=None, repr=False)
    mask_scale: float = 1.0  # mask pixels per image pixel (the mask may be smaller)

    def __post_init__(self) -> None:
        object.__setattr__(self, "xy", _frozen(self.xy, (NUM_LANDMARKS, 2)))
        object.__setattr__(self, "visibility", _frozen(self.visibility, (NUM_LANDMARKS,)))
        if self.world is not None:
            object.__setattr__(self, "world", _frozen(self.world, (NUM_LANDMARKS, 3)))

    def point(self, landmark: Landmark) -> np.ndarray:
        return self.xy[landmark]

    def visible(self, *landmarks: Landmark, threshold: float = 0.5) -> bool:
        return bool(all(self.visibility[lm] >= threshold for lm in landmarks))

    def with_xy(self, xy: np.ndarray) -> Pose:
        """The same pose with new image coordinates (e.g. smoothed)."""
        return Pose(xy, self.visibility, self.world, self.mask, self.mask_scale)


@dataclass(frozen=True)
class PoseFrame:
    """A frame's pose result: `pose` is None when nobody was found."""

    index: int
    time_s: float
    width: int
    height: int
    pose: Pose | None


@dataclass(frozen=True)
class PoseTrack:
    """A sequence of pose frames from one source, in time order."""

    frames: tuple[PoseFrame, ...]
    fps: float

    def __iter__(self) -> Iterator[PoseFrame]:
        return iter(self.frames)

    def __len__(self) -> int:
        return len(self.frames)
