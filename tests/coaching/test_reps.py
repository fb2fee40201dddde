"""Tests for formcoach.coaching.reps: counting reps from a signal that dips."""

from __future__ import annotations

import math

import numpy as np
import pytest

from formcoach.coaching.reps import RepCounter

FPS = 30.0
START_BELOW, END_ABOVE = 150.0, 160.0


def dip(t: float, start: float, length: float = 2.0, bottom: float = 100.0, top: float = 175.0):
    """A smooth dip from `top` to `bottom` and back over `length` seconds."""
    if not start <= t < start + length:
        return top
    return top - (top - bottom) * 0.5 * (1.0 - math.cos(2.0 * math.pi * (t - start) / length))


def run(
    signal_at, duration_s: float, counter: RepCounter | None = None, leg_at=None, faults_at=None
):
    counter = counter or RepCounter(START_BELOW, END_ABOVE)
    for i in range(int(round(duration_s * FPS))):
        t = i / FPS
        counter.update(
            t,
            signal_at(t),
            leg_at(t) if leg_at else "left",
            faults_at(t) if faults_at else frozenset(),
        )
    return counter


def test_one_dip_is_one_rep_with_its_depth_and_times():
    counter = run(lambda t: dip(t, 1.0), 4.0)
    (rep,) = counter.reps
    assert rep.depth == pytest.approx(100.0, abs=0.1)
    assert rep.bottom_s == pytest.approx(2.0, abs=1 / FPS)
    # 175 - 75 * (1 - cos)/2 crosses 150 at cos = 1/3 and 160 at cos = 0.6
    crossing_down = 1.0 + math.acos(1 / 3) / math.pi
    crossing_up = 3.0 - math.acos(0.6) / math.pi
    assert rep.start_s == pytest.approx(crossing_down, abs=1 / FPS)
    assert rep.end_s == pytest.approx(crossing_up, abs=1 / FPS)
    assert counter.current is None


@pytest.mark.parametrize("count", [pytest.param(n, id=f"{n} reps") for n in (2, 5)])
def test_each_dip_counts_once(count):
    counter = run(lambda t: dip(t % 3.0, 0.5), 3.0 * count)
    assert len(counter.reps) == count


@pytest.mark.parametrize(
    ("signal_at", "reps"),
    [
        pytest.param(
            lambda t: dip(t, 1.0, length=4.0) + 8.0 * math.sin(2 * math.pi * 3.0 * t),
            1,
            id="wobble of +-8 deg at the bottom",
        ),
        pytest.param(
            lambda t: 150.0 + 6.0 * math.sin(2 * math.pi * 2.0 * t) if t < 4.0 else 175.0,
            1,
            id="wobble across start_below, then up",
        ),
        pytest.param(
            lambda t: dip(t, 1.0) if t < 2.0 else 155.0,
            0,
            id="came up only between the thresholds: not counted yet",
        ),
        pytest.param(
            lambda t: 155.0 + 4.9 * math.sin(2 * math.pi * 2.0 * t),
            0,
            id="hovering between the thresholds",
        ),
    ],
)
def test_hysteresis_keeps_wobbles_from_counting(signal_at, reps):
    assert len(run(signal_at, 6.0).reps) == reps


@pytest.mark.parametrize(
    "gap", [pytest.param(None, id="signal missing (None)"), pytest.param(math.nan, id="signal NaN")]
)
def test_frames_without_a_signal_neither_start_nor_end_a_rep(gap):
    def signal_at(t):
        if 1.9 <= t < 2.1 or 0.0 <= t < 0.5:
            return gap
        return dip(t, 1.0)

    counter = run(signal_at, 4.0)
    assert len(counter.reps) == 1


def test_side_and_faults_come_from_the_low_part_of_the_rep():
    def leg_at(t):
        return "right" if 1.6 <= t < 2.4 else "left"  # "left" only near the top

    def faults_at(t):
        return (
            frozenset({"lean"})
            if 1.8 <= t < 2.2
            else frozenset({"top_only"})
            if t < 1.2
            else frozenset()
        )

    counter = run(lambda t: dip(t, 1.0), 4.0, leg_at=leg_at, faults_at=faults_at)
    (rep,) = counter.reps
    assert rep.side == "right"
    assert rep.faults == {"lean"}


