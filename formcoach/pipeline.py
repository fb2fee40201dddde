"""The one loop every use shares: frames in, (frame, coached result) out.

`analyze`, `live` and the regression checks differ only in where frames
come from (a file, a camera, a cache of poses) and where results go.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from formcoach.coaching.session import CoachSession, FrameResult
from formcoach.core.pose import PoseFrame
from formcoach.io.video import Frame
from formcoach.pose.landmarker import PoseEstimator
from formcoach.recognition.auto_coach import AutoCoach, Segment
from formcoach.recognition.recogniser import Labelled, Recogniser


def coach_frames(
    frames: Iterable[Frame], estimator: PoseEstimator, session: CoachSession
) -> Iterator[tuple[np.ndarray, FrameResult]]:
    for index, time_s, frame in frames:
        yield frame, session.process(estimator.process(frame, index, time_s))


def coach_frames_auto(
    frames: Iterable[Frame],
    estimator: PoseEstimator,
    recogniser: Recogniser[np.ndarray],
    coach: AutoCoach,
) -> Iterator[tuple[np.ndarray, PoseFrame, Segment, FrameResult | None]]:
    """`--exercise auto`: frames come out labelled (and a little late, see recogniser.py)."""

    def coached(items: Iterable[Labelled[np.ndarray]]) -> Iterator[tuple]:
        for item in items:
            part, result = coach.process(item)
            yield item.payload, item.frame, part, result

    for index, time_s, frame in frames:
        yield from coached(recogniser.push(frame, estimator.process(frame, index, time_s)))
    yield from coached(recogniser.finish())
