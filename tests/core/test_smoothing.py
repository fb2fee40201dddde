"""Tests for formcoach.core.smoothing: jitter goes, motion keeps up.

The lag tests move a landmark (or a whole lunge figure) at body speeds from
rest and compare the frame on which the raw and the filtered signal first
cross a threshold: the module promises under two frames of lag at 30 fps.
"""

from __future__ import annotations

import numpy as np
import pytest
from poses import FPS, FRAME_H, kneeling, lunge

from formcoach.core.geometry import joint_angle_deg
from formcoach.core.landmarks import Landmark as L
from formcoach.core.smoothing import LandmarkSmoother, OneEuroFilter

MAX_LAG_FRAMES = 2


def first_crossing(values: np.ndarray, threshold: float, *, falling: bool) -> int:
    crossed = values < threshold if falling else values > threshold
    assert crossed.any(), "the signal never crossed the threshold"
    return int(np.argmax(crossed))


def test_still_landmarks_with_jitter_are_smoothed_hard():
    rng = np.random.default_rng(7)
    still = kneeling(1).pose().xy
    smoother = LandmarkSmoother()
    raw, filtered = [], []
    for i in range(300):
        noisy = still + rng.normal(0.0, 1.5, still.shape)  # MediaPipe's ~1-2 px jitter
        raw.append(noisy)
        filtered.append(smoother(noisy, i / FPS, FRAME_H))
    raw_arr, filt_arr = np.array(raw)[30:], np.array(filtered)[30:]  # after settling
    raw_std = raw_arr.std(axis=0).mean()
    filt_std = filt_arr.std(axis=0).mean()
    assert filt_std < 0.45 * raw_std
    assert np.abs(filt_arr.mean(axis=0) - still).max() < 0.5  # no drift


def test_the_first_sample_passes_through():
    xy = kneeling(1).pose().xy
    np.testing.assert_allclose(LandmarkSmoother()(xy, 3.0, FRAME_H), xy)


@pytest.mark.parametrize(
    "speed", [pytest.param(v, id=f"{v} frame heights per second") for v in (0.5, 1.0, 2.0)]
)
@pytest.mark.parametrize(
    "threshold_px", [pytest.param(p, id=f"{p} px into the move") for p in (10, 30, 100, 250)]
)
def test_lag_on_a_point_starting_to_move(speed, threshold_px):
    start_s, start_y = 1.0, 100.0
    smoother = LandmarkSmoother()
    raw, filtered = [], []
    for i in range(int(2.5 * FPS)):
        t = i / FPS
        y = start_y + max(0.0, t - start_s) * speed * FRAME_H
        xy = np.full((33, 2), 300.0)
        xy[:, 1] = y
        raw.append(y)
        filtered.append(smoother(xy, t, FRAME_H)[0, 1])
    threshold = start_y + threshold_px
    lag = first_crossing(np.array(filtered), threshold, falling=False) - first_crossing(
        np.array(raw), threshold, falling=False
    )
    assert 0 <= lag <= MAX_LAG_FRAMES


def _front_knee_deg(xy: np.ndarray) -> float:
    return joint_angle_deg(xy[L.RIGHT_HIP], xy[L.RIGHT_KNEE], xy[L.RIGHT_ANKLE])


@pytest.mark.parametrize(
    "facing", [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
)
@pytest.mark.parametrize(
    "rate", [pytest.param(r, id=f"knee bending {r} deg per s") for r in (90.0, 180.0)]
)
@pytest.mark.parametrize(
    "threshold", [pytest.param(t, id=f"crossing {t:.0f} deg") for t in (160, 135, 120, 100)]
)
def test_lag_on_a_knee_angle_going_down_into_a_lunge(facing, rate, threshold):
    # The front knee reads 180 - 85 * depth, so depth grows at rate / 85 per second.
    smoother = LandmarkSmoother()
    raw, filtered = [], []
    for i in range(int(2.5 * FPS)):
        t = i / FPS
        depth = min(1.0, max(0.0, (t - 1.0) * rate / 85.0))
        xy = lunge(depth, facing, front_label="right").pose().xy
        raw.append(_front_knee_deg(xy))
        filtered.append(_front_knee_deg(smoother(xy, t, FRAME_H)))
    lag = first_crossing(np.array(filtered), threshold, falling=True) - first_crossing(
        np.array(raw), threshold, falling=True
    )
    assert 0 <= lag <= MAX_LAG_FRAMES


def test_a_person_who_comes_back_after_a_gap_is_not_dragged_from_where_they_left():
    here = kneeling(1, hip=(400.0, 420.0)).pose().xy
    there = kneeling(1, hip=(900.0, 420.0)).pose().xy
    smoother = LandmarkSmoother(reset_after_s=0.5)
    for i in range(30):
        smoother(here, i / FPS, FRAME_H)
    after_gap = smoother(there, 29 / FPS + 1.0, FRAME_H)
    np.testing.assert_allclose(after_gap, there)


def test_a_short_gap_keeps_filtering():
    here = kneeling(1, hip=(400.0, 420.0)).pose().xy
    there = kneeling(1, hip=(420.0, 420.0)).pose().xy
    smoother = LandmarkSmoother(reset_after_s=0.5)
    for i in range(30):
        smoother(here, i / FPS, FRAME_H)
    after_gap = smoother(there, 29 / FPS + 0.2, FRAME_H)
    moved_px = after_gap[L.NOSE, 0] - here[L.NOSE, 0]
    assert 0.0 < moved_px < 20.0  # part of the way: still filtered, not restarted


@pytest.mark.parametrize("height", [pytest.param(h, id=f"{h} px frames") for h in (360, 1080)])
def test_filtering_does_not_depend_on_the_resolution(height):
    rng = np.random.default_rng(1)
    base = kneeling(1).pose().xy
    path = [base + rng.normal(0.0, 2.0, base.shape) + [i * 8.0, 0.0] for i in range(40)]
    ref, other = LandmarkSmoother(), LandmarkSmoother()
    k = height / FRAME_H
    for i, xy in enumerate(path):
        a = ref(xy, i / FPS, FRAME_H)
        b = other(xy * k, i / FPS, height)
    np.testing.assert_allclose(b, a * k, rtol=1e-9, atol=1e-9)


def test_one_euro_restarts_when_time_does_not_advance():
    f = OneEuroFilter()
    f(np.array([0.0]), 0.0)
    f(np.array([1.0]), 0.1)
    np.testing.assert_allclose(f(np.array([5.0]), 0.1), [5.0])
