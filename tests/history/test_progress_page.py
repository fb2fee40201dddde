"""Tests for formcoach.history.page: the progress page of `formcoach history --plot`.

The history holds eight weeks of sessions: a kneeling hold and a set of
lunges each week, and a Thomas test with a made-up reading per side each week.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from html_page import Page
from session_rows import MONDAY, rows, with_readings

from formcoach.exercises.registry import CHECKERS
from formcoach.history.command import load_progress
from formcoach.history.page import render_progress
from formcoach.history.store import HistoryStore

WEEKS = 8


@pytest.fixture(scope="module")
def page(tmp_path_factory, hold_session, shallow_lunges) -> Page:
    path = tmp_path_factory.mktemp("history") / "h.sqlite3"
    with HistoryStore(path) as store:
        for week in range(WEEKS):
            when = MONDAY + timedelta(weeks=week)
            store.save(rows(hold_session.report, when))
            store.save(rows(shallow_lunges.report, when + timedelta(days=2)))
            thomas = with_readings(
                hold_session.report | {"exercise": "thomas-test"},
                hip_extension_deg=(-10.0 + week, -2.0),
            )
            store.save(rows(thomas, when + timedelta(days=4)))
        return Page(render_progress(load_progress(store)))


def test_one_section_per_exercise(page):
    def titled(name: str) -> str:  # an exercise this formcoach does not know keeps its name
        return f"{CHECKERS[name]().spec.title} ({name})" if name in CHECKERS else name

    sections = [text for level, text in page.headings if level == "h2"]
    assert sections == [
        titled("kneeling-hip-flexor"),
        titled("lunge"),
        titled("thomas-test"),
        "Latest sessions",
    ]


def test_weekly_charts_per_side_and_reading_charts(page):
    # kneeling: hold time, fault rate; lunge: reps, fault rate; the Thomas test, an
    # assessment: its reading by side and the left-right difference (not its holds)
    assert page.count("svg") == 6
    assert page.count("circle") >= WEEKS * 5
    text = page.all_text
    for title in ("Good-form hold time per week", "Reps per week", "Fault rate per week",
                  "Hip extension by side", "Hip extension: left - right"):  # fmt: skip
        assert title in text


def test_the_latest_sessions_link_to_their_reports(page):
    latest = page.table_with("status")
    assert len(latest) == 1 + 20
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links and all(h == Path("/tmp/out/report.html").as_uri() for h in links)
    assert page.count("script") == 0


def test_exercise_names_from_the_file_are_escaped(tmp_path: Path, hold_session):
    hostile = "<script>alert(1)</script>"
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(hold_session.report | {"exercise": hostile}))
        page = Page(render_progress(load_progress(store)))
    assert page.count("script") == 0
    assert hostile in page.all_text
