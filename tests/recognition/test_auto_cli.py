"""`--exercise auto` (the default) from the command line, on bundled clips."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_cli import REPO, run_cli

SAMPLES = REPO / "sample_videos"


@pytest.mark.slow
def test_analyze_without_an_exercise_recognises_it(tmp_path: Path, full_model: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli(
        "analyze", str(SAMPLES / "glute-bridge_good_side-left.mp4"), "--out", str(out),
        "--no-progress",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["exercise"] == "glute-bridge"
    assert report["recognised"] is True
    bridge = [s for s in report["segments"] if s["exercise"] == "glute-bridge"]
    assert sum(s["end_s"] - s["start_s"] for s in bridge) > 0.9 * report["source"]["duration_s"]
    assert min(s["start_s"] for s in bridge) < 1.0 and bridge[0]["confidence"] > 0.5
    assert len(report["reps"]) == 3  # as the expectation file says
    rows = list(csv.DictReader((out / "angles.csv").open()))
    labelled = [r["exercise"] for r in rows]
    assert labelled.count("glute-bridge") > 0.9 * len(rows)  # lying still at first may read
    assert {"glute-bridge", "constructive-rest"} >= set(labelled)  # as constructive rest
    assert "recognised glute-bridge" in proc.stdout
    assert (out / "report.html").exists() and (out / "annotated.mp4").exists()


@pytest.mark.slow
def test_live_announces_what_it_recognised(tmp_path: Path, full_model: Path) -> None:
    proc = run_cli(
        "live", "--source", str(SAMPLES / "kneeling-hip-flexor_good_left_side-left.mp4"),
        "--no-window", "--no-voice", "--no-history", "--out", str(tmp_path / "live"),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "recognised: Half-kneeling hip flexor stretch" in proc.stdout
    report = json.loads((tmp_path / "live" / "report.json").read_text())
    assert report["exercise"] == "kneeling-hip-flexor"
    # one hold: the checkpoints saved every 5 s must not close it
    assert len(report["holds"]) == 1, report["holds"]
