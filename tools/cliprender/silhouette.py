"""The rendered body's true silhouette, frame by frame: a perfect segmentation mask.

    PYTHONPATH=.:tools python -m cliprender.silhouette NAME [NAME ...] --out DIR

(NAMEs as `python -m cliprender --only` takes them: names or glob patterns.)

Writes DIR/NAME.silhouette.npz (`masks`, frames x height x width, uint8 0-255,
the share of each pixel the body covers). The mesh's triangles are filled one by
one at 4x the clip's size and averaged down, so no OpenGL is needed. With
`tools/arch_rank.py` it tells the outline measure's errors apart from
MediaPipe's mask's: what a perfect mask would read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np

from .config import DEFAULT_SCENARIOS, Scenario, load, select
from .errors import CliprenderError
from .motion import sample
from .posing import place
from .render import stage

OVERSAMPLE = 4


def silhouettes(sc: Scenario) -> np.ndarray:
    st = stage(sc)
    faces = np.asarray(st.body.faces)
    n_frames = int(round(st.motion.t * sc.fps)) + 1
    out = np.zeros((n_frames, sc.height, sc.width), np.uint8)
    for i in range(n_frames):
        pose, _, _ = sample(st.motion, i / sc.fps, st.dims)
        px = st.camera.project(np.asarray(place(st.body, st.dims, pose).vertices))[faces]
        big = np.zeros((sc.height * OVERSAMPLE, sc.width * OVERSAMPLE), np.uint8)
        for tri in np.round(px[np.isfinite(px).all(axis=(1, 2))] * OVERSAMPLE).astype(np.int32):
            cv2.fillConvexPoly(big, tri, 255)  # one by one: fillPoly's even-odd rule drops overlaps
        out[i] = cv2.resize(big, (sc.width, sc.height), interpolation=cv2.INTER_AREA)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="cliprender.silhouette", description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="+", help="scenario names or glob patterns")
    ap.add_argument("--out", type=Path, required=True, help="folder for NAME.silhouette.npz")
    args = ap.parse_args(argv)
    try:
        scenarios = select(load(DEFAULT_SCENARIOS), args.names)
        args.out.mkdir(parents=True, exist_ok=True)
        for sc in scenarios:
            masks = silhouettes(sc)
            np.savez_compressed(args.out / f"{sc.name}.silhouette.npz", masks=masks)
            print(f"{sc.name}: {len(masks)} frames")
    except CliprenderError as exc:
        print(f"cliprender.silhouette: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
