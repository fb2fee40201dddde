"""Tests for formcoach.report: report.json (schema version 1) and the angle rows.

Reports are built from coaching sessions run on built tracks
(tests/poses.py): a 40 s good-form kneeling hold filmed from the subject's
left, and three alternating lunges per leg.
"""

from __future__ import annotations

import json
import re

import pytest
from poses import FRAME_H, FRAME_W, alternating_lunges, kneeling_hold, run_coach

from formcoach.exercises.registry import make_checker
from formcoach.report import SCHEMA_VERSION, SourceInfo, angle_row, build_report, summary_text

NUM = (int, float)  # JSON numbers: a whole number may come out as an int
SCHEMA_V1 = {
    "schema_version": int,
    "exercise": str,
    "source": {
        "path": str,
        "fps": NUM,
        "frames": int,
        "duration_s": NUM,
        "width": int,
        "height": int,
    },
    "view": {"kind": str, "facing": str},
    "pose_coverage": NUM,
    "cues": [{"code": str, "start_s": NUM, "end_s": NUM, "side": (str, type(None)), "text": str}],
    "reps": [{"side": str, "start_s": NUM, "end_s": NUM, "faults": list}],
    "holds": [{"side": str, "start_s": NUM, "end_s": NUM, "good_form_s": NUM, "faults": list}],
    "summary": {"reps": {"left": int, "right": int}, "good_form_s": {"left": NUM, "right": NUM}},
}


def assert_schema(value, schema, where="report"):
    """Every key the schema names is there with the type it names (extra keys are allowed)."""
    if isinstance(schema, dict):
        assert isinstance(value, dict), where
        for key, sub in schema.items():
            assert key in value, f"{where} has no {key!r}"
            assert_schema(value[key], sub, f"{where}.{key}")
    elif isinstance(schema, list):
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            assert_schema(item, schema[0], f"{where}[{i}]")
    else:
        assert isinstance(value, schema), f"{where} is {value!r}, not {schema}"


def _report(scenario, exercise):
    record, results = run_coach(scenario.track, exercise)
    track = scenario.track
    source = SourceInfo(
        path=f"{exercise}.mp4",
        fps=track.fps,
        frames=len(track),
        duration_s=len(track) / track.fps,
        width=FRAME_W,
        height=FRAME_H,
    )
    return build_report(record, make_checker(exercise).spec, source), results


@pytest.fixture(scope="module")
def hold_report():
    return _report(kneeling_hold(40.0), "kneeling-hip-flexor")


@pytest.fixture(scope="module")
def lunge_report():
    return _report(alternating_lunges(3, depth=0.65), "lunge")


@pytest.mark.parametrize(
    "which",
    [
        pytest.param("hold_report", id="kneeling hold"),
        pytest.param("lunge_report", id="shallow lunges"),
    ],
)
def test_report_has_every_schema_v1_key_and_is_json(which, request):
    report, _ = request.getfixturevalue(which)
    assert report["schema_version"] == SCHEMA_VERSION == 1
    assert_schema(report, SCHEMA_V1)
    assert json.loads(json.dumps(report)) == report


def test_hold_report_content(hold_report):
    report, _ = hold_report
    assert report["exercise"] == "kneeling-hip-flexor"
    assert report["view"] == {"kind": "side", "facing": "left"}
    assert report["pose_coverage"] == 1.0
    assert report["cues"] == []
    (hold,) = report["holds"]
    assert hold["side"] == "left"
    assert hold["good_form_s"] == pytest.approx(40.0, abs=1.5)
    assert hold["completed"] is True
    assert report["summary"]["reps"] == {"left": 1, "right": 0}
    assert report["summary"]["good_form_s"]["left"] == hold["good_form_s"]
    assert report["summary"]["good_form_s"]["right"] == 0.0
    assert report["reps"] == []


def test_lunge_report_content(lunge_report):
    report, _ = lunge_report
    assert report["summary"]["reps"] == {"left": 3, "right": 3}
    assert [r["side"] for r in report["reps"]] == ["left", "right"] * 3
    assert all(r["faults"] == ["lunge_too_shallow"] for r in report["reps"])
    assert report["holds"] == []
    codes = {c["code"] for c in report["cues"]}
    assert codes == {"lunge_too_shallow"}
    assert all(c["end_s"] >= c["start_s"] for c in report["cues"])


@pytest.mark.parametrize(
    ("which", "expected_lines"),
    [
        pytest.param(
            "hold_report",
            [
                r"good-form hold: left (39|40|41) s, right 0 s",
                r"completed: left 1, right 0",
                r"cues: none, form looked good",
            ],
            id="kneeling hold",
        ),
        pytest.param(
            "lunge_report",
            [r"reps: left 3, right 3", r"cues: lunge_too_shallow x\d"],
            id="shallow lunges",
        ),
    ],
)
def test_summary_text(which, expected_lines, request):
    report, _ = request.getfixturevalue(which)
    text = summary_text(report)
    for pattern in expected_lines:
        assert re.search(pattern, text), pattern


def test_angle_rows_carry_the_measures_and_what_was_wrong(lunge_report):
    _, results = lunge_report
    names = make_checker("lunge").measure_names
    rows = [angle_row(r, names) for r in results]
    assert all(set(names) <= set(row) for row in rows)
    low = [row for row in rows if row["in_position"]]
    assert low and all(row["lunge_depth_knee_deg"] < 135.0 for row in low)
    assert {row["facing"] for row in rows} == {"right"}
    assert any(row["cue"] == "lunge_too_shallow" for row in rows)
