"""``python -m cliprender.contact_sheet OUT.png [--dir sample_videos] [--at 0.55]``: one frame of
every clip in a labelled grid. Needs only numpy and OpenCV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np

HERE = Path(__file__).resolve().parent


def grab(path: Path, at: float) -> np.ndarray | None:
    cap = cv2.VideoCapture(str(path))
    n = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    cap.set(cv2.CAP_PROP_POS_FRAMES, max(0, int(n * at)))
    ok, frame = cap.read()
    cap.release()
    return frame if ok else None


def sheet(clips: list[Path], at: float, cols: int = 4, tile_w: int = 400) -> np.ndarray:
    tiles = []
    for c in clips:
        f = grab(c, at)
        if f is None:
            f = np.zeros((360, 640, 3), np.uint8)
        h = int(f.shape[0] * tile_w / f.shape[1])
        t = cv2.resize(f, (tile_w, h), interpolation=cv2.INTER_AREA)
        label = c.stem
        cv2.rectangle(t, (0, 0), (tile_w, 18), (0, 0, 0), -1)
        cv2.putText(
            t, label[:62], (4, 13), cv2.FONT_HERSHEY_SIMPLEX, 0.36, (255, 255, 255), 1, cv2.LINE_AA
        )
        tiles.append(t)
    if not tiles:
        raise SystemExit("contact_sheet: no clips")
    h = max(t.shape[0] for t in tiles)
    tiles = [np.pad(t, ((0, h - t.shape[0]), (0, 0), (0, 0))) for t in tiles]
    while len(tiles) % cols:
        tiles.append(np.zeros_like(tiles[0]))
    rows = [np.concatenate(tiles[i : i + cols], axis=1) for i in range(0, len(tiles), cols)]
    return np.concatenate(rows, axis=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cliprender.contact_sheet", description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--dir", type=Path, default=HERE.parent.parent / "sample_videos")
    ap.add_argument(
        "--at", type=float, default=0.5, help="where in each clip, as a fraction of its length"
    )
    ap.add_argument("--cols", type=int, default=4)
    args = ap.parse_args(argv)
    clips = sorted(args.dir.glob("*.mp4"))
    clips = [c for c in clips if not c.name.endswith(".part.mp4")]
    img = sheet(clips, args.at, args.cols)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(args.out), img)
    print(f"{args.out}: {len(clips)} clips")
    return 0


if __name__ == "__main__":
    sys.exit(main())
