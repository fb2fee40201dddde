"""Check rendered clips with MediaPipe PoseLandmarker: detection rate, landmark and angle errors.

Run with an environment that has mediapipe (not the render one)::

    PYTHONPATH=tools python -m cliprender.mpcheck [--model MODEL.task] [CLIP.mp4 ...]

Needs only numpy, opencv and mediapipe. Angles from MediaPipe's 2D landmarks are compared
with the truth's ``*_2d`` angles; points with the truth's pixel positions.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

import numpy as np

MP_INDEX = {
    "nose": 0,
    "left_shoulder": 11,
    "right_shoulder": 12,
    "left_elbow": 13,
    "right_elbow": 14,
    "left_wrist": 15,
    "right_wrist": 16,
    "left_hip": 23,
    "right_hip": 24,
    "left_knee": 25,
    "right_knee": 26,
    "left_ankle": 27,
    "right_ankle": 28,
    "left_heel": 29,
    "right_heel": 30,
    "left_foot_index": 31,
    "right_foot_index": 32,
}


def _angle(a, b, c) -> float:
    u, v = a - b, c - b
    cosang = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-12))
    return math.degrees(math.acos(max(-1.0, min(1.0, cosang))))


def read_truth(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def landmarks(video: Path, model: Path) -> tuple[list[np.ndarray | None], float, int]:
    import cv2
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions
    from mediapipe.tasks.python.vision import PoseLandmarker, PoseLandmarkerOptions, RunningMode

    cap = cv2.VideoCapture(str(video))
    fps = cap.get(cv2.CAP_PROP_FPS)
    n = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    opts = PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_path=str(model)), running_mode=RunningMode.VIDEO
    )
    out: list[np.ndarray | None] = []
    with PoseLandmarker.create_from_options(opts) as lm:
        i = 0
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            h, w = frame.shape[:2]
            img = mp.Image(
                image_format=mp.ImageFormat.SRGB, data=cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            )
            res = lm.detect_for_video(img, int(round(i * 1000 / fps)))
            if res.pose_landmarks:
                pts = np.array([[p.x * w, p.y * h] for p in res.pose_landmarks[0]])
                out.append(pts)
            else:
                out.append(None)
            i += 1
    cap.release()
    return out, fps, n


def check(video: Path, model: Path) -> dict[str, object]:
    truth = read_truth(video.with_suffix("").with_suffix(".truth.csv"))
    lms, fps, n_meta = landmarks(video, model)
    present = [i for i, r in enumerate(truth) if "no_person" not in r["faults"].split(";")]
    det = [i for i in present if i < len(lms) and lms[i] is not None]
    false_pos = [
        i
        for i, r in enumerate(truth)
        if i not in set(present) and i < len(lms) and lms[i] is not None
    ]
    px_err: dict[str, list[float]] = {k: [] for k in MP_INDEX}
    ang_err: dict[str, list[float]] = {"knee": [], "hip": []}
    swaps = 0
    for i in det:
        r, lm = truth[i], lms[i]
        tp = {k: np.array([float(r[f"{k}_x"]), float(r[f"{k}_y"])]) for k in MP_INDEX}
        mp_pts = {k: lm[j] for k, j in MP_INDEX.items()}
        # legs swapped? compare knees
        direct = np.linalg.norm(mp_pts["left_knee"] - tp["left_knee"]) + np.linalg.norm(
            mp_pts["right_knee"] - tp["right_knee"]
        )
        crossed = np.linalg.norm(mp_pts["left_knee"] - tp["right_knee"]) + np.linalg.norm(
            mp_pts["right_knee"] - tp["left_knee"]
        )
        if crossed < direct - 10:
            swaps += 1
        for k in MP_INDEX:
            px_err[k].append(float(np.linalg.norm(mp_pts[k] - tp[k])))
        for s in ("left", "right"):
            if r[f"knee_{s}_2d"]:
                ang_err["knee"].append(
                    abs(
                        _angle(mp_pts[f"{s}_hip"], mp_pts[f"{s}_knee"], mp_pts[f"{s}_ankle"])
                        - float(r[f"knee_{s}_2d"])
                    )
                )
                ang_err["hip"].append(
                    abs(
                        _angle(mp_pts[f"{s}_shoulder"], mp_pts[f"{s}_hip"], mp_pts[f"{s}_knee"])
                        - float(r[f"hip_{s}_2d"])
                    )
                )
    return {
        "clip": video.name,
        "frames": len(lms),
        "frames_meta": n_meta,
        "truth_rows": len(truth),
        "fps": fps,
        "present": len(present),
        "detected": len(det),
        "rate": len(det) / max(len(present), 1),
        "false_pos": len(false_pos),
        "swaps": swaps,
        "px_err": {k: float(np.median(v)) if v else float("nan") for k, v in px_err.items()},
        "knee_err": float(np.mean(ang_err["knee"])) if ang_err["knee"] else float("nan"),
        "hip_err": float(np.mean(ang_err["hip"])) if ang_err["hip"] else float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(prog="python -m cliprender.mpcheck", description=__doc__)
    ap.add_argument("clips", nargs="*", type=Path)
    ap.add_argument("--model", type=Path, default=here / "models" / "pose_landmarker_full.task")
    ap.add_argument("--points", action="store_true", help="print median pixel error per landmark")
    args = ap.parse_args(argv)
    clips = args.clips or sorted((here / "sample_videos").glob("*.mp4"))
    clips = [c for c in clips if not c.name.endswith(".part.mp4")]
    if not args.model.exists():
        print(f"mpcheck: no model at {args.model}", file=sys.stderr)
        return 2
    tot_p = tot_d = 0
    print(
        f"{'clip':60s} {'frames':>6s} {'det%':>6s} {'fp':>3s} {'swap':>4s} {'knee°':>6s} "
        f"{'hip°':>6s} {'hip px':>6s} {'knee px':>7s}"
    )
    for c in clips:
        r = check(c, args.model)
        tot_p += r["present"]
        tot_d += r["detected"]
        pe = r["px_err"]
        print(
            f"{r['clip']:60s} {r['frames']:6d} {100 * r['rate']:6.1f} {r['false_pos']:3d} "
            f"{r['swaps']:4d} "
            f"{r['knee_err']:6.1f} {r['hip_err']:6.1f} "
            f"{0.5 * (pe['left_hip'] + pe['right_hip']):6.1f} "
            f"{0.5 * (pe['left_knee'] + pe['right_knee']):7.1f}"
        )
        if args.points:
            print("   ", {k: round(v, 1) for k, v in pe.items()})
        if r["frames"] != r["truth_rows"] or r["frames"] != r["frames_meta"]:
            print(
                f"   frame count mismatch: decoded {r['frames']}, "
                f"container {r['frames_meta']}, truth {r['truth_rows']}"
            )
    print(
        f"overall detection rate: {100 * tot_d / max(tot_p, 1):.1f}% "
        f"of {tot_p} frames with a person"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
