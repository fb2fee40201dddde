"""The one loop every use shares: frames in, (frame, coached result) out.

`analyze`, `live` and the regression checks differ only in where frames
come from (a file, a camera, a cache of poses) and where results go.

Analysis runs the pose model one step ahead on a worker thread (`ahead=True`):
MediaPipe's native code releases the GIL, so while the main thread coaches,
draws and writes frame n, the model already works on frame n+1. Live
coaching does not, so every frame shown is the newest one.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator

import numpy as np

from formcoach.coaching.session import CoachSession, FrameResult
from formcoach.core.pose import PoseFrame
from formcoach.io.video import Frame
from formcoach.pose.landmarker import PoseEstimator
from formcoach.recognition.auto_coach import AutoCoach, Segment
from formcoach.recognition.recogniser import Labelled, Recogniser

AHEAD_FRAMES = 4  # frames the worker may run ahead (each holds one decoded image)
_DONE = object()


def estimated(
    frames: Iterable[Frame], estimator: PoseEstimator, *, ahead: bool = False
) -> Iterator[tuple[np.ndarray, PoseFrame]]:
    """Each frame with its pose; with `ahead`, reading and the model run on a worker thread."""
    if not ahead:
        for index, time_s, frame in frames:
            yield frame, estimator.process(frame, index, time_s)
        return
    results: queue.Queue[object] = queue.Queue(maxsize=AHEAD_FRAMES)
    stop = threading.Event()

    def put(item: object) -> None:
        while not stop.is_set():
            try:
                results.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def work() -> None:
        try:
            for index, time_s, frame in frames:
                if stop.is_set():
                    return
                put((frame, estimator.process(frame, index, time_s)))
            put(_DONE)
        except BaseException as exc:  # handed to the caller, raised there
            put(exc)

    worker = threading.Thread(target=work, name="formcoach-pose", daemon=True)
    worker.start()
    try:
        while True:
            item = results.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()


def coach_frames(
    frames: Iterable[Frame], estimator: PoseEstimator, session: CoachSession, *, ahead: bool = False
) -> Iterator[tuple[np.ndarray, FrameResult]]:
    for frame, pose_frame in estimated(frames, estimator, ahead=ahead):
        yield frame, session.process(pose_frame)


def coach_frames_auto(
    frames: Iterable[Frame],
    estimator: PoseEstimator,
    recogniser: Recogniser[np.ndarray],
    coach: AutoCoach,
    *,
    ahead: bool = False,
) -> Iterator[tuple[np.ndarray, PoseFrame, Segment, FrameResult | None]]:
    """`--exercise auto`: frames come out labelled (and a little late, see recogniser.py)."""

    def coached(items: Iterable[Labelled[np.ndarray]]) -> Iterator[tuple]:
        for item in items:
            part, result = coach.process(item)
            yield item.payload, item.frame, part, result

    for frame, pose_frame in estimated(frames, estimator, ahead=ahead):
        yield from coached(recogniser.push(frame, pose_frame))
    yield from coached(recogniser.finish())
