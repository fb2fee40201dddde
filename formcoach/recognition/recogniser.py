"""Which exercise is being done, frame by frame, as poses stream in.

Frames go in with any payload (the video frame, its pose) and come out again,
in order, each with a label: an exercise name or "none". Analysis scores each
frame on a window centred on it and smooths with a lag, so its output trails
the input by `window_s / 2 + lag_s`; live coaching scores the window ending
at the frame and uses no lag, so a label is known as soon as it is certain.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np

from formcoach.core.pose import PoseFrame
from formcoach.recognition.features import frame_features
from formcoach.recognition.rules import LABELS, NONE, Scores, score_window
from formcoach.recognition.segmenter import Segmenter
from formcoach.recognition.window import window_stats

T = TypeVar("T")


@dataclass(frozen=True)
class RecogniserOptions:
    window_s: float = 2.5  # how much movement a label is judged on
    switch_s: float = 1.0  # evidence needed before the label changes (see segmenter.py)
    lag_s: float = 1.5  # analysis only: how far behind the label is decided
    centred: bool = True  # False for live: the window ends at the frame


LIVE = RecogniserOptions(window_s=2.0, switch_s=1.0, lag_s=0.0, centred=False)


@dataclass(frozen=True)
class Labelled(Generic[T]):
    payload: T
    frame: PoseFrame
    label: str  # an exercise name or NONE
    score: float  # how well the frame's window fits the label, 0..1
    scores: Scores


class Recogniser(Generic[T]):
    def __init__(self, options: RecogniserOptions = RecogniserOptions(), fps: float = 30.0):
        self.o = options
        self._half = max(1, round(options.window_s * fps / 2))
        lag = round(options.lag_s * fps) if options.centred else 0
        self._segmenter = Segmenter(LABELS, switch_s=options.switch_s, lag_frames=lag)
        self._features: deque[np.ndarray | None] = deque()  # the window's frames
        self._pending: deque[tuple[T, PoseFrame]] = deque()  # not yet scored
        self._scored: deque[tuple[T, PoseFrame, Scores]] = deque()  # scored, not yet decided

    def push(self, payload: T, frame: PoseFrame) -> Iterator[Labelled[T]]:
        """Add a frame; yield the frames whose label is now decided."""
        features = frame_features(frame.pose)
        self._features.append(features.as_array() if features is not None else None)
        self._pending.append((payload, frame))
        if self.o.centred:
            # the window is centred on the frame `half` behind the newest
            while len(self._features) > 2 * self._half + 1:
                self._features.popleft()
            if len(self._pending) > self._half:
                yield from self._score_oldest()
        else:
            while len(self._features) > 2 * self._half:
                self._features.popleft()
            yield from self._score_oldest()

    def finish(self) -> Iterator[Labelled[T]]:
        """End of the stream: score and decide every frame still held back."""
        while self._pending:
            while self.o.centred and len(self._features) - len(self._pending) > self._half:
                self._features.popleft()
            yield from self._score_oldest()
        yield from self._release(self._segmenter.finish())

    def _score_oldest(self) -> Iterator[Labelled[T]]:
        payload, frame = self._pending.popleft()
        scores = score_window(window_stats(list(self._features)))
        if frame.pose is None:
            scores = score_window(None)  # nobody in this frame: no checker runs on it
        self._scored.append((payload, frame, scores))
        yield from self._release(self._segmenter.push(frame.time_s, scores.by_label))

    def _release(self, decisions: list) -> Iterator[Labelled[T]]:
        for d in decisions:
            payload, frame, scores = self._scored.popleft()
            yield Labelled(payload, frame, d.label, d.score, scores)


__all__ = ["LIVE", "NONE", "Labelled", "Recogniser", "RecogniserOptions"]
