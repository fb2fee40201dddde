"""Speed and memory benchmarks, run on demand (not part of the test suite).

    python benchmarks/bench.py throughput VIDEO [--exercise lunge] [--repeat 2]
    python benchmarks/bench.py live VIDEO [--seconds 60] [--exercise lunge]
        [--flip-test lost-legs|every-frame|off]

`throughput` times, side by side in one run and alternating, (a) bare
PoseLandmarker over the decoded frames of VIDEO and (b) the whole `analyze`
pipeline (decode, landmarks, coach, overlay, annotated video, CSV), and
prints the ratio b/a; and (b), which reads the mirrored frame where a leg
is lost (the default), against `analyze --no-flip-test` and `analyze
--flip-test` (every frame). `live`
plays VIDEO at its own frame rate (looped) into the live pipeline,
headless, and reports frames processed and dropped, the time spent per
frame, and resident memory over time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def bare_landmarker(
    video: Path, model: Path, num_poses: int, masks: bool = False
) -> tuple[int, float]:
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions
    from mediapipe.tasks.python.vision import PoseLandmarker, PoseLandmarkerOptions, RunningMode

    options = PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_path=str(model)),
        running_mode=RunningMode.VIDEO,
        num_poses=num_poses,
        output_segmentation_masks=masks,
    )
    start = time.perf_counter()
    frames = 0
    with PoseLandmarker.create_from_options(options) as landmarker:
        cap = cv2.VideoCapture(str(video))
        fps = cap.get(cv2.CAP_PROP_FPS) or 30.0
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            landmarker.detect_for_video(
                mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb), int(frames * 1000 / fps)
            )
            frames += 1
        cap.release()
    return frames, time.perf_counter() - start


def full_analyze(
    video: Path, exercise: str, write_video: bool = True, flip_test: str = "lost-legs"
) -> tuple[int, float]:
    from formcoach.analyze import analyze_video
    from formcoach.core.flip_fusion import FlipTest

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = analyze_video(
            video,
            exercise,
            Path(out),
            progress=False,
            write_video=write_video,
            history=None,
            flip_test=FlipTest(flip_test),
        )
        elapsed = time.perf_counter() - start
    return result.report["source"]["frames"], elapsed


def cmd_throughput(args: argparse.Namespace) -> None:
    from formcoach.pose.landmarker import LandmarkerOptions
    from formcoach.pose.model_store import resolve_model

    model = resolve_model(args.model)
    people = LandmarkerOptions(model).max_people
    # bare_mask: the landmarker also computing the segmentation mask, as it must
    # for a checker that reads the back's outline; analyze_novideo: no annotated.mp4;
    # analyze: the mirrored frame read where a leg is lost (the default);
    # analyze_once: never (--no-flip-test); analyze_flip: on every frame (--flip-test)
    rows: dict[str, list[float]] = {
        "bare_1": [],
        f"bare_{people}": [],
        "bare_mask": [],
        "analyze": [],
        "analyze_novideo": [],
        "analyze_once": [],
        "analyze_flip": [],
    }
    flips = {"analyze_once": "off", "analyze_flip": "every-frame"}
    for _ in range(args.repeat):
        for name in rows:
            if name == "bare_mask":
                n, s = bare_landmarker(args.video, model, 1, masks=True)
            elif name.startswith("bare"):
                n, s = bare_landmarker(args.video, model, int(name.split("_")[1]))
            else:
                n, s = full_analyze(
                    args.video,
                    args.exercise,
                    name != "analyze_novideo",
                    flips.get(name, "lost-legs"),
                )
            rows[name].append(n / s)
    fps = {name: statistics.median(v) for name, v in rows.items()}
    print(
        json.dumps(
            {
                "video": str(args.video),
                "model": str(model),
                "fps": fps,
                "analyze_over_bare_1": round(fps["analyze"] / fps["bare_1"], 3),
                "analyze_over_bare_mask": round(fps["analyze"] / fps["bare_mask"], 3),
                "analyze_novideo_over_bare_mask": round(
                    fps["analyze_novideo"] / fps["bare_mask"], 3
                ),
                f"analyze_over_bare_{people}": round(fps["analyze"] / fps[f"bare_{people}"], 3),
                "analyze_over_analyze_once": round(fps["analyze"] / fps["analyze_once"], 3),
                "analyze_flip_over_analyze": round(fps["analyze_flip"] / fps["analyze"], 3),
            },
            indent=2,
        )
    )


def cmd_live(args: argparse.Namespace) -> None:
    from formcoach.core.flip_fusion import FlipTest
    from formcoach.live.runner import LiveOptions, run_live

    samples: list[tuple[float, float]] = []
    stop = threading.Event()

    def sample() -> None:
        start = time.monotonic()
        while not stop.wait(args.sample_every):
            samples.append((round(time.monotonic() - start, 1), round(rss_mb(), 1)))

    out = Path(tempfile.mkdtemp(prefix="formcoach-bench-"))
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    run_live(
        LiveOptions(
            exercise=args.exercise,
            source=args.video,
            loop=True,
            model=args.model,
            voice=False,
            window=False,
            out_dir=out,
            duration_s=args.seconds,
            flip_test=FlipTest(args.flip_test),
        )
    )
    wall = time.perf_counter() - start
    stop.set()
    report = json.loads((out / "report.json").read_text())
    live = report["live"]
    total = live["frames_processed"] + live["frames_dropped"]
    print(
        json.dumps(
            {
                "video": str(args.video),
                "seconds": args.seconds,
                "wall_s": round(wall, 1),
                "frames_processed": live["frames_processed"],
                "frames_dropped": live["frames_dropped"],
                "dropped_share": round(live["frames_dropped"] / max(1, total), 4),
                "processed_fps": round(live["frames_processed"] / wall, 1),
                "rss_mb_first_last": [samples[0], samples[-1]] if samples else None,
                "rss_mb_samples": samples,
            },
            indent=2,
        )
    )


def main() -> None:
    os.environ.setdefault("GLOG_minloglevel", "2")
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("video", type=Path)
    t.add_argument("--exercise", default="lunge")
    t.add_argument("--model", default="full")
    t.add_argument("--repeat", type=int, default=2)
    lv = sub.add_parser("live")
    lv.add_argument("video", type=Path)
    lv.add_argument("--exercise", default="lunge")
    lv.add_argument("--model", default="full")
    lv.add_argument("--seconds", type=float, default=60.0)
    lv.add_argument("--sample-every", type=float, default=10.0)
    lv.add_argument(
        "--flip-test",
        choices=["lost-legs", "every-frame", "off"],
        default="lost-legs",
        help="when a frame is also read mirrored",
    )
    args = p.parse_args()
    {"throughput": cmd_throughput, "live": cmd_live}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
