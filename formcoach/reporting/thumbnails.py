"""The frame where each cue started, drawn as the user saw it, as a small JPEG.

A thumbnail is taken only when a cue starts (a few per minute at most), so
the per-frame cost is a look at the frame's events. They are kept in memory
and embedded in report.html; no image file is written. `MAX_THUMBNAILS`
bounds the page's size in a long live session.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from formcoach.coaching.session import FrameResult
from formcoach.exercises.base import ExerciseSpec
from formcoach.overlay import annotate, default_annotators

log = logging.getLogger(__name__)

THUMB_WIDTH = 320
JPEG_QUALITY = 72
MAX_THUMBNAILS = 200

CueKey = tuple[str, float]


def cue_key(code: str, start_s: float) -> CueKey:
    """How a cue is matched to its thumbnail: report.json keeps start_s to 2 decimals."""
    return code, round(start_s, 2)


def encode_thumbnail(frame_bgr: np.ndarray, width: int = THUMB_WIDTH) -> bytes:
    h, w = frame_bgr.shape[:2]
    if w > width:
        frame_bgr = cv2.resize(frame_bgr, (width, max(1, round(h * width / w))), cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", frame_bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return data.tobytes()


class CueThumbnails:
    def __init__(self, spec: ExerciseSpec, limit: int = MAX_THUMBNAILS) -> None:
        self._annotators = default_annotators(spec)
        self._limit = limit
        self.images: dict[CueKey, bytes] = {}
        self.skipped = 0  # cues past the limit, listed without a picture

    def add(self, frame: np.ndarray, result: FrameResult) -> None:
        for event in result.events:
            if event.kind != "cue" or event.code is None:
                continue
            if len(self.images) >= self._limit:
                self.skipped += 1
                continue
            drawn = annotate(frame.copy(), result, self._annotators)
            self.images[cue_key(event.code, event.time_s)] = encode_thumbnail(drawn)

    def get(self, code: str, start_s: float | None) -> bytes | None:
        if start_s is None:
            return None
        return self.images.get(cue_key(code, start_s))
