"""The pose step run ahead on a worker thread: same frames, same order, errors surfaced."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from formcoach.core.pose import PoseFrame
from formcoach.pipeline import estimated


class FakeEstimator:
    def __init__(self) -> None:
        self.threads: set[str] = set()

    def process(self, frame: np.ndarray, index: int, time_s: float) -> PoseFrame:
        self.threads.add(threading.current_thread().name)
        return PoseFrame(index, time_s, 4, 4, None)


def frames(n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise OSError("the video stopped making sense")
        yield i, i / 30.0, np.full((4, 4, 3), i, np.uint8)


@pytest.mark.parametrize("ahead", [False, True], ids=["inline", "ahead"])
def test_every_frame_comes_out_in_order_with_its_pose(ahead: bool) -> None:
    estimator = FakeEstimator()
    out = list(estimated(frames(50), estimator, ahead=ahead))
    assert [p.index for _, p in out] == list(range(50))
    assert all(int(f[0, 0, 0]) == p.index for f, p in out)
    assert (estimator.threads == {"formcoach-pose"}) is ahead


def test_a_reading_error_reaches_the_caller() -> None:
    got = []
    with pytest.raises(OSError, match="stopped making sense"):
        for _, p in estimated(frames(50, fail_at=20), FakeEstimator(), ahead=True):
            got.append(p.index)
    assert got == list(range(20))


def test_stopping_early_ends_the_worker() -> None:
    stream = estimated(frames(10_000), FakeEstimator(), ahead=True)
    next(stream)
    stream.close()  # as when the caller is interrupted (Ctrl-C)
    assert not any(t.name == "formcoach-pose" for t in threading.enumerate())
