"""Tests for formcoach.history.recorder: what a running session leaves in the history."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import pytest
from session_rows import MONDAY

from formcoach.history.recorder import open_recorder
from formcoach.history.store import HistoryError, HistoryStore


def recorder(path: Path | None, mode="live"):
    return open_recorder(path, mode=mode, started_at=MONDAY, out_dir=Path("/tmp/out"))


def test_no_history_keeps_nothing(tmp_path: Path, monkeypatch, hold_session):
    monkeypatch.chdir(tmp_path)
    rec = recorder(None)
    rec.save(hold_session.report)
    rec.finish(hold_session.report)
    assert list(tmp_path.iterdir()) == []


def test_a_live_session_is_kept_as_it_goes_and_finished_at_the_end(tmp_path: Path, hold_session):
    path = tmp_path / "h.sqlite3"
    rec = recorder(path)
    early = copy.deepcopy(hold_session.report) | {"holds": []}
    rec.save(early)
    with HistoryStore(path) as store:
        (running,) = store.recent()
        assert not running.finished and running.sides == {}
    rec.finish(hold_session.report)
    with HistoryStore(path) as store:
        (done,) = store.recent()
    assert done.id == running.id and done.finished and done.sides["left"].units == 1
    assert done.out_dir == "/tmp/out" and done.mode == "live"


def test_an_empty_room_is_not_recorded(tmp_path: Path, hold_session):
    empty = copy.deepcopy(hold_session.report) | {"pose_coverage": 0.0, "holds": [], "cues": []}
    path = tmp_path / "h.sqlite3"
    rec = recorder(path)
    rec.save(empty)
    rec.finish(empty)
    with HistoryStore(path) as store:
        assert store.count() == 0


def test_a_failed_write_is_logged_once_and_coaching_goes_on(
    tmp_path: Path, monkeypatch, caplog, hold_session
):
    rec = recorder(tmp_path / "h.sqlite3")

    def full(rows):
        raise HistoryError("the history database h.sqlite3 cannot be used: disk is full")

    monkeypatch.setattr(rec.store, "save", full)
    with caplog.at_level(logging.WARNING, logger="formcoach.history.recorder"):
        rec.save(hold_session.report)
        rec.save(hold_session.report)
        rec.finish(hold_session.report)
    assert [r.getMessage() for r in caplog.records] == [
        "history: this session could not be recorded: the history database h.sqlite3 cannot "
        "be used: disk is full"
    ]


def test_a_damaged_history_stops_the_session_before_it_starts(tmp_path: Path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(HistoryError, match="damaged"):
        recorder(path)
