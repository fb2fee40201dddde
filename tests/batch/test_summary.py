"""summary.csv and summary.html from each video's outcome (no MediaPipe, no files)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from batch_reports import fake_report

from formcoach.batch.summary import (
    CSV_COLUMNS,
    describe_result,
    render_summary,
    result_from_report,
    result_without_report,
    status_counts,
    summary_csv,
)

BASE = Path("/batch")
STARTED = datetime(2025, 3, 4, 9, 30)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_finished_video_is_one_row_with_every_column() -> None:
    report = fake_report(cues=("front_knee_past_ankle", "lower_back_arch", "lower_back_arch"))
    result = result_from_report(Path("clips/a.mp4"), BASE / "a", report)
    (row,) = rows_of(summary_csv([result], BASE))
    assert tuple(row) == CSV_COLUMNS
    assert row == {
        "video": "clips/a.mp4",
        "exercise": "lunge",
        "status": "ok",
        "duration_s": "10.00",
        "frames": "300",
        "pose_found_pct": "97.5",
        "view": "side",
        "cues": "3",
        "cue_codes": "front_knee_past_ankle x1; lower_back_arch x2",
        "reps_left": "3",
        "reps_right": "2",
        "reps_both": "",
        "good_form_s_left": "",  # a rep exercise has no holds
        "good_form_s_right": "",
        "good_form_s_both": "",
        "output": "a",
        "error": "",
    }


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        pytest.param(
            fake_report("kneeling-hip-flexor", counting="hold", reps={"left": 1, "right": 0},
                        good_form_s={"left": 31.5, "right": 12.0}),
            {"reps_left": "1", "reps_right": "0", "good_form_s_left": "31.5",
             "good_form_s_right": "12.0", "good_form_s_both": ""},
            id="hold exercise: seconds per side",
        ),
        pytest.param(
            fake_report("glute-bridge", counting="hold",
                        reps={"left": 0, "right": 0, "both": 4},
                        good_form_s={"left": 0, "right": 0, "both": 65.25}),
            {"reps_both": "4", "good_form_s_both": "65.2"},
            id="bilateral exercise: both legs together",
        ),
    ],
)  # fmt: skip
def test_per_side_columns(report: dict, expected: dict[str, str]) -> None:
    (row,) = rows_of(summary_csv([result_from_report(Path("v.mp4"), BASE / "v", report)], BASE))
    assert {k: row[k] for k in expected} == expected


def test_a_failed_video_has_its_reason_and_no_numbers() -> None:
    failed = result_without_report(Path("bad.mp4"), "lunge", "failed", "cannot read bad.mp4")
    (row,) = rows_of(summary_csv([failed], BASE))
    assert row["status"] == "failed"
    assert row["error"] == "cannot read bad.mp4"
    assert row["frames"] == row["cues"] == row["output"] == row["reps_left"] == ""


def test_a_video_without_a_person_keeps_its_report_and_its_reason() -> None:
    report = fake_report(reps={"left": 0, "right": 0})
    report["pose_coverage"] = 0.0
    result = result_from_report(Path("e.mp4"), BASE / "e", report, "failed", "no person found")
    (row,) = rows_of(summary_csv([result], BASE))
    assert (row["status"], row["pose_found_pct"], row["output"]) == ("failed", "0.0", "e")


def test_the_page_escapes_names_and_links_each_report() -> None:
    ok = result_from_report(Path('x/<b>"a&b".mp4'), BASE / "a&b", fake_report())
    failed = result_without_report(Path("bad.mp4"), "lunge", "failed", "cannot read <bad>")
    html = render_summary([ok, failed], BASE, STARTED, "lunge")
    assert "<b>" not in html and "&lt;b&gt;&quot;a&amp;b&quot;.mp4" in html
    assert 'href="a&amp;b/report.html"' in html
    assert "cannot read &lt;bad&gt;" in html
    assert html.count("report.html") == 1  # the failed video has none to link
    assert "<script" not in html
    assert "1 ok, 1 failed" in html


def test_a_recognised_video_names_its_main_exercise_and_the_others() -> None:
    report = fake_report("lunge")
    report["segments"] = [{"exercise": e} for e in ("march", "lunge", "march", "leg-swing")]
    result = result_from_report(Path("mixed.mp4"), BASE / "mixed", report)
    assert result.exercise == "lunge (also march, leg-swing)"


def test_counts_and_progress_words() -> None:
    ok = result_from_report(Path("a.mp4"), BASE / "a", fake_report(cues=("lunge_too_shallow",)))
    pending = result_without_report(Path("b.mp4"), "lunge", "pending")
    assert status_counts([ok, pending, ok]) == "2 ok, 1 pending"
    assert describe_result(ok) == "10 s video, 1 cue"
    assert describe_result(pending) == ""
