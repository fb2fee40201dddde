"""`formcoach live` on a replayed pose track, for tests that interrupt or kill a session.

    python replay_live.py EXERCISE OUT_DIR HISTORY_DB

Runs the real live runner (coaching, angles.csv, report.json checkpoints,
history recording, report.html) with two stand-ins: the camera is a built
track (tests/poses.py) looped forever at SPEED times real time, and the pose
estimator hands back that track's poses. It runs until interrupted or killed.
"""

from __future__ import annotations

import sys
import time
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for poses.py

import numpy as np  # noqa: E402
from poses import FRAME_H, FRAME_W, alternating_lunges, kneeling_hold  # noqa: E402

from formcoach.core.pose import PoseFrame, PoseTrack  # noqa: E402
from formcoach.io.video import VideoInfo  # noqa: E402
from formcoach.live import runner  # noqa: E402

SPEED = 20.0
TRACKS = {
    # stand, kneel, hold 4 s, stand up: a hold completes every 8 s of track
    "kneeling-hip-flexor": lambda: kneeling_hold(4.0, settle_s=1.5).track,
    # four lunges, alternating legs: a rep every 3 s of track
    "lunge": lambda: alternating_lunges(2).track,
}


class ReplayCamera:
    """(index, time_s, blank frame) for ever, paced at SPEED x the track's frame rate."""

    def __init__(self, track: PoseTrack) -> None:
        self.fps = track.fps
        self.info = VideoInfo(track.fps, 0, FRAME_W, FRAME_H)
        self.dropped = 0
        self.lost = False

    def __iter__(self):
        frame = np.zeros((FRAME_H, FRAME_W, 3), np.uint8)
        start = time.monotonic()
        for index in count():
            t = index / self.fps
            delay = start + t / SPEED - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            yield index, t, frame


class ReplayEstimator:
    """The track's pose for each frame, looped."""

    def __init__(self, track: PoseTrack) -> None:
        self.track = track

    def __enter__(self) -> ReplayEstimator:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def process(self, frame: np.ndarray, index: int, time_s: float) -> PoseFrame:
        pose = self.track.frames[index % len(self.track)].pose
        return PoseFrame(index, time_s, FRAME_W, FRAME_H, pose)


def main(exercise: str, out_dir: str, history: str) -> int:
    track = TRACKS[exercise]()
    runner.VideoFileReader = lambda path: None
    runner.PacedReader = lambda reader, loop: ReplayCamera(track)
    runner.resolve_model = lambda model: None
    runner.LandmarkerOptions = lambda *args, **kwargs: None
    runner.PoseEstimator = lambda options: ReplayEstimator(track)
    options = runner.LiveOptions(
        exercise=exercise,
        source=Path("replay"),
        loop=True,
        voice=False,
        window=False,
        out_dir=Path(out_dir),
        history=Path(history),
    )
    return runner.run_live(options)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
