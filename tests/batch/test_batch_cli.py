"""`formcoach analyze` over several videos end to end, with MediaPipe (lite model):
a corrupt file among good clips, and Ctrl-C in the middle."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from formcoach.pose import model_store

REPO = Path(__file__).resolve().parents[2]
CLIPS = REPO / "sample_videos"
# Two of the shortest clips (10.5 s each), ones no other test re-renders.
GOOD = CLIPS / "table-psoas_good_left_side-left.mp4"
LEANING = CLIPS / "table-psoas_trunk-lean_right_side-right.mp4"


@pytest.fixture(scope="module")
def lite_model() -> Path:
    return model_store.resolve_model("lite")


def formcoach(*args: object) -> list[str]:
    return [sys.executable, "-m", "formcoach", *map(str, args)]


def summary_rows(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        pytest.param(["{empty}"], 1, "no video files in", id="a folder without videos"),
        pytest.param(["{empty}", "{text}", "--jobs", "0"], 2, "--jobs must be 1 or more",
                     id="no jobs"),
    ],
)  # fmt: skip
def test_a_batch_that_cannot_start_is_one_line(
    tmp_path: Path, args: list[str], code: int, expected: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video\n")
    args = [a.replace("{empty}", str(empty)).replace("{text}", str(text)) for a in args]
    proc = subprocess.run(
        formcoach("analyze", *args, "-e", "lunge"), capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == code
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("formcoach: error:"), proc.stderr
    assert expected in lines[0]


@pytest.mark.slow
def test_two_clips_and_a_corrupt_file_in_two_processes(tmp_path: Path, lite_model: Path) -> None:
    # Two clips with the same name in different folders, and a text file named .mp4.
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "batch"
    one.mkdir(), two.mkdir()
    shutil.copy(GOOD, one / "clip.mp4")
    shutil.copy(LEANING, two / "clip.mp4")
    (two / "broken.mp4").write_text("this is not a video\n")
    proc = subprocess.run(
        formcoach("analyze", one, two, "-e", "table-psoas", "--jobs", "2",
                  "--model", "lite", "--out", out, "--no-history"),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "[3/3]" in proc.stderr and "broken.mp4 failed: cannot read" in proc.stderr

    rows = summary_rows(out)
    assert [(r["video"], r["status"], r["output"]) for r in rows] == [
        (str(one / "clip.mp4"), "ok", "clip"),
        (str(two / "broken.mp4"), "failed", ""),
        (str(two / "clip.mp4"), "ok", "clip-2"),
    ]
    assert "not a video" in rows[1]["error"]
    for row, folder in [(rows[0], out / "clip"), (rows[2], out / "clip-2")]:
        report = json.loads((folder / "report.json").read_text())
        assert report["source"]["path"] == row["video"]
        assert int(row["frames"]) == report["source"]["frames"] > 300
        assert row["exercise"] == "table-psoas" and row["view"] == "side"
        assert (folder / "annotated.mp4").stat().st_size > 0
        assert (folder / "report.html").exists()
    assert rows[0]["cues"] == "0" and "trunk_lean_forward" in rows[2]["cue_codes"]

    page = (out / "summary.html").read_text()
    assert 'href="clip/report.html"' in page and 'href="clip-2/report.html"' in page
    assert "broken.mp4" in page and "2 ok, 1 failed" in page
    assert f"summary: {out / 'summary.html'}" in proc.stdout


def _angle_rows(out: Path) -> int:
    return max((len(p.read_text().splitlines()) for p in out.glob("*/angles.csv")), default=0)


@pytest.mark.slow
def test_ctrl_c_keeps_the_finished_outputs_and_the_summary(
    tmp_path: Path, lite_model: Path
) -> None:
    out = tmp_path / "batch"
    videos = [GOOD, LEANING, CLIPS / "table-psoas_back-leg-bent_left_side-right.mp4"]
    proc = subprocess.Popen(
        formcoach("analyze", *videos, "-e", "table-psoas", "-j", "2", "--model", "lite",
                  "--out", out, "--no-history"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as at a terminal
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _angle_rows(out) < 31:  # flushed every 30 rows
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "interrupted" in stderr
    rows = summary_rows(out)
    assert [r["status"] for r in rows][2] == "not started"
    interrupted = [r for r in rows if r["status"] == "interrupted"]
    assert interrupted, rows
    for row in interrupted:
        report = json.loads((out / row["output"] / "report.json").read_text())
        assert report["interrupted"] is True
