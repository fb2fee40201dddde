"""`formcoach analyze` on a real clip renamed `<script>.mp4`: report.html beside
report.json, the session in the history (or not, with --no-history), and the
page as Chromium builds it. Needs the pose model (slow)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from html_page import Page
from test_cli import run_cli
from test_report_in_browser import CHROMIUM, chromium

REPO = Path(__file__).resolve().parents[2]
CLIPS = [  # a kneeling stretch with at least one cue, so the report has a thumbnail
    REPO / "sample_videos" / "kneeling-hip-flexor_trunk-lean_right_side-left.mp4",
    REPO.parent / "shared" / "clips" / "dev" / "hip_flexor_paroliav.mp4",
]
CLIP = next((c for c in CLIPS if c.exists()), None)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CLIP is None, reason="no kneeling clip with a cue in sample_videos/"),
]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> tuple[Path, Path, str]:
    """(output folder, history file, stdout) of analysing the clip named `<script>.mp4`."""
    tmp = tmp_path_factory.mktemp("analysis")
    video = tmp / "<script>.mp4"
    shutil.copyfile(CLIP, video)  # a copy in the test's own temporary folder
    out, db = tmp / "out", tmp / "history.sqlite3"
    proc = run_cli(
        "analyze", str(video), "-e", "kneeling-hip-flexor", "--no-video", "--no-progress",
        "--out", str(out), "--history-db", str(db), cwd=tmp,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out, db, proc.stdout


def test_report_html_sits_beside_report_json(analysed):
    out, _, stdout = analysed
    assert {"report.json", "report.html", "angles.csv"} <= {p.name for p in out.iterdir()}
    page = Page((out / "report.html").read_text(encoding="utf-8"))
    assert page.count("script") == 0
    assert "<script>.mp4" in page.all_text
    assert page.count("svg") >= 4
    assert page.count("img") == len(page.table_with("cue")) - 1 >= 1
    assert "open report.html" in stdout


def test_the_analysis_is_in_the_history(analysed):
    _, db, _ = analysed
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    ((mode, exercise, source, finished),) = con.execute(
        "SELECT mode, exercise, source, finished FROM sessions"
    ).fetchall()
    assert (mode, exercise, finished) == ("analysis", "kneeling-hip-flexor", 1)
    assert source.endswith("<script>.mp4")
    assert con.execute("SELECT count(*) FROM holds").fetchone()[0] >= 1


def test_no_history_keeps_nothing(tmp_path: Path, monkeypatch):
    db = tmp_path / "history.sqlite3"
    monkeypatch.setenv("FORMCOACH_HISTORY_DB", str(db))
    proc = run_cli(
        "analyze", str(CLIP), "-e", "kneeling-hip-flexor", "--no-video", "--no-progress",
        "--out", str(tmp_path / "out"), "--no-history", cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert not db.exists()
    assert (tmp_path / "out" / "report.html").exists()


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_chromium_renders_the_real_report(analysed, tmp_path: Path):
    out, _, _ = analysed
    proc = chromium(tmp_path / "profile", "--dump-dom", (out / "report.html").as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = Page(proc.stdout)
    assert page.count("script") == 0
    assert page.count("svg") >= 4
    assert "<script>.mp4" in page.all_text
