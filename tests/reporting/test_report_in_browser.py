"""report.html opened in headless Chromium: it renders its plots, its cue table and
pictures, and a hostile video name stays text.

Needs Chromium (`apt-get install chromium`); skipped when it is absent. The
session is `leaning_hold` (tests/coached.py), a 40 s kneeling hold with a
forward lean from 15 s to 20 s (one cue), from a video whose name is a script.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePath

import cv2
import numpy as np
import pytest
from coached import leaning_hold
from html_page import Page
from test_report_page import collected, with_source

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)"
)
HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>.mp4"
MEASURE_BGR = (0x50, 0x3E, 0x2C)  # the plotted measure's line, #2c3e50


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def report_html(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    session = leaning_hold()
    return collected(session).write(folder, with_source(session.report, f"/videos/{HOSTILE}"))


def test_the_dom_chromium_builds_has_the_plots_and_cue_table_and_no_script(
    report_html: Path, tmp_path: Path
):
    proc = chromium(tmp_path / "profile", "--dump-dom", report_html.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = Page(proc.stdout)
    assert page.count("script") == 0
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "pwned" not in proc.stdout.split("</title>")[0]  # no injected script ran
    source = f"/videos/{HOSTILE}"
    assert PurePath(source).name in page.all_text  # shown as text...
    assert any(a.get("title") == source for _, a in page.tags)  # ...and whole, as a tooltip
    assert page.count("svg") == 4  # the built poses carry no mask: no back-outline plot
    assert page.count("path") >= 4  # a measured line per plot
    cues = page.table_with("cue")
    assert len(cues) == 2 and "Stay tall" in cues[1][3]
    assert any(t == "img" and a["src"].startswith("data:image/jpeg") for t, a in page.tags)


def test_the_page_paints_its_plots_and_thumbnail(report_html: Path, tmp_path: Path):
    shot = tmp_path / "report.png"
    proc = chromium(
        tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,2600",
        report_html.as_uri(),
    )  # fmt: skip
    assert proc.returncode == 0 and shot.exists(), proc.stderr[-2000:]
    image = cv2.imread(str(shot))
    assert image.shape[:2] == (2600, 1000)
    line = np.abs(image.astype(int) - MEASURE_BGR).max(axis=2) < 40
    assert line.sum() > 500, "the measured lines were not painted"
    black = image.max(axis=2) < 12  # the thumbnail: a black frame with the skeleton drawn
    assert black.sum() > 15_000, "the cue's thumbnail was not painted"
