"""Tests for formcoach.history.rows: a report as history rows."""

from __future__ import annotations

import math

import pytest
from session_rows import MONDAY, meta

from formcoach.history.rows import faults_of, faults_text, readings_from_report, rows_from_report


def test_session_row_from_a_hold_report(hold_session):
    report = hold_session.report
    m = meta(mode="live")
    got = rows_from_report(report, m, finished=False, updated_at=MONDAY)
    assert got.session["uid"] == m.uid
    assert got.session["started_at"] == "2026-03-09T18:30:00+01:00"
    assert got.session["mode"] == "live" and got.session["finished"] == 0
    assert got.session["hold_target_s"] == 30.0 and got.session["counting"] == "hold"
    ((seq, side, start, end, good, target, completed, faults),) = got.holds
    assert (seq, side, completed, faults) == (1, "left", 1, "trunk_lean_forward")
    assert good == report["holds"][0]["good_form_s"] and target == 30.0
    assert [c[1] for c in got.cues] == [c["code"] for c in report["cues"]]
    assert got.readings == []


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        pytest.param(
            [{"side": "left", "name": "hip_deg", "value": 4}],
            [("left", "hip_deg", 4.0)],
            id="one reading",
        ),
        pytest.param(
            [
                {"side": "left", "name": "hip_deg", "value": 4.0},
                {"side": "left", "name": "hip_deg", "value": 6.0},
            ],
            [("left", "hip_deg", 6.0)],
            id="a repeat replaces the earlier value",
        ),
        pytest.param([{"side": "both", "name": "hip_deg", "value": 1.0}], "side", id="bad side"),
        pytest.param([{"side": "left", "name": "", "value": 1.0}], "name", id="empty name"),
        pytest.param([{"side": "left", "name": "hip_deg", "value": math.nan}], "finite", id="NaN"),
        pytest.param([{"side": "left", "name": "hip_deg", "value": "4"}], "finite", id="a string"),
    ],
)
def test_readings_from_report(readings, expected):
    if isinstance(expected, str):
        with pytest.raises(ValueError, match=expected):
            readings_from_report({"readings": readings})
    else:
        got = readings_from_report({"readings": readings})
        assert [(r.side, r.name, r.value) for r in got] == expected


def test_fault_lists_round_trip():
    text = faults_text(["trunk_lean_forward", "lower_back_arch", "trunk_lean_forward"])
    assert text == "lower_back_arch,trunk_lean_forward"
    assert faults_of(text) == {"lower_back_arch", "trunk_lean_forward"}
    assert faults_of(faults_text([])) == frozenset()


def test_per_side_findings_become_readings():
    """The Thomas test writes its readings as per-side findings (report.json `thomas_test`)."""
    thomas = pytest.importorskip("formcoach.exercises.thomas_test")
    left = thomas.SideReading(12.0, 75.0, thomas.TIGHT_ILIOPSOAS, 6.0).as_dict()
    report = {
        "thomas_test": {
            "left": left,
            "right": None,  # never steady: not measured
            "left_minus_right": {"thigh_above_table_deg": 1.0},
            "thresholds": {"iliopsoas_thigh_above_deg": 5.0},
        },
        "summary": {"reps": {"left": 1, "right": 0}},
    }
    got = {(r.side, r.name, r.value) for r in readings_from_report(report)}
    assert got == {("left", "thigh_above_table_deg", 12.0), ("left", "knee_flexion_deg", 75.0)}
