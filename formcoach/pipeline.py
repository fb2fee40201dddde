"""The one loop every use shares: frames in, (frame, coached result) out.

`analyze`, `live` and the regression checks differ only in where frames
come from (a file, a camera, a cache of poses) and where results go.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from formcoach.coaching.session import CoachSession, FrameResult
from formcoach.io.video import Frame
from formcoach.pose.landmarker import PoseEstimator


def coach_frames(
    frames: Iterable[Frame], estimator: PoseEstimator, session: CoachSession
) -> Iterator[tuple[np.ndarray, FrameResult]]:
    for index, time_s, frame in frames:
        yield frame, session.process(estimator.process(frame, index, time_s))
