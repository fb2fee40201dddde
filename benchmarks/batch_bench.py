"""Batch throughput, run on demand (not part of the test suite).

    python benchmarks/batch_bench.py [--clips 10] [--rounds 2] [--exercise standing-hip-flexor]

Times `formcoach analyze CLIP1 ... CLIP10 --jobs 1` against `--jobs 2` (or
`--jobs A B`), side by side in one run, alternating (1, 2, then 2, 1, ...)
so that a change in the machine's load falls on both. Each run is the whole
command as a user starts it: process start, workers, annotated videos,
reports, summary. The clips are the shortest in sample_videos/; one
exercise is applied to all, as the command does. Prints each run, the
throughput (video seconds analysed per wall-clock second) and the ratio of
the medians, with the load average before and after: other work on the
machine makes the ratio smaller, so read it with the load.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

REPO = Path(__file__).resolve().parents[1]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)"


def shortest_clips(folder: Path, count: int) -> list[tuple[Path, float]]:
    """The `count` shortest videos in `folder`, with their lengths in seconds."""
    from formcoach.io.video_files import list_videos

    lengths = []
    for video in list_videos(folder):
        cap = cv2.VideoCapture(str(video))
        frames, fps = cap.get(cv2.CAP_PROP_FRAME_COUNT), cap.get(cv2.CAP_PROP_FPS) or 30.0
        cap.release()
        if frames > 0:
            lengths.append((video, frames / fps))
    lengths.sort(key=lambda item: (item[1], item[0].name))
    if len(lengths) < count:
        sys.exit(f"only {len(lengths)} readable clips in {folder}, {count} asked for")
    return lengths[:count]


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(
    clips: list[Path], jobs: int, args: argparse.Namespace, out: Path
) -> tuple[float, float]:
    """The wall-clock seconds of one run, and the CPU seconds its processes used."""
    command = [
        sys.executable, "-m", "formcoach", "analyze", *map(str, clips),
        "--exercise", args.exercise, "--jobs", str(jobs), "--out", str(out),
        "--no-history", "--no-progress",
    ]  # fmt: skip
    if args.model:
        command += ["--model", args.model]
    cpu, start = children_cpu_s(), time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - start, children_cpu_s() - cpu
    if proc.returncode != 0:
        sys.exit(f"--jobs {jobs} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed, cpu


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--folder", type=Path, default=REPO / "sample_videos")
    p.add_argument("--clips", type=int, default=10)
    p.add_argument("--rounds", type=int, default=2, help="runs of each --jobs value")
    p.add_argument("--jobs", type=int, nargs=2, default=[1, 2], metavar=("A", "B"))
    p.add_argument("--exercise", default="standing-hip-flexor")
    p.add_argument("--model", help="lite, full (default), heavy")
    args = p.parse_args()

    chosen = shortest_clips(args.folder, args.clips)
    clips = [c for c, _ in chosen]
    video_s = sum(length for _, length in chosen)
    a, b = args.jobs
    print(f"{len(clips)} clips, {video_s:.0f} s of video, exercise {args.exercise}")
    print(f"cores: {os.cpu_count()}; load average before: {load_average()}")
    times: dict[int, list[float]] = {a: [], b: []}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            order = (a, b) if round_ % 2 == 0 else (b, a)
            for jobs in order:
                elapsed, cpu = run_batch(clips, jobs, args, Path(tmp) / f"run{round_}-{jobs}")
                times[jobs].append(elapsed)
                # Cores in use = CPU s / wall s: under other load it shows what the run got.
                print(
                    f"round {round_ + 1}: --jobs {jobs}: {elapsed:6.1f} s, "
                    f"{video_s / elapsed:.2f} video s per s, {cpu:5.1f} CPU s "
                    f"({cpu / elapsed:.2f} cores busy)   (load {os.getloadavg()[0]:.2f})"
                )
    median = {jobs: statistics.median(ts) for jobs, ts in times.items()}
    print(f"load average after: {load_average()}")
    for jobs in (a, b):
        print(f"--jobs {jobs}: median {median[jobs]:.1f} s, {video_s / median[jobs]:.2f} video s/s")
    print(f"throughput ratio --jobs {b} / --jobs {a}: {median[a] / median[b]:.2f}x")


if __name__ == "__main__":
    main()