@pytest.mark.parametrize(
    ("start_below", "end_above", "error"),
    [
        pytest.param(150.0, 160.0, None, id="valid thresholds"),
        pytest.param(150.0, 150.0, ValueError, id="no gap between the thresholds"),
        pytest.param(160.0, 150.0, ValueError, id="thresholds the wrong way round"),
    ],
)
def test_thresholds_must_leave_a_gap(start_below, end_above, error):
    if error is None:
        counter = RepCounter(start_below, end_above)
        assert (counter.start_below, counter.end_above) == (start_below, end_above)
    else:
        with pytest.raises(error, match=rf"{end_above}.*{start_below}"):
            RepCounter(start_below, end_above)


# -- what a rep keeps for judging it afterwards ------------------------------------


def plateau(t: float, start: float, hold_s: float, move_s: float = 0.5) -> float:
    """Down from 175 to 100 over `move_s`, held `hold_s`, back up over `move_s`."""
    bottom, end = start + move_s, start + 2 * move_s + hold_s
    return float(np.interp(t, [start, bottom, end - move_s, end], [175.0, 100.0, 100.0, 175.0]))


@pytest.mark.parametrize(
    ("hold_s", "within"),
    [
        pytest.param(2.0, 5.0, id="held 2 s at the bottom"),
        pytest.param(0.5, 5.0, id="held 0.5 s"),
        pytest.param(0.0, 5.0, id="straight through"),
    ],
)
def test_a_rep_knows_how_long_it_stayed_at_the_bottom(hold_s, within):
    counter = run(lambda t: plateau(t, 1.0, hold_s), 6.0)
    (rep,) = counter.reps
    # within 5 deg of the bottom of a 75 deg move over 0.5 s adds 2 x 5/75 x 0.5 s
    expected = hold_s + 2 * within / 75.0 * 0.5
    assert rep.time_near_bottom_s(within) == pytest.approx(expected, abs=2 / FPS)
    assert rep.depth == pytest.approx(100.0)
    assert rep.high > END_ABOVE


def test_a_rep_keeps_the_span_of_each_measure_it_was_fed():
    counter = RepCounter(START_BELOW, END_ABOVE)
    for i in range(int(4.0 * FPS)):
        t = i / FPS
        trunk = 10.0 * math.sin(2 * math.pi * t)  # -10..10 during the rep
        counter.update(t, dip(t, 1.0), "left", frozenset(), {"trunk_deg": trunk, "gap": math.nan})
    (rep,) = counter.reps
    assert rep.span_of("trunk_deg") == pytest.approx(20.0, abs=0.5)
    assert math.isnan(rep.span_of("gap"))  # never a finite value
    assert math.isnan(rep.span_of("never_fed"))
    assert rep.range == pytest.approx(rep.high - rep.depth)


@pytest.mark.parametrize(
    ("gap", "reps"),
    [
        pytest.param((2.0, 2.3), 1, id="0.3 s without a signal at the bottom: still the rep"),
        pytest.param((2.0, 2.8), 1, id="0.8 s without a signal at the bottom: still the rep"),
        pytest.param((2.0, 3.5), 0, id="1.5 s without a signal: that rep is dropped"),
    ],
)
def test_a_rep_that_loses_its_signal_for_long_is_dropped(gap, reps):
    counter = run(lambda t: None if gap[0] <= t < gap[1] else dip(t, 1.0), 4.0)
    assert len(counter.reps) == reps


def test_a_dropped_rep_does_not_swallow_the_next_one():
    def signal_at(t):
        if 1.9 <= t < 3.2:  # gone from the bottom of the first dip to the next one's way down
            return None
        return dip(t, 1.0) if t < 3.2 else dip(t, 3.0)

    (rep,) = run(signal_at, 6.0).reps
    assert rep.start_s > 3.2  # the second dip alone
    assert rep.bottom_s == pytest.approx(4.0, abs=1 / FPS)
