"""Tests for formcoach.coaching.holds: hold timing and good-form seconds.

Frames come at 30 fps as (in position?, working leg, faults present)
timelines; the defaults enter a hold after 1 s in position and leave it
after 1.5 s out.
"""

from __future__ import annotations

import pytest

from formcoach.coaching.holds import HoldTracker

FPS = 30.0
FRAME = 1.0 / FPS
ARCH = frozenset({"lower_back_arch"})
NONE = frozenset()


def drive(tracker: HoldTracker, frame_at, duration_s: float) -> HoldTracker:
    for i in range(int(round(duration_s * FPS))):
        t = i / FPS
        in_position, leg, faults = frame_at(t)
        tracker.update(t, in_position, leg, faults)
    tracker.close(duration_s - FRAME)
    return tracker


def in_position_during(*spans, leg="left", faults_during=()):
    def frame_at(t):
        inside = any(a <= t < b for a, b in spans)
        faulty = any(a <= t < b for a, b in faults_during)
        return inside, leg if inside else None, ARCH if faulty else NONE

    return frame_at


@pytest.mark.parametrize(
    ("faults_during", "expected_good_s"),
    [
        pytest.param((), 10.0, id="good form throughout"),
        pytest.param(((5.0, 7.0),), 8.0, id="2 s with a fault"),
        pytest.param(((2.0, 4.0), (8.0, 11.0)), 5.0, id="fault at entry and another mid-hold"),
        pytest.param(((0.0, 20.0),), 0.0, id="fault throughout"),
    ],
)
def test_good_form_seconds_count_only_while_no_fault(faults_during, expected_good_s):
    tracker = drive(
        HoldTracker(), in_position_during((2.0, 12.0), faults_during=faults_during), 15.0
    )
    (hold,) = tracker.holds
    assert hold.good_form_s == pytest.approx(expected_good_s, abs=2 * FRAME)
    assert hold.faults == (ARCH if faults_during else NONE)


def test_a_hold_is_confirmed_after_enter_after_s_but_dated_to_its_start():
    tracker = HoldTracker(enter_after_s=1.0, leave_after_s=1.5)
    started_at = None
    for i in range(int(5 * FPS)):
        t = i / FPS
        started, _ = tracker.update(t, t >= 2.0, "left", NONE)
        if started is not None:
            started_at = t
            assert started.start_s == pytest.approx(2.0)
            assert started.good_form_s == pytest.approx(1.0, abs=2 * FRAME)  # the wait counts
    assert started_at == pytest.approx(3.0, abs=1.01 * FRAME)


@pytest.mark.parametrize(
    ("gap_s", "holds"),
    [
        pytest.param(0.5, 1, id="half-second wobble: one hold"),
        pytest.param(1.3, 1, id="1.3 s wobble: still one hold"),
        pytest.param(2.0, 2, id="2 s out of position: two holds"),
    ],
)
def test_a_short_wobble_out_of_position_does_not_end_the_hold(gap_s, holds):
    gap = (10.0, 10.0 + gap_s)
    tracker = drive(HoldTracker(), in_position_during((2.0, gap[0]), (gap[1], 20.0)), 22.0)
    assert len(tracker.holds) == holds
    assert tracker.holds[0].start_s == pytest.approx(2.0)
    assert tracker.holds[-1].end_s == pytest.approx(20.0, abs=FRAME)
    if holds == 2:
        assert tracker.holds[0].end_s == pytest.approx(gap[0])
    # seconds out of position never count as good form
    total = sum(h.good_form_s for h in tracker.holds)
    assert total == pytest.approx(18.0 - gap_s, abs=2 * FRAME)


def test_being_in_position_too_briefly_is_no_hold_and_its_seconds_are_not_carried_over():
    tracker = drive(HoldTracker(), in_position_during((1.0, 1.6), (5.0, 10.0)), 12.0)
    (hold,) = tracker.holds
    assert hold.start_s == pytest.approx(5.0)
    assert hold.good_form_s == pytest.approx(5.0, abs=2 * FRAME)


@pytest.mark.parametrize(
    ("every", "run", "side"),
    [
        pytest.param(None, 0, "left", id="no swaps"),
        pytest.param(30, 3, "left", id="3 of every 30 frames swapped"),
        pytest.param(10, 4, "left", id="4 of every 10 frames swapped"),
    ],
)
def test_the_side_is_the_majority_vote(every, run, side):
    def frame_at(t):
        i = int(round(t * FPS))
        swapped = every is not None and i % every < run
        return 2.0 <= t < 12.0, "right" if swapped else "left", NONE

    tracker = drive(HoldTracker(), frame_at, 14.0)
    (hold,) = tracker.holds
    assert hold.side == side


@pytest.mark.parametrize(
    ("fault_s", "side"),
    [
        pytest.param((4.0, 10.0), "left", id="labels swapped for 6 s of a fault: still left"),
        pytest.param((0.0, 14.0), "right", id="a fault throughout: the labels still decide"),
    ],
)
def test_frames_with_a_fault_weigh_less_in_the_side_vote(fault_s, side):
    """MediaPipe loses the legs' labels in awkward (faulty) poses: here during the fault."""

    def frame_at(t):
        faulty = fault_s[0] <= t < fault_s[1]
        return 2.0 <= t < 12.0, "right" if faulty else "left", ARCH if faulty else NONE

    tracker = drive(HoldTracker(), frame_at, 14.0)
    (hold,) = tracker.holds
    assert hold.side == side


def test_an_even_split_has_no_side():
    def frame_at(t):
        return True, "left" if int(round(t * FPS)) % 2 else "right", NONE

    tracker = drive(HoldTracker(), frame_at, 4.0)  # 60 frames each
    (hold,) = tracker.holds
    assert hold.side is None


def test_close_ends_an_open_hold():
    tracker = HoldTracker()
    for i in range(int(3 * FPS)):
        tracker.update(i / FPS, True, "left", NONE)
    tracker.close(5.0)
    assert tracker.current is None
    assert tracker.holds[0].end_s == 5.0


def test_a_hold_keeps_the_measures_of_its_in_position_frames_from_its_start():
    tracker = HoldTracker()
    for i in range(int(8 * FPS)):
        t = i / FPS
        inside = 2.0 <= t < 6.0
        tracker.update(t, inside, "left" if inside else None, NONE, {"thigh_deg": 10.0 * t})
    tracker.close(8.0)
    (hold,) = tracker.holds
    times = [t for t, _ in hold.samples]
    # the frames before the hold was confirmed (the first second) are kept too
    assert times[0] == pytest.approx(2.0, abs=FRAME)
    assert times[-1] == pytest.approx(6.0, abs=FRAME)
    assert len(hold.samples) == pytest.approx(4.0 * FPS, abs=1)
    assert all(m["thigh_deg"] == pytest.approx(10.0 * t) for t, m in hold.samples)


def test_without_measures_a_hold_keeps_no_samples():
    tracker = drive(HoldTracker(), in_position_during((1.0, 5.0)), 6.0)
    assert tracker.holds[0].samples == []
