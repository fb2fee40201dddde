"""Frame sources of formcoach/io/streams.py: videos in a row, and low-rate sampling."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from formcoach.errors import VideoError
from formcoach.io.streams import SampledVideo, VideoSequence, open_stream


def clip(path: Path, frames: int, fps: float = 10.0) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (64, 48))
    for i in range(frames):
        writer.write(np.full((48, 64, 3), (i * 7) % 255, np.uint8))
    writer.release()
    return path


def test_videos_in_a_row_are_one_stream_whose_time_runs_on(tmp_path: Path) -> None:
    a, b = clip(tmp_path / "a.mp4", 10), clip(tmp_path / "b.mp4", 5)
    frames = list(VideoSequence([a, b]))
    assert [i for i, _, _ in frames] == list(range(15))
    times = [t for _, t, _ in frames]
    assert times[9] == pytest.approx(0.9) and times[10] == pytest.approx(1.0)
    assert times[-1] == pytest.approx(1.4)


def test_a_video_sampled_at_a_low_rate(tmp_path: Path) -> None:
    path = clip(tmp_path / "a.mp4", 30)  # 3 s at 10 fps
    frames = list(SampledVideo(path, rate_hz=2.0))
    assert [t for _, t, _ in frames] == pytest.approx([0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
    assert [i for i, _, _ in frames] == list(range(6))


def test_open_stream_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(VideoError, match="video file not found"):
        open_stream(0, [tmp_path / "missing.mp4"])
    a = clip(tmp_path / "a.mp4", 5)
    with pytest.raises(VideoError, match="give one --source"):
        open_stream(0, [a, a], rate_hz=1.0)


class FakeCapture:
    """A camera stand-in: `frames` good reads, then failures (unplugged)."""

    def __init__(self, frames: int) -> None:
        self.left = frames
        self.grabs = 0
        self.released = False

    def read(self):
        if self.left <= 0:
            return False, None
        self.left -= 1
        return True, np.zeros((4, 6, 3), np.uint8)

    def grab(self) -> bool:
        self.grabs += 1
        return True

    def set(self, prop: int, value: float) -> bool:
        return True

    def get(self, prop: int) -> float:
        return 30.0

    def release(self) -> None:
        self.released = True


class FakeClock:
    """Time that moves only when slept, plus `lag` per read: no flake on a loaded machine."""

    def __init__(self, lag: float) -> None:
        self.now = 100.0
        self.lag = lag

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class LaggingCapture(FakeCapture):
    """A camera whose reads take `clock.lag` seconds each."""

    def __init__(self, frames: int, clock: FakeClock) -> None:
        super().__init__(frames)
        self.clock = clock

    def read(self):
        self.clock.now += self.clock.lag
        return super().read()


@pytest.mark.parametrize("lag", [0.0, 0.02, 0.07])
def test_a_sampled_camera_reads_at_its_rate_and_notices_when_it_is_gone(monkeypatch, lag) -> None:
    import formcoach.io.streams as streams
    import formcoach.io.video as video
    from formcoach.io.streams import SampledCamera

    clock = FakeClock(lag)
    monkeypatch.setattr(video, "time", clock)
    monkeypatch.setattr(streams, "time", clock)
    cap = LaggingCapture(frames=6, clock=clock)  # the first is read on opening
    monkeypatch.setattr(video, "open_camera", lambda index: (cap, cap.read()[1]))
    camera = SampledCamera(0, rate_hz=20.0, read_failures=3)
    frames = list(camera)
    times = [t for _, t, _ in frames]
    assert [i for i, _, _ in frames] == [0, 1, 2, 3, 4]  # the opening frame is no sample
    if lag < 0.05:  # reads faster than the rate: one sample every 1/20 s, on schedule
        assert times == pytest.approx([k / 20 + lag for k in range(5)])
    else:  # reads slower than the rate: no waiting, one sample per read
        assert times == pytest.approx([(k + 1) * lag for k in range(5)])
    assert cap.grabs >= 5  # stale buffered frames dropped before each read
    assert camera.lost and cap.released
    assert camera.info.fps == 20.0 and (camera.info.width, camera.info.height) == (6, 4)
