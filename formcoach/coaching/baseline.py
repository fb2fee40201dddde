"""A measure judged against the person, not a population: their own settled baseline.

People differ at rest (a first study of the back outline found neutral arch
depths from 0.07 to 0.12 torso lengths across bodies and clothes), so a
fault is better read as a rise over the value the person settles into.
The baseline is the 60th percentile (`percentile`) of the first `window_s`
seconds of in-position frames, counted once the person has been in position
for `settle_s`. For a hold it is taken anew each hold; for reps it is
gathered across the first reps' low phases and kept.

Why above the median: the outline's errors on real video are one-sided. An
arm, hair, a loose hem or a mask bleeding into the background fills the
hollow of the back for a frame; nothing deepens it. Measured against a
rolling median, a real half-kneeling clip's arch depth dips 0.017 L at its
5th percentile but rises only 0.009 at its 95th, and its re-encoded,
downscaled copy settled onto a median of 0.041 L where the person sat at
0.07, so an ordinary 0.08 read as an arch (20 arched frames, one cue). With
the 60th percentile that copy gets none, and on the rendered arch clips
(noise symmetric, SD 0.002-0.005 L) the share of arched frames called moved
by at most a point against the median (by up to 4 at the 75th).
"""

from __future__ import annotations

import math

import numpy as np

# Frame times are sums of 1/fps: 15 frames at 30 fps add up to 0.49999999999999994 s.
TIME_TOLERANCE_S = 1e-6


class PersonalBaseline:
    def __init__(
        self,
        settle_s: float = 0.5,
        window_s: float = 1.0,
        reset_after_s: float | None = 1.5,
        min_samples: int = 5,
        percentile: float = 60.0,
    ) -> None:
        self.settle_s = settle_s
        self.window_s = window_s
        self.reset_after_s = reset_after_s  # None: keep across reps
        self.min_samples = min_samples
        self.percentile = percentile
        self.value: float | None = None
        self._samples: list[float] = []
        self._collected_s = 0.0
        self._since: float | None = None
        self._out_since: float | None = None
        self._last_t: float | None = None

    def update(self, time_s: float, value: float | None, in_position: bool) -> float | None:
        """Feed one frame; returns the baseline once it is set."""
        dt = 0.0 if self._last_t is None else min(time_s - self._last_t, 0.25)
        self._last_t = time_s
        if not in_position:
            self._since = None
            self._out_since = time_s if self._out_since is None else self._out_since
            if self.reset_after_s is not None and time_s - self._out_since >= self.reset_after_s:
                self.reset()
            return self.value
        self._out_since = None
        if self._since is None:
            self._since = time_s
        settled = time_s - self._since >= self.settle_s
        if self.value is None and settled and value is not None and math.isfinite(value):
            self._samples.append(value)
            self._collected_s += dt
            full = self._collected_s >= self.window_s - TIME_TOLERANCE_S
            if full and len(self._samples) >= self.min_samples:
                self.value = float(np.percentile(self._samples, self.percentile))
        return self.value

    def reset(self) -> None:
        self.value = None
        self._samples.clear()
        self._collected_s = 0.0
        self._since = None
        self._out_since = None
