"""Tests for formcoach.coaching.steady: a reading over the frames where a position was still."""

from __future__ import annotations

import math

import pytest

from formcoach.coaching.steady import steady_reading

FPS = 30.0


def samples(duration_s: float, thigh_at, knee_at=lambda t: 80.0):
    return [
        (i / FPS, {"thigh": thigh_at(i / FPS), "knee": knee_at(i / FPS)})
        for i in range(int(duration_s * FPS))
    ]


def settling(t: float) -> float:
    """A leg relaxing from 20 deg down to -10 over 2 s, then still."""
    return -10.0 + 30.0 * max(0.0, 1.0 - t / 2.0)


@pytest.mark.parametrize(
    ("thigh_at", "steady_s", "thigh"),
    [
        pytest.param(lambda t: -12.0, 9.0, -12.0, id="still from the start: all but the window"),
        # the last second moves less than 4 deg from 2.73 s on (4 deg = 0.27 s of the settling)
        pytest.param(settling, 7.27, -10.0, id="settles after 2 s: only the still part counts"),
        pytest.param(
            lambda t: -12.0 + 1.5 * math.sin(3.0 * t), 9.0, -12.0, id="small tremor: still steady"
        ),
    ],
)
def test_the_reading_is_the_median_of_the_steady_frames(thigh_at, steady_s, thigh):
    reading = steady_reading(samples(10.0, thigh_at), ("thigh", "knee"), 1.0, 4.0)
    assert reading is not None
    assert reading.steady_s == pytest.approx(steady_s, abs=0.1)
    assert reading.values["thigh"] == pytest.approx(thigh, abs=0.5)
    assert reading.values["knee"] == pytest.approx(80.0)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param([], id="no samples"),
        pytest.param(samples(0.8, lambda t: 0.0), id="shorter than the window"),
        pytest.param(samples(10.0, lambda t: 20.0 * math.sin(2.0 * t)), id="never still"),
        pytest.param(
            samples(10.0, lambda t: -12.0, knee_at=lambda t: 80.0 + 15.0 * math.sin(4.0 * t)),
            id="the thigh still but the knee swinging",
        ),
    ],
)
def test_no_reading_without_a_steady_stretch(data):
    assert steady_reading(data, ("thigh", "knee"), 1.0, 4.0) is None


def test_a_frame_without_the_measure_is_not_steady():
    data = samples(5.0, lambda t: -12.0)
    data[100] = (data[100][0], {"thigh": math.nan, "knee": 80.0})
    reading = steady_reading(data, ("thigh", "knee"), 1.0, 4.0)
    assert reading is not None
    assert reading.values["thigh"] == pytest.approx(-12.0)
