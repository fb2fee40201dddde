"""From per-frame scores to a steady label: a Viterbi path with a price on switching.

Each frame scores every label (rules.py). Taking the best label frame by
frame flickers wherever two rules are close; the path that maximises the sum
of log scores minus `switch_cost` for every change does not. The cost is in
"frames at 30 fps of an exercise scoring twice its rival": with the default,
a new exercise must clearly win for about `switch_s` seconds before the label
changes.

With `lag_frames` > 0 the label of a frame is read off the best path `lag`
frames later (fixed-lag smoothing), so analysis places a boundary where the
change began rather than where it became certain. Live coaching uses no lag.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

REFERENCE_FPS = 30.0
SCORE_FLOOR = 1e-3


@dataclass(frozen=True)
class Decision:
    index: int  # position in the stream of pushed frames
    label: str
    score: float  # the frame's own score for that label


class Segmenter:
    def __init__(self, labels: tuple[str, ...], *, switch_s: float = 1.0, lag_frames: int = 0):
        self.labels = labels
        self.lag = lag_frames
        self.switch_cost = switch_s * REFERENCE_FPS * math.log(2.0)
        self._delta: np.ndarray | None = None
        self._pointers: deque[np.ndarray] = deque()
        self._scores: deque[np.ndarray] = deque()
        self._pushed = 0
        self._decided = 0
        self._last_time: float | None = None

    def push(self, time_s: float, scores: dict[str, float]) -> list[Decision]:
        """Add one frame's scores; return the frames now decided (oldest first)."""
        s = np.array([scores[label] for label in self.labels])
        dt = 1.0 / REFERENCE_FPS if self._last_time is None else time_s - self._last_time
        weight = min(max(dt * REFERENCE_FPS, 0.0), 10.0)  # frames at 30 fps this frame stands for
        self._last_time = time_s
        emit = weight * np.log(np.maximum(s, SCORE_FLOOR))
        if self._delta is None:
            self._delta = emit
            pointer = np.arange(len(self.labels))
        else:
            # stay: no cost; switch: the cost. delta[i] - cost*(i != j), maximised over i
            best_prev = int(np.argmax(self._delta))
            stay = self._delta
            switch = self._delta[best_prev] - self.switch_cost
            pointer = np.where(stay >= switch, np.arange(len(self.labels)), best_prev)
            self._delta = np.maximum(stay, switch) + emit
        self._delta -= self._delta.max()  # keep numbers small
        self._pointers.append(pointer)
        self._scores.append(s)
        self._pushed += 1
        out = []
        while self._pushed - self._decided > self.lag:
            out.append(self._decide_oldest())
        return out

    def finish(self) -> list[Decision]:
        """Decide every frame still waiting (end of the video)."""
        out = []
        while self._decided < self._pushed:
            out.append(self._decide_oldest())
        return out

    def _decide_oldest(self) -> Decision:
        assert self._delta is not None
        state = int(np.argmax(self._delta))
        for pointer in reversed(list(self._pointers)[1:]):
            state = int(pointer[state])
        self._pointers.popleft()
        scores = self._scores.popleft()
        decision = Decision(self._decided, self.labels[state], float(scores[state]))
        self._decided += 1
        return decision
