"""A cache of a clip's pose track, keyed by the clip's content and the model.

Re-checking clips after a threshold change then takes seconds: only the
coach runs again, not MediaPipe. The key is the sha256 of the video bytes,
of the model file, and `ADAPTER_VERSION` (bump it when the pose adapter
changes what it returns) and the flip test's mode (core/flip_fusion.py).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

from formcoach.core.flip_fusion import FlipTest
from formcoach.core.landmarks import NUM_LANDMARKS
from formcoach.core.pose import Pose, PoseFrame, PoseTrack

ADAPTER_VERSION = 3
CACHE_ENV = "FORMCOACH_CACHE_DIR"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "formcoach" / "landmarks"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


FLIP_SUFFIX = {FlipTest.LOST_LEGS: "", FlipTest.EVERY_FRAME: "-flip", FlipTest.OFF: "-once"}


def cache_key(video: Path, model: Path, flip_test: FlipTest = FlipTest.LOST_LEGS) -> str:
    flip = FLIP_SUFFIX[flip_test]
    return f"{file_sha256(video)[:20]}-{file_sha256(model)[:12]}-v{ADAPTER_VERSION}{flip}"


def save_track(path: Path, track: PoseTrack) -> None:
    n = len(track)
    xy = np.zeros((n, NUM_LANDMARKS, 2))
    vis = np.zeros((n, NUM_LANDMARKS))
    world = np.zeros((n, NUM_LANDMARKS, 3))
    present = np.zeros(n, dtype=bool)
    has_world = np.zeros(n, dtype=bool)
    shapes = {f.pose.mask.shape for f in track if f.pose is not None and f.pose.mask is not None}
    mask_shape = shapes.pop() if len(shapes) == 1 else (0, 0)
    masks = np.zeros((n, *mask_shape), dtype=np.uint8)  # 0..255, plenty for a 0.5 crossing
    has_mask = np.zeros(n, dtype=bool)
    mask_scale = np.ones(n)
    for i, f in enumerate(track):
        if f.pose is not None:
            present[i] = True
            xy[i], vis[i] = f.pose.xy, f.pose.visibility
            if f.pose.world is not None:
                has_world[i], world[i] = True, f.pose.world
            if f.pose.mask is not None and f.pose.mask.shape == mask_shape:
                has_mask[i] = True
                masks[i] = np.round(np.clip(f.pose.mask, 0.0, 1.0) * 255.0)
                mask_scale[i] = f.pose.mask_scale
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".npz", dir=path.parent)
    os.close(fd)
    np.savez_compressed(
        tmp,
        index=np.array([f.index for f in track]),
        time_s=np.array([f.time_s for f in track]),
        size=np.array([[f.width, f.height] for f in track]).reshape(n, 2),
        present=present,
        xy=xy,
        visibility=vis,
        world=world,
        has_world=has_world,
        fps=np.array(track.fps),
        masks=masks,
        has_mask=has_mask,
        mask_scale=mask_scale,
    )
    os.replace(tmp, path)


def load_track(path: Path, masks: bool = True) -> PoseTrack:
    """The cached track; with `masks` False its segmentation masks are left unread."""
    with np.load(path) as npz:
        d = {k: npz[k] for k in npz.files if masks or k != "masks"}
    frames = []
    for i in range(len(d["index"])):
        pose = None
        if d["present"][i]:
            world = d["world"][i] if d["has_world"][i] else None
            mask = None
            if masks and "has_mask" in d and d["has_mask"][i]:
                mask = d["masks"][i].astype(np.float32) / 255.0
            scale = float(d["mask_scale"][i]) if "mask_scale" in d else 1.0
            pose = Pose(d["xy"][i], d["visibility"][i], world, mask, scale)
        w, h = (int(v) for v in d["size"][i])
        frames.append(PoseFrame(int(d["index"][i]), float(d["time_s"][i]), w, h, pose))
    return PoseTrack(tuple(frames), float(d["fps"]))
