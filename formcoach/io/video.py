"""Reading frames from video files and cameras, writing annotated video.

Readers are iterables of `(index, time_s, frame_bgr)`. A file's frame times
come from its frame rate (index / fps), a camera's from a monotonic clock,
so the core never reads the wall clock itself.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import cv2
import numpy as np

from formcoach.errors import VideoError

log = logging.getLogger(__name__)

Frame = tuple[int, float, np.ndarray]


@dataclass(frozen=True)
class VideoInfo:
    fps: float
    frames: int  # as the container says; may be 0 or wrong for some files
    width: int
    height: int


def _probe(cap: cv2.VideoCapture) -> VideoInfo:
    fps = cap.get(cv2.CAP_PROP_FPS) or 0.0
    if not (1.0 <= fps <= 240.0):
        fps = 30.0
    return VideoInfo(
        fps=fps,
        frames=max(0, int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)),
        width=int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
        height=int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
    )


class VideoFileReader:
    """Frames of a video file. Raises VideoError if it is missing or unreadable."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise VideoError(f"video file not found: {self.path}")
        if self.path.is_dir():
            raise VideoError(f"{self.path} is a folder, not a video file")
        cap = cv2.VideoCapture(str(self.path))
        ok, first = cap.read() if cap.isOpened() else (False, None)
        if not ok or first is None:
            cap.release()
            raise VideoError(f"cannot read {self.path}: not a video OpenCV can decode")
        self._cap = cap
        self._first: np.ndarray | None = first
        info = _probe(cap)
        self.info = VideoInfo(info.fps, info.frames, first.shape[1], first.shape[0])

    def __iter__(self) -> Iterator[Frame]:
        index = 0
        fps = self.info.fps
        try:
            if self._first is not None:
                first, self._first = self._first, None
                yield 0, 0.0, first
                index = 1
            while True:
                ok, frame = self._cap.read()
                if not ok or frame is None:
                    break
                yield index, index / fps, frame
                index += 1
        finally:
            self._cap.release()
        if self.info.frames and index < self.info.frames - 1:
            log.warning(
                "%s ended after %d of %d frames (truncated?)", self.path, index, self.info.frames
            )

    def close(self) -> None:
        self._cap.release()


def open_camera(index: int) -> tuple[cv2.VideoCapture, np.ndarray]:
    """The camera and its first frame; VideoError (one line) if it gives none."""
    backend = cv2.CAP_V4L2 if sys.platform.startswith("linux") else cv2.CAP_ANY
    cap = cv2.VideoCapture(index, backend)
    ok, first = cap.read() if cap.isOpened() else (False, None)
    if not ok or first is None:
        cap.release()
        raise VideoError(
            f"camera {index} cannot be opened (no such device, or it is in use); "
            "try another --camera index or --source VIDEO"
        )
    return cap, first


class CameraReader:
    """Frames from a camera; stops (without error) if the camera disappears mid-stream."""

    def __init__(self, index: int, *, read_timeout_failures: int = 30) -> None:
        self.index = index
        cap, first = open_camera(index)
        self._cap = cap
        self._first: np.ndarray | None = first
        info = _probe(cap)
        self.info = VideoInfo(info.fps, 0, first.shape[1], first.shape[0])
        self._max_failures = read_timeout_failures
        self.lost = False

    def __iter__(self) -> Iterator[Frame]:
        start = time.monotonic()
        index, failures = 0, 0
        try:
            if self._first is not None:
                first, self._first = self._first, None
                yield 0, 0.0, first
                index = 1
            while True:
                self._before_read(index, start)
                ok, frame = self._cap.read()
                if not ok or frame is None:
                    failures += 1
                    if failures >= self._max_failures:
                        self.lost = True
                        log.warning("camera %d stopped sending frames", self.index)
                        return
                    time.sleep(0.01)
                    continue
                failures = 0
                yield index, time.monotonic() - start, frame
                index += 1
        finally:
            self._cap.release()

    def _before_read(self, index: int, start: float) -> None:
        """A hook run before each read (a sampling reader waits here)."""

    def close(self) -> None:
        self._cap.release()


class PacedReader:
    """A video file played at its own frame rate, as if it were a camera.

    Frames that fall behind the clock are skipped, as a live camera would
    drop them; `dropped` counts them.
    """

    def __init__(self, reader: VideoFileReader, *, loop: bool = False) -> None:
        self.reader = reader
        self.info = reader.info
        self.loop = loop
        self.dropped = 0
        self.lost = False

    def __iter__(self) -> Iterator[Frame]:
        start = time.monotonic()
        offset_s, emitted = 0.0, 0
        while True:
            last_t = 0.0
            for _, t, frame in self.reader:
                last_t = t
                due = start + offset_s + t
                now = time.monotonic()
                if now < due:
                    time.sleep(due - now)
                elif now - due > 1.5 / self.info.fps:
                    self.dropped += 1
                    continue
                yield emitted, offset_s + t, frame
                emitted += 1
            if not self.loop:
                return
            offset_s += last_t + 1.0 / self.info.fps
            self.reader = VideoFileReader(self.reader.path)


class VideoWriterSink:
    """Writes BGR frames to an .mp4 file (written to a temp name, renamed on close)."""

    def __init__(self, path: str | Path, fps: float, width: int, height: int) -> None:
        self.path = Path(path)
        self._tmp = self.path.with_name(self.path.stem + ".part.mp4")
        self._writer = cv2.VideoWriter(
            str(self._tmp), cv2.VideoWriter_fourcc(*"mp4v"), fps, (width, height)
        )
        if not self._writer.isOpened():
            raise VideoError(f"cannot write video {self.path}")

    def write(self, frame: np.ndarray) -> None:
        self._writer.write(frame)

    def __enter__(self) -> VideoWriterSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.release()
            self._writer = None
            os.replace(self._tmp, self.path)


class BackgroundVideoWriter:
    """Draws and encodes frames on a worker thread while the caller finds the next pose.

    OpenCV releases the GIL while encoding and MediaPipe while inferring, so
    the two overlap on a 2-core machine. `render(frame, item)` is called on
    the worker; what it draws must not be changed by the caller afterwards
    (frames and the frozen per-frame results are handed over, not shared).
    An error on the worker is raised again on the next `write` or on `close`.
    """

    def __init__(
        self,
        sink: VideoWriterSink,
        render: Callable[[np.ndarray, Any], np.ndarray],
        queue_size: int = 8,
    ) -> None:
        self._sink = sink
        self._render = render
        self._queue: queue.Queue[tuple[np.ndarray, Any] | None] = queue.Queue(queue_size)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="video-writer", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is not None:
                continue
            try:
                frame, data = item
                self._sink.write(self._render(frame, data))
            except BaseException as exc:  # handed to the caller's thread
                self._error = exc

    def write(self, frame: np.ndarray, data: Any) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((frame, data))

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._sink.close()
        if self._error is not None:
            raise self._error
