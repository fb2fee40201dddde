"""Tests for formcoach.history.store: saving sessions, reading them back, and
what a damaged, foreign or newer database file does."""

from __future__ import annotations

import copy
import sqlite3
import stat
from pathlib import Path

import pytest
from session_rows import MONDAY, meta, rows, with_readings

from formcoach.history.rows import rows_from_report
from formcoach.history.schema import SCHEMA_VERSION
from formcoach.history.store import HistoryError, HistoryStore


def test_a_hold_session_reads_back_as_its_report_says(tmp_path: Path, hold_session):
    report = hold_session.report
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(report))
        (summary,) = store.recent()
    left = summary.sides["left"]
    assert summary.exercise == "kneeling-hip-flexor" and summary.counting == "hold"
    assert summary.started_at == MONDAY
    assert left.units == len(report["holds"]) == 1
    assert left.completed == report["summary"]["reps"]["left"] == 1
    assert left.good_form_s == pytest.approx(report["summary"]["good_form_s"]["left"])
    assert "right" not in summary.sides
    assert summary.cues == sum(1 for c in report["cues"] if c["code"] == "trunk_lean_forward")
    assert summary.finished and not summary.interrupted


def test_reps_and_their_faults_are_kept(tmp_path: Path, lunge_session, shallow_lunges):
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(lunge_session.report))
        store.save(rows(shallow_lunges.report))
        units = store.work_units("lunge")
        shallow, deep = store.recent(exercise="lunge")  # newest first; same time, higher id
    assert len(units) == 12 and {u.kind for u in units} == {"rep"}
    assert sum(u.faulty for u in units) == 6
    assert (deep.sides["left"].units, deep.sides["left"].completed) == (3, 3)
    assert (shallow.sides["right"].units, shallow.sides["right"].completed) == (3, 0)


def test_saving_a_session_again_replaces_it(tmp_path: Path, hold_session):
    """A live session is saved at every checkpoint under one uid: one row, the latest state."""
    report = hold_session.report
    early = copy.deepcopy(report) | {"holds": [], "cues": []}
    m = meta()
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        first = store.save(rows_from_report(early, m, finished=False, updated_at=MONDAY))
        second = store.save(rows_from_report(report, m, finished=True, updated_at=MONDAY))
        assert first == second
        assert store.count() == 1
        (summary,) = store.recent()
    assert summary.finished and summary.sides["left"].units == 1


def test_readings_are_kept_per_side(tmp_path: Path, hold_session):
    """Thomas-test readings do not exist yet: made-up ones show the schema holds them."""
    report = with_readings(
        hold_session.report, hip_extension_deg=(-8.5, 3.0), knee_angle_deg=(95, 80)
    )
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(report))
        points = store.readings()
        (summary,) = store.recent()
    assert {(p.side, p.name, p.value) for p in points} == {
        ("left", "hip_extension_deg", -8.5),
        ("right", "hip_extension_deg", 3.0),
        ("left", "knee_angle_deg", 95.0),
        ("right", "knee_angle_deg", 80.0),
    }
    assert summary.sides["right"].readings == {"hip_extension_deg": 3.0, "knee_angle_deg": 80.0}


def test_a_bilateral_exercise_keeps_its_side_as_both(tmp_path: Path):
    """A glute bridge works both legs at once: its reps' side is "both"."""
    report = copy.deepcopy(_REPORT) | {"exercise": "glute-bridge"}
    for rep in report["reps"]:
        rep["side"] = "both"
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        store.save(rows(report))
        (summary,) = store.recent()
        units = store.work_units()
    assert set(summary.sides) == {"both"} and summary.sides["both"].units == 30
    assert {u.side for u in units} == {"both"}


def test_a_new_history_is_a_private_file_in_a_new_folder(tmp_path: Path):
    path = tmp_path / "data" / "formcoach" / "history.sqlite3"
    with HistoryStore(path) as store:
        assert store.count() == 0
        assert store.integrity() == "ok"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _garbage(path: Path) -> None:
    path.write_bytes(b"these are not the droids you are looking for\n" * 200)


def _damaged(path: Path) -> None:
    """A real history whose table pages were overwritten halfway through."""
    with HistoryStore(path) as store:
        for i in range(40):
            store.save(rows({**_REPORT, "exercise": f"e{i}"}))
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data), page):
        data[start + 8 : start + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()


def _newer(path: Path) -> None:
    HistoryStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()


_REPORT = {
    "exercise": "lunge",
    "source": {"path": "a.mp4", "duration_s": 12.0},
    "view": {"kind": "side"},
    "pose_coverage": 0.9,
    "targets": {"counting": "reps", "hold_s": None, "per_side": 10},
    "holds": [],
    "reps": [
        {"side": "left", "start_s": i, "end_s": i + 1.5, "depth_deg": 100.0, "faults": []}
        for i in range(30)
    ],
    "cues": [],
}


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(
            _garbage, "is damaged (file is not a database); move it aside", id="not a database"
        ),
        pytest.param(_damaged, "is damaged", id="pages overwritten"),
        pytest.param(
            _foreign, "is an SQLite file but not a formcoach history", id="another program's"
        ),
        pytest.param(_newer, "was written by a newer formcoach", id="a newer schema"),
    ],
)
def test_an_unusable_file_is_one_clear_line(tmp_path: Path, make, expected):
    path = tmp_path / "history.sqlite3"
    make(path)
    with pytest.raises(HistoryError) as caught:
        HistoryStore(path)
    message = str(caught.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message


def test_a_folder_in_the_way_is_one_clear_line(tmp_path: Path):
    (tmp_path / "history.sqlite3").mkdir()
    with pytest.raises(HistoryError, match="is a folder"):
        HistoryStore(tmp_path / "history.sqlite3")
