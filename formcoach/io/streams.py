"""Frame sources beyond one file or one camera: several videos in a row, and low-rate sampling.

Like the readers in `video.py`, these are iterables of `(index, time_s,
frame_bgr)` with an `info`, and take frame times from the file's frame rate
or a monotonic clock, never the wall clock.

- `VideoSequence`: videos played one after another as one stream (times run on).
- `SampledVideo`: a video read at a low rate (e.g. 1 frame a second): the frames in
  between are grabbed, not converted; optionally paced to the clock like a camera.
- `SampledCamera`: a camera read at a low rate: it sleeps between samples and drops
  what the driver buffered meanwhile, so each sample is fresh.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import cv2

from formcoach.errors import VideoError
from formcoach.io.video import CameraReader, Frame, VideoFileReader, VideoInfo

log = logging.getLogger(__name__)


class VideoSequence:
    """Videos one after another; each is opened (and checked) up front."""

    def __init__(self, paths: Sequence[Path]) -> None:
        if not paths:
            raise VideoError("no video given")
        self.readers = [VideoFileReader(p) for p in paths]
        first = self.readers[0].info
        frames = sum(r.info.frames for r in self.readers)
        self.info = VideoInfo(first.fps, frames, first.width, first.height)
        self.path = self.readers[0].path

    def __iter__(self) -> Iterator[Frame]:
        index, offset_s = 0, 0.0
        for reader in self.readers:
            last_t = 0.0
            for _, t, frame in reader:
                last_t = t
                yield index, offset_s + t, frame
                index += 1
            offset_s += last_t + 1.0 / reader.info.fps


class SampledVideo:
    """A video file at `rate_hz` frames a second; `paced` plays it in real time.

    Skipped frames are only grabbed (decoded, not converted or copied): the
    cheap way through a file when only one frame in 15 or 30 is wanted.
    """

    def __init__(self, path: Path, rate_hz: float, *, paced: bool = False) -> None:
        self.reader = VideoFileReader(path)  # checks the file
        self.reader.close()
        self.path = Path(path)
        self.info = self.reader.info
        self.rate_hz = rate_hz
        self.paced = paced

    def __iter__(self) -> Iterator[Frame]:
        cap = cv2.VideoCapture(str(self.path))
        fps = self.info.fps
        every = max(1, round(fps / self.rate_hz))
        start = time.monotonic()
        index, emitted = 0, 0
        try:
            while cap.grab():
                if index % every == 0:
                    ok, frame = cap.retrieve()
                    if ok and frame is not None:
                        t = index / fps
                        if self.paced:
                            wait = start + t - time.monotonic()
                            if wait > 0:
                                time.sleep(wait)
                        yield emitted, t, frame
                        emitted += 1
                index += 1
        finally:
            cap.release()


class SampledCamera(CameraReader):
    """A camera read `rate_hz` times a second.

    The driver keeps capturing while we sleep; a one-frame buffer and one
    grab before each read drop what it kept, so a sample is never stale.
    Stops (without error) if the camera disappears; `lost` then says so.
    """

    def __init__(self, index: int, rate_hz: float, *, read_failures: int = 10) -> None:
        super().__init__(index, read_timeout_failures=read_failures)
        self.rate_hz = rate_hz
        self._cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        self.info = VideoInfo(rate_hz, 0, self.info.width, self.info.height)
        self._first = None  # samples are taken when due, the opening frame is not one

    def _before_read(self, index: int, start: float) -> None:
        wait = start + index / self.rate_hz - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._cap.grab()  # whatever the driver buffered while we slept


def open_stream(
    camera: int, sources: Sequence[Path] = (), *, paced: bool = True, rate_hz: float | None = None
) -> tuple[object, str]:
    """The frames to coach from and their name: the camera, or the videos played as one.

    `rate_hz` samples at that rate instead of every frame; `paced` plays videos
    in real time (as a camera would deliver them) rather than as fast as they decode.
    Raises VideoError for a missing video or a camera that cannot be opened.
    """
    from formcoach.io.video import CameraReader, PacedReader

    if sources:
        name = ", ".join(str(p) for p in sources)
        if rate_hz is not None:
            if len(sources) > 1:
                raise VideoError("sampling at a low rate takes one video; give one --source")
            return SampledVideo(sources[0], rate_hz, paced=paced), name
        sequence = VideoSequence(sources)
        return (PacedReader(sequence) if paced else sequence), name  # type: ignore[arg-type]
    if rate_hz is not None:
        return SampledCamera(camera, rate_hz), f"camera {camera}"
    return CameraReader(camera), f"camera {camera}"
