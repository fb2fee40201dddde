"""The measures a report plots, over a session's frames, and when each fault was present.

Values are kept in float arrays (8 bytes each): an hour of live coaching at
30 fps with eight plotted series is about 7 MB. Fault periods are the
coach's confirmed faults (`FrameResult.present`, set-up codes included), so
the shading matches what the cues acted on rather than single-frame flicker.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable

import numpy as np

from formcoach.coaching.session import FrameResult


class SessionSeries:
    def __init__(self, measures: Iterable[str]) -> None:
        self._times = array("d")
        self._values = {name: array("d") for name in dict.fromkeys(measures)}
        self._open: dict[str, float] = {}
        self._closed: dict[str, list[tuple[float, float]]] = {}
        self._last_t: float | None = None

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(self._values)

    def add(self, result: FrameResult) -> None:
        t = result.time_s
        self._times.append(t)
        measures = result.assessment.measures
        for name, values in self._values.items():
            value = measures.get(name)
            values.append(math.nan if value is None else float(value))
        for code in result.present - self._open.keys():
            self._open[code] = t
        for code in self._open.keys() - result.present:
            self._closed.setdefault(code, []).append((self._open.pop(code), t))
        self._last_t = t

    def times(self) -> np.ndarray:
        return np.frombuffer(self._times, dtype=float).copy()

    def values(self, measure: str) -> np.ndarray:
        """The measure at each frame; NaN where it was not measured."""
        if measure not in self._values:
            return np.full(len(self._times), math.nan)
        return np.frombuffer(self._values[measure], dtype=float).copy()

    def periods(self) -> dict[str, list[tuple[float, float]]]:
        """Fault code -> (start_s, end_s) periods; one still present ends at the last frame."""
        out = {code: list(spans) for code, spans in self._closed.items()}
        end = self._last_t if self._last_t is not None else 0.0
        for code, start in self._open.items():
            out.setdefault(code, []).append((start, end))
        return out
