"""Tests for formcoach.coaching.swings: counting the swings of an oscillating signal.

The signals stand for a hip's flexion during leg swings: + forward, - back.
A swing is counted at its forward turn, once the signal has come back from
it by the reversal (10 deg here).
"""

from __future__ import annotations

import math

import pytest

from formcoach.coaching.swings import SwingCounter

FPS = 30.0
REVERSAL, MIN_RANGE = 10.0, 30.0


def swinging(t: float, front: float = 55.0, back: float = -25.0, period: float = 1.2) -> float:
    """From the back end (t = 0) to the front and back, `period` a swing."""
    mid, amp = (front + back) / 2.0, (front - back) / 2.0
    return mid - amp * math.cos(2.0 * math.pi * t / period)


def run(signal_at, duration_s: float, leg_at=None, measures_at=None) -> SwingCounter:
    counter = SwingCounter(REVERSAL, MIN_RANGE)
    for i in range(int(round(duration_s * FPS))):
        t = i / FPS
        counter.update(
            t,
            signal_at(t),
            leg_at(t) if leg_at else "left",
            frozenset(),
            measures_at(t) if measures_at else None,
        )
    return counter


@pytest.mark.parametrize(
    ("signal_at", "duration_s", "swings"),
    [
        pytest.param(swinging, 4 * 1.2 + 0.3, 4, id="4 swings, ending at the back"),
        pytest.param(swinging, 3 * 1.2 + 0.5, 3, id="stopped just before the 4th forward turn"),
        pytest.param(lambda t: swinging(t + 0.6), 4 * 1.2 + 0.3, 4, id="starting at the front"),
        pytest.param(
            lambda t: swinging(t) + 4.0 * math.sin(2 * math.pi * 7.0 * t),
            4 * 1.2 + 0.3,
            4,
            id="4 swings with +-4 deg of jitter",
        ),
        pytest.param(
            lambda t: swinging(t, front=15.0, back=-5.0), 4 * 1.2, 0, id="20 deg: too small"
        ),
        pytest.param(lambda t: 3.0 * math.sin(2 * math.pi * t), 5.0, 0, id="standing still"),
    ],
)
def test_swings_are_counted_at_each_forward_turn(signal_at, duration_s, swings):
    assert len(run(signal_at, duration_s).reps) == swings


def test_a_swing_reports_its_range_and_turning_points():
    counter = run(swinging, 3 * 1.2 + 0.3)
    first, *rest = counter.reps
    for swing in rest:
        assert swing.depth == pytest.approx(-25.0, abs=0.5)
        assert swing.high == pytest.approx(55.0, abs=0.5)
        assert swing.range == pytest.approx(80.0, abs=1.0)
        assert swing.end_s - swing.start_s == pytest.approx(1.2, abs=2 / FPS)
    assert first.range == pytest.approx(80.0, abs=1.0)  # from the back end it started at
    assert [s.bottom_s for s in counter.reps] == pytest.approx([0.0, 1.2, 2.4], abs=2 / FPS)


def test_a_swing_keeps_the_span_of_the_trunk_and_its_side():
    counter = run(
        swinging,
        2 * 1.2 + 0.3,
        leg_at=lambda t: "right",
        measures_at=lambda t: {"trunk_deg": -6.0 * math.cos(2 * math.pi * t / 1.2 + math.pi)},
    )
    for swing in counter.reps:
        assert swing.side == "right"
        assert swing.span_of("trunk_deg") == pytest.approx(12.0, abs=0.5)


def test_a_pause_longer_than_max_idle_drops_the_unfinished_swing():
    def stop_midway(t: float) -> float:
        return swinging(min(t, 0.3)) if t < 3.0 else swinging(t - 3.0 + 0.3)

    counter = run(stop_midway, 3.0 + 0.6 + 0.3)
    # the first swing stalled halfway up for 2.7 s: dropped; the rest goes on
    assert len(counter.reps) == 1
    assert counter.reps[0].start_s >= 1.5


@pytest.mark.parametrize(
    "gap", [pytest.param(None, id="signal missing"), pytest.param(math.nan, id="signal NaN")]
)
def test_frames_without_a_signal_are_skipped(gap):
    counter = run(lambda t: gap if 0.5 <= t < 0.6 else swinging(t), 2 * 1.2 + 0.3)
    assert len(counter.reps) == 2


@pytest.mark.parametrize(
    ("reversal", "min_range"),
    [
        pytest.param(0.0, 30.0, id="no reversal"),
        pytest.param(20.0, 10.0, id="range smaller than the reversal"),
    ],
)
def test_parameters_that_cannot_count_are_refused(reversal, min_range):
    with pytest.raises(ValueError, match="reversal"):
        SwingCounter(reversal, min_range)
