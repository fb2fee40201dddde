"""Tests for report.html (formcoach.reporting.report_page and collector).

Sessions are coached on built tracks (tests/poses.py): `leaning_hold`, a
40 s kneeling hold whose trunk leans forward from 15 s to 20 s (one cue),
and three lunges per leg too shallow to count as deep (one "go lower" cue
per rep). Frames are blank images of the track's size, so thumbnails show
the drawn skeleton.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from coached import Coached, coached, leaning_hold
from html_page import Page
from poses import FRAME_H, FRAME_W, alternating_lunges

from formcoach.exercises.registry import make_checker
from formcoach.reporting.collector import ReportCollector
from formcoach.reporting.guides import plots_for
from formcoach.reporting.report_page import clock, report_warnings

STARTED = datetime(2026, 3, 9, 18, 30, tzinfo=UTC)
HOSTILE_NAMES = ["<script>.mp4", 'x" onmouseover="alert(1).mp4', "<img src=x onerror=alert(1)>.mp4"]


def collected(session: Coached) -> ReportCollector:
    """What `analyze` gathers per frame, from blank frames."""
    collector = ReportCollector(session.checker, "analysis", STARTED)
    frame = np.zeros((FRAME_H, FRAME_W, 3), np.uint8)
    for result in session.results:
        collector.add(frame, result)
    return collector


def with_source(report: dict, path: str) -> dict:
    return report | {"source": report["source"] | {"path": path}}


@pytest.fixture(scope="module")
def hold_collector():
    return collected(leaning_hold())


@pytest.fixture(scope="module")
def hold_page(hold_collector):
    report = leaning_hold().report
    return hold_collector.render(report), report


@pytest.fixture(scope="module")
def lunge_page():
    session = coached(alternating_lunges(3, depth=0.65).track, "lunge")
    return collected(session).render(session.report), session.report


def test_the_hold_report_shows_the_hold_cues_and_plots(hold_page):
    text, report = hold_page
    page = Page(text)
    assert "Half-kneeling hip flexor stretch" in page.all_text
    assert "Monday 9 March 2026, 18:30" in page.all_text
    holds = page.table_with("good form")
    assert len(holds) == 1 + len(report["holds"]) == 2
    assert holds[1][1] == "left" and holds[1][5] == "yes"  # the 30 s target was reached
    cues = page.table_with("cue")
    assert [row[3] for row in cues[1:]] == [c["text"] for c in report["cues"]]
    thumbs = [a for t, a in page.tags if t == "img"]
    assert len(thumbs) == len(report["cues"]) == 1
    assert thumbs[0]["src"].startswith("data:image/jpeg;base64,")
    assert page.count("svg") == 4  # trunk, kneeling hip, front shin, front knee
    if len(plots_for(make_checker("kneeling-hip-flexor"))) > 4:  # the back outline, from a mask
        assert "Not measured in this session: Lumbar arch depth." in page.all_text
    assert "leaning forward (20)" in page.all_text
    assert "trunk lean forward" in page.all_text  # the shaded period's legend


def test_the_lunge_report_lists_every_rep_and_its_cue(lunge_page):
    text, report = lunge_page
    page = Page(text)
    reps = page.table_with("depth (knee)")
    assert len(reps) - 1 == len(report["reps"]) == 6
    assert all("lunge too shallow" in row[5] for row in reps[1:])
    assert page.count("img") == len(report["cues"]) == 6
    assert "rep counted above (160)" in page.all_text


def test_a_report_carries_no_script_and_no_network(hold_page):
    text, _ = hold_page
    page = Page(text)
    assert page.count("script") == 0
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), value
    csp = next(a for t, a in page.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp["content"]


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in HOSTILE_NAMES])
def test_user_text_is_escaped(hold_collector, name):
    report = with_source(leaning_hold().report, f"/videos/{name}")
    page = Page(hold_collector.render(report))
    assert name in page.all_text
    assert any(a.get("title") == f"/videos/{name}" for _, a in page.tags)
    assert page.count("script") == 0
    assert page.count("img") == len(report["cues"]) == 1  # the cue's picture; none injected
    assert not any(k.startswith("on") for _, a in page.tags for k in a)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, [], id="a clean session"),
        pytest.param({"pose_coverage": 0.6}, ["usable pose was found in 60%"], id="low coverage"),
        pytest.param(
            {"interrupted": True, "live": {"stopped_because": "interrupted (Ctrl-C)"}},
            ["stopped early (interrupted (Ctrl-C))"],
            id="stopped early",
        ),
        pytest.param(
            {"notes": ["The camera saw the person from the front: ..."]},
            ["from the front"],
            id="the report's own notes",
        ),
        pytest.param(
            {"checks": {"lower_back_arch": {"judged_share": 0.2, "silent_reasons": {"hidden": 9}}}},
            ["lower back arch could be judged on only 20% of its frames (hidden)"],
            id="a check that could rarely judge",
        ),
        pytest.param({"holds": []}, ["No hold was found"], id="nothing counted"),
    ],
)
def test_warnings_say_what_limited_the_checks(hold_page, changes, expected):
    _, report = hold_page
    warnings = report_warnings(copy.deepcopy(report) | changes)
    assert len(warnings) == len(expected)
    for got, want in zip(warnings, expected, strict=True):
        assert want in got


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        pytest.param(0.0, "0:00.0", id="zero"),
        pytest.param(59.96, "1:00.0", id="rounds into the next minute"),
        pytest.param(125.25, "2:05.2", id="minutes"),
        pytest.param(None, "", id="still open"),
    ],
)
def test_clock(seconds, text):
    assert clock(seconds) == text


def test_write_puts_report_html_beside_report_json(tmp_path: Path, hold_collector):
    path = hold_collector.write(tmp_path, leaning_hold().report)
    assert path == tmp_path / "report.html"
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left behind
