"""CPU used by `formcoach desk` while it watches, run on demand (not part of the tests).

    python benchmarks/desk_cpu.py [VIDEO] [--rate 1] [--model lite] [--repeat 3]

Plays VIDEO (default: the sit-then-stand sample clip) in real time, as a
camera would deliver it, through the desk watcher (sampled at --rate frames a
second, the lite model, no segmentation mask) and reports the process's CPU
time over the wall time while watching (model loading excluded), as a
percentage of one core. A second figure times the sampling alone (reading the
video: every frame of a file must be decoded to reach the next sample, which
a camera does not need), so the pose work's own share is the difference.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_VIDEO = REPO / "sample_videos" / "desk_sit-then-stand_side-left.mp4"


class _Quiet:
    def notify(self, title: str, text: str) -> None:
        pass


def watch_once(video: Path, rate: float, model: str) -> dict:
    from formcoach.desk.runner import DeskOptions, run_desk
    from formcoach.live.voice import SilentVoice

    with tempfile.TemporaryDirectory() as tmp:
        run_desk(
            DeskOptions(
                source=video,
                paced=True,
                rate_hz=rate,
                model=model,
                sit_minutes=0.05,
                break_minutes=0.05,
                out_dir=Path(tmp),
            ),
            notifier=_Quiet(),
            voice=SilentVoice(),
            say=lambda line: None,
        )
        return json.loads((Path(tmp) / "desk.json").read_text())


def sampling_only(video: Path, rate: float) -> tuple[float, float]:
    from formcoach.io.streams import SampledVideo

    cpu0, wall0 = time.process_time(), time.monotonic()
    for _ in SampledVideo(video, rate, paced=True):
        pass
    return time.process_time() - cpu0, time.monotonic() - wall0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("video", type=Path, nargs="?", default=DEFAULT_VIDEO)
    ap.add_argument("--rate", type=float, default=1.0, help="samples a second (default 1)")
    ap.add_argument("--model", default="lite")
    ap.add_argument("--repeat", type=int, default=3, help="times through the video (default 3)")
    args = ap.parse_args(argv)
    cpu = wall = 0.0
    samples = 0
    for i in range(args.repeat):
        record = watch_once(args.video, args.rate, args.model)
        run = record["cpu"]
        cpu, wall, samples = cpu + run["cpu_s"], wall + run["wall_s"], samples + record["samples"]
        print(
            f"run {i + 1}: {run['percent_of_one_core']:.1f}% of one core "
            f"({run['cpu_s']:.2f} s CPU in {run['wall_s']:.1f} s, {record['samples']} samples)"
        )
    base_cpu, base_wall = sampling_only(args.video, args.rate)
    total = 100.0 * cpu / wall
    reading = 100.0 * base_cpu / base_wall
    print(
        f"desk watching ({args.model}, {args.rate:g} Hz): {total:.1f}% of one core "
        f"over {wall:.0f} s, {1000.0 * cpu / max(1, samples):.0f} ms CPU a sample"
    )
    print(f"of which reading the video file: {reading:.1f}%; the rest (pose, posture, timer): "
          f"{total - reading:.1f}%")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
