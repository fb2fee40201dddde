"""Tests for formcoach.history.progress: weekly good-form time, reps and fault rate,
and readings per side with their left-right difference."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from formcoach.history.progress import ReadingPoint, WorkUnit, monday_of, reading_series, weekly

SUNDAY, MONDAY, NEXT_MONDAY = date(2026, 3, 8), date(2026, 3, 9), date(2026, 3, 16)


def hold(day, side="left", good=20.0, held=30.0, session=1, exercise="kneeling-hip-flexor"):
    return WorkUnit(session, exercise, "hold", day, side, good, held, good < held)


def rep(day, side="left", faulty=False, session=1):
    return WorkUnit(session, "lunge", "rep", day, side, 0.0, 1.5, faulty)


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        pytest.param(SUNDAY, date(2026, 3, 2), id="a Sunday ends its week"),
        pytest.param(MONDAY, MONDAY, id="a Monday starts one"),
        pytest.param(date(2026, 3, 15), MONDAY, id="the next Sunday"),
    ],
)
def test_monday_of(day, monday):
    assert monday_of(day) == monday


def test_good_form_time_and_fault_rate_per_week_and_side():
    units = [
        hold(MONDAY, good=24.0, held=30.0, session=1),
        hold(date(2026, 3, 12), good=30.0, held=30.0, session=2),
        hold(NEXT_MONDAY, good=15.0, held=30.0, session=3),
        hold(MONDAY, side="right", good=30.0, held=30.0, session=1),
        hold(MONDAY, side=None, good=30.0, held=30.0, session=1),  # side never settled: left out
    ]
    weeks = weekly(units)
    assert set(weeks) == {("kneeling-hip-flexor", "left"), ("kneeling-hip-flexor", "right")}
    first, second = weeks[("kneeling-hip-flexor", "left")]
    assert (first.monday, first.sessions, first.holds) == (MONDAY, 2, 2)
    assert first.good_form_s == 54.0
    assert first.fault_rate == pytest.approx(1 - 54.0 / 60.0)
    assert second.fault_rate == pytest.approx(0.5)
    (right,) = weeks[("kneeling-hip-flexor", "right")]
    assert right.fault_rate == 0.0


def test_rep_fault_rate_is_the_share_of_faulty_reps():
    units = [rep(MONDAY), rep(MONDAY, faulty=True), rep(MONDAY), rep(MONDAY, faulty=True)]
    (week,) = weekly(units)[("lunge", "left")]
    assert (week.reps, week.fault_rate, week.good_form_s) == (4, 0.5, 0.0)


def test_a_hold_counts_its_good_form_even_if_the_record_lacks_its_end():
    """A killed session leaves its last hold open: held time is at least the good form."""
    (week,) = weekly([hold(MONDAY, good=12.0, held=0.0)])[("kneeling-hip-flexor", "left")]
    assert week.good_form_s == 12.0 and week.fault_rate == 0.0


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def test_reading_series_pairs_sides_per_session():
    points = [
        ReadingPoint(2, "thomas-test", at(12), "left", "hip_extension_deg", -2.0),
        ReadingPoint(1, "thomas-test", at(9), "right", "hip_extension_deg", 6.0),
        ReadingPoint(1, "thomas-test", at(9), "left", "hip_extension_deg", 10.0),
        ReadingPoint(2, "thomas-test", at(12), "right", "hip_extension_deg", 1.0),
        ReadingPoint(3, "thomas-test", at(16), "left", "hip_extension_deg", -4.0),
        ReadingPoint(3, "thomas-test", at(16), "left", "knee_angle_deg", 80.0),
    ]
    hip, knee = reading_series(points)
    assert (hip.name, knee.name) == ("hip_extension_deg", "knee_angle_deg")
    assert hip.times == (at(9), at(12), at(16))
    assert hip.left == (10.0, -2.0, -4.0)
    assert hip.right == (6.0, 1.0, None)
    assert hip.difference == (4.0, -3.0, None)
