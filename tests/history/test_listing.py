"""Tests for formcoach.history.listing: the table `formcoach history` prints."""

from __future__ import annotations

import copy
from datetime import timedelta
from pathlib import Path

import pytest
from session_rows import MONDAY, rows, with_readings

from formcoach.history.listing import session_table
from formcoach.history.store import HistoryStore


@pytest.fixture
def table(tmp_path: Path, hold_session, shallow_lunges) -> list[str]:
    interrupted = copy.deepcopy(hold_session.report) | {"interrupted": True}
    thomas = with_readings(hold_session.report, hip_extension_deg=(-4.0, 6.5))
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(hold_session.report, MONDAY))
        store.save(rows(shallow_lunges.report, MONDAY + timedelta(days=1)))
        store.save(rows(interrupted, MONDAY + timedelta(days=2)))
        store.save(rows(hold_session.report, MONDAY + timedelta(days=3), finished=False))
        store.save(rows(thomas, MONDAY + timedelta(days=4)))
        return session_table(store.recent()).splitlines()


def test_the_table_lists_sessions_newest_first(table):
    header, *lines = table
    assert header.split() == ["id", "date", "exercise", "mode", "length", "left", "right",
                              "cues", "status"]  # fmt: skip
    assert [line.split()[0] for line in lines] == ["5", "4", "3", "2", "1"]
    assert "2026-03-13 18:30" in lines[0]


@pytest.mark.parametrize(
    ("session_id", "texts"),
    [
        pytest.param(1, ["kneeling-hip-flexor", "1/3 holds, ", " s good", "done"], id="a hold"),
        pytest.param(2, ["lunge", "3 reps (3 faulty)", "done"], id="faulty reps"),
        pytest.param(3, ["stopped early"], id="stopped by Ctrl-C"),
        pytest.param(4, ["unfinished"], id="killed"),
        pytest.param(5, ["hip_extension_deg -4", "hip_extension_deg 6.5"], id="readings"),
    ],
)
def test_each_row_says_what_was_done(table, session_id, texts):
    line = next(line for line in table[1:] if line.split()[0] == str(session_id))
    for text in texts:
        assert text in line


def test_a_both_column_appears_for_a_bilateral_exercise(tmp_path: Path, lunge_session):
    bridge = copy.deepcopy(lunge_session.report) | {"exercise": "glute-bridge"}
    for rep in bridge["reps"]:
        rep["side"] = "both"
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(bridge, MONDAY))
        store.save(rows(lunge_session.report, MONDAY))
        header, *lines = session_table(store.recent()).splitlines()
    assert header.split()[5:8] == ["left", "right", "both"]
    assert "6 reps" in next(line for line in lines if "glute-bridge" in line)
