"""How the arch depth ranks with the true lumbar extension: MediaPipe's mask against a perfect one.

    python tools/arch_rank.py CLIP [SILHOUETTES.npz]

CLIP is a rendered clip in sample_videos/ (with its truth). SILHOUETTES.npz,
from `python -m cliprender.silhouette NAME --out DIR` (the render environment),
holds the rendered body's true silhouette per frame; given it, the same
landmarks are read again with it as their mask. Where both rank low, the
outline itself does not follow the lumbar spine, whatever the segmentation.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from formcoach.core.pose import PoseTrack
from formcoach.pose.model_store import resolve_model
from formcoach.regression.accuracy import ClipAccuracy, clip_accuracy
from formcoach.regression.clips import pose_track


def with_masks(track: PoseTrack, masks: np.ndarray) -> PoseTrack:
    frames = tuple(
        f if f.pose is None else replace(f, pose=replace(f.pose, mask=m / 255.0, mask_scale=1.0))
        for f, m in zip(track, masks, strict=True)
    )
    return PoseTrack(frames, track.fps)


def line(label: str, r: ClipAccuracy | None) -> str:
    if r is None or r.arch_spearman is None:
        return f"{label:22} no arch reading"
    sweep = "-" if r.arch_spearman_sweep is None else f"{r.arch_spearman_sweep:.3f}"
    return f"{label:22} rank corr: whole clip {r.arch_spearman:.3f}, over the sweep {sweep}"


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python tools/arch_rank.py CLIP [SILHOUETTES.npz]")
    clip = Path(sys.argv[1])
    if not clip.with_name(clip.stem + ".truth.csv").exists():
        sys.exit(f"arch_rank: {clip} has no truth beside it (NAME.truth.csv)")
    model = resolve_model("full")
    track = pose_track(clip, model, masks=True)
    print(clip.name)
    print(line("MediaPipe's mask", clip_accuracy(clip, "full", model, track=track)))
    if len(sys.argv) == 3:
        masks = np.load(sys.argv[2])["masks"]
        if len(masks) != len(track.frames):
            sys.exit(f"arch_rank: {len(masks)} silhouettes for {len(track.frames)} frames")
        perfect = clip_accuracy(clip, "full", model, track=with_masks(track, masks))
        print(line("the true silhouette", perfect))


if __name__ == "__main__":
    main()
