"""Tests for formcoach.reporting.series: measures over time and fault periods.

The session is `leaning_hold` (tests/coached.py), a 40 s kneeling hold whose
trunk leans 30 deg forward from 15 s to 20 s: one trunk_lean_forward period,
confirmed 0.2 s after it starts and cleared 0.3 s after it ends.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from coached import LEAN, leaning_hold

from formcoach.reporting.series import SessionSeries


@pytest.fixture(scope="module")
def session():
    return leaning_hold()


def test_measures_are_recorded_per_frame(session):
    series = SessionSeries(["trunk_inclination_deg", "not_a_measure_deg"])
    for result in session.results:
        series.add(result)
    times = series.times()
    trunk = series.values("trunk_inclination_deg")
    assert len(times) == len(trunk) == len(session.results)
    during = (times > LEAN[0] + 1.0) & (times < LEAN[1] - 1.0)
    assert trunk[during] == pytest.approx(30.0, abs=1.0)
    assert np.isnan(series.values("not_a_measure_deg")).all()


def test_fault_periods_follow_the_confirmed_faults(session):
    series = SessionSeries([])
    for result in session.results:
        series.add(result)
    periods = series.periods()
    (start, end), *more = periods["trunk_lean_forward"]
    assert not more
    assert start == pytest.approx(LEAN[0] + 0.2, abs=0.1)
    assert end == pytest.approx(LEAN[1] + 0.3, abs=0.15)


def test_a_fault_still_present_ends_at_the_last_frame(session):
    series = SessionSeries([])
    cut = [r for r in session.results if r.time_s < 17.0]
    for result in cut:
        series.add(result)
    ((start, end),) = series.periods()["trunk_lean_forward"]
    assert end == cut[-1].time_s and start < end
    assert not math.isnan(start)
